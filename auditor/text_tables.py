"""Tables in plain text: runs of lines whose cells stand apart by tabs or runs of
blanks (出访欧洲    12批  46人), as a report exported to .txt or pasted from a
spreadsheet carries them. Read as tables for the 合计-row check (TB001), which
then treats them more strictly than Word tables: no header needed, but every
cell of a column in one unit (12批, 19批 …), and a total no larger than one of
its parts is no total (an average or a largest value).

Lines whose cells stand apart by | (项目|总数|达标数|比率(%)), as a web page or a
Markdown export without its |---| line gives them, are `pipe_tables`: a header
line and the rows under it, read as a .docx table is (TB001, TB002)."""

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


_PIPE_RE = re.compile(r"[ \t\u3000]*[|｜][ \t\u3000]*")
_PIPE_MIN_ROWS = 2  # a header and one row
_MD_RULE_RE = re.compile(r"[|｜]?\s*:?-{2,}:?\s*(?:[|｜]\s*:?-{2,}:?\s*)*[|｜]?")


def pipe_tables(text: str) -> list[Table]:
    """The runs of two lines or more that split at | into the same number of cells (three or more)."""
    if "|" not in text and "｜" not in text:
        return []
    tables: list[Table] = []
    block: list[tuple[TableCell, ...]] = []
    offset = 0
    for line in text.split("\n"):
        if block and _MD_RULE_RE.fullmatch(line.strip()):
            offset += len(line) + 1
            continue  # |---|---|: the rule under a Markdown header, no row
        cells = _pipe_cells(line, offset)
        # a line of words only under rows of figures is the next table's header
        new_header = cells is not None and len(block) >= 2 and not _any_digit(cells) and _any_digit(block[-1])
        if cells is None or new_header or block and len(cells) != len(block[-1]):
            _close_pipes(block, tables)
            block = []
        if cells is not None:
            block.append(cells)
        offset += len(line) + 1
    _close_pipes(block, tables)
    return tables


def _any_digit(cells: tuple[TableCell, ...]) -> bool:
    return any(char.isdigit() for cell in cells for char in cell.text)


def _close_pipes(block: list[tuple[TableCell, ...]], tables: list[Table]) -> None:
    if len(block) >= _PIPE_MIN_ROWS:
        tables.append(Table(len(tables) + 1, tuple(block)))


def _pipe_cells(line: str, offset: int) -> tuple[TableCell, ...] | None:
    body = line.rstrip("\r")
    if ("|" not in body and "｜" not in body) or _MD_RULE_RE.fullmatch(body.strip()):
        return None
    cells: list[TableCell] = []
    cursor = 0
    for gap in _PIPE_RE.finditer(body):
        cells.append(TableCell(body[cursor : gap.start()], offset + cursor))
        cursor = gap.end()
    cells.append(TableCell(body[cursor:].rstrip(" \t\u3000"), offset + cursor))
    if cells and not cells[0].text.strip():
        cells = cells[1:]  # |a|b|: the outer bars open and close the row
    if cells and not cells[-1].text.strip():
        cells = cells[:-1]
    if len(cells) < 3 or len(cells) > _MAX_CELLS or any(not c.text.strip() for c in cells):
        return None
    return tuple(cells)
