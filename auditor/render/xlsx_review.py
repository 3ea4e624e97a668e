"""The findings as a workbook a reviewer works in.

Headers in the report language, numbers stored as numbers, an autofilter, the
header row frozen, column widths fitted to the text (a CJK character counts
two), a 处理状态 column with a drop-down and a 备注 column to fill in, and the
location columns (where, paragraph, heading, table/row/cell, page, source
line). With --figures, the figures and relations sheets are the same tables
as `auditor figures --format xlsx`. Same input, same bytes.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from auditor.i18n import category_name, message
from auditor.locate import describe
from auditor.model import FileResult
from auditor.output import cell_safe

# (key, zh header, en header, width cap); the order of the sheet's columns
COLUMNS: list[tuple[str, str, str, int]] = [
    ("file", "文件", "File", 40),
    ("where", "位置", "Location", 36),
    ("rule", "规则", "Rule", 8),
    ("severity", "严重程度", "Severity", 10),
    ("category", "类别", "Category", 12),
    ("message", "问题", "Message", 60),
    ("excerpt", "原文", "Excerpt", 60),
    ("status", "处理状态", "Status", 12),
    ("note", "备注", "Note", 30),
    ("line", "行", "Line", 6),
    ("column", "列", "Column", 6),
    ("paragraph", "段落", "Paragraph", 6),
    ("heading", "标题", "Heading", 30),
    ("table", "表格", "Table", 6),
    ("row", "表格行", "Row", 6),
    ("cell", "表格列", "Cell", 6),
    ("page", "页码", "Page", 6),
    ("pdf_line", "页内行", "Line on page", 6),
    ("source_line", "源文件行", "Source line", 6),
    ("source_column", "源文件列", "Source column", 6),
]
STATUSES = {"zh": ("待处理", "已修改", "无需修改"), "en": ("open", "fixed", "no change needed")}
_WRAPPED = {"message", "excerpt", "note"}


def header(key: str, lang: str) -> str:
    entry = next(c for c in COLUMNS if c[0] == key)
    return entry[2] if lang == "en" else entry[1]


def review_rows(results: list[FileResult], lang: str) -> list[dict[str, Any]]:
    rows = []
    for result in results:
        for f in result.findings:
            location = f.location
            rows.append({
                "file": result.path,
                "where": describe(location, lang) or f"{f.line}:{f.column}",
                "rule": f.rule,
                "severity": message(f.severity, lang),
                "category": category_name(f.category, lang),
                "message": f.message,
                "excerpt": f.excerpt,
                "status": STATUSES.get(lang, STATUSES["zh"])[0],
                "note": None,
                "line": f.line,
                "column": f.column,
                "paragraph": location.get("paragraph"),
                "heading": location.get("heading"),
                "table": location.get("table"),
                "row": location.get("row"),
                "cell": location.get("cell"),
                "page": location.get("page"),
                "pdf_line": location.get("line") if "page" in location else None,
                "source_line": location.get("source_line"),
                "source_column": location.get("source_column"),
            })
    return rows


def display_width(value: Any) -> int:
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write(output: Path, results: list[FileResult], lang: str, with_figures: bool = False, **_: object) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from auditor.table import deterministic_xlsx

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = message("findings_sheet", lang)
    keys = [c[0] for c in COLUMNS]
    sheet.append([header(k, lang) for k in keys])
    rows = review_rows(results, lang)
    for row in rows:
        sheet.append([cell_safe(row[k]) for k in keys])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, (key, _, _, cap) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        widest = max([display_width(header(key, lang))] + [display_width(r[key]) for r in rows])
        sheet.column_dimensions[letter].width = min(widest, cap) + 2
        if key in _WRAPPED:
            for cell in sheet[letter][1:]:
                cell.alignment = wrap
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
    sheet.freeze_panes = "A2"
    status_letter = get_column_letter(keys.index("status") + 1)
    choices = STATUSES.get(lang, STATUSES["zh"])
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    validation.add(f"{status_letter}2:{status_letter}{max(len(rows) + 1, 2)}")
    sheet.add_data_validation(validation)
    if with_figures:
        _figure_sheets(workbook, results, lang)
    workbook.save(output)
    deterministic_xlsx(output)


def _figure_sheets(workbook, results: list[FileResult], lang: str) -> None:
    """The figures (and relations) tables, as `auditor figures --format xlsx` writes them."""
    from auditor.table import FIGURE_COLUMNS, RELATION_COLUMNS

    figures = [row for r in results for row in r.figures]
    relations = [row for r in results for row in r.relations]
    check_columns = [c for c in (figures[0] if figures else {}) if c not in FIGURE_COLUMNS]
    for name, columns, rows in ((message("figures_sheet", lang), FIGURE_COLUMNS + check_columns, figures),
                                (message("relations_sheet", lang), RELATION_COLUMNS, relations)):
        sheet = workbook.create_sheet(name)
        sheet.append(columns)
        for row in rows:
            sheet.append([_excel(row.get(c)) for c in columns])
        sheet.freeze_panes = "A2"
        if rows:
            from openpyxl.utils import get_column_letter

            sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def _excel(value: Any) -> Any:
    return None if value == "" else cell_safe(value)
