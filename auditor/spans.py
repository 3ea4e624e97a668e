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
    r"[ \t]|[一二三四五六七八九十]+(?:、(?![一二三四五六七八九十]+产业)|是)|\((?:[一二三四五六七八九十]+|\d{1,2})\)|\d{1,2}[.、)](?!\d)|[①-⑳]|第[一二三四五六七八九十]+|[#>|*-]"
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
_CUT_UNIT_RE = re.compile(r"\d\s?[人剂架车班批]$")
_CUT_METRIC_RE = re.compile(r"[\u4e00-\u9fff](?:率|比重|比例)$")
_VERB_FIGURE_RE = re.compile(r"(?:为|达到|达|是)\s?\d")
_BEFORE_A_FIGURE = frozenset("的由从为至到比较占达")  # a line ending in one of these words before a figure stops mid-sentence


# a line that opens on a figure of a list (23项、行业标准31项): a word's count, never a year or a date
_LIST_GOES_ON_RE = re.compile(r"\d[\d.]*[ ]?(?:万|亿)?[ ]?(?![年月日号时点])[\u4e00-\u9fff]{1,3}[、,][^\n]{0,40}?\d")


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
        if ("\u4e00" <= line[-1:] <= "\u9fff" and not _NEW_ITEM_RE.match(norm, line_starts[index])
                and _LIST_GOES_ON_RE.match(norm, end + 1) and "\t" not in line):
            soft.add(end)  # 制修订国家标准⏎23项、行业标准31项: a list cut before its first figure goes on
            continue
        # (the cheap test on the next line first: most lines are cut nowhere)
        cut = (norm.startswith("次", end + 1) and _CUT_UNIT_RE.search(line)
               or _VERB_FIGURE_RE.match(norm, end + 1) and _CUT_METRIC_RE.search(line))
        if width is None and line[-1:] not in _CONTINUED and line[-1:] not in _BEFORE_A_FIGURE and not cut:
            continue
        if "\t" in line or "\t" in norm[end + 1 : end + 1 + 200].split("\n", 1)[0]:
            continue  # a table row is a line of its own
        if line[-1:] in _CONTINUED and following and not following.isspace() and not _NEW_ITEM_RE.match(norm, end + 1):
            soft.add(end)  # 婚姻家庭纠纷412件、⏎邻里纠纷386件: a list goes on whatever the line's width
            continue
        if line[-1:] in _BEFORE_A_FIGURE and following.isdigit() and not _NEW_ITEM_RE.match(norm, end + 1):
            soft.add(end)  # 优良比例由上年的⏎81.8%提高到…: a line cut between a word and its figure
            continue
        if cut:
            soft.add(end)  # 6 418剂⏎次 / 接种率⏎为98.6%: a unit or a rate's name cut from the rest
            continue
        if width is None:
            continue
        if (_fills(length, len(line), width) and line[-1:] not in _SENTENCE_FINAL and following
                and not following.isspace() and not _NEW_ITEM_RE.match(norm, end + 1)):
            soft.add(end)  # a number cut in two (16⏎.1%) too: _joined puts it together
    return soft


def _ends(marks: re.Pattern, norm: str, soft: set[int]) -> tuple[int, ...]:
    ends = [m.start() for m in marks.finditer(norm)]
    return tuple(end for end in ends if end not in soft) if soft else tuple(ends)


_NUMBER_CUT_RE = re.compile(r"[0-9.]\n\.?[0-9]")
_THOUSANDS_CUT_RE = re.compile(r"[0-9](?:,\n|\n,)[0-9]{3}(?![0-9])")  # 3,⏎154,657,000元 / 3,420⏎,000元
_STOPS = frozenset(",、:;()。!?“”‘’《》[]【】 \t\r\n")  # \r⏎ is left alone too
_MOVE_REACH = 16  # characters a wrapped word may be carried over the break
# a blank after 、 would split a list's item (北、东、 南三个): a carried piece goes on to a clause mark
_MOVE_STOPS = _STOPS - {"、"}
_DIGITS = frozenset("0123456789")  # ASCII only: ② is no digit of a figure
_CN_NUMERALS = frozenset("零〇○一二三四五六七八九十百千万亿两点")


def _joined(norm: str, soft: set[int]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """norm with each line break that only wraps a sentence taken out, the same
    length: the piece of a word cut by the break is carried over it to the
    nearest clause mark or number, where a blank takes the break's place (上⏎年同期为
    reads  上年同期为, 8650万⏎元,较 reads 8650万元 ,较, 16⏎.1% reads  16.1%), so
    words and figures read whole; a break right after a number becomes a blank
    (41⏎件 reads 41 件). Returns the text and the moves (start, end, shift:
    norm[i] is original[i + shift])."""
    chars = list(norm)
    moves = []

    def carry_back(start: int, brk: int) -> None:
        chars[start + 1 : brk + 1] = chars[start:brk]
        chars[start] = " "
        moves.append((start + 1, brk + 1, -1))

    for brk in sorted(soft):
        if brk and chars[brk - 1] in _STOPS and not _THOUSANDS_CUT_RE.match(norm, brk - 2):
            continue  # the line ends at a mark (、 ,): no word is cut, the break stays
        if (_NUMBER_CUT_RE.match(norm, brk - 1) or _THOUSANDS_CUT_RE.match(norm, brk - 2)
                or _THOUSANDS_CUT_RE.match(norm, brk - 1)):
            head = brk - 1  # 16⏎.1%, 3,⏎154,657: the number's head goes over to its tail
            while head > 0 and brk - head < _MOVE_REACH and chars[head - 1] in _NUMBER_CHARS:
                head -= 1
            if head == 0 or chars[head - 1] not in _NUMBER_CHARS:
                carry_back(head, brk)
                continue
        if chars[brk - 1] in _CN_NUMERALS and brk + 1 < len(chars) and chars[brk + 1] not in _STOPS:
            # 一九八○⏎年, 三点⏎五: a number in words goes over whole (第三⏎,… is a word: below)
            head = brk - 1
            while head > 0 and brk - head < _MOVE_REACH and chars[head - 1] in _CN_NUMERALS:
                head -= 1
            if head > 0 and chars[head - 1] == "第":
                head -= 1
            if head > 0 and chars[head - 1] not in _CN_NUMERALS:
                carry_back(head, brk)
                continue
        if chars[brk - 1] in _DIGITS or chars[brk - 1] in "%‰":
            chars[brk] = " "  # 41⏎件: a blank between a number and its unit is read
            continue
        # the blank goes beside a clause mark (after it, or before it or a number), never
        # after a 、 inside a list (北、东、 南三个) when another place will do
        for stops in (_STOPS, _MOVE_STOPS):
            back = _piece_start(chars, brk, stops)
            if back is not None:
                if back < brk:
                    carry_back(back, brk)
                else:
                    chars[brk] = " "
                break
            ahead = _piece_end(chars, brk, stops, soft)
            if ahead is not None:
                chars[brk : ahead - 1] = chars[brk + 1 : ahead]  # 8650万⏎元,: the word's tail comes back
                chars[ahead - 1] = " "
                moves.append((brk, ahead - 1, 1))
                break
        else:
            chars[brk] = " "
    return "".join(chars), tuple(moves)


def _piece_start(chars: list[str], brk: int, stops) -> int | None:
    """Where the piece of a word before the break starts: right after a mark of `stops`,
    within _MOVE_REACH characters and with no digit; None when there is no such place."""
    back = brk
    while back > 0 and brk - back < _MOVE_REACH and chars[back - 1] not in stops and chars[back - 1] not in _DIGITS:
        back -= 1
    return back if back > 0 and chars[back - 1] in stops and chars[back - 1] != "、" else None


def _piece_end(chars: list[str], brk: int, stops, soft: set[int]) -> int | None:
    """Where the piece of a word after the break ends: at a mark of `stops` or a digit,
    within _MOVE_REACH characters, not at the next wrapped break; None otherwise."""
    ahead = brk + 1
    while ahead < len(chars) and ahead - brk <= _MOVE_REACH and chars[ahead] not in stops and chars[ahead] not in _DIGITS:
        ahead += 1
    if brk + 1 < ahead < len(chars) and ahead - brk <= _MOVE_REACH and ahead not in soft and chars[ahead] != "、":
        return ahead
    return None


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
