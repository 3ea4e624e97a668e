"""GitHub Actions workflow commands: one annotation a finding."""

from __future__ import annotations

from auditor.locate import describe, source_position
from auditor.model import FileResult
from auditor.render import RenderContext, Tally, write_pieces
from auditor.render.text import summary_text

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def file_lines(result: FileResult, lang: str = "zh") -> str:
    return "".join(line_pieces(result, lang))


def line_pieces(result: FileResult, lang: str = "zh"):
    """One workflow command a line, a finding at a time."""
    if result.error is not None:
        yield f"::error file={_property(result.path)},title=auditor::{_data(result.error)}\n"
    if result.notice is not None:
        yield f"::notice file={_property(result.path)},title=auditor::{_data(result.notice)}\n"
    for f in result.findings:
        line, column, end_line, end_column = source_position(f)
        props = (f"file={_property(result.path)},line={line},col={column},endLine={end_line},"
                 f"endColumn={end_column},title={_property(f'{f.rule} {f.category}')}")
        where = describe(f.location, lang)
        yield f"::{COMMANDS[f.severity]} {props}::{_data(f.message + (f' ({where})' if where else ''))}\n"


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    for result in results:
        write_pieces(line_pieces(result, context.lang), write)
    if not context.quiet:
        write(summary_text(counts.as_summary(), context.lang) + "\n")
