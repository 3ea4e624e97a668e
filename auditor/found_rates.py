"""Rates of what a piece of work found, over the work done.

全年发布暴雨预警信号58次,经事后检验,正确的51次,准确率达90.7% / 开展宫颈癌筛查12 640人,
筛查出阳性病例86例,检出率为0.86%: a rate of finding (检出, 阳性, 准确, 符合, 命中 …)
whose count stands in the clause right before it, over the work stated earlier in
the sentence or the one before (开展…, 发布…, 筛查…, 检测…: the one earlier count whose
words carry such a verb). Cases found among people screened are counted in 例 or 人
alike.

Explain before accusing: the count over the work, its complement (不合格18批次 and
合格率98.5%), or any nearby pair that gives the rate keeps it silent. The pairing
is inferred from the wording: always a warning. Read only where no other reader
spoke.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

from auditor.arith import rate_interval
from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio, _explained, _is_quantity, _listed_category, _words_before, pair_explains, unread_rates

_FOUND_RATES = ("检出率", "阳性率", "发现率", "准确率", "正确率", "符合率", "命中率", "成功率", "检出阳性率")
_WORK_RE = re.compile(r"开展|发布|发出|筛查|检测|检查|抽查|抽检|检验|监测|化验|预报|预警|排查|核查|测试")
_GAP_RE = re.compile(r"\s*[,,]\s*(?:[\u4e00-\u9fff]{0,10}?)(?:为|达|达到|是)?\s*")
_CHANGE_RE = re.compile(r"增加|减少|增长|下降|提高|降低|比上年|较上年|同比")
_CASES = frozenset({"例", "人", "名"})
_BACK = 6  # figures before the count the work may stand


def find_found_rates(analysis: Analysis, spoken: set[int]) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "率" not in norm:
        return []
    found: list[Ratio] = []
    for rate in unread_rates(figures, spoken):
        if not rate.metric.endswith(_FOUND_RATES):
            continue
        reading = _reading(text, figures, rate)
        if reading is not None:
            found.append(reading)
    return found


def _reading(text, figures, rate: Figure) -> Ratio | None:
    norm = text.norm
    count = figures[rate.index - 1]
    sentence_start, _ = text.sentence_span(rate.start)
    if not (_is_quantity(count) and count.exact and count.start >= sentence_start and count.kind == "count"):
        return None
    if not _GAP_RE.fullmatch(norm, count.end, rate.number_start) or _CHANGE_RE.search(_words_before(text, count)):
        return None
    if _listed_category(text, figures, count):
        return None  # …类1020个、其他类190个,对接成功率: the breakdown's last category, not what succeeded
    previous_start = text.previous_sentence_start(sentence_start) if sentence_start else sentence_start
    wholes = [f for f in figures[max(0, count.index - _BACK) : count.index]
              if f.start >= previous_start and _is_quantity(f) and f.kind == "count" and f.value >= count.value
              and _same_cases(f, count) and not _CHANGE_RE.search(_words_before(text, f))]
    if any(pair_explains(count, whole, rate) or _complement_explains(count, whole, rate) for whole in wholes):
        return None  # (其中复查2 100人: the rate may be over the re-examined)
    works = [f for f in wholes if f.exact and _WORK_RE.search(_words_before(text, f))]
    if len({w.value for w in works}) != 1:
        return None  # no work stated, or two: which one the rate is over is not said
    work = works[-1]
    inferred = True
    return replace(_explained(text, figures, rate, (count, work, inferred, False)), inferred=True)


def _same_cases(work: Figure, count: Figure) -> bool:
    """People screened and cases found (12 640人, 86例), or the same unit."""
    return work.base_unit == count.base_unit or work.base_unit in ("人", "名") and count.base_unit in _CASES


def _complement_explains(count: Figure, work: Figure, rate: Figure) -> bool:
    """不合格18批次 of 1200, 合格率98.5%: the rate of the rest."""
    rest = work.value - count.value
    if rest < 0 or work.value <= 0:
        return False
    low, high = rate_interval(rate.written, rate.decimals, rate.qualifier)
    return low <= Fraction(rest) * 100 / Fraction(work.value) < high
