"""Rates of a difference over its whole: what was saved, cut or lost out of what was planned,
sent in or supplied.

招标控制价856.2亿元,中标价812.6亿元,节约资金43.6亿元,节资率为5.8% / 送审金额3.26亿元,审定金额
2.94亿元,审减率为10.9% / 供电量12.68亿千瓦时,售电量12.16亿千瓦时,综合线损率为3.6%: the rate's
name says which difference (节资: budget less price; 审减: sent less approved; 线损: supplied less
sold), and the words of the figures before it say which is the whole, which the rest and which
the difference. Every reading the figures allow is tried (difference/whole, (whole − rest)/whole,
difference/(rest + difference)), each figure as the interval of its rounding: a finding only
when none gives the stated rate. Read only where no other reader spoke.
"""

from __future__ import annotations

import re
from fractions import Fraction

from auditor.arith import explains, ratio_representative, written_interval
from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio, _derived, _is_quantity, _same_unit, ratio_target

# name of the rate → (whole, rest, difference): the words each figure's own words hold
_KINDS: tuple[tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern], ...] = (
    (re.compile(r"(?:节资|资金节约|节约)率$"), re.compile(r"预算|控制价|概算|限价|采购计划"),
     re.compile(r"成交|中标|合同|结算"), re.compile(r"节约|节资")),
    (re.compile(r"(?:审减|核减)率$"), re.compile(r"送审|报审|申报"), re.compile(r"审定|核定"), re.compile(r"审减|核减")),
    (re.compile(r"线损率$"), re.compile(r"供电量|购电量|供电"), re.compile(r"售电量|售电"), re.compile(r"线损电量|损失电量|线损")),
)
_GATE_RE = re.compile(r"节资率|节约率|审减率|核减率|线损率")
_BACK = 8  # figures before the rate its figures may stand


# 未治理的村占比为24.1% / 尚未签约的户数比例: the rate of those not yet done, named by the deed (治理)
_NOT_DONE_RE = re.compile(r"(?:尚未|未|没有)(?P<deed>[\u4e00-\u9fff]{2})[\u4e00-\u9fff]{0,6}?(?:占比|比例|比重|率)(?:为|达到|达|是)?\s*$")
_NOT_RE = re.compile(r"未|没有|不")


def find_difference_rates(analysis: Analysis, spoken: set[int]) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    gated = _GATE_RE.search(text.norm) is not None
    undone = "未" in text.norm or "没有" in text.norm
    if not gated and not undone:
        return []
    found: list[Ratio] = []
    for rate in figures:
        if rate.kind != "percent" or rate.index in spoken or not rate.index or rate.in_list or rate.qualifier:
            continue
        kind = next((k for k in _KINDS if k[0].search(rate.metric)), None) if gated else None
        if kind is not None:
            ratio = _reading(analysis, rate, kind)
        elif undone:
            ratio = _not_done_reading(analysis, rate)
        else:
            ratio = None
        if ratio is not None:
            found.append(ratio)
    return found


def _not_done_reading(analysis: Analysis, rate: Figure) -> Ratio | None:
    """全市312个行政村中,已实现生活污水有效治理的村241个,未治理的村占比为24.1%: the whole less those
    done (the one count whose words hold the deed), over the whole (the one larger count before it)."""
    text, figures = analysis.text, analysis.figures
    clause_start, _ = text.clause_span(rate.start)
    named = _NOT_DONE_RE.search(text.norm, max(clause_start, rate.number_start - 16), rate.number_start)
    if named is None:
        return None
    deed = named.group("deed")
    sentence_start, _ = text.sentence_span(rate.start)
    floor = text.previous_sentence_start(sentence_start)
    counts = [f for f in figures[max(0, rate.index - _BACK) : rate.index]
              if f.start >= floor and _is_quantity(f) and f.exact]
    if any(f.kind in ("percent", "permille", "points") for f in figures[counts[0].index if counts else rate.index : rate.index]):
        return None  # another rate between: its figures are its own
    done = [f for f in counts if deed in _own_words(analysis, f) and not _NOT_RE.search(_own_words(analysis, f))]
    if len(done) != 1:
        return None
    wholes = [f for f in counts if f is not done[0] and _same_unit(f, done[0]) and f.value > done[0].value]
    if len(wholes) != 1 or len([f for f in counts if _same_unit(f, done[0])]) != 2:
        return None
    whole, part = wholes[0], done[0]
    (w_low, w_high), (p_low, p_high) = _interval(whole), _interval(part)
    stated = ratio_target(rate)
    if explains(ratio_representative((w_low - p_high, w_high - p_low), (w_low, w_high), stated), stated):
        return None
    return Ratio(rate, _derived(part, whole, whole.value - part.value), whole, inferred=True, kind="share")


def _own_words(analysis: Analysis, figure: Figure) -> str:
    """The words before a figure, from its clause start or the figure before it, whichever is later."""
    text, figures = analysis.text, analysis.figures
    start = text.clause_span(figure.start)[0]
    if figure.index and figures[figure.index - 1].end > start:
        start = figures[figure.index - 1].end
    return text.norm[start : figure.number_start]


def _reading(analysis: Analysis, rate: Figure, kind) -> Ratio | None:
    text, figures = analysis.text, analysis.figures
    _, whole_re, rest_re, difference_re = kind
    sentence_start, _ = text.sentence_span(rate.start)
    floor = text.previous_sentence_start(sentence_start)
    roles: dict[str, Figure] = {}
    for figure in reversed(figures[max(0, rate.index - _BACK) : rate.index]):
        if figure.start < floor or figure.kind in ("percent", "permille", "points"):
            break
        if not _is_quantity(figure) or not figure.exact:
            continue
        words = _own_words(analysis, figure)
        for role, pattern in (("difference", difference_re), ("whole", whole_re), ("rest", rest_re)):
            if role not in roles and pattern.search(words):
                roles[role] = figure
                break
    whole, rest, difference = roles.get("whole"), roles.get("rest"), roles.get("difference")
    present = [f for f in (whole, rest, difference) if f is not None]
    if len(present) < 2 or any(not _same_unit(f, present[0]) for f in present):
        return None
    stated = ratio_target(rate)
    readings: list[tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]] = []
    if whole is not None and difference is not None:
        readings.append((_interval(difference), _interval(whole)))
    if whole is not None and rest is not None:
        (w_low, w_high), (r_low, r_high) = _interval(whole), _interval(rest)
        readings.append(((w_low - r_high, w_high - r_low), (w_low, w_high)))
    if rest is not None and difference is not None:
        (r_low, r_high), (d_low, d_high) = _interval(rest), _interval(difference)
        readings.append(((d_low, d_high), (r_low + d_low, r_high + d_high)))
    if any(explains(ratio_representative(n, d, stated), stated) for n, d in readings):
        return None  # some reading of the figures gives the stated rate
    if whole is not None and difference is not None:
        return Ratio(rate, difference, whole, inferred=True)
    if whole is not None and rest is not None and whole.value > rest.value:
        return Ratio(rate, _derived(rest, whole, whole.value - rest.value), whole, inferred=True)
    return None


def _interval(figure: Figure) -> tuple[Fraction, Fraction]:
    return written_interval(figure.value, figure.decimals, figure.multiplier)
