"""A Markdown summary fit for a pull-request comment."""

from __future__ import annotations

from auditor.i18n import category_name, message
from auditor.locate import describe, source_position
from auditor.render import RenderContext, Tally
from auditor.render.text import summary_text

MAX_ROWS = 200


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _where(finding, lang: str) -> str:
    line, column, _, _ = source_position(finding)
    where = describe(finding.location, lang)
    return f"{line}:{column}" + (f" {_cell(where)}" if where else "")


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    results = list(results)
    lang = context.lang
    summary = counts.as_summary()
    title = "auditor: " + message("html_title", lang)
    lines = [f"### {title}", "", summary_text(summary, lang), ""]
    used = [c for c, n in summary["by_category"].items() if n]
    if used:
        lines += [f"| {message('category', lang)} | {message('count', lang)} |", "| --- | ---: |"]
        lines += [f"| {category_name(c, lang)} | {summary['by_category'][c]} |" for c in used]
        lines.append("")
    rows = [(r, f) for r in results for f in r.findings]
    if rows:
        lines += [
            f"| {message('file', lang)} | {message('location', lang)} | {message('severity', lang)} | {message('rule', lang)} | {message('message', lang)} |",
            "| --- | --- | --- | --- | --- |",
        ]
        for result, f in rows[:MAX_ROWS]:
            lines.append(f"| `{_cell(result.path)}` | {_where(f, lang)} | {message(f.severity, lang)} | {f.rule} | {_cell(f.message)} |")
        if len(rows) > MAX_ROWS:
            lines.append(f"| … | | | | +{len(rows) - MAX_ROWS} |")
        lines.append("")
    for result in results:
        if result.error is not None:
            lines.append(f"- `{_cell(result.path)}`: {result.error}")
    write("\n".join(lines).rstrip() + "\n")
