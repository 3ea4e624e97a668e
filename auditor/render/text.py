"""Human-readable text: `path:line:col: severity [rule] message`, the sentence
with the finding underlined, and a summary line. Colour only on a terminal."""

from __future__ import annotations

import unicodedata

import click

from auditor.i18n import counted_noun, message
from auditor.locate import describe, source_position
from auditor.model import FileResult, Finding
from auditor.render import RenderContext, Tally, write_pieces

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _marked(finding: Finding, colour: bool) -> list[str]:
    text = finding.excerpt
    start, end = finding.mark
    end = max(end, start + 1)
    if colour:
        styled = text[:start] + click.style(text[start:end], fg=COLOURS[finding.severity], bold=True, underline=True) + text[end:]
        return [f"    | {styled}"]
    underline = " " * display_width(text[:start]) + "^" * max(display_width(text[start:end]), 1)
    return [f"    | {text}", f"    | {underline}"]


def _location(finding: Finding, lang: str) -> str:
    line, column, _, _ = source_position(finding)
    where = describe(finding.location, lang)
    return f"{line}:{column} ({where})" if where else f"{line}:{column}"


def file_block(result: FileResult, lang: str, colour: bool) -> str:
    return "".join(block_pieces(result, lang, colour))


def block_pieces(result: FileResult, lang: str, colour: bool):
    """One file's block a finding at a time: a long document's report is never one string."""
    if result.error is not None or not result.findings:
        return
    yield (click.style(result.path, bold=True) if colour else result.path) + "\n"
    for finding in result.findings:
        severity = message(finding.severity, lang)
        if colour:
            severity = click.style(severity, fg=COLOURS[finding.severity], bold=True)
        lines = [f"{result.path}:{_location(finding, lang)}: {severity} [{finding.rule}] {finding.message}",
                 *_marked(finding, colour)]
        yield "".join(line + "\n" for line in lines)
    yield "\n"


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    for result in results:
        write_pieces(block_pieces(result, context.lang, context.colour), write)
    if not context.quiet:
        write(summary_text(counts.as_summary(), context.lang) + "\n")


def summary_text(counts: dict, lang: str) -> str:
    numbers = {"files": counts["files"], "findings": counts["findings"], **counts["by_severity"]}
    phrases = {f"{key}_phrase": counted_noun(value, key, lang) for key, value in numbers.items()}
    text = message("summary", lang, **numbers, **phrases)
    if counts["errors"]:
        text += message("summary_errors", lang, count=counts["errors"], count_phrase=counted_noun(counts["errors"], "files", lang))
    if counts["baseline"]:
        text += message("summary_baseline", lang, count=counts["baseline"])
    if counts["suppressed"]:
        text += message("summary_suppressed", lang, count=counts["suppressed"])
    return text
