"""The JSON contract (version 1), documented in the README.

Laid out one finding a line: the structure is indented for reading, each
finding is encoded compactly, which lets the json module use its C encoder
(an indented dump runs in pure Python, and is the slowest part of a big run).
"""

from __future__ import annotations

import json

from auditor.model import FileResult
from auditor.render import RenderContext, Tally

_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def file_entry(result: FileResult, lang: str = "zh") -> str:
    lines = [f'    {{\n      "path": {_compact(result.path)},']
    if result.error is not None:
        lines.append(f'      "error": {_compact({"code": result.error_code, "message": result.error})},')
    if result.notice is not None:
        lines.append(f'      "notice": {_compact({"code": result.notice_code, "message": result.notice})},')
    if result.findings:
        body = ",\n".join("        " + _compact(f.as_json_in(lang)) for f in result.findings)
        lines.append(f'      "findings": [\n{body}\n      ]')
    else:
        lines.append('      "findings": []')
    if result.figures:  # --figures: the figures table of this file, one row a line
        lines[-1] += ","
        body = ",\n".join("        " + _compact(row) for row in result.figures)
        lines.append(f'      "figures": [\n{body}\n      ]')
    return "\n".join(lines) + "\n    }"


def _summary(counts: Tally) -> str:
    data = counts.as_summary()
    inner = ",\n".join(f"    {_compact(key)}: {_compact(value)}" for key, value in data.items())
    return "{\n" + inner + "\n  }"


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    write('{\n  "version": 1,\n  "files": [')
    first = True
    for result in results:
        write(("\n" if first else ",\n") + file_entry(result, context.lang))
        first = False
    write("]" if first else "\n  ]")
    write(',\n  "summary": ' + _summary(counts) + "\n}\n")
