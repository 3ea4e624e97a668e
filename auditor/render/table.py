"""Findings (and, with --figures, the figures table) as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

from auditor.model import FileResult
from auditor.output import replacing, write_text
from auditor.render import RenderContext, Tally
from auditor.table import FIGURE_COLUMNS, FINDING_COLUMNS, finding_rows, frame


def emit_csv(results, counts: Tally, write, context: RenderContext) -> None:
    """Findings as CSV; with --figures the figures go beside --output as NAME.figures.csv."""
    results = list(results)
    if context.with_figures and context.output is not None:
        write_figures_csv(context.output.with_name(context.output.stem + ".figures.csv"), results)
    write(frame(finding_rows(results, context.lang), FINDING_COLUMNS).to_csv(index=False, lineterminator="\n"))


def emit_xlsx(results, counts: Tally, write, context: RenderContext) -> None:
    """The reviewer's workbook (auditor.render.xlsx_review)."""
    from auditor.render import xlsx_review

    results = list(results)
    with replacing(context.output) as temporary:
        xlsx_review.write(temporary, results, context.lang, with_figures=context.with_figures)


def write_figures_csv(path: Path, results: list[FileResult]) -> None:
    rows = [row for r in results for row in r.figures]
    write_text(path, frame(rows, FIGURE_COLUMNS).to_csv(index=False, lineterminator="\n"))
