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
_LOOSE_BEFORE_RE = re.compile(r"(?:约|大约|近|接近|将近|超过|逾|不足|不到|不低于|不少于|不超过|以上|以下|控制在|保持在)\s*(?:为|是|达|达到|在)?\s*$")
_GLOSS_AFTER_RE = re.compile(r"\s*[,(:]?\s*(?:其中|即|\()")
_LOOSE_AFTER_RE = re.compile(r"\s*(?:以上|以下|以内|左右|上下)")
_NAME_REACH = 16  # how far before a figure its name may stand, within its clause


def find_named_ratios(analysis: Analysis) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    definitions = _definitions(analysis.pack.words("defined_ratios"))
    found: list[Ratio] = []
    for rate in figures:
        if rate.kind != "percent" or rate.in_list or rate.qualifier in APPROXIMATE_WORDS:
            continue
        if _LOOSE_BEFORE_RE.search(norm, max(0, rate.number_start - 6), rate.number_start) or _LOOSE_AFTER_RE.match(norm, rate.end):
            continue  # 存贷比约为70%: a bound or an estimate, whatever the extractor kept
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
    """The definition the rate's name ends with (存贷比 is the subject when no rate word ends it)."""
    name_written = rate.subject + rate.metric  # 个人住房|贷款率
    if not name_written:
        return None
    for name, numerator, denominator in definitions:
        if name_written.endswith(name):
            qualifier = name_written[: -len(name)]
            if "其中" in qualifier or numerator[-2:] in qualifier:
                return None  # 其中涉农贷款存贷比: a rate of a part (a kind of loan), not of the two totals
            return numerator, denominator
    return None



def _phrase_names(norm: str, clause_start: int, rate: Figure) -> tuple[str, str] | None:
    phrase = _NAMED_PAIR_RE.search(norm, max(clause_start, rate.number_start - 30), rate.number_start)
    if phrase is None:
        return None
    part, whole = phrase.group("part"), phrase.group("whole")
    return (part[-2:], whole[-2:]) if part[-2:] != whole[-2:] else None


def _named_figures(text, candidates, start: int, end: int, numerator_name: str, denominator_name: str):
    """The first figure among candidates (within start–end) named by each name and not by the other."""
    numerator = denominator = None
    for figure in candidates:
        if not start <= figure.start < end:
            break
        if not _is_quantity(figure) or not figure.exact:
            continue
        words = _words_before(text, figure, _NAME_REACH)
        if numerator_name in words:
            numerator = numerator or figure
        elif denominator_name in words:
            denominator = denominator or figure
    return numerator, denominator


def _pair(text, figures, rate: Figure, numerator_name: str, denominator_name: str) -> tuple[Figure, Figure, bool, bool] | None:
    """The nearest figure before the rate named by each name (and not by the other), both of one unit."""
    sentence_start, sentence_end = text.sentence_span(rate.start)
    reach = text.previous_sentence_start(sentence_start)
    # 存款余额…;贷款余额…。存贷比为…: a ; splits the sentence before; or each on its own line: two sentences back
    reach = min(reach, text.previous_sentence_start(reach) if reach else reach)
    numerator, denominator = _named_figures(text, reversed(figures[max(0, rate.index - _LOOKBACK_FIGURES) : rate.index]),
                                            reach, len(text.norm), numerator_name, denominator_name)
    if (numerator is None or denominator is None) and not text.norm[sentence_start : rate.number_start].count("。"):
        # 个人住房贷款率为84.3%。全市住房公积金缴存余额…,个人住房贷款余额…: the figures in the sentence after
        after = figures[rate.index + 1 : rate.index + 1 + _LOOKBACK_FIGURES]
        if _GLOSS_AFTER_RE.match(text.norm, rate.end):
            # 存贷比为76.5%,其中各项存款余额…,各项贷款余额…: the two balances right after, in its sentence
            numerator, denominator = _named_figures(text, after, rate.end, sentence_end, numerator_name, denominator_name)
        elif not any(f.start < sentence_end and _is_quantity(f) for f in after):
            following = text.sentence_span(min(len(text.norm) - 1, sentence_end + 1))[1]
            numerator, denominator = _named_figures(text, [f for f in after if f.start > sentence_end], sentence_end, following,
                                                    numerator_name, denominator_name)
    if numerator is None or denominator is None or not _same_unit(numerator, denominator):
        return None
    if numerator.value > denominator.value:
        return None  # not a part of that whole: the names point elsewhere
    inferred = min(numerator.start, denominator.start) < sentence_start or max(numerator.start, denominator.start) > sentence_end
    return numerator, denominator, inferred, False
