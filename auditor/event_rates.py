"""Rates read from the event their name counts, in either order of the two counts.

培训合格学员共计1864名,参训学员2032名,培训合格率为92.7% / 本年度接种流感疫苗的老年人1.26万人,
全区65岁以上老年人5.41万人,接种率为25.3%: the count of the rate's event (合格, 接种: the
two characters before 率) stated first, the whole after it, each with words a bare cue
reading takes the other way round (共计 on the part). The reading: of the two counts of
one unit in the rate's sentence before it, the smaller one whose own words name the event,
over the larger one whose words do not.

Explain before accusing: any nearby pair that gives the rate keeps it silent (relate's
_explained), and the pairing is inferred from the wording, so it is always a warning. Read
only where no other reader spoke, and only where the sentence holds exactly two counts of
that unit before the rate: a third leaves the reading open.
"""

from __future__ import annotations

import re
from dataclasses import replace

from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import (Ratio, _explained, _is_difference, _is_quantity, _same_unit, _stem, _words_before,
                            direction_of)

# stems that name no counted event: a change, a share, a rate of its own kind
_NO_EVENT_STEMS = frozenset({"增长", "下降", "同比", "环比", "增速", "比重", "占比", "比例", "利用", "贡献", "发生", "患病",
                             "死亡", "出生", "失业", "空置", "负债", "毛利", "收益", "回报", "折旧", "税负", "汇率", "利率"})
# words that make a figure a whole or a part said of something else
_WHOLE_WORDS_RE = re.compile(r"应|计划|目标|任务|下达|其中|分别|每|人均|户均|平均")
_CJK_END_RE = re.compile(r"[\u4e00-\u9fff]*$")
# the place and the period a rate's name may open with, which its count need not repeat
_SCOPE_WORDS_RE = re.compile(r"^(?:(?:全|本|我)[省市县区镇乡村]|辖区|全年|今年|年内|本年度?|当年|年度|上半年|全部|总体|综合|整体)+")
_SCOPE_BACK = 6  # figures before the rate its counts may stand
_ALL_OF_RE = re.compile(r"共|总|合计|全部|各项|各类|累计")  # a whole said to be all of them


def find_event_rates(analysis: Analysis, spoken: set[int]) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    if "率" not in text.norm:
        return []
    found: list[Ratio] = []
    for rate in figures:
        if rate.kind != "percent" or rate.index in spoken or not rate.index or rate.in_list or rate.qualifier \
                or not _counts_an_event(rate):
            continue
        reading = (_reading(analysis, rate) if rate.index >= 2 else None) or _whole_after(analysis, rate)
        if reading is not None:
            found.append(reading)
    return found


def _counts_an_event(rate: Figure) -> bool:
    """A rate of at most 100% whose name ends on 率 after an event (接种, 合格), no change or share."""
    if not rate.metric.endswith("率") or direction_of(rate.metric) or rate.value > 100:
        return False
    stem = _stem(rate.metric)
    return bool(stem) and stem not in _NO_EVENT_STEMS


def _reading(analysis: Analysis, rate: Figure) -> Ratio | None:
    text, figures = analysis.text, analysis.figures
    sentence_start, _ = text.sentence_span(rate.start)
    counts: list[Figure] = []
    for figure in reversed(figures[max(0, rate.index - _SCOPE_BACK) : rate.index]):
        if figure.start < sentence_start or figure.kind in ("percent", "permille", "points"):
            break
        if _is_quantity(figure) and figure.exact and not _is_difference(text, figure):
            counts.append(figure)
    if not counts:
        return None
    # 按期办结率 counts what closed on time, not all 办结: every word of the name is the count's
    event = _name_core(rate)
    named = [f for f in counts if event in _words_before(text, f)]
    if len(named) != 1:
        return None
    part = named[0]
    same = [f for f in counts if _same_unit(f, part)]
    if len(same) != 2:
        return None
    whole = same[0] if same[1] is part else same[1]
    if whole.value <= part.value:
        return None
    if _WHOLE_WORDS_RE.search(_words_before(text, part)) or _WHOLE_WORDS_RE.search(_words_before(text, whole)):
        return None
    return replace(_explained(text, figures, rate, (part, whole, True, False)), inferred=True)


def _name_core(rate: Figure) -> str:
    """诉前调解成功率 → 诉前调解成功: the rate's whole name without 率 and the place or period it opens with."""
    return _SCOPE_WORDS_RE.sub("", _CJK_END_RE.search(rate.subject + rate.metric[:-1]).group(0))


def _whole_after(analysis: Analysis, rate: Figure) -> Ratio | None:
    """不良贷款余额7.92亿元,不良贷款率为1.36%,各项贷款余额486.2亿元 / 诉前调解成功案件14820件,诉前调解成功率…,
    全年委派诉前调解案件共34650件: the count holding the rate's whole name before it, the one whole
    after it in its sentence naming part of that name (贷款, 诉前调解) but not all of it."""
    text, figures = analysis.text, analysis.figures
    core = _name_core(rate)
    if len(core) < 3:
        return None
    sentence_start, sentence_end = text.sentence_span(rate.start)
    before = [f for f in figures[max(0, rate.index - _SCOPE_BACK) : rate.index] if f.start >= sentence_start]
    if not before or not _is_quantity(before[-1]) or any(f.kind in ("percent", "permille", "points") for f in before):
        return None
    part = before[-1]
    if sum(1 for f in before if _is_quantity(f) and _same_unit(f, part)) != 1 or core not in _words_before(text, part):
        return None
    if rate.index + 1 >= len(figures):
        return None
    whole = figures[rate.index + 1]
    if whole.start >= sentence_end or not _is_quantity(whole) or not _same_unit(whole, part) or whole.value <= part.value:
        return None
    words = _words_before(text, whole)
    if core in words or _WHOLE_WORDS_RE.search(words) or _is_difference(text, whole) or not _ALL_OF_RE.search(words) \
            or not any(core[i : i + 2] in words for i in range(len(core) - 1)):
        return None  # (the whole must say it is all of them: 共, 各项, 全部)
    return replace(_explained(text, figures, rate, (part, whole, True, False)), inferred=True)
