"""The figures table, the relations table and the findings table.

Rows are built as plain dicts (cheap, no pandas); pandas is imported only to
write csv / json / parquet / xlsx.

Figures table columns:
    file, figure, line, column, end_line, end_column, start, end, text, value,
    value_high, unit, base_unit, kind, decimals, multiplier, qualifier, metric,
    subject, area, period, in_list, sentence
(area and period: what the title says the report is about, or what the
sentence names instead, e.g. 2023年 for a 上年同期 value; "" when unclear)

Relations table columns (one row a relation):
    file, relation, id, rate, numerator, denominator, total, parts, old, new,
    stated, stated_decimals, stated_qualifier, stated_unit, word, complete,
    line, column, text
(rate, numerator … are figure numbers in the figures table of the same file;
the value columns hold exact decimal strings.)
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from auditor.extract import Figure
from auditor.model import Analysis, FileResult, format_decimal

FIGURE_COLUMNS = [
    "file", "figure", "line", "column", "end_line", "end_column", "start", "end", "text", "value", "value_high",
    "unit", "base_unit", "kind", "decimals", "multiplier", "qualifier", "metric", "subject", "area", "period",
    "in_list", "sentence",
]
RELATION_COLUMNS = [
    "file", "relation", "id", "rate", "numerator", "denominator", "total", "parts", "old", "new",
    "rate_value", "numerator_value", "denominator_value", "total_value", "parts_sum", "old_value", "new_value",
    "stated", "stated_decimals", "stated_qualifier", "stated_unit", "word", "complete", "line", "column", "text",
]
FINDING_COLUMNS = ["file", "line", "column", "end_line", "end_column", "severity", "rule", "category", "message", "excerpt",
                   "where", "paragraph", "heading", "table", "row", "cell", "page", "pdf_line", "source_line", "source_column"]
LOCATION_COLUMNS = {"paragraph": "paragraph", "heading": "heading", "table": "table", "row": "row", "cell": "cell",
                    "page": "page", "pdf_line": "line", "source_line": "source_line", "source_column": "source_column"}


def figure_rows(analysis: Analysis, checks: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The figures table of one document; with `checks`, the check columns
    (Analysis.rows) that the great_expectations suite runs on."""
    from auditor.across import figure_scopes

    text = analysis.text
    rows = []
    scopes = figure_scopes(analysis)
    meaning_at = None
    if analysis.tables:
        from auditor.table_cells import cell_meanings

        meaning_at = cell_meanings(analysis.tables)
    for f in analysis.figures:
        line, column = text.locate(f.start)
        end_line, end_column = text.locate(max(f.end - 1, f.start))
        sentence_start, sentence_end = text.sentence_span(f.start)
        rows.append({
            "file": analysis.path, "figure": f.index, "line": line, "column": column,
            "end_line": end_line, "end_column": end_column + 1, "start": f.start, "end": f.end,
            "text": text.original[f.start : f.end], "value": format_decimal(f.value),
            "value_high": format_decimal(f.value_high) if f.value_high is not None else "",
            "unit": f.unit, "base_unit": f.base_unit, "kind": f.kind, "decimals": f.decimals,
            "multiplier": f.multiplier, "qualifier": f.qualifier, "metric": f.metric, "subject": f.subject,
            "area": scopes[f.index][0], "period": scopes[f.index][1], "in_list": f.in_list, "sentence": text.original[sentence_start:sentence_end].strip(),
        })
        if meaning_at is not None:
            _from_headers(rows[-1], meaning_at(f.start))
        if checks is not None:
            rows[-1].update({k: _cell(v) for k, v in checks[f.index].items()})
    return rows


def _from_headers(row: dict[str, Any], meaning) -> None:
    """A figure in a table cell: metric and unit from its column header, subject from its row."""
    if meaning is None:
        return
    row["metric"] = row["metric"] or meaning.metric
    row["subject"] = row["subject"] or meaning.subject
    row["unit"] = row["unit"] or meaning.unit


def _cell(value: Any) -> Any:
    """Exact decimals as strings (Infinity for an open bound), missing as ""."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value) if value.is_finite() else ("Infinity" if value > 0 else "-Infinity")
    return value


def relation_rows(analysis: Analysis, relations) -> list[dict[str, Any]]:
    text = analysis.text
    rows: list[dict[str, Any]] = []

    def base(kind: str, anchor: Figure, first: Figure, last: Figure) -> dict[str, Any]:
        line, column = text.locate(anchor.start)
        row = dict.fromkeys(RELATION_COLUMNS, "")
        row.update(file=analysis.path, relation=kind, id=len(rows), line=line, column=column,
                   text=text.original[min(first.start, anchor.start) : max(last.end, anchor.end)])
        return row

    def stated(row: dict[str, Any], figure: Figure | None) -> None:
        if figure is not None:
            row.update(stated=format_decimal(figure.written), stated_decimals=figure.decimals,
                       stated_qualifier=figure.qualifier, stated_unit=figure.unit)

    for r in relations.ratios:
        row = base("ratio", r.rate, r.denominator, r.rate)
        row.update(rate=r.rate.index, numerator=r.numerator.index, denominator=r.denominator.index,
                   rate_value=format_decimal(r.rate.written), numerator_value=format_decimal(r.numerator.value),
                   denominator_value=format_decimal(r.denominator.value))
        stated(row, r.rate)
        rows.append(row)
    for p in relations.parts:
        row = base("parts", p.total, min(p.parts[0], p.total, key=lambda f: f.start), max(p.parts[-1], p.total, key=lambda f: f.end))
        row.update(total=p.total.index, parts=" ".join(str(x.index) for x in p.parts),
                   total_value=format_decimal(p.total.value),
                   parts_sum=format_decimal(sum(x.value for x in p.parts)), complete=p.reason)
        rows.append(row)
    for c in relations.changes:
        row = base("change", c.old, min(c.old, c.new, key=lambda f: f.start), c.stated or c.new)
        row.update(old=c.old.index, new=c.new.index, old_value=format_decimal(c.old.value),
                   new_value=format_decimal(c.new.value), word=c.stated_word or c.word)
        stated(row, c.stated)
        rows.append(row)
    return rows


def finding_rows(results: list[FileResult], lang: str = "zh") -> list[dict[str, Any]]:
    from auditor.locate import describe

    return [
        {"file": r.path, "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
         "severity": f.severity, "rule": f.rule, "category": f.category, "message": f.message, "excerpt": f.excerpt,
         "where": describe(f.location, lang),
         **{column: f.location.get(key, "") if key != "line" or "page" in f.location else ""
            for column, key in LOCATION_COLUMNS.items()}}
        for r in results for f in r.findings
    ]


def write_xlsx(path: Path, sheets: dict[str, Any]) -> None:
    """Sheets of DataFrames to xlsx, the same bytes for the same tables: the
    save time openpyxl records and the zip entries' times are fixed."""
    import pandas as pd

    from auditor.output import cell_safe

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in sheets.items():
            table.map(cell_safe).to_excel(writer, sheet_name=name, index=False)
    deterministic_xlsx(path)


def deterministic_xlsx(path: Path) -> None:
    """Fix the save time openpyxl records and the zip entries' times, in place."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    fixed = "2000-01-01T00:00:00Z"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + fixed.encode(), data)
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)


def frame(rows: list[dict[str, Any]], columns: list[str]):
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)
