"""One self-contained HTML file a reviewer can open offline: the document
text with every finding marked, filters by severity and category, counts."""

from __future__ import annotations

from importlib import resources

from markupsafe import Markup, escape

from auditor import __version__
from auditor.i18n import category_name, message
from auditor.locate import describe
from auditor.model import Finding
from auditor.render import RenderContext, Tally
from auditor.render.text import summary_text
from auditor.rulepack import CATEGORIES, SEVERITIES


def _marked_lines(text: str, findings: tuple[Finding, ...], prefix: str) -> list[Markup]:
    """The text split in lines, each finding wrapped in <mark>; overlaps are
    marked once (the earlier finding), every finding is still listed."""
    pieces: list[str] = []
    cursor = 0
    for number, finding in enumerate(findings):
        if finding.start < cursor or finding.start >= len(text):
            continue
        end = max(min(finding.end, len(text)), finding.start + 1)
        pieces.append(str(escape(text[cursor : finding.start])))
        # a mark must not cross a line: cut it at the line end
        inner = text[finding.start : end].split("\n")[0]
        end = finding.start + len(inner)
        pieces.append(
            f'<mark id="{prefix}-{number}" class="{finding.severity}" data-severity="{finding.severity}" '
            f'data-category="{finding.category}" data-rule="{finding.rule}" title="{escape(finding.rule + " " + finding.message)}">'
            f"{escape(inner)}</mark>"
        )
        cursor = end
    pieces.append(str(escape(text[cursor:])))
    return [Markup(line) for line in "".join(pieces).split("\n")]


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    results = list(results)
    lang = context.lang
    from jinja2 import Environment

    template_text = resources.files("auditor.render").joinpath("report.html.j2").read_text(encoding="utf-8")
    template = Environment(autoescape=True, keep_trailing_newline=True).from_string(template_text)
    summary = counts.as_summary()
    files = []
    for index, result in enumerate(results):
        prefix = f"f{index}"
        marked = [f for f in result.findings]
        files.append({
            "path": result.path,
            "error": result.error,
            "lines": _marked_lines(result.text, tuple(marked), prefix) if result.text else [],
            "findings": [
                {"anchor": f"{prefix}-{n}", "line": f.line, "column": f.column, "where": describe(f.location, lang),
                 "severity": f.severity,
                 "severity_name": message(f.severity, lang), "category": f.category, "rule": f.rule, "message": f.message}
                for n, f in enumerate(marked)
            ],
        })
    write(template.render(
        lang=lang,
        version=__version__,
        title=message("html_title", lang),
        summary_text=summary_text(summary, lang),
        labels={k: message(k, lang) for k in ("severity", "category", "count", "location", "rule", "message")},
        severities=[{"key": s, "name": message(s, lang), "count": summary["by_severity"][s]} for s in SEVERITIES],
        categories=[{"key": c, "name": category_name(c, lang), "count": summary["by_category"][c]} for c in CATEGORIES if summary["by_category"][c]],
        files=files,
    ))
