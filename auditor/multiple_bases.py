"""A multiple (N倍, 翻番) whose two values stand apart from it:

    全县网络零售额9.6亿元,是上年的1.6倍(上年2.46亿元)      the base in a bracket after
    全县网络零售额9.6亿元,是上年的2.2倍,上年为3.1亿元       the base in a clause after
    今年28.6亿元,上年为9.2亿元,增长了1.6倍                 a pair, one of them last year's
    2021年1 200万件,2023年达到4 500万件,两年增长了两倍       a pair of years
    2020年光伏装机18万千瓦。…达到86万千瓦,是2020年的3.2倍    the base a sentence before

The new value is the one right before the multiple (in its sentence); the
base is the one the multiple's period names (上年, 2020年) or, for a bare
增长N倍 / 翻番, the earlier of a pair said to be last year's or an earlier
year's. A target (力争翻番, 再翻一番, 计划) is no statement about the values.
Each reading returns (old, new, the multiple's match, inferred); relate turns
the match into the interval of new/old it allows.
"""

from __future__ import annotations

import re

from auditor.extract import Figure
from auditor.lexicon import YEAR_NUMBER_RE as _YEAR_RE
from auditor.spread_changes import (BASE_AFTER_VALUE_RE, VALUE_AFTER_RE, base_opening_next_sentence, closes_base, is_quantity,
                                     label_of, named_as, names_alike, plain_value, same_unit, words_before)

_TIMES = r"\d+(?:\.\d+)?|[一二两三四五六七八九十]+"
_PERIOD = (r"(?:(?:19|20)\d{2}\s*年(?:末|底|同期)?|上年末|上年底|去年末|去年底|上年同期|去年同期|上年|去年|上一年|同期"
           r"|原来|原先|过去|以前|[一二三四五六七八九十两\d]{1,2}年前)")
_ORIGINAL = ("原来", "原先", "过去", "以前")  # no period: the value before, said as such
_SPAN = r"(?:[一二三四五六七八九十两\d]+年(?:来|间|中)?|近[一二三四五六七八九十两\d]+年(?:来)?)"
# 是上年的1.6倍 / 为2020年的近4倍 / 比上年增长3.5倍 / 两年增长了两倍 / 翻了两番
MULTIPLE_RE = re.compile(
    rf"(?:是|为|相当于|达到|达)(?P<period>{_PERIOD})(?:的)?(?:水平|规模|总量)?(?:的)?\s*(?P<approx>近|接近|约|超过|逾)?(?P<number>{_TIMES})倍(?P<more>多|余|以上)?"
    rf"|(?:(?:比|较)(?P<g_period>{_PERIOD})\s*,?\s*)?(?:{_SPAN}\s*)?(?:共|累计)?(?:增长|增加|提高|提升|扩大)了?(?P<g_approx>近|接近|约|超过|逾)?"
    rf"(?P<g_number>{_TIMES})倍(?P<g_more>多|余|以上)?"
    rf"|(?:(?:比|较)(?P<d_period>{_PERIOD})\s*,?\s*)?(?:{_SPAN}\s*)?(?:实现)?翻了?(?P<doublings>一|两|二|三|四|\d)?番(?:多|以上)?"
)
TARGET_RE = re.compile(r"力争|争取|目标|计划|预计|预期|确保|规划|将|要|再|可望|有望")
_BASE_AFTER_RE = re.compile(rf"\s*(?:\(\s*|[,;]\s*)(?P<period>{_PERIOD})(?:全年)?(?P<name>[\u4e00-\u9fff]{{0,10}}?)(?:为|是|:)?\s*$")
_BASE_CLOSE_RE = re.compile(r"\s*(?:\)|[,。;]|$)")
_BASE_LABELS = re.compile(r"上年|去年|上一年|同期")
_REACH = 40  # characters of a clause a target word is looked for in
# between the value and its multiple: the rest of its unit, a bracket, a comma, 同比
_GAP_RE = re.compile(r"[^\d,。;()]{0,4}?\s*(?:\)\s*)?(?:[,]\s*)?(?:同比|今年|全年|已|均|实现了?)?\s*")
_MAX_BACK = 6


def multiples_apart(text, figures, starts: list[int], taken: set[int]) -> list[tuple[Figure, Figure, re.Match, bool]]:
    """(old, new, multiple match, inferred) for each multiple not read already (taken: its start)."""
    from bisect import bisect_left

    norm = text.norm
    found = []
    if "倍" not in norm and "番" not in norm:
        return found
    for match in MULTIPLE_RE.finditer(norm):
        if match.start() in taken or any(match.start() <= t < match.end() for t in taken):
            continue
        sentence_start, sentence_end = text.sentence_span(match.start())
        clause_start = max(text.clause_span(match.start())[0], match.start() - _REACH)
        if TARGET_RE.search(norm, clause_start, match.start()):
            continue  # 力争翻番 / 再翻一番: a target
        at = bisect_left(starts, match.start())
        period = match.group("period") or match.group("g_period") or match.group("d_period") or ""
        period = re.sub(r"\s+", "", period)
        if period in _ORIGINAL:
            # 原来 is read where the values are written 由…到…, or with the value before said right
            # after the multiple: 现有15个,是原来的2.7倍(原有7个) / …,原来为7个
            original = _original_after(text, figures, match, at, sentence_start, sentence_end)
            if original is not None:
                found.append((*original, match, False))
            continue
        after = None if period and not _BASE_LABELS.match(period) else _values_after(text, figures, match, at, sentence_end)
        if after is not None:
            found.append((*after, match, False))
            continue
        before = [f for f in figures[max(0, at - _MAX_BACK) : at] if f.start >= sentence_start and is_quantity(f)]
        if not before or match.start() - before[-1].end > _REACH or not _GAP_RE.fullmatch(norm, before[-1].end, match.start()):
            continue  # …,农村网络零售额增长了4倍: the multiple of another subject
        reading = _base_after(text, figures, match, before[-1], period, sentence_end)
        if reading is None and period and _BASE_LABELS.match(period) and not any(same_unit(f, before[-1]) for f in before[:-1]):
            following = bisect_left(starts, match.end())  # …是上年同期的3倍。上年同期发放N亿元。
            old = base_opening_next_sentence(text, figures, before[-1], following, sentence_end)
            reading = (old, before[-1], True) if old is not None else None
        if reading is None:
            reading = _pair_before(text, before, period, sentence_start)
        if reading is None:
            reading = _base_a_sentence_before(text, figures, before, period, sentence_start)
        if reading is not None:
            old, new, inferred = reading
            if old.exact and new.exact and old.value > 0 and plain_value(text, new) and plain_value(text, old):
                found.append((old, new, match, inferred))
    return found


# (原有7个) / ,原来为7个 / (过去只有7个): the value before, named as the multiple names it
_ORIGINAL_AFTER_RE = re.compile(r"\s*(?:\(\s*|[,;]\s*)(?:原有|原来|原先|原|过去|以前|当时)(?:只有|仅有|共有|有|为|是|:)?\s*$")


def _original_after(text, figures, match: re.Match, at: int, sentence_start: int, sentence_end: int):
    """M,是原来的K倍(原有N): the one value right before the multiple in its sentence and the value
    after it said to be the one before (原有, 原来为), of one unit."""
    before = [f for f in figures[max(0, at - _MAX_BACK) : at] if f.start >= sentence_start and is_quantity(f)]
    if not before or match.start() - before[-1].end > _REACH or not _GAP_RE.fullmatch(text.norm, before[-1].end, match.start()):
        return None
    new = before[-1]
    if any(same_unit(f, new) for f in before[:-1]):
        return None  # 由7个增加到15个,是原来的…: the pair before reads it
    old = _value_after(figures, new, match.end(), sentence_end)
    if old is None:
        return None
    if not _ORIGINAL_AFTER_RE.fullmatch(text.norm, match.end(), old.number_start) or not _BASE_CLOSE_RE.match(text.norm, old.end):
        return None
    return (old, new) if plain_value(text, new) and plain_value(text, old) else None


def _value_after(figures, new: Figure, position: int, sentence_end: int) -> Figure | None:
    """The first value after position, in the sentence and of new's unit."""
    index = new.index + 1
    while index < len(figures) and figures[index].start < position:
        index += 1
    if index >= len(figures):
        return None
    old = figures[index]
    if old.start >= sentence_end or not same_unit(old, new) or not is_quantity(old):
        return None
    return old


def _names_period(text, figure: Figure, period: str, floor: int) -> bool:
    """The value's words name the period the multiple names (2020年; 上年 as 上年/去年/同期)."""
    head = words_before(text, figure, floor)
    year = _YEAR_RE.match(period)
    if year:
        return year.group(1) in _YEAR_RE.findall(head)
    return label_of(text, figure, floor) == "base"


def _base_after(text, figures, match: re.Match, new: Figure, period: str, sentence_end: int):
    """是上年的1.6倍(上年2.46亿元) / …,上年为3.1亿元: the base right after the multiple."""
    old = _value_after(figures, new, match.end(), sentence_end)
    if old is None:
        return None
    words = _BASE_AFTER_RE.match(text.norm[match.end() : old.number_start])
    if words is None or not _BASE_CLOSE_RE.match(text.norm, old.end):
        return None
    if words.group("name") and not named_as(words.group("name"), text, new):
        return None  # …,上年全区冷库面积为N: another metric's
    named = re.sub(r"\s+", "", words.group("period"))
    if period and named != period and not (_BASE_LABELS.match(named) and _BASE_LABELS.match(period)):
        return None
    if label_of(text, new, text.sentence_span(new.start)[0]) == "base":
        return None
    return old, new, False


def _pair_before(text, before: list[Figure], period: str, sentence_start: int):
    """The last two values of one unit before the multiple: one said to be last year's, or two
    years, the earlier the base; a multiple naming its period (是2020年的) names the base's."""
    new = before[-1]
    alike = [f for f in before[:-1] if same_unit(f, new)]
    if not alike:
        return None
    other = alike[-1]
    other_label, new_label = label_of(text, other, sentence_start), label_of(text, new, sentence_start)
    other_head, new_head = words_before(text, other, sentence_start), words_before(text, new, sentence_start)
    if other_label != new_label:
        old, new = (other, new) if other_label == "base" else (new, other)
    else:
        other_years, new_years = _YEAR_RE.findall(other_head), _YEAR_RE.findall(new_head)
        if other_label != "now" or not other_years or not new_years or int(other_years[-1]) >= int(new_years[-1]):
            return None
        old = other
    if period and not _names_period(text, old, period, sentence_start):
        return None
    if not names_alike(words_before(text, old, sentence_start), words_before(text, new, sentence_start)):
        return None
    return old, new, False


def _base_a_sentence_before(text, figures, before: list[Figure], period: str, sentence_start: int):
    """上年…为3.2亿元。今年达到9.5亿元,为上年的2倍: the one value of the unit in the sentence
    before, named by the multiple's period (a warning)."""
    new = before[-1]
    if any(same_unit(f, new) for f in before[:-1]) or not sentence_start:
        return None
    previous_start = text.previous_sentence_start(sentence_start)
    candidates = [f for f in figures[max(0, new.index - 1 - 12) : new.index]
                  if previous_start <= f.start < sentence_start and same_unit(f, new)]
    if not candidates and previous_start:  # over a sentence with no value of the unit
        previous_start, sentence_between = text.previous_sentence_start(previous_start), previous_start
        candidates = [f for f in figures[max(0, new.index - 1 - 12) : new.index]
                      if previous_start <= f.start < sentence_between and same_unit(f, new)]
    if len(candidates) != 1 or not is_quantity(candidates[0]):
        return None
    old = candidates[0]
    if period and not _names_period(text, old, period, previous_start):
        return None
    if not period and not _earlier(text, old, new, previous_start, sentence_start):
        return None  # a bare 增长N倍: the base is last year's or an earlier year's
    if not names_alike(words_before(text, old, previous_start), words_before(text, new, sentence_start)):
        return None
    return old, new, True


def _earlier(text, old: Figure, new: Figure, old_floor: int, new_floor: int) -> bool:
    """old said to be last year's, or named by a year before the one new's words name."""
    if label_of(text, old, old_floor) == "base":
        return label_of(text, new, new_floor) == "now"
    old_years, new_years = _YEAR_RE.findall(words_before(text, old, old_floor)), _YEAR_RE.findall(words_before(text, new, new_floor))
    return bool(old_years and new_years) and int(old_years[-1]) < int(new_years[-1])


def _values_after(text, figures, match: re.Match, at: int, sentence_end: int) -> tuple[Figure, Figure] | None:
    """为上年的1.5倍,达到M(上年N): the value and its base after the multiple, the multiple
    opening its clause with a name before it and no value."""
    norm = text.norm
    clause_start = text.clause_span(match.start())[0]
    if at and figures[at - 1].end > clause_start:
        return None
    index = at
    while index < len(figures) and figures[index].start < match.end():
        index += 1
    if index + 1 >= len(figures):
        return None
    new, old = figures[index], figures[index + 1]
    if old.start >= sentence_end or not is_quantity(new) or not is_quantity(old) or not same_unit(new, old):
        return None
    if not VALUE_AFTER_RE.fullmatch(norm, match.end(), new.number_start):
        return None
    base = BASE_AFTER_VALUE_RE.fullmatch(norm, new.end, old.number_start)
    if base is None or not closes_base(norm, old, bool(base.group("open"))):
        return None
    return old, new
