"""Findings (and, with --figures, the figures table) as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

from auditor.i18n import message
from auditor.model import FileResult
from auditor.table import FIGURE_COLUMNS, FINDING_COLUMNS, finding_rows, frame


def render(results: list[FileResult], lang: str, **_: object) -> str:
    """Findings as CSV; with --figures the figures go beside --output as NAME.figures.csv."""
    return frame(finding_rows(results), FINDING_COLUMNS).to_csv(index=False, lineterminator="\n")


def write(output: Path, results: list[FileResult], lang: str, with_figures: bool = False) -> None:
    import pandas as pd

    with pd.ExcelWriter(output, engine="openpyxl") as writer:
        frame(finding_rows(results), FINDING_COLUMNS).to_excel(writer, sheet_name=message("findings_sheet", lang), index=False)
        if with_figures:
            rows = [row for r in results for row in r.figures]
            frame(rows, FIGURE_COLUMNS).to_excel(writer, sheet_name=message("figures_sheet", lang), index=False)


def write_figures_csv(path: Path, results: list[FileResult]) -> None:
    rows = [row for r in results for row in r.figures]
    path.write_text(frame(rows, FIGURE_COLUMNS).to_csv(index=False, lineterminator="\n"), encoding="utf-8")
