"""The text of one document with its normalised copy and its boundaries.

Offsets are character offsets into the decoded text; line and column are
1-based. Sentences end at 。!?; and at line breaks; clauses also end at
commas and colons.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from auditor.normalise import normalise

_SENTENCE_RE = re.compile(r"[。!?;\n]")
_CLAUSE_RE = re.compile(r"[。!?;\n,:]")


@dataclass(frozen=True)
class Text:
    original: str
    norm: str
    line_starts: tuple[int, ...]
    sentence_ends: tuple[int, ...] = field(repr=False)
    clause_ends: tuple[int, ...] = field(repr=False)

    def locate(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def line_span(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.norm)
        return start, end

    def sentence_span(self, offset: int) -> tuple[int, int]:
        return _span(self.sentence_ends, offset, len(self.norm))

    def clause_span(self, offset: int) -> tuple[int, int]:
        return _span(self.clause_ends, offset, len(self.norm))


def ends_with(pattern: re.Pattern, norm: str, start: int, end: int, width: int = 64) -> re.Match | None:
    """pattern (anchored with $) matched at the end of norm[start:end].

    Only the last `width` characters before the trailing blanks are looked
    at, so asking this for every figure of a long sentence stays linear; the
    patterns it serves match a few words, never that many characters."""
    while end > start and norm[end - 1].isspace():
        end -= 1
    return pattern.search(norm, max(start, end - width), end)


def _span(ends: tuple[int, ...], offset: int, length: int) -> tuple[int, int]:
    """The [start, end) of the piece holding offset; the end mark is excluded."""
    index = bisect_right(ends, offset - 1)
    start = ends[index - 1] + 1 if index > 0 else 0
    end = ends[index] if index < len(ends) else length
    return start, end


def make_text(original: str) -> Text:
    norm = normalise(original)
    line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
    return Text(
        original=original,
        norm=norm,
        line_starts=tuple(line_starts),
        sentence_ends=tuple(m.start() for m in _SENTENCE_RE.finditer(norm)),
        clause_ends=tuple(m.start() for m in _CLAUSE_RE.finditer(norm)),
    )
