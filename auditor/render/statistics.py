"""`--statistics`: how many findings each rule gave, most first (as ruff does)."""

from __future__ import annotations

import json

from auditor.i18n import message
from auditor.render import RenderContext, Tally
from auditor.render.text import display_width


def rows(counts: Tally, context: RenderContext) -> list[dict]:
    names = {rule.id: rule for rule in context.pack.rules} if context.pack is not None else {}
    ordered = sorted(counts.rules.items(), key=lambda item: (-item[1], item[0]))
    return [
        {"code": rule_id, "name": names[rule_id].name if rule_id in names else "", "count": count,
         "severity": names[rule_id].severity if rule_id in names else ""}
        for rule_id, count in ordered
    ]


def emit_text(results, counts: Tally, write, context: RenderContext) -> None:
    for _ in results:  # counted as they pass
        pass
    table = rows(counts, context)
    width = max((len(str(row["count"])) for row in table), default=1)
    name_width = max((display_width(row["name"]) for row in table), default=0)
    for row in table:
        name = row["name"] + " " * (name_width - display_width(row["name"]))
        write(f"{row['count']:>{width}}  {row['code']}  {name}  {message(row['severity'], context.lang) if row['severity'] else ''}".rstrip() + "\n")
    if not table and not context.quiet:
        write(message("no_findings", context.lang) + "\n")


def emit_json(results, counts: Tally, write, context: RenderContext) -> None:
    for _ in results:
        pass
    write(json.dumps(rows(counts, context), ensure_ascii=False, indent=2) + "\n")
