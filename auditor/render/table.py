"""Findings (and, with --figures, the figures table) as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

from auditor.i18n import message
from auditor.model import FileResult
from auditor.render import RenderContext, Tally
from auditor.table import FIGURE_COLUMNS, FINDING_COLUMNS, finding_rows, frame, write_xlsx


def emit_csv(results, counts: Tally, write, context: RenderContext) -> None:
    """Findings as CSV; with --figures the figures go beside --output as NAME.figures.csv."""
    results = list(results)
    if context.with_figures and context.output is not None:
        write_figures_csv(context.output.with_name(context.output.stem + ".figures.csv"), results)
    write(frame(finding_rows(results), FINDING_COLUMNS).to_csv(index=False, lineterminator="\n"))


def emit_xlsx(results, counts: Tally, write, context: RenderContext) -> None:
    write_sheets(context.output, list(results), context.lang, context.with_figures)


def write_sheets(output: Path, results: list[FileResult], lang: str, with_figures: bool = False) -> None:
    sheets = {message("findings_sheet", lang): frame(finding_rows(results), FINDING_COLUMNS)}
    if with_figures:
        sheets[message("figures_sheet", lang)] = frame([row for r in results for row in r.figures], FIGURE_COLUMNS)
    write_xlsx(output, sheets)


def write_figures_csv(path: Path, results: list[FileResult]) -> None:
    rows = [row for r in results for row in r.figures]
    path.write_text(frame(rows, FIGURE_COLUMNS).to_csv(index=False, lineterminator="\n"), encoding="utf-8")
