"""Render results: one protocol, one registry of formats, all from the same records.

Every format is a `Renderer`: it is given the results as an iterator that
counts them into a `Tally` as they pass (see `counted`), so a streaming
renderer that writes the summary after its loop, and a collecting renderer
that lists the results first, both find the counts complete, and no renderer
counts on its own (none can forget to).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any, Protocol

from auditor.model import FileResult
from auditor.rulepack import CATEGORIES, SEVERITIES, RulePack


@dataclass
class Tally:
    """Counts for the summary, kept while results stream past."""

    files: int = 0
    errors: int = 0
    suppressed: int = 0
    baseline: int = 0
    severities: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    notices: int = 0  # files audited with a notice (an empty file)

    def add(self, result: FileResult) -> FileResult:
        if result.error is None:
            self.files += 1
        else:
            self.errors += 1
        self.suppressed += result.suppressed
        self.notices += result.notice is not None
        severities, categories, rules = self.severities, self.categories, self.rules
        for finding in result.findings:  # one pass: a long document's findings may be decoded as they pass
            severities[finding.severity] += 1
            categories[finding.category] += 1
            rules[finding.rule] += 1
        return result

    def failing(self, fail_on: str) -> bool:
        levels = {"error": ("error",), "warning": ("error", "warning")}.get(fail_on, ())
        return any(self.severities[level] for level in levels)

    def as_summary(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "findings": sum(self.severities.values()),
            "errors": self.errors,
            "by_severity": {s: self.severities.get(s, 0) for s in SEVERITIES},
            "by_category": {c: self.categories.get(c, 0) for c in CATEGORIES},
            "suppressed": self.suppressed,
            "baseline": self.baseline,
        }


def tally(results, baseline_accepted: int = 0) -> Tally:
    counts = Tally(baseline=baseline_accepted)
    for result in results:
        counts.add(result)
    return counts


def summary(results: list[FileResult], baseline_accepted: int = 0) -> dict[str, Any]:
    return tally(results, baseline_accepted).as_summary()


def counted(results: Iterable[FileResult], counts: Tally) -> Iterator[FileResult]:
    """The results, each added to `counts` as it is handed on."""
    for result in results:
        counts.add(result)
        yield result


def write_pieces(pieces: Iterable[str], write: Callable[[str], None], size: int = 1 << 16) -> None:
    """Hand `pieces` to `write` joined into writes of about `size` characters:
    a file's findings stream out without one call (and one flush) per finding."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            write("".join(batch))
            batch, length = [], 0
    if batch:
        write("".join(batch))


@dataclass(frozen=True)
class RenderContext:
    """What a renderer may need besides the results."""

    lang: str = "zh"
    pack: RulePack | None = None
    with_figures: bool = False
    colour: bool = False
    output: Path | None = None  # where binary formats (and side files) are written
    quiet: bool = False  # findings and errors only: no summary line
    fail_on: str = "error"  # what fails the run (junit: only those are failures)
    root: Path | None = None  # the project root paths are given relative to (sarif, gitlab)


class Renderer(Protocol):
    def __call__(self, results: Iterator[FileResult], counts: Tally,
                 write: Callable[[str], None], context: RenderContext) -> None:
        """Write the report through `write` (binary formats: to `context.output`).
        `results` counts itself into `counts`: read `counts` only after the loop."""


@dataclass(frozen=True)
class Format:
    """One --format choice and how the command line must treat it."""

    name: str
    entry: str  # "module:function" of its Renderer, imported on first use
    streams: bool = False  # writes file by file: flat memory on big runs
    binary: bool = False  # writes `context.output` itself, never standard output
    keeps_text: bool = False  # needs each document's text (to show it marked)
    figures: str = "none"  # --figures: "inline" (in the report), "side-file" (NAME.figures.csv), "none"

    def renderer(self) -> Renderer:
        module, _, name = self.entry.partition(":")
        return getattr(import_module(module), name)

    def needs_output(self, with_figures: bool) -> bool:
        return self.binary or (with_figures and self.figures == "side-file")


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "auditor.render.text:emit", streams=True),
    Format("json", "auditor.render.json_format:emit", streams=True, figures="inline"),
    Format("sarif", "auditor.render.sarif:emit"),
    Format("junit", "auditor.render.junit:emit"),
    Format("gitlab", "auditor.render.gitlab:emit"),
    Format("github", "auditor.render.github:emit", streams=True),
    Format("html", "auditor.render.html:emit", keeps_text=True),
    Format("csv", "auditor.render.table:emit_csv", figures="side-file"),
    Format("xlsx", "auditor.render.table:emit_xlsx", binary=True, figures="inline"),
    Format("markdown", "auditor.render.markdown:emit"),
    Format("docx", "auditor.render.docx_comments:emit", binary=True, keeps_text=True),
)}

# --statistics replaces the report by a count per rule, in text or json
STATISTICS: dict[str, Format] = {
    "text": Format("text", "auditor.render.statistics:emit_text"),
    "json": Format("json", "auditor.render.statistics:emit_json"),
}


def render_report(name: str | Format, results: Iterable[FileResult], write: Callable[[str], None],
                  context: RenderContext, counts: Tally | None = None) -> Tally:
    """Render `results` (counted here unless the caller passes its own counting
    iterator and the `counts` it fills) in format `name`; return the counts."""
    if counts is None:
        counts = Tally()
        results = counted(results, counts)
    form = FORMATS[name] if isinstance(name, str) else name
    form.renderer()(iter(results), counts, write, context)
    return counts


def render_string(name: str, results: Iterable[FileResult], lang: str = "zh", baseline_accepted: int = 0,
                  **context: Any) -> str:
    """A whole report as one string (every format but the binary ones)."""
    pieces: list[str] = []
    counts = Tally(baseline=baseline_accepted)
    render_report(name, counted(results, counts), pieces.append, RenderContext(lang=lang, **context), counts)
    return "".join(pieces)
