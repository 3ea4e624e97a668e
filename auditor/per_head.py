"""Per-head figures: 人均耕地1.2亩 against the land and the people the text states.

A per-head figure is a quotient the text rarely spells out: the total (有耕地
267亩) and the people (乡村人口220人) stand in other clauses, often other
sentences. Every total named like the per-head figure and every population
of the same paragraph are candidates; the figure is consistent when any pair
of them gives it under rounding or truncation. Only when none does is one
pair reported, and always as an inferred reading (a warning).

Only stocks are read (land, grain, floor space: area, weight, volume).
Money per head (人均纯收入, 人均GDP) is never the quotient of a stated total:
纯 and 总 differ, and GDP is divided by the year's average population.
"""

from __future__ import annotations

import re
from auditor.arith import rate_interval, ratio_representative
from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio, quantity_interval

_PER_HEAD_RE = re.compile(r"人均(?:占有|拥有)?(?P<noun>[\u4e00-\u9fff]{1,6}?)(?:面积)?(?:为|达|达到|约)?\s*$")
_KINDS = ("area", "weight", "volume")
# (unit of the total, unit of the per-head figure) → factor
_CONVERSIONS: dict[tuple[str, str], int] = {("吨", "公斤"): 1000, ("公顷", "亩"): 15}
# words before a total or a population that do not change what it counts
_LEAD_RE = re.compile(
    r"^(?:其中)?(?:截至|截止|到)?(?:\d{4}年)?(?:年末|年底|目前|现)?"
    r"(?:全村|全镇|全乡|全县|全区|全市|全省|该村|该镇|该乡|本村|村|镇|乡)?"
    r"(?:共有|现有|拥有|共|有|总)?"
)
_POPULATION_WORDS = ("人口", "总人口", "乡村人口", "农业人口", "户籍人口", "常住人口", "农村人口")
_MAX_PAIRS = 8  # candidates of each kind: a paragraph of a profile states a few


def find_per_head(analysis: Analysis) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    found: list[Ratio] = []
    for figure in figures:
        if figure.kind not in _KINDS or not figure.exact or figure.value < 0 or figure.multiplier != 1:
            continue
        clause_start, _ = text.clause_span(figure.start)
        words = _PER_HEAD_RE.search(norm, max(clause_start, figure.number_start - 12), figure.number_start)
        if words is None:
            continue
        paragraph = text.line_span(figure.start)
        in_paragraph = _figures_between(figures, paragraph, figure.index)
        totals = [f for f in in_paragraph if _is_total_of(text, f, words.group("noun"), figure)][:_MAX_PAIRS]
        people = [f for f in in_paragraph if _is_population(text, figures, f)][:_MAX_PAIRS]
        if not totals or not people:
            continue
        readings = [(t, p) for t in totals for p in people]
        if any(_explains(t, p, figure) for t, p in readings):
            continue
        total = min(totals, key=lambda f: abs(f.index - figure.index))
        population = min(people, key=lambda f: abs(f.index - figure.index))
        found.append(Ratio(figure, total, population, inferred=True, kind="per_head",
                           scale=_factor(total, figure)))
    return found


def per_head_words(text, figure: Figure) -> str:
    """人均耕地 as the writer wrote it, for the message."""
    clause_start, _ = text.clause_span(figure.start)
    words = _PER_HEAD_RE.search(text.norm, max(clause_start, figure.number_start - 12), figure.number_start)
    if words is None:
        return "人均"
    return text.original[words.start() : words.end()].rstrip("为达到约 ")


def _figures_between(figures: tuple[Figure, ...], span: tuple[int, int], around: int) -> list[Figure]:
    """The figures of one paragraph, nearest first (bounded both ways)."""
    start, end = span
    nearby: list[Figure] = []
    for step in range(1, 41):
        for index in (around - step, around + step):
            if 0 <= index < len(figures) and start <= figures[index].start < end:
                nearby.append(figures[index])
    return nearby


def _label(text, figure: Figure) -> str:
    clause_start, _ = text.clause_span(figure.start)
    label = text.norm[clause_start : figure.number_start].strip(" (、")
    return _LEAD_RE.sub("", label, count=1)


def _is_total_of(text, total: Figure, noun: str, per_head: Figure) -> bool:
    if total.index == per_head.index or not total.exact or total.value <= 0:
        return False
    if total.base_unit != per_head.base_unit and (total.base_unit, per_head.base_unit) not in _CONVERSIONS:
        return False
    label = _label(text, total).removesuffix("为").removesuffix("达")
    return label in (noun, noun + "面积", noun + "总面积", "总" + noun, noun + "总量", noun + "总产量")


def _is_population(text, figures: tuple[Figure, ...], figure: Figure) -> bool:
    if figure.kind != "count" or figure.base_unit not in ("人", "口") or not figure.exact or figure.value <= 0:
        return False
    label = _label(text, figure).removesuffix("为").removesuffix("达")
    if label in _POPULATION_WORDS:
        return True
    # 有农户35户,共132人 / 501户2160人: the people of the households just named
    previous = figures[figure.index - 1] if figure.index else None
    return (label == "" and previous is not None and previous.base_unit == "户"
            and text.sentence_span(previous.start) == text.sentence_span(figure.start))


def _factor(total: Figure, per_head: Figure) -> int:
    return _CONVERSIONS.get((total.base_unit, per_head.base_unit), 1)


def _explains(total: Figure, population: Figure, per_head: Figure) -> bool:
    target = rate_interval(per_head.written, per_head.decimals, per_head.qualifier)
    closest = ratio_representative(quantity_interval(total), quantity_interval(population), target,
                                   _factor(total, per_head))
    return closest is not None and target[0] <= closest < target[1]
