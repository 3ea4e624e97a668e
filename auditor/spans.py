"""The text of one document with its normalised copy and its boundaries.

Offsets are character offsets into the decoded text; line and column are
1-based. Sentences end at 。!?; and at line breaks; clauses also end at
commas and colons. A line break that only wraps a sentence (PDF export,
hard-wrapped text: a full-width line that stops mid-sentence, followed by
a line that is no new item) ends nothing, so the sentence is read whole.
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
        ends = self.sentence_ends  # _span, written out: asked for hundreds of times a document
        index = bisect_right(ends, offset - 1)
        return ends[index - 1] + 1 if index else 0, ends[index] if index < len(ends) else len(self.norm)

    def clause_span(self, offset: int) -> tuple[int, int]:
        ends = self.clause_ends
        index = bisect_right(ends, offset - 1)
        return ends[index - 1] + 1 if index else 0, ends[index] if index < len(ends) else len(self.norm)

    def previous_sentence_start(self, sentence_start: int) -> int:
        """Where the sentence before starts, over the empty piece between 。 and a line break."""
        start = sentence_start
        while start > 0:
            begin, end = self.sentence_span(start - 1)
            if self.norm[begin:end].strip():
                return begin
            start = begin
        return 0


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


_WRAP_WIDTH_MAX = 240  # hard-wrapped lines are no wider than this (display columns)
_SENTENCE_FINAL = set("。!?;:")
_NUMBER_CHARS = set("0123456789.,")
_NEW_ITEM_RE = re.compile(
    r"[ \t]|[一二三四五六七八九十]+[、是]|\(|\d{1,2}[.、)](?!\d)|[①-⑳]|第[一二三四五六七八九十]+|[#>|*-]"
)


def wrap_width(norm: str, line_starts) -> int | None:
    """The width a hard-wrapped document wraps its lines at (the 90th percentile
    of its long lines), or None when it is not wrapped."""
    return _width_of(_line_lengths(norm, line_starts))


def _width_of(lengths) -> int | None:
    long_lines = sorted(n for n in lengths if n >= 30)
    if len(long_lines) < 3:
        return None
    width = long_lines[int(len(long_lines) * 0.9)]
    return width if width <= _WRAP_WIDTH_MAX else None


def _line_lengths(norm: str, line_starts) -> list[int]:
    """Each line's display width: a Chinese character or punctuation mark (folded to
    ASCII in norm) two columns, a digit, letter or space one — a line of figures holds
    more characters than a line of prose of the same width."""
    return [_display_width(norm[a : b - 1].rstrip()) for a, b in zip(line_starts, line_starts[1:])]


def _display_width(line: str) -> int:
    narrow = len(line.encode("ascii", "ignore"))
    for wide in ",;:!?()":
        narrow -= line.count(wide)
    return 2 * len(line) - narrow


_CONTINUED = frozenset("、,")  # a line that ends so stops mid-sentence (norm folds , to ,)


def wrapped_breaks(norm: str, line_starts: list[int], width: int | None | bool = True) -> set[int]:
    """The line breaks that only wrap a sentence: the line before fills the
    document's wrap width and stops mid-sentence, the line after starts no new item.
    `width` is the document's (wrap_width) when `norm` is a piece of it."""
    lengths = _line_lengths(norm, line_starts)
    if width is True:
        width = _width_of(lengths)
    soft = set()
    for index, length in enumerate(lengths):
        end = line_starts[index + 1] - 1
        line = norm[line_starts[index] : end].rstrip()
        following = norm[end + 1 : end + 2]
        if width is None and line[-1:] not in _CONTINUED:
            continue
        if "\t" in line or "\t" in norm[end + 1 : end + 1 + 200].split("\n", 1)[0]:
            continue  # a table row is a line of its own
        if line[-1:] in _CONTINUED and following and not following.isspace() and not _NEW_ITEM_RE.match(norm, end + 1):
            soft.add(end)  # 婚姻家庭纠纷412件、⏎邻里纠纷386件: a list goes on whatever the line's width
            continue
        if width is None:
            continue
        if (length >= 0.85 * width and line[-1:] not in _SENTENCE_FINAL and following
                and not following.isspace() and not _NEW_ITEM_RE.match(norm, end + 1)
                and not (line[-1:] in _NUMBER_CHARS and following.isdigit())):  # a number cut in two is not joined
            soft.add(end)
    return soft


def _ends(marks: re.Pattern, norm: str, soft: set[int]) -> tuple[int, ...]:
    ends = [m.start() for m in marks.finditer(norm)]
    return tuple(end for end in ends if end not in soft) if soft else tuple(ends)


def make_text(original: str, norm: str | None = None, width: int | None | bool = True) -> Text:
    """The Text of `original`; a piece of a longer document passes its
    normalised copy and the document's wrap width (so the piece reads as it
    does inside the whole)."""
    if norm is None:
        norm = normalise(original)
    line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
    soft = wrapped_breaks(norm, line_starts, width)
    return Text(
        original=original,
        norm=norm,
        line_starts=tuple(line_starts),
        sentence_ends=_ends(_SENTENCE_RE, norm, soft),
        clause_ends=_ends(_CLAUSE_RE, norm, soft),
    )
