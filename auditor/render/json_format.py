"""The JSON contract (version 1), documented in the README.

Laid out one finding a line: the structure is indented for reading, each
finding is encoded compactly, which lets the json module use its C encoder
(an indented dump runs in pure Python, and is the slowest part of a big run).
"""

from __future__ import annotations

import json
from itertools import chain

from auditor.model import FileResult
from auditor.render import RenderContext, Tally, write_pieces

_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def file_entry(result: FileResult, lang: str = "zh") -> str:
    return "".join(file_pieces(result, lang))


def file_pieces(result: FileResult, lang: str = "zh"):
    """One file's entry in pieces of at most a few hundred findings: a long
    document's findings are never one string (a 50 MB report gives 100 MB of JSON)."""
    head = [f'    {{\n      "path": {_compact(result.path)},']
    if result.error is not None:
        head.append(f'      "error": {_compact({"code": result.error_code, "message": result.error})},')
    if result.notice is not None:
        head.append(f'      "notice": {_compact({"code": result.notice_code, "message": result.notice})},')
    if not result.findings:
        yield "\n".join([*head, '      "findings": []'])
    else:
        yield "\n".join([*head, '      "findings": [\n'])
        batch: list[str] = []
        separator = ""
        for finding in result.findings:
            batch.append("        " + _compact(finding.as_json_in(lang)))
            if len(batch) == _BATCH:
                yield separator + ",\n".join(batch)
                batch, separator = [], ",\n"
        yield (separator + ",\n".join(batch) if batch else "") + "\n      ]"
    if result.figures:  # --figures: the figures table of this file, one row a line
        body = ",\n".join("        " + _compact(row) for row in result.figures)
        yield f',\n      "figures": [\n{body}\n      ]'
    yield "\n    }"


_BATCH = 256


def _summary(counts: Tally) -> str:
    data = counts.as_summary()
    inner = ",\n".join(f"    {_compact(key)}: {_compact(value)}" for key, value in data.items())
    return "{\n" + inner + "\n  }"


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    write('{\n  "version": 1,\n  "files": [')
    first = True
    for result in results:
        write_pieces(chain(("\n" if first else ",\n",), file_pieces(result, context.lang)), write)
        first = False
    write("]" if first else "\n  ]")
    write(',\n  "summary": ' + _summary(counts) + "\n}\n")
