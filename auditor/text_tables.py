"""Tables in plain text: runs of lines whose cells stand apart by tabs or runs of
blanks (出访欧洲    12批  46人), as a report exported to .txt or pasted from a
spreadsheet carries them. Read as tables for the 合计-row check (TB001), which
then treats them more strictly than Word tables: no header needed, but every
cell of a column in one unit (12批, 19批 …), and a total no larger than one of
its parts is no total (an average or a largest value)."""

from __future__ import annotations

import re

from auditor.normalise import normalise_key
from auditor.read import Table, TableCell

_GAP_RE = re.compile(r"\t+[ \u3000]*|[ \u3000]{2,}\t*")
_MIN_ROWS = 3
_MAX_CELLS = 16
_TOTAL_MARK_RE = re.compile(r"(?:合|总|共|小)计")


def text_tables(text: str) -> list[Table]:
    """The tables of a plain text: each a run of three lines or more that split into the same
    number of cells (two or more), one of them at least a 合计/总计/共计/小计 row."""
    if ("计" not in text and "計" not in text) or ("\t" not in text and "  " not in text and "\u3000\u3000" not in text):
        return []
    tables: list[Table] = []
    block: list[tuple[TableCell, ...]] = []
    offset = 0
    for line in text.split("\n"):
        cells = _cells(line, offset) if ("\t" in line or "  " in line or "\u3000\u3000" in line) else None
        if cells is not None and block and len(cells) != len(block[-1]):
            _close(block, tables)
            block = []
        if cells is None:
            _close(block, tables)
            block = []
        else:
            block.append(cells)
        offset += len(line) + 1
    _close(block, tables)
    return tables


def _close(block: list[tuple[TableCell, ...]], tables: list[Table]) -> None:
    if len(block) >= _MIN_ROWS and any(_TOTAL_MARK_RE.search(normalise_key(row[0].text)) for row in block):
        tables.append(Table(len(tables) + 1, tuple(block)))


_SPACED_LABEL_RE = re.compile(r"(?<=[合总總共小])[ \u3000]{1,4}(?=[计計])")  # 合  计: one cell, its letters spaced out


def _cells(line: str, offset: int) -> tuple[TableCell, ...] | None:
    body = _SPACED_LABEL_RE.sub(lambda gap: "\u00a0" * len(gap.group(0)), line.rstrip("\r"))
    stripped = body.lstrip(" \u3000\t")
    lead = len(body) - len(stripped)
    stripped = stripped.rstrip(" \u3000\t")
    if not stripped:
        return None
    cells = []
    cursor = 0
    for gap in _GAP_RE.finditer(stripped):
        cells.append(TableCell(stripped[cursor : gap.start()], offset + lead + cursor))
        cursor = gap.end()
        if len(cells) > _MAX_CELLS:
            return None
    cells.append(TableCell(stripped[cursor:], offset + lead + cursor))
    return tuple(cells) if len(cells) >= 2 else None
