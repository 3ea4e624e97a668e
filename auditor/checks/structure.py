"""Outline numbering and dates."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.base import Check, Params
from auditor.cnnum import CIRCLED, OUTLINE_NUMERALS, circled, written
from auditor.extract import cn_number
from auditor.recache import compile_scanning
from auditor.model import Analysis, Hit
from auditor.rulepack import Rule

CN = OUTLINE_NUMERALS


@dataclass(frozen=True)
class Marker:
    level: int
    number: int
    start: int
    end: int
    text: str
    style: str  # how the level is written, for the message: 一、 / (一) / 一是 …
    weak: bool = False  # may be a marker or a figure's start (2、87100): it continues a sequence, never breaks one
    inline: bool = False  # an item of a list run on inside a paragraph (…。2、…), not at a line's start


_LINE_MARKER_RE = re.compile(
    rf"第(?P<l0>[{CN}]+)(?:部分|章|篇)(?=[ \t\u3000:]|$)"
    # 一、 / 一 、 / 一. (a heading's 、 typed as a point or set off by a space)
    rf"|(?P<l1>[{CN}]+)(?:[ \t]*、|\.(?!\d))|\((?P<l2>[{CN}]+)\)|(?P<l3>\d{{1,2}})[.、](?![\d%])|\((?P<l4>\d{{1,2}})\)|(?P<l5>[{CIRCLED}])"
    r"|(?P<l6>\d{1,2})\)(?![\d%])"
)
# 1、 before a digit: a chunk number a document site puts wherever its page breaks, or a figure (3、4月份)
_WEAK_LINE_MARKER_RE = re.compile(r"(?m)^[ \t]*(\d{1,2})、(?=\d)")
_LINE_LEVELS = {"l0": (0, "第一部分"), "l1": (1, "一、"), "l2": (2, "(一)"), "l3": (3, "1."), "l4": (4, "(1)"), "l5": (4, "①"), "l6": (4, "1)")}
# at the line's start or after a mark: no character before them that is not one (so they
# start with a lookbehind compile_scanning moves behind the numeral, which is scanned for fast)
_INLINE_MARKERS = [
    (5, "一是", compile_scanning(rf"(?<![^。;:,、\s])([{CN}]+)是")),
    # 一要…,二要…;一抓…,二抓…: each its own sequence (a level of its own), 一抓到底 and 三要素 no marker
    (7, "一要", compile_scanning(rf"(?<![^。;:,\s])([{CN}]+)要(?!素|件|点|求|务|害|员|闻|职|领|是|不|么)")),
    (8, "一抓", compile_scanning(rf"(?<![^。;:,\s])([{CN}]+)抓(?!到底|就灵|一个准|住)")),
    # 第二、三产业 lists ordinals, it numbers nothing
    (6, "第一", compile_scanning(rf"(?<![^。;:\s])第([{CN}]+)(?:,|、(?![{CN}]))")),
    # 其一,…;其二,…: each point opened by 其 and its number
    (9, "其一", compile_scanning(rf"(?<![^。;:,\s])其([{CN}]+)(?=[,:、])")),
]
_INLINE_KEYS = {"一是": "是", "一要": "要", "一抓": "抓", "第一": "第", "其一": "其"}
# after a full stop or semicolon, as the next item of a list written in one line
_INLINE_LIST_MARKERS = [
    (4, "(1)", re.compile(r"(?<=[;。:,])[ \t]*\((\d{1,2})\)(?=[\u4e00-\u9fff])")),
    (3, "1、", re.compile(r"(?<=[;。:])[ \t]*(\d{1,2})、(?=[\u4e00-\u9fff])")),
    (3, "1.", re.compile(r"(?<=[;。:])[ \t]*(\d{1,2})\.(?=[\u4e00-\u9fff])")),
    (4, "①", re.compile(rf"(?<=[;。:,])[ \t]*([{CIRCLED}])(?=[\u4e00-\u9fff])")),
    (2, "(一)", re.compile(rf"(?<=[;。:])[ \t]*\(([{CN}]{{1,3}})\)(?=[\u4e00-\u9fff])")),
]
_MARKDOWN_PREFIX_RE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+)?[ \t]*")
_OUTLINE_RE = re.compile(rf"(?:^|(?<=[。】\s]))(?:([{CN}]+)、|\(([{CN}]+)\))")


def _number(token: str) -> int | None:
    if token in CIRCLED:
        return CIRCLED.index(token) + 1
    if token.isdigit():
        return int(token)
    value = cn_number(token)
    return int(value) if value is not None else None


def outline_markers(analysis: Analysis, reset_words: tuple[str, ...]) -> list[Marker | None]:
    """Every numbering marker in reading order; None marks a reset point."""
    norm = analysis.text.norm
    resets = re.compile("|".join(map(re.escape, reset_words)) or "(?!)")
    markers: list[Marker | None] = []
    original = analysis.text.original
    weak = list(_WEAK_LINE_MARKER_RE.finditer(original)) if "、" in original else []
    weak_index = 0
    position = 0
    for line in norm.split("\n"):
        body = _MARKDOWN_PREFIX_RE.sub("", line)
        offset = position + len(line) - len(body)
        position += len(line) + 1
        if not body:
            continue
        if body.startswith(("【提纲】", "提纲")):
            markers.append(None)
            for m in _OUTLINE_RE.finditer(body):
                level, token = (1, m.group(1)) if m.group(1) else (2, m.group(2))
                number = _number(token)
                if number:
                    markers.append(Marker(level, number, offset + m.start(), offset + m.end(), m.group(0), "一、" if level == 1 else "(一)"))
            markers.append(None)
            continue
        if resets.search(body):
            markers.append(None)
            continue
        m = _LINE_MARKER_RE.match(body)
        if m:
            level, style = _LINE_LEVELS[m.lastgroup]
            if style == "1." and m.group(0).endswith("、"):
                style = "1、"  # quoted as written: 2、 not 2.
            elif style == "一、" and m.group(0).endswith("."):
                style = "一."  # quoted as written: 三. not 三、
            elif style == "第一部分":
                style = "第一" + m.group(0)[1 + len(m.group("l0")) :]  # 第三章 / 第三篇 as written
            number = _number(m.group(m.lastgroup))
            if number:
                markers.append(Marker(level, number, offset, offset + m.end(), m.group(0), style))
        while weak_index < len(weak) and weak[weak_index].start(1) < position:
            # 2、87100)…: a document site's chunk number glued to a figure cut in two, on a line of the
            # original the reader may have joined to the one before
            w = weak[weak_index]
            weak_index += 1
            if w.start(1) >= offset:
                markers.append(Marker(3, int(w.group(1)), w.start(1), w.end(), w.group(0).strip(), "1.", weak=True))
        if ";" in body or "。" in body or ":" in body:
            # (1)…;(2)…;(3)…; / 1、…;2、…: the items of a list run on in one line
            for level, style, pattern in _INLINE_LIST_MARKERS:
                for m in pattern.finditer(body):
                    number = _number(m.group(1))
                    if number:
                        markers.append(Marker(level, number, offset + m.start(1) - (style in ("(1)", "(一)")), offset + m.end(), m.group(0).strip(), style,
                                              inline=True))
        for level, style, pattern in _INLINE_MARKERS:
            if _INLINE_KEYS[style] not in body:
                continue  # each pattern only on the lines holding its word (要 is everywhere; 一要 is not)
            for m in pattern.finditer(body):
                number = _number(m.group(1))
                if number:
                    markers.append(Marker(level, number, offset + m.start(), offset + m.end(), m.group(0), style))
    return markers


_OPEN_SEQUENCES_MAX = 12  # open sequences kept per level, the outermost dropped first


def numbering(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A skipped or repeated number, per level, reported where it breaks.

    A list that restarts at 1 in the same style as its outline (一、二、 inside
    section 四、) is nested: each level keeps a stack of open sequences, and a
    number that continues any of them (五、 after the nested 一、二、) closes the
    ones above it instead of breaking the outline."""
    reset_words = rule.options.reset_words + analysis.pack.words("elision_markers")
    markers = outline_markers(analysis, reset_words)
    missing_first = _missing_first(analysis, markers)
    if missing_first is not None:
        yield missing_first
    hits = list(_breaks(markers, norm=analysis.text.norm))
    if not hits or not any(m is not None and m.inline for m in markers):
        yield from hits
        return
    # 1、 at a line's start and 1、 after a full stop inside a paragraph may be two lists (a document site's
    # chunk numbers around a paragraph's own items): a break counts only if it breaks its own kind's list too
    judged: set[int] = set()  # the markers a run had a number before to compare with
    line_only = {hit.start for hit in _breaks([m for m in markers if m is None or not m.inline], judged, analysis.text.norm)}
    inline_only = {hit.start for hit in _breaks([m for m in markers if m is None or m.inline or m.level not in _INLINE_LEVELS], judged, analysis.text.norm)}
    inline_starts = {m.start for m in markers if m is not None and m.inline}
    for hit in hits:
        if hit.start not in judged or hit.start in (inline_only if hit.start in inline_starts else line_only):
            yield hit


_INLINE_LEVELS = frozenset(level for level, _, _ in _INLINE_LIST_MARKERS)


def _breaks(markers: list[Marker | None], judged: set[int] | None = None, norm: str = "") -> Iterator[Hit]:
    """The skips and repeats of a run of markers, each level's open sequences kept on a stack;
    `judged` collects the markers that had a number before them to be compared with."""
    open_sequences: dict[int, list[int]] = {}
    repeated: dict[int, int] = {}  # level → the number just written twice
    last: dict[int, Marker] = {}  # level → its last marker
    # level → [the second of two first items, the depth of the list it opened, whether that list reached 2]
    pending: dict[int, list] = {}
    for marker in markers:
        if marker is None:
            for level in list(pending):
                yield from _first_twice(pending.pop(level))
            open_sequences.clear()
            repeated.clear()
            last.clear()
            continue
        for level in [lvl for lvl in pending if lvl > marker.level]:
            yield from _first_twice(pending.pop(level))
        if marker.level in pending:
            twice = pending[marker.level]
            stack = open_sequences.get(marker.level, [])
            if len(stack) == twice[1] and marker.number == stack[-1] + 1:
                twice[2] = True  # 一是、一是、二是: the list after the second first item goes on
            elif len(stack) >= twice[1] and marker.number != 1 and any(
                    stack[i] + 1 == marker.number for i in range(twice[1] - 1)):
                del pending[marker.level]  # the outer list goes on: the second was a nested list's first item
        before, last[marker.level] = last.get(marker.level), marker
        if marker.weak:
            weak_stack = open_sequences.get(marker.level)
            if (marker.number != weak_stack[-1] + 1) if weak_stack else (marker.number != 1):
                continue  # no sequence it continues or opens (1、2022年…): a figure, nothing to number
        for deeper in [lvl for lvl in open_sequences if lvl > marker.level]:
            del open_sequences[deeper]
            repeated.pop(deeper, None)
        stack = open_sequences.setdefault(marker.level, [])
        if not stack:
            stack.append(marker.number)
            continue
        if judged is not None:
            judged.add(marker.start)
        previous = stack[-1]
        duplicate = repeated.pop(marker.level, None)
        if marker.number == previous + 1 or duplicate == previous and marker.number == previous + 2:
            # (二)(二)(三) and (二)(二)(四) both have one defect, the duplicate: the marker
            # after it fits whether the duplicate was meant as (三) or is one too many
            stack[-1] = marker.number
            continue
        if marker.number == 1:
            if previous == 1 and not marker.weak and before is not None and _close_by(norm, before, marker):
                # 一是…;一是…;二是… / (一)…⏎(一)…⏎(二): a first item twice, or a list nested in the
                # first item; told apart by what follows (the outer list goes on, or never does)
                pending[marker.level] = [marker, len(stack) + 1, False]
            stack.append(1)  # a nested list, or a new part, starts
            if len(stack) > _OPEN_SEQUENCES_MAX:
                del stack[0]  # no outline nests so deep: a text of many restarts stays linear
            continue
        resumed = next((i for i in range(len(stack) - 2, -1, -1) if stack[i] + 1 == marker.number), None)
        if resumed is not None:
            del stack[resumed + 1 :]
            stack[-1] = marker.number
            continue
        kind = "repeat" if marker.number == previous else "skip" if marker.number > previous else "order"
        stack[-1] = marker.number
        if kind == "repeat":
            repeated[marker.level] = marker.number
        expected = _render(marker.style, previous + 1)
        yield Hit(
            marker.start,
            marker.end,
            {"found": marker.text.strip(), "expected": expected, "previous": _render(marker.style, previous)},
            {"found": marker.number, "expected": previous + 1, "level": marker.level, "kind": kind},
        )
    for level in list(pending):
        yield from _first_twice(pending.pop(level))


_FIRST_TWICE_REACH = 600  # characters between two first items read as one list's
_FIRST_TWICE_LINES = 8  # non-blank lines likewise


def _close_by(norm: str, first: Marker, second: Marker) -> bool:
    """The two markers are near enough to number one list (a table or a long part between: two lists)."""
    if not norm or second.start - first.end > _FIRST_TWICE_REACH:
        return False
    between = norm[first.end : second.start]
    return sum(1 for line in between.split("\n") if line.strip()) <= _FIRST_TWICE_LINES


def _first_twice(twice: list) -> Iterator[Hit]:
    """一是…;一是…;二是…: the first item written twice, when the list after the second went on
    and the list before never did; a warning (a list nested in a first item reads the same)."""
    marker, _, went_on = twice
    if went_on:
        yield Hit(marker.start, marker.end,
                  {"found": marker.text.strip(), "expected": _render(marker.style, 2), "previous": _render(marker.style, 1)},
                  {"found": 1, "expected": 2, "level": marker.level, "kind": "repeat"}, severity="warning")


# the end of a report's opening paragraph that announces its outline (现将有关情况汇报如下:)
_LEAD_IN_END_RE = re.compile(r"(?:[::]|如下[。.]?)[ \t]*$")


def _missing_first(analysis: Analysis, markers: list[Marker | None]) -> Hit | None:
    """二、 as the document's first marker, after an opening paragraph that announces the
    outline (…现将工作总结如下:) and before 三、: the report's own 一、 is missing. An
    excerpt that starts at 二、, or starts inside section 一, announces nothing first."""
    if analysis.offset or not markers or markers[0] is None:
        return None
    first = markers[0]
    if first.level != 1 or first.number != 2:
        return None
    following = next((m for m in markers[1:] if m is None or m.level == 1), None)
    if following is None or following.number != 3:
        return None
    norm = analysis.text.norm
    opening = norm[: first.start].rstrip()
    if "。" not in opening or not _LEAD_IN_END_RE.search(opening) or "一、" in opening:
        return None
    title = opening.lstrip().split("\n", 1)[0].strip()
    title = title if len(title) <= 24 else title[:24] + "…"
    return Hit(first.start, first.end,
               {"found": first.text.strip(), "expected": _render(first.style, 1), "previous": title},
               {"found": 2, "expected": 1, "level": 1, "kind": "missing_first"}, severity="warning")


def _render(style: str, number: int) -> str:
    cn = written(number) if number < 100 else str(number)
    return {
        "一、": f"{cn}、",
        "一.": f"{cn}.",
        "(一)": f"({cn})",
        "第一部分": f"第{cn}部分",
        "第一章": f"第{cn}章",
        "第一篇": f"第{cn}篇",
        "1.": f"{number}.",
        "1、": f"{number}、",
        "(1)": f"({number})",
        "①": circled(number),
        "一是": f"{cn}是",
        "一要": f"{cn}要",
        "一抓": f"{cn}抓",
        "第一": f"第{cn}",
        "其一": f"其{cn}",
        "1)": f"{number})",
    }[style]


# --- dates ---------------------------------------------------------------------------

_RANGE_JOIN_RE = re.compile(r"^\s*起?\s*(?:至|到|—|-|~|－)\s*$")


# 截至111月底, 于112月5日: a month typed with a digit too many and no year before it (a
# date with its year is read by extract); only where the words around make it a date
_LONG_MONTH_RE = compile_scanning(
    r"(?<![\d.])(?P<month>1[0-2]\d)月(?![龄个])(?:(?P<day>\d{1,2})[日号])?"
)
# 第五季度, 2024年5季度: a year has four quarters
_LONG_QUARTER_RE = compile_scanning(r"(?:第|年)(?:[五六七八九]|十[一二三四五六七八九]?|[5-9]|1\d)季度")
_MONTH_TAIL_RE = re.compile(r"[底初末份]|[上中下]旬")
_MONTH_LEAD_RE = re.compile(r"(?:于|在|至|到|截至|截止|今年|去年|明年|当年|同年|次年|自|从|、|年)[ \t]*$")
# 民政局111月共发放: a word before and a word after, as a month stands in a sentence (not 第111, 每120)
_MONTH_IN_PROSE_RE = re.compile(r"[\u4e00-\u9fff](?<![第每前后近约共计满])[ \t]*$")


def impossible_date(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    found = []
    for date in analysis.dates:
        problem = _date_problem(date.year, date.month, date.day)
        if problem:
            found.append((date.start, date.end, {"year": date.year, "month": date.month, "day": date.day,
                                                 "problem": problem}))
    norm = analysis.text.norm
    if "月" in norm:
        covered = [(d.start, d.end) for d in analysis.dates]
        for match in _LONG_MONTH_RE.finditer(norm):
            start, end = match.span()
            if any(s < end and start < e for s, e in covered):
                continue
            lead = norm[max(0, start - 4) : start]
            after = norm[end : end + 1]
            in_prose = _MONTH_IN_PROSE_RE.search(lead) and "\u4e00" <= after <= "\u9fff" and after not in "以左多余内来"
            if match.group("day") is None and not _MONTH_TAIL_RE.match(norm, end) \
                    and not _MONTH_LEAD_RE.search(lead) and not in_prose:
                continue
            day = match.group("day")
            found.append((start, end, {"year": None, "month": int(match.group("month")),
                                       "day": int(day) if day else None, "problem": "month"}))
    if "季度" in norm:
        for match in _LONG_QUARTER_RE.finditer(norm):
            start = match.start() + (norm[match.start()] == "年")
            found.append((start, match.end(), {"year": None, "month": None, "day": None, "problem": "quarter"}))
    for start, end, details in sorted(found, key=lambda f: f[0]):
        yield Hit(start, end, {"date": analysis.text.original[start:end]}, details)


def _date_problem(year: int | None, month: int | None, day: int | None) -> str:
    if month is not None and not 1 <= month <= 12:
        return "month"
    if day is None:
        return ""
    if month is None:
        return "day" if not 1 <= day <= 31 else ""
    days = calendar.monthrange(year if year else 2000, month)[1]  # 2000 is a leap year
    return "" if 1 <= day <= days else "day"


def reversed_range(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    norm = analysis.text.norm
    dates = analysis.dates
    for first, second in zip(dates, dates[1:]):
        if not _RANGE_JOIN_RE.match(norm[first.end : second.start]):
            continue
        if _date_problem(first.year, first.month, first.day) or _date_problem(second.year, second.month, second.day):
            continue
        start_key, end_key = _key(first), _key(second, first)
        if start_key is None or end_key is None or end_key >= start_key:
            continue
        if not second.year_written and first.month and second.month and second.month < first.month \
                and 12 - first.month + second.month <= rule.options.max_wrapped_months:
            continue  # 12月至2月 may cross a year end the writer left implicit; 10月至8月 does not
        original = analysis.text.original[first.start : second.end]
        yield Hit(first.start, second.end, {"range": original}, {"start": list(start_key), "end": list(end_key)})


def _key(date, inherit=None) -> tuple[int, int, int] | None:
    """(year, month, day) for ordering; the end of a range inherits from its start."""
    year = date.year if date.year is not None else (inherit.year if inherit else None)
    month = date.month if date.month is not None else (inherit.month if inherit else None)
    if month is None:
        return None
    return (year or 0, month, date.day or 0)


class NumberingParams(Params):
    reset_words: tuple[str, ...] = ()  # after these the numbering starts afresh (on top of elision_markers)


class ReversedRangeParams(Params):
    # 11月至次年2月 written as 11月至2月: a range whose end month is earlier is read as
    # crossing the year end when it then spans at most this many months
    max_wrapped_months: int = 6


CHECKS = (
    Check("numbering", numbering, NumberingParams, frozenset({"found", "expected", "previous"}), whole_text=True),
    Check("impossible_date", impossible_date, Params, frozenset({"date"})),
    Check("reversed_range", reversed_range, ReversedRangeParams, frozenset({"range"})),
)
