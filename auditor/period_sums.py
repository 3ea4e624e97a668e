"""A cumulative figure over the periods just listed: 一季度…N1件,二季度…N2件,三季度…N3件,
前三季度累计…N件. The periods are read as sets of months (一季度 = 1–3月, 上半年 =
1–6月, 前三季度 = 1–9月, 1-5月 = 1–5月, 全年 = 1–12月); the parts named with the
total's own words whose months are disjoint and together make the total's months
must add up to it. 全年 after three quarters is not their sum, and a metric named
otherwise (受理 … 办结) is another quantity."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from auditor.extract import Figure
from auditor.model import Analysis

_QUANTITY_KINDS = ("count", "money", "area", "weight", "length", "volume")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
       "十一": 11, "十二": 12}
_N = r"(?:1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])"
_DASH = r"\s*(?:[-—–~]|至|到)\s*"
# the total's period, opening its clause (after a year): 前三季度, 1-3季度, 首三季, 1-9月, 一至九月, 上半年, 全年,
# 二季度 when a word says it sums (二季度累计)
_TOTAL_PERIOD_RE = re.compile(
    rf"\s*(?:(?:19|20)\d{{2}}\s*年(?:度)?\s*)?(?:(?:全市|全县|全区|全镇|全乡|全省|全州|全村|全局|我市|我县|我区|本市|本县)\s*)?"
    rf"(?P<period>前\s*(?P<first_q>[一二两三四1-4])\s*个?季度|首\s*(?P<head_q>[一二两三1-3])\s*季(?:度)?"
    rf"|(?:第?[一1]){_DASH}(?P<to_q>[二三四2-4])\s*季度|(?:[一1]){_DASH}(?P<to_m>{_N})\s*月份?"
    rf"|(?P<half>上半年)|(?P<year>全年)|第?(?P<quarter>[一二三四1-4])\s*季度(?=\s*(?:累计|合计|共计|总计|共)))"
)
# a part's period, opening its clause or list item: 一季度, 第二季度, 3月份, 下半年
_PART_PERIOD_RE = re.compile(
    r"(?=[1-9一二三四五六七八九十第上下首前])"  # the engine skips, at C speed, characters no period starts with
    rf"(?:(?:19|20)\d{{2}}\s*年(?:度)?\s*)?(?:第?(?P<q>[一二三四1-4首])\s*季度|前\s*(?P<fq>[一二两三1-3])\s*个?季度"
    rf"|(?P<m>{_N})\s*月份?(?!\s*\d{{1,2}}\s*[日号])"
    rf"|(?P<from_m>{_N}){_DASH}(?P<to_m>{_N})\s*月份?|(?P<h>[上下])半年)"
    r"(?![末底初中上下旬])"
)
_PART_OPENS = "\n,;。、:)"
_CUMULATIVE_WORDS_RE = re.compile(r"累计|合计|共计|总计|共")
_NAME_NOISE_RE = re.compile(r"^(?:全市|全县|全区|全镇|全乡|全省|全州|全村|全局|我市|我县|我区|本市|本县|累计|合计|共计|总计|共|全|总)+"
                            r"|(?:总量|总数|总计|合计|共计|累计|总额|共|为|达到|达|了|有|是)+$|\s+")
# a part that is a change, a stock at a date, a rate or an average is no part of a sum
_NOT_A_FLOW_RE = re.compile(r"比|较|同比|环比|增加(?!值)|减少|增长|下降|提高|降低|平均|均|每|率|余额|存量|末|底|其中|分别")
_AMONG_AFTER_RE = re.compile(r"\s*[,;]\s*其中\s*[,:]?\s*")
_WINDOW = 600  # characters before the total the listed periods may take
_MAX_NAME = 16


@dataclass(frozen=True)
class PeriodPart:
    figure: Figure
    months: frozenset[int]
    name: str
    group: int = -1


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _CN[word]


def _months(first: int, last: int) -> frozenset[int]:
    return frozenset(range(first, last + 1))


def _total_months(match: re.Match) -> frozenset[int]:
    for group in ("first_q", "head_q", "to_q"):
        if match.group(group):
            return _months(1, 3 * _number(match.group(group)))
    if match.group("to_m"):
        return _months(1, _number(match.group("to_m")))
    if match.group("quarter"):  # 一季度共…: its three months
        quarter = _number(match.group("quarter"))
        return _months(3 * quarter - 2, 3 * quarter)
    return _months(1, 6) if match.group("half") else _months(1, 12)


def _part_months(match: re.Match) -> frozenset[int]:
    if match.group("q"):
        quarter = 1 if match.group("q") == "首" else _number(match.group("q"))
        return _months(3 * quarter - 2, 3 * quarter)
    if match.group("fq"):  # 前三季度累计…, then 四季度…: the first quarters, one part of the year
        return _months(1, 3 * _number(match.group("fq")))
    if match.group("from_m"):  # 1-2月, 4至6月
        first, last = _number(match.group("from_m")), _number(match.group("to_m"))
        return _months(first, last) if 1 <= first < last <= 12 else frozenset()
    if match.group("m"):
        month = _number(match.group("m"))
        return frozenset({month}) if 1 <= month <= 12 else frozenset()
    return _months(1, 6) if match.group("h") == "上" else _months(7, 12)


def _name(words: str) -> str:
    return _NAME_NOISE_RE.sub("", words)


@dataclass(frozen=True)
class _Label:
    start: int
    index: int  # the figure the period labels: the first after it
    months: frozenset[int]
    name: str
    group: int = -1  # where the 分别 list it comes from starts; -1 for a period that opens its own item
    figure: Figure | None = None  # the figure read with the unit of the list's last (316、114、90个次), when it has none


_BAD_WORDS_RE = re.compile(r"[\d,;。\n]")


def _labels(analysis: Analysis, starts: list[int]) -> list[_Label]:
    """Every period that opens an item (一季度…N件) and the figure it labels, in one scan."""
    norm, figures = analysis.text.norm, analysis.figures
    found = []
    for label in _PART_PERIOD_RE.finditer(norm):
        before = norm[label.start() - 1] if label.start() else "\n"
        if before not in _PART_OPENS and not before.isspace() and not norm.endswith("其中", 0, label.start()):
            continue  # 前三季度, 1-3月, 截至6月: not a period that opens an item
        index = bisect_left(starts, label.end())
        if index >= len(figures):
            break
        words = norm[label.end() : figures[index].number_start]
        if len(words) > _MAX_NAME or _BAD_WORDS_RE.search(words) or _NOT_A_FLOW_RE.search(words):
            continue
        months = _part_months(label)
        if months:
            found.append(_Label(label.start(), index, months, _name(words)))
    return found


# 一至四季度分别… / 1-3月分别… / 一、二、三季度分别… / 1月、2月和3月分别…: several periods named at
# once, their figures listed in order after 分别
_RESPECTIVE_PERIODS_RE = re.compile(
    r"(?=[1-9一二三四五六七八九十第])"
    rf"(?:第?(?P<qa>[一二三四1-4])\s*(?:季度)?{_DASH}第?(?P<qb>[一二三四1-4])\s*季度"
    r"|(?P<qs>第?[一二三四1-4](?:\s*[、,和及]\s*第?[一二三四1-4]){1,3})\s*季度"
    rf"|(?P<ma>{_N})\s*(?:月份?)?{_DASH}(?P<mb>{_N})\s*月份?"
    rf"|(?P<ms>{_N}\s*月份?(?:\s*[、,和及]\s*{_N}\s*月份?){{1,11}}))"
    r"(?![末底初中上下旬])(?P<words>[^\d,;。\n]{0,16}?(?:,[^\d,;。\n]{0,16}?)?)分别(?P<more>[^\d,;。\n]{0,16}?)(?=\d)"
)
_RESPECTIVE_JOIN_RE = re.compile(r"\s*(?:[、,和及]|以及)\s*")
_RESPECTIVE_TAIL_JOIN_RE = re.compile(r"(?P<tail>次?)\s*(?:[、,和及]|以及)\s*")
_PERIOD_DIGIT_RE = re.compile(rf"{_N}")


def _respective_periods(match: re.Match) -> list[frozenset[int]]:
    """The periods a 分别 list names, in order: 一至四季度 → four quarters, 1-3月 → three months."""
    if match.group("qa"):
        first, last = _number(match.group("qa")), _number(match.group("qb"))
        return [_months(3 * q - 2, 3 * q) for q in range(first, last + 1)] if first < last else []
    if match.group("qs"):
        quarters = [_number(q) for q in re.findall(r"[一二三四1-4]", match.group("qs"))]
        return [_months(3 * q - 2, 3 * q) for q in quarters]
    if match.group("ma"):
        first, last = _number(match.group("ma")), _number(match.group("mb"))
        return [frozenset({m}) for m in range(first, last + 1)] if 1 <= first < last <= 12 else []
    months = [_number(m) for m in _PERIOD_DIGIT_RE.findall(match.group("ms"))]
    return [frozenset({m}) for m in months] if all(1 <= m <= 12 for m in months) else []


def _respective_labels(analysis: Analysis, starts: list[int]) -> list[_Label]:
    """一至四季度分别完成投资8.14亿元、9.37亿元、10.02亿元、11.65亿元: one label per listed
    figure, the periods taken in order; only when the list holds exactly one figure per period."""
    norm, figures = analysis.text.norm, analysis.figures
    found = []
    for match in _RESPECTIVE_PERIODS_RE.finditer(norm):
        words = match.group("words") + match.group("more")
        periods = _respective_periods(match)
        if (len(periods) < 2 or _NOT_A_FLOW_RE.search(words) or _CUMULATIVE_WORDS_RE.search(words)
                or len(set(periods)) != len(periods)):  # 一至四季度分别累计…: running totals, not parts
            continue
        index = bisect_left(starts, match.end())
        if index >= len(figures) or figures[index].number_start != match.end():
            continue
        listed = [figures[index]]
        tail = None  # 316个次、114个次: the unit's own tail after every figure (个 read, 次 left)
        while len(listed) <= len(periods) and listed[-1].index + 1 < len(figures):
            following = figures[listed[-1].index + 1]
            joint = _RESPECTIVE_TAIL_JOIN_RE.fullmatch(norm, listed[-1].end, following.number_start)
            if joint is None or (tail is not None and joint.group("tail") != tail):
                break
            tail = joint.group("tail")
            listed.append(following)
        if tail and not norm.startswith(tail, listed[-1].end):
            continue
        if len(listed) == len(periods) and listed[-1].unit and all(f.kind == "number" and not f.unit for f in listed[:-1]):
            listed = [_with_unit_of(f, listed[-1]) for f in listed[:-1]] + listed[-1:]  # 316、114、353、90个次
        if len(listed) != len(periods) or any(f.base_unit != listed[0].base_unit or f.kind != listed[0].kind for f in listed):
            continue
        name = _name(words.lstrip(", "))
        found.extend(_Label(f.number_start, f.index, months, name, match.start(), f) for f, months in zip(listed, periods))
    return found


def _with_unit_of(bare: Figure, last: Figure) -> Figure:
    """A bare number of a list read in the unit its last item carries (6716、9049、3504万元)."""
    written = bare.written if bare.written is not None else bare.value
    return replace(bare, value=written * last.multiplier, value_high=None, unit=last.unit, base_unit=last.base_unit,
                   kind=last.kind, multiplier=last.multiplier)


def _parts_in(analysis: Analysis, labels: list[_Label], label_starts: list[int], total: Figure,
              start: int, end: int, stop: int) -> list[PeriodPart]:
    """The labelled figures of the total's unit whose periods open in start..end (figure index below stop)."""
    figures = analysis.figures
    parts = []
    for label in labels[bisect_left(label_starts, start) : bisect_left(label_starts, end)]:
        figure = label.figure or figures[label.index]
        if (label.index >= stop or label.index == total.index or figure.kind != total.kind
                or figure.base_unit != total.base_unit or not figure.exact or figure.derived):
            continue
        parts.append(PeriodPart(figure, label.months, label.name, label.group))
    return parts


def _alike(a: str, b: str) -> bool:
    """受理投诉 and 受理, 培训农民工 and 培训: one named within the other."""
    return a in b or b in a


def _parts_after(analysis: Analysis, labels: list[_Label], label_starts: list[int], total: Figure,
                 starts: list[int]) -> list[PeriodPart]:
    """全年…N人次,其中一季度…,二季度…: the period-labelled figures after 其中, in its sentence."""
    text, norm = analysis.text, analysis.text.norm
    among = _AMONG_AFTER_RE.match(norm, total.end)
    if among is None:
        return []
    _, sentence_end = text.sentence_span(total.start)
    following = bisect_left(starts, sentence_end)
    return _parts_in(analysis, labels, label_starts, total, among.end(), min(sentence_end, total.end + _WINDOW), following)


def _chain(parts: list[PeriodPart], months: frozenset[int], name: str) -> list[PeriodPart] | None:
    """The parts nearest the total, going away from it, whose months are disjoint and make
    the total's months; each named as the total is (or unnamed, naming it as the one before)."""
    chosen: list[PeriodPart] = []
    covered: frozenset[int] = frozenset()
    for part in parts:
        if part.months & covered or not part.months <= months:
            return None
        if part.name and name and not _alike(part.name, name):
            return None  # 受理 … 办结: another quantity
        chosen.append(part)
        covered |= part.months
        if covered == months:
            return sorted(chosen, key=lambda p: p.figure.index)
    return None


def find_period_sums(analysis: Analysis):
    """(total, parts) for every cumulative figure over the periods listed before it."""
    text, norm, figures = analysis.text, analysis.text.norm, analysis.figures
    starts = [f.start for f in figures]
    labels: list[_Label] | None = None  # read once a total is found: most documents have none
    label_starts: list[int] = []
    for total in figures:
        if total.kind not in _QUANTITY_KINDS + ("number",) or not total.exact or total.derived or total.in_list:
            continue
        clause_start, _ = text.clause_span(total.start)
        head = _TOTAL_PERIOD_RE.match(norm, clause_start, total.number_start)
        if head is None or norm.startswith(("末", "底"), head.end()):
            continue
        words = norm[head.end() : total.number_start]
        if len(words) > _MAX_NAME or _NOT_A_FLOW_RE.search(words) or _BAD_WORDS_RE.search(words):
            continue
        name = _name(words)
        floor = max(text.line_span(max(0, total.start - _WINDOW))[0], total.start - _WINDOW)
        if labels is None:
            labels = sorted(_labels(analysis, starts) + _respective_labels(analysis, starts), key=lambda label: label.start)
            label_starts = [label.start for label in labels]
        parts = _parts_in(analysis, labels, label_starts, total, floor, total.start, total.index)
        chosen = _chain(parts[::-1], _total_months(head), name) if len(parts) >= 2 else None
        if not chosen:
            parts = _parts_after(analysis, labels, label_starts, total, starts)
            chosen = _chain(parts, _total_months(head), name) if len(parts) >= 2 else None
        if not chosen or len(chosen) < 2 or not _one_list_near(text, chosen, total):
            continue
        named = {part.name for part in chosen if part.name}
        if (not named or total.kind == "number") and not _table_rows(text, figures, (total, *(part.figure for part in chosen))) \
                and not (not named and not name and total.kind != "number" and _topic_before(text, chosen[0].figure)):
            continue  # nothing says what the parts count (a bare number: only a table's heading does)
        if named and not all(_alike(a, b) for a in named | {name} - {""} for b in named):
            continue  # they count two things
        inferred = not _CUMULATIVE_WORDS_RE.search(norm, clause_start, total.number_start)
        yield total, tuple(part.figure for part in chosen), inferred


# 新增床位方面,上半年…张,下半年…张,全年累计…张: a topic clause says what bare periods count
_TOPIC_RE = re.compile(r"(?:^|[,。;:\n])\s*(?:在)?(?P<topic>[\u4e00-\u9fff]{2,14}?)(?:方面|工作上|上)\s*[,:]\s*$")


def _topic_before(text, first: Figure) -> bool:
    clause_start, _ = text.clause_span(first.start)
    norm = text.norm
    return _TOPIC_RE.search(norm, max(0, clause_start - 20), clause_start) is not None


def _one_list_near(text, chosen: list[PeriodPart], total: Figure) -> bool:
    """Parts from a 分别 list make a sum only all together, in the total's sentence or the one before."""
    groups = {part.group for part in chosen}
    if groups == {-1}:
        return True
    if len(groups) != 1:
        return False
    sentence_start, _ = text.sentence_span(total.start)
    earliest = text.previous_sentence_start(sentence_start) if sentence_start else 0
    return min(part.figure.start for part in chosen) >= earliest


_ROW_WORDS_MAX = 8  # 前三季度累计 and its unit, 1月: a row of a table holds its period and nothing else


def _table_rows(text, figures, row_figures) -> bool:
    """1月  862件 / … / 一季度累计  2 702件: each figure alone on its line with its period,
    the lines one after another — a table whose heading says what they count."""
    lines = []
    for figure in row_figures:
        start, end = text.line_span(figure.start)
        line = text.norm[start:end]
        words = sum(1 for char in line if "\u4e00" <= char <= "\u9fff")
        if words > _ROW_WORDS_MAX or sum(1 for f in figures[max(0, figure.index - 2) : figure.index + 3] if start <= f.start < end) != 1:
            return False
        lines.append(text.line_of(figure.start))
    return sorted(lines) == list(range(min(lines), min(lines) + len(lines)))
