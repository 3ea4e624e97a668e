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
    # where norm holds a wrapped line's characters one place over (auditor.spans._joined):
    # (start, end, shift) — norm[i] is original[i + shift] for start <= i < end
    moves: tuple[tuple[int, int, int], ...] = field(default=(), repr=False)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of what norm[start:end] reads (the same unless a wrap moved it)."""
        if not self.moves:
            return start, end
        return self._shifted(start), self._shifted(end - 1) + 1 if end > start else end

    def _shifted(self, offset: int) -> int:
        index = bisect_right(self.moves, (offset, float("inf"))) - 1
        if index >= 0:
            begin, stop, shift = self.moves[index]
            if begin <= offset < stop:
                return offset + shift
        return offset

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
    r"[ \t]|[一二三四五六七八九十]+[、是]|\((?:[一二三四五六七八九十]+|\d{1,2})\)|\d{1,2}[.、)](?!\d)|[①-⑳]|第[一二三四五六七八九十]+|[#>|*-]"
)


def wrap_width(norm: str, line_starts) -> int | None:
    """The width a hard-wrapped document wraps its lines at (the 90th percentile
    of its long lines), or None when it is not wrapped."""
    return _width_of(_line_lengths(norm, line_starts), norm, line_starts)


def _width_of(lengths, norm: str = "", line_starts=()) -> int | None:
    long_lines = sorted(n for n in lengths if n >= 30)
    if len(long_lines) < 3:
        return _short_width(lengths, norm, line_starts)
    width = long_lines[int(len(long_lines) * 0.9)]
    return width if width <= _WRAP_WIDTH_MAX else None


_SHORT_WRAP_MIN = 16  # display columns: eight characters a line at the least
_SHORT_WRAP_LINES = 6
_CLAUSE_MARKS_RE = re.compile(r"[,、。;:]")


def _fills(length: int, characters: int, width: int) -> bool:
    """A line fills the wrap width: 85% of its columns, or 85% of its characters
    (text wrapped at so many characters: a line with digits is narrower than one of words)."""
    return length >= 0.85 * width or characters >= 0.85 * width / 2


def _short_width(lengths, norm: str, line_starts) -> int | None:
    """The width of a text hard-wrapped at 8-15 characters a line: most of its
    lines are within 15% of that width, and most of those hold a clause mark
    inside them (prose cut into lines, not a list of short items)."""
    lines = [(index, n) for index, n in enumerate(lengths) if n]
    if len(lines) < _SHORT_WRAP_LINES or not norm:
        return None
    widths = sorted(n for _, n in lines if n >= _SHORT_WRAP_MIN)
    if len(widths) < _SHORT_WRAP_LINES:
        return None
    width = widths[int(len(widths) * 0.8)]  # a title wider than the wrap is no line of it
    full = [index for index, n in lines if n <= width and _fills(n, line_starts[index + 1] - 1 - line_starts[index], width)]
    if len(full) < 0.6 * len(lines):
        return None
    marked = sum(1 for index in full if _CLAUSE_MARKS_RE.search(norm, line_starts[index], line_starts[index + 1] - 2))
    return width if marked >= 0.4 * len(full) else None


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
        width = _width_of(lengths, norm, line_starts)
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
        if (_fills(length, len(line), width) and line[-1:] not in _SENTENCE_FINAL and following
                and not following.isspace() and not _NEW_ITEM_RE.match(norm, end + 1)
                and not (line[-1:] in _NUMBER_CHARS and following.isdigit() and not _fills(length, len(line), width))):
            soft.add(end)  # a number cut in two is joined only where the line fills the width
    return soft


def _ends(marks: re.Pattern, norm: str, soft: set[int]) -> tuple[int, ...]:
    ends = [m.start() for m in marks.finditer(norm)]
    return tuple(end for end in ends if end not in soft) if soft else tuple(ends)


_NUMBER_CUT_RE = re.compile(r"[0-9.]\n\.?[0-9]")
_STOPS = frozenset(",、:;()。!?“”‘’《》[]【】 \t\r\n")  # \r⏎ is left alone too
_MOVE_REACH = 16  # characters a wrapped word may be carried over the break


def _joined(norm: str, soft: set[int]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """norm with each line break that only wraps a sentence taken out, the same
    length: the piece of a word cut by the break is carried over it to the
    nearest clause mark, where a blank takes the break's place (上⏎年同期为 reads
    上年同期为 ; 8650万⏎元,较 reads 8650万元 ,较), so words and figures read
    whole. A piece with digits is never carried (figures keep their place); a
    break right after a number becomes a blank (41⏎件 reads 41 件)."""
    chars = list(norm)
    moves = []
    for brk in sorted(soft):
        if brk and chars[brk - 1] in _STOPS:
            continue  # the line ends at a mark (、 ,): no word is cut, the break stays
        if _NUMBER_CUT_RE.match(norm, brk - 1):  # 16⏎.1%: the number's head goes over the break to its tail
            head = brk - 1
            while head > 0 and brk - head < _MOVE_REACH and chars[head - 1] in _NUMBER_CHARS:
                head -= 1
            if head == 0 or chars[head - 1] not in _NUMBER_CHARS:
                chars[head + 1 : brk + 1] = chars[head:brk]
                chars[head] = " "
                moves.append((head + 1, brk + 1, -1))
                continue
        back = brk
        while back > 0 and brk - back < _MOVE_REACH and chars[back - 1] not in _STOPS and not chars[back - 1].isdigit():
            back -= 1
        if back > 0 and chars[back - 1] in _STOPS:  # 上⏎年同期为: the word's head goes over to its tail
            if back < brk:
                chars[back + 1 : brk + 1] = chars[back:brk]
                moves.append((back + 1, brk + 1, -1))
            chars[back] = " "
            continue
        if chars[brk - 1].isdigit() or chars[brk - 1] in "%‰":
            chars[brk] = " "
            continue
        ahead = brk + 1
        while ahead < len(chars) and ahead - brk <= _MOVE_REACH and chars[ahead] not in _STOPS and not chars[ahead].isdigit():
            ahead += 1
        if brk + 1 < ahead < len(chars) and ahead - brk <= _MOVE_REACH:
            chars[brk : ahead - 1] = chars[brk + 1 : ahead]
            chars[ahead - 1] = " "
            moves.append((brk, ahead - 1, 1))
        else:
            chars[brk] = " "
    return "".join(chars), tuple(moves)


def make_text(original: str, norm: str | None = None, width: int | None | bool = True) -> Text:
    """The Text of `original`; a piece of a longer document passes its
    normalised copy and the document's wrap width (so the piece reads as it
    does inside the whole)."""
    if norm is None:
        norm = normalise(original)
    line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
    soft = wrapped_breaks(norm, line_starts, width)
    moves: tuple[tuple[int, int, int], ...] = ()
    if soft:
        norm, moves = _joined(norm, soft)
    return Text(
        original=original,
        norm=norm,
        line_starts=tuple(line_starts),
        sentence_ends=_ends(_SENTENCE_RE, norm, soft),
        clause_ends=_ends(_CLAUSE_RE, norm, soft),
        moves=moves,
    )
