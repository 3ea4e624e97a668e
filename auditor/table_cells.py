"""What a figure in a table cell is: its column header names the metric (and
the unit, in brackets: 入学率(%), 经费(万元)), its row's first cell the subject.

Used to fill the figures table for figures in .docx, Markdown and HTML tables,
whose cells carry no sentence to take a metric from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

_UNIT_RE = re.compile(r"\s*[(（]\s*([^()（）]{1,6})\s*[)）]\s*$")


@dataclass(frozen=True)
class CellMeaning:
    metric: str
    unit: str
    subject: str


def split_header(header: str) -> tuple[str, str]:
    """入学率(%) → (入学率, %); 经费（万元） → (经费, 万元); 人数 → (人数, "")."""
    match = _UNIT_RE.search(header)
    if not match:
        return header.strip(), ""
    return header[: match.start()].strip(), match.group(1)


def cell_meanings(tables) -> Callable[[int], CellMeaning | None]:
    """offset → the meaning of the body cell holding it (None outside the body cells)."""
    spans: list[tuple[int, int, CellMeaning]] = []
    for table in tables:
        rows = [row for row in table.rows if any(cell.text for cell in row)]
        if len(rows) < 2:
            continue
        header = rows[0]
        for row in rows[1:]:
            for column, cell in enumerate(row):
                if column == 0 or column >= len(header) or not cell.text:
                    continue
                metric, unit = split_header(header[column].text)
                if metric:
                    spans.append((cell.start, cell.start + len(cell.text), CellMeaning(metric, unit, row[0].text.strip())))
    spans.sort(key=lambda span: span[0])
    starts = [span[0] for span in spans]

    def at(offset: int) -> CellMeaning | None:
        index = bisect_right(starts, offset) - 1
        if index < 0 or offset >= spans[index][1]:
            return None
        return spans[index][2]

    return at
