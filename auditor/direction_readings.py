"""Directions said against two values that no from–to phrase joins:

- a difference with last year's value after it: 扶持对象1267户,比上年减少265户(上年1002户)
  (the difference must be new − old in size: only the word is wrong);
- a value reached (降至, 缩短至, 压缩到, 提高到, 增至 …) with last year's value in a bracket
  after it (缩短至10个工作日(上年为6个工作日)), or as the one value of its unit earlier in the
  sentence, said to be last year's or the former one (上年审批需7个工作日,今年进一步压缩,
  办理时间降至9个工作日; a warning);
- a change before 由A变为B (较上年减少37.5%,由64起变为88起);
- a series said to move one way year after year (2019—2021年…分别为56起、59起、63起,呈逐年下降趋势),
  reported only when every step goes the other way.

Each reader returns (old, new, word, start, end, inferred); relate makes them changes for DR001.
"""

from __future__ import annotations

import re
from fractions import Fraction

from auditor.arith import written_interval
from auditor.extract import Figure
from auditor.spread_changes import is_quantity, same_unit

_BASE_WORDS = r"(?:上年同期|去年同期|上年|去年|上一年|改革前|此前|以前|原来|原)"
_DIFFERENCE_RE = re.compile(r"\s*,\s*(?:同比|(?:比|较)(?:上年|去年)(?:同期)?)\s*(?P<word>增加|减少|增长|下降|多|少)了?\s*")
_BASE_AFTER_RE = re.compile(rf"\s*(?:\(\s*{_BASE_WORDS}(?:为|是|:)?\s*|,\s*{_BASE_WORDS}(?:为|是)\s*)")
# …降低到148期,2020年为101期: a year named after the value reached, with its value, is the former one
_YEAR_BASE_AFTER_RE = re.compile(r"\s*(?:\(\s*(?:19|20)\d{2}\s*年(?:同期)?(?:为|是|:)?\s*|,\s*(?:19|20)\d{2}\s*年(?:同期)?(?:为|是)\s*)")
# 开展健康讲座同比上升,为80场(上年同期106场): the word, then the value it came to; only a base right after it
_SAID_THEN_VALUE_RE = re.compile(
    r"(?:同比|比上年|较上年|比去年|较去年)?(?P<word>上升|增加|增长|提高|提升|下降|减少|降低|回落|回升)了?\s*,\s*(?:为|达到|达|是)\s*$")

_REACHED_RE = re.compile(
    r"(?P<word>降至|降到|降低至|降低到|下降至|下降到|减少至|减少到|减至|缩短至|缩短到|缩减至|缩减到|压缩至|压缩到|压减至|压减到"
    r"|压降至|压降到|精简至|精简到|提高至|提高到|提升至|提升到|上升至|上升到|增至|增加至|增加到|增长至|增长到|扩大至|扩大到)了?\s*$")
_FROM_IN_CLAUSE_RE = re.compile(r"由|从")
_BASE_CLAUSE_RE = re.compile(rf"{_BASE_WORDS}")
_NOT_A_LEVEL_RE = re.compile(r"增加|减少|增长|下降|提高|降低|比|较|同比|目标|计划|预计|力争|每|人均|平均")

_CHANGED_TO_RE = re.compile(r"\s*,\s*(?:由|从)\s*")
_BECAME_RE = re.compile(r"\s*(?:变为|变成|变化为|调整为|到)\s*")
_CHANGE_BEFORE_RE = re.compile(r"(?:同比|(?:比|较)(?:上年|去年)(?:同期)?)\s*(?P<word>增加|减少|增长|下降|上升|降低|提高)了?\s*$")

_SERIES_TREND_RE = re.compile(
    r"\s*[,]\s*(?:总体|整体)?(?:呈现?|出现)?\s*(?:逐年|连年|年年)(?P<word>下降|减少|降低|上升|增加|增长|提高|递增|递减)")
_SERIES_OPEN_RE = re.compile(r"分别(?:为|是|达)|依次(?:为|是)")


def _interval(figure: Figure) -> tuple[Fraction, Fraction]:
    return written_interval(figure.value, figure.decimals, figure.multiplier)


def _difference_fits(new: Figure, old: Figure, difference: Figure) -> bool:
    new_low, new_high = _interval(new)
    old_low, old_high = _interval(old)
    low, high = _interval(difference)
    size_low = max(Fraction(0), min(abs(new_low - old_high), abs(old_low - new_high)))
    size_high = max(abs(new_high - old_low), abs(old_high - new_low))
    return low <= size_high and size_low <= high


def _says_down(word: str) -> bool:
    return word[0] in "减下降缩压精少递" and word != "递增"


def differences_with_base(text, figures) -> list:
    norm = text.norm
    found = []
    for new in figures:
        if new.index + 2 >= len(figures) or not is_quantity(new):
            continue
        difference, old = figures[new.index + 1], figures[new.index + 2]
        if not (is_quantity(difference) and is_quantity(old) and same_unit(new, difference) and same_unit(new, old)):
            continue
        said = _DIFFERENCE_RE.fullmatch(norm, new.end, difference.number_start)
        if said is None or not _BASE_AFTER_RE.fullmatch(norm, difference.end, old.number_start):
            continue
        if not _difference_fits(new, old, difference):
            continue  # the sizes disagree as well: CH001's to judge
        word = said.group("word")
        if _says_down(word) == (new.value < old.value) or new.value == old.value:
            continue
        found.append((old, new, word, new.start, old.end, False))
    return found


def values_reached(text, figures) -> list:
    norm = text.norm
    found = []
    for new in figures:
        if not is_quantity(new):
            continue
        clause_start, _ = text.clause_span(new.start)
        reached = _REACHED_RE.search(norm, max(clause_start, new.number_start - 12), new.number_start)
        said = None
        if reached is None:
            said = _SAID_THEN_VALUE_RE.search(norm, max(0, new.number_start - 16), new.number_start)
            if said is None or text.sentence_span(said.start())[0] != text.sentence_span(new.start)[0]:
                continue
            reached = said
        if _FROM_IN_CLAUSE_RE.search(norm, max(clause_start, reached.start() - 60), reached.start()):
            continue
        old, inferred = None, False
        after = figures[new.index + 1] if new.index + 1 < len(figures) else None
        noun = re.match(r"[\u4e00-\u9fff]{0,3}", norm[new.end : new.end + 3]).group(0)  # 10个工作日(上年为6个工作日)
        if (after is not None and is_quantity(after) and same_unit(after, new)
                and (_BASE_AFTER_RE.fullmatch(norm, new.end + len(noun), after.number_start)
                     or _YEAR_BASE_AFTER_RE.fullmatch(norm, new.end + len(noun), after.number_start) and not _SAME_YEAR_BEFORE(norm, text.sentence_span(new.start)[0], new))
                and norm.startswith(noun, after.end)):
            old = after
        elif said is not None:
            continue  # a word said then a value: its base only right after it
        else:
            sentence_start, _ = text.sentence_span(new.start)
            alike = []
            for f in reversed(figures[max(0, new.index - 12) : new.index]):
                if f.start < sentence_start or len(alike) > 1:
                    break
                if same_unit(f, new):
                    alike.append(f)
            if len(alike) == 1 and is_quantity(alike[0]):
                candidate = alike[0]
                own_clause = text.clause_span(candidate.start)[0]
                words = norm[own_clause : candidate.number_start]
                if (_BASE_CLAUSE_RE.search(words) and not _NOT_A_LEVEL_RE.search(words)
                        and _noun_after(norm, candidate) == _noun_after(norm, new)
                        and (len(_noun_after(norm, new)) >= 2 or _names_it(words, norm[clause_start : reached.start()]))):
                    old, inferred = candidate, True
        if old is None or old.value == new.value:
            continue
        word = reached.group("word")
        if _says_down(word) == (new.value < old.value):
            continue
        found.append((old, new, word[:2], min(old.start, reached.start()), max(old.end, new.end), inferred))
    return found


def _SAME_YEAR_BEFORE(norm: str, sentence_start: int, new: Figure) -> bool:
    """A year named before the value reached in its sentence (2021年降低到…,2020年为…): a series of years,
    not this year's value against a former one — left to the readers of years."""
    return re.search(r"(?:19|20)\d{2}\s*年", norm[max(sentence_start, new.number_start - 60) : new.number_start]) is not None


_GENERIC = frozenset({"上年", "去年", "今年", "本年", "全年", "进一", "一步", "同期"})


def _noun_after(norm: str, figure: Figure) -> str:
    return re.match(r"[\u4e00-\u9fff]{0,3}", norm[figure.end : figure.end + 3]).group(0)


def _names_it(base_words: str, new_words: str) -> bool:
    """上年办理时限为9天,…办理时限缩短至12天: the name right before the word reached (up to four
    characters) stands in the base's clause (亏损企业 is not 全县有企业)."""
    name = re.search(r"[\u4e00-\u9fff]{2,4}$", new_words)
    return name is not None and name.group(0) not in _GENERIC and name.group(0) in base_words


def changes_then_values(text, figures) -> list:
    norm = text.norm
    found = []
    for stated in figures:
        if stated.kind != "percent" or stated.index + 2 >= len(figures):
            continue
        old, new = figures[stated.index + 1], figures[stated.index + 2]
        if not (is_quantity(old) and is_quantity(new) and same_unit(old, new)):
            continue
        clause_start, _ = text.clause_span(stated.start)
        said = _CHANGE_BEFORE_RE.search(norm, max(clause_start, stated.number_start - 20), stated.number_start)
        if said is None or not _CHANGED_TO_RE.fullmatch(norm, stated.end, old.number_start):
            continue
        if not _BECAME_RE.fullmatch(norm, old.end, new.number_start) or old.value == new.value:
            continue
        word = said.group("word")
        if _says_down(word) == (new.value < old.value):
            continue
        found.append((old, new, word, said.start(), new.end, False))
    return found


def series_trends(text, figures) -> list:
    norm = text.norm
    if "年" not in norm:
        return []
    found = []
    for last in figures:
        trend = _SERIES_TREND_RE.match(norm, last.end)
        if trend is None or not is_quantity(last):
            continue
        series = [last]
        index = last.index - 1
        while index >= 0:
            figure = figures[index]
            gap = norm[figure.end : series[0].number_start]
            if not same_unit(figure, last) or not is_quantity(figure) or not re.fullmatch(r"\s*(?:、|和|,)\s*", gap):
                break
            series.insert(0, figure)
            index -= 1
        clause_start, _ = text.clause_span(series[0].start)
        if len(series) < 3 or not _SERIES_OPEN_RE.search(norm, clause_start, series[0].number_start):
            continue
        word = trend.group("word")
        steps = [b.value - a.value for a, b in zip(series, series[1:])]
        against = all(step > 0 for step in steps) if _says_down(word) else all(step < 0 for step in steps)
        if against:
            word = {"递增": "增加", "递减": "减少"}.get(word, word)
            found.append((series[0], last, word, series[0].start, trend.end(), False))
    return found


def direction_readings(text, figures) -> list:
    return (differences_with_base(text, figures) + values_reached(text, figures)
            + changes_then_values(text, figures) + series_trends(text, figures))
