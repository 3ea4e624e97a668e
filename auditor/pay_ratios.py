"""Reimbursement and payment ratios read from the money they are of.

政策范围内费用5.84亿元,基金支付4.12亿元,政策范围内支付比例为70.5%: a 报销比例,
支付比例, 补偿比 or 报付比 is the money paid (the figure its clause says was
支付/报销/补偿) over the costs it was paid on (费用, 总额). Which costs is in the
rate's own name: a 政策范围内 (合规, 目录内) ratio is over the costs so named,
any other over costs not so named; a 住院 ratio is not over 门诊 costs. Money
converts exactly (亿元, 万元, 元) and every written amount is the interval of its
rounding.

Explain before accusing: any two money figures of the sentence and the one
before, smaller over larger, that give the stated ratio make it consistent.
Only the reading the wording makes (paid and costs in the ratio's sentence) is
reported, an error; with the costs in the sentence before, a warning.
"""

from __future__ import annotations

import re
from dataclasses import replace

from auditor.arith import APPROXIMATE_WORDS
from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio, pair_explains

_PAY_RATIO_RE = re.compile(r"(?:报销|支付|补偿|报付|赔付|结报|保障)(?:比例|比|率|水平)$")
_PAID_RE = re.compile(r"(?:支付|报销|补偿|报付|赔付|结报|补助)(?:金额|资金|费用)?(?:为|达|达到|共|合计|计)?\s*$")
_COSTS_RE = re.compile(r"(?:费用|总费用|医疗费|医药费|总额)(?:总额)?(?:为|达|达到|共|合计|计|总计)?\s*$")
_IN_POLICY_RE = re.compile(r"政策范围内|政策内|合规|目录内|范围内")
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,12}$")  # the ratio's full name, when the metric reader kept only 比例
_SETTINGS = ("住院", "门诊", "门特", "慢特病", "大病", "生育")
_MAX_MONEY = 8  # money figures a ratio looks back over
_WORDS_REACH = 24


def find_pay_ratios(analysis: Analysis) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "比" not in norm or not any(w in norm for w in ("报销", "支付", "补偿", "报付", "赔付")):
        return []
    found: list[Ratio] = []
    for rate in figures:
        if rate.kind != "percent" or rate.in_list or rate.qualifier in APPROXIMATE_WORDS:
            continue
        name = (rate.subject + rate.metric)[-16:]
        if not _PAY_RATIO_RE.search(name):
            continue
        ratio = _reading(text, figures, rate, name)
        if ratio is not None:
            found.append(replace(ratio, rate=replace(rate, metric=_NAME_RE.search(name).group())) if len(rate.metric) < 4 else ratio)
    return found


def _words_before(text, figure: Figure) -> str:
    clause_start, _ = text.clause_span(figure.start)
    return text.norm[max(clause_start, figure.number_start - _WORDS_REACH) : figure.number_start]


def _money_before(text, figures, rate: Figure, start: int) -> list[Figure]:
    """The money figures from `start` up to the rate (over the rates between:
    政策范围内报销比例…,实际报销比例… share their money)."""
    found: list[Figure] = []
    for figure in reversed(figures[max(0, rate.index - _MAX_MONEY) : rate.index]):
        if figure.start < start:
            break
        if figure.kind == "money" and figure.exact and figure.value > 0:
            found.append(figure)
    return found[::-1]


def _fits_name(costs_words: str, name: str) -> bool:
    """The costs the ratio's name says: 政策范围内 costs for a 政策范围内 ratio, no
    other; not the costs of another setting (门诊 for a 住院 ratio)."""
    if bool(_IN_POLICY_RE.search(name)) != bool(_IN_POLICY_RE.search(costs_words)):
        return False
    own = [s for s in _SETTINGS if s in name]
    return not own or not any(s in costs_words and s not in own for s in _SETTINGS)


def _reading(text, figures, rate: Figure, name: str) -> Ratio | None:
    sentence_start, _ = text.sentence_span(rate.start)
    money = _money_before(text, figures, rate, text.previous_sentence_start(sentence_start))
    if len(money) < 2:
        return None
    for numerator in money:  # explain before accusing: any smaller over any larger
        for denominator in money:
            if numerator is not denominator and numerator.value <= denominator.value and pair_explains(numerator, denominator, rate):
                return Ratio(rate, numerator, denominator)
    paid = [f for f in money if f.start >= sentence_start and _PAID_RE.search(_words_before(text, f))]
    if len(paid) != 1:
        return None
    numerator = paid[0]
    costs = [f for f in money if f.index < numerator.index
             and _COSTS_RE.search(_words_before(text, f)) and not _PAID_RE.search(_words_before(text, f))]
    fitting = [f for f in costs if _fits_name(_words_before(text, f), name)]
    if len(fitting) != 1 or fitting[0].value < numerator.value:
        return None  # no costs, or costs of more than one kind and a name that does not pick one
    denominator = fitting[0]
    return Ratio(rate, numerator, denominator, inferred=denominator.start < sentence_start)
