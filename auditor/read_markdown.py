"""Read Markdown: the text as written, and its pipe tables as tables, so the
table checks (合计 rows and columns, rate columns) run on them as on .docx tables.

A table is a run of lines that start with `|` and include a separator line
(`| --- | :---: |`); the separator is not a row. Each cell keeps the offset of
its text in the document, so a finding lands on the cell's own characters.
"""

from __future__ import annotations

import re
from pathlib import Path

from auditor.read import Document, read_text_file
from auditor.read import Table, TableCell

_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")


def read_markdown(path: Path, display: str) -> Document:
    document = read_text_file(path, display)
    tables = markdown_tables(document.text)
    return Document(document.path, document.text, document.encoding, document.blocks, tables) if tables else document


def markdown_tables(text: str) -> tuple[Table, ...]:
    tables: list[Table] = []
    block: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.lstrip().startswith("|"):
            block.append((offset, line))
        else:
            _close(block, tables)
            block = []
        offset += len(line) + 1
    _close(block, tables)
    return tuple(tables)


def _close(block: list[tuple[int, str]], tables: list[Table]) -> None:
    if not any(_SEPARATOR_RE.match(line) for _, line in block):
        return
    rows = tuple(_cells(start, line) for start, line in block if not _SEPARATOR_RE.match(line))
    if rows:
        tables.append(Table(len(tables) + 1, rows))


def _cells(line_start: int, line: str) -> tuple[TableCell, ...]:
    body = line.rstrip("\r")
    bounds = [m.start() for m in _CELL_SPLIT_RE.finditer(body)]
    first, last = bounds[0], bounds[-1] if body.rstrip().endswith("|") and len(bounds) > 1 else len(body)
    edges = [b for b in bounds if first <= b <= last]
    if edges[-1] != last:
        edges.append(last)
    cells = []
    for left, right in zip(edges, edges[1:]):
        raw = body[left + 1 : right]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        cells.append(TableCell(stripped.replace("\\|", "|"), line_start + left + 1 + (lead if stripped else 0)))
    return tuple(cells)
