"""Rates over a group named by words, and shares of 其 (its own) measure.

- 全乡80岁以上老人2.16万人,其中已建立健康档案1.87万人。建档老人中参加年度随访的
  1.52万人,随访率为81.3%: a rate whose count opens with a group (建档老人中) is
  over that group — the earlier count whose words say what the group's
  qualifier says (建档 in 已建立健康档案, its two characters in order), not the
  larger whole before it.
- 城镇居民人均可支配收入45 120元,农村居民人均可支配收入23 480元。农村居民人均消费
  支出16 870元,占其人均可支配收入的比重为71.8%: 其 is the part's own subject, so
  the whole is the earlier 人均可支配收入 whose qualifier (农村居民) the part's
  words carry; a qualifier that picks none, or more than one value, is no
  reading.

Explain before accusing: when the named whole does not give the rate, every
nearby pair of its unit is tried (relate's _explained) and any that gives it
makes the rate consistent; then every earlier figure of the same name. A
whole in another sentence makes the reading inferred (a warning). These
readings come before relate's, so that a rate is judged on its named whole.
"""

from __future__ import annotations

import re
from dataclasses import replace

from auditor.arith import APPROXIMATE_WORDS
from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import RATE_SUFFIXES, Ratio, _explained, _is_quantity, _same_unit, pair_explains

_GROUP_HEAD_RE = re.compile(r"\s*(?:在|其中)?(?P<group>[\u4e00-\u9fff]{2,10}?)(?:之)?中\s*[,,]?\s*(?:有|已|共|的)?")
_GROUP_PREFIX_RE = re.compile(r"^(?:已|在|经|的|被)+")
_OWN_WHOLE_RE = re.compile(r"占其(?P<measure>[^\d,。;:、]{2,14}?)的?(?:比重|比例)?(?:为|达|达到|是)?\s*$")
_LOOKBACK_FIGURES = 24
_LOOKBACK_CHARS = 400
_WORDS_REACH = 24
_ORDER_REACH = 8  # 建…档 in 建立健康档案: the qualifier's two characters this close in order
_GENERIC_QUALIFIERS = frozenset({"全县", "全市", "全区", "全镇", "全乡", "全省", "其中", "今年", "全年", "目前"})


def find_group_rates(analysis: Analysis) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    has_group = "中" in norm
    has_own = "占其" in norm
    if not has_group and not has_own:
        return []
    found: list[Ratio] = []
    for rate in figures:
        if rate.kind != "percent" or rate.in_list or rate.qualifier in APPROXIMATE_WORDS or rate.index == 0:
            continue
        part = figures[rate.index - 1]
        if not _is_quantity(part) or text.sentence_span(part.start)[0] != text.sentence_span(rate.start)[0]:
            continue
        ratio = None
        if has_own:
            ratio = _share_of_own(text, figures, rate, part)
            ratio = replace(ratio, kind="share") if ratio is not None else None
        if ratio is None and has_group and rate.metric.endswith(RATE_SUFFIXES) and rate.metric.endswith("率"):
            ratio = _rate_of_group(text, figures, rate, part)
        if ratio is not None:
            found.append(ratio)
    return found


def _words_before(text, figure: Figure) -> str:
    clause_start, _ = text.clause_span(figure.start)
    return text.norm[max(clause_start, figure.number_start - _WORDS_REACH) : figure.number_start]


def _earlier(text, figures, figure: Figure, sentences: int = 1) -> list[Figure]:
    """Quantities of figure's unit before it, back to the sentence before (or `sentences`
    before, and no further than a few hundred characters), nearest last."""
    start = text.sentence_span(figure.start)[0]
    for _ in range(sentences):
        start = text.previous_sentence_start(start) if start else start
    start = max(start, figure.start - _LOOKBACK_CHARS)
    return [f for f in figures[max(0, figure.index - _LOOKBACK_FIGURES) : figure.index]
            if f.start >= start and _is_quantity(f) and _same_unit(f, figure)]


def _says(words: str, qualifier: str) -> bool:
    """The qualifier in the words, or its two characters in order close together (建档: 建立健康档案)."""
    if qualifier in words:
        return True
    first = words.find(qualifier[0])
    while first >= 0:
        second = words.find(qualifier[1], first + 1)
        if second < 0:
            return False
        if second - first <= _ORDER_REACH:
            return True
        first = words.find(qualifier[0], first + 1)
    return False


def _reading(text, figures, rate: Figure, part: Figure, wholes: list[Figure], same_name: list[Figure]) -> Ratio | None:
    """The rate over its named whole, or whatever nearby pair explains it; None
    when no one whole is named or another figure of the same name explains it."""
    values = {w.value for w in wholes}
    if len(values) != 1:
        return None
    whole = wholes[-1]
    inferred = text.sentence_span(whole.start)[0] != text.sentence_span(rate.start)[0]
    if pair_explains(part, whole, rate):
        return Ratio(rate, part, whole, inferred)
    if any(pair_explains(part, other, rate) for other in same_name):
        return None  # another statement of the name gives it
    return _explained(text, figures, rate, (part, whole, inferred, False))


def _rate_of_group(text, figures, rate: Figure, part: Figure) -> Ratio | None:
    clause_start, _ = text.clause_span(part.start)
    head = _GROUP_HEAD_RE.match(text.norm, clause_start, part.number_start)
    if head is None:
        return None
    group = _GROUP_PREFIX_RE.sub("", head.group("group"))
    qualifier = group[:2]
    if len(group) < 3 or qualifier in _GENERIC_QUALIFIERS:
        return None
    # 签约长者中…体检率 two sentences after 其中已签约家庭医生4.13万人: the group's own name reaches further
    earlier = [f for f in _earlier(text, figures, part, 2) if f.value >= part.value]
    named = [f for f in earlier if _says(_words_before(text, f), qualifier)]
    if not named:
        return None
    return _reading(text, figures, rate, part, named, named)


def _share_of_own(text, figures, rate: Figure, part: Figure) -> Ratio | None:
    clause_start, _ = text.clause_span(rate.start)
    own = _OWN_WHOLE_RE.search(text.norm, clause_start, rate.number_start)
    if own is None or text.clause_span(part.start)[1] + 1 < clause_start:
        return None
    measure = own.group("measure")
    part_words = _words_before(text, part)
    same_name = [f for f in _earlier(text, figures, part) if _words_before(text, f).endswith(measure) and f.value >= part.value]
    wholes = []
    for whole in same_name:
        qualifier = _qualifier(_words_before(text, whole)[: -len(measure)])
        if qualifier and qualifier in part_words:
            wholes.append(whole)
    return _reading(text, figures, rate, part, wholes, same_name)


_QUALIFIER_RE = re.compile(r"(?P<qualifier>[\u4e00-\u9fff]{2,8})$")
_QUALIFIER_LEAD_RE = re.compile(r"^(?:其中|全年|今年|全县|全市|全区|全镇|全乡|全省)")


def _qualifier(words: str) -> str:
    """农村居民 of 农村居民人均可支配收入: the CJK words before the measure, without a lead (其中, 全年)."""
    found = _QUALIFIER_RE.search(words)
    if found is None:
        return ""
    qualifier = _QUALIFIER_LEAD_RE.sub("", found.group("qualifier"))
    return qualifier if len(qualifier) >= 2 else ""
