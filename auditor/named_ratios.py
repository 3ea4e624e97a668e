"""Rates whose numerator and denominator are named, not placed beside them:

- by definition (vocabulary `defined_ratios`, name=numerator|denominator):
  国有企业负债总额1 732.6亿元,资产总额2 846.3亿元,资产负债率为63.4%: 资产负债率 is
  负债 over 资产, wherever in the sentence or the one before the two stand;
- by the words of the phrase: 编制486辆…目前实有438辆,实有数为编制数的92.1% /
  实有车辆相当于编制车辆的92.1%: the two names point back at the figures whose
  words carry them.

Each name must pick exactly one figure of the rate's unit kind (the nearest
before the rate); figures in another sentence make the reading inferred (a
warning). Explain before accusing: relate's _explained tries every nearby
pair when the named pair does not give the rate.
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.arith import APPROXIMATE_WORDS
from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio, _explained, _is_quantity, _same_unit, _words_before

# 实有数为编制数的92.1% / 实有车辆相当于编制车辆的: two names and the rate after 的
_NAMED_PAIR_RE = re.compile(
    r"(?P<part>[\u4e00-\u9fff]{2,10}?)(?:数|数量|总数|总量|总额|规模)?(?:为|是|相当于|约为|达到)"
    r"(?P<whole>[\u4e00-\u9fff]{2,10}?)(?:数|数量|总数|总量|总额|规模)?的\s*$"
)
_LOOKBACK_FIGURES = 16
_NAME_REACH = 16  # how far before a figure its name may stand, within its clause


def find_named_ratios(analysis: Analysis) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    definitions = _definitions(analysis.pack.words("defined_ratios"))
    found: list[Ratio] = []
    for rate in figures:
        if rate.kind != "percent" or rate.in_list or rate.qualifier in APPROXIMATE_WORDS or rate.index == 0:
            continue
        names = _defined_names(rate, definitions)
        if names is None and norm[max(0, rate.number_start - 2) : rate.number_start].rstrip().endswith("的"):
            names = _phrase_names(norm, text.clause_span(rate.start)[0], rate)
        if names is None:
            continue
        reading = _pair(text, figures, rate, *names)
        if reading is not None:
            found.append(_explained(text, figures, rate, reading))
    return found


@lru_cache(maxsize=8)
def _definitions(entries: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    pairs = []
    for entry in entries:
        name, _, members = entry.partition("=")
        numerator, _, denominator = members.partition("|")
        if name and numerator and denominator:
            pairs.append((name, numerator, denominator))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _defined_names(rate: Figure, definitions) -> tuple[str, str] | None:
    if not rate.metric:
        return None
    for name, numerator, denominator in definitions:
        if rate.metric.endswith(name):
            return numerator, denominator
    return None


def _phrase_names(norm: str, clause_start: int, rate: Figure) -> tuple[str, str] | None:
    phrase = _NAMED_PAIR_RE.search(norm, max(clause_start, rate.number_start - 30), rate.number_start)
    if phrase is None:
        return None
    part, whole = phrase.group("part"), phrase.group("whole")
    return (part[-2:], whole[-2:]) if part[-2:] != whole[-2:] else None


def _pair(text, figures, rate: Figure, numerator_name: str, denominator_name: str) -> tuple[Figure, Figure, bool, bool] | None:
    """The nearest figure before the rate named by each name (and not by the other), both of one unit."""
    sentence_start, _ = text.sentence_span(rate.start)
    reach = text.previous_sentence_start(sentence_start)
    numerator = denominator = None
    for figure in reversed(figures[max(0, rate.index - _LOOKBACK_FIGURES) : rate.index]):
        if figure.start < reach:
            break
        if not _is_quantity(figure) or not figure.exact:
            continue
        words = _words_before(text, figure, _NAME_REACH)
        if numerator_name in words:
            numerator = numerator or figure
        elif denominator_name in words:
            denominator = denominator or figure
    if numerator is None or denominator is None or not _same_unit(numerator, denominator):
        return None
    if numerator.value > denominator.value:
        return None  # not a part of that whole: the names point elsewhere
    inferred = min(numerator.start, denominator.start) < sentence_start
    return numerator, denominator, inferred, False
