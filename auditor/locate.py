"""Where a finding is, the way a person finds it: the paragraph as Word counts
it, the nearest heading above, the table/row/cell, the PDF page and line, the
line and column in an HTML source file.

`locator(analysis)` gives a function from a finding's span to its location
dict (the `location` of a finding; JSON key names); `describe` turns that into
a short phrase in the report language (第3段 · 二、主要成效).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from auditor.i18n import message

if TYPE_CHECKING:
    from auditor.model import Analysis

_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


def locator(analysis: "Analysis") -> Callable[[int, int], dict]:
    if analysis.blocks:
        place = _block_locator(analysis.blocks)
    elif analysis.path.lower().endswith((".md", ".markdown")):
        place = _heading_locator([(m.start(), m.group(1)[:80]) for m in _MD_HEADING.finditer(analysis.text.original)])
    else:
        place = lambda start, end: {}  # noqa: E731
    if not analysis.tables:
        return place
    cell_at = _cell_locator(analysis.tables)

    def with_cell(start: int, end: int) -> dict:
        location = place(start, end)
        if "table" not in location:
            location.update(cell_at(start))
        return location

    return with_cell


def _cell_locator(tables) -> Callable[[int], dict]:
    """Table, row and cell of an offset inside a table cell (Markdown and HTML tables)."""
    cells = sorted(
        (cell.start, cell.start + len(cell.text), table.number, r, c)
        for table in tables for r, row in enumerate(table.rows, start=1)
        for c, cell in enumerate(row, start=1) if cell.text
    )
    starts = [cell[0] for cell in cells]

    def at(offset: int) -> dict:
        index = bisect_right(starts, offset) - 1
        if index < 0 or offset >= cells[index][1]:
            return {}
        _, _, table, row, column = cells[index]
        return {"table": table, "row": row, "cell": column}

    return at


def _block_locator(blocks) -> Callable[[int, int], dict]:
    starts = [b.start for b in blocks]

    def at(offset: int) -> dict:
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return {}
        label = dict(blocks[index].label)
        if "source_column" in label:  # a block is a stretch consecutive in the source
            label["source_column"] += offset - blocks[index].start
        return label

    def place(start: int, end: int) -> dict:
        location = at(start)
        if "source_line" in location:
            last = at(max(end - 1, start))
            if "source_line" in last:
                location["source_end_line"] = last["source_line"]
                location["source_end_column"] = last["source_column"] + 1
        return location

    return place


def _heading_locator(headings: list[tuple[int, str]]) -> Callable[[int, int], dict]:
    starts = [offset for offset, _ in headings]

    def place(start: int, end: int) -> dict:
        index = bisect_right(starts, start) - 1
        return {"heading": headings[index][1]} if index >= 0 else {}

    return place


def describe(location: dict, lang: str) -> str:
    """第3段 · 二、主要成效 / 表1第3行第4列 / 第2页第5行 / 源文件第12行第5列; "" when nothing is known."""
    parts = []
    if "table" in location:
        parts.append(message("loc_table", lang, table=location["table"], row=location["row"], cell=location["cell"]))
    elif "paragraph" in location:
        parts.append(message("loc_paragraph", lang, paragraph=location["paragraph"]))
    if "page" in location:
        parts.append(message("loc_page", lang, page=location["page"], line=location["line"]))
    if "source_line" in location:
        parts.append(message("loc_source", lang, line=location["source_line"], column=location["source_column"]))
    if location.get("heading"):
        parts.append(location["heading"])
    return " · ".join(parts)


def source_position(finding) -> tuple[int, int, int, int]:
    """(line, column, end line, end column) in the file a tool opens: the HTML
    source for an HTML input, the text otherwise."""
    location = finding.location
    if "source_line" in location:
        return (location["source_line"], location["source_column"],
                location.get("source_end_line", location["source_line"]),
                location.get("source_end_column", location["source_column"] + 1))
    return finding.line, finding.column, finding.end_line, finding.end_column
