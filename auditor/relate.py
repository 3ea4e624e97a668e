"""Relate figures to each other: rate and its numerator and denominator, parts
and their total, a value before and after with the stated change.

Each finder is cautious: it returns a relation only where the wording makes
the claim (应/计划/在册 for a denominator, 其中 + 其他 for a complete split,
由…到… for a change). A rule can only be as precise as the relations it
is given.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from copy import copy
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from auditor.arith import (
    APPROXIMATE_WORDS,
    half_unit,
    explains,
    rate_interval,
    ratio_representative,
    written_interval,
)
from auditor.cnnum import standard_number
from auditor.complement_pairs import complementary_pairs
from auditor.extract import Figure, strip_fillers
from auditor.growth_points import find_growth_points
from auditor.lexicon import (
    DEFINED_BASES,
    SUM_BASES,
    DIRECTION_ALTERNATIVES,
    DIRECTION_VERB_ALTERNATIVES,
    DOWN_WORDS,
    RATE_NOUN_ENDINGS,
    RATE_WORDS,
    UP_WORDS,
    YEAR_NUMBER_RE as _YEAR_NUMBER_RE,
)
from auditor.model import Analysis
from auditor.known_splits import leading_sides as _leading_sides, two_sides_of_the_whole as _two_sides_of_the_whole
from auditor.multiple_bases import TARGET_RE, multiples_apart
from auditor.spans import Text, ends_with
from auditor.spread_changes import (PART_OF_YEAR_RE, is_quantity as _is_quantity, rates_after_a_value, same_unit as _same_unit, QUANTITY_KINDS, base_in_sentence_before, changes_stated_first, names_alike,
                                     part_against_whole, same_period, spread_changes, stated_before_from, year_base_changes,
                                     year_before)
from auditor.closed_lists import find_closed_lists
from auditor.direction_readings import direction_readings
from auditor.trend_words import paces_in_words, trends_after_values
from auditor.unit_slip import unit_slip


@dataclass(frozen=True)
class Ratio:
    rate: Figure
    numerator: Figure
    denominator: Figure
    inferred: bool = False  # paired across sentences or without a cue word: a warning
    target: bool = False  # the denominator is a target (计划2万座): exact as written, not a rounded count
    kind: str = "ratio"  # "share": a part over the total it belongs to (其中…占…)
    scale: int = 100  # 100 for a percent, 1000 for a per-mille rate
    spread: Fraction = Fraction(0)  # relative slack of the denominator (a year's average population)


@dataclass(frozen=True)
class PartsTotal:
    total: Figure
    parts: tuple[Figure, ...]
    labels: tuple[str, ...]
    complete: bool
    reason: str  # complement, partition, total_word, total_line, paired, enumerated; "" when not the whole
    inferred: bool = False  # the whole only by how the list is written (a bracket, 包括): a warning
    opening: str = "其中"  # the words the list of parts follows (其中, or a group: 新建桥梁中)


@dataclass(frozen=True)
class Change:
    old: Figure
    new: Figure
    word: str  # the direction word as written (增加, 降至 …), "" if none
    stated: Figure | None  # the stated change: a percent or points
    stated_word: str
    start: int
    end: int
    multiple: "Multiple | None" = None  # 翻一番, 增长了2倍, 达到原来的3倍 after the values
    unit_tail: str = ""  # the rest of a compound unit both values carry (个工作日 → 工作日, 吨标准煤/万元 → 标准煤/万元)
    inferred: bool = False  # the old value paired across sentences: a warning


@dataclass(frozen=True)
class Multiple:
    """A change stated as a multiple: new/old must fall in [low, high)."""

    start: int
    end: int
    low: Fraction
    high: Fraction
    # 增长1.8倍: 1.8 or 2.8 times, two intervals apart (whole numbers' two readings touch: one interval)
    also: tuple[Fraction, Fraction] | None = None


@dataclass(frozen=True)
class Relations:
    ratios: tuple[Ratio, ...]
    parts: tuple[PartsTotal, ...]
    changes: tuple[Change, ...]


def find_relations(analysis: Analysis) -> Relations:
    parts = tuple(find_parts(analysis))
    part_indexes = {p.index for rel in parts for p in rel.parts}
    return Relations(
        ratios=tuple(find_ratios(analysis)),
        parts=parts,
        changes=tuple(_with_stated_differences(analysis.text, analysis.figures, find_changes(analysis, part_indexes)))
        + tuple(Change(g.old, g.new, g.word, g.points, g.word, g.new.start, g.points.end) for g in find_growth_points(analysis)),
    )


# 由上年的42起减少到37起,减少3起 / 比上年的十三所多七所 / …增加到二十四个,新增八个: the difference said after both values
_STATED_DIFFERENCE_RE = re.compile(
    r"\s*[,,]?\s*(?:同比|(?:比|较)(?:上年|去年)(?:同期)?)?\s*(?P<word>净增加|净减少|净增|净减|增加|减少|新增|多出|少出|缩短|延长|压缩|压减|缩减|提高|降低|下降|上升|多|少)了?\s*")


def _with_stated_differences(text, figures, changes: list[Change]) -> list[Change]:
    """Each change with no stated change of its own whose two values are followed straight by a
    difference of their unit (减少3起): that difference, for CH001 to hold against new − old."""
    norm = text.norm
    out = []
    for change in changes:
        last = max(change.old, change.new, key=lambda f: f.end)
        following = figures[last.index + 1] if last.index + 1 < len(figures) else None
        if (change.stated is None and change.multiple is None and not change.old.derived and not change.new.derived
                and following is not None and following.exact and following.kind == last.kind
                and following.base_unit == last.base_unit and change.old.exact and change.new.exact
                and following.start < text.sentence_span(last.start)[1]
                and not norm[following.end : following.end + 1] in ("%", "‰")):
            rest = len(_shared_unit_rest(norm, last, following))  # 8个工作日,压缩了5个工作日: the unit's rest
            match = _STATED_DIFFERENCE_RE.fullmatch(norm, last.end + rest, following.number_start)
            if match is not None:
                change = replace(change, stated=following, stated_word=match.group("word"), end=max(change.end, following.end))
        out.append(change)
    return out


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(words) if words else "(?!)")


# nouns that open with a direction character: 升学率, 增值税, 降水量 name a metric, no rise or fall
_NOUNS_NOT_DIRECTION = ("升学", "增值", "降水", "降雨", "降尘", "减灾")


@lru_cache(maxsize=1024)
def direction_of(word: str) -> str:
    if word.startswith(_NOUNS_NOT_DIRECTION):
        return ""
    if any(word.startswith(w) for w in DOWN_WORDS + _PACE_DOWN):
        return "down"
    if any(word.startswith(w) for w in UP_WORDS + _PACE_UP):
        return "up"
    return ""


# 增速放缓, 增速加快: the pace of a growth rate, said of the rate itself (growth_points)
_PACE_DOWN = ("放缓", "收窄")
_PACE_UP = ("加快", "回升", "加大")


def values_go(old: Figure, new: Figure) -> str:
    """"up", "down" or "" for equal values: what the numbers say, whatever the words."""
    return "up" if new.value > old.value else "down" if new.value < old.value else ""


# --- rate = numerator / denominator -------------------------------------------------
#
# Explain before accusing: the best-supported reading picks a numerator and a
# denominator; when it does not give the stated rate, every other pair of
# quantities with the same unit nearby (the sentence, the one before) is tried,
# each as the interval its rounding allows. Only when none gives the rate is
# the best reading kept for the check to report.

RATE_SUFFIXES = RATE_WORDS + RATE_NOUN_ENDINGS
_SHARE_HEAD_RE = re.compile(r"占(?:[^\d,。;]{0,12}?(?:的)?)?(?:比重|比例|比)?(?:为|达|达到|是)?\s*$")
_AMONG_AFTER_RE = re.compile(r"^[\u4e00-\u9fff]{0,8}?(?:\([\u4e00-\u9fff、]{1,8}\))?中\s*[,,]?\s*(?:已|有|共|均|的|其)")  # 36个村(社区)中,有…
_SUBSET_AFTER_RE = re.compile(r"^\s*[,,]?\s*其中")


def find_ratios(analysis: Analysis) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    cues = _RatioCues(
        _alternation(analysis.pack.words("denominator_cues")),
        _alternation(analysis.pack.words("target_cues")),
        _alternation(analysis.pack.words("numerator_cues")),
        _CueIndex(text),
    )
    found: list[Ratio] = []
    # the total of the last share, where its sentence ends, and whether that total was inferred
    last_share: tuple[Figure, int, bool] | None = None
    respective = respective_shares(analysis)  # 分别占12%、45%: one share per listed part
    for rate in figures:
        if rate.index in respective:
            if respective[rate.index] is not None:
                found.append(respective[rate.index])
            continue
        if rate.in_list or direction_of(rate.metric):
            continue
        inline = _whole_in_phrase(text, figures, rate)
        if inline is not None:
            found.append(inline)
            continue
        written = _fraction_written_after(text, figures, rate)
        if written is not None:
            found.append(written)  # 完成率:95.13%(13952/15161): the writer's own numerator and denominator
            continue
        if rate.kind == "percent":
            task = _is_task_share(text, rate)
            share = not task and _is_share(text, rate)
        elif rate.kind == "permille" and "增长" not in rate.metric:
            share = task = False
        else:
            continue
        if not share and not task and not rate.metric.endswith(RATE_SUFFIXES):
            continue
        shown = None
        if not share and not task and rate.metric in _BARE_PROPORTIONS:
            rate, shown = _named_proportion(text, rate)
        reading = _best_reading(text, figures, rate, cues, share, task, last_share)
        if reading is None or _capacity_of_another_rate(text, rate, reading[1]) or "大" in (reading[0].unit, reading[1].unit):
            continue  # 五大产业集群…,五大集群产值占全市的61.2%: 五大 names a group, it counts nothing the rate is of
        scale = 1000 if rate.kind == "permille" else 100
        spread = _POPULATION_SPREAD if _is_vital_rate(rate) else Fraction(0)
        ratio = replace(_explained(text, figures, rate, reading, scale, spread), kind="share" if share else "ratio")
        if shown is not None:
            ratio = replace(ratio, rate=shown)  # read as 留用率, named as written: 留用比例
        if share:
            last_share = (ratio.denominator, text.sentence_span(rate.start)[1], ratio.inferred)
        if _silenced(text, ratio, cues, figures):
            continue
        found.append(ratio)
    return found


# 完成率:95.13%(13952/15161) / (13952÷15161): the rate's numerator and denominator written beside it
_FRACTION_AFTER_RE = re.compile(r"\s*\(\s*(?P<a>\d{1,12}(?:\.\d+)?)\s*[/÷]\s*(?P<b>\d{1,12}(?:\.\d+)?)\s*\)")


# 准确率96.6%,即在45804笔申报中有43312笔准确申报: the rate spelled out as a whole and its part
_SPELLED_OUT_RE = re.compile(r"\s*[,,]\s*即\s*(?:在)?\s*$")
_WHOLE_THEN_PART_RE = re.compile(r"[\u4e00-\u9fff]{0,12}(?:之)?中\s*(?:有|共有)\s*$")


def _whole_and_part_said_after(text, figures, rate: Figure) -> Ratio | None:
    if rate.index + 2 >= len(figures):
        return None
    whole, part = figures[rate.index + 1], figures[rate.index + 2]
    norm = text.norm
    if (not _SPELLED_OUT_RE.match(norm, rate.end, whole.number_start) or not _WHOLE_THEN_PART_RE.fullmatch(norm, whole.end, part.number_start)
            or not _same_unit(whole, part) or not whole.exact or not part.exact or part.value > whole.value
            or text.sentence_span(part.start)[0] != text.sentence_span(rate.start)[0]):
        return None
    clause_start, _ = text.clause_span(rate.start)
    if _FRACTION_OF_A_CHANGE_RE.search(norm, clause_start, rate.number_start):
        return None
    return Ratio(rate, part, whole)


_FRACTION_OF_A_CHANGE_RE = re.compile(r"比|较|同期|环比|上升|下降|增长|减少|增加|提高|降低|增幅|降幅|增速|变化|回落|回升")


# the rate's parts named as such: 参保率:94.47%(分子42 281人,分母42 968人) / …覆盖率92.72%,其中纳入巡访1625人(基数为…1828人)
_LABELLED_PARTS_RE = re.compile(r"\s*\(\s*分子\s*(?:为|是|:)?\s*$")
_DENOMINATOR_LABEL_RE = re.compile(r"\s*[^\d()]{0,8}?[,;]\s*分母\s*(?:为|是|:)?\s*$")
_BASE_LABEL_RE = re.compile(r"\s*\(\s*基数\s*(?:为|是|:)?\s*[\u4e00-\u9fff]{0,10}?\s*$")
_CLOSE_RE = re.compile(r"\s*\)")
# 37303÷53443,折合70.50%: a division written out before the rate it gives
_DIVISION_BEFORE_RE = re.compile(r"\s*[÷/]\s*$")
_GIVES_RE = re.compile(r"\s*[,,]?\s*(?:折合|约合|约为|即|为|等于|得)\s*$")


def _parts_named_beside(text, figures, rate: Figure) -> Ratio | None:
    """A rate whose numerator and denominator the sentence names as such: (分子A,分母B) right after
    it, A÷B right before it, or a count right after it followed by (基数为…B). No reading is
    needed: the writer says which figure is which."""
    norm = text.norm
    following = figures[rate.index + 1 : rate.index + 4]
    if len(following) >= 2:
        top, bottom = following[0], following[1]
        if _LABELLED_PARTS_RE.fullmatch(norm, rate.end, top.number_start) \
                and _DENOMINATOR_LABEL_RE.fullmatch(norm, top.end, bottom.number_start) and _CLOSE_RE.match(norm, bottom.end):
            return _explicit(rate, top, bottom)
    if rate.index >= 2:
        top, bottom = figures[rate.index - 2], figures[rate.index - 1]
        if _DIVISION_BEFORE_RE.fullmatch(norm, top.end, bottom.number_start) and _GIVES_RE.fullmatch(norm, bottom.end, rate.number_start):
            return _explicit(rate, top, bottom)
    _, sentence_end = text.sentence_span(rate.start)
    for index, top in enumerate(following[:-1]):
        bottom = following[index + 1]
        if bottom.start >= sentence_end:
            break
        if _BASE_LABEL_RE.fullmatch(norm, top.end, bottom.number_start) and _CLOSE_RE.match(norm, bottom.end) \
                and not _FRACTION_OF_A_CHANGE_RE.search(norm, rate.end, top.number_start):
            return _explicit(rate, top, bottom)
    return None


def _explicit(rate: Figure, top: Figure, bottom: Figure) -> Ratio | None:
    if not (top.exact and bottom.exact and _same_unit(top, bottom)) or bottom.value <= 0 or top.value > bottom.value * 10:
        return None
    return Ratio(rate, top, bottom)


def _fraction_written_after(text, figures, rate: Figure) -> Ratio | None:
    if rate.kind != "percent" or not rate.exact:
        return None
    named = _parts_named_beside(text, figures, rate)
    if named is not None:
        return named
    match = _FRACTION_AFTER_RE.match(text.norm, rate.end)
    if match is None:
        return _whole_and_part_said_after(text, figures, rate)
    clause_start, _ = text.clause_span(rate.start)
    if _FRACTION_OF_A_CHANGE_RE.search(text.norm, clause_start, rate.number_start):
        return None  # 与去年同期相比325%(68/16): new and old of a change, not a part and its whole
    a, b = Decimal(match.group("a")), Decimal(match.group("b"))
    if b <= 0 or a > b * 10:
        return None
    numerator = next((f for f in figures[rate.index + 1 : rate.index + 3] if f.number_start == match.start("a")), None)
    if numerator is None or numerator.value != a:
        return None
    decimals = len(match.group("b").partition(".")[2])
    denominator = replace(numerator, index=numerator.index, start=match.start("b"), end=match.end("b"),
                          number_start=match.start("b"), number_end=match.end("b"), value=b, value_high=None,
                          written=b, decimals=decimals, multiplier=1, qualifier="")
    return Ratio(rate, numerator, denominator)


_CAPACITY_RE = re.compile(r"能力|设计规模|产能|装机容量")
_CAPACITY_RATE_RE = re.compile(r"负荷|利用|使用|运行|达产|开工|产能|能力")


def _capacity_of_another_rate(text, rate: Figure, whole: Figure) -> bool:
    """设计处理能力48万吨/日,日均处理污水42.3万吨,污水处理率97.6%: a capacity is the whole of a load or
    use rate (负荷率, 利用率), not of a rate of what was there to treat or serve."""
    return (bool(_CAPACITY_RE.search(_words_before(text, whole)))
            and not _CAPACITY_RATE_RE.search(rate.subject[-6:] + rate.metric))


_BARE_PROPORTIONS = ("比例", "比重")
_PROPORTION_NAME_RE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2})的?(?:比例|比重)(?:为|达到|达|是)?\s*$")
_NOT_AN_EVENT_NAME = frozenset({"资金", "经费", "收入", "支出", "人口", "人数", "面积", "数量", "总数", "总额", "规模",
                                "结构", "产业", "经济", "财政", "投资", "消费", "金额", "费用", "成本", "中的", "其中"})


def _named_proportion(text, rate: Figure) -> tuple[Figure, Figure | None]:
    """留用比例为41.3% / 公益金提取比例为35.0%: a 比例 named by the event it counts (留用, 提取), read as
    that event's rate (留用率), and the name to show (留用比例); a bare 比例 stays as it is."""
    name = _PROPORTION_NAME_RE.search(text.norm, max(0, rate.number_start - 12), rate.number_start)
    if name is None or name.group("name") in _NOT_AN_EVENT_NAME or "占" in name.group("name") \
            or _PAID_LABEL_RE.search(name.group("name")):
        return rate, None  # 报销比例, 支付比例: the paid ratios auditor.pay_ratios reads over the costs they name
    read, shown = copy(rate), copy(rate)
    read.metric = name.group("name") + "率"
    shown.metric = name.group("name") + rate.metric
    return read, shown


# 占建制村总数186个的97.3% / 完成年度目标任务6500人的107.1%: the whole stands inside the phrase
_WHOLE_PHRASE_HEAD_RE = re.compile(r"(?P<verb>占|完成|达到|为|相当于)了?(?P<name>[^\d,。;:、]{0,14})$")
_WHOLE_PHRASE_TAIL_RE = re.compile(r"^\s*\)?\s*的\s*$")  # 占社会消费品零售总额(312.6亿元)的29.6%: the whole may be bracketed
_TARGET_NAME_RE = re.compile(r"任务|计划|目标|指标")


def _whole_in_phrase(text, figures, rate: Figure) -> Ratio | None:
    """A rate written after the whole it is of, inside 占…的 or 完成…的, with
    its part the quantity of that unit just before the phrase."""
    if rate.kind != "percent" or rate.index < 2:
        return None
    whole = figures[rate.index - 1]
    norm = text.norm
    if not _is_quantity(whole) or not _WHOLE_PHRASE_TAIL_RE.match(norm[whole.end : rate.number_start]):
        return None
    clause_start, _ = text.clause_span(whole.start)
    head = _WHOLE_PHRASE_HEAD_RE.search(norm, max(clause_start, whole.number_start - 16), whole.number_start)
    if head is None:
        return None
    sentence_start, _ = text.sentence_span(rate.start)
    part = figures[rate.index - 2]
    if (part.start < sentence_start or not _is_quantity(part) or not _same_unit(part, whole)
            or norm.find("。", part.end, head.start()) >= 0 or _CHANGE_CLAUSE_RE.search(norm, part.end, head.start())):
        return None
    if text.clause_span(head.start())[0] > text.clause_span(part.start)[1] + 1:
        return None  # the part stands in the phrase's clause or the one just before it
    target = bool(_TARGET_NAME_RE.search(head.group("name")))
    if head.group("verb") != "占" and not target:
        return None  # 为全县的…: no whole named, no rate of it read
    if target:
        part = _total_of_listed_part(text, figures, part, sentence_start)
    return Ratio(rate, part, whole, False, target, kind="share" if head.group("verb") == "占" else "ratio")


def _total_of_listed_part(text, figures, part: Figure, sentence_start: int) -> Figure:
    """新建改建农村公路186公里,其中新建42公里、改建144公里,完成年度计划(160公里)的116.3%: what is
    done against the plan is the total the 其中 list splits, not its last part."""
    for figure in reversed(figures[max(0, part.index - 8) : part.index]):
        if figure.start < sentence_start:
            break
        if _is_quantity(figure) and _same_unit(figure, part) and figure.value > part.value \
                and _SUBSET_AFTER_RE.match(text.norm[figure.end : figure.end + 4]):
            return figure
    return part


# a birth or death rate is over the year's average population, of which only
# the year-end figure is usually stated: allow it this much either way
_POPULATION_SPREAD = Fraction(1, 100)
_VITAL_EXCLUDED = ("婴儿", "孕产妇", "新生儿", "围产", "病", "患者", "住院", "手术", "儿童")


def _is_vital_rate(rate: Figure) -> bool:
    """出生率, 死亡率 of a population (per mille by convention), not 婴儿死亡率 or 病死率."""
    metric = rate.metric
    return metric.endswith(("出生率", "死亡率")) and not any(w in metric or w in rate.subject[-6:] for w in _VITAL_EXCLUDED)


# …的有173个,占比达到三分之二以上: a share of its own right after the count
_OWN_SHARE_AFTER_RE = re.compile(r"\s*[,,]?\s*(?:占比|占[\u4e00-\u9fff]{0,10}?(?:比重|比例|的)|比例|比重)")


def _twin(norm: str, figures, figure: Figure, joiners: str | None = " 、") -> list[Figure]:
    """The figures written right beside figure in another unit (2 864户8 102人), with
    nothing between but `joiners` (None: blanks of any kind)."""
    twins = []
    for index in (figure.index - 1, figure.index + 1):
        if 0 <= index < len(figures):
            other = figures[index]
            first, second = (other, figure) if index < figure.index else (figure, other)
            if other.base_unit != figure.base_unit and other.exact and not norm[first.end : second.number_start].strip(joiners):
                twins.append(other)
    return twins


def _silenced(text, ratio: Ratio, cues: "_RatioCues", figures=()) -> bool:
    """Readings that do not explain the rate and are no part and whole either:
    a 出生率 written with % that the figures give in ‰ (PM001 says so, once);
    a part larger than its whole under a rate of at most 100% with nothing
    making it the rate's own count (建议48件,提案63件,办复率100%)."""
    rate, numerator, denominator = ratio.rate, ratio.numerator, ratio.denominator
    if rate.qualifier in APPROXIMATE_WORDS or pair_explains(numerator, denominator, rate, ratio.target, ratio.scale, ratio.spread):
        return False
    if rate.kind == "percent" and _is_vital_rate(rate) and pair_explains(numerator, denominator, rate, ratio.target, 1000, ratio.spread):
        return True
    if any(pair_explains(a, b, rate, ratio.target, ratio.scale, ratio.spread)
           for a in _twin(text.norm, figures, numerator) for b in _twin(text.norm, figures, denominator)
           if a.base_unit == b.base_unit):
        return True  # 1 932户5 417人 of 2 864户8 102人, 消除率67.5%(按户计): the households give it
    if _ends_of_one_change(text, numerator, denominator):
        return True  # 候车时间由15分钟缩短至9分钟: one quantity at two times, no part and whole
    if rate.kind == "percent" and ratio.scale == 100 and _other_reading_explains(text, figures, ratio):
        return True
    if ratio.inferred and (_per_unit_amount(text, numerator) or _per_unit_amount(text, denominator)):
        return True  # 每人每月1420元 … 1240元标准: amounts per head, not a count of what the rate counts
    if numerator.value > denominator.value and rate.value <= 100:
        clause = text.norm[text.clause_span(numerator.start)[0] : numerator.number_start]
        stem = _stem(rate.metric)
        if not (stem and stem in clause) and not cues.numerator.search(clause):
            return True
    return False


_BOUND_QUALIFIERS = frozenset(("以上", "超过", "不低于", "不少于", "逾", "高于", "大于", "突破", "以下", "不足", "不到", "低于", "少于", "不超过"))


def _other_reading_explains(text, figures, ratio: Ratio) -> bool:
    """Readings of the same figures that give the stated rate, so that no finding is sure:
    the complement (编制8640名,实有8215名,空编率4.9%: the rate names the other side); the
    same-unit counts stated between the whole and the rate, summed (登记2146家,建立党组织的612家,
    实现工作覆盖1534家,覆盖率100%: parts that together are covered); the rate's own name
    holding the count's noun (其中差评382条,差评按期整改率100%: the count is what the rate is of)."""
    rate, numerator, denominator = ratio.rate, ratio.numerator, ratio.denominator
    stated = ratio_target(rate)
    n_low, n_high = quantity_interval(numerator)
    d_low, d_high = quantity_interval(denominator, ratio.target, ratio.spread)
    # a bound (覆盖率不低于40%) whose part's words carry what the rate counts (绿化覆盖面积): no complement reading
    named_part = rate.qualifier in _BOUND_QUALIFIERS and bool(_stem(rate.metric)) and _stem(rate.metric) in _words_before(text, numerator)
    if d_low > 0 and n_high <= d_high and not named_part:
        complement = ratio_representative((max(Fraction(0), d_low - n_high), d_high - n_low), (d_low, d_high), stated)
        if explains(complement, stated):
            return True
    if _base_plus_count(text, figures, ratio):
        base = ratio_representative((n_low, n_high), (d_low + n_low, d_high + n_high), stated)
        if explains(base, stated):
            return True
    if denominator.index < rate.index and rate.index - denominator.index <= 5:
        between = [f for f in figures[denominator.index + 1 : rate.index] if _is_quantity(f) and _same_unit(f, denominator)]
        if len(between) >= 2:
            total = (sum(quantity_interval(f)[0] for f in between), sum(quantity_interval(f)[1] for f in between))
            if explains(ratio_representative(total, (d_low, d_high), stated), stated):
                return True
    noun = _COUNT_NOUN_RE.search(_words_before(text, numerator))
    at = rate.metric.find(noun.group(0)) if noun is not None else -1
    # 差评按期整改率: the noun, then what is done to it; 控制满意率 after 控制满意4180人 counts the event itself
    return at >= 0 and rate.metric.find("率", at + 2) - (at + 2) >= 2


def _base_plus_count(text, figures, ratio: Ratio) -> bool:
    """Whether the rate's base is its whole plus its own count (失业率 over 从业人员: 从业 + 失业)."""
    for name, whole_words in SUM_BASES:
        if ratio.rate.metric.endswith(name):
            label = _count_name(text, figures, ratio.denominator)
            return any(word in label for word in whole_words)
    return False


def _listed_category(text, figures, figure: Figure) -> bool:
    """…类1020个、…类760个、其他类190个: a figure after 、 that follows one of its unit, an item of a breakdown."""
    if figure.index == 0:
        return False
    previous = figures[figure.index - 1]
    return _same_unit(previous, figure) and text.norm[previous.end : figure.number_start].lstrip().startswith("、")


_COUNT_NOUN_RE = re.compile(r"[\u4e00-\u9fff]{2}$")


def _ends_of_one_change(text, first: Figure, second: Figure) -> bool:
    """由15分钟缩短至9分钟 / 从A增加到B: the two values of one quantity before and after."""
    if second.start < first.start:
        first, second = second, first
    norm = text.norm
    if second.number_start - first.end > 24:
        return False
    clause_start = text.clause_span(first.start)[0]
    # 由13677户49479人减至887户1472人: the households said with the persons on both sides
    before = _TWIN_HOUSEHOLDS_RE.sub("", norm[max(clause_start, first.number_start - 24) : first.number_start])
    between = _TWIN_HOUSEHOLDS_RE.sub("", norm[first.end : second.number_start])
    return bool(len(between) <= 12 and _FROM_RE.search(before[-12:]) and _TO_RE.match(between))


_TWIN_HOUSEHOLDS_RE = re.compile(r"\d+(?:\.\d+)?\s*万?\s*户\s*$")


# 每人每月1420元 / 按每户500元标准: an amount per head or per unit of something
_PER_UNIT_HEAD_RE = re.compile(r"每(?:人|户|名|亩|月|年|次|床|生|平方米)")
_STANDARD_AFTER_RE = re.compile(r"\s*(?:的)?标准")


def _per_unit_amount(text, figure: Figure) -> bool:
    clause_start = text.clause_span(figure.start)[0]
    return bool(_PER_UNIT_HEAD_RE.search(text.norm, max(clause_start, figure.number_start - 16), figure.number_start)
                or _STANDARD_AFTER_RE.match(text.norm, figure.end))


_TASK_SHARE_RE = re.compile(r"(?:完成|达到|为|占)了?[^\d,。;]{0,8}?(?:任务|计划|目标)(?:数|量)?的\s*$")


def _is_task_share(text, rate: Figure) -> bool:
    """完成年度任务的112.4% / 为全年计划的96%: a completion rate over a stated target."""
    clause_start, _ = text.clause_span(rate.start)
    return bool(_TASK_SHARE_RE.search(text.norm[max(clause_start, rate.number_start - 20) : rate.number_start]))


@dataclass(frozen=True)
class _RatioCues:
    denominator: re.Pattern
    target: re.Pattern
    numerator: re.Pattern
    cued: "_CueIndex"


def _is_share(text, rate: Figure) -> bool:
    """其中A 718人,占31.6% / 占总数的5.56% / 占常住人口的比重为48.1%."""
    clause_start, _ = text.clause_span(rate.start)
    return bool(_SHARE_HEAD_RE.search(text.norm[max(clause_start, rate.number_start - 20) : rate.number_start]))




_MAX_SCOPE = 12  # figures a rate may speak about on either side: bounded on one-line documents


def _scope(text, figures: tuple[Figure, ...], rate: Figure, sentence_start: int, sentence_end: int) -> tuple[list[Figure], bool]:
    """The quantities a rate speaks about: those since the previous rate of its
    sentence; or, when it stands first, the ones after it up to the sentence
    end (参保率达97.2%,户籍人口…,参保…) if no other rate claims them."""
    before: list[Figure] = []
    for index in range(rate.index - 1, max(-1, rate.index - 1 - _MAX_SCOPE), -1):
        figure = figures[index]
        if figure.start < sentence_start or figure.kind in ("percent", "permille", "points"):
            break
        if _is_quantity(figure) and not _is_difference(text, figure) and not _per_unit_value(text, figure) \
                and not _adjective_times(text, figure) and not _in_quoted_name(text.norm, figure):
            before.append(figure)
    if before:
        return before[::-1], False
    if rate.index and figures[rate.index - 1].start >= sentence_start and figures[rate.index - 1].kind == "percent":
        return [], False
    after: list[Figure] = []
    for figure in figures[rate.index + 1 : rate.index + 1 + _MAX_SCOPE]:
        if figure.start >= sentence_end:
            break
        if figure.kind in ("percent", "permille", "points"):
            return [], True
        if _is_quantity(figure) and not _is_difference(text, figure) and not _per_unit_value(text, figure) \
                and not _adjective_times(text, figure):
            after.append(figure)
    return after, True


# 每万人拥有5G基站22.9个 / 人均…: a value per head, no count a rate is of
_PER_UNIT_VALUE_RE = re.compile(r"(?:每[\u4e00-\u9fff]{1,6}|人均|户均|亩均)[^,。;:\d]{0,6}(?:\d[A-Za-z])?[^,。;:\d]{0,6}$")


def _per_unit_value(text, figure: Figure) -> bool:
    clause_start, _ = text.clause_span(figure.start)
    return bool(_PER_UNIT_VALUE_RE.search(text.norm, max(clause_start, figure.number_start - 16), figure.number_start))


def _skip_blanks(norm: str, start: int, stop: int) -> int:
    """The first position from start that holds no blank (a line break, a space), or stop."""
    while start < stop and norm[start].isspace():
        start += 1
    return start


def _scope_in_next_sentence(text, figures: tuple[Figure, ...], rate: Figure, sentence_end: int) -> list[Figure]:
    """筛查率达98.6%。全区登记在校学生8412人,已完成筛查8103人…: a rate alone in its
    sentence, its numbers in the next one up to its first rate."""
    if sentence_end >= len(text.norm):
        return []
    if text.norm[sentence_end] != "。" and (text.norm[sentence_end] not in ":\n" or text.norm[rate.end : sentence_end].strip(" \t:")):
        return []  # (二)水质达标率达到92.6%⏎ / 办结率为96.4%:⏎: a heading's rate, or one a colon opens the numbers of
    # the next sentence may start on the next line
    following = _skip_blanks(text.norm, sentence_end + 1, min(len(text.norm), sentence_end + 8))
    next_end = text.sentence_span(following)[1]
    found: list[Figure] = []
    for figure in figures[rate.index + 1 : rate.index + 1 + _MAX_SCOPE]:
        if figure.start < sentence_end:
            return []  # not alone in its sentence
        if figure.start >= next_end or figure.kind in ("percent", "permille", "points"):
            break
        if _is_quantity(figure) and not _is_difference(text, figure):
            found.append(figure)
    return found


_OPEN_QUOTE_RE = re.compile(r"[「“『《][^」”』》\n]{0,3}$")
_CLOSE_QUOTE_RE = re.compile(r"^[^「“『《\n]{0,10}[」”』》]")


def _in_quoted_name(norm: str, figure: Figure) -> bool:
    """「15分钟阅读圈」, “1+N”: a figure inside a quoted name, which counts nothing."""
    return (_OPEN_QUOTE_RE.search(norm, max(0, figure.number_start - 3), figure.number_start) is not None
            and _CLOSE_QUOTE_RE.match(norm[figure.end : figure.end + 11]) is not None)


def _quantities_up_to_next_rate(text, figures: tuple[Figure, ...], rate: Figure, sentence_end: int) -> list[Figure]:
    """The quantities after a rate that opens its sentence, up to the next rate of that sentence."""
    found: list[Figure] = []
    for figure in figures[rate.index + 1 : rate.index + 1 + _MAX_SCOPE]:
        if figure.start >= sentence_end or figure.kind in ("percent", "permille", "points"):
            break
        if _is_quantity(figure) and not _is_difference(text, figure) and not _per_unit_value(text, figure):
            found.append(figure)
    return found


def _claimed_by_next_rate(text, figures: tuple[Figure, ...], ahead: list[Figure], numerator: Figure) -> bool:
    """…接种率达到了98.36%,…抽查270人,接种265人,接种率为98.15%: the rate after the figures counts
    the same event as the count read (its own stem in the count's words): they are that rate's."""
    after = ahead[-1].index + 1
    if after >= len(figures) or figures[after].kind not in ("percent", "permille"):
        return False
    stem = _stem(figures[after].metric)
    return bool(stem) and stem in _words_before(text, numerator)


def _adjective_times(text, figure: Figure) -> bool:
    """二次包装, 二次污染: a Chinese numeral with 次 that opens a word, not a count of times."""
    if not (figure.chinese and figure.unit == "次"):
        return False
    after = text.norm[figure.end : figure.end + 1]
    return bool(after) and "\u4e00" <= after <= "\u9fff"


def _is_difference(text, figure: Figure) -> bool:
    """比上年增加1.13万所: a change between two counts, neither a part nor a whole of a rate."""
    clause_start, _ = text.clause_span(figure.start)
    return bool(_CHANGE_WORDS_RE.search(text.norm, max(clause_start, figure.number_start - 12), figure.number_start))


def _role(text, figure: Figure, cues: _RatioCues) -> str:
    """"den" for a figure the wording makes a whole (应…, 计划, 共, 登记, N个X中,
    X人,其中…), "num" otherwise."""
    norm = text.norm
    clause_start = text.clause_span(figure.start)[0]
    opening = norm.rfind("(", clause_start, figure.number_start)
    if opening >= 0 and ")" not in norm[opening : figure.number_start]:
        # 已调解成功9185件(应调解成功…11424件): a figure in a bracket takes the cues of its bracket only
        inside = norm[opening + 1 : figure.number_start]
        if cues.numerator.search(inside):
            return "num"
        if cues.denominator.search(inside):
            return "den"
    if cues.cued(figure, cues.numerator):
        return "num"
    if cues.cued(figure, cues.denominator):
        return "den"
    tail = norm[figure.end : figure.end + 12]
    if _AMONG_AFTER_RE.match(tail) or _SUBSET_AFTER_RE.match(tail):
        return "den"
    return "num"


def _stem(metric: str) -> str:
    """接种率 → 接种, 盈利面 → 盈利, 完成进度 → 完成: the event a rate counts."""
    core = metric[:-1] if metric.endswith(("率", "面")) else metric[:-2] if metric.endswith("进度") else ""
    return core[-2:] if len(core) >= 2 else ""


_GENERIC_PAIRS = frozenset({"全县", "全市", "全区", "全镇", "全乡", "全省", "年度", "全年", "工作", "综合", "学前", "三年", "平均"})


def _counts_event(metric: str, clause: str, name_before: str = "") -> bool:
    """The clause counts what the rate measures: its stem (接种 in 实际接种), the
    stem's two characters in order close together (建档 in 建立…档案, 参保 in
    参加…保险), a two-character word of the rate's name (优良 in 优良天数), or the
    stem's object held now (在园 for 入园). `name_before` is the end of the rate's
    name the metric reader left to its subject (优良天|数比率)."""
    stem = _stem(metric)
    if not stem:
        return False
    if _BODY_RE.search(clause) and not _BODY_RE.search(name_before + metric):
        # 人民调解组织98个 … 调解成功率: the bodies that do the work, no count of the work itself
        clause = _BODY_RE.sub("", clause)
    if stem in clause or any(alias in clause for alias in _STEM_ALIASES.get(stem, ())):
        return True
    first = clause.find(stem[0])
    if first >= 0 and 0 < clause.find(stem[1], first + 1) - first <= 8:
        return True
    if "在" + stem[1] in clause or "实" + stem[1] in clause:  # 在园 for 入园, 实种 for 接种 (应种…实种…)
        return True
    if "实" + stem[0] in clause and not ("实" + stem[0]).startswith(("实施", "实现", "实行")):  # 实检 for 检查 (应检…实检…)
        return True
    core = metric[:-1] if metric.endswith(("率", "面")) else metric[:-2] if metric.endswith("进度") else ""
    core = (name_before + core).removesuffix("比")
    return any(core[i : i + 2] in clause for i in range(len(core) - 1) if core[i : i + 2] not in _GENERIC_PAIRS)


# a word naming the bodies that do a kind of work (调解组织, 调解委员会, 服务中心): counted, they are bodies, not the work
_BODY_RE = re.compile(r"[\u4e00-\u9fff]{2}(?:组织|机构|委员会|调委会|工作站|服务站|服务中心|工作室|小组|协会)")
# one event, other verbs: cases closed are 审结 in a court's words, 办结 in an office's
_STEM_ALIASES = {"结案": ("审结", "办结", "执结"), "办结": ("审结", "结案", "办理完毕"), "审结": ("结案", "办结")}
_DONE_NOW_RE = re.compile(r"实际|已|实有|累计完成")
_DONE_RE = re.compile(r"完成|实现|开展|实施|落实|建成|治理|改造|推广|覆盖|救助|服务")
_EXPLICIT_WHOLE_RE = re.compile(r"应|计划|目标|任务|在册|登记|户籍|常住|辖区|摸底|下达|需|总数|总人口|适龄|在校|在园|在管")


_MEASURE_TAIL_RE = re.compile(r"(?:增加值|收入|产值|总额|总量|人数|数量|金额|面积|规模|总数)$")
_GENERIC_SUBJECT_PAIRS = frozenset({"产业", "企业", "行业", "全县", "全市", "全区", "全年", "工业", "经济"})


def _share_in_next_sentence(text, figures, rate: Figure, sentence_end: int) -> tuple[Figure, Figure, bool, bool] | None:
    """A share alone in its sentence, its part named again after 其中 in the next
    sentence and its whole the figure before that 其中 (a warning)."""
    scope = _scope_in_next_sentence(text, figures, rate, sentence_end)
    norm = text.norm
    subject = re.sub(r"[^\u4e00-\u9fff]", "", rate.subject.split("占")[0])
    core = _MEASURE_TAIL_RE.sub("", subject)[-6:]
    pairs = [core[i : i + 2] for i in range(len(core) - 1) if core[i : i + 2] not in _GENERIC_SUBJECT_PAIRS]
    for whole, part in zip(scope, scope[1:]):
        gap = norm[whole.end : part.number_start]
        if ("其中" not in gap or not _same_unit(whole, part) or part.value > whole.value
                or not any(pair in gap for pair in pairs)):
            continue
        return part, whole, True, False
    return None


_WORDS_REACH = 40  # characters before a figure that name it: a clause may run a whole line


def _since_figure_before(text, figures, figure: Figure) -> str:
    """The words of figure's clause after the figure before it: 评为优秀12家、合格31家 gives 合格
    to 31, not 优秀 too."""
    start = text.clause_span(figure.start)[0]
    if figure.index:
        start = max(start, figures[figure.index - 1].end)
    return text.norm[start : figure.number_start]


def _words_before(text, figure: Figure, reach: int = _WORDS_REACH) -> str:
    """The words of figure's clause just before it (at most `reach` characters)."""
    clause_start, _ = text.clause_span(figure.start)
    return text.norm[max(clause_start, figure.number_start - reach) : figure.number_start]


def _reading_of(text, figures, rate: Figure, cues: _RatioCues, scope: list[Figure]) -> tuple[Figure, Figure, bool, bool] | None:
    """(numerator, denominator, inferred, target) among quantities stated apart from
    the rate: the count of what it measures (best also said to be done: 已完成筛查),
    over a cued whole of its unit before it, else the nearest larger one before it."""
    def clause(figure: Figure) -> str:
        return _words_before(text, figure)

    stem = _stem(rate.metric)
    # 目前在管高血压患者18600人,其中规范管理12900人: a cued whole that does not say the event is no count of it
    counting = [f for f in scope if _counts_event(rate.metric, clause(f), rate.subject[-4:])
                and not (_EXPLICIT_WHOLE_RE.search(clause(f)) and stem not in clause(f))]
    done = [f for f in counting if _DONE_NOW_RE.search(clause(f))]
    # 办结率…:受理价格投诉举报3426件,办结3318件: the count the stem itself names before one the rate's subject does
    named = [f for f in counting if stem and stem in clause(f)]
    numerator = (done or named or counting or [None])[0]
    if numerator is None:
        return None
    wholes = [f for f in scope if f.index < numerator.index and _same_unit(f, numerator) and f.value >= numerator.value]
    cued = [f for f in wholes if cues.cued(f, cues.denominator)]
    whole = (cued or wholes or [None])[-1]
    if whole is None:
        return None
    return numerator, whole, True, cues.cued(whole, cues.target)


_SAMPLE_RE = re.compile(r"调查|抽样|抽查|问卷|测评|受访|走访|随机")
_ANSWERING_RE = re.compile(r"的\s*$")


def _sample_and_answering(whole_words: str, numerator_words: str, alike: int) -> bool:
    """随机抽样调查居民2400人,能正确识别常见诈骗手法的2136人,知晓率为87.6%: a sample, and those of
    it who answered so (a clause ending in 的), the only two counts of their unit: the rate is of them."""
    return alike == 1 and bool(_SAMPLE_RE.search(whole_words)) and bool(_ANSWERING_RE.search(numerator_words))


_PLANNED_RE = re.compile(r"预算|设计|计划|核定|批复|目标|任务")
_NAME_NOISE = frozenset({"全年", "全市", "全县", "全区", "年度", "实际", "综合", "总体", "平均"})


def _actual_over_planned(text, rate: Figure, numerator: Figure, same: list[Figure]) -> Figure | None:
    """预算支出12680万元,实际支出11936万元,预算执行率92.1% / 设计产能1860万吨,实际产量1324万吨,产能利用率…:
    the one other count of its unit, before it and larger, planned or designed (预算, 设计), is the whole of
    an actual (实际) when the rate's name repeats a word of that whole (预算, 产能)."""
    if len(same) != 1 or same[0].index > numerator.index or same[0].value < numerator.value:
        return None
    whole = same[0]
    whole_words, numerator_words = _words_before(text, whole), _words_before(text, numerator)
    if "实际" not in numerator_words or not _PLANNED_RE.search(whole_words) or "实际" in whole_words:
        return None
    name = rate.subject[-6:] + rate.metric
    shared = {name[i : i + 2] for i in range(len(name) - 1)} - _NAME_NOISE
    return whole if any(pair in whole_words for pair in shared if "\u4e00" <= pair[0] <= "\u9fff" and "率" not in pair) else None


_SEVERAL_RATES_RE = re.compile(r"率、[^,,。;:]{0,16}?率\s*(?:均|都)\s*(?:为|达到|达|是|保持在?)?\s*$")


def _best_reading(text, figures, rate: Figure, cues: _RatioCues, share: bool, task: bool = False,
                  last_share: tuple[Figure, int, bool] | None = None) -> tuple[Figure, Figure, bool, bool] | None:
    """(numerator, denominator, inferred, target) as the wording pairs them, or None."""
    sentence_start, sentence_end = text.sentence_span(rate.start)
    if _SEVERAL_RATES_RE.search(text.norm, max(text.clause_span(rate.start)[0], rate.number_start - 30), rate.number_start):
        return None  # 达标率、宜存率均为100%: one value for several rates, none paired with one count
    scope, after = _scope(text, figures, rate, sentence_start, sentence_end)
    if not scope and after and not share and not task and rate.metric.endswith("率"):
        scope = _scope_in_next_sentence(text, figures, rate, sentence_end)
        if scope:
            reading = _reading_of(text, figures, rate, cues, scope)
            return (reading[0], reading[1], True, reading[3]) if reading is not None else None
    if not scope and after and not share and not task and _stem(rate.metric):
        # 公益金提取比例为35.0%,全年销售15.62亿元,提取公益金4.58亿元,返奖支出8.12亿元,返奖率52.0%:
        # the figures up to the next rate, where one names the first rate's own event
        ahead = _quantities_up_to_next_rate(text, figures, rate, sentence_end)
        reading = _reading_of(text, figures, rate, cues, ahead) if len(ahead) >= 2 else None
        if (reading is not None and _stem(rate.metric) in _words_before(text, reading[0])
                and not _claimed_by_next_rate(text, figures, ahead, reading[0])):
            return reading[0], reading[1], True, reading[3]
    if after and not share and len(scope) == 2:
        # 森林覆盖率为62.3%(全县国土面积168万亩,森林面积98.3万亩): whole and part in a bracket right after the rate
        bracketed = _whole_and_part_in_bracket(text, figures, rate, scope)
        if bracketed is not None:
            return bracketed
    if after and share and len(scope) >= 2:
        # 已建成城市书房的街道占比达到62.5%(全市街道48个,已建成31个): a share's whole and part in its bracket
        bracketed = _whole_and_part_in_bracket(text, figures, rate, scope[:2], name_reach=12)
        if bracketed is not None:
            return bracketed
    if share and len(scope) == 1 and not after:
        # 民生支出42.1亿元,在一般公共预算支出中的占比达81.5%(一般公共预算支出48.6亿元)
        whole = _whole_in_bracket_after_share(text, figures, rate, scope[0])
        if whole is not None:
            return scope[0], whole, False, False
    if not scope and after and share:
        # 民营经济增加值占GDP比重为58.6%。全年地区生产总值312.4亿元,其中民营经济增加值168.2亿元
        return _share_in_next_sentence(text, figures, rate, sentence_end)
    if not scope:
        return _vital_in_a_row(text, figures, rate, cues, sentence_start) if _is_vital_rate(rate) else None
    stem = _stem(rate.metric)
    roles = [_own_count(text, f, stem) or _role(text, f, cues) for f in scope]
    numerators = [f for f, role in zip(scope, roles) if role == "num"]
    if not numerators and share and _PART_RIGHT_BEFORE_SHARE_RE.fullmatch(text.norm, scope[-1].end, rate.number_start):
        # 参加医保的共4.1万人,占全镇户籍人口的78.3%: 共 totals the part itself, whose whole 占 names
        numerators = [scope[-1]]
    if not numerators:
        return None if share or task else _narrower_of_a_whole(text, scope, rate)
    # 其中25家已达到二级以上标准 / 已有392人享受两项补贴: a small count in words of its own unit (二级, 两项)
    # names a grade or a kind, no part of the rate, when another count has a partner of its unit
    paired = [f for f in numerators if any(g is not f and _same_count(f, g) for g in scope)]
    if paired and len(paired) < len(numerators):
        numerators = [f for f in numerators if f in paired or not (f.chinese and f.value < 10)]
    # 出生人口…,死亡人口…,户籍人口…,出生率: the count of the rate's own event
    own = [f for f in numerators if stem and stem in _since_figure_before(text, figures, f)]
    numerator = own[-1] if own and not share else numerators[-1]
    if after and not share and not own:
        # 完成率92.6%,计划新建68公里,已建成61公里,新改建桥梁4座: the count said done, not the last one
        done = [f for f in numerators if _DONE_NOW_RE.search(_words_before(text, f))]
        numerator = done[0] if done else numerator
    if share and not after:
        among = _whole_named_among(text, figures, rate, scope)
        if among is not None:
            return among
    if share:
        if after:
            return None  # 占预算数的98.41%,比预算数…少支…: the figures after are not its part and whole
        if _share_of_another(text, numerator, rate):
            return None
        if text.clause_span(rate.start)[0] > text.clause_span(numerator.start)[1] + 1:
            return None  # the part must be in the clause just before the share, whichever whole is found
        total = _share_total(text, figures, numerator, rate, sentence_start)
        if total is not None:
            return numerator, total, False, False
        return (_share_of_inline_group(text, figures, numerator, rate, sentence_start)
                or _share_total_before(text, figures, numerator, rate, sentence_start, last_share)
                or _share_within_group(text, figures, numerator, rate, sentence_start)
                or _share_of_only_quantity(text, figures, numerator, rate, sentence_start)
                or _share_of_base_stated_earlier(text, figures, numerator, rate, sentence_start)
                or _share_whole_after(text, figures, numerator, rate, sentence_end)
                or _share_whole_in_bracket_below(text, figures, numerator, rate))
    if "分别" in text.norm[numerator.end : rate.number_start]:
        return None  # 甲…、乙…,…率分别为: each rate has its own whole
    if after and not share:
        if _OWN_SHARE_AFTER_RE.match(text.norm, numerator.end, sentence_end):
            return None  # 通客车率100%,286个村中已开通公交化的有173个,占比…: the figures are that share's
        clause = _words_before(text, numerator)
        if not (_counts_event(rate.metric, clause, rate.subject[-4:]) or cues.numerator.search(clause) and not stem.startswith("完成")
                or stem == "完成" and (cues.numerator.search(clause) or _DONE_RE.search(clause))):
            return None
    same = [f for f in scope if f is not numerator and _same_count(f, numerator)]
    cued = [f for f in same if roles[scope.index(f)] == "den" and (f.index < numerator.index or not _SUBSET_AFTER_RE.match(text.norm[f.end : f.end + 4]))]
    if cued:
        whole = min(cued, key=lambda f: abs(f.index - numerator.index))
        numerator_clause = _words_before(text, numerator)
        if (not share and not task and not _counts_event(rate.metric, numerator_clause, rate.subject[-4:])
                and not _DONE_NOW_RE.search(numerator_clause)
                and not _sample_and_answering(_words_before(text, whole), numerator_clause, len(same))
                and (not cues.cued(whole, cues.denominator)
                     or stem and "其中" not in numerator_clause
                     and not _counts_event(rate.metric, _words_before(text, whole), rate.subject[-4:]))):
            # 新增就业5000人,其中女性2300人,登记失业率3.2%: a part, but not what the rate counts;
            # 改造站点23个,站点总数78个,到报率99.2%: a whole, but neither names what the rate counts
            # (其中参加养老保险71.2万人 is the whole's own part: the rate is of it)
            if _group_then_members(text, whole, numerator, rate):
                return numerator, whole, True, False
            return None
        if _breakdown_of(text, scope, roles, whole, numerator, stem):
            return None
        return numerator, whole, False, cues.cued(whole, cues.target)
    if not share and not task:
        planned = _actual_over_planned(text, rate, numerator, same)
        if planned is not None:
            return numerator, planned, True, False
    numerator_clause = text.norm[text.clause_span(numerator.start)[0] : numerator.number_start]
    whole_clause = text.norm.__getitem__(slice(*text.clause_span(numerator.start)))
    counts_the_event = (task or bool(stem and stem in whole_clause) or bool(cues.numerator.search(numerator_clause))
                        or bool(_DONE_RE.search(numerator_clause)))
    if not after and counts_the_event:
        earlier = _denominator_earlier(text, figures, numerator, rate, sentence_start, cues, task)
        if earlier is not None:
            return earlier
    if task:
        return None
    if not after:
        # 参加课后服务的学生4.82万人,参与率为96.2%,按在校学生5.12万人计算: the base the rate is worked on
        basis = _whole_by_basis(text, figures, rate, numerator)
        if basis is not None:
            return numerator, basis, False, False
    if not after and stem and not _is_vital_rate(rate):
        # 参加…保险31.6万人,参保率97.6%,应参保人数32.8万人: a whole the wording makes one (应参保) right after the rate
        whole = _whole_after(text, figures, rate, numerator, sentence_end, cues)
        whole_words = _words_before(text, whole) if whole is not None else ""
        if (whole is not None and _EXPLICIT_WHOLE_RE.search(whole_words)
                and (counts_the_event or stem in whole_words and stem[0] in numerator_clause)):
            return numerator, whole, False, cues.cued(whole, cues.target)
    if not after and stem and not _is_vital_rate(rate):
        # 全县60岁以上老人中,已签约…2.86万人,签约率为…,全县60岁以上老人3.74万人: the group named again after the rate
        whole = _group_restated_after(text, figures, rate, numerator, sentence_start, sentence_end)
        if whole is not None:
            return numerator, whole, False, False
    if not after and stem and _is_vital_rate(rate):
        # 全年死亡1963人,死亡率为6.86‰,年末总人口28.6万人: the population after the rate
        whole = _whole_after(text, figures, rate, numerator, sentence_end, cues)
        if whole is not None:
            return numerator, whole, True, False
    # no cue: a count of the rate's own event (实际入学, 接种) over the larger
    # figure before it is only a likely reading
    numerator_words = _words_before(text, numerator)
    # 已通硬化路的村183个,通达率…: said done (已) with the rate's verb (通)
    said_done = bool(stem) and _DONE_NOW_RE.search(numerator_words) is not None and stem[0] in numerator_words[numerator_words.find("已"):]
    if _narrowed_by_the_rate(rate, numerator_words):
        return None  # 办结…,按期办结率: the rate counts a narrower event than the figure
    # 汛期测试1 198套正常鸣响,鸣响率…: the verb after the count, in its clause (no figure between)
    _, numerator_clause_end = text.clause_span(numerator.start)
    verb_after = text.norm[numerator.end : min(numerator_clause_end, numerator.end + 12)]
    verb_after = "" if any(ch.isdigit() for ch in verb_after) else verb_after
    named_before = _counts_event(rate.metric, numerator_words, rate.subject[-4:]) or said_done
    if named_before or stem and _stem_in_order(stem, verb_after):
        larger = [f for f in same if f.index < numerator.index and f.value >= numerator.value]
        if larger and not _listed_with(text, larger[-1], numerator) and (named_before or _near_stated(numerator, larger[-1], rate)):
            return numerator, larger[-1], True, False  # (the verb after: only a whole near the rate, not 新增186套…)
    return None


_PEOPLE_UNITS = frozenset({"人", "名", "位"})


def _same_count(a: Figure, b: Figure) -> bool:
    """One unit, or people counted in 人 and in 名 (1200名应接种人员中已接种1140人)."""
    return _same_unit(a, b) or a.kind == b.kind and a.base_unit in _PEOPLE_UNITS and b.base_unit in _PEOPLE_UNITS


_MEMBERS_LEAD_RE = re.compile(r"\s*[,,]?\s*(?:已有|有|共有|均有)?\s*$")


def _group_then_members(text, whole: Figure, numerator: Figure, rate: Figure) -> bool:
    """全县三十六个村(社区)中,有三十二个建立了村级图书室,覆盖率…: a group head (N个X中), the count of its
    members right after it (有M个) and the rate right after them, nothing else between: a likely reading."""
    if not (whole.index + 1 == numerator.index and numerator.index + 1 == rate.index):
        return False
    norm = text.norm
    head = norm[whole.end : numerator.number_start]
    among = head.rfind("中")
    if among < 0 or not _AMONG_AFTER_RE.match(norm[whole.end : whole.end + 16]) or not _MEMBERS_LEAD_RE.fullmatch(head, among + 1):
        return False
    between = norm[numerator.end : rate.number_start]
    if re.search(r"[。;]", between):
        return False
    deed, _, _ = between.rpartition(",")  # what the members did, before the rate's own clause
    if "率" in deed:
        return False
    stem = _stem(rate.metric)
    if stem and _stem_in_order(stem, deed):
        return True
    # 36个村中,有32个村通硬化路,通客车率…: a deed sharing a word of the rate's name but not its event is another count
    name = (rate.subject[-4:] + rate.metric)[:-1]
    return not any(ch in deed for ch in name if "\u4e00" <= ch <= "\u9fff")


def _stem_in_order(stem: str, words: str, reach: int = 8) -> bool:
    """The stem's two characters in order, at most `reach` apart: 通水 in 通自来水, 改厕 in 改造厕所."""
    first = words.find(stem[0])
    return first >= 0 and 0 < words.find(stem[1], first + 1) - first <= reach


_PART_RIGHT_BEFORE_SHARE_RE = re.compile(r"\s*[,,]\s*(?:约|近|仅)?占[^\d,。;]{2,14}?的(?:比重|比例)?(?:为|达|达到|是)?\s*")
_SCOPE_LEAD_RE = re.compile(r"^(?:全|本|该)(?:县|市|区|镇|乡|村|省)(?:共有|现有|共|有)?")


def _narrower_of_a_whole(text, scope: list[Figure], rate: Figure) -> tuple[Figure, Figure, bool, bool] | None:
    """全县常住人口38.2万人,城镇常住人口21.6万人,常住人口城镇化率…: two wholes by their
    words, the later one the earlier one narrowed (城镇 + 常住人口) and counting what
    the rate names; a likely reading (a warning)."""
    part = scope[-1]
    part_words = _words_before(text, part)
    if not _counts_event(rate.metric, part_words, rate.subject[-4:]):
        return None
    for whole in scope[-2::-1]:
        label = _SCOPE_LEAD_RE.sub("", re.sub(r"[^\u4e00-\u9fff]", "", _words_before(text, whole)))
        if (_same_unit(whole, part) and whole.value >= part.value and len(label) >= 2
                and label in part_words and len(part_words.strip()) > len(label)):
            return part, whole, True, False
    return None


_NARROWING_RE = re.compile(r"(?:按期|按时|及时|规范|有效|满意|达标|合格|一次性|当场|现场|限时)$")


def _narrowed_by_the_rate(rate: Figure, words: str) -> bool:
    """按期办结率 after 办结1398件: the rate's name narrows its event by a word (按期,
    及时, 规范) the count's words do not say."""
    narrowing = _NARROWING_RE.search(rate.subject.removesuffix("的"))
    return narrowing is not None and narrowing.group() not in words


def _breakdown_of(text, scope, roles, whole: Figure, numerator: Figure, stem: str) -> bool:
    """共办理建议和提案111件,其中建议48件,提案63件,办复率100%: parts listed
    after their whole, none counting the rate's event, are a breakdown; the
    rate is over the whole, its numerator unstated."""
    if whole.index > numerator.index:
        return False
    parts = [f for f, role in zip(scope, roles) if role == "num" and f.index > whole.index and _same_unit(f, whole)]
    if len(parts) < 2:
        return False
    return not any(stem and stem in text.norm[text.clause_span(f.start)[0] : f.number_start] for f in parts)


_AMONG_WHOLE_HEAD_RE = re.compile(r"在[^\d,。;()]{1,20}?(?P<open>\()?\s*$")
_AMONG_WHOLE_TAIL_RE = re.compile(r"\s*(?P<close>\))?\s*(?:的(?:总量|总额|总数|总值|总规模))?(?:之)?中\s*(?:所|的)?占(?:比|比重|比例)?(?:为|达|达到|是)?\s*")
_PART_BEFORE_AMONG_RE = re.compile(r"\s*[,,]?\s*")


def _whole_named_among(text, figures, rate: Figure, scope: list[Figure]) -> tuple[Figure, Figure, bool, bool] | None:
    """教育支出18.46亿元,在全年财政支出(52.3亿元)中占比38.7%: the whole in
    在…中 (in brackets or not) right before the share, the part just before 在."""
    norm = text.norm
    whole = scope[-1]
    tail = _AMONG_WHOLE_TAIL_RE.fullmatch(norm, whole.end, rate.number_start)
    if tail is None or len(scope) < 2:
        return None
    clause_start, _ = text.clause_span(whole.start)
    head = _AMONG_WHOLE_HEAD_RE.search(norm, max(clause_start, whole.number_start - 24), whole.number_start)
    if head is None or bool(head.group("open")) != bool(tail.group("close")):
        return None
    part = scope[-2]
    if (not _same_unit(part, whole) or part.value > whole.value
            or not _PART_BEFORE_AMONG_RE.fullmatch(norm, part.end, head.start())
            or _CHANGE_CLAUSE_RE.search(norm, text.clause_span(part.start)[0], part.number_start)):
        return None
    return part, whole, False, False


_AMONG_NAMED_RE = re.compile(r"在(?P<name>[^\d,。;()]{2,16}?)(?:之)?中\s*(?:的|所)?占(?:比|比重|比例)?(?:为|达|达到|是)?\s*$")
_BRACKET_OPEN_RE = re.compile(r"\s*\(")


def _bracket_after(text, figures, rate: Figure) -> list[Figure] | None:
    """The figures of a bracket opening right after the rate (at most three), or None."""
    norm = text.norm
    opened = _BRACKET_OPEN_RE.match(norm, rate.end)
    if opened is None:
        return None
    closed = norm.find(")", opened.end(), opened.end() + 60)
    if closed < 0 or "(" in norm[opened.end() : closed]:
        return None
    inside = [f for f in figures[rate.index + 1 : rate.index + 5] if f.end <= closed]
    return inside if len(inside) <= 3 else None


def _whole_in_bracket_after_share(text, figures, rate: Figure, part: Figure) -> Figure | None:
    norm = text.norm
    clause_start, _ = text.clause_span(rate.start)
    among = _AMONG_NAMED_RE.search(norm, max(clause_start, rate.number_start - 24), rate.number_start)
    if among is None or clause_start > text.clause_span(part.start)[1] + 1:
        return None
    inside = _bracket_after(text, figures, rate)
    if not inside or len(inside) != 1:
        return None
    whole = inside[0]
    if not _is_quantity(whole) or not _same_unit(whole, part) or whole.value < part.value:
        return None
    words = norm[max(text.clause_span(whole.start)[0], norm.rfind("(", rate.end, whole.number_start) + 1) : whole.number_start]
    return whole if _names(among.group("name"), words) and not _NOT_A_BASE_RE.search(words) else None


# 覆盖率不低于40%的目标已实现(…): a bound said met, the counts in the bracket after those words
_MET_BEFORE_BRACKET_RE = re.compile(r"\s*的?目标(?:已经|已|如期|全面)?(?:实现|完成|达成|达到)")


def _whole_and_part_in_bracket(text, figures, rate: Figure, scope: list[Figure], name_reach: int = 4) -> tuple[Figure, Figure, bool, bool] | None:
    norm = text.norm
    inside = _bracket_after(text, figures, rate)
    if inside is None and rate.qualifier:
        met = _MET_BEFORE_BRACKET_RE.match(norm, rate.end)
        inside = _bracket_after(text, figures, replace(rate, end=met.end())) if met is not None else None
    if inside is None or inside != scope:
        return None
    whole, part = scope if scope[0].value > scope[1].value else scope[::-1]
    if not (_is_quantity(whole) and _is_quantity(part) and _same_unit(whole, part) and whole.value > part.value):
        return None
    whole_words = norm[max(text.clause_span(whole.start)[0], norm.rfind("(", rate.end, whole.number_start) + 1) : whole.number_start]
    part_words = norm[max(text.clause_span(part.start)[0], norm.rfind("(", rate.end, part.number_start) + 1) : part.number_start]
    if _NOT_A_BASE_RE.search(whole_words + part_words):
        return None
    if part.index + 1 == whole.index and _SLASH_BETWEEN_RE.fullmatch(norm, part.end, whole.number_start):
        return part, whole, False, False  # 完成率为92.0%(完成改造1431个/网点1518个): the quotient written out
    core = (rate.subject[-name_reach:] + rate.metric).removesuffix("率")
    pairs = [core[i : i + 2] for i in range(len(core) - 1) if core[i : i + 2] not in _GENERIC_PAIRS]
    if not any(pair in part_words for pair in pairs):
        return None  # the smaller figure must count what the rate measures (森林 in 森林覆盖率)
    # the whole's words: 总/全/国土 …, or the place the rate names before what it measures (建成区 in 建成区绿化覆盖率)
    place = core[: min((core.find(pair) for pair in pairs if pair in part_words), default=0)]
    if not (re.search(r"总|全|国土|辖区|行政区域", whole_words) or len(place) >= 2 and place in whole_words):
        return None
    return part, whole, False, False


_SLASH_BETWEEN_RE = re.compile(r"\s*/\s*[\u4e00-\u9fff]{0,12}\s*")
_BRACKETED_BASE_HEAD_RE = re.compile(r"\s*\((?P<words>[^\d()。;,]{0,16})$")
_BRACKETED_BASE_TAIL_RE = re.compile(r"\s*\)")
_NOT_A_BASE_RE = re.compile(r"其中|含|包括|上年|去年|同期|增加|减少|增长|下降|提高|降低|比|较")
_BASIS_HEAD_RE = re.compile(r"\s*[,,]?\s*(?:按|以)[^\d,。;]{0,20}$")
_BASIS_TAIL_RE = re.compile(r"\s*(?:计算|计|为基数|为分母)")


def _whole_by_basis(text, figures, rate: Figure, numerator: Figure) -> Figure | None:
    """The figure of the numerator's unit in 按…N…计算 right after the rate, in its
    sentence or opening the next (…,参与率为96.2%。按在校学生5.12万人计算)."""
    norm = text.norm
    for figure in figures[rate.index + 1 : rate.index + 3]:
        if figure.number_start - rate.end > 40:
            break
        if (_same_unit(figure, numerator) and figure.value >= numerator.value
                and _BASIS_HEAD_RE.match(norm[rate.end : figure.number_start].replace("。", ",", 1))
                and _BASIS_TAIL_RE.match(norm, figure.end)):
            return figure
    # 优良率为84.6%(有效监测天数365天): the one figure of a bracket right after the rate, its base
    following = figures[rate.index + 1] if rate.index + 1 < len(figures) else None
    if following is None or not _is_quantity(following) or not _same_unit(following, numerator) or following.value < numerator.value:
        return None
    head = _BRACKETED_BASE_HEAD_RE.fullmatch(norm, rate.end, following.number_start)
    if head is None or _NOT_A_BASE_RE.search(head.group("words")) or not _BRACKETED_BASE_TAIL_RE.match(norm, following.end):
        return None
    if _narrowed_by_the_rate(rate, _words_before(text, numerator)):
        return None  # 办结…,按时办结率…(受理…): the rate counts fewer than the figure before it
    return following


_OPENING_GROUP_RE = re.compile(r"\s*(?P<group>[^,。;:]{2,16}?)(?:之)?中\s*[,:]")


def _group_restated_after(text, figures, rate: Figure, numerator: Figure, sentence_start: int, sentence_end: int) -> Figure | None:
    """The sentence opens with a group (X中,) and, right after the rate, states X's
    count: the rate's whole."""
    opening = _OPENING_GROUP_RE.match(text.norm, sentence_start, numerator.number_start)
    if opening is None:
        return None
    group = opening.group("group").strip()
    for figure in figures[rate.index + 1 : rate.index + 3]:
        if figure.start >= sentence_end or figure.kind in ("percent", "permille", "points"):
            return None
        if (_is_quantity(figure) and _same_unit(figure, numerator) and figure.value >= numerator.value
                and text.norm[text.clause_span(figure.start)[0] : figure.number_start].strip() == group):
            return figure
    return None


def _whole_after(text, figures, rate: Figure, numerator: Figure, sentence_end: int, cues: _RatioCues) -> Figure | None:
    for figure in figures[rate.index + 1 : rate.index + 4]:
        if figure.start >= sentence_end or figure.kind in ("percent", "permille", "points"):
            return None
        if _is_quantity(figure) and _same_unit(figure, numerator) and figure.value >= numerator.value and cues.cued(figure, cues.denominator):
            return figure
    return None


def _vital_in_a_row(text, figures, rate: Figure, cues: _RatioCues, sentence_start: int):
    """出生人口…,死亡人口…,户籍人口…万人,出生率…‰,死亡率…‰: the second rate
    of a row takes its own event's count and the population from the counts
    before the row."""
    stem = _stem(rate.metric)
    if not stem:
        return None
    counts = [f for f in figures[max(0, rate.index - _MAX_SCOPE) : rate.index] if f.start >= sentence_start and _is_quantity(f)]
    own = [f for f in counts if stem in text.norm[text.clause_span(f.start)[0] : f.number_start]]
    if len(own) != 1:
        return None
    wholes = [f for f in counts if f is not own[0] and _same_unit(f, own[0]) and f.value >= own[0].value
              and cues.cued(f, cues.denominator)]
    return (own[0], wholes[-1], False, False) if len(wholes) == 1 else None


def _own_count(text, figure: Figure, stem: str) -> str:
    """"num" for a count of the rate's own event that a bare 共 would make a
    whole (今年共完成视力筛查15218人,筛查率…); "" to let the cues decide."""
    if not stem:
        return ""
    clause_start, _ = text.clause_span(figure.start)
    clause = text.norm[clause_start : figure.number_start]
    if stem not in clause or _SUBSET_AFTER_RE.match(text.norm[figure.end : figure.end + 4]):
        return ""
    whole = _EXPLICIT_WHOLE_RE.search(clause)
    if whole is not None and not (_POPULATION_QUALIFIER_RE.fullmatch(whole.group()) and clause.startswith(stem, whole.end())):
        return ""  # (户籍出生人口4215人: births of the registered population, not the population)
    return "num"


_POPULATION_QUALIFIER_RE = re.compile(r"户籍|常住|在册|登记")


# how far back a target may stand: six lines, and on a document of one long
# line (PDF or web extraction) no further than this many figures or characters
_MAX_LOOKBACK_FIGURES = 200
_MAX_LOOKBACK_CHARS = 3000


class _CueIndex:
    """Whether a cue word stands in a figure's clause before the figure.

    The first cue of each clause is found once, so many figures in one long
    clause cost one scan of it, not one scan each."""

    def __init__(self, text) -> None:
        self.text = text
        self.first: dict[tuple[re.Pattern, int], int] = {}

    def __call__(self, figure: Figure, cue: re.Pattern) -> bool:
        clause_start, clause_end = self.text.clause_span(figure.start)
        key = (cue, clause_start)
        first = self.first.get(key)
        if first is None:
            match = cue.search(self.text.norm, clause_start, clause_end)
            first = self.first[key] = match.start() if match else clause_end
        if first >= figure.number_start:
            return False
        return bool(cue.search(self.text.norm, first, figure.number_start))


_SHARE_WORDS_RE = re.compile(r"占(?P<whole>[^\d,。;]{0,12}?)(?:的)?(?:比重|比例|比)?(?:为|达|达到|是)?\s*$")
_CHANGE_CLAUSE_RE = re.compile(r"增加(?!值)|减少|增长|下降|提高|降低|比上年|较上年|同比")


def _share_total(text, figures, part: Figure, rate: Figure, sentence_start: int) -> Figure | None:
    """The whole a part is a share of: the figure just before 其中 (其中A 718人,
    占31.6%), or a figure earlier in the sentence whose words 占 names
    (受灾面积267058公顷,…绝收面积102885公顷,占受灾面积的39%). Never a
    whole 占 names that is not stated (占世界60%)."""
    norm = text.norm
    if _CHANGE_CLAUSE_RE.search(norm[part.end : rate.number_start]):
        return None
    words = _SHARE_WORDS_RE.search(norm[max(sentence_start, rate.number_start - 20) : rate.number_start])
    whole = (words.group("whole") if words else "").strip()
    among = norm.rfind("其中", sentence_start, part.number_start)
    if among >= 0:
        total = _figure_ending_before(figures, [f.end for f in figures], norm, among)
        candidates = [total] if total is not None else []
        if total is not None and (not _is_quantity(total) or not _same_unit(total, part)) and len(whole) >= 2:
            # 行政区域总面积2547.6亩,约1.7平方公里,其中耕地…,占区域总面积的: the whole 占 names, restated in another unit
            candidates += [f for f in figures[max(0, total.index - 4) : total.index][::-1]
                           if f.start >= sentence_start and _names(whole, norm[text.clause_span(f.start)[0] : f.number_start])]
    else:
        if len(whole) < 2:
            return None
        candidates = [f for f in figures[max(0, part.index - 8) : part.index][::-1] if f.start >= sentence_start]
    for total in candidates:
        if not _is_quantity(total) or not _same_unit(total, part) or total.value < part.value:
            continue
        total_clause = norm[text.clause_span(total.start)[0] : total.number_start]
        if _CHANGE_CLAUSE_RE.search(total_clause):
            continue  # 比上年增加5038亿元,其中: the parts are not parts of the increase
        if among >= 0 and _generic_whole(whole):
            return total
        if among >= 0 and (_names(whole, total_clause) or _names_without_total(whole, total_clause)
                           or _names(_without_measure(whole), total_clause)):
            return total  # 经济总收入…,其中:…占总收入的; not 文盲1802人,其中男…占总人口的
        if whole and (_names(whole, total_clause) or _names_apart(_without_measure(whole), total_clause)) \
                and not _has_own_share(norm, total):
            return total
    return None


def _names_apart(core: str, clause: str) -> bool:
    """占检查机构总数的 names 检查定点医药机构312家: the name's first and last two
    characters in order, a few characters apart."""
    if len(core) < 4:
        return False
    head = clause.find(core[:2])
    if head < 0:
        return False
    tail = clause.find(core[-2:], head + 2)
    return 0 <= tail - (head + 2) <= 6 and not clause.startswith(("中", "当中", "里"), tail + 2)


_GENERIC_WHOLES = ("总数", "总量", "总额", "总计", "合计", "总体", "总人数", "总户数", "总面积", "总投资")


def _generic_whole(whole: str) -> bool:
    """占总数的, 占受理总数的, 占全部: a whole any total of the sentence is; 占总人口的 names its own."""
    whole = whole.removesuffix("的")
    return not whole or whole == "总" or whole.endswith(_GENERIC_WHOLES) or whole.startswith(("全部", "其中", "同期"))



_OWN_SHARE_RE = re.compile(r"\s*[,(]?\s*占")


def _has_own_share(norm: str, figure: Figure) -> bool:
    """专任教师中硕士1692人,占专任教师95.08%: a part with its own share, not the whole of the next one."""
    return bool(_OWN_SHARE_RE.match(norm, figure.end, figure.end + 4))


_SHARE_SUBJECT_NOISE = ("其中", "分别", "合计", "共", "约", "均", "仅", "已", "总体", "整体", "比重", "比例")


def _share_of_another(text, part: Figure, rate: Figure) -> bool:
    """公办园89所(含普惠园23所),公办园在园幼儿占比58.3%: the share's clause
    names its own subject, which is not the part's: a share of something else."""
    norm = text.norm
    clause_start, _ = text.clause_span(rate.start)
    if clause_start <= part.start:
        return False
    at = norm.rfind("占", clause_start, rate.number_start)
    if at < 0:
        return False
    subject = norm[clause_start:at].strip(" ()、\n\t")
    for word in _SHARE_SUBJECT_NOISE:
        subject = subject.replace(word, "")
    if len(subject) < 2:
        return False
    label = part.subject
    for word in ("其中", "包括", "包含", "含", "("):
        label = label.rsplit(word, 1)[-1]
    label = label.strip(" ,、:的")
    part_clause = norm[text.clause_span(part.start)[0] : part.number_start]
    return not (subject in part_clause or subject == label)


def _share_total_before(text, figures, part: Figure, rate: Figure, sentence_start: int,
                        last_share: tuple[Figure, int, bool] | None) -> tuple[Figure, Figure, bool, bool] | None:
    """A share whose total stands before its sentence: the total of the share
    just before (其中男性…,占总人口的50.1%;女性…,占49.9%), the figure that
    ends the sentence before 其中 (共有残疾人8650人。其中肢体残疾…), or a
    figure of the sentence before that 占 names (耕地面积42.6万亩。…占耕地
    总面积的45%); the last two are inferred."""
    if not sentence_start:
        return None
    norm = text.norm
    if _CHANGE_CLAUSE_RE.search(norm[part.end : rate.number_start]):
        return None
    previous_start = text.previous_sentence_start(sentence_start)

    def fits(total: Figure) -> bool:
        return (_is_quantity(total) and _same_unit(total, part) and total.value >= part.value and total.index != part.index
                and not _other_period(text, part, total))

    words = _SHARE_WORDS_RE.search(norm[max(sentence_start, rate.number_start - 20) : rate.number_start])
    whole = (words.group("whole") if words else "").strip()
    own_before = part.index > 0 and figures[part.index - 1].start >= sentence_start and fits(figures[part.index - 1])
    bracketed = norm[part.end : part.end + 2].lstrip().startswith(")")  # 在全年财政支出(52.3亿元)中占比: a whole, not a part
    if (last_share is not None and _ends_right_before(norm, last_share[1], sentence_start) and fits(last_share[0]) and not own_before
            and not bracketed):
        # (…;早孕建册2424人,系统管理2308人,占95.2%: a whole of its own before the part comes first)
        total_clause = norm[text.clause_span(last_share[0].start)[0] : last_share[0].number_start]
        if (len(whole) < 2 or whole.startswith(("总", "全部")) or _names(whole, total_clause)
                or _names(_without_measure(whole), total_clause)):  # 占警情总数的 names 接报警情
            return part, last_share[0], norm[last_share[1]] == "。" or last_share[2], False
    listed = _list_total(text, figures, part, whole, sentence_start, last_share, fits)
    if listed is not None:
        return listed
    head = norm[sentence_start : part.number_start]
    if head.lstrip().startswith("其中"):
        index = bisect_left([f.start for f in figures[max(0, part.index - 12) : part.index]], sentence_start) + max(0, part.index - 12) - 1
        if index >= 0:
            total = figures[index]
            if total.start >= previous_start and re.fullmatch(r"[\s。;]*", norm[total.end : sentence_start]) and fits(total):
                clause = norm[text.clause_span(total.start)[0] : total.number_start]
                named = _generic_whole(whole) or _names(whole, clause) or _names_without_total(whole, clause)
                if named and not _CHANGE_CLAUSE_RE.search(clause):
                    return part, total, True, False
    if len(whole) < 2:
        # 播种面积52.6万亩。…完成统防统治38.4万亩,占比73%: the one whole of the sentence before
        before = [f for f in figures[max(0, part.index - 8) : part.index] if previous_start <= f.start < sentence_start
                  and _is_quantity(f) and _same_unit(f, part)]
        if len(before) == 1 and fits(before[0]) and _near_stated(part, before[0], rate) and not _has_own_share(norm, before[0]):
            if not _CHANGE_CLAUSE_RE.search(norm[text.clause_span(before[0].start)[0] : before[0].number_start]):
                return part, before[0], True, False
        return None
    # 展会46场,…。展会结构持续优化。其中国际性展会9场,占全年展会总数的: the sentence before with figures,
    # over one without any, when the share names its whole
    earlier = [f for f in figures[max(0, part.index - 8) : part.index] if f.start < previous_start]
    if (earlier and not any(previous_start <= f.start < sentence_start for f in figures[max(0, part.index - 8) : part.index])
            and previous_start - earlier[-1].end <= _FIGURELESS_REACH
            and norm[previous_start:sentence_start].rstrip().endswith("。") and "\n" not in norm[previous_start:sentence_start].strip()):
        previous_start = text.sentence_span(earlier[-1].start)[0]
    for total in figures[max(0, part.index - 8) : part.index][::-1]:
        if total.start < previous_start:
            break
        if total.start >= sentence_start or not fits(total):
            continue
        clause = norm[text.clause_span(total.start)[0] : total.number_start]
        if _CHANGE_CLAUSE_RE.search(clause):
            continue
        if _has_own_share(norm, total):
            # 其中永久基本农田4.96万公顷,占比85.2%。…占永久基本农田的比重为: a part named in full is the next share's whole
            if len(whole.removesuffix("的")) >= 4 and clause.rstrip().endswith(whole.removesuffix("的")):
                return part, total, True, False
            continue
        if _names(whole, clause) or _names_without_total(whole, clause) or _names(_without_measure(whole), clause):
            return part, total, True, False
    return None


_FIGURELESS_REACH = 40  # characters of one sentence without figures a named whole may stand before
_MAX_LIST_ITEMS = 12  # items of a ;-separated list a share may stand after its list's head
_MAX_LIST_ITEM_CHARS = 80


def _list_total(text, figures, part: Figure, whole: str, sentence_start: int,
                last_share: tuple[Figure, int, bool] | None, fits) -> tuple[Figure, Figure, bool, bool] | None:
    """其中:种植业收入…,占总收入的45%;林业收入…;第二、三产业收入…,占总收入的25%:
    a share in a ;-separated list of parts, after items without a share of
    their own. Walks back over the items to the share before (its total) or
    to the 其中 that opens the list (the figure before it); every item between
    must be a bare part of the share's unit. None when the list is broken."""
    norm = text.norm
    if "其中" in norm[sentence_start : part.number_start]:
        return None
    start = sentence_start
    for _ in range(_MAX_LIST_ITEMS):
        if start == 0 or norm[start - 1] != ";":
            return None
        previous = text.sentence_span(start - 1)[0]
        if last_share is not None and last_share[1] == start - 1:
            if start == sentence_start or not fits(last_share[0]):
                return None  # the share just before is read by the caller
            total_clause = norm[text.clause_span(last_share[0].start)[0] : last_share[0].number_start]
            if len(whole) < 2 or whole.startswith(("总", "全部")) or _names(whole, total_clause):
                return part, last_share[0], last_share[2], False
            return None
        among = norm.rfind("其中", previous, start - 1)
        if among >= 0:
            index = bisect_right(figures, among, key=lambda f: f.end) - 1
            total = figures[index] if index >= 0 and re.fullmatch(r"[\s,(:]*", norm[figures[index].end : among]) else None
            if total is None or total.start < text.previous_sentence_start(previous) or not fits(total):
                return None
            clause = norm[text.clause_span(total.start)[0] : total.number_start]
            named = _generic_whole(whole) or _names(whole, clause) or _names_without_total(whole, clause) \
                or _names(_without_measure(whole), clause)
            if not named or _CHANGE_CLAUSE_RE.search(clause):
                return None
            return part, total, False, False
        if not _bare_part(text, figures, part, previous, start - 1):
            return None
        start = previous
    return None


def _ends_right_before(norm: str, end: int, start: int) -> bool:
    """A sentence ending at `end` is the one right before `start`, over a line break (…占64.2%;\n小微企业…),
    never over a blank line (a new paragraph)."""
    return end < start and (end == start - 1 or not norm[end + 1 : start].strip() and norm.count("\n", end + 1, start) <= 1)


def _without_measure(whole: str) -> str:
    """耕地面积 → 耕地: 占耕地面积的 names 全村耕地1500亩."""
    whole = whole.removesuffix("的")
    for suffix in ("总面积", "面积", "总数", "总量", "人数", "户数", "天数"):
        if whole.endswith(suffix) and len(whole) - len(suffix) >= 2:
            return whole[: -len(suffix)]
    return ""


def _bare_part(text, figures, part: Figure, start: int, end: int) -> bool:
    """林业收入5万元: a short list item with a quantity of the part's unit and no rate."""
    item = text.norm[start:end]
    if len(item) > _MAX_LIST_ITEM_CHARS or "%" in item or "占" in item or "其中" in item:
        return False
    first = bisect_left(figures, start, key=lambda f: f.start)
    return any(_same_unit(f, part) for f in figures[first : first + 4] if f.start < end)


_GROUP_HEAD_RE = re.compile(r"\s*(?P<group>[\u4e00-\u9fff]{2,8}?)(?:之)?中\s*[,:]")
_GROUP_LOOKBACK_CHARS = 300
_INLINE_GROUP_RE = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:之)?中\s*[,:]")
_PEOPLE = frozenset({"人", "名"})


def _share_of_inline_group(text, figures, part: Figure, rate: Figure, sentence_start: int) -> tuple[Figure, Figure, bool, bool] | None:
    """9.2万名社区党组织书记中,大专以上的5.1万人,占54.8%: the group stated with its number."""
    norm = text.norm
    for figure in figures[max(0, part.index - 3) : part.index]:
        if figure.start >= sentence_start and _INLINE_GROUP_RE.match(norm, figure.end, part.number_start) \
                and figure.kind == part.kind == "count" and {figure.base_unit, part.base_unit} <= _PEOPLE \
                and figure.value >= part.value:
            return part, figure, False, False
    return None


def _share_of_only_quantity(text, figures, part: Figure, rate: Figure, sentence_start: int) -> tuple[Figure, Figure, bool, bool] | None:
    """接诊产妇3857人,活产3854人,占99.92%: a share that names no whole, after
    the one other quantity of its unit in the sentence; inferred, so a warning."""
    norm = text.norm
    words = _SHARE_WORDS_RE.search(norm[max(sentence_start, rate.number_start - 20) : rate.number_start])
    if words is None or words.group("whole").strip() or "其中" in norm[sentence_start : part.number_start]:
        return None
    before = [f for f in figures[max(0, part.index - 8) : part.index] if f.start >= sentence_start and _same_unit(f, part)]
    if len(before) != 1:
        return None
    whole = before[0]
    clause = norm[text.clause_span(whole.start)[0] : whole.number_start]
    if (not _is_quantity(whole) or whole.value < part.value or _has_own_share(norm, whole)
            or _CHANGE_CLAUSE_RE.search(clause) or _CHANGE_CLAUSE_RE.search(norm[part.end : rate.number_start])):
        return None
    return part, whole, True, False


def _share_within_group(text, figures, part: Figure, rate: Figure, sentence_start: int) -> tuple[Figure, Figure, bool, bool] | None:
    """总人口中,男性16308人,占50.5%: the whole is the group the sentence opens
    with, stated before it (辖区总人口32320人); inferred, so a warning."""
    norm = text.norm
    head = _GROUP_HEAD_RE.match(norm, sentence_start, part.number_start)
    if head is None:
        return None
    group = head.group("group")
    for total in figures[max(0, part.index - 12) : part.index][::-1]:
        if total.start >= sentence_start:
            continue
        if total.start < sentence_start - _GROUP_LOOKBACK_CHARS:
            break
        if not _is_quantity(total) or not _same_unit(total, part) or total.value < part.value or _has_own_share(norm, total):
            continue
        clause = norm[text.clause_span(total.start)[0] : total.number_start]
        if _CHANGE_CLAUSE_RE.search(clause):
            continue
        if _names(group, clause) or _names_without_total(group, clause):
            return part, total, True, False
    return None


_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*年")
_PART_OF_YEAR_RE = PART_OF_YEAR_RE
_OTHER_YEAR_RE = re.compile(r"上年|去年|上一年|同期|前年")
_LABEL_TAIL_RE = re.compile(r"(?:共有|现有|共计|合计|总计|达到|共|有|为|达|是|约|计|:|\s)+$")
_LABEL_HEAD_RE = re.compile(r"^(?:其中|(?:19|20)\d{2}\s*年(?:底|末)?|全(?:村|组|镇|乡|县|区|市)|(?:该|本)(?:村|组|镇|乡)|共有|现有|有|共|,|\s)+")
_SCOPE_WORD_RE = re.compile(r"^(?:全|本|该)(?:村|组|镇|乡|县|区|市|省|国)")
_ANY_SCOPE_RE = re.compile(r"(?:全|本|该|我)(?:村|组|镇|乡|县|区|市|省|国)")
_BASE_LOOKBACK_FIGURES = 200
_BASE_LOOKBACK_CHARS = 6000
# 占总收入的 names the one total of income stated before (经济总收入, 财政总收入)
_OWN_PLACE_RE = re.compile(r"\s*(?:全|本|该)(?:村|镇|乡)(?:共有|现有|共|有)?\s*$")  # 全村312户1186人: the place's households
_BARE_COUNT_END_RE = re.compile(r"\s*(?:$|[,。;、\n\d(])")  # 全村312户1186人 / 全村312户, — never 全村有150户通电
# 全村辖6个村民小组,共312户1 046人: the place opens the sentence, the clause says only 共
_BARE_LEAD_RE = re.compile(r"\s*(?:共有|现有|共计|共|有)?\s*")
_SENTENCE_PLACE_RE = re.compile(r"\s*(?:全|本|该)(?:村|镇|乡)")
_HOUSEHOLDS_TWIN_RE = re.compile(r"\d[\d\s,.]*\s*户\s*[、,]?\s*$")
_SHORT_TOTALS = frozenset({"总收入", "总产值", "总支出", "总产量"})
_MAX_BASES_EXAMINED = 40  # same-unit figures looked at, and
_MAX_BASES = 6  # statements kept, for one share: bounded when every figure of a long line is one
_YEAR_REACH = 200


def _base_label(clause: str) -> str:
    """2023年全镇农村经济总收入 → 农村经济总收入; 有乡村人口 → 乡村人口."""
    return _LABEL_HEAD_RE.sub("", _LABEL_TAIL_RE.sub("", clause))


def _canonical_base(name: str) -> str:
    name = name.removesuffix("的").replace("总", "")
    for suffix in ("人数", "户数", "面积", "数"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


_HOUSEHOLD_LABELS = frozenset({"农户", "户", "户数", "农户数", "农户总数", "总户数", "总农户"})
_POPULATION_LABELS = frozenset({"人口", "总人口", "乡村人口", "户籍人口", "常住人口", "农业人口"})


def _household_or_population(whole: str) -> str:
    """占总户数的 / 占总人口的: a whole any household count or population of the document may be."""
    whole = whole.removesuffix("的")
    return "household" if whole in ("总户数", "户数", "农户总数") else "population" if whole in ("总人口", "人口总数") else ""


# words that say a group is counted on a register, not a narrower group of it
_STOCK_QUALIFIER_RE = re.compile(r"登记|在册|持证|建档|户籍|常住|现有|在校|在园|在管|在职|在岗|注册")


def _same_base(label: str, whole: str) -> bool:
    """劳动力 is 劳动力; 全村经济总收入 is 农村经济总收入; 常年外出劳动力 is no 劳动力."""
    kind = _household_or_population(whole)
    if kind:
        return label in (_HOUSEHOLD_LABELS if kind == "household" else _POPULATION_LABELS)
    a, b = _canonical_base(label), _canonical_base(whole)
    if len(a) < 2 or len(b) < 2:
        return False
    if a == b or len(b) >= 3 and a.endswith(b) and _STOCK_QUALIFIER_RE.fullmatch(a[: -len(b)]):
        return True  # 登记残疾人 is the 残疾人 of 占全区残疾人的
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 4 and longer.endswith(shorter) and len(longer) - len(shorter) <= 2


def _year_of(text, offset: int) -> str:
    """The year and the part of it (2023年, 上半年, 1-9月) its sentence names before offset
    (within _YEAR_REACH characters: a sentence may run a whole line)."""
    sentence_start, _ = text.sentence_span(offset)
    before = text.norm[max(sentence_start, offset - _YEAR_REACH):offset]
    years = _YEAR_RE.findall(before)
    parts = _PART_OF_YEAR_RE.findall(before)
    return (years[-1].replace(" ", "") if years else "") + "".join(parts)


# a plan period or an era a sentence speaks of: “九五”初期, 十二五末, 80年代, 建国初期
_ERA_RE = re.compile(r"[“\"]?(?:[一二三四五六七八九十]{1,3}五)[”\"]?\s*(?:初期|末期|期末|初|末|期间|时期)?|\d{2}\s*年代|建国初期?|改革开放初期?")


def _era_of(text, offset: int) -> str:
    """The plan period or era its sentence names before offset ("" when none)."""
    sentence_start, _ = text.sentence_span(offset)
    eras = _ERA_RE.findall(text.norm, max(sentence_start, offset - _YEAR_REACH), offset)
    return "".join(eras[-1].split()).strip("“”\"") if eras else ""


def _other_period(text, part: Figure, total: Figure) -> bool:
    """2023年… against 2020年…, 上半年… against the year's: a part of another period than the whole."""
    part_year, total_year = _year_of(text, part.start), _year_of(text, total.start)
    return bool(part_year and total_year and part_year != total_year
                or _PART_OF_YEAR_RE.search(part_year) and total_year != part_year
                or _era_of(text, part.start) != _era_of(text, total.start))


def _share_of_base_stated_earlier(text, figures, part: Figure, rate: Figure, sentence_start: int) -> tuple[Figure, Figure, bool, bool] | None:
    """劳动力130人 in the first paragraph, …常年外出务工110人(占劳动力的…): the
    whole 占 names, stated earlier in the document under the same name and
    unit. Every earlier statement of it (another year's, another group's) is a
    candidate; when one of them gives the share it is the reading, else the
    nearest. Never a whole only a scope word or a generic word names (占总数的,
    占全县的), nor one of another year than the share's. Inferred: a warning."""
    norm = text.norm
    words = _SHARE_WORDS_RE.search(norm[max(sentence_start, rate.number_start - 20) : rate.number_start])
    whole = (words.group("whole") if words else "").strip().removesuffix("的")
    if _CHANGE_CLAUSE_RE.search(norm[part.end : rate.number_start]):
        return None
    # the whole may stand earlier in the share's own sentence (…,其中基层医疗机构1106个,…386个,占基层医疗机构比重达…)
    candidates = bases_stated_earlier(text, figures, part, whole, sentence_start, rate.number_start, part.value, part.start)
    if not candidates:
        return None
    for total in candidates:
        if pair_explains(part, total, rate):
            return part, total, total.start < sentence_start, False
    return part, candidates[0], candidates[0].start < sentence_start, False


def bases_stated_earlier(text, figures, part: Figure, whole: str, sentence_start: int, words_end: int,
                         at_least, before: int | None = None) -> list[Figure]:
    """The earlier statements (nearest first) of the whole a share names
    (占耕地总面积的 → 全村耕地面积2350亩; 分别占农户总数的 → 全村共有农户312户):
    same unit, same base name (总 and 面积/人数 aside), the share's scope word
    (全镇) in its sentence, the share's year and part of a year. Never a whole
    a scope word or a generic word only names (占总数的, 占全县的)."""
    norm = text.norm
    whole = whole.strip().removesuffix("的")
    scope = _SCOPE_WORD_RE.match(whole)
    named = whole[scope.end():] if scope else whole
    if len(named) < 2 or (_generic_whole(whole) and not _household_or_population(named) and len(_without_measure(named)) < 2):
        return []
    if _OTHER_YEAR_RE.search(norm, max(sentence_start, words_end - _YEAR_REACH), words_end):
        return []  # 上年…占…: a share of last year's whole
    year = _year_of(text, part.start)
    era = _era_of(text, part.start)
    paragraph_start, _ = text.line_span(part.start)
    people = _household_or_population(named) == "population"
    candidates: list[Figure] = []
    examined = 0
    before = sentence_start if before is None else before  # where the statements end: the share's sentence, or its part
    for total in figures[max(0, part.index - _BASE_LOOKBACK_FIGURES) : part.index][::-1]:
        if total.start >= before or not _is_quantity(total) or total.value < at_least:
            continue
        if not (_same_unit(total, part) or people and total.base_unit == "人" and part.base_unit == "名" and total.kind == part.kind):
            # 党员38名,占总人口的3.9%: people counted in 名 are of the population in 人
            continue
        examined += 1
        if total.start < sentence_start - _BASE_LOOKBACK_CHARS or examined > _MAX_BASES_EXAMINED or len(candidates) == _MAX_BASES:
            break
        clause_start = text.clause_span(total.start)[0]
        clause = norm[max(clause_start, total.number_start - _WORDS_REACH) : total.number_start]
        if total.base_unit == "人":
            clause = _HOUSEHOLDS_TWIN_RE.sub("", clause)  # 全村312户1 046人: the place's people, after its households
        label = _base_label(clause)
        if _CHANGE_CLAUSE_RE.search(clause) or _has_own_share(norm, total):
            continue
        if not (_same_base(label, named) or label == "" and _household_or_population(named)
                and (_OWN_PLACE_RE.match(clause) or _BARE_LEAD_RE.fullmatch(clause)
                     and _SENTENCE_PLACE_RE.match(norm, text.sentence_span(total.start)[0]))
                and total.base_unit == ("户" if _household_or_population(named) == "household" else "人")
                and _BARE_COUNT_END_RE.match(norm, total.end)
                or named in _SHORT_TOTALS and label.endswith(named) and len(label) > len(named)
                and "人均" not in label and total.start < paragraph_start):
            continue  # (in the share's own paragraph a list of parts says what 总收入 is: relate's list readings)
        if scope and scope.group() not in norm[text.sentence_span(total.start)[0] : total.number_start]:
            continue
        total_year = _year_of(text, total.start)
        if year and total_year and total_year != year:
            continue
        if era and era != _era_of(text, total.start):
            continue  # “九五”初期…占农业人口的92%: the whole of that time, not the one stated now
        if _PART_OF_YEAR_RE.search(year) and total_year != year:
            continue  # 上半年…占经济总收入的: the half year's whole, not the year's
        candidates.append(total)
    if named in _SHORT_TOTALS and len({c.value for c in candidates}) > 1:
        return []  # 占总收入的 beside two different totals of income: which one is not said
    return candidates


def _names_without_total(whole: str, clause: str) -> bool:
    """占总收入的 names 经济收入…; never a group singled out (其中不识字人口 is no 总人口)."""
    return "总" in whole and not clause.lstrip().startswith("其中") and _names(whole.replace("总", ""), clause)


def _share_whole_after(text, figures, part: Figure, rate: Figure, sentence_end: int) -> tuple[Figure, Figure, bool, bool] | None:
    """…1.12万人,占在园幼儿总数的85.2%,全县在园幼儿1.35万人: the whole 占 names stated
    right after the share, in its sentence."""
    if rate.index + 1 >= len(figures):
        return None
    whole = figures[rate.index + 1]
    if whole.start >= sentence_end or not _is_quantity(whole) or not _same_unit(whole, part) or whole.value < part.value:
        return None
    norm = text.norm
    words = _SHARE_WORDS_RE.search(norm[max(text.clause_span(rate.start)[0], rate.number_start - 20) : rate.number_start])
    named = (words.group("whole") if words else "").strip().removesuffix("的")
    named = re.sub(r"(?:总数|总量|总额|总人数)$", "", named)
    if not _names(named, _words_before(text, whole)) or _has_own_share(norm, whole):
        return None
    return part, whole, False, False


# (采购总额224.3亿元): a bracket standing alone after a list of parts and their bare shares, stating the whole
_WHOLE_BELOW_HEAD_RE = re.compile(r"\(\s*[^\d,。;:()%]{0,12}?(?:(?:总|總)[\u4e00-\u9fff]{0,4}?|合计|合計|共计|共計)"
                                  r"(?:为|為|达|達|是)?\s*$")
_WHOLE_BELOW_TAIL_RE = re.compile(r"\s*\)")
_BARE_SHARE_RE = re.compile(r"[,;、]\s*(?:约|約|仅|僅)?(?:占|佔)(?:比)?(?:为|為|达|達)?\s*$")
_WHOLE_BELOW_FIGURES = 16  # figures a list of parts and shares may run before its bracketed whole


def _share_whole_in_bracket_below(text, figures, part: Figure, rate: Figure) -> tuple[Figure, Figure, bool, bool] | None:
    """公开招标142.6亿元,占63.6%;…;其他方式34.9亿元,占16.5%。⏎(采购总额224.3亿元): a bare share (占
    with no whole named) of a list whose whole stands after it, alone in a bracket; every figure
    between is a part of the same unit or a bare share. Inferred: a warning."""
    norm = text.norm
    if not _BARE_SHARE_RE.search(norm, max(part.end, rate.number_start - 8), rate.number_start):
        return None
    for whole in figures[rate.index + 1 : rate.index + 1 + _WHOLE_BELOW_FIGURES]:
        if whole.start - rate.end > 600:
            return None
        if whole.kind == "percent":
            if not _BARE_SHARE_RE.search(norm, max(0, whole.number_start - 8), whole.number_start):
                return None
            continue
        if not _is_quantity(whole) or not _same_unit(whole, part):
            return None
        opened = norm.rfind("(", max(0, whole.number_start - 16), whole.number_start)
        if opened < 0:
            continue  # another part of the list
        if not (_WHOLE_BELOW_HEAD_RE.fullmatch(norm, opened, whole.number_start) and _WHOLE_BELOW_TAIL_RE.match(norm, whole.end)):
            return None
        before = norm[max(0, opened - 3) : opened].rstrip(" \t")
        if not before.endswith(("\n", "。")) and before:
            return None  # a bracket of a clause, not one standing alone after the list
        if whole.value < part.value:
            return None
        return part, whole, True, False
    return None


def unread_rates(figures, spoken: set[int]) -> Iterator[Figure]:
    """The plain percentages no reader has paired yet (none in a list, none with 以上/约, two
    figures at least before each): what a late reader of shares or rates looks at."""
    for rate in figures:
        if rate.kind == "percent" and rate.index not in spoken and rate.index >= 2 and not rate.in_list and not rate.qualifier:
            yield rate


def _names(whole: str, clause: str) -> bool:
    """Whether the words after 占 name the figure's own words (受灾面积 in 农作物受灾面积)."""
    whole = whole.removesuffix("的")
    if len(whole) < 2:
        return False
    scope = _SCOPE_WORD_RE.match(whole)
    if scope:
        other = _ANY_SCOPE_RE.search(clause)
        if other is not None and other.group()[-1] != scope.group()[-1]:
            return False  # 占全县…的 is no share of 全镇…
    for name in (whole, whole.removeprefix("全县").removeprefix("全市")):
        at = clause.find(name)
        # 专任教师中硕士…: a group within the whole, not the whole
        if at >= 0 and not clause.startswith(("中", "当中", "里"), at + len(name)):
            return True
    return _names_with_words_between(whole, clause)


_MOST_WORDS_BETWEEN = 4


def _names_with_words_between(whole: str, clause: str) -> bool:
    """占转移劳动力的 names 已转移农村劳动力: the name's head and its tail, two characters or more
    each, in order, a short word between them (农村), the tail ending the clause's words. A scope
    word is no part of the name: 占全镇劳动力的 names all the town's workers, not those 转移."""
    whole = _SCOPE_WORD_RE.sub("", whole)
    for cut in range(2, len(whole) - 1):
        head, tail = whole[:cut], whole[cut:]
        at = clause.find(head)
        while at >= 0:
            after = clause.find(tail, at + cut, at + cut + _MOST_WORDS_BETWEEN + len(tail))
            if after > at + cut and not clause[after + len(tail):].strip():
                return True
            at = clause.find(head, at + 1)
    return False


_DEED_RE = re.compile(r"安装|新建|改建|扩建|建成|新增|完成|实施|开展|改造|铺设|修建|发放|投放")


def _whole_of_the_same_thing(text, whole: Figure, numerator: Figure, rate: Figure) -> bool:
    """An uncued whole a sentence before: a stock, or a deed (安装…设施426公里) whose words share two
    characters, in order, with the count's or the rate's name (公路 and 农村公路, 老人 and 老年人)."""
    whole_words = _words_before(text, whole)
    if _EXPLICIT_WHOLE_RE.search(whole_words) or not _DEED_RE.search(whole_words):
        return True  # a stock (水稻种植面积, 在籍中小学生) may be the base of a rate of work done on it
    names = _words_before(text, numerator) + "," + rate.subject + rate.metric
    return any(_in_order(whole_words[i : i + 2], names) for i in range(len(whole_words) - 1)
               if "\u4e00" <= whole_words[i] <= "\u9fff" and "\u4e00" <= whole_words[i + 1] <= "\u9fff"
               and whole_words[i : i + 2] not in _GENERIC_PAIRS)


def _in_order(pair: str, words: str, gap: int = 2) -> bool:
    """Both characters of pair in words, the second at most gap after the first (老人 in 老年人)."""
    first = words.find(pair[0])
    while first >= 0:
        if pair[1] in words[first + 1 : first + 1 + gap]:
            return True
        first = words.find(pair[0], first + 1)
    return False


def _denominator_earlier(text, figures, numerator: Figure, rate: Figure, sentence_start: int, cues: _RatioCues, task: bool = False):
    """A cued whole in the sentence before (inferred), or a target earlier in
    the section. Failing both, the one whole-like count the sentence before
    states (辖区在校学生8412人。已完成视力筛查8103人,筛查率…), as an inferred
    reading when it comes near the stated rate."""
    earliest = _section_start(text, numerator.start)
    previous_start = text.previous_sentence_start(sentence_start) if sentence_start else sentence_start
    over_fulfilled = rate.value > 100
    uncued: list[Figure] = []
    for index in range(numerator.index - 1, max(-1, numerator.index - 1 - _MAX_LOOKBACK_FIGURES), -1):
        candidate = figures[index]
        if candidate.start < earliest:
            break
        if not _is_quantity(candidate) or not _same_count(candidate, numerator):
            continue
        if candidate.start >= sentence_start or cues.cued(candidate, cues.numerator):
            continue
        is_target = cues.cued(candidate, cues.target) or _under_target_heading(text, candidate, cues)
        if is_target and _target_of_another(text, figures, candidate, numerator):
            continue
        if candidate.value < numerator.value and not (is_target and over_fulfilled):
            continue  # a whole is never smaller than its part (a target may be, when the rate says so)
        if is_target:
            return numerator, _best_named_target(text, figures, numerator, candidate, earliest, cues), False, True
        if candidate.start >= previous_start:
            if task:
                continue  # 为年计划的96.6%: the whole is a plan, which only a target cue names (共完成…亿元 is a deed)
            if _role(text, candidate, cues) == "den":
                if not _may_be_defined_base(text, figures, rate, candidate):
                    continue  # 农民工数量2.8亿人。…失业率: a whole of its kind, but no base of that rate
                return (numerator, candidate, True, False) if _near_stated(numerator, candidate, rate) else None
            if not _is_difference(text, candidate):
                uncued.append(candidate)
    if task or len(uncued) != 1:
        return None
    whole = uncued[0]
    if _listed_with(text, whole, numerator) or not _near_stated(numerator, whole, rate):
        return None
    if not _may_be_defined_base(text, figures, rate, whole):
        return None  # 农民工2.8亿人。失业人员974万人,失业率3.80%: no labour force, no base of that rate
    if not _whole_of_the_same_thing(text, whole, numerator, rate):
        return None  # 安装防护设施426公里。…新建改建农村公路381公里,优良中等路率…: another thing's length
    return numerator, whole, True, False


def _may_be_defined_base(text, figures, rate: Figure, whole: Figure) -> bool:
    """Whether a whole inferred for a rate of a fixed base (失业率: the labour force) is named as that base."""
    for name, base_words in DEFINED_BASES:
        if rate.metric.endswith(name):
            label = _count_name(text, figures, whole)
            return any(word in label for word in base_words)
    return True


_HEADING_COLON_RE = re.compile(r"[::]")
# 再就业2291人,完成年目标任务2200人的104.1%: a target stated between its own achievement and its own rate
_OWN_TARGET_GAP_RE = re.compile(r"\s*[,,]?\s*(?:完成|达到|占|为)了?[^\d,。;]{0,10}$")
_OWN_RATE_AFTER_RE = re.compile(r"\s*的\s*$")


def _target_of_another(text, figures, target: Figure, numerator: Figure) -> bool:
    """The target already has its achievement and its rate around it (…2291人,完成年目标任务
    2200人的104.1%): it is that achievement's target, not one for another count later on,
    whose own target the text does not give."""
    if target.index == 0 or target.index + 1 >= len(figures):
        return False
    own, rate = figures[target.index - 1], figures[target.index + 1]
    if own is numerator or own.value == numerator.value or not _is_quantity(own) or not _same_unit(own, target):
        return False
    norm = text.norm
    return (rate.kind == "percent" and _OWN_RATE_AFTER_RE.fullmatch(norm, target.end, rate.number_start) is not None
            and _OWN_TARGET_GAP_RE.fullmatch(norm, own.end, target.number_start) is not None
            and not _same_count_named(_count_name(text, figures, own), _count_name(text, figures, numerator)))


# words that date or place a count, not name it: 截至10月底 / 2021年 / 上半年 / 全市 / 累计
_COUNT_NAME_NOISE_RE = re.compile(
    r"(?:截至|截止|到)?(?:(?:19|20)\d{2}\s*年(?:度)?|\d{1,2}\s*(?:-|—|至|到)?\s*\d{0,2}\s*月(?:份)?(?:底|末)?|[上下]半年|全年|今年|本年|"
    r"[一二三四]季度|前三季度|年底|年末)|(?:全|本|我)(?:市|县|区|镇|乡|省|国)|累计|共计|共|实现|完成")


def _count_name(text, figures, figure: Figure) -> str:
    start = text.clause_span(figure.start)[0]
    if figure.index and figures[figure.index - 1].end > start:
        start = figures[figure.index - 1].end
    label = re.split(r"[、::;,,。]", text.norm[start : figure.number_start])[-1]
    return _COUNT_NAME_NOISE_RE.sub("", label).strip()


def _same_count_named(first: str, second: str) -> bool:
    """上半年新增就业 and 全年新增就业 count one thing; 就业困难人员再就业 and 失业人员再就业 do not."""
    if not first or not second:
        return True
    return first == second


def _under_target_heading(text, figure: Figure, cues: _RatioCues) -> bool:
    """年度计划:新开工1200套,基本建成800套: every figure of a sentence a target heading opens."""
    sentence_start, _ = text.sentence_span(figure.start)
    # the heading opens the sentence: its colon within 12 characters (no scan of a long sentence)
    colon = _HEADING_COLON_RE.search(text.norm, sentence_start, min(figure.number_start, sentence_start + 13))
    return colon is not None and bool(cues.target.search(text.norm, sentence_start, colon.start()))


def _best_named_target(text, figures, numerator: Figure, first: Figure, earliest: int, cues: _RatioCues) -> Figure:
    """Of the targets of numerator's unit in its section, the one whose words share
    most with the numerator's (新开工1116套 → 新开工…1200套, not 基本建成800套);
    the nearest, `first`, when none shares more."""
    def words(figure: Figure) -> set[str]:
        start = text.clause_span(figure.start)[0]
        if figure.index and figures[figure.index - 1].end > start:
            start = figures[figure.index - 1].end  # the item's own words: 、农村…就业6000人
        label = re.split(r"[、::]", text.norm[start : figure.number_start])[-1]
        return {label[i : i + 2] for i in range(len(label) - 1)}

    own = words(numerator)
    best, best_score = first, len(own & words(first))
    for index in range(first.index - 1, max(-1, first.index - 1 - _MAX_LOOKBACK_FIGURES), -1):
        candidate = figures[index]
        if candidate.start < earliest:
            break
        if not _is_quantity(candidate) or not _same_unit(candidate, numerator):
            continue
        if not (cues.cued(candidate, cues.target) or _under_target_heading(text, candidate, cues)):
            continue
        score = len(own & words(candidate))
        if score > best_score:
            best, best_score = candidate, score
    return best


def _near_stated(numerator: Figure, denominator: Figure, rate: Figure) -> bool:
    """Whether n/d lands within a fifth of the stated rate: a whole the writer
    could have divided by, misread or mistyped; far off, it is another whole."""
    scale = 1000 if rate.kind == "permille" else 100
    value = Fraction(numerator.value) * scale / Fraction(denominator.value)
    stated = Fraction(rate.value)
    return stated > 0 and stated * Fraction(4, 5) <= value <= stated * Fraction(5, 4)


def _listed_with(text, first: Figure, second: Figure) -> bool:
    """宫颈癌筛查4002人、乳腺癌筛查3022人: parallel items, not a part and its whole;
    二级园14所,三级园5所: kinds told apart by a grade, whatever joins them."""
    between = text.norm[first.end : second.number_start]
    return "、" in between or "和" in between or _graded_kinds(_words_before(text, first), _words_before(text, second))


_GRADES = frozenset("一二三四五六七八九十甲乙丙丁ABCD")


def _graded_kinds(first_words: str, second_words: str) -> bool:
    """二级园 and 三级园, 甲类 and 乙类: the same noun after a different grade."""
    for size in (3, 2):
        a, b = first_words[-size:], second_words[-size:]
        if len(a) == len(b) == size and a != b and a[1:] == b[1:] and a[0] in _GRADES and b[0] in _GRADES:
            return True
    return False


def ratio_target(rate: Figure) -> tuple:
    return rate_interval(rate.written, rate.decimals, rate.qualifier)


def quantity_interval(figure: Figure, exact: bool = False, spread: Fraction = Fraction(0)) -> tuple:
    if exact:
        low = high = Fraction(figure.value)
    else:
        # rounded or truncated: 31.1万 is 310500 up to (not quite) 312000, as 93.49% may be a truncated 93.499%
        low, high = written_interval(figure.value, figure.decimals, figure.multiplier)
        high += high - Fraction(figure.value)
    return (low * (1 - spread), high * (1 + spread)) if spread else (low, high)


def pair_explains(numerator: Figure, denominator: Figure, rate: Figure, target: bool = False,
                  scale: int = 100, spread: Fraction = Fraction(0)) -> bool:
    stated = ratio_target(rate)
    representative = ratio_representative(quantity_interval(numerator), quantity_interval(denominator, target, spread), stated, scale)
    return explains(representative, stated)


_INFERRED_LOOKBACK_CHARS = 200


def _explained(text, figures, rate: Figure, reading: tuple[Figure, Figure, bool, bool],
               scale: int = 100, spread: Fraction = Fraction(0)) -> Ratio:
    """The best reading, or another pair of nearby same-unit quantities that gives the stated rate."""
    numerator, denominator, inferred, target = reading
    if rate.qualifier in APPROXIMATE_WORDS or pair_explains(numerator, denominator, rate, target, scale, spread):
        return Ratio(rate, numerator, denominator, inferred, target, scale=scale, spread=spread)
    sentence_start, sentence_end = text.sentence_span(rate.start)
    previous_start = text.previous_sentence_start(sentence_start)
    if reading[2]:
        # an inferred whole: any whole stated shortly before may be the one meant
        previous_start = min(previous_start, max(0, sentence_start - _INFERRED_LOOKBACK_CHARS))
    # one figure per written value: a value repeated along the text (a long line) is one candidate
    distinct: dict[tuple, Figure] = {}
    twice: set[tuple] = set()  # values written more than once: 毕业生192人,实际毕业192人 pair with themselves
    for f in _quantities_near(figures, rate, numerator, previous_start, sentence_end):
        key = (f.value, f.decimals, f.multiplier)
        if key in distinct:
            twice.add(key)
        if key not in distinct or f is denominator:
            distinct[key] = f
    nearby = list(distinct.values())
    for candidate_numerator in nearby:
        for candidate_denominator in nearby:
            if candidate_numerator.value > candidate_denominator.value:
                continue
            exact = target and candidate_denominator is denominator
            distinct_pair = (candidate_numerator is not candidate_denominator
                             or (candidate_numerator.value, candidate_numerator.decimals, candidate_numerator.multiplier) in twice)
            if distinct_pair and pair_explains(candidate_numerator, candidate_denominator, rate, exact, scale, spread):
                return Ratio(rate, candidate_numerator, candidate_denominator, inferred, scale=scale, spread=spread)
    return Ratio(rate, numerator, denominator, inferred, target, scale=scale, spread=spread)


def _quantities_near(figures, rate: Figure, like: Figure, start: int, end: int) -> list[Figure]:
    """The quantities of like's unit among the figures around a rate, standing in [start, end):
    the candidates every other reading of the rate is made of."""
    return [f for f in figures[max(0, rate.index - 12) : rate.index + 6]
            if start <= f.start < end and _is_quantity(f) and _same_unit(f, like)]


def explained_otherwise(text, figures, ratio: Ratio) -> bool:
    """Whether a reading no reader pairs gives the stated rate from the counts around it,
    so that the pair a reader chose does not make a finding sure:
    - the last count before the rate over itself and the count right before it, both in the
      rate's sentence (决定起诉3915人,不起诉778人,不起诉率16.6%: 778 over 3915 + 778, the two
      decisions);
    - a rate of 100% or more read as a smaller count over its whole: a larger count of the
      sentence over that whole (新设标志3412块 … 其他448块,完成年度计划(3000块)的113.7%)."""
    rate = ratio.rate
    if ratio.kind not in ("ratio", "share") or pair_explains(ratio.numerator, ratio.denominator, rate, ratio.target,
                                                            ratio.scale, ratio.spread):
        return False
    sentence_start, sentence_end = text.sentence_span(rate.start)
    previous_start = text.previous_sentence_start(sentence_start)
    nearby = _quantities_near(figures, rate, ratio.numerator, previous_start, sentence_end)
    stated = ratio_target(rate)
    if stated[0] >= ratio.scale and ratio.numerator.value < ratio.denominator.value:
        # the reader's whole is right, its part is not: a larger count of the sentence over that whole
        whole = ratio.denominator
        if any(pair_explains(n, whole, rate, ratio.target, ratio.scale) for n in nearby
               if n.value > whole.value and n.start >= sentence_start):
            return True
    if ratio.kind != "ratio":
        return False  # a share of a whole it names is not of two of its parts
    # the two counts stated last before the rate, side by side in its sentence
    before = [f for f in nearby if f.index < rate.index and f.start >= sentence_start]
    if len(before) < 2 or before[-1].index - before[-2].index != 1:
        return False
    count, beside = before[-1], before[-2]
    low, high = quantity_interval(count)
    b_low, b_high = quantity_interval(beside)
    return explains(ratio_representative((low, high), (low + b_low, high + b_high), stated, ratio.scale), stated)


# 调查居民1 800人,其中男性820人,满意率…: a group of the whole (by sex, place, age …) is no count of the
# event a rate names; 计划投资…,实际完成投资…,资金到位率: 到位 names its own count
_GROUP_PART_RE = re.compile(r"(?:^|其中|内含)\s*(?P<group>男性?|女性?|党员|团员|少数民族|汉族|城镇|农村|城区|乡村|户籍|流动|外来|老年人?|儿童|青少年"
                            r"|\d+\s*岁(?:以上|以下|及以上)?)(?:人员|人口|人|户|者|受访者|居民|群众|职工|学生)?$")
_OWN_COUNT_CORES = ("到位",)
_RATE_CORE_RE = re.compile(r"([\u4e00-\u9fff]{2})(?:率|比例)$")


def part_of_another_kind(text, ratio: Ratio) -> bool:
    """Whether a rate's numerator cannot be the count of what the rate names: a group of the
    whole the rate does not name (其中男性820人 for a 满意率), or a rate that names its own count
    (到位) over a count whose words do not say it (实际完成投资 for a 资金到位率)."""
    if ratio.kind != "ratio":
        return False
    core = _RATE_CORE_RE.search(ratio.rate.metric or "")
    if core is None:
        return False
    clause_start, _ = text.clause_span(ratio.numerator.start)
    words = text.norm[clause_start : ratio.numerator.number_start].strip()
    if core.group(1) in words:
        return False
    group = _GROUP_PART_RE.search(words)
    if group is not None:
        return group.group("group") not in ratio.rate.metric  # 其中城镇人口… for a 城镇化率 is its count
    return core.group(1) in _OWN_COUNT_CORES


_HEADING_RE = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d))")


# a paragraph that opens on another point of a list of points: 此外,… / 同时,重点项目之一…
_NEW_POINT_RE = re.compile(r"\s*(?:此外|另外|与此同时|與此同時|同时|同時|其次|再次|最后|最後|再者)\s*[,,]")


def _section_start(text, offset: int, max_lines: int = 6) -> int:
    """Where the search for a denominator stops: this paragraph and the ones
    before it in the same section, never past a heading nor before a
    paragraph that opens on another point (此外,…)."""
    line_start, _ = text.line_span(offset)
    floor = max(0, offset - _MAX_LOOKBACK_CHARS)
    if line_start <= floor:
        return floor
    if _NEW_POINT_RE.match(text.norm, line_start):
        return line_start
    start = line_start
    for _ in range(max_lines):
        if start == 0 or _HEADING_RE.match(text.norm, start):
            break
        previous_start, _ = text.line_span(start - 1)
        if _HEADING_RE.match(text.norm, previous_start):
            break
        start = previous_start
        if _NEW_POINT_RE.match(text.norm, start):
            break  # the point this paragraph opens is the one the figure belongs to
    return max(start, floor)


# --- parts and total ----------------------------------------------------------------

_AMONG_RE = re.compile(
    r"其中\s*[,:]?|(?<=[,;:\n])\s*当中\s*[,:]?(?=\S)|(?P<listed>(?P<including>包括|包含|(?<=[,;])\s*(?:具体(?:为|是|包括)|分别用于)|(?<=[,;])\s*含(?=[\u4e00-\u9fff]{2})(?!税|量|金|在|有|义))\s*[,:]?"
    r"|(?P<bracket>\()(?!\s*(?:其中|含|包括|包含|如|主要|即|下同|注|不含|占|同比|比|较|增|减|下降|提高|\d{4}年|上年|去年|上期|前年|上一年|同期)))"
    r"|(?<=,)\s*(?P<respective>分别(?:为|是))\s*:?"  # 共有各类学校86所,分别为小学…: the kinds of the whole just stated
    # 评定2316家,评定结果为A级…、B级… / 测试学生38.6万人,测试结果为优秀…: the outcomes each of the whole got
    r"|(?<=,)\s*(?:[\u4e00-\u9fff]{2})?结果(?:为|是)\s*:?"
    r"|(?<=[\u4e00-\u9fff])(?P<colon>:)(?=\s*[\u4e00-\u9fff]{1,12}\s*\d)"  # 开展活动2 346场:进机关318场、…
)
# every match of _AMONG_RE holds one of these words, a blank run and two characters at most before it
_AMONG_WORDS_RE = re.compile(r"其中|当中|包括|包含|(?<=[,;])\s*(?:含|具体)|分别|结果|[(:]")


def _among_matches(norm: str) -> Iterator[re.Match]:
    """_AMONG_RE.finditer(norm), the same matches in the same order. Its
    alternatives open on lookbehinds and blanks, so the regex engine would try
    it at almost every character; every match holds one of _AMONG_WORDS_RE,
    found by a fast scan, and starts at it, after the blanks before it, or
    (…结果为) two characters before that: _AMONG_RE is tried there only,
    leftmost first, as finditer tries it."""
    candidates: set[int] = set()
    for word in _AMONG_WORDS_RE.finditer(norm):
        for at in (word.start(), word.start() - 2) if word.group() == "结果" else (word.start(),):
            start = at
            while start > 0 and norm[start - 1].isspace():
                start -= 1
            candidates.update(range(max(start, 0), at + 1))
    position = 0
    match = _AMONG_RE.match
    for start in sorted(candidates):
        if start < position:
            continue
        found = match(norm, start)
        if found is not None:
            yield found
            position = found.end()  # never empty: each alternative takes a character


_TOTAL_WORD_RE = re.compile(r"(?:合计|总计|共计)(?:为|达|达到)?\s*$")


_MAX_PARTS_SCAN = 40  # figures after 其中 a list of parts may run over
_RATE_GLOSS_RE = re.compile(r"[%‰]\s*\([^()]*$")
_PLAN_AFTER_PARTS_RE = re.compile(r"(?:完成|达到|为|占|超过)[^,;]{0,8}(?:计划|目标|任务|预算)")
_CHANGE_WORDS_RE = re.compile(r"(?:增加(?!值)|减少|增长|下降|提高|降低)(?![到至])|比上年|较上年|同比|多支|少支|超支|节约")
_TO_WORD_RE = re.compile(r"(?:由|从)|(?:提高|增加|降低|减少|下降|上升|提升|调整|压缩|增)(?:到|至)")
_STATUS_RE = re.compile(r"已|均|目前|(?<![发出表体呈展再])现(?!场|金|代|行|役)|全部|样本|抽样|抽取|抽查|选取|选择")  # a subset: now done, or a sample drawn
_SUBSET_LABEL_RE = re.compile(r"\(\s*(?:含|包含|包括|其中)")
_NEW_STATEMENT_RE = re.compile(r"(?:另|还|并|又|共|现)?有(?![效关])")
_PART_CHANGE_RE = re.compile(r"(?:比|较)(?:上年|去年|上年同期|去年同期|同期|上期)|同比|环比")
_PER_SOMETHING_RE = re.compile(r"[\u4e00-\u9fff]{0,2}/")
_BASE_NAMED_RE = re.compile(r"(?:上年|去年|上一年|前一年)(?:末|底|同期)?(?:为|是|:)\s*$")
_COMPARED_BASE_RE = re.compile(r"(?:比|较|与)(?:(?:19|20)\d{2}年|上年|去年|上一年|同期|上年同期|去年同期)(?:同期)?的?\s*\(?\s*$")
_PER_UNIT_RE = re.compile(r"单产|亩产|亩均|平均|均价|单价")
_SPAN_OF_YEARS_RE = re.compile(r"[一二三四五六七八九十两\d]+年(?:来|间|中|累计|共|合计)|以来|累计|历年|多年")
# the first part of a list is a period: 其中2023年 / 其中今年 / 当中上半年
_PERIOD_PARTS_RE = re.compile(
    r"\s*[。;]?\s*(?:其中|当中|包括|包含|\()?\s*[,:]?\s*(?:(?:19|20)\d{2}\s*年|[今去前本当上]年|[一二三四五六七八九十两\d]+月"
    r"|[一二三四]季度|第?[一二三四]季|[上下]半年|近[一二三四五六七八九十两\d]+年|第[一二三四五六七八九十]年)"
)


def find_parts(analysis: Analysis) -> list[PartsTotal]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    complement = analysis.pack.words("complement_words")
    groups = [tuple(g.split("|")) for g in analysis.pack.words("partition_groups")]
    siblings = [tuple(g.split("|")) for g in analysis.pack.words("sibling_kinds")]
    dimensions = [tuple(g.split("|")) for g in analysis.pack.words("attribute_dimensions")]
    whole_partitions = [(w.split("=")[0], tuple(w.split("=")[1].split("|"))) for w in analysis.pack.words("whole_partitions") if "=" in w]
    found: list[PartsTotal] = []
    starts = [f.start for f in figures]
    ends = [f.end for f in figures]
    for match in _among_matches(norm):
        sentence_start, sentence_end = text.sentence_span(match.start())
        listed = match.group("listed") is not None
        respective = match.group("respective") is not None
        lists: list[PartsTotal] = []
        among, totals_from = match.start(), sentence_start
        if match.group("colon") and (not _quantity_ends_at(figures, ends, norm, match.start())
                                     or _SUM_WORDS_RE.search(norm, text.clause_span(match.start())[0], match.start())):
            continue  # 由三部分组成: / 主要做法: a colon after words; 合计3 520万元: is read as a sum (complete) elsewhere
        full_stop = _mark_before(norm, sentence_start)
        if sentence_start and not listed and not norm[sentence_start : match.start()].strip() and full_stop >= 0:
            among, totals_from = full_stop, text.sentence_span(full_stop)[0]  # 共救助…3311人。(⏎)其中…
            if _AMONG_WORD in norm[totals_from:full_stop]:
                continue  # 人口61人,其中男性33人,女性28人。其中劳动力…: the last figure is a part, the whole unclear
        for total in _totals_before(text, figures, ends, among, totals_from):
            between = norm[total.end : match.start()].strip()
            if respective and between.strip(",") :
                continue  # 人口12万人,两镇人口分别为…: 分别为 after words of its own speaks of those, not of the total
            # 1.86万亩(1 240公顷),其中 / 11.6万件(套),其中: a bracket closed before 其中 holds no list
            in_parenthesis = match.group("bracket") is not None or between.startswith("(") and ")" not in between
            stop = norm.find(")", match.end(), sentence_end) if in_parenthesis else sentence_end
            stop = sentence_end if stop < 0 else stop
            if not in_parenthesis and stop < len(norm) and norm[stop] == ";":
                # 其中:A…;⏎B… and 。⏎其中,A…;⏎B…: a list opened on its own, its items one a line
                stop = _items_after_semicolons(text, figures, starts, stop, total,
                                               over_lines=match.group(0).rstrip().endswith(":") or among != match.start())
            elif (not in_parenthesis and stop < len(norm) and norm[stop] == "\n" and norm[stop - 1 : stop] == ":"
                    and not norm[match.end() : stop].strip(" \t:")):
                stop = _items_after_semicolons(text, figures, starts, stop, total, "\n")  # 其中:⏎A…;⏎B…;⏎C…。
            parts, labels = _parts_after(figures, starts, norm, match.end(), stop, total)
            if listed and parts:
                parts, labels = _with_ones(norm, match.end(), stop, total, parts, labels)
            parts, labels = _within_the_whole(parts, labels, total)
            parts, labels = _up_to_a_closing_semicolon(norm, parts, labels, total)
            parts, labels, summed = _closed_by_sum(parts, labels)
            if len(parts) >= 3 and sum(p.value for p in parts) > total.value:
                parts, labels = _without_nested_parts(norm, figures, starts, parts, labels)
            whole_label = norm[text.clause_span(total.start)[0] : total.number_start]
            if len(parts) >= 2 and not listed and _one_kind_of_an_item(figures, whole_label, labels, total, sentence_start):
                parts, labels = parts[:1], labels[:1]
            if len(parts) >= 2 and _metrics_of_a_subset(whole_label, labels):
                continue
            outcome = next((i for i in range(1, len(parts)) if _outcome_of_the_whole(labels[i], labels[:i])), None)
            if outcome is not None:
                # 受理投诉1380件,其中质量问题512件、价格问题406件,办结1360件: what became of the whole
                parts, labels = parts[:outcome], labels[:outcome]
            if respective and len(parts) < 2:
                continue
            if len(parts) < 2 and not listed and not in_parenthesis:
                larger = _subset_larger(figures, starts, norm, match.end(), stop, total)
                if larger is not None and not _siblings_listed(whole_label, [larger[1]], siblings):
                    lists.append(PartsTotal(total, (larger[0],), (larger[1],), False, ""))
                continue
            core_labels = _without_the_whole_noun(labels, whole_label)  # 男党员、女党员 of 党员: 男、女
            crossing = len(parts) >= 2 and _across_dimensions(core_labels, dimensions)
            if crossing and _completeness(labels, complement, ()) == "complement" and not summed:
                # 其中农民工…、未成年人…、老年人…、残疾人…、其他人员…: kinds along several lines, closed by 其他
                # as if one split; they may overlap, so only parts above the whole are reported (SM002)
                lists.append(PartsTotal(total, tuple(parts), tuple(labels), False, ""))
                continue
            if len(parts) < 2 or _siblings_listed(whole_label, labels, siblings) or crossing:
                continue
            if _whole_of_them_elsewhere(figures, total, parts, totals_from, among):
                continue
            reason = (_completeness(labels, complement, groups) or _every_side(core_labels, groups) or _leading_sides(labels, groups)
                      or _kinds_said_before(norm, total, match.start(), labels) or _spelled_out(labels, whole_label)
                      or _whole_made_of(labels, whole_label, whole_partitions)
                      or _two_sides_of_the_whole(labels, whole_label, groups) or _lettered_classes(labels, whole_label)
                      or _every_grade(labels))
            inferred = False
            if not reason and _counted_close(norm, parts[-1].end, stop, len(parts)):
                reason = "enumerated"  # 包括一般程序…、简易程序…等两类: the list says how many kinds there are, all of them
            if not reason and summed:  # …,合计12.7亿元 closing the list: all of it (a bracket may single a few out: a warning)
                reason, inferred = "total_word", listed or in_parenthesis
            if not reason and listed and _enumerated(text, total, parts, match.end(), stop):
                reason, inferred = "enumerated", True
            if not reason and respective:
                reason, inferred = "respective", True  # the kinds after 分别为, all of them: read as the whole, a warning
            if not reason and sum(p.value for p in parts) > total.value:
                whole = _whole_of_a_rate_before(text, figures, ends, among, totals_from, total)
                if whole is not None:
                    if sum(p.value for p in parts) <= whole.value:
                        continue  # 抽检612批次,合格608批次,合格率99.3%,其中:…: the kinds of the whole, maybe
                    total = whole  # more than even the whole the rate is of
            opening = ("当中" if match.group(0).strip().startswith("当中") else "分别为" if respective
                       else ":" if match.group("colon") else match.group(0).strip(" ,:") if "结果" in match.group(0) else "其中")
            lists.append(PartsTotal(total, tuple(parts), tuple(labels), bool(reason), reason, inferred, opening))
        found.extend(_paired(lists))
    found.extend(_split_by_place(analysis))
    found.extend(_parts_of_a_named_group(analysis, {p.total.index for p in found}, siblings, dimensions))
    found.extend(_parts_of_a_counted_group(analysis, {p.total.index for p in found}, complement, groups, siblings, dimensions))
    years = _years_of_a_span(analysis, {p.total.index for p in found if p.complete})
    if years:  # 2021—2024年…,其中2021年…2024年: the years make the whole that a bare 其中 list does not
        spanned = {p.total.index for p in years}
        found = [p for p in found if p.total.index not in spanned] + years
    found.extend(_parts_before_total_word(analysis))
    found.extend(_counted_items_totalled(analysis, {p.total.index for p in found}))
    found.extend(_lines_closed_by_total(analysis))
    found.extend(_composed_lists(analysis, {p.total.index for p in found}))
    found.extend(PartsTotal(total, tuple(parts), tuple(labels), True, "total_word")
                 for total, parts, labels in find_closed_lists(analysis, {p.total.index for p in found}))
    found.extend(_kinds_closed_by_other(analysis, complement))
    found.extend(PartsTotal(total, (side, negated), (word, "不" + word), True, "partition")
                 for total, side, negated, word in complementary_pairs(analysis, {p.total.index for p in found}))
    periods = _period_sums(analysis, {p.total.index for p in found if p.complete})
    if periods:  # 全年…,其中一季度…四季度…: the periods make the whole that a bare 其中 list does not
        summed = {p.total.index for p in periods}
        found = [p for p in found if p.total.index not in summed] + periods
    return _with_breakdowns(analysis, [p for p in found if not _said_to_overlap(text, p)
                                       and (not _part_above_total(p) or _sides_of_one_split(p, groups))])


_WHOLE_LABEL_TAIL_RE = re.compile(r"(?:共有|现有|共计|合计|总计|达到|共|有|为|达|是|约|计|近|\s)+$")


def _shared_noun(whole_label: str, part_label: str) -> str:
    """The noun a part's label repeats from the end of its whole's label (完善农田林网 /
    新建农田林网 → 农田林网), two characters at least."""
    whole = _WHOLE_LABEL_TAIL_RE.sub("", whole_label)
    length = 0
    while (length < min(len(whole), len(part_label)) and whole[-1 - length] == part_label[-1 - length]
           and "\u4e00" <= whole[-1 - length] <= "\u9fff"):
        length += 1
    return whole[len(whole) - length :] if length >= 2 else ""


_WHOLE_LABEL_HEAD_RE = re.compile(r"^(?:共|累计|全年|今年|合计|总计|其中|全(?:县|市|区|镇|乡))+")


def _metrics_of_a_subset(whole_label: str, labels: list[str]) -> bool:
    """受理案件879件,结案700件。其中:受理民事案件755件,结案600件: the list names a subset first
    and then gives its figure under the whole's own name (结案): the subset's metrics, one for
    each figure before, not kinds of the whole."""
    whole = _WHOLE_LABEL_HEAD_RE.sub("", _WHOLE_LABEL_TAIL_RE.sub("", whole_label).strip(" ,,:"))
    return len(whole) >= 2 and labels[0] != whole and any(label == whole for label in labels[1:])


def _one_kind_of_an_item(figures, whole_label: str, labels: list[str], total: Figure, sentence_start: int) -> bool:
    """义务植树110万株,补植农田林网3万亩,其中新建农田林网1万亩,育苗2700亩,…: the whole is one
    item of a longer list, its 其中 names one kind of it by its own noun, and the next
    figure names none: that figure goes on with the outer list, not with the parts."""
    if total.index == 0 or figures[total.index - 1].start < sentence_start:
        return False
    noun = _shared_noun(whole_label, labels[0])
    return bool(noun) and noun not in labels[1]


def _part_above_total(parts: PartsTotal) -> bool:
    """全市出租车3 620辆,更新1 246辆,…新能源出租车共计2 685辆: a figure above a total said to be
    the whole of its parts is none of them (其中 lists whose parts exceed the whole stay, SM002)."""
    total = parts.total
    return parts.complete and total.value > 0 and any(part.value > total.value for part in parts.parts)


def _sides_of_one_split(parts: PartsTotal, groups) -> bool:
    """城镇24个、农村5个,城乡合计23个: the sides of one known split (城镇|农村) closed by a total word
    are the whole even when one side passes it: the total is wrong, not the reading."""
    return parts.reason == "total_word" and len(parts.parts) >= 2 and _completeness(list(parts.labels), (), groups) == "partition"


# (急诊含在门诊中) / (可重复统计) / 部分学员同时参加两类培训 / 可多选: the parts are said to overlap
_OVERLAP_RE = re.compile(r"含在|包含在|含于|重复统计|重复计算|可重复|有重复|有交叉|相互交叉|交叉重复|重叠|多选|同时(?:参加|享受|属于|具有|纳入|计入|为|是)|兼有|兼任"
                         r"|(?<![不无未没])(?:存在交叉|交叉统计|分别统计|分别计算)|参加(?:多个|多项|两个|两项|多次)")
_OVERLAP_REACH = 60  # characters after the last part a note on overlap may stand in


def _said_to_overlap(text: Text, parts: PartsTotal) -> bool:
    """The parts' own sentence, or a note right after them, says they overlap: no sum is implied."""
    last = parts.parts[-1] if parts.parts else parts.total
    sentence_start, sentence_end = text.sentence_span(parts.total.start)
    end = max(sentence_end, min(len(text.norm), last.end + _OVERLAP_REACH))
    return _OVERLAP_RE.search(text.norm, max(sentence_start, parts.total.start), end) is not None


# 新建桥梁中, / 在新建桥梁中, / 这些企业中: a clause that opens on the group a total counted
_GROUP_CLOSE_RE = re.compile(r"(?:之)?中\s*[,:]")
_GROUP_OPENING_RE = re.compile(r"\s*(?:在)?(?:这些|上述|以上|所有|全部)?(?P<group>[\u4e00-\u9fff]{2,10})")
_GROUP_REACH = 16
_GROUP_NOT_A_SET_RE = re.compile(r"其|年|月|季|期|过程|工作|活动|检查|调查|实践|发展|建设|实施|推进|执行|管理|手术|治疗|服务")


def _parts_of_a_named_group(analysis: Analysis, read: set[int], siblings, dimensions) -> list[PartsTotal]:
    """全年新建桥梁34座。新建桥梁中,跨河桥梁21座,跨沟桥梁16座: parts listed in a clause that
    opens on the group the total just before counted (its head noun, 桥梁, is the total's). The
    list may be partial, so it is never the whole: only parts exceeding the total are reported."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    starts = [f.start for f in figures]
    ends = [f.end for f in figures]
    found = []
    for close in _GROUP_CLOSE_RE.finditer(norm):
        clause_start, clause_end = text.clause_span(close.start())
        if close.start() - clause_start > _GROUP_REACH or not clause_start:
            continue
        opening = _GROUP_OPENING_RE.fullmatch(norm, clause_start, close.start())
        if opening is None or _GROUP_NOT_A_SET_RE.search(opening.group("group")):
            continue
        mark = clause_start - 1  # the 。 or , the total's statement ends with
        nearest = _figure_ending_before(figures, ends, norm, mark)
        if nearest is None or not _heads_alike(opening.group("group"), _own_label_of(text, figures, nearest)):
            # 人身险保费232.2亿元;⏎人身险中,… / 改造小区46个,涉及居民6 184户。⏎改造的小区中,…: the
            # figure the group names, a few figures back in the statement just before
            nearest = _named_figure_before(text, figures, ends, mark, opening.group("group"))
        if nearest is None or nearest.index in read or not nearest.exact or nearest.kind not in QUANTITY_KINDS:
            continue
        whole_label = _whole_label_of(text, nearest)
        if not _heads_alike(opening.group("group"), whole_label) or _CHANGE_WORDS_RE.search(whole_label) \
                or _SPAN_OF_YEARS_RE.search(whole_label) or _PER_UNIT_RE.search(whole_label):
            continue
        _, sentence_end = text.sentence_span(close.end())
        parts, labels = _parts_after(figures, starts, norm, close.end(), sentence_end, nearest)
        parts, labels = _within_the_whole(parts, labels, nearest)
        if len(parts) < 2 or _siblings_listed(whole_label, labels, siblings) or _across_dimensions(labels, dimensions):
            continue
        found.append(PartsTotal(nearest, tuple(parts), tuple(labels), False, "", True,
                                text.original[opening.start("group") : close.start()] + "中"))
    return found


# 全县68437户危房户中, / 在全县1.2万名党员中,: a clause that counts a group and opens on its kinds
_COUNTED_GROUP_RE = re.compile(r"\s*(?:在)?[\u4e00-\u9fff]{0,6}?$")
_COUNTED_GROUP_NOUN_RE = re.compile(r"[\u4e00-\u9fff]{1,8}")


def _parts_of_a_counted_group(analysis: Analysis, read: set[int], complement, groups, siblings, dimensions) -> list[PartsTotal]:
    """全县68437户危房户中,五保户11户,低保户28918户,困难户26931户,一般户7848户: the group counted in the
    clause that opens on it, its kinds listed after. The whole when the list is closed by its rest (其他…,
    一般户 of 五保户、低保户…) or is a known split, a warning; otherwise only parts above it are reported."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    starts = [f.start for f in figures]
    ends = [f.end for f in figures]
    found = []
    for close in _GROUP_CLOSE_RE.finditer(norm):
        clause_start, _ = text.clause_span(close.start())
        if close.start() - clause_start > 30:
            continue
        index = bisect_right(ends, close.start()) - 1
        if index < 0 or figures[index].start < clause_start:
            continue
        total = figures[index]
        if index and figures[index - 1].start >= clause_start:
            continue  # one figure in the head clause, the group's count
        if (total.index in read or not total.exact or total.kind not in QUANTITY_KINDS
                or not _COUNTED_GROUP_RE.fullmatch(norm, clause_start, total.number_start)
                or not _COUNTED_GROUP_NOUN_RE.fullmatch(norm, total.end, close.start())):
            continue
        whole_label = norm[clause_start : total.number_start] + norm[total.end : close.start()]
        if _GROUP_NOT_A_SET_RE.search(norm[total.end : close.start()]) or _CHANGE_WORDS_RE.search(whole_label):
            continue
        _, sentence_end = text.sentence_span(close.end())
        parts, labels = _parts_after(figures, starts, norm, close.end(), sentence_end, total)
        parts, labels = _within_the_whole(parts, labels, total)
        core_labels = _without_the_whole_noun(labels, whole_label)  # 农民党员、在职党员 of 党员
        if len(parts) < 2 or _siblings_listed(whole_label, labels, siblings) or _across_dimensions(core_labels, dimensions):
            continue
        reason = _completeness(labels, complement, groups) or ("complement" if _closed_by_ordinary(labels) else "")
        found.append(PartsTotal(total, tuple(parts), tuple(labels), bool(reason), reason, True,
                                text.original[total.end : close.start()] + "中"))
    return found


def _closed_by_ordinary(labels: list[str]) -> bool:
    """五保户、低保户、困难户、一般户: kinds of one noun closed by its ordinary kind (一般户), the rest of it."""
    names = [label.strip() for label in labels]
    last = names[-1]
    if len(names) < 3 or not last.startswith("一般") or len(last) < 3:
        return False
    noun = last[2:]
    return all(name.endswith(noun) and name != noun and not name.startswith("一般") for name in names[:-1])


def _whole_label_of(text: Text, figure: Figure) -> str:
    return text.norm[text.clause_span(figure.start)[0] : figure.number_start]


def _own_label_of(text: Text, figures, figure: Figure) -> str:
    """The words before a figure in its clause after the figure before it (其中人工造林3.1万亩、
    封山育林2.1万亩: 封山育林 for the second)."""
    start = text.clause_span(figure.start)[0]
    if figure.index and figures[figure.index - 1].end > start:
        start = figures[figure.index - 1].end
    return text.norm[start : figure.number_start]


_NAMED_BACK_FIGURES = 4  # figures back from a group's clause its total may stand


def _named_figure_before(text: Text, figures, ends: list[int], mark: int, group: str) -> Figure | None:
    """The nearest of the last few figures of the statement ending at mark (its 。 or ;, over
    blanks and a line break) whose own clause names the group's head noun."""
    norm = text.norm
    while mark > 0 and norm[mark].isspace():
        mark -= 1
    if mark < 0 or norm[mark] not in "。;,":
        return None
    floor = text.previous_sentence_start(text.sentence_span(mark)[0]) if norm[mark] == "。" else text.sentence_span(mark)[0]
    index = bisect_right(ends, mark) - 1
    for figure in figures[max(0, index - _NAMED_BACK_FIGURES + 1) : index + 1][::-1]:
        if figure.start < floor:
            break
        label = _own_label_of(text, figures, figure)
        if _CHANGE_WORDS_RE.search(label):
            return None  # 新建桥梁28座,比上年增加5座。新建桥梁中,…: which of them the group is, unclear
        if _heads_alike(group, label):
            return figure
    return None


_PLAN_FIRST_YEAR = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
# the span of years a total is over: 2021—2024年, 2021年以来, “十四五”以来/期间, 近三年, 五年来
_YEARS_SPAN_RE = re.compile(
    r"(?P<from>(?:19|20)\d{2})\s*年?\s*(?:[-—–~]|至|到)\s*(?P<to>(?:19|20)\d{2})\s*年"
    r"|(?P<since>(?:19|20)\d{2})\s*年(?:以来|来)"
    r"|[“\"「]?(?P<plan>十[一二三四五]五)[”\"」]?\s*(?:(?:时期)?(?P<plan_since>以来)|期间|时期|时)"
    r"|(?:近|过去|这)?(?P<count>[二三四五六七八九十两]|\d{1,2})\s*年(?:来|间|中|里|内|累计|共|合计)"
)
_YEAR_PART_RE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?[^\d]*")
_AMONG_ONLY_RE = re.compile(r"其中\s*[,:]?")


def _years_of_a_span(analysis: Analysis, read: set[int]) -> list[PartsTotal]:
    """“十四五”以来累计…18.4万亩,其中2021年…、2022年…、2023年…、2024年…: a total over a span of
    years split by its years. Years that make the whole span (the report year, from the title,
    ends a span 以来) are the whole; years within it only a part (五年累计…,其中两年 named)."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    starts = [f.start for f in figures]
    ends = [f.end for f in figures]
    report_year = _title_year(norm)
    found = []
    for match in _AMONG_ONLY_RE.finditer(norm):
        total = _figure_ending_before(figures, ends, norm, match.start())
        if total is None or total.index in read or not total.exact or total.kind not in QUANTITY_KINDS:
            continue
        clause_start, _ = text.clause_span(total.start)
        sentence_start, sentence_end = text.sentence_span(total.start)
        words = norm[max(sentence_start, total.number_start - 40) : total.number_start]
        spans = list(_YEARS_SPAN_RE.finditer(words))
        if len(spans) != 1 or _CHANGE_WORDS_RE.search(norm, clause_start, total.number_start) \
                or _PER_UNIT_RE.search(norm, clause_start, total.number_start):
            continue
        parts, labels = _parts_after(figures, starts, norm, match.end(), sentence_end, total)
        years = [_YEAR_PART_RE.fullmatch(label) for label in labels]
        if len(parts) < 2 or not all(years):
            continue
        listed = [int(year.group("year")) for year in years]
        if len(set(listed)) != len(listed):
            continue
        span = _span_years(spans[0], report_year) or _years_counted(spans[0], listed)
        if span is None or not set(listed) <= span[0]:
            continue
        whole = set(listed) == span[0] and span[1]
        found.append(PartsTotal(total, tuple(parts), tuple(labels), whole, "years" if whole else ""))
    return found


def _span_years(span: re.Match, report_year: int | None) -> tuple[set[int], bool] | None:
    """The years a span covers, and whether they are known for sure (近三年 is three years, but which?)."""
    if span.group("from"):
        first, last = int(span.group("from")), int(span.group("to"))
        return (set(range(first, last + 1)), True) if first < last else None
    if span.group("since") or span.group("plan_since"):
        first = int(span.group("since")) if span.group("since") else _PLAN_FIRST_YEAR[span.group("plan")]
        if report_year is None or report_year < first:
            return None
        return set(range(first, report_year + 1)), True
    if span.group("plan"):
        first = _PLAN_FIRST_YEAR[span.group("plan")]
        return set(range(first, first + 5)), True
    return None  # 近三年, 五年来: which years is not said


def _years_counted(span: re.Match, listed: list[int]) -> tuple[set[int], bool] | None:
    """近三年, 五年来: as many years as counted, which ones unsaid; years named that fit in so
    many years are within it, and all of them when as many as counted are named."""
    if not span.group("count"):
        return None
    count = int(span.group("count")) if span.group("count").isdigit() else _CN_DIGITS.get(span.group("count"))
    if not count or max(listed) - min(listed) >= count:
        return None
    return set(listed), len(listed) == count


_CN_DIGITS = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


_TITLE_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?[^\n]{0,30}(?:总结|汇报|报告)")
_TITLE_NOT_A_SUMMARY_RE = re.compile(r"计划|规划|要点|安排|方案|预算")


def _title_year(norm: str) -> int | None:
    """The year a report's title names (2024年工作总结): the last year of a span 以来."""
    start = _skip_blanks(norm, 0, min(len(norm), 400))
    end = norm.find("\n", start, start + 80)
    title = norm[start : end if end >= 0 else start + 80]
    if any(mark in title for mark in "。,;") or _TITLE_NOT_A_SUMMARY_RE.search(title):
        return None
    match = _TITLE_YEAR_RE.search(title)
    return int(match.group(1)) if match else None


def _heads_alike(group: str, whole_label: str) -> bool:
    """新建桥梁 and 全年新建农村公路桥梁 (the group's head noun in the whole's words), 新建站点 and
    全年新建污水处理站 (a 站点, 网点 of the 站 the whole counts)."""
    label = whole_label.rstrip(" 为是达有共计")
    return group[-2:] in label or bool(label) and group[-2] == label[-1] and group[-1] in "点类型"


def _mark_before(norm: str, position: int, reach: int = 8) -> int:
    """Where the 。 or ; just before position stands, over blanks (…3311人。⏎其中 / …61.25亿元;其中); -1 when none."""
    index = position - 1
    while index >= max(0, position - reach) and norm[index].isspace():
        index -= 1
    return index if index >= 0 and norm[index] in "。;" else -1


def _period_sums(analysis: Analysis, claimed: set[int]) -> list[PartsTotal]:
    """一季度…,二季度…,三季度…,前三季度累计… (auditor.period_sums)."""
    from auditor.period_sums import find_period_sums

    return [PartsTotal(total, parts, tuple(p.subject for p in parts), True, "period_sum", inferred)
            for total, parts, inferred in find_period_sums(analysis) if total.index not in claimed]


def _with_breakdowns(analysis: Analysis, found: list[PartsTotal]) -> list[PartsTotal]:
    """分别为 lists and labelled lists (auditor.breakdown) first: a total they read
    as split by its labels is not also read as a 其中 list of unknown parts."""
    from auditor.breakdown import find_breakdowns
    from auditor.declared_splits import find_declared_splits

    breakdowns = [PartsTotal(b.total, b.parts, b.labels, b.complete, b.reason, b.inferred) for b in find_breakdowns(analysis)]
    claimed = {b.total.index for b in breakdowns} | {p.total.index for p in found}
    # 按学段分:…: a declared split, for a total no other reader has read a list of
    breakdowns += [PartsTotal(b.total, b.parts, b.labels, b.complete, b.reason, b.inferred)
                   for b in find_declared_splits(analysis) if b.total.index not in claimed]
    if not breakdowns:
        return found
    # 全县3860名党员中,农民党员1820名,…: the group's count is the whole, its first kind no total of the rest
    counted_parts = {part.index for p in found if p.opening.endswith("中") and p.opening not in ("其中", "当中") for part in p.parts}
    breakdowns = [b for b in breakdowns if b.total.index not in counted_parts]
    claimed = {b.total.index for b in breakdowns}
    return breakdowns + [p for p in found if p.total.index not in claimed]


_WHOLE_LABEL_RE = re.compile(r"^(?:[^\u4e00-\u9fff]*)(?:上半年|下半年|全年|今年|本年|当年)?(?:全|总|合计|共|累计)")
_ITEM_GAP_RE = re.compile(r"^[^\d,,。;;:、]*[,,;;、][^\d,,。;;:、]*$")


def _same_kind_before(text, figures, first: Figure, index: int) -> Figure | None:
    """The nearest figure of first's unit before it, in its sentence or the one before."""
    sentence_start, _ = text.sentence_span(first.start)
    previous_start = text.previous_sentence_start(sentence_start) if sentence_start else 0
    while index >= 0 and figures[index].start >= previous_start:
        figure = figures[index]
        if figure.base_unit == first.base_unit and figure.kind == first.kind:
            return figure
        index -= 1
    return None


def _kinds_closed_by_other(analysis: Analysis, complement: tuple[str, ...]) -> list[PartsTotal]:
    """财政收入112.48万元。国税收入28.08万元、地税收入37.4万元、其它收入45.1万元: kinds
    of one thing (…收入) closed by 其它收入 take in all of it, so they add up to the
    last value of that thing just before them (a warning: no 其中 says so)."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if not any(word in norm for word in complement):
        return []
    other_re = re.compile(rf"^(?:{'|'.join(map(re.escape, complement))})(?P<noun>[\u4e00-\u9fff]{{1,4}})$")
    found = []
    for last in figures:
        if last.kind not in QUANTITY_KINDS or not last.exact or not last.unit:
            continue
        clause_start, _ = text.clause_span(last.start)
        item_start = max(clause_start, norm.rfind("、", 0, last.number_start) + 1)
        other = other_re.match(strip_fillers(norm[item_start : last.number_start].strip()))
        if other is None:
            continue
        noun = other.group("noun")
        parts, labels = [last], [other.group(0)]
        index = last.index - 1
        while index >= 0 and len(parts) < _MAX_PARTS_SCAN:
            figure = figures[index]
            if figure.base_unit != last.base_unit or figure.kind != last.kind or not figure.exact:
                break
            if not _ITEM_GAP_RE.match(norm[figure.end : parts[0].number_start]):
                break
            label = strip_fillers(norm[max(text.clause_span(figure.start)[0], norm.rfind("、", 0, figure.number_start) + 1) : figure.number_start].strip())
            if (not label.endswith(noun) or label == noun or "其中" in label or _WHOLE_LABEL_RE.match(label)
                    or other_re.match(label)):  # one 其他 closes a list: another one ends the walk
                break  # 全年财政收入112.48万元,国税收入…: the whole, not one more kind
            parts.insert(0, figure)
            labels.insert(0, label)
            index -= 1
        if len(parts) < 3:
            continue
        total = _same_kind_before(text, figures, parts[0], index)
        if total is None:
            continue
        between = norm[min(total.end, text.sentence_span(parts[0].start)[0]) : parts[0].number_start]
        total_label = strip_fillers(norm[text.clause_span(total.start)[0] : total.number_start].strip())
        if (total.base_unit != last.base_unit or total.kind != last.kind or not total.exact or "其中" in between
                or not total_label.endswith(noun) or len(between) > 60 or _CHANGE_WORDS_RE.search(total_label)
                or _COMPARED_BASE_RE.search(total_label) or _PER_UNIT_RE.search(total_label)):
            continue
        listed, whole = sum(Fraction(p.value) for p in parts), Fraction(total.value)
        if any(p.value > total.value for p in parts) or not whole / 2 <= listed <= whole * 3 / 2:
            continue  # kinds of something else than the value before them
        found.append(PartsTotal(total, tuple(parts), tuple(labels), True, "complement", inferred=True))
    return found


def _siblings_listed(whole_label: str, labels: list[str], siblings: list[tuple[str, ...]]) -> bool:
    """耕地面积3824亩,其中荒山1300亩,林地2815亩: the whole names one kind of a
    group of kinds that lie beside one another, a part another kind of it."""
    for group in siblings:
        whole_kinds = {kind for kind in group if kind in whole_label}
        if len(whole_kinds) == 1 and any(kind in label for label in labels for kind in group if kind not in whole_kinds):
            return True
    return False


_WHOLE_COUNT_RE = re.compile(r"共|总|合计|全部|现有")
_ITEM_SPLIT_RE = re.compile(r"[、,;]")


_COUNTED_CLOSE_RE = re.compile(r"\s*\)?\s*等\s*(?P<n>[两二三四五六七八九十]|\d{1,2})\s*(?:个)?(?:类|项|种|部分|方面|个)")


def _counted_close(norm: str, end: int, stop: int, count: int) -> bool:
    """…、B…等两类: 等 and a count of the items listed right after the last (all of them, not examples)."""
    match = _COUNTED_CLOSE_RE.match(norm, end, stop)
    return match is not None and _stated_count(match.group("n")) == count


def _enumerated(text, total: Figure, parts: list[Figure], start: int, stop: int) -> bool:
    """共有学校42所(小学29所、初中9所、高中3所、职校1所) / 共有学校42所,包括…:
    three or more kinds listed in a bracket or after 包括 under a counted
    whole, with no 等 after them, read as the whole (a warning: the writer
    may have listed only some)."""
    norm = text.norm
    if len(parts) < 3 or "等" in norm[parts[-1].end : stop + 1]:
        return False
    items = [item for item in _ITEM_SPLIT_RE.split(norm[start:stop]) if item.strip()]
    if len(items) != len(parts):
        return False  # an item whose figure was not read (职业学校一所): its value is unknown
    clause_start, _ = text.clause_span(total.start)
    return bool(_WHOLE_COUNT_RE.search(norm, clause_start, total.number_start))


def _with_ones(norm: str, start: int, stop: int, total: Figure, parts: list[Figure], labels: list[str]):
    """职业学校一所: a lone 一 before the unit is not read as a figure (一所学校
    is an article); in a listed item ending so, it is the count 1."""
    if stop - start > 400:
        return parts, labels
    ones = []
    position = start
    for item in _ITEM_SPLIT_RE.split(norm[start:stop]):
        end = position + len(item)
        stripped = item.rstrip(" )")
        if stripped.endswith("一" + total.unit) and not any(position <= p.start < end for p in parts):
            one_end = position + len(stripped)
            one_start = one_end - len(total.unit) - 1
            ones.append(replace(parts[0], index=-1, start=one_start, end=one_end, number_start=one_start, number_end=one_start + 1,
                                value=Decimal(1), written=Decimal(1), unit=total.unit, decimals=0, multiplier=1,
                                chinese=True, derived=False, subject=stripped[:-len(total.unit) - 1]))
        position = end + 1
    if not ones:
        return parts, labels
    merged = sorted([*zip(parts, labels), *((one, one.subject) for one in ones)], key=lambda pair: pair[0].start)
    return [f for f, _ in merged], [label for _, label in merged]


def _paired(lists: list[PartsTotal]) -> list[PartsTotal]:
    """共救助1208户3311人,其中城市412户1105人,农村796户2206人: when the parts
    of one unit add up to their total exactly, the same items split the other
    unit's total too, so that list is the whole as well."""
    if len(lists) < 2:
        return lists
    closed = [p for p in lists if _adds_up(p)]
    if not closed:
        return lists
    counts = {len(p.parts) for p in closed}
    return [
        replace(p, complete=True, reason="paired") if not p.complete and len(p.parts) in counts and p not in closed else p
        for p in lists
    ]


def _whole_of_them_elsewhere(figures, total: Figure, parts: list[Figure], sentence_start: int, among: int) -> bool:
    """完成1318万元,占全年任务2355万元的60%,其中国税161万元,地税778万元,其他380万元:
    parts that do not add up to the figure nearest 其中 but do add up to another
    figure of its unit before it in the sentence split that one."""
    if _sums_to(parts, total):
        return False
    for figure in figures[max(0, total.index - 8) : total.index + 8]:
        if (figure is not total and sentence_start <= figure.start < among and figure.exact
                and figure.base_unit == total.base_unit and figure.kind == total.kind
                and _sums_to(parts, figure)):
            return True
    return False


def _up_to_a_closing_semicolon(norm: str, parts: list[Figure], labels: list[str], total: Figure):
    """门急诊量62.4万人次,其中门诊54.1万人次、急诊8.3万人次;出院患者2.86万人次: the parts
    that add up to the whole before a ; (or a , : 其中新版642种、重印644种,主题出版物入选…6种)
    are the list; what follows is a new statement."""
    for k in range(2, len(parts)):
        gap = norm[parts[k - 1].end : parts[k].number_start]
        if (";" in gap or "," in gap) and _sums_to(parts[:k], total):
            return parts[:k], labels[:k]
    return parts, labels


def _adds_up(parts: PartsTotal) -> bool:
    return _sums_to(parts.parts, parts.total)


def _sums_to(parts, whole: Figure) -> bool:
    """The parts add up to the whole within the rounding of every figure written."""
    listed = sum((Fraction(p.value) for p in parts), Fraction(0))
    slack = sum((half_unit(f.decimals, f.multiplier) for f in (*parts, whole)), Fraction(0))
    return abs(listed - Fraction(whole.value)) <= slack


_BRACKETED_RE = re.compile(r"\([^()]*\)")
_PLACE_SPLITS = (("省内", "省外"), ("县内", "县外"), ("市内", "市外"), ("区内", "区外"), ("境内", "境外"), ("国内", "国外"))
_PLACE_LABEL_RE = re.compile(r"^(?:在|到|赴|去|于|往|前往)?(?P<place>[省县市区境国][内外])(?P<rest>[\u4e00-\u9fff]{1,6})$")


def _split_by_place(analysis: Analysis) -> list[PartsTotal]:
    """常年外出务工人数27人,在省内务工8人,到省外务工8人: a count split, without
    其中, into inside and outside of one place, each part named with what the
    whole counts (务工). The two parts are the whole; inferred, so a warning."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "内" not in norm or "外" not in norm:
        return []
    found = []
    for total in figures:
        if total.kind != "count" or not total.exact:
            continue
        sentence_end = text.sentence_span(total.start)[1]
        # the next two quantities, over a share in brackets after each (…203人(占劳动力的8.9%),在省内…)
        following = [f for f in figures[total.index + 1 : total.index + 5]
                     if f.start < sentence_end and f.kind not in ("percent", "permille")][:2]
        if len(following) < 2 or not all(_same_unit(f, total) and f.exact for f in following):
            continue
        first, second = following
        labels = []
        for part, before in ((first, total), (second, first)):
            gap = _BRACKETED_RE.sub("", norm[before.end : part.number_start])
            label = gap.strip(" ,、:;()的为有")
            labels.append(label if re.fullmatch(r"\s*[,,、;]\s*[^\d,,。;()]*", gap) else "")
        matches = [_PLACE_LABEL_RE.match(label) for label in labels]
        if not all(matches) or matches[0].group("rest") != matches[1].group("rest"):
            continue
        places = (matches[0].group("place"), matches[1].group("place"))
        if places not in _PLACE_SPLITS:
            continue
        total_clause = norm[text.clause_span(total.start)[0] : total.number_start]
        if matches[0].group("rest") not in total_clause or "其中" in total_clause[-4:]:
            continue
        found.append(PartsTotal(total, (first, second), tuple(labels), True, "partition", inferred=True))
    return found


def _subset_larger(figures, starts: list[int], norm: str, start: int, stop: int, total: Figure) -> tuple[Figure, str] | None:
    """有乡村人口54人,其中农业人口54人,劳动力55人: overlapping kinds of the
    whole (so no breakdown), one of them larger than the whole it is said to
    be in. Only counts of people or households, up to twice the whole (more
    is another item), before a second 其中 or a new statement.
    Any other quantity only as the figure 其中 opens, in its clause (总投资2821万元,
    其中2023年完成投资3300万元): larger than its whole by any amount."""
    if total.kind in QUANTITY_KINDS and total.exact and total.base_unit not in ("人", "户", "名"):
        return _first_part_larger(figures, starts, norm, start, stop, total)
    if total.kind != "count" or total.base_unit not in ("人", "户", "名") or not total.exact:
        return None
    cursor = start
    first = bisect_left(starts, start)
    for figure in figures[first : first + _MAX_PARTS_SCAN]:
        if figure.end > stop:
            return None
        gap = norm[cursor : figure.number_start]
        cursor = figure.end
        if "其中" in gap or _NEW_STATEMENT_RE.match(gap.strip(" ,、:;")) or _CHANGE_WORDS_RE.search(gap) or _TO_WORD_RE.search(gap):
            return None
        if figure.base_unit != total.base_unit or figure.kind != total.kind:
            continue
        if _OTHER_PERIOD_LABEL_RE.search(gap) or _outcome_of_the_whole(gap.strip(" ,、:;()的为"), ["-"]):
            return None  # …,去年新增就业1310人 / …,办结1360件: another period's figure or what became of the whole
        if not figure.exact or _PER_SOMETHING_RE.match(norm, figure.end):
            return None
        if total.value < figure.value <= 2 * total.value:
            return figure, gap.strip(" ,、:;()的为")
    return None


_NOT_A_WHOLE_RE = re.compile(r"人均|户均|亩均|每|平均|\(|不含|上年|去年|同期|旧存|结转|余额")


def _first_part_larger(figures, starts: list[int], norm: str, start: int, stop: int, total: Figure) -> tuple[Figure, str] | None:
    """人均地区生产总值74331元。其中,第一产业增加值…万元 / …件(不含上年旧存28 802件),其中: a value
    per head, in a bracket or another period's is no whole of what follows."""
    clause_start = max(norm.rfind(mark, 0, total.start) for mark in (",", "。", ";", ":", "\n")) + 1
    if _NOT_A_WHOLE_RE.search(norm, clause_start, total.number_start) or ")" in norm[total.end : start]:
        return None
    first = bisect_left(starts, start)
    if first >= len(figures) or figures[first].end > stop:
        return None
    figure = figures[first]
    gap = norm[start : figure.number_start]
    if (figure.base_unit != total.base_unit or figure.kind != total.kind or not figure.exact or figure.derived
            or re.search(r"[,;:。()]|累计|历年|合计|总|共|全", gap) or _NEW_STATEMENT_RE.match(gap.strip(" ,、:;"))
            or _CHANGE_WORDS_RE.search(gap) or _TO_WORD_RE.search(gap) or _PER_UNIT_RE.search(gap)
            or _PER_UNIT_VALUE_RE.search(gap) or _PER_SOMETHING_RE.match(norm, figure.end)
            or _TO_WORD_RE.match(norm, figure.end) or _CHANGE_WORDS_RE.match(norm, figure.end)):
        return None
    if figure.value > total.value > 0:
        return figure, gap.strip(" ,、:;()的为")
    return None


_ITEM_LABEL_RE = re.compile(r"\s*[\u4e00-\u9fff](?:[\u4e00-\u9fff]|、(?=[\u4e00-\u9fff])){0,15}(?:\([\u4e00-\u9fff、]{1,10}\)[\u4e00-\u9fff]{0,6})?\s*")  # 分布式光伏(工商业屋顶)
_NOT_AN_ITEM_RE = re.compile(r"其中|共|总|合计|全|累计|现有|另|上年|去年|同期|上期")  # a new whole, not one more item


def _items_after_semicolons(text, figures, starts: list[int], stop: int, total: Figure, opener: str = ";",
                            over_lines: bool = False) -> int:
    """其中,刑事案件87起;治安案件198起;其他案件31起: a list whose items are
    sentences of their own, each a name and its figures (one of the total's unit:
    交通事故11起,死亡11人 is an item of both 37起 and 30人), goes on past the ;
    (at most 12 items)."""
    norm = text.norm
    for item in range(_MAX_LIST_ITEMS):
        if stop >= len(norm) or norm[stop] != (opener if item == 0 else ";"):
            break
        # 其中:⏎ one a line, or 其中:A…;⏎B…;⏎C… after a colon: items that go on past a line break
        following = _skip_blanks(norm, stop + 1, min(len(norm), stop + 8)) if opener == "\n" or over_lines else stop + 1
        item_start, item_end = text.sentence_span(following)
        index = bisect_left(starts, item_start)
        if index >= len(figures) or figures[index].end > item_end or figures[index].kind not in QUANTITY_KINDS:
            break
        first = figures[index]
        if (not _ITEM_LABEL_RE.fullmatch(norm, item_start, first.number_start)
                or _NOT_AN_ITEM_RE.search(norm, item_start, first.number_start)
                or not _item_plain(figures, norm, index, item_end, total)):
            break
        stop = item_end
    return stop


_BARE_SHARE_RE = re.compile(r"\s*[,,]\s*(?:占|约占|占比|占比为)\s*")


def _item_plain(figures, norm: str, index: int, item_end: int, total: Figure) -> bool:
    """An item sentence holds one value of the total's unit, quantities of other units
    beside it, and no change words or rates, within 40 characters."""
    position = figures[index].end
    if item_end - position > 40 or _CHANGE_WORDS_RE.search(norm, position, item_end):
        return False
    alike = 0
    while index < len(figures) and figures[index].start < item_end:
        if figures[index].kind == "percent" and index and _BARE_SHARE_RE.fullmatch(norm, figures[index - 1].end, figures[index].number_start):
            index += 1
            continue  # 农村人口33.84万人,占64.6%: the item's own share of the whole
        if figures[index].kind not in QUANTITY_KINDS:
            return False  # 支出…元,占预算数的96.99%: a rate of something else, not a plain item
        if figures[index].base_unit == total.base_unit and figures[index].kind == total.kind:
            alike += 1
        index += 1
    return alike == 1


_SUM_LABEL_RE = re.compile(r"(?:合计|总计|共计|小计|共)(?:为|达|达到)?$")


def _closed_by_sum(parts: list[Figure], labels: list[str]) -> tuple[list[Figure], list[str], bool]:
    """甲5.6亿元,乙4.3亿元,丙2.8亿元,合计12.7亿元: the figure after 合计 sums the
    parts, it is none of them; when it is their sum, the parts are all of the whole
    (a 合计 that is not their sum is _parts_before_total_word's finding)."""
    if len(parts) < 3 or not _SUM_LABEL_RE.search(labels[-1]):
        return parts, labels, False
    summed_label = labels[-1]
    if _REST_LABEL_RE.search(summed_label):
        return parts, labels, False  # 其余税种合计52.94亿元: the rest, one more part, not a sum of the parts
    summed, parts, labels = parts[-1], parts[:-1], labels[:-1]
    if _ITEMS_SUMMED_RE.search(summed_label):
        return parts, labels, False  # 两项合计 / 以上合计: the sum of the items named, not the whole's
    return parts, labels, _sums_to(parts, summed)


_REST_LABEL_RE = re.compile(r"其余|其他|其它|剩余|余下")
_ITEMS_SUMMED_RE = re.compile(r"[两二三四五六七八九十\d]+(?:项|个|类|笔|部分)|以上|上述|这些|前述|前[两二三四五六七八九十]")


_NESTED_RUN_MAX = 8
_NESTED_REACH = 40


def _without_nested_parts(norm: str, figures: list[Figure], starts: list[int], parts: list[Figure], labels: list[str]) -> tuple[list[Figure], list[str]]:
    """其中政策性收购371万吨,水稻230万吨,玉米141万吨;商品粮114万吨,水稻79万吨,玉米34万吨,大豆0.9万吨:
    groups parted by semicolons, each a part followed by its own breakdown. When every group of two
    or more figures opens with one that the rest of its group add up to (within every figure's
    rounding), only each group's first figure is a part of the whole. Without semicolons the
    list is one level (甲30万吨,乙20万吨,丙10万吨 are three parts, even though 30 = 20 + 10)."""
    groups: list[list[int]] = [[0]]
    for position in range(1, len(parts)):
        if ";" in norm[parts[position - 1].end : parts[position].start]:
            groups.append([])
        groups[-1].append(position)
    semicolon = norm.find(";", parts[-1].end, parts[-1].end + _NESTED_REACH)
    stop = norm.find("。", parts[-1].end, parts[-1].end + _NESTED_REACH)
    continued = semicolon >= 0 and (stop < 0 or semicolon < stop)  # the list was cut at a ; and goes on
    if (len(groups) < 2 and not continued) or all(len(g) == 1 for g in groups):
        return parts, labels
    for group in groups:
        if len(group) == 1:
            continue
        head, run = parts[group[0]], [parts[i] for i in group[1:]]
        if len(run) < 2 or len(run) > _NESTED_RUN_MAX or any(p.base_unit != head.base_unit for p in run) \
                or not _sums_to(run, head):
            return parts, labels
    kept = [group[0] for group in groups]
    kept_parts, kept_labels = [parts[i] for i in kept], [labels[i] for i in kept]
    if continued:  # the next group's head after the ; (市场收购22万吨) is a part of the whole too
        following = bisect_left(starts, semicolon)
        if following < len(figures) and (stop < 0 or figures[following].start < stop) \
                and figures[following].base_unit == kept_parts[0].base_unit:
            kept_parts.append(figures[following])
            kept_labels.append(norm[semicolon + 1 : figures[following].number_start].strip(" ,"))
    return kept_parts, kept_labels


def _within_the_whole(parts: list[Figure], labels: list[str], total: Figure) -> tuple[list[Figure], list[str]]:
    """The list of parts ends before a figure more than twice the whole: no
    part is that much larger than what it is part of, so the sentence has
    moved on to another item (税收192万元,其中国税141万元,地税51万元,固定资产投入5000万元)."""
    for position, part in enumerate(parts):
        if part.value > 2 * total.value:
            return parts[:position], labels[:position]
    return parts, labels


_AMONG_WORD = "其中"


def _totals_before(text, figures, ends: list[int], among: int, sentence_start: int) -> list[Figure]:
    """The wholes a 其中 list can split: the figure just before 其中 and, in
    its sentence, the nearest figure of each other unit (共帮扶1208户3311人,
    其中… splits both). A figure that is a change (比上年增加1500亿元,其中…)
    gives way to the figure it changes."""
    norm = text.norm
    nearest = _figure_ending_before(figures, ends, norm, among)
    if nearest is None:
        nearest = _figure_ending_before(figures, ends, norm, _before_closed_bracket(norm, among))
    if nearest is None:
        return []
    totals: dict[tuple[str, str], Figure] = {}
    for index in range(nearest.index, max(-1, nearest.index - 8), -1):
        figure = figures[index]
        if figure.start < sentence_start:
            break
        if figure.kind not in QUANTITY_KINDS or not figure.exact or not figure.unit:
            continue
        clause_start, _ = text.clause_span(figure.start)
        if _CHANGE_WORDS_RE.search(norm, clause_start, figure.number_start):
            continue
        if _SPAN_OF_YEARS_RE.search(norm, clause_start, figure.number_start) and _PERIOD_PARTS_RE.match(norm, among):
            continue  # 五年累计…,其中2023年…: years of the span named, not all of them (its kinds do add up)
        if _COMPARED_BASE_RE.search(norm, clause_start, figure.number_start) or _BASE_NAMED_RE.search(norm, clause_start, figure.number_start):
            continue  # 共完成16641批次,比2020年的11183批次增加…,其中 / …,上年末为5.36万户;其中: the base compared with, not the whole
        if _PER_UNIT_RE.search(norm, clause_start, figure.number_start):
            continue  # 单产292公斤,其中小麦单产…: an average over kinds, which do not add up to it (人均筹资 of sources does)
        totals.setdefault((figure.base_unit, figure.kind), figure)
    if nearest.kind in QUANTITY_KINDS and (nearest.base_unit, nearest.kind) not in totals:
        return []  # the figure just before 其中 is a change or a span of years: its parts are not these
    return list(totals.values())


_SUM_WORDS_RE = re.compile(r"合计|总计|共计|小计|累计")


def _quantity_ends_at(figures, ends: list[int], norm: str, position: int) -> bool:
    """A quantity of the figures ends right at position (over blanks)."""
    while position > 0 and norm[position - 1] in " \t":
        position -= 1
    index = bisect_right(ends, position) - 1
    return index >= 0 and ends[index] == position and figures[index].kind in QUANTITY_KINDS and not figures[index].chinese


def _whole_of_a_rate_before(text, figures, ends: list[int], among: int, sentence_start: int, total: Figure) -> Figure | None:
    """抽检612批次,合格608批次,合格率99.3%,其中:…: when a rate stands right before 其中, the largest
    figure of the total's unit in the sentence before it (the whole the rate is of), if larger than the total."""
    rate = _figure_ending_before(figures, ends, text.norm, among)
    if rate is None or rate.kind != "percent":
        return None
    larger = None
    for figure in figures[max(0, total.index - 8) : total.index]:
        if (figure.start >= sentence_start and figure.base_unit == total.base_unit and figure.kind == total.kind
                and figure.exact and figure.value > (larger or total).value
                and not _CHANGE_WORDS_RE.search(text.norm, text.clause_span(figure.start)[0], figure.number_start)):
            larger = figure
    return larger


def _before_closed_bracket(norm: str, position: int) -> int:
    """1.86万亩(1 240公顷),其中 / 11.6万件(套),其中: where the bracket before position opens
    (a restatement or a unit's gloss after the whole), else position."""
    end = position
    while end > 0 and (norm[end - 1] == "," or norm[end - 1].isspace()) and position - end < 8:
        end -= 1
    if end == 0 or norm[end - 1] != ")":
        return position
    opening = norm.rfind("(", max(0, end - 24), end - 1)
    return opening if opening >= 0 and ")" not in norm[opening : end - 1] else position


def _figure_ending_before(figures: tuple[Figure, ...], ends: list[int], norm: str, position: int) -> Figure | None:
    index = bisect_right(ends, position) - 1
    if index < 0:
        return None
    figure = figures[index]
    # 2 184户家庭,其中 / 1208户困难家庭,其中: the noun the unit counts may stand between
    return figure if _BEFORE_AMONG_RE.fullmatch(norm, figure.end, position) else None


# …23起,均为一般事故和较大事故,其中: the kinds the whole is made of may be said between
_BEFORE_AMONG_RE = re.compile(r"[\u4e00-\u9fff]{0,10}(?:[,,]\s*(?:均为|全部为|全为|均是|都是|全部是|分为)[\u4e00-\u9fff、]{2,40})?[\s,(:]*")


_SUB_GROUP_RE = re.compile(r"[\u4e00-\u9fff]{2,8}中\s*[,:]")


_SHARE_OF_NAME_RE = re.compile(r"\s*[,(]?\s*占(?P<name>[^\d,。;:、]{2,12}?)的?(?:比重|比例|比)")
_PAID_LABEL_RE = re.compile(r"支付|报销|补偿|赔付|报付")
_GROUP_LABEL_RE = re.compile(r"(?P<qualifier>[\u4e00-\u9fff]{2})[\u4e00-\u9fff]{0,6}?中(?!心|学|药|医|国|央|部|期|小)")


def _subset_of_a_part(norm, figure: Figure, label: str, labels: list[str]) -> bool:
    """A figure inside a part before it: its own share names that part (…386个,占基层
    医疗机构比重… after 基层医疗机构1106个), or money paid on costs listed before it
    (其中政策范围内费用…,统筹基金支付…)."""
    share = _SHARE_OF_NAME_RE.match(norm, figure.end)
    if share and any(share.group("name") in earlier for earlier in labels):
        return True
    group = _GROUP_LABEL_RE.match(label)  # 签约患者中规范服药的… after 已签约…: within that part
    if group and any(group.group("qualifier") in earlier for earlier in labels):
        return True
    return bool(_PAID_LABEL_RE.search(label)) and any("费用" in earlier and not _PAID_LABEL_RE.search(earlier) for earlier in labels)


def _parts_after(figures, starts: list[int], norm, start, stop, total) -> tuple[list[Figure], list[str]]:
    """The parts after 其中 in the total's unit. Figures of other units beside
    them (612户1705人, a growth rate after each part) are stepped over; a
    second 其中 ends the list; before/after values (补助由40元提高到80元) and
    a part restated as done (其中新开工6个,目前6个已开工) are no parts."""
    parts: list[Figure] = []
    labels: list[str] = []
    statement = 0  # where a new statement (有超市30个) began among the parts, if one did
    cursor = start
    inside_part = False  # in a bracket opened right after a part: 在职1167万人(企业1150万人,机关17万人)
    first = bisect_left(starts, start)
    for figure in figures[first : first + _MAX_PARTS_SCAN]:
        if figure.end > stop:
            break
        gap = norm[cursor : figure.number_start]
        if parts and not inside_part and gap.lstrip().startswith("(") and ")" not in gap:
            inside_part = True
        elif inside_part and ")" in gap:
            inside_part = False
            gap = gap[gap.rindex(")") + 1 :]
        if inside_part:
            cursor = figure.end
            continue  # the kinds of the part before, in its own bracket: not more parts
        if "其中" in gap or parts and _SUB_GROUP_RE.search(gap):
            break  # 其中粮作53.1万亩,经作19.3万亩,粮作中,玉米…: the kinds of a part, not more parts
        if figure.base_unit != total.base_unit or figure.kind != total.kind:
            if figure.kind == "percent" and parts and _rate_of_the_part(gap, labels[-1]):
                break  # 其中留本市工作39人,留本市工作比例为75%,留企业工作22人: what follows may lie within it
            if figure.kind in ("percent", "points", "permille") and parts:
                cursor = figure.end  # 城镇人口18.42万人,占35.2%;农村人口…: the next part's name starts after the share
                continue
            if figure.kind in QUANTITY_KINDS or figure.kind in ("percent", "points", "permille"):
                continue
            break
        label = gap.strip(" ,、:;()的为")
        cursor = figure.end
        if _RATE_GLOSS_RE.search(gap):
            continue  # 简单赔付率60.9%(财产险保费86.4亿元): the rate's own whole in its bracket, no part
        if parts and _PLAN_AFTER_PARTS_RE.search(label):
            break  # …其他标志448块,完成年度计划(3000块)的113.7%: the plan the whole is held against
        if parts and _PER_UNIT_VALUE_RE.search(label):
            break  # 其中…,人均耕地1.5亩左右: a value per head after the list, no part of it
        if _PER_SOMETHING_RE.match(norm, figure.end):
            continue  # 5.36批次/千人: a rate per head, not a part
        if _TO_WORD_RE.search(gap) or _TO_WORD_RE.search(norm, figure.end, min(figure.end + 4, stop)):
            return [], []
        if not figure.exact and figure.qualifier:
            return [], []
        if parts and _STATUS_RE.search(label):
            break  # a subset of the parts before, not one more part
        if parts and _OTHER_PERIOD_LABEL_RE.match(label):
            break  # 其中城镇新增就业1120人,去年新增就业1310人: another period's figure, no part of this one
        if parts and _subset_of_a_part(norm, figure, label, labels):
            break
        if parts and _PART_CHANGE_RE.search(label):
            continue  # 其中小麦7.2万吨,比去年增加0.8万吨: the change of the part before
        if parts and not statement and _NEW_STATEMENT_RE.match(label):
            statement = len(parts)
        if figure.value == total.value:
            return [], []  # 共132人,其中农业人口132人,劳动力79人: overlapping kinds, not a breakdown
        if parts and _SUBSET_LABEL_RE.search(gap):
            continue  # 公办园89所(含普惠园23所): inside the part before
        parts.append(figure)
        labels.append(label)
    if statement:
        # 其中规模以上5个,有超市30个: a new statement, not one more part; unless the
        # figures after it complete the whole (男性560人,女性540人,另有…20人 of 1120)
        running = sum(p.value for p in parts[:statement])
        for end in range(statement, len(parts)):
            running += parts[end].value
            if running == total.value:
                return parts[: end + 1], labels[: end + 1]
        return parts[:statement], labels[:statement]
    return parts, labels


_OTHER_PERIOD_LABEL_RE = re.compile(r"(?:去年|上年|前年|上一年|前一年|上年同期|去年同期|同期)")
_OUTCOME_HEAD_RE = re.compile(r"^(?:已|共|累计|全部|均|其中|目前|现)*")


# what is done with a counted whole (受理…件, 办结…件): a verb alone names an outcome, not a kind
_OUTCOME_VERBS = ("办结", "结案", "审结", "办复", "答复", "回复", "反馈", "化解", "解决", "处理", "处置", "整改", "销号",
                  "完成", "调处", "调解", "查处", "立案", "验收", "兑现", "落实", "受理", "办理", "核实", "销案", "结办")


@lru_cache(maxsize=1)
def _outcome_verbs_re() -> re.Pattern:
    return re.compile("(?:" + "|".join(sorted(_OUTCOME_VERBS, key=lambda verb: (-len(verb), verb))) + ")")


def _outcome_of_the_whole(label: str, labels: list[str]) -> bool:
    """A part named by a verb alone (办结, 已整改, 结案) after parts named by their kinds (质量问题…):
    what became of the whole, not one more kind of it."""
    bare = _OUTCOME_HEAD_RE.sub("", label.strip())
    if not bare or not _outcome_verbs_re().fullmatch(bare):
        return False
    return not any(_outcome_verbs_re().fullmatch(_OUTCOME_HEAD_RE.sub("", earlier.strip()) or "-") for earlier in labels)


def _rate_of_the_part(gap: str, label: str) -> bool:
    """The words before a rate name the part just listed as the rate's own (留本市工作比例), not as
    its share of the whole (占…): the list of kinds broke off there."""
    label = label.strip()
    return len(label) >= 2 and label in gap and "占" not in gap and "佔" not in gap


def _completeness(labels: list[str], complement: tuple[str, ...], groups) -> str:
    """Why the parts are the whole: a complement (其他…) or a known partition.
    Parts in brackets may be a few items singled out, so brackets alone say
    nothing (only an excess over the total is then reported)."""
    if any(label.startswith(complement) or any(w in label for w in complement) for label in labels):
        return "complement"
    for group in groups:
        sides = [max((member for member in group if label.endswith(member)), key=len, default="") for label in labels]
        # each label ends with a side, and two sides at least (农业专业、畜牧专业 are both 专业: one side)
        if "" not in sides and len(set(sides)) >= min(2, len(labels)):
            return "partition"
    return ""


_CLASS_MARK_RE = re.compile(r"\s*(?P<mark>[A-E]|[甲乙丙丁戊])\s*(?P<kind>类|级|等)")
_CLASS_ORDERS = ("ABCDE", "甲乙丙丁戊")


_GRADE_SCALES = (("优秀", "良好", "及格", "不及格"), ("优秀", "良好", "合格", "不合格"))


def _every_grade(labels: list[str]) -> str:
    """测试结果为优秀4.82万人、良好13.26万人、及格17.94万人、不及格2.36万人: every grade of one scale,
    each part one grade (by its last words), in order: all of the whole."""
    for scale in _GRADE_SCALES:
        if len(labels) == len(scale) and all(label.strip().endswith(grade) and not label.strip().endswith("不" + grade)
                                             for label, grade in zip(labels, scale)):
            return "grades"
    return ""


_GRADED_RE = re.compile(r"评定|评级|分级|评价|等级|定级|许可|认定|考核|测评|考评|分类管理")


def _lettered_classes(labels: list[str], whole_label: str) -> str:
    """外国人来华工作许可1286人,其中A类…312人、B类…846人、C类118人: a whole that was graded or classed
    (许可, 评定, 分级: each of it got a class), three classes or more lettered in order from the first
    (A, B, C / 甲, 乙, 丙) under one word (类, 级), each part one class: the classes of the whole.
    (接报警情46起,其中A类…、B类…、C类…:警情 are not graded one by one, a D类 may be left out.)"""
    if len(labels) < 3 or not _GRADED_RE.search(whole_label):
        return ""
    marks = [_CLASS_MARK_RE.match(label) for label in labels]
    if None in marks or len({m.group("kind") for m in marks}) != 1:
        return ""
    letters = "".join(m.group("mark") for m in marks)
    return "classes" if any(order.startswith(letters) for order in _CLASS_ORDERS) else ""


# 事故23起,均为一般事故和较大事故,其中一般事故21起、较大事故1起: the kinds the whole is said to be
_KINDS_SAID_RE = re.compile(r"[,,]\s*(?:均为|全部为|全为|均是|都是|全部是|分为)(?P<kinds>[\u4e00-\u9fff]{2,12}(?:(?:、|和|及|与)[\u4e00-\u9fff]{2,12}){1,5})\s*[,,]\s*$")
_KIND_JOIN_RE = re.compile(r"、|和|及|与")


def _kinds_said_before(norm: str, total: Figure, among: int, labels: list[str]) -> str:
    """The parts are the kinds the whole was just said to be made of, one each."""
    if among - total.end > 40:
        return ""
    said = _KINDS_SAID_RE.search(norm, total.end, among)
    if said is None:
        return ""
    kinds = _KIND_JOIN_RE.split(said.group("kinds"))
    names = [label.removeprefix("其中").strip(" ,、:;") for label in labels]
    if len(kinds) != len(names) or any(not any(name.endswith(kind) or kind.endswith(name) for kind in kinds) for name in names):
        return ""
    return "partition"


_NEGATED_RE = re.compile(r"^(?:非|未|不)")
_LABEL_JOIN_RE = re.compile(r"和|及|与|、")


def _spelled_out(labels: list[str], whole_label: str) -> str:
    """Two parts that are a thing and its negation (资助宿位 / 非资助宿位), or parts
    whose names spell out the whole's (投诉举报3215件,其中投诉…、举报…): the whole."""
    names = [strip_fillers(label.strip(" ,、:;()的为")).removeprefix("其中") for label in labels]
    if len(names) == 2:
        for name, other in (names, names[::-1]):
            if _NEGATED_RE.match(name) and name[1:] and (other == name[1:] or other.endswith(name[1:])):
                return "partition"
    joined = "".join(names)
    whole = _LABEL_JOIN_RE.sub("", strip_fillers(whole_label.strip()))
    # 民警和辅警两项合计4007人,其中民警…,辅警…: the names, then how many they are and the total word
    counted = _COUNTED_WHOLE_TAIL_RE.sub("", whole)
    if len(joined) >= 3 and all(len(n) >= 1 for n in names) and (whole.endswith(joined) or counted != whole and counted.endswith(joined)):
        return "partition"
    return ""


_COUNTED_WHOLE_TAIL_RE = re.compile(r"(?:[两二三四五六七八九十]|\d{1,2})(?:项|类|个|种|部分)(?:合计|总计|共计|共|合共)(?:为|达|达到|是|有)?$")


def _whole_made_of(labels: list[str], whole_label: str, partitions: list[tuple[str, tuple[str, ...]]]) -> str:
    """义务教育阶段学生…,其中小学…、初中…: a whole the rule pack knows is made of these parts."""
    for whole, members in partitions:
        if whole in whole_label and len(labels) == len(members) and all(
                any(member in label for label in labels) for member in members):
            return "partition"
    return ""


def _every_side(labels: list[str], groups) -> str:
    """Labels that are every side of a known split, each once (男、女 of 男党员、女党员)."""
    for group in groups:
        if len(labels) == len(group) and set(labels) == set(group):
            return "partition"
    return ""


def _without_the_whole_noun(labels: list[str], whole_label: str) -> list[str]:
    """The labels without the noun they all end with when the whole names it (党员568人,其中男党员…,女党员…):
    the sides the whole is split into (男, 女), not a second line of kinds (党员)."""
    if len(labels) < 2 or any(not label for label in labels):
        return labels
    shortest = min(len(label) for label in labels)
    size = 0
    while size < shortest - 1 and len({label[-size - 1 :] for label in labels}) == 1:
        size += 1
    noun = labels[0][-size:] if size else ""
    if not noun or not all("\u4e00" <= ch <= "\u9fff" for ch in noun) or noun not in whole_label:
        return labels
    return [label[:-size] for label in labels]


def _across_dimensions(labels: list[str], dimensions: list[tuple[str, ...]]) -> bool:
    """其中女性71人、少数民族38人、研究生64人: kinds along different lines overlap."""
    # the lines each label is drawn along; one label on two lines (党员干部培训) is one kind, not two:
    # only labels drawn along different lines cross (女性…、少数民族…; 女性…、女党员…)
    lines = {frozenset(index for index, group in enumerate(dimensions) if any(word in label for word in group)) for label in labels}
    return len(lines - {frozenset()}) >= 2 or any(_REOPENED_WHOLE_RE.search(label) for label in labels[1:])


# 其中按保护价收购1.26万吨,…,收购的稻谷中三等以上的占92.3%(5.39万吨): a later item that
# opens the whole again (…的稻谷中) splits it along another line
_REOPENED_WHOLE_RE = re.compile(r"(?:^|[,;\n])\s*(?:[\u4e00-\u9fff]{1,8}的)?[\u4e00-\u9fff]{1,6}中(?=[\u4e00-\u9fff]{0,12}?的?占|\s*,)")


def _parts_before_total_word(analysis: Analysis) -> list[PartsTotal]:
    """A、B、C 合计 X: the same-unit figures before the total word, in its sentence."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    starts = [f.start for f in figures]
    found = []
    previous_total: Figure | None = None
    parts_from: dict[int, int] = {}  # a total after a total word → where its parts begin
    for total in figures:
        if total.kind not in QUANTITY_KINDS or not total.exact:
            continue
        beside = _beside_total(norm, figures, total, parts_from)
        if beside is not None:
            first = parts_from[beside.index]  # 合计380户1 403人: the people totalled beside the households
        else:
            sentence_start, _ = text.sentence_span(total.start)
            named = None
            if not ends_with(_TOTAL_WORD_RE, norm, sentence_start, total.number_start):
                named = ends_with(_NAMED_TOTAL_WORD_RE, norm, sentence_start, total.number_start)
                if named is None:
                    continue
            if _REST_LABEL_RE.search(norm, text.clause_span(total.start)[0], total.number_start):
                continue  # …,其余税种合计52.94亿元: the rest totalled, one more part of a list
            if _another_column_after(text, figures, total):
                continue  # 合计   126 184   115 914: a table's total row, read column by column (TB001)
            # the parts of this total follow the sentence's previous total, if any
            first = bisect_left(starts, sentence_start)
            if _OPENS_ON_TOTAL_WORD_RE.match(norm, sentence_start, total.number_start) and sentence_start \
                    and not any(f.base_unit == total.base_unit and f.kind == total.kind for f in figures[first : total.index]):
                # 城区新增停车位1260个,乡镇…。全县合计新增停车位2580个: a sentence that is nothing but the
                # total sums the one before (its words must still name the parts, below)
                floor = text.previous_sentence_start(sentence_start)
                items = 0
                for _ in range(_MAX_LIST_ITEMS):  # 一是…;二是…;三是…。以上共计…: items joined by ;
                    if not floor or norm[max(0, floor - 4) : floor].rstrip()[-1:] not in (";", ":") \
                            or total.start - floor >= _COUNTED_WINDOW:
                        break
                    floor = text.previous_sentence_start(floor)
                    items += 1
                opener = norm.rfind(":", floor, sentence_start)
                if items and opener >= 0 and norm.count(";", opener, sentence_start) == items:
                    floor = opener  # 分项看:A…;B…;C…。总计…: the items after the colon, not the words before it
                first = bisect_left(starts, max(floor, total.start - _COUNTED_WINDOW))
                if named is None and not _REFERRING_RE.match(norm[sentence_start : total.number_start].strip()) \
                        and not (items >= 1 and opener >= 0):
                    continue  # a bare 合计 sums the sentence before only when it is a list (A…;B…;C…)
            if previous_total is not None and previous_total.start >= sentence_start:
                first = previous_total.index + 1
            previous_total = total
            opened = max(norm.rfind("其中", sentence_start, total.number_start), norm.rfind("(", sentence_start, total.number_start))
            if opened >= 0 and ")" not in norm[opened : total.number_start]:
                first = max(first, bisect_left(starts, opened))  # 投资12.8亿元,其中…,合计: the parts are after 其中
        parts_from[total.index] = first
        parts = [
            f for f in figures[first : total.index]
            if f.base_unit == total.base_unit and f.kind == total.kind and f.exact
            and not _is_difference(text, f)  # 火灾15起,较去年减少8起: a change, no part
        ]
        if len(parts) < 2:
            continue
        if beside is None and _totals_others(norm, text.clause_span(total.start)[0], total, parts):
            continue
        labels = [f.subject for f in parts]
        if beside is None and named is not None and not _names_the_parts_head(named.group("name"), [_word_before(norm, f) for f in parts]):
            continue
        found.append(PartsTotal(total, tuple(parts), tuple(labels), True, "total_word"))
    return found


_COLUMN_GAP_RE = re.compile(r"\t|[ \u3000]{2,}")


def _another_column_after(text, figures, total: Figure) -> bool:
    """A figure of the total's kind after it on its line, set apart by a tab or a run of blanks."""
    if total.index + 1 >= len(figures):
        return False
    after = figures[total.index + 1]
    _, line_end = text.line_span(total.start)
    return (after.start < line_end and after.kind == total.kind and after.base_unit == total.base_unit
            and _COLUMN_GAP_RE.search(text.norm, total.end, after.number_start) is not None)


# 合计发布各级标准108项 / 共计受理各类案件…: the total word, then what it totals; the parts are its
# items only when that name ends with the head noun every part's name ends with (国家标准、行业标准 → 标准)
_NAMED_TOTAL_WORD_RE = re.compile(r"(?:合计|总计|共计)(?P<name>[\u4e00-\u9fff]{2,10}?)(?:为|达|达到)?\s*$")
_MIN_HEAD = 2


def _word_before(norm: str, figure: Figure) -> str:
    """The run of Chinese characters right before a figure's number (城市道路 of 城市道路12公里)."""
    match = _WORD_BEFORE_RE.search(norm, max(0, figure.number_start - 16), figure.number_start)
    return match.group(0) if match else ""


_WORD_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]+\s*$")


# a sentence holding nothing before its total but a scope and the total word: 全县合计新增… / 以上合计 / 合计:
_OPENS_ON_TOTAL_WORD_RE = re.compile(
    r"\s*(?:(?:以上|上述|前述)(?:[两二三四五六七八九十]|\d{1,2})?(?:项|个|类|方面|部分)?|全(?:县|市|区|镇|乡|年|村)|各项)?"
    r"\s*(?:合计|总计|共计)[\u4e00-\u9fff]{0,10}?(?:为|达|达到)?\s*:?\s*$")


def _names_the_parts_head(name: str, labels: list[str]) -> bool:
    names = [label.strip() for label in labels]
    if any(not n for n in names):
        return False
    if len(name) >= _MIN_HEAD and all(name in n and len(n) > len(name) for n in names):
        return True  # 城区完成改造…,乡镇完成改造…,合计完成…: what every part did, said of the whole
    shared = 0
    while all(len(n) > shared for n in names) and len({n[-1 - shared] for n in names}) == 1:
        shared += 1
    head = names[0][len(names[0]) - shared :]
    return shared >= _MIN_HEAD and all("\u4e00" <= c <= "\u9fff" for c in head) and name.endswith(head[-_MIN_HEAD:]) \
        and all(len(n) > shared for n in names)  # 标准 alone would name no kind of it


# 三档合计发放对象1.80万人 / 以上三项共计… / 两类合计…: a total of a stated number of items, the
# items the last that many figures of its unit just before it (the sentence, or the one before)
_COUNTED_TOTAL_RE = re.compile(
    r"(?:^|[,,;。:\n])\s*(?:以上|上述|前述|这|此)?(?P<n>[两二三四五六七八九十]|\d{1,2})\s*(?:项|个|类|档|笔|部分|种|所|家|批|处)"
    r"(?:[\u4e00-\u9fff]{0,4}?)(?:合计|总计|共计|累计|一共|总共|共)(?P<name>[\u4e00-\u9fff]{0,8}?)(?:为|达|达到|是)?\s*$")
_COUNTED_NAME_NOISE_RE = re.compile(r"^(?:发放|完成|实现|共|累计)|(?:人数|数量|总数|总额|金额)$")
_COUNTED_REACH = 40  # characters before a total its counted head may take
_COUNTED_WINDOW = 600  # characters before the total the items may stand in


def _counted_items_totalled(analysis: Analysis, claimed: set[int]) -> list[PartsTotal]:
    """The n same-unit figures right before a total said to be of n items, when the sentence
    before it (or its own, up to the total) holds exactly n of them."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "计" not in norm and "共" not in norm:
        return []
    found = []
    for total in figures:
        if total.index in claimed or total.kind not in QUANTITY_KINDS or not total.exact or total.index < 2:
            continue
        if not re.search(r"计|共", norm[max(0, total.number_start - 14) : total.number_start]):
            continue
        head = _COUNTED_TOTAL_RE.search(norm, max(0, total.number_start - _COUNTED_REACH), total.number_start)
        if head is None:
            continue
        count = _stated_count(head.group("n"))
        if count is None or count < 2:
            continue
        sentence_start, _ = text.sentence_span(total.start)
        floor = text.previous_sentence_start(sentence_start) if sentence_start else 0
        for _ in range(_MAX_LIST_ITEMS):  # items joined by ; (one a line), opened by a colon
            if not floor or norm[max(0, floor - 4) : floor].rstrip()[-1:] not in (";", ":") or total.start - floor >= _COUNTED_WINDOW:
                break
            floor = text.previous_sentence_start(floor)
        floor = max(floor, total.start - _COUNTED_WINDOW)
        listed = []
        for figure in figures[max(0, total.index - _MAX_PARTS_SCAN) : total.index][::-1]:
            if figure.start < floor:
                break
            if figure.base_unit == total.base_unit and figure.kind == total.kind:
                listed.append(figure)
        if len(listed) != count or not all(f.exact for f in listed) or any(_is_difference(text, f) for f in listed):
            continue
        name = _COUNTED_NAME_NOISE_RE.sub("", head.group("name"))
        if len(name) >= 2 and name[-2:] not in norm[floor : listed[-1].start]:
            continue  # 三所学校合计在校生…: a total of something the items before do not count
        parts = listed[::-1]
        found.append(PartsTotal(total, tuple(parts), tuple(f.subject for f in parts), True, "total_word"))
    return found


_JOINED_NAMES_RE = re.compile(r"(?P<names>[\u4e00-\u9fff]{2,}(?:和|及|与|、)[\u4e00-\u9fff]{2,})(?:合计|总计|共计)")
_REFERRING_RE = re.compile(r"^(?:以上|上述|前述|这|此|两|三|四|五|六|各|共|全年|全县|全市|全区|全镇)")


def _totals_others(norm: str, clause_start: int, total: Figure, parts: list[Figure]) -> bool:
    """社保费和非税收入合计11.50亿元 after 增值税…,企业所得税…: the total word sums
    two items named in its own clause, not the ones before it."""
    while clause_start < total.number_start and norm[clause_start].isspace():
        clause_start += 1
    named = _JOINED_NAMES_RE.match(norm, clause_start, total.number_start)
    if named is None or _REFERRING_RE.match(named.group("names")):
        return False
    names = named.group("names")
    shingles = {names[i : i + 2] for i in range(len(names) - 1)}
    return not any(part_word in shingles for part in parts
                   for part_word in _shingles_before(norm, part))


def _shingles_before(norm: str, part: Figure) -> set[str]:
    words = re.findall(r"[\u4e00-\u9fff]+", norm[max(0, part.number_start - 8) : part.number_start])
    word = words[-1] if words else ""
    return {word[i : i + 2] for i in range(len(word) - 1)}


def _beside_total(norm: str, figures, total: Figure, parts_from: dict[int, int]) -> Figure | None:
    """The total word's total written right before this one in another unit (380户1 403人), or None."""
    return next((twin for twin in _twin(norm, figures, total, None) if twin.index < total.index and twin.index in parts_from), None)


# a table spaces a two-character label out to the column's width (合　计, 小 计)
_SUBTOTAL_WORD_RE = re.compile(r"(?:合|总|共|小|累)[ \t]{0,4}计")
_TOTAL_LINE_RE = re.compile(r"\s*[^\d\n,,。;;]{0,6}?(?:合|总|共|小)[ \t]{0,4}计[^\d\n]{0,16}$")


def _hard_break(text, position: int) -> bool:
    """The line break at position ends a sentence (it does not only wrap one)."""
    if position < 0:
        return True
    index = bisect_left(text.sentence_ends, position)
    return index < len(text.sentence_ends) and text.sentence_ends[index] == position


# 各级下拨资金合计4 860万元:中央…、省级…、市级… / 完成投资42.68亿元,由三部分组成:…: the list after the colon is all of it
_COMPOSED_RE = re.compile(r"\s*,?\s*(?:由|分为|包括)(?P<n>[两二三四五六七八九十]|\d)个?(?:部分|项|类|块|方面)(?:组成|构成)?\s*:")
_COLON_AFTER_RE = re.compile(r"\s*:")


def _composed_lists(analysis: Analysis, read: set[int]) -> list[PartsTotal]:
    """A total said to be a sum (合计N:) or said to be made of so many parts (由三部分组成:),
    then the parts after a colon, up to the sentence's end: the whole."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    starts = [f.start for f in figures]
    found = []
    for total in figures:
        if total.index in read or total.kind not in QUANTITY_KINDS or not total.exact:
            continue
        composed = _COMPOSED_RE.match(norm, total.end)
        colon = composed or _COLON_AFTER_RE.match(norm, total.end)
        if colon is None or composed is None and not ends_with(_TOTAL_WORD_RE, norm, text.clause_span(total.start)[0], total.number_start):
            continue
        opened = colon.end()
        _, sentence_end = text.sentence_span(opened if norm[opened : opened + 1] != "\n" else opened + 1)
        parts, labels = _parts_after(figures, starts, norm, opened, sentence_end, total)
        if len(parts) < 2 or composed is not None and len(parts) != _stated_count(composed.group("n")):
            continue
        found.append(PartsTotal(total, tuple(parts), tuple(labels), True, "total_word"))
    return found


def _stated_count(written: str) -> int | None:
    return int(written) if written.isdigit() else standard_number(written)


_SUB_ROW_RE = re.compile(r"[ \t]*(?:其中|内含|含|包括)\s*:?")


def _lines_closed_by_total(analysis: Analysis) -> list[PartsTotal]:
    """A list spread over lines, each with one figure, closed by a 合计 line:
    城关镇12座; / 东坝镇8座; / 合计28座。"""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    found = []
    for total in figures:
        if total.kind not in QUANTITY_KINDS or not total.exact:
            continue
        line_start, _ = text.line_span(total.start)
        if not _TOTAL_LINE_RE.fullmatch(norm, line_start, total.number_start) or not _hard_break(text, line_start - 1):
            continue  # a line that a wrap only continues is no 合计 line
        parts: list[Figure] = []
        index = total.index - 1
        line_end = line_start - 1
        while index >= 0 and line_end > 0 and len(parts) < _MAX_PARTS_SCAN:
            previous_start, _ = text.line_span(line_end)
            if previous_start and not _hard_break(text, previous_start - 1):
                break  # the item's line continues a wrapped sentence
            in_line = []
            while index >= 0 and figures[index].start >= previous_start:
                in_line.append(figures[index])
                index -= 1
            alike = [f for f in in_line if f.base_unit == total.base_unit and f.kind == total.kind]
            if len(alike) != 1 or not alike[0].exact or len(in_line) > 2:
                break  # a line of prose with several figures is no item of the list
            if _SUBTOTAL_WORD_RE.search(norm, previous_start, alike[0].number_start):
                parts = []  # 小计 / 1-2月累计 among the lines: which lines it covers is not said
                break
            line_end = previous_start - 1
            if _SUB_ROW_RE.match(norm, previous_start):
                continue  # 其中:完全小学 28 under 小学 36: a part of the line above, not an item
            parts.append(alike[0])
        if len(parts) >= 2:
            parts.reverse()
            found.append(PartsTotal(total, tuple(parts), tuple(f.subject for f in parts), True, "total_line"))
    return found


# --- before, after and the change between --------------------------------------------

# 由每亩412公斤提高到每亩398公斤, 由每人每月680元: a value per head or per unit; the years as PDF
# text spaces them (由2020 年的…) or a template leaves them unfilled (由201x年的…)
_PER_UNIT = r"(?:每(?:人次|人|户|亩|月|年|名|天|日|吨|床|桌|平方米|公里)|人均|户均|亩均|次均|平均){0,2}"
_FROM_RE = re.compile(rf"(?:由|从)(?:(?:\d{{4}}|\d{{3}}[xX×*]|\d{{2}}[xX×*]{{2}})\s*年(?:底|末|初)?|(?:上年|去年|上一年|前年|前一年)(?:底|末|同期)?|原来|原先|原|过去|以前|此前|之前|改革前|年初)?的?{_PER_UNIT}\s*$")
_TO_RE = re.compile(
    rf"^\s*(?:的)?(?:(?P<word>{DIRECTION_ALTERNATIVES})|发展|壮大)?"  # 由14家发展到目前的71家: a neutral verb, the values tell the way
    rf"(?:到|至|为)\s*(?:(?:(?:\d{{4}}|\d{{3}}[xX×*]|\d{{2}}[xX×*]{{2}})\s*年|今年|本年|当年|目前|现在|如今)(?:底|末)?的?)?{_PER_UNIT}$"
)
# each blank run follows a word that must be there: adjacent optional \s* would
# try a long run of blanks in polynomially many ways
_STATED_RE = re.compile(
    r"^\s*(?:[,,]\s*)?(?:(?:同比|比上年|较上年)\s*)?"
    rf"(?:(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?|(?P<rate>增幅|降幅|涨幅|跌幅|减幅|增长率|下降率|增速|降低率"
    r"|(?:增长|增加|上升|提高|提升|下降|减少|降低|压缩|压减|缩短|缩减|削减)(?:比例|幅度|比率))(?:为|达|达到|是)?)\s*$"
)
# the period before the one a value is for, besides the year before: 上年度, 上月, 上一季度, 上一采暖季
# (a month's or a quarter's base is held to 环比, a year's to 同比: _periods_agree)
_OTHER_PRIOR = (r"上一?年度|去年度|上一?个?月|上一?个?季度|上一?期|上一?个?(?:采暖|供暖|供热)(?:季|期)|上一?学年"
                r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月份?|\d{1,2}\s*月份|[一二三四]季度")
_COMPARE_RE = re.compile(
    r"(?:(?:与|比|较)(?:上年末|上年底|去年末|去年底|上年|去年|上一年|前一年|上年同期|去年同期|同期|年初|常年|" + _OTHER_PRIOR +
    r"|(?:19|20)\d{2}\s*年(?:同期|末|底)?)(?:的)?(?P<noun>[\u4e00-\u9fff]{0,6}?(?:额|量|值|收入|数|面积|规模))?\s*(?:\(\s*)?"
    r"|(?:上年末|上年底|去年末|去年底|上年|去年|上一年|上年同期|去年同期|常年同期|常年|" + _OTHER_PRIOR + r")(?:为|是)\s*|(?:上年同期|去年同期)\s*"
    r"|(?P<bracket>\(\s*(?:上年末|上年底|去年末|去年底|上年|去年|上一年|上年同期|去年同期|同期|" + _OTHER_PRIOR +
    r"|(?:19|20)\d{2}\s*年(?:同期|末|底)?)"
    r"(?:为|是|:)?\s*))$"
)
_NORMAL_PERIOD_RE = re.compile(r"常年|历年|多年")
_SHORT_PERIOD_RE = re.compile(r"环比|上一?个?月|月份|\d\s*月|季度|上一?期")
_YEAR_PERIOD_RE = re.compile(r"同比|上年|去年|上一年|年度|同期|(?:19|20)\d{2}\s*年(?!\s*\d)")


def _period_kind(words: str) -> str:
    """"short" for a month's or a quarter's comparison (环比, 上月), "year" for a year's (同比, 上年),
    "normal" for a long-run normal (常年), else ""."""
    if _NORMAL_PERIOD_RE.search(words):
        return "normal"  # 常年, 多年平均: a long-run normal, neither last year nor last month
    return "short" if _SHORT_PERIOD_RE.search(words) else "year" if _YEAR_PERIOD_RE.search(words) else ""


def _periods_agree(base_words: str, change_words: str) -> bool:
    """上月为N,同比增长p%: a month's base is not what a year-on-year change is of (nor the other way round)."""
    base, change = _period_kind(base_words), _period_kind(change_words)
    return not base or not change or base == change
# 86.24亿元(上年92.17亿元): the bracketed base stands right after the value it is the base of
_BRACKET_GAP_RE = re.compile(r"\s*\(")
# N…,比上年增加D…,增长p%: the old value is N − D
_DIFFERENCE_HEAD_RE = re.compile(
    r"(?:(?:(?:比|较|与)(?:上年|去年|上一年|(?:19|20)(?:\d{2}|\d?[xX×*]{1,2})\s*年度?)(?:同期|末|底)?(?:相比)?\s*[,,]?\s*|同比|环比)(?P<word>净增加|净减少|净增|净减|增加|减少|增长|下降|增收|减收|增支|减支|多增|少增|缩短|延长|压缩|压减|缩减|削减|提高|降低|上升|提升|多出|少出|多|少)"
    r"|(?P<bare>增加|减少|净增加|净减少|净增|净减|增收|减收|缩短|延长|压缩|压减|缩减|多出|少出|多|少)|(?P<added>新增))了?\s*$"
)
# …,增长p% / …(增幅为p%) / …(降幅p%)
_DIFFERENCE_TAIL_RE = re.compile(
    r"^\s*(?:[,,、]|\()\s*(?:(?P<name>[\u4e00-\u9fff]{1,6}?(?:总量|总数|总额|数量|量|数|额))\s*)?"
    r"(?:同比)?(?:(?P<word>增长|下降|增加|减少|提高|降低|上升|提升|缩短|延长|压缩)了?|(?P<rate>增幅|涨幅|降幅|跌幅|减幅)(?:为|达|是)?)\s*$"
)
_RATE_DIRECTION = {"增幅": "up", "涨幅": "up", "降幅": "down", "跌幅": "down", "减幅": "down"}
_COMPARE_TAIL_RE = re.compile(
    rf"^\s*(?:\)\s*)?(?:(?:相比|相较)\s*)?(?:[,,]\s*)?(?:今年|本年)?(?:同比|环比|(?:比|较)(?:上年|去年|上一?个?月|上一?期|上一?个?季度)(?:同期)?)?"
    rf"(?:(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?|(?P<rate>增幅|降幅|增长率|下降率)(?:为|达|达到|是)?)\s*$"
)


def find_changes(analysis: Analysis, part_indexes: set[int]) -> list[Change]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    found: list[Change] = []
    for old, new in zip(figures, figures[1:]):
        sentence_start, sentence_end = text.sentence_span(old.start)
        if new.start >= sentence_end or old.base_unit != new.base_unit or old.kind == "range":
            continue
        if not ends_with(_FROM_RE, norm, sentence_start, old.number_start):
            continue
        to, end = _to_word(norm, old, new)
        if not to:
            continue
        stated, stated_word = _stated_after(figures, norm, new, sentence_end, end)
        if stated is None:  # 增长12.1%,由上年的29.8万人次增至32.6万人次
            stated, stated_word = stated_before_from(text, figures, old)
        multiple = None if stated is not None else _multiple_after(norm, end, sentence_end)
        found.append(Change(old, new, to.group("word") or "", stated, stated_word, old.start, end, multiple,
                            norm[new.end : end]))
    earlier_like = _earlier_alike(figures, part_indexes)
    for stated in figures:
        if stated.kind not in ("percent", "points"):
            continue
        sentence_start, _ = text.sentence_span(stated.start)
        previous = figures[stated.index - 1] if stated.index else None
        if previous is None or previous.start < sentence_start:
            continue
        tail = _COMPARE_TAIL_RE.match(norm[previous.end : stated.number_start])
        compare = tail and ends_with(_COMPARE_RE, norm, sentence_start, previous.number_start)
        if not compare or not _periods_agree(compare.group(0), tail.group(0)):
            continue
        old = previous
        new = earlier_like[old.index]
        new = _value_right_before(norm, figures, old, compare.start(), new)
        if compare.group("bracket") and not _right_before_bracket(norm, figures, old, new, compare.start()):
            continue
        floor = sentence_start  # 新增就业3 468人;上年为3 120人,增长p%: a semicolon joins the two
        if sentence_start and norm[sentence_start - 1] == ";":
            floor = text.sentence_span(sentence_start - 1)[0]
        if new is not None and _listed_item(norm, figures, new):
            # 使用资金2.86亿元,用于A1.12亿元、B0.90亿元;较上年使用额2.31亿元增长p% / 发放助学金2 846万元、
            # 奖学金312万元,助学金较上年的2 604万元增长p%: the value the base's noun names, not the list's last item
            noun = compare.group("noun") or _words_opening(norm, sentence_start, compare.start())
            new = _named_value_before(text, figures, old, noun, floor) if noun else None
            if new is not None:
                found.append(Change(old, new, "", stated, tail.group("word") or tail.group("rate"), new.start, stated.end))
            continue
        if new is None or new.start < floor or not old.exact:
            continue
        found.append(Change(old, new, "", stated, tail.group("word") or tail.group("rate"), new.start, stated.end))
    claimed = {change.stated.index for change in found if change.stated is not None}
    found.extend(Change(old, new, "", stated, word, new.start, stated.end)
                 for old, new, stated, word in year_base_changes(text, figures, claimed, earlier_like))
    found.extend(Change(old, new, "", stated, word, stated.start, old.end)
                 for old, new, stated, word in changes_stated_first(text, figures, claimed))
    found.extend(_vague_changes(text, figures, earlier_like))
    found.extend(_differences_beside_values(text, figures, earlier_like))
    found.extend(_reached_beside_a_base(text, figures))
    found.extend(_changes_from_difference(text, figures))
    claimed = {change.stated.index for change in found if change.stated is not None}
    found.extend(_changes_with_difference_after(text, figures, claimed))
    claimed = {change.stated.index for change in found if change.stated is not None}
    if "减少" in norm or "增加" in norm or "净增" in norm or "净减" in norm:
        found.extend(_named_differences(text, figures, claimed))
        claimed = {change.stated.index for change in found if change.stated is not None}
    found.extend(_changes_with_base_elsewhere(text, figures, claimed))
    claimed = {change.stated.index for change in found if change.stated is not None}
    found.extend(_changes_named_by_metric(text, figures, claimed))
    claimed = {change.stated.index for change in found if change.stated is not None}
    found.extend(_respective_changes(text, figures, claimed))
    claimed = {change.stated.index for change in found if change.stated is not None}
    if "分别" in norm:
        found.extend(_respective_from_to(text, figures, claimed))
        claimed = {change.stated.index for change in found if change.stated is not None}
    found.extend(_changes_after_a_named_base(text, figures, claimed, earlier_like))
    claimed = {change.stated.index for change in found if change.stated is not None}
    found.extend(Change(old, new, "", stated, word, new.start, stated.end, inferred=True)
                 for old, new, stated, word in spread_changes(text, figures, claimed))
    found.extend(_multiples_of_a_base(text, figures))
    taken = {change.multiple.start for change in found if change.multiple is not None}
    for old, new, match, inferred in multiples_apart(text, figures, [f.start for f in figures], taken):
        multiple = _multiple_of(norm, match)
        if multiple is not None:
            found.append(Change(old, new, "", None, "", min(old.start, new.start), max(match.end(), old.end), multiple,
                                inferred=inferred))
    found.extend(Change(old, new, word, None, "", start, end, inferred=inferred)
                 for old, new, word, start, end, inferred in trends_after_values(text, figures))
    found.extend(Change(old, new, word, None, "", start, end)
                 for old, new, word, start, end, _ in paces_in_words(text, figures, [f.start for f in figures]))
    found.extend(Change(old, new, word, None, "", start, end, inferred=inferred)
                 for old, new, word, start, end, inferred in direction_readings(text, figures))
    return [change for change in found if not part_against_whole(text, change.old, change.new)]


# 全年生猪出栏41.26万头;上年出栏量为38.04万头,今年增长6.2%: a base that names its metric, opening its
# clause, and the change of this year's value after it
_NAMED_BASE_BEFORE_RE = re.compile(
    r"(?<=[,;。:\n])\s*(?:而|另外?)?\s*(?:上年同期|去年同期|上一年|上年|去年)(?:全年)?"
    r"(?P<name>[\u4e00-\u9fff]{2,10}?)(?:为|是|达到|达|共|有)?\s*$"
)
_THIS_YEAR_TAIL_RE = re.compile(
    rf"^\s*[,,]\s*(?:今年|本年|当年|全年)?\s*(?:同比|(?:比|较)(?:上年|去年)(?:同期)?)?(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?\s*$"
)
_MEASURE_SUFFIX_RE = re.compile(r"(?:总量|总数|数量|总额|规模|量|数)$")


def _same_metric(name: str, new_words: str) -> bool:
    """出栏量 in 全年生猪出栏, 肉类产量 in 全年肉类总产量, 产量 in 全县粮食总产量: the base's
    metric (with or without its measure word, 总 left out) among the new value's words."""
    name, words = name.replace("总", ""), new_words.replace("总", "")
    bare = _MEASURE_SUFFIX_RE.sub("", name)
    return len(name) >= 2 and name in words or len(bare) >= 2 and bare in words


def _changes_after_a_named_base(text, figures, claimed: set[int], earlier_like: list[Figure | None]) -> list[Change]:
    """The value the named base is last year's of: the nearest earlier one of its unit, in the
    base's sentence or the one before (then a warning), whose words hold the base's metric."""
    norm = text.norm
    found = []
    for stated, old, sentence_start in rates_after_a_value(text, figures, claimed):
        tail = _THIS_YEAR_TAIL_RE.match(norm[old.end : stated.number_start])
        base = tail and ends_with(_NAMED_BASE_BEFORE_RE, norm, sentence_start, old.number_start)
        new = earlier_like[old.index]
        if not base or new is None or not new.exact or not _same_unit(new, old):
            continue
        if new.start < sentence_start and new.start < text.previous_sentence_start(sentence_start):
            continue
        new_words = norm[text.clause_span(new.start)[0] : new.number_start]
        if not _same_metric(base.group("name"), new_words):
            continue
        if set(_PART_OF_YEAR_RE.findall(new_words)) != set(_PART_OF_YEAR_RE.findall(base.group("name"))):
            continue  # 上半年… against 上年全年: another period
        own = figures[new.index + 1]
        if own is not stated and own.kind in ("percent", "points") and _CHANGE_OF_NEW_RE.match(norm[new.end : own.number_start]):
            continue  # M,增长18.6%。上年同期…N,增长6.2%: this year's change is stated with M, the later one is the base's own
        found.append(Change(old, new, "", stated, tail.group("word"), new.start, stated.end,
                            inferred=new.start < sentence_start))
    return found


_TIMES = r"\d+(?:\.\d+)?|[一二两三四五六七八九十]+"
_TIMES_QUALIFIED = rf"(?P<approx>近|接近|约|超过|逾)?(?P<number>{_TIMES})倍(?P<more>多|余|以上)?"
_BASE_PERIOD = r"(?:(?:19|20)\d{2}\s*年(?:末|底|同期)?|上年末|上年底|去年末|去年底|上年同期|去年同期|上年|去年|上一年|同期|[一二三四五六七八九十两\d]{1,2}年前)"
# 642家,是2020年(185家)的4倍多 / 是上年185家的3.5倍 / 比2020年(185家)增长2.5倍: the base between the
# period it belongs to and the multiple
_BASE_MULTIPLE_HEAD_RE = re.compile(
    rf"^\s*[,,]?\s*(?:(?P<is>是|为|达到|达|相当于)|(?P<than>比|较)){_BASE_PERIOD}(?:的)?\s*(?P<open>\()?\s*$")
_BASE_MULTIPLE_TAIL_RE = re.compile(
    rf"\s*(?P<close>\))?\s*(?:(?P<of>的){_TIMES_QUALIFIED}|[,,]?\s*(?:(?:增长|增加|提高|提升|扩大)了?{_TIMES_QUALIFIED.replace('?P<', '?P<g_')}"
    r"|(?:实现)?翻了?(?P<doublings>一|两|二|三|\d)?番))"
)


def _multiples_of_a_base(text, figures) -> list[Change]:
    """M,是2020年(N)的K倍: new M over the bracketed base N against K倍 (K倍多, 近K倍);
    M,比2020年(N)增长K倍 as 增长K倍 reads."""
    norm = text.norm
    found = []
    for new, old in zip(figures, figures[1:]):
        if not _is_quantity(new) or not _same_unit(new, old) or not new.exact or not old.exact or old.value <= 0:
            continue
        head = _BASE_MULTIPLE_HEAD_RE.match(norm[new.end : old.number_start])
        if head is None:
            continue
        tail = _BASE_MULTIPLE_TAIL_RE.match(norm, old.end, min(len(norm), old.end + 24))
        if (tail is None or bool(tail.group("close")) != bool(head.group("open"))
                or bool(tail.group("of")) != bool(head.group("is"))):
            continue
        if norm[tail.end() : tail.end() + 1].isdigit() or text.sentence_span(old.start)[1] < tail.end():
            continue
        if tail.group("number"):
            start = tail.start("approx") if tail.group("approx") else tail.start("number")
            multiple = _times(start, tail.end(), tail.group("number"), False, tail.group("approx"), tail.group("more"))
        elif tail.group("g_number"):
            start = tail.start("g_approx") if tail.group("g_approx") else tail.start("g_number")
            multiple = _times(start, tail.end(), tail.group("g_number"), True, tail.group("g_approx"), tail.group("g_more"))
        else:
            multiple = _doubled(norm.rfind("翻", tail.start(), tail.end()), tail.end(), tail.group("doublings"),
                                _more_after(norm, tail.end()))
        if multiple is not None:
            found.append(Change(old, new, "", None, "", new.start, tail.end(), multiple))
    return found


def _right_before_bracket(norm: str, figures, old: Figure, new: Figure | None, opening: int) -> bool:
    """86.24亿元(上年92.17亿元): the value the bracket follows is the one of old's kind and unit."""
    return (new is not None and old.index > 0 and figures[old.index - 1] is new
            and bool(_BRACKET_GAP_RE.fullmatch(norm, new.end, opening + 1)))


# …比上年的41.2%有所提高 / 较去年同期(9.1亿元)明显下降: a direction said with no figure for the change
# …较上年(142起)呈下降态势 / …与上年的142起相比呈上升趋势: the word with a trend noun, no degree needed
_VAGUE_TAIL_RE = re.compile(
    rf"\s*(?:\)\s*)?(?:(?:相比|相较)\s*)?(?:[,,]\s*)?(?:同比)?(?:(?:有所|略有|稍有|明显|大幅|大幅度|显著|均有|实现|出现|继续|持续)"
    rf"(?P<word>{DIRECTION_VERB_ALTERNATIVES})(?![\d到至了])"
    rf"|(?:呈现?|出现)(?:持续|明显|较快|逐年|稳步|大幅)?(?P<trend>{DIRECTION_VERB_ALTERNATIVES})的?(?:态势|趋势|势头)"
    rf"|(?P<bare>{DIRECTION_VERB_ALTERNATIVES})了?(?=\s*(?:[,,。;]|$))"
    rf"|(?P<after>{DIRECTION_VERB_ALTERNATIVES})(?:明显|显著|较多|较快|较大|迅速|不少)(?=\s*(?:[,,。;]|$)))"  # 下降明显
)


def _vague_changes(text, figures, earlier_like: list[Figure | None]) -> list[Change]:
    """M,比上年的N有所提高: the word's direction against N → M, no change stated."""
    norm = text.norm
    found = []
    for old in figures:
        tail = _VAGUE_TAIL_RE.match(norm, old.end)
        if not tail or not old.exact:
            continue
        sentence_start, _ = text.sentence_span(old.start)
        if not ends_with(_COMPARE_RE, norm, sentence_start, old.number_start):
            continue
        new = earlier_like[old.index]
        if new is None or new.start < sentence_start or not new.exact or _listed_item(norm, figures, new):
            continue
        word = tail.group("word") or tail.group("trend") or tail.group("bare") or tail.group("after")
        found.append(Change(old, new, "", None, word, new.start, tail.end()))
    return found


# 142起,较上年的168起增加26起 / 142起,上年为168起,同比增加26起 / 142起,比上年增加26起,上年为168起:
# a difference said beside both values, its word against their direction (DR001)
_DIFFERENCE_AFTER_BASE_RE = re.compile(
    r"^\s*(?:\)\s*)?(?:(?:相比|相较)\s*)?(?:[,,]\s*)?(?:同比|(?:比|较)(?:上年|去年)(?:同期)?)?(?P<word>增加|减少|多|少)了?\s*$")
_DIFFERENCE_BEFORE_BASE_RE = re.compile(
    r"^\s*[,,]\s*(?:同比|(?:比|较)(?:上年|去年)(?:同期)?)(?P<word>增加|减少|多|少)了?\s*$")
_BASE_AFTER_DIFFERENCE_RE = re.compile(r"^\s*[,,;]\s*(?:上年同期|去年同期|上年|去年)(?:为|是)?\s*$")
_RATE_RIGHT_AFTER_RE = re.compile(r"\s*[,,(]\s*(?:同比)?(?:增长|下降|增幅|降幅|减幅|提高|降低|上升)")
_DIFFERENCE_WORD = {"多": "增加", "少": "减少"}


def _differences_beside_values(text, figures, earlier_like: list[Figure | None]) -> list[Change]:
    """The word of a stated difference (增加26起) against last year's value and this year's, both
    stated beside it; with the base after it, left to the rate's reader when a rate follows."""
    norm = text.norm
    found = []
    for difference in figures:
        if not difference.index or not _is_quantity(difference) or not difference.exact:
            continue
        if "增加" not in norm[max(0, difference.number_start - 6) : difference.number_start] and "减少" not in norm[
                max(0, difference.number_start - 6) : difference.number_start] and not norm[difference.number_start - 1 : difference.number_start] in ("多", "少"):
            continue
        sentence_start, sentence_end = text.sentence_span(difference.start)
        previous = figures[difference.index - 1]
        if previous.start < sentence_start or not _same_unit(previous, difference) or not previous.exact:
            continue
        tail = _DIFFERENCE_AFTER_BASE_RE.match(norm[previous.end : difference.number_start])
        compare = tail and ends_with(_COMPARE_RE, norm, sentence_start, previous.number_start)
        if compare:  # …M,较上年的N增加D / M,上年为N,同比增加D
            new = earlier_like[previous.index]
            if compare.group("bracket") and not _right_before_bracket(norm, figures, previous, new, compare.start()):
                continue
            if new is None or new.start < sentence_start or not new.exact or not _same_unit(new, previous):
                continue
            word = _DIFFERENCE_WORD.get(tail.group("word"), tail.group("word"))
            found.append(Change(previous, new, word, None, "", new.start, difference.end))
            continue
        if _RATE_RIGHT_AFTER_RE.match(norm, difference.end):
            continue  # M,比上年增加D,增长p%,…: the rate's change is read with its difference
        following = figures[difference.index + 1] if difference.index + 1 < len(figures) else None
        says = _DIFFERENCE_BEFORE_BASE_RE.match(norm[previous.end : difference.number_start])
        if (says and following is not None and following.start < sentence_end and following.exact and _same_unit(following, previous)
                and _BASE_AFTER_DIFFERENCE_RE.match(norm[difference.end : following.number_start]) and _CLAUSE_END_RE.match(norm, following.end)):
            word = _DIFFERENCE_WORD.get(says.group("word"), says.group("word"))
            found.append(Change(following, previous, word, None, "", previous.start, following.end))  # M,比上年增加D,上年为N
    return found


# 耕地面积增至38.2万亩,上年为41.5万亩 / 降至1.5万人(上年1.2万人) / 上年…为N,今年压缩到M: a value
# reached (增至, 降至, 提升到) beside last year's, no 由/从 value before it
_REACHED_RE = re.compile(rf"(?P<word>{DIRECTION_ALTERNATIVES})了?(?:到|至){_PER_UNIT}\s*$")
_FROM_IN_CLAUSE_RE = re.compile(r"由|从|比|较")
_REACHED_BASE_AFTER_RE = re.compile(
    r"^\s*(?:[,,;]\s*(?:而)?|\(\s*)(?:上年同期|去年同期|上年末|上年底|去年末|去年底|上一?年度|去年度|上一年|上年|去年)(?:为|是|:)?\s*$")


def _reached_beside_a_base(text, figures) -> list[Change]:
    """The word of a value reached against last year's value of its unit stated right after it (the
    bracket closed, the clause ended there) or right before it in its sentence (上年…为N,今年增至M)."""
    norm = text.norm
    found = []
    for new in figures:
        if "至" not in norm[max(0, new.number_start - 6) : new.number_start] and "到" not in norm[max(0, new.number_start - 6) : new.number_start]:
            continue
        if not new.exact or not _is_quantity(new) and new.kind != "percent":
            continue
        clause_start, _ = text.clause_span(new.start)
        reached = ends_with(_REACHED_RE, norm, clause_start, new.number_start, 16)
        if reached is None or _FROM_IN_CLAUSE_RE.search(norm, clause_start, reached.start()):
            continue
        sentence_start, sentence_end = text.sentence_span(new.start)
        following = figures[new.index + 1] if new.index + 1 < len(figures) else None
        if (following is not None and following.start < sentence_end and following.exact and _same_unit(following, new)
                and (base := _REACHED_BASE_AFTER_RE.match(norm[new.end : following.number_start]))):
            closing = _CLAUSE_END_RE.match(norm, following.end)
            bracketed = "(" in base.group(0)
            if closing and (closing.group(0).strip() == ")") == bracketed:
                found.append(Change(following, new, reached.group("word"), None, "", new.start, closing.end() if bracketed else following.end))
                continue
        old = _base_named_before_new(norm, figures, new, sentence_start)
        if old is not None and old.kind == new.kind:
            found.append(Change(old, new, reached.group("word"), None, "", old.start, new.end))
    return found


_BASE_WORDS = r"(?:上年|去年|上一年|上年同期|去年同期|同期|上一?年度|去年度)"
# the bases a change and the base stated after it may name (their periods held to agree: _periods_agree)
_PRIOR_WORDS = r"(?:上年|去年|上一年|上年同期|去年同期|同期|常年同期|常年|历年同期|多年平均|" + _OTHER_PRIOR + ")"
# M,比上年增长p% / M,同比下降p% / M,与去年同期相比增长p%: the stated change of M
_CHANGE_OF_NEW_RE = re.compile(
    r"^\s*(?:[,,、]\s*)?"
    rf"(?:(?:同比|环比|(?:比|较)(?:{_PRIOR_WORDS}|(?P<year>(?:19|20)\d{{2}})\s*年(?:同期)?)|与?{_PRIOR_WORDS}相比)\s*(?:[,,]\s*)?)?"
    rf"(?:(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?|(?P<word_rate>增幅|增速|增长率|降幅|下降率|涨幅|跌幅|减幅)(?:为|达|达到|是)?)\s*$"
)
# …增长p%,上年为N / (上年同期为N) / ;去年同期为N: the base after the change
_BASE_AFTER_RE = re.compile(
    rf"^\s*(?:[,,;]\s*)?(?:\(\s*)?(?:{_PRIOR_WORDS}|(?:19|20)\d{{2}}\s*年(?:同期)?)(?:为|是|同期为)\s*$"
    rf"|^\s*\(\s*(?:{_PRIOR_WORDS}|(?:19|20)\d{{2}}\s*年(?:同期)?)\s*:?\s*$"  # (上年同期158起) / (上年:7820万元)
    rf"|^\s*[,,;]\s*(?P<bare>{_PRIOR_WORDS})\s*$"  # ,去年同期158起 (the base then ends its clause)
    # ,上年募集3 126万元 / ;去年同期受理1.26万件: the base said with the new value's own verb
    rf"|^\s*[,,;]\s*(?:而)?(?:{_PRIOR_WORDS})(?:全年)?(?P<verb>[\u4e00-\u9fff]{{2,8}}?)(?:为|是|达到|达)?\s*$"
)
# a verb that makes the figure after it a difference or another event, not last year's value
_NOT_A_BASE_VERB_RE = re.compile(r"增|减|多|少|长|降|升|提高|扩大|缩小|压缩|比|较|同比|环比|其中|分别|累计|以来")
_CLAUSE_END_RE = re.compile(r"\s*(?:[,,。;)]|$)")
# 上年为N。 / 去年全县门诊量为N。: a base stated in the sentence before
_BASE_BEFORE_RE = re.compile(r"上年|去年|上一年|同期")


def _changes_with_base_elsewhere(text, figures, claimed: set[int]) -> list[Change]:
    """A stated change of a value whose base is given after it (M,比上年增长p%,
    上年为N) or in the sentence before (上年为N。今年M,增长p%): the second only a
    likely reading, when the sentence before holds one such base and no other."""
    norm = text.norm
    found = []
    report_year = _UNREAD
    for stated in figures:
        if stated.kind not in ("percent", "points") or stated.index in claimed or not stated.index:
            continue
        new = figures[stated.index - 1]
        sentence_start, sentence_end = text.sentence_span(stated.start)
        if new.start < sentence_start or not new.exact or not new.base_unit or new.kind not in QUANTITY_KINDS + ("percent",):
            continue
        says = _CHANGE_OF_NEW_RE.match(norm[new.end : stated.number_start])
        if not says or stated.kind == "points" and new.kind != "percent":
            continue
        following = figures[stated.index + 1] if stated.index + 1 < len(figures) else None
        if following is not None and norm[sentence_end : sentence_end + 1] == ";" and following.start > sentence_end:
            # M,环比增长p%;2月份为N: a ; goes on with the sentence, the base opening its next part
            base_end = text.sentence_span(sentence_end + 1)[1]
        else:
            base_end = sentence_end
        if (following is not None and following.start < base_end and _same_unit(following, new)
                and following.exact and (base := _BASE_AFTER_RE.match(norm[stated.end : following.number_start]))
                and (not base.group("bare") or _CLAUSE_END_RE.match(norm, following.end))):
            if _YEAR_ON_YEAR_RE.search(norm, new.end, stated.number_start) and _names_another_year(norm, base.group(0), new, sentence_start):
                rejected = True  # 同比增长18.9%,2019年为…: a year further back, not the base of 同比
            elif says.group("year") and _YEAR_NUMBER_RE.findall(base.group(0)) != [says.group("year")]:
                rejected = True  # 较2020年上升p个百分点,上年为N: the base of another year
            elif not _periods_agree(base.group(0), says.group(0)):
                rejected = True  # 同比增长p%,上月为N: the base of another kind of period
            elif base.group("verb") and not _base_verb_of(norm, base.group("verb"), new, sentence_start):
                rejected = True  # 上年新增N / 上年办结N: a difference, or another event than new's
            else:
                found.append(Change(following, new, "", stated, says.group("word") or says.group("word_rate"), new.start, following.end))
                continue
            if base_end == sentence_end:
                continue
            # (after a ;, a base this reading refuses is left to the readings below: 同比下降p%;去年一季度为N)
        named = _base_of_a_named_year(text, figures, new, sentence_start, says)
        if named is not None:  # 2023年…N,2024年达到M,增长p%
            found.append(Change(named, new, "", stated, says.group("word") or says.group("word_rate"), named.start, stated.end))
            continue
        if says.group("year"):
            continue  # 较2020年增长p%: only a base said to be that year's, right after it
        if _BASE_BEFORE_RE.search(norm, max(sentence_start, new.number_start - _YEAR_WORDS_REACH), new.number_start):
            old = _base_named_before_new(norm, figures, new, sentence_start)
            if old is not None:  # 上年…为N,今年完成M,同比增长p%
                found.append(Change(old, new, "", stated, says.group("word") or says.group("word_rate"), old.start, stated.end))
            continue  # else the sentence names its own base (上年…为N,同比增长p%: N is the base)
        listed = _base_in_list_after(text, figures, new, stated, sentence_end)
        if listed is not None:
            found.append(Change(listed, new, "", stated, says.group("word") or says.group("word_rate"), new.start, stated.end))
            continue
        old = _base_in_sentence_before(text, figures, new, sentence_start)
        if old is None:
            if report_year is _UNREAD:
                report_year = _title_year(norm)
            old = _base_of_the_year_before(text, figures, new, sentence_start, report_year)
        if old is None and _period_kind(says.group(0)) != "short":
            old = _base_in_sentence_after(text, figures, new, stated, sentence_start, sentence_end, report_year)
        if old is not None:
            found.append(Change(old, new, "", stated, says.group("word") or says.group("word_rate"), new.start, stated.end, inferred=True))
    return found


# 。上年同期接待游客480.2万人次。 / 。2023年全县接待游客480.2万人次。: the sentence after a change opening on its base's year
_NEXT_BASE_HEAD_RE = re.compile(
    r"\s*(?:而|另外?)?\s*(?:(?:上年同期|去年同期|上年|去年|上一年)(?:全年)?|(?P<year>(?:19|20)\d{2})\s*年(?:全年)?)\s*[,,]?")
_NEXT_BASE_NOISE_RE = re.compile(r"增|减|降|升|同比|比|较|其中|累计|以来|计划|目标|预计|分别|占")
_NEXT_BASE_FIGURES = 6
_THAT_FIGURE_RE = re.compile(r"\s*(?:这一|这个|该|此)(?:数字|数据|数值|指标|项|数)\s*(?:为|是|:)?\s*")


def _base_in_sentence_after(text, figures, new: Figure, stated: Figure, sentence_start: int, sentence_end: int,
                            report_year) -> Figure | None:
    """M,同比增长p%。上年同期接待游客N。: the one value of new's unit in the next sentence, that
    sentence opening on last year (or on the year before new's), its words naming new's metric."""
    norm = text.norm
    if _PART_OF_YEAR_RE.search(norm, max(sentence_start, new.number_start - _WORDS_REACH), new.number_start):
        return None
    head = _NEXT_BASE_HEAD_RE.match(norm, sentence_end + 1)
    if head is None:
        return None
    if head.group("year"):
        years = _YEAR_NUMBER_RE.findall(norm[max(sentence_start, new.number_start - _YEAR_WORDS_REACH) : new.number_start])
        year = int(years[-1]) if years else report_year if report_year is not _UNREAD else _title_year(norm)
        if year is None or int(head.group("year")) != year - 1:
            return None
    next_start, next_end = text.sentence_span(head.end())
    alike = [f for f in figures[stated.index + 1 : stated.index + 1 + _NEXT_BASE_FIGURES]
             if next_start <= f.start < next_end and _same_unit(f, new)]
    if len(alike) != 1 or not alike[0].exact or alike[0].kind != new.kind:
        return None
    base = alike[0]
    base_words = norm[head.end() : base.number_start]
    if _NEXT_BASE_NOISE_RE.search(base_words) or _PART_OF_YEAR_RE.search(base_words):
        return None
    if _THAT_FIGURE_RE.fullmatch(base_words):
        return base  # 上年这一数字为N: the figure just stated, last year
    metric = _metric_named(base_words)
    new_metric = _metric_named(norm[max(sentence_start, text.clause_span(new.start)[0]) : new.number_start])
    if len(metric) < 2 or not (metric == new_metric or metric in new_metric or new_metric and len(new_metric) >= 2 and new_metric in metric):
        return None
    return base


_UNREAD = object()

# ,2024年达到M / ;2024年全县营业收入为M: the new value's clause opens on its own year
_NEW_YEAR_HEAD_RE = re.compile(
    r"\s*[,,;]\s*(?P<year>(?:19|20)\d{2})\s*年(?:全年|底|末)?\s*(?P<words>[\u4e00-\u9fff]{0,12}?)"
    r"(?:达到|达|为|是|增至|降至|增加到|减少到|实现|完成|共|有)?\s*")
_OLD_YEAR_HEAD_RE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年(?:全年|底|末)?[\u4e00-\u9fff]{0,12}?(?:为|是|达到|达|共|有)?\s*$")
_PLACE_WORDS_RE = re.compile(r"全县|全市|全区|全镇|全乡|全省|我县|我市|我区|我镇|全年")
_YEAR_CHANGE_WORDS_RE = re.compile(r"增|减|降|升|提高|其中|累计|以来|计划|目标|预计|同比|比|较|月|季|半年")


def _base_of_a_named_year(text, figures, new: Figure, sentence_start: int, says: re.Match) -> Figure | None:
    """2023年营业收入7.2亿元,2024年达到8.6亿元,增长p%: the value right before new, in its sentence,
    of its unit, whose clause opens on an earlier year than new's clause does; a year-on-year change
    (同比, 比上年) only when that year is the one before, a change 较2020年 only when it is 2020."""
    if not new.index:
        return None
    old = figures[new.index - 1]
    norm = text.norm
    if old.start < sentence_start or not old.exact or not _same_unit(old, new) or old.kind != new.kind:
        return None
    head = _NEW_YEAR_HEAD_RE.fullmatch(norm, old.end, new.number_start)
    if head is None or _YEAR_CHANGE_WORDS_RE.search(head.group("words")):
        return None
    clause_start = max(sentence_start, text.clause_span(old.start)[0])
    base = _OLD_YEAR_HEAD_RE.search(norm, max(clause_start, old.number_start - 24), old.number_start)
    if base is None or _YEAR_CHANGE_WORDS_RE.search(norm, base.start(), old.number_start):
        return None
    named = _PLACE_WORDS_RE.sub("", head.group("words"))
    old_words = norm[clause_start : old.number_start]
    if named and named not in old_words and not (_metric_named(old_words) and _metric_named(old_words) in named):
        return None  # 2023年营业收入N,2024年利润M: another metric
    old_year, new_year = int(base.group("year")), int(head.group("year"))
    if old_year >= new_year:
        return None
    if says.group("year"):
        return old if int(says.group("year")) == old_year else None
    if _YEAR_ON_YEAR_RE.search(says.group(0)) and new_year != old_year + 1:
        return None
    return old


def _base_verb_of(norm: str, verb: str, new: Figure, sentence_start: int) -> bool:
    """上年募集 for 共募集善款M: the base's words name new's event (two characters of them
    among new's words), and say no change (上年新增, 上年减少)."""
    if _NOT_A_BASE_VERB_RE.search(verb):
        return False
    words = norm[max(sentence_start, new.number_start - _WORDS_REACH) : new.number_start]
    return any(verb[i : i + 2] in words for i in range(len(verb) - 1) if verb[i : i + 2] not in _GENERIC_PAIRS)

# 上年全市快递业务量为5.86亿件,今年完成6.82亿件,同比增长p%: last year's value named first, this
# year's after it with no other subject of its own
_NAMED_BASE_HEAD_RE = re.compile(
    rf"(?:^|[,,;:\s。!?])(?:而|其中)?(?:{_BASE_WORDS})(?:全年)?[\u4e00-\u9fff]{{0,12}}?(?:为|是|达到|达|有|共|共计)?\s*$")
_NAMED_BASE_REACH = 24
_THIS_YEAR_HEAD_RE = re.compile(
    r"^\s*[,,;]\s*(?:(?:今年|本年|当年|本期)(?:全年)?(?:以来)?|全年)\s*(?:共|累计|实际|已)?"
    rf"(?:完成|达到|达|实现|为|是|有|(?:{DIRECTION_ALTERNATIVES})(?:到|至))?\s*$")


def _base_named_before_new(norm: str, figures, new: Figure, sentence_start: int) -> Figure | None:
    """The value right before new, in its sentence and of its unit, said to be last year's
    (上年…为N), new's own clause saying only that it is this year's (今年完成M)."""
    if not new.index:
        return None
    old = figures[new.index - 1]
    if old.start < sentence_start or not old.exact or not _same_unit(old, new) or old.kind != new.kind:
        return None
    this_year = _THIS_YEAR_HEAD_RE.match(norm[old.end : new.number_start])
    if this_year is None or not norm[old.end : new.number_start].strip(" ,,;"):
        return None
    floor = max(sentence_start, old.number_start - _NAMED_BASE_REACH)
    clause_start = max(floor, norm.rfind(",", floor, old.number_start) + 1, norm.rfind(";", floor, old.number_start) + 1)
    if not _NAMED_BASE_HEAD_RE.search(norm, max(clause_start - 1, 0), old.number_start):
        return None
    return old


_YEAR_ON_YEAR_RE = re.compile(r"同比|比上年|较上年|比去年|较去年")


def _names_another_year(norm: str, base_words: str, new: Figure, sentence_start: int) -> bool:
    """A base named by its year that is not the year before the new value's (its
    sentence's year, else the title's); a base year with no year to hold it to is
    another year too."""
    base_year = _YEAR_NUMBER_RE.findall(base_words)
    if not base_year:
        return False
    years = _YEAR_NUMBER_RE.findall(norm[max(sentence_start, new.number_start - _YEAR_WORDS_REACH) : new.number_start])
    year = int(years[-1]) if years else _title_year(norm)
    return year is None or int(base_year[-1]) != year - 1
_BASE_SENTENCES_BACK = 4  # sentences before the change a named year's value may stand
_BASE_FIGURES_BACK = 40
_NOT_A_WHOLE_YEAR_RE = re.compile(r"以来|截至|截止|至今|目前|计划|目标|预计|力争|任务")
_OWN_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*年度?")
_METRIC_NOISE_RE = re.compile(
    r"^(?:全年|今年|本年|当年|全县|全市|全区|全镇|全乡|全省|我县|我市|我区|我镇|实现|完成|达到|累计|共有|共计|通过|共|有|的|\s)+"
    r"|(?:为|是|达到|达|共计|共|有|的|:|\s)+$"
)


def _metric_named(words: str) -> str:
    """全年实现社会消费品零售总额 and 2023年全区社会消费品零售总额为: 社会消费品零售总额."""
    return _METRIC_NOISE_RE.sub("", _OWN_YEAR_RE.sub("", words))


_YEAR_WORDS_REACH = 240


def _base_of_the_year_before(text, figures, new: Figure, sentence_start: int, report_year) -> Figure | None:
    """2023年全区社会消费品零售总额为64.2亿元。…。全年实现社会消费品零售总额71.5亿元,增长8.6%:
    the one value a few sentences back of the same metric, for the same place and for the whole
    of the year before the one the change is for (named in its sentence, else in the title)."""
    norm = text.norm
    sentence_start = max(sentence_start, new.number_start - _YEAR_WORDS_REACH)  # bounded: a sentence may be a whole file
    new_words = norm[max(text.clause_span(new.start)[0], sentence_start) : new.number_start]
    sentence_words = norm[sentence_start : new.number_start]
    if _PART_OF_YEAR_RE.search(sentence_words) or _NOT_A_WHOLE_YEAR_RE.search(sentence_words):
        return None
    years = [int(y) for y in _YEAR_NUMBER_RE.findall(sentence_words)]
    year = years[-1] if years else report_year
    metric = _metric_named(new_words)
    if len(metric) < 4 or _MEASURE_TAIL_RE.fullmatch(metric):
        return None
    earliest = sentence_start
    for _ in range(_BASE_SENTENCES_BACK):
        if not earliest:
            break
        earliest = text.previous_sentence_start(earliest)
    candidates = []
    for index in range(new.index - 1, max(-1, new.index - 1 - _BASE_FIGURES_BACK), -1):
        figure = figures[index]
        if figure.start < earliest:
            break
        if _same_unit(figure, new) and _metric_named(norm[text.clause_span(figure.start)[0] : figure.number_start]) == metric:
            candidates.append(figure)
    if len(candidates) != 1 or not candidates[0].exact:
        return None
    base = candidates[0]
    base_start = max(text.sentence_span(base.start)[0], base.number_start - _YEAR_WORDS_REACH)
    base_words = norm[base_start : base.number_start]
    base_years = [int(y) for y in _YEAR_NUMBER_RE.findall(base_words)]
    if not years:  # 2023年…N。2024年,…。全年…M / 今年…。全年…M: the year named since the base, else the year after it
        since = [int(y) for y in _YEAR_NUMBER_RE.findall(norm, base.end, max(base.end, sentence_start))]
        year = since[-1] if since else (year if year is not None else (base_years[-1] + 1 if base_years else None))
    if year is None or base_years[-1:] != [year - 1] or _PART_OF_YEAR_RE.search(base_words) or _NOT_A_WHOLE_YEAR_RE.search(base_words):
        return None
    return base


# 事故起数同比下降12.5% / 死亡人数比上年下降26.1%: a change named by its metric, after the values
_NAMED_CHANGE_RE = re.compile(
    r"^\s*[,,;]\s*(?:其中\s*)?(?P<name>[\u4e00-\u9fff]{2,8}?)\s*"
    rf"(?:(?:同比|(?:比|较){_BASE_WORDS}|与{_BASE_WORDS}相比)\s*(?:[,,]\s*)?)?"
    rf"(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?\s*$"
)
# 起数 → 起, 死亡人数 → 人: the unit a metric's name counts in
_NAME_UNIT_RE = re.compile(r"(?P<stem>[\u4e00-\u9fff]*?)(?:总)?(?:(?P<unit>起|人次|人|户|件|次|家|个|辆|宗|名|所|座|头|只|台|套|项)数|数量)$")


def _changes_named_by_metric(text, figures, claimed: set[int]) -> list[Change]:
    """发生事故42起、死亡17人,事故起数同比下降12.5%,死亡人数同比下降26.1%,上年同期为48起、
    死亡23人: each change named by its metric (its unit, its words) goes with the one
    value of the sentence so named, and with the one base of that unit in the list after."""
    norm = text.norm
    found = []
    for stated in figures:
        if stated.kind != "percent" or stated.index in claimed or not stated.index:
            continue
        sentence_start, sentence_end = text.sentence_span(stated.start)
        previous = figures[stated.index - 1]
        if previous.start < sentence_start:
            continue
        says = _NAMED_CHANGE_RE.match(norm[previous.end : stated.number_start])
        if not says:
            continue
        named = _NAME_UNIT_RE.fullmatch(says.group("name"))
        # 案件数 names its unit and 案; 查处数量 names 查处 and any count
        if named is None or len(named.group("stem")) < (1 if named.group("unit") else 2):
            continue
        new = _value_named(text, figures, stated, sentence_start, named.group("stem"), named.group("unit"))
        if new is None:
            continue
        old = _base_right_after(norm, figures, new, stated, sentence_end) \
            or _base_in_list_after(text, figures, new, stated, sentence_end, named.group("stem")[-2:])
        if old is not None:
            found.append(Change(old, new, "", stated, says.group("word"), new.start, stated.end))
    return found


# 42起、死亡17人,同比分别下降12.5%、26.1%,上年同期分别为48起、23人: values, changes and bases in one order
_RESPECTIVE_CHANGE_RE = re.compile(
    r"^\s*[,,;]\s*(?:[\u4e00-\u9fff、和及]{0,20}?)"
    rf"(?:同比|环比|(?:比|较){_BASE_WORDS}|与{_BASE_WORDS}相比)\s*(?:[,,]\s*)?分别\s*(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?\s*$"
)
_LIST_JOIN_RE = re.compile(r"^\s*(?:、|和|及|,)\s*$")
_VALUE_JOIN_RE = re.compile(r"^\s*[、,,]\s*[\u4e00-\u9fff]{0,4}\s*$")
# 3起、死亡2人,比上年(事故5起、死亡4人)分别下降40%和60%: the bases in brackets between the values and the changes
_BRACKETED_BASES_THEN_RE = re.compile(rf"^\s*\)\s*(?:[,,]\s*)?分别\s*(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?\s*$")
_BRACKETED_BASES_HEAD_RE = re.compile(rf"^\s*[,,]?\s*(?:同比|环比|(?:比|较){_BASE_WORDS}|与{_BASE_WORDS}相比)\s*\(\s*[\u4e00-\u9fff]{{0,6}}\s*$")


def _respective_changes(text, figures, claimed: set[int]) -> list[Change]:
    """The values before a 分别 list of changes, paired in order with the changes and with
    the bases listed after them (上年同期分别为…), each base of its value's unit."""
    norm = text.norm
    found = []
    for first in figures:
        if first.kind != "percent" or first.index in claimed or first.in_list or first.index < 2:
            continue
        sentence_start, sentence_end = text.sentence_span(first.start)
        says = _RESPECTIVE_CHANGE_RE.match(norm[figures[first.index - 1].end : first.number_start])
        bracketed = None if says else _BRACKETED_BASES_THEN_RE.match(norm[figures[first.index - 1].end : first.number_start])
        if not says and not bracketed:
            continue
        stated = [first]
        for figure in figures[first.index + 1 : first.index + _MAX_SCOPE]:
            if figure.kind != "percent" or not _LIST_JOIN_RE.match(norm[stated[-1].end : figure.number_start]):
                break
            stated.append(figure)
        count = len(stated)
        if bracketed:
            found.extend(_changes_of_bracketed_bases(norm, figures, stated, bracketed.group("word"), sentence_start))
            continue
        values = list(figures[max(0, first.index - count) : first.index])
        if count < 2 or len(values) != count or values[0].start < sentence_start or not _exact_values_listed(norm, values):
            continue
        if _listed_before(norm, figures, values[0], sentence_start):
            continue  # 42起、死亡17人、受伤30人,…分别下降a%、b%: three values, two changes
        bases = _bases_listed(text, figures, stated[-1], count, sentence_end)
        if bases is None or any(not _same_unit(v, b) for v, b in zip(values, bases)):
            continue
        found.extend(Change(base, value, "", change, says.group("word"), value.start, change.end)
                     for value, change, base in zip(values, stated, bases))
    return found


# A、B分别由上年的a1、b1下降到a2、b2,分别下降p%和q%: two lists, each value to its own, and the changes in order
_RESPECTIVE_FROM_RE = re.compile(r"(?:由|从)(?:上年|去年|上一年|(?:19|20)\d{2}\s*年(?:底|末)?|年初)?的?\s*$")
_RESPECTIVE_STATED_RE = re.compile(
    rf"^\s*[,,]?\s*(?:同比|(?:比|较){_BASE_WORDS})?\s*分别\s*(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?\s*$")


_REST_JOIN_RE = re.compile(r"^(?P<rest>[\u4e00-\u9fff]{0,4}?)\s*(?:、|和|及)\s*$")


def _join_rest(norm: str, one: Figure, other: Figure) -> str | None:
    """"" or the rest of a compound unit (标准煤) between two listed values, None when they are no list."""
    join = _REST_JOIN_RE.match(norm[one.end : other.number_start])
    return join.group("rest") if join else None


def _respective_from_to(text, figures, claimed: set[int]) -> list[Change]:
    """由a1、b1下降到a2、b2(,分别下降p%和q%): old value i to new value i, each of one unit, and
    the i-th stated change of the list after them when there is one of each."""
    norm = text.norm
    found = []
    for last_old in figures[1:]:
        after = figures[last_old.index + 1] if last_old.index + 1 < len(figures) else None
        if after is None or _join_rest(norm, figures[last_old.index - 1], last_old) is None:
            continue
        to = _TO_RE.match(norm[last_old.end : after.number_start])
        if to is None or not to.group("word"):
            continue
        sentence_start, sentence_end = text.sentence_span(last_old.start)
        olds = [last_old]
        while olds[0].index and _join_rest(norm, figures[olds[0].index - 1], olds[0]) is not None:
            olds.insert(0, figures[olds[0].index - 1])
        count = len(olds)
        news = list(figures[after.index : after.index + count])
        if olds[0].start < sentence_start or len(news) != count or news[-1].start >= sentence_end \
                or not ends_with(_RESPECTIVE_FROM_RE, norm, sentence_start, olds[0].number_start) \
                or [_join_rest(norm, a, b) for a, b in zip(olds, olds[1:])] != [_join_rest(norm, a, b) for a, b in zip(news, news[1:])] \
                or any(not (o.exact and n.exact and _same_unit(o, n) and o.kind == n.kind) for o, n in zip(olds, news)):
            continue  # 0.412吨标准煤、30.2立方米 → 0.396吨标准煤、28.6立方米: each value with the rest of its unit
        stated: list[Figure | None] = [None] * count
        word = ""
        first = figures[news[-1].index + 1] if news[-1].index + 1 < len(figures) else None
        says = first is not None and first.start < sentence_end and first.index not in claimed and first.kind == "percent" \
            and _RESPECTIVE_STATED_RE.match(norm[news[-1].end : first.number_start])
        if says:
            listed = list(figures[first.index : first.index + count])
            if len(listed) == count and all(f.kind == "percent" and f.start < sentence_end for f in listed) \
                    and all(_LIST_JOIN_RE.match(norm[a.end : b.number_start]) for a, b in zip(listed, listed[1:])):
                stated, word = listed, says.group("word")
        found.extend(Change(old, new, to.group("word"), change, word, old.start, (change or new).end)
                     for old, new, change in zip(olds, news, stated))
    return found


def _changes_of_bracketed_bases(norm: str, figures, stated: list[Figure], word: str, sentence_start: int) -> list[Change]:
    """Values, then 比上年(…) with as many bases, then 分别 and as many changes: paired in order."""
    count = len(stated)
    first = stated[0].index
    if count < 2 or first < 2 * count:
        return []
    values, bases = list(figures[first - 2 * count : first - count]), list(figures[first - count : first])
    if values[0].start < sentence_start or not _BRACKETED_BASES_HEAD_RE.match(norm[values[-1].end : bases[0].number_start]):
        return []
    if not _exact_values_listed(norm, values) or not _exact_values_listed(norm, bases):
        return []
    if _listed_before(norm, figures, values[0], sentence_start):
        return []  # more values than changes: which is which is not said
    if any(not _same_unit(v, b) for v, b in zip(values, bases)):
        return []
    return [Change(base, value, "", change, word, value.start, change.end) for value, change, base in zip(values, stated, bases)]


def _exact_values_listed(norm: str, values: list[Figure]) -> bool:
    """Exact quantities written as one list (42起、死亡17人)."""
    return all(v.kind in QUANTITY_KINDS and v.exact for v in values) \
        and all(_VALUE_JOIN_RE.match(norm[a.end : b.number_start]) for a, b in zip(values, values[1:]))


def _listed_before(norm: str, figures, first: Figure, sentence_start: int) -> bool:
    """Another value of first's list right before it in its sentence (受伤30人 before 、死亡17人)."""
    before = figures[first.index - 1] if first.index else None
    return before is not None and before.start >= sentence_start and _VALUE_JOIN_RE.match(norm[before.end : first.number_start]) is not None


def _bases_listed(text, figures, last: Figure, count: int, sentence_end: int) -> list[Figure] | None:
    """上年同期分别为48起、23人: exactly count exact values after the head, in the sentence
    or the one after it."""
    norm = text.norm
    limit = sentence_end
    if norm[limit : limit + 1] in ("。", ";"):
        following = _skip_blanks(norm, limit + 1, min(len(norm), limit + 8))
        if following < len(norm):
            limit = text.sentence_span(following)[1]
    head = _BASE_LIST_HEAD_RE.search(norm, last.end, min(limit, last.end + 40))
    if head is None:
        return None
    bases = figures[last.index + 1 : last.index + 1 + count]
    if len(bases) != count or bases[0].start < head.end() or bases[-1].end > limit:
        return None
    if not _BASE_LIST_GAP_RE.match(norm[head.end() : bases[0].number_start]) \
            or any(not _VALUE_JOIN_RE.match(norm[a.end : b.number_start]) for a, b in zip(bases, bases[1:])):
        return None
    following = figures[last.index + 1 + count] if last.index + 1 + count < len(figures) else None
    if following is not None and following.start < limit and _LIST_JOIN_RE.match(norm[bases[-1].end : following.number_start]):
        return None  # more bases than changes: the list is not read right
    return bases if all(b.exact for b in bases) else None


def _base_right_after(norm: str, figures, new: Figure, stated: Figure, sentence_end: int) -> Figure | None:
    """…下降12.5%(上年同期48起) / 增长8%,上年为480件: the base of new's unit right after the change."""
    following = figures[stated.index + 1] if stated.index + 1 < len(figures) else None
    if following is None or following.start >= sentence_end or not _same_unit(following, new) or not following.exact:
        return None
    base = _BASE_AFTER_RE.match(norm[stated.end : following.number_start])
    if base is None or base.group("bare") and not _CLAUSE_END_RE.match(norm, following.end):
        return None
    return following


def _value_named(text, figures, stated: Figure, sentence_start: int, stem: str, unit: str | None) -> Figure | None:
    """The one value of the sentence before the stated change, counted in unit and
    named by stem (事故 in 发生道路交通事故42起)."""
    norm = text.norm
    matches = []
    for index in range(stated.index - 1, max(-1, stated.index - 1 - _MAX_SCOPE), -1):
        figure = figures[index]
        if figure.start < sentence_start:
            break
        if figure.kind not in QUANTITY_KINDS or unit and figure.base_unit != unit or not unit and figure.kind != "count":
            continue
        head_start = max(figures[index - 1].end if index else 0, text.clause_span(figure.start)[0], sentence_start)
        if stem[-2:] in norm[head_start : figure.number_start]:
            matches.append(figure)
    return matches[0] if len(matches) == 1 and matches[0].exact else None


# 上年分别为 / 上年同期为 / 上年营业收入为: the head of the bases stated after the changes
_BASE_LIST_HEAD_RE = re.compile(rf"(?:{_BASE_WORDS})(?:同期)?[\u4e00-\u9fff]{{0,8}}?(?:分别)?(?:为|是)")
# 上年道路建设投资为: a base that names its metric (上年为, 上年同期分别为 name none)
_NAMED_BASE_RE = re.compile(r"(?:上年|去年|上一年|前一年)(?:同期)?(?!分别|同期)[\u4e00-\u9fff]{2,8}?(?:分别)?(?:为|是)")
_BASE_LIST_GAP_RE = re.compile(r"^\s*(?:[、,和及]\s*)?[\u4e00-\u9fff]{0,4}\s*$")


_BASE_NAME_NOISE_RE = re.compile(r"^(?:上年|去年|上一年|前一年)(?:同期)?(?:全年)?(?:全县|全市|全区|全镇|全乡|全省|该项|此项|本项|该|其)?|(?:分别)?(?:为|是)$")


def _names_the_value(head: str, text, new: Figure) -> bool:
    """上年道路投资为 names 道路…投资: its first word stands among the new value's words."""
    name = _BASE_NAME_NOISE_RE.sub("", head)
    words = text.norm[max(text.clause_span(new.start)[0], new.number_start - 60) : new.number_start]
    return len(name) < 2 or name[:2] in words


def _base_in_list_after(text, figures, new: Figure, stated: Figure, sentence_end: int, stem: str = "") -> Figure | None:
    """…增长14.6%;…增长16.2%。上年分别为1122.5万人次、99.1亿元 / 事故31起、死亡19人,…下降16.2%,…
    下降20.8%,上年同期为37起、死亡26人: the one value of new's unit in the list of bases
    after the stated change, in its sentence or the next."""
    norm = text.norm
    reach = stated.end + 120
    limit = sentence_end
    for _ in range(2):  # the sentence, and at most two after it (…增长14.6%;…增长16.2%。上年分别为…)
        if norm[limit : limit + 1] not in ("。", ";"):
            break
        following = _skip_blanks(norm, limit + 1, min(len(norm), reach + 1))
        if following >= len(norm):
            break
        limit = text.sentence_span(following)[1]
    limit = min(limit, reach)
    head = _BASE_LIST_HEAD_RE.search(norm, stated.end, limit)
    if head is None:
        return None
    if _NAMED_BASE_RE.fullmatch(head.group(0)) and not _names_the_value(head.group(0), text, new):
        return None  # 上年全县过夜游客为N after 接待游客M: another metric's base
    if _NAMED_BASE_RE.fullmatch(head.group(0)) and any(
            f.kind in ("percent", "points") for f in figures[stated.index + 1 : stated.index + 1 + _MAX_SCOPE] if f.start < head.start()):
        return None  # …增长8.8%;其中道路投资…下降4.6%;上年道路投资为…: the named base of the change nearer it
    position, found, named = head.end(), [], []
    for figure in figures[stated.index + 1 : stated.index + 1 + _MAX_SCOPE]:
        if figure.start < head.end():
            continue
        if figure.start >= limit or not _BASE_LIST_GAP_RE.match(norm[position : figure.number_start]):
            break
        if _same_unit(figure, new):
            found.append(figure)
            named.append(stem and stem in norm[position : figure.number_start])
        position = figure.end
    if stem and len(found) > 1 and named.count(True) == 1:
        found = [found[named.index(True)]]  # 死亡23人、受伤41人: the base its metric names
    return found[0] if len(found) == 1 and found[0].exact else None


def _base_in_sentence_before(text, figures, new: Figure, sentence_start: int) -> Figure | None:
    """The one value of new's unit in the sentence before (or two back, over a sentence with
    none of the unit), said to be last year's (上年为N), of the same period."""
    base = base_in_sentence_before(text, figures, new, sentence_start)
    return base if base is not None and same_period(text, base, new) else None







# after the comma only words with no subject of their own: …,人均收入翻了一番 speaks of another metric
_MULTIPLE_RE = re.compile(
    r"[^,;。\d]{0,6}?(?:[,,]\s*(?:数量|总量|规模|总额|总数|总值)?(?:同比|(?:比|较)(?:上年|去年|原来))?"
    r"(?:[一二两三四五六七八九十\d]+年(?:来|间|中)?|近[一二两三四五六七八九十\d]+年(?:来)?)?(?:实现了?|已经?|均|共|累计|整整)?)?"
    r"(?:翻了?(?P<doublings>一|两|二|三|四|\d)?番"
    rf"|(?:增长|增加|提高|提升|扩大)了?(?P<grown>{_TIMES_QUALIFIED})"
    rf"|(?:达到|是|为)(?:原来|过去|上年|去年|此前|改革前)的(?P<times>(?P<t_approx>近|接近|约|超过|逾)?"
    rf"(?P<t_number>{_TIMES})倍(?P<t_more>多|余|以上)?))"
)


def _multiple_after(norm: str, position: int, sentence_end: int) -> Multiple | None:
    """翻一番 (at least double, less than four times), 增长了N倍 (N+1 times; N times
    as many writers mean it), 达到原来的N倍 (N times), each N as an interval."""
    match = _MULTIPLE_RE.match(norm, position, min(sentence_end, position + 24))
    if not match or TARGET_RE.search(norm, position, match.end()):
        return None  # 力争三年内再翻两番: a target, not what the values did
    if match.group("grown") is None and match.group("times") is None:  # 翻一番, 翻了两番, 实现翻番 (one doubling)
        return _doubled(norm.rfind("翻", match.start(), match.end()), match.end(), match.group("doublings"),
                        _more_after(norm, match.end()))
    if match.group("grown"):
        return _times(match.start("grown"), match.end(), match.group("number"), True, match.group("approx"), match.group("more"))
    return _times(match.start("times"), match.end(), match.group("t_number"), False, match.group("t_approx"), match.group("t_more"))


def _multiple_of(norm: str, match: re.Match) -> Multiple | None:
    """The interval of new/old a multiple_bases match allows."""
    if match.group("number"):
        start = match.start("approx") if match.group("approx") else match.start("number")
        return _times(start, match.end(), match.group("number"), False, match.group("approx"), match.group("more"))
    if match.group("g_number"):
        start = match.start("g_approx") if match.group("g_approx") else match.start("g_number")
        return _times(start, match.end(), match.group("g_number"), True, match.group("g_approx"), match.group("g_more"))
    return _doubled(norm.rfind("翻", match.start(), match.end()), match.end(), match.group("doublings"),
                    _more_after(norm, match.end()))


def _doubled(start: int, end: int, doublings: str | None, more: bool = False) -> Multiple:
    """翻N番: 2^N times, from a little under it (95%) to half-way to the next doubling
    (翻了一番 for 3.2 times would be 增长两倍多); 翻N番多 up to the next doubling."""
    from auditor.extract import cn_number

    n = int(doublings) if doublings and doublings.isdigit() else cn_number(doublings or "一")
    factor = Fraction(2) ** int(n)
    return Multiple(start, end, factor * Fraction(95, 100), factor * 2 if more else factor * Fraction(3, 2))


_MORE_AFTER = ("多", "余", "以上")


def _more_after(norm: str, end: int) -> bool:
    """翻了一番多, 翻番以上: at least, not about (the match may hold the word or stop before it)."""
    return norm.startswith(_MORE_AFTER, end) or norm.endswith(_MORE_AFTER, 0, end)


_UNBOUNDED = Fraction(10**9)


def _times(start: int, end: int, written: str, grown: bool, approx: str | None, more: str | None) -> Multiple | None:
    """N倍 as the interval of new/old it allows: N within its rounding; 增长N倍
    N+1 times by the norm and N times as often written; N倍多/N倍余 from N up to
    the next whole; N倍以上, 超过N倍 from N up; 近N倍, 约N倍 one below N to N."""
    value = _number(written)
    if value is None:
        return None
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    half = Fraction(1, 10**decimals) / 2
    extra = 1 if grown else 0  # 增长N倍: N or N+1 times
    if more in ("多", "余"):
        return Multiple(start, end, value, value + 1 + extra)
    if more == "以上" or approx in ("超过", "逾"):
        return Multiple(start, end, value, _UNBOUNDED)
    if approx:  # 近4倍, 约4倍: somewhat below or about
        return Multiple(start, end, value - 1, value + extra + 1)
    # a multiple with decimals may be truncated as a rate is (25/14 = 1.79 written 1.7倍): up to one unit of its last place
    upper = 2 * half if decimals else half
    if extra and 2 * half < extra:
        return Multiple(start, end, value - half, value + upper, (value + extra - half, value + extra + upper))
    if extra:  # 增长了2倍: about 2 or about 3 times, not 2.5 (增长了1.5倍 or 两倍多)
        return Multiple(start, end, value - _WHOLE_SLACK, value + _WHOLE_SLACK,
                        (value + extra - _WHOLE_SLACK, value + extra + _WHOLE_SLACK))
    return Multiple(start, end, value - half, value + extra + upper)


_WHOLE_SLACK = Fraction(3, 10)  # 增长了N倍 with N whole: either reading within 0.3 of a whole multiple


def _number(written: str) -> Fraction | None:
    if written[0].isdigit():
        return Fraction(written)
    from auditor.extract import cn_number

    value = cn_number(written)
    return Fraction(value) if value is not None else None


def _changes_from_difference(text, figures) -> list[Change]:
    """发生纠纷41起,比上年减少9起,下降18%: the old value is 41+9."""
    norm = text.norm
    found = []
    for stated in figures:
        if stated.kind != "percent" or stated.index < 2:
            continue
        difference, new = figures[stated.index - 1], figures[stated.index - 2]
        sentence_start, _ = text.sentence_span(stated.start)
        if new.start < sentence_start or new.kind == "percent":
            opened = _difference_opening_sentence(text, figures, stated, difference, sentence_start)
            if opened is not None:
                found.append(opened)
            continue
        if not _is_quantity(new) or not _is_quantity(difference) or not _same_unit(new, difference):
            continue
        rest = len(_shared_unit_rest(norm, new, difference))  # 6.4个工作日,…缩短2.1个工作日: the unit's rest
        tail = _DIFFERENCE_TAIL_RE.match(norm[difference.end + rest : stated.number_start])
        head = _DIFFERENCE_HEAD_RE.search(norm, new.end + rest, difference.number_start)
        if not tail or not head:
            continue
        compare = ends_with(_COMPARE_RE, norm, sentence_start, new.number_start)
        closes = r"\s*\)?\s*[,,]?\s*" if compare and compare.group("bracket") else r"\s*[,,]?\s*"
        if not re.fullmatch(closes, norm[new.end + rest : head.start()]):
            continue
        if head.group("added") and not (compare and compare.group("bracket")):
            continue  # 新增23家 alone may count what was added, not the net change
        if head.group("bare") in ("多", "少") and not compare:
            continue  # 多 alone after a value is no difference unless a base stands before it (比上年的N多D)
        word = head.group("word") or head.group("bare") or "增加"
        word = {"净增": "增加", "净减": "减少", "多增": "增加", "少增": "减少"}.get(word[:2], word)  # 净增加 / 净减少: the net change; 多增: this year's increment the larger
        says = direction_of(word) or ("down" if word == "少" else "up")
        tail_word = tail.group("word") or tail.group("rate")
        if tail.group("name") and not _names_its_value(norm, tail.group("name"), new, sentence_start):
            continue  # …减少0.52亿公斤,收入总额增长p%: the rate of another metric
        if unit_slip(norm, new, difference, stated) is not None:
            continue  # a difference whose unit slipped: CH003 names the unit
        if (direction_of(tail.group("word")) if tail.group("word") else _RATE_DIRECTION[tail_word]) != says:
            if compare:
                continue
            # 8.64亿公斤,同比减少0.52亿公斤,同比增长6.4%: the difference gives the base and the
            # direction; the rate's word says the other way (DR001)
            value = new.value - difference.value if says == "up" else new.value + difference.value
            if value > 0:
                found.append(Change(_derived(difference, new, value), new, "", stated, tail_word, new.start, stated.end))
            continue
        if compare:
            if compare.group("bracket") and not (new.index and _right_before_bracket(norm, figures, new, figures[new.index - 1], compare.start())):
                continue
            change = _compared_with_difference(figures, new, difference, stated, says, sentence_start)
            if change is not None:
                found.append(replace(change, stated_word=tail_word))
            continue  # 32.6万人次,较上年的29.8万人次增加2.8万: 29.8万 is the base, not the new value
        value = new.value - difference.value if says == "up" else new.value + difference.value
        if value <= 0:
            continue
        old = _derived(difference, new, value)
        found.append(Change(old, new, "", stated, tail_word, new.start, stated.end))
    return found


_UNIT_REST_RE = re.compile(r"[\u4e00-\u9fff]{1,%d}" % 8)


def _shared_unit_rest(norm: str, one: Figure, other: Figure) -> str:
    """个工作日 after both 6.4个 and 2.1个: the words right after both values that they share
    (the rest of a compound unit), or "" when one of them is followed by no word."""
    first, second = _UNIT_REST_RE.match(norm, one.end), _UNIT_REST_RE.match(norm, other.end)
    if first is None or second is None:
        return ""
    return os.path.commonprefix([first.group(0), second.group(0)])


# …举报3618件,占27%。 : the value ends its sentence, at most a share of it after it
_VALUE_ENDS_SENTENCE_RE = re.compile(r"\s*(?:[,,]\s*占[^。;\d]{0,10}\d+(?:\.\d+)?%)?\s*$")


def _difference_opening_sentence(text, figures, stated: Figure, difference: Figure, sentence_start: int) -> Change | None:
    """受理消费者举报3618件,占27%。比去年同期增加433件,举报量增长12%。: a difference compared with last year
    that opens its sentence, with the rate after it naming its metric, speaks of the value that ends the
    sentence before (a share of it may follow it there): the old value is that value less the difference.
    Inferred across the sentence end: a warning."""
    norm = text.norm
    if difference.start < sentence_start or not _is_quantity(difference) or not sentence_start:
        return None
    head = _DIFFERENCE_HEAD_RE.fullmatch(norm, sentence_start, difference.number_start)
    if head is None or not head.group("word") or head.group("word") in ("多", "少"):
        return None  # 增加433件 alone, 新增…: no comparison said
    index = difference.index - 1
    while index >= 0 and figures[index].kind == "percent" and figures[index].start >= sentence_start - _WORDS_REACH:
        index -= 1
    if index < 0:
        return None
    new = figures[index]
    previous_start = text.previous_sentence_start(sentence_start)
    if new.start < previous_start or new.start >= sentence_start or not _is_quantity(new) or not new.exact \
            or not _same_unit(new, difference) or not _VALUE_ENDS_SENTENCE_RE.fullmatch(norm, new.end, sentence_start - 1):
        return None
    tail = _DIFFERENCE_TAIL_RE.match(norm[difference.end : stated.number_start])
    if tail is None or not tail.group("name") or not _names_its_value(norm, tail.group("name"), new, previous_start):
        return None  # the rate must name the value it is of
    word = head.group("word")
    word = {"净增": "增加", "净减": "减少", "多增": "增加", "少增": "减少"}.get(word[:2], word)
    says = direction_of(word)
    tail_word = tail.group("word") or tail.group("rate")
    if says is None or (direction_of(tail.group("word")) if tail.group("word") else _RATE_DIRECTION[tail_word]) != says:
        return None
    value = new.value - difference.value if says == "up" else new.value + difference.value
    if value <= 0 or unit_slip(norm, new, difference, stated) is not None:
        return None
    return Change(_derived(difference, new, value), new, "", stated, tail_word, new.start, stated.end, inferred=True)


def _names_its_value(norm: str, name: str, value: Figure, sentence_start: int) -> bool:
    """收购量 for 累计收购小麦8.64亿公斤: the name, less its measure word, among the value's words."""
    bare = _MEASURE_SUFFIX_RE.sub("", name.replace("总", ""))
    return len(bare) >= 2 and bare in norm[max(sentence_start, value.number_start - _WORDS_REACH) : value.number_start]


def _compared_with_difference(figures, base: Figure, difference: Figure, stated: Figure, says: str,
                              sentence_start: int) -> Change | None:
    """门诊量32.6万人次,较上年的29.8万人次增加2.8万人次,增长12.1%: the base is the
    value after 较上年的, the new value the one before it; read so only when the
    stated difference is what they give (within their rounding)."""
    if not base.index or not base.exact:
        return None
    new = figures[base.index - 1]
    if new.start < sentence_start or not new.exact or not _same_unit(new, base):
        return None
    gap = Fraction(new.value) - Fraction(base.value)
    slack = sum((half_unit(f.decimals, f.multiplier) for f in (new, base, difference)), Fraction(0))
    signed = Fraction(difference.value) if says == "up" else -Fraction(difference.value)
    if abs(gap - signed) > slack:
        return None
    return Change(base, new, "", stated, "", new.start, stated.end)


# 发生事故14起、死亡11人,与上年相比,事故起数减少5起,下降26.3%;死亡人数减少4人,下降36.4%:
# a difference and its rate named by their metric, after the values they are of
_NAMED_DIFFERENCE_HEAD_RE = re.compile(
    r"(?:^|[,,;])\s*(?:与(?:上年|去年)(?:同期)?相比\s*[,,]?\s*)?(?P<name>[\u4e00-\u9fff]{2,8}?)\s*"
    rf"(?:(?:同比|(?:比|较){_BASE_WORDS})\s*)?(?P<word>增加|减少|净增|净减|多|少)了?\s*$"
)
_NAMED_DIFFERENCE_REACH = 24


def _named_differences(text, figures, claimed: set[int]) -> list[Change]:
    """The value the metric of a difference names (事故起数 → the one 起 value whose words hold
    事故), in the sentence or the one a semicolon joins to it; the old value is M ∓ D."""
    norm = text.norm
    found = []
    for stated in figures:
        if stated.kind != "percent" or stated.index in claimed or stated.index < 2:
            continue
        difference = figures[stated.index - 1]
        sentence_start, _ = text.sentence_span(stated.start)
        if difference.start < sentence_start or not _is_quantity(difference) or not difference.exact:
            continue
        tail = _DIFFERENCE_TAIL_RE.match(norm[difference.end : stated.number_start])
        if not tail or not tail.group("word"):
            continue
        head = _NAMED_DIFFERENCE_HEAD_RE.search(
            norm, max(sentence_start - 1, difference.number_start - _NAMED_DIFFERENCE_REACH, 0), difference.number_start)
        named = head and _NAME_UNIT_RE.fullmatch(head.group("name"))
        if not named or len(named.group("stem")) < (1 if named.group("unit") else 2):
            continue
        word = {"净增": "增加", "净减": "减少", "多": "增加", "少": "减少"}.get(head.group("word"), head.group("word"))
        if direction_of(word) != direction_of(tail.group("word")):
            continue
        floor = sentence_start
        if sentence_start and norm[sentence_start - 1] == ";":
            floor = text.sentence_span(sentence_start - 1)[0]
        stem, unit = named.group("stem"), named.group("unit")
        matches = []
        for index in range(difference.index - 1, max(-1, difference.index - 1 - _MAX_SCOPE), -1):
            figure = figures[index]
            if figure.start < floor:
                break
            if figure.kind not in QUANTITY_KINDS or (figure.base_unit != unit if unit else figure.kind != "count"):
                continue
            if not _same_unit(figure, difference):
                continue
            head_start = max(figures[index - 1].end if index else 0, text.clause_span(figure.start)[0], floor)
            words = norm[head_start : figure.number_start]
            if stem[-2:] in words and not _DIFFERENCE_WORDS_RE.search(words):
                matches.append(figure)
        if len(matches) != 1 or not matches[0].exact:
            continue
        new = matches[0]
        value = new.value - difference.value if direction_of(word) == "up" else new.value + difference.value
        if value <= 0:
            continue
        found.append(Change(_derived(difference, new, value), new, "", stated, tail.group("word"), new.start, stated.end))
    return found


_DIFFERENCE_WORDS_RE = re.compile(r"增加|减少|净增|净减|增长|下降|同比|比上年|较上年")


# M,增长p%,增加D / M,同比下降p%,减少D: the difference after the rate
_RATE_THEN_DIFFERENCE_HEAD_RE = re.compile(
    r"^\s*[,,]\s*(?:同比|(?:比|较)(?:上年|去年)(?:同期)?)?(?P<word>增长|下降|增加|减少|提高|降低)了?\s*$")
_RATE_THEN_DIFFERENCE_RE = re.compile(r"^\s*[,,]\s*(?:净)?(?P<word>增加|减少|增收|减收|多|少)了?\s*$")


def _changes_with_difference_after(text, figures, claimed: set[int]) -> list[Change]:
    """接待游客552.7万人次,增长8.7%,增加66.5万人次: the old value is M − D."""
    norm = text.norm
    found = []
    for stated in figures:
        if stated.kind != "percent" or stated.index in claimed or not stated.index or stated.index + 1 >= len(figures):
            continue
        new, difference = figures[stated.index - 1], figures[stated.index + 1]
        sentence_start, sentence_end = text.sentence_span(stated.start)
        if new.start < sentence_start or difference.start >= sentence_end:
            continue
        if not _is_quantity(new) or not _is_quantity(difference) or not _same_unit(new, difference):
            continue
        says = _RATE_THEN_DIFFERENCE_HEAD_RE.match(norm[new.end : stated.number_start])
        added = says and _RATE_THEN_DIFFERENCE_RE.match(norm[stated.end : difference.number_start])
        if not added or not _CLAUSE_END_RE.match(norm, difference.end):
            continue
        up = direction_of(says.group("word")) == "up"
        if up != (direction_of(added.group("word")) == "up" if added.group("word") not in ("多", "少") else added.group("word") == "多"):
            continue
        value = new.value - difference.value if up else new.value + difference.value
        if value <= 0:
            continue
        found.append(Change(_derived(difference, new, value), new, "", stated, says.group("word"), new.start, difference.end))
    return found


def _derived(difference: Figure, new: Figure, value) -> Figure:
    """The old value a stated difference implies, placed on the difference's text."""
    # the implied value is as rough as the rougher of the two it comes from (255,325万元 less 1.45亿元)
    rough = max((new, difference), key=lambda f: half_unit(f.decimals, f.multiplier))
    multiplier, decimals = (new.multiplier, max(new.decimals, difference.decimals)) if rough is new \
        else (difference.multiplier, difference.decimals)
    return Figure(
        index=difference.index, start=difference.start, end=difference.end,
        number_start=difference.number_start, number_end=difference.number_end,
        value=value, value_high=None, written=value / multiplier if multiplier != 1 else value,
        unit=rough.unit, base_unit=new.base_unit, kind=new.kind,
        decimals=decimals, multiplier=multiplier, qualifier="", chinese=False,
        metric="", subject="", in_list=False, derived=True,
    )


_LISTED_AFTER_RE = re.compile(r"^\s*、[^\d,,。;;:]{0,10}$")
_NOUN_MEASURE_RE = re.compile(r"^的|(?:总额|总量|总数|总规模|规模|额|量|值|数)$")
_NAMED_VALUE_REACH = 16


def _listed_item(norm: str, figures, figure: Figure) -> bool:
    """A value after 、 in a list (A1.12亿元、B0.90亿元): an item, not what a later clause is about."""
    return figure.index > 0 and _LISTED_AFTER_RE.match(norm[figures[figure.index - 1].end : figure.number_start]) is not None


_OPENING_WORDS_RE = re.compile(r"[\u4e00-\u9fff]{2,12}$")


def _words_opening(norm: str, sentence_start: int, end: int) -> str:
    """助学金 in …,助学金较上年的…: the words of the clause before its comparison."""
    clause_start = _skip_blanks(norm, max(sentence_start, norm.rfind(",", sentence_start, end) + 1), end)
    found = _OPENING_WORDS_RE.search(norm, clause_start, end)
    return found.group(0) if found and found.start() == clause_start else ""


def _named_value_before(text, figures, base: Figure, noun: str, floor: int) -> Figure | None:
    """The nearest earlier exact value of the base's unit that the base's noun (使用额 → 使用,
    国家助学金) names, in the base's sentence, the one before it or the one before that: named by
    the noun's last three characters or more (all of a two-character noun)."""
    stem = _NOUN_MEASURE_RE.sub("", _NOUN_MEASURE_RE.sub("", noun))
    if len(stem) < 2:
        return None
    shortest = min(3, len(stem))
    norm = text.norm
    for _ in range(2):
        if floor:
            floor = text.sentence_span(floor - 1)[0]
    for figure in reversed(figures[: base.index]):
        if figure.start < floor:
            break
        if not figure.exact or not _same_unit(figure, base) or figure.kind != base.kind or _listed_item(norm, figures, figure):
            continue
        words = norm[max(floor, figure.number_start - _NAMED_VALUE_REACH) : figure.number_start]
        if any(stem[-length:] in words for length in range(len(stem), shortest - 1, -1)):
            return figure
    return None


_RIGHT_BEFORE_COMPARE_RE = re.compile(r"\s*[,,]?\s*")


def _value_right_before(norm: str, figures, old: Figure, compare_start: int, new: Figure | None) -> Figure | None:
    """来信256件,较去年同期237件次,上升p%: the value right before 较 is the new one though the writer
    counted it in 件 and its base in 件次 (人/人次, 户/户次); the nearest earlier one of the base's own
    unit (受理499件次,较去年同期453件次) belongs to another statement."""
    if not old.index:
        return new
    before = figures[old.index - 1]
    if (before is new or new is not None and before.start < new.start or before.kind != old.kind
            or before.unit == old.unit or not before.exact
            or before.unit.removesuffix("次") != old.unit.removesuffix("次")
            or not _RIGHT_BEFORE_COMPARE_RE.fullmatch(norm, before.end, compare_start)
            or _listed_item(norm, figures, before)):
        return new
    return before


def _earlier_alike(figures: tuple[Figure, ...], part_indexes: set[int]) -> list[Figure | None]:
    """For each figure, the nearest earlier exact figure of its kind and unit
    that is not a part of a total: one pass instead of a scan per figure."""
    last: dict[tuple[str, str], Figure] = {}
    earlier: list[Figure | None] = []
    for figure in figures:
        key = (figure.base_unit, figure.kind)
        earlier.append(last.get(key))
        if figure.exact and figure.index not in part_indexes:
            last[key] = figure
    return earlier


_UNIT_TAIL_MAX = 8  # 个工作日, 吨标准煤/万元: the rest of a compound unit after the measure word


def _to_word(norm: str, old: Figure, new: Figure) -> tuple[re.Match | None, int]:
    """The direction word and 到/至 between a before and an after value, and
    where the after value ends. A compound unit (2.5个工作日缩短至3个工作日,
    0.52吨标准煤/万元下降至0.48吨标准煤/万元) is read when both values carry
    the same rest of the unit."""
    between = norm[old.end : new.number_start]
    to = _TO_RE.match(between)
    if to:
        return to, new.end
    for length in range(1, min(_UNIT_TAIL_MAX, len(between)) + 1):
        tail = between[:length]
        if not _UNIT_TAIL_RE.fullmatch(tail):
            break
        if norm.startswith(tail, new.end):
            to = _TO_RE.match(between[length:])
            if to:
                return to, new.end + length
    return None, new.end


_UNIT_TAIL_RE = re.compile(r"[\u4e00-\u9fff/][\u4e00-\u9fff/]*")  # 个工作日, /亩


def _stated_after(figures, norm: str, new: Figure, sentence_end: int, end: int) -> tuple[Figure | None, str]:
    following = figures[new.index + 1] if new.index + 1 < len(figures) else None
    if following is None or following.start >= sentence_end or following.kind not in ("percent", "points"):
        return None, ""
    match = _STATED_RE.match(norm[end : following.number_start])
    if not match:
        return None, ""
    return following, match.group("word") or match.group("rate")


# --- shares given with 分别 -----------------------------------------------------------
#
# 全院医生1000人,其中高级120人、中级450人、初级430人,分别占12%、45%和43%:
# part i over the whole gives share i. The whole is found as for a single share
# (the figure before 其中, a figure whose words 占 names, the group the sentence
# opens with); one found across sentences or without a cue word is an inferred
# reading (a warning), believed only when it gives at least one of the shares.
# What does not resolve to exactly one part per share over one stated whole is
# left alone: a wrong count is RS001's business, and the reading a single share
# would get (the last part over the first share) is never what 分别 means.

# 分别占12%、45% / 分别占总数的… / 分别占全县户籍人口的比重为… ; 占比分别为 / 所占比例分别为
_RESPECTIVE_SHARE_RES = (
    re.compile(r"(?:分别|依次)占(?:到|了)?(?P<whole>[^\d,。;:]{0,12}?)(?:的)?(?:比重|比例|比)?(?:为|达|达到|是)?\s*$"),
    re.compile(r"占(?P<whole>[^\d,。;:分]{0,12}?)(?:的)?(?:比重|比例|比)分别(?:为|达|达到|是)?\s*$"),
)
_ITEM_JOIN_RE = re.compile(r"、|和|及|与")
_RESPECTIVE_SUBJECT_NOISE = ("所", "各", "依次", *_SHARE_SUBJECT_NOISE)
_MAX_WHOLE_LOOKBACK = 12  # figures back from the first part a whole may stand


def respective_shares(analysis) -> dict[int, Ratio | None]:
    """{share index: its reading} for every share of a 分别占 clause; None
    for the first share of a clause that does not resolve (no reading)."""
    text, figures = analysis.text, analysis.figures
    found: dict[int, Ratio | None] = {}
    if "分别" not in text.norm and "依次" not in text.norm:
        return found
    for first, words in respective_share_clauses(text, figures):
        found[first.index] = None
        shares = _shares_from(figures, first)
        for ratio in _respective_readings(text, figures, shares, words):
            found[ratio.rate.index] = ratio
    return found


def respective_share_clauses(text, figures) -> Iterator[tuple[Figure, re.Match]]:
    """(first share, the words before it) of every 分别占 clause: 分别占12%、45%, 占比分别为…"""
    for first in figures:
        if first.kind != "percent" or first.in_list:
            continue
        clause_start, _ = text.clause_span(first.start)
        for pattern in _RESPECTIVE_SHARE_RES:
            words = ends_with(pattern, text.norm, clause_start, first.number_start)
            if words:
                yield first, words
                break


def _shares_from(figures, first: Figure) -> list[Figure]:
    shares = [first]
    index = first.index + 1  # by index: a slice would copy every later figure
    while index < len(figures) and figures[index].kind == "percent" and figures[index].in_list:
        shares.append(figures[index])
        index += 1
    return shares


def _respective_readings(text, figures, shares: list[Figure], words: re.Match) -> list[Ratio]:
    if len(shares) < 2:
        return []
    parts = _listed_parts(text, figures, shares[0], len(shares), words.start())
    if parts is None:
        return []  # (households and people over their own wholes: auditor.share_pairs)
    whole = _respective_whole(text, figures, parts, shares, words.group("whole").strip().removesuffix("的"))
    if whole is None:
        return []
    total, inferred = whole
    given = [pair_explains(part, total, share) for part, share in zip(parts, shares)]
    if inferred and not any(given):
        return []  # a whole only guessed at, that gives none of the shares: another whole
    readings = []
    for part, share, holds in zip(parts, shares, given):
        denominator = total if holds else _other_whole(text, figures, part, share, parts) or total
        readings.append(Ratio(share, part, denominator, inferred, kind="share"))
    return readings


def _listed_parts(text, figures, first_share: Figure, count: int, words_start: int) -> list[Figure] | None:
    """The `count` quantities listed just before 分别, one unit, one sentence;
    None when the list has more items than that, or they are no parts."""
    norm = text.norm
    sentence_start, _ = text.sentence_span(first_share.start)
    if first_share.index < count:
        return None
    parts = list(figures[first_share.index - count : first_share.index])
    if any(not _is_quantity(p) or not _same_unit(p, parts[0]) or p.start < sentence_start for p in parts):
        return None
    for earlier, later in zip(parts, parts[1:]):
        gap = norm[earlier.end : later.number_start]
        if not re.search(r"[、,和及与]", gap) or "其中" in gap or _CHANGE_CLAUSE_RE.search(gap):
            return None
    last = parts[-1]
    if text.clause_span(words_start)[0] > text.clause_span(last.start)[1] + 1:
        return None  # the shares must follow the list
    between = norm[last.end : words_start]
    if _CHANGE_CLAUSE_RE.search(between) or _own_subject(between):
        return None  # 其中女性分别占…: shares within each part, not of one whole
    for part in parts:
        clause_start, _ = text.clause_span(part.start)
        if _CHANGE_CLAUSE_RE.search(norm, max(clause_start, part.number_start - 12), part.number_start):
            return None  # 分别增加120人、450人: changes, not parts
    return parts


def _own_subject(between: str) -> bool:
    subject = re.sub(r"[^\u4e00-\u9fff]", "", between)
    for word in _RESPECTIVE_SUBJECT_NOISE:
        subject = subject.replace(word, "")
    return len(subject) >= 2


def _respective_whole(text, figures, parts: list[Figure], shares: list[Figure], named: str) -> tuple[Figure, bool] | None:
    """(whole, inferred): the figure before 其中; a figure of this sentence or
    the one before whose words 占 names; the figure the group the sentence
    opens with (专任教师中,…) names; the figure just before the list; the
    whole named, stated earlier in the document."""
    norm = text.norm
    share = shares[0]
    sentence_start, _ = text.sentence_span(share.start)
    first = parts[0]
    largest = max(p.value for p in parts)
    generic = _generic_whole(named)

    def clause_of(figure: Figure) -> str:
        return norm[text.clause_span(figure.start)[0] : figure.number_start]

    def fits(figure: Figure) -> bool:
        return (figure not in parts and _is_quantity(figure) and _same_unit(figure, first) and figure.value >= largest
                and not _has_own_share(norm, figure) and not _CHANGE_CLAUSE_RE.search(clause_of(figure)))

    def names(figure: Figure, whole: str = named) -> bool:
        return _names(whole, clause_of(figure)) or _names_without_total(whole, clause_of(figure))

    before = figures[first.index - 1] if first.index else None
    if before is not None and before.start >= sentence_start and _is_quantity(before) and _same_unit(before, first):
        gap = norm[before.end : first.number_start]
        if "其中" in gap:
            return (before, False) if fits(before) and (generic or names(before)) else None
        if _ITEM_JOIN_RE.search(gap):
            return None  # one more item of the list: more parts than shares
        # 全院医生1000人,高级…、中级…,分别占: a whole before the list, with no cue
        if fits(before) and before.value >= sum(p.value for p in parts) and (generic or names(before)):
            return before, True
        return None
    previous_start = text.previous_sentence_start(sentence_start)
    head = norm[sentence_start : first.number_start].lstrip()
    if (before is not None and head.startswith("其中") and before.start >= previous_start
            and re.fullmatch(r"[\s。;]*", norm[before.end : sentence_start]) and fits(before) and (generic or names(before))):
        return before, True  # 全县人口5.2万人。其中城镇…
    lookback = figures[max(0, first.index - _MAX_WHOLE_LOOKBACK) : first.index][::-1]
    if not generic:
        for figure in lookback:
            if figure.start < previous_start:
                break
            if fits(figure) and names(figure):
                return figure, figure.start < sentence_start
    group = _GROUP_HEAD_RE.match(norm, sentence_start, first.number_start)
    if group is not None and (generic or _names(named, group.group("group"))):
        for figure in lookback:
            if figure.start >= sentence_start:
                continue
            if figure.start < sentence_start - _GROUP_LOOKBACK_CHARS:
                break
            if fits(figure) and names(figure, group.group("group")):
                return figure, True
    # 全村共有农户312户 lines before …分别占农户总数的: the whole stated earlier under its name
    earlier = [f for f in bases_stated_earlier(text, figures, first, named, sentence_start, share.number_start, largest)
               if fits(f)]
    if earlier:
        return next((f for f in earlier if any(pair_explains(p, f, s) for p, s in zip(parts, shares))), earlier[0]), True
    return None


def _other_whole(text, figures, part: Figure, share: Figure, parts: list[Figure]) -> Figure | None:
    """Another same-unit quantity of this sentence or the one before that gives the share (explain before accusing)."""
    sentence_start, _ = text.sentence_span(share.start)
    previous_start = text.previous_sentence_start(sentence_start)
    for figure in figures[max(0, parts[0].index - _MAX_WHOLE_LOOKBACK) : share.index]:
        if (figure.start >= previous_start and figure not in parts and _is_quantity(figure) and _same_unit(figure, part)
                and figure.value >= part.value and pair_explains(part, figure, share)):
            return figure
    return None
