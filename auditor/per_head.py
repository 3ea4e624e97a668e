"""Per-head figures: 人均耕地1.2亩 against the land and the people the text states.

A per-head figure is a quotient the text rarely spells out: the total (有耕地
267亩) and the people (乡村人口220人) stand in other clauses, often other
sentences. Every total named like the per-head figure and every population
of the same paragraph are candidates; the figure is consistent when any pair
of them gives it under rounding or truncation. Only when none does is one
pair reported, and always as an inferred reading (a warning).

A per-head figure whose paragraph states no people (templated pages state
乡村人口 once, in the first paragraph) is read against the document's
population when that is unambiguous: one value, or of a few the one every
other per-head figure that fits just one of them fits. A figure some stated
population gives is never reported. 人均0亩 beside a total that is not 0 is
a template's blank, not a rounding.

Only stocks are read (land, grain, floor space: area, weight, volume).
Money per head (人均纯收入, 人均GDP) is never the quotient of a stated total:
纯 and 总 differ, and GDP is divided by the year's average population.
"""

from __future__ import annotations

import re

from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio, pair_explains

_PER_HEAD_RE = re.compile(r"人均(?:占有|拥有)?(?P<noun>[\u4e00-\u9fff]{1,6}?)(?:面积)?(?:为|达|达到|约)?\s*$")
_KINDS = ("area", "weight", "volume")
# (unit of the total, unit of the per-head figure) → factor
_CONVERSIONS: dict[tuple[str, str], int] = {("吨", "公斤"): 1000, ("公顷", "亩"): 15, ("平方公里", "亩"): 1500,
                                            ("吨", "斤"): 2000, ("公斤", "斤"): 2}
_LABEL_REACH = 40  # characters before a figure that name it: a clause may run a whole line
_PER_HEAD_WORD_RE = re.compile(r"人均|户均|每人|每户|亩均|平均")
# words before a total or a population that do not change what it counts
_LEAD_RE = re.compile(
    r"^(?:其中)?(?:截至|截止|到)?(?:\d{4}年)?(?:年末|年底|目前|现|全年)?"
    r"(?:全村|全镇|全乡|全县|全区|全市|全省|该村|该镇|该乡|本村|村|镇|乡)?"
    r"(?:共有|现有|拥有|共|有|总)?"
)
_POPULATION_WORDS = ("人口", "总人口", "乡村人口", "农业人口", "户籍人口", "常住人口", "农村人口")
_MAX_PAIRS = 8  # candidates of each kind: a paragraph of a profile states a few


def find_per_head(analysis: Analysis) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    labels = _Labels(text)
    found: list[Ratio] = []
    # per-head figures with a total in their paragraph but no people there: read
    # against the document's population once all are known
    waiting: list[tuple[Figure, list[Figure]]] = []
    fitted: list[tuple[Figure, list[Figure]]] = []  # (per-head, its totals) read in-paragraph
    # per-head figures with no total in their paragraph (村情 pages state 耕地面积 in
    # one paragraph, 人均耕地 in another): read against the document's totals
    orphans: list[tuple[Figure, str]] = []
    for figure in figures:
        if not _is_stock(figure) or not figure.exact or figure.value < 0 or figure.multiplier != 1:
            continue
        clause_start, _ = text.clause_span(figure.start)
        words = _PER_HEAD_RE.search(norm, max(clause_start, figure.number_start - 12), figure.number_start)
        if words is None:
            continue
        paragraph = text.line_span(figure.start)
        in_paragraph = _figures_between(figures, paragraph, figure.index)
        totals = [f for f in in_paragraph if _is_total_of(labels, f, words.group("noun"), figure)][:_MAX_PAIRS]
        people = [f for f in in_paragraph if _is_population(labels, figures, f)][:_MAX_PAIRS]
        if not totals:
            orphans.append((figure, words.group("noun")))
            continue
        if not people:
            waiting.append((figure, totals))
            continue
        fitted.append((figure, totals))
        ratio = _reading(figure, totals, people)
        if ratio is not None:
            found.append(ratio)
    people: list[Figure] = []
    if orphans or waiting:
        people = [f for f in figures if _is_population(labels, figures, f)]
        stated = {p.index for p in people}
        # one figure per population as written: restating it changes no reading
        people = list({(f.written, f.multiplier, f.decimals, f.qualifier): f for f in people}.values())
    values = sorted({f.value for f in people})
    if len(values) > _MAX_PAIRS:
        return sorted(found, key=lambda r: r.rate.index)  # the people of many places: none is the document's
    if orphans:
        by_label = _totals_by_label(labels, figures)
        for figure, noun in orphans:
            totals = _document_totals(by_label, noun, figure)
            # several different totals of one noun (the town's and a village's): whose is unknown
            if (totals and len({(t.value, t.base_unit) for t in totals}) == 1
                    and not _other_people_nearby(labels, figures, figure, stated)):
                waiting.append((figure, totals))
    if waiting and people:
        # which population values each per-head figure fits; over a few values only
        fits = {other.index: frozenset(v for v in values if any(_explains(t, p, other) for t in totals
                                                                  for p in people if p.value == v))
                for other, totals in waiting + fitted} if 1 < len(values) else {}
        for figure, totals in waiting:
            if _reading(figure, totals, people) is None:
                continue  # some population of the document gives it
            population = _document_population(people, values, figure, fits)
            if population is None or not _one_scope(text, figure, totals[0], population[0]):
                continue
            if (ratio := _reading(figure, totals, population)) is not None:
                found.append(ratio)
    return sorted(found, key=lambda r: r.rate.index)


def _is_stock(figure: Figure) -> bool:
    """Land, grain, floor space: 斤 is read as a count elsewhere (a measure word), a weight here."""
    return figure.kind in _KINDS or figure.base_unit == "斤"


def _other_people_nearby(labels: "_Labels", figures: tuple[Figure, ...], figure: Figure, stated: set[int]) -> bool:
    """桃源村总人口1200人。人均耕地3.5亩: the paragraph of the per-head figure
    states the people of another subject than the document's."""
    for other in _figures_between(figures, labels.text.line_span(figure.start), figure.index):
        if (other.kind == "count" and other.base_unit in ("人", "口") and other.index not in stated
                and labels(other).removesuffix("为").endswith("人口")):
            return True
    return False


_TOTAL_LABEL_FORMS = ("{}", "{}面积", "{}总面积", "总{}", "{}总量", "{}总产量", "{}总产")


def _totals_by_label(labels: "_Labels", figures: tuple[Figure, ...]) -> dict[str, list[Figure]]:
    """Every stock of the document (area, weight, volume) by the words naming it, once."""
    found: dict[str, list[Figure]] = {}
    for figure in figures:
        if _is_stock(figure) and figure.exact and figure.value > 0 and not _PER_HEAD_WORD_RE.search(labels(figure)):
            found.setdefault(labels(figure).removesuffix("为").removesuffix("达"), []).append(figure)
    return found


def _document_totals(by_label: dict[str, list[Figure]], noun: str, per_head: Figure) -> list[Figure]:
    nouns = (noun, "粮食") if noun == "粮" else (noun,)
    totals = [f for n in nouns for form in _TOTAL_LABEL_FORMS for f in by_label.get(form.format(n), ())
              if f.index != per_head.index and (f.base_unit == per_head.base_unit
                                                or (f.base_unit, per_head.base_unit) in _CONVERSIONS)]
    return sorted(totals, key=lambda f: abs(f.index - per_head.index))[:_MAX_PAIRS]


_LEVEL_RE = re.compile(r"(?:全|本|该|我|某)(村|组|镇|乡|县|区|市)")


def _one_scope(text, *figures: Figure) -> bool:
    """A total of 全镇 and a population of 某村 are not one place's: the levels
    named before the figures read across paragraphs must agree."""
    levels = set()
    for figure in figures:
        sentence_start, _ = text.sentence_span(figure.start)
        levels |= {m.group(1) for m in _LEVEL_RE.finditer(text.norm, max(sentence_start, figure.number_start - 40), figure.number_start)}
    return len(levels) <= 1


def _reading(figure: Figure, totals: list[Figure], people: list[Figure]) -> Ratio | None:
    """None when any pair of a total and a population gives the figure."""
    if any(_explains(t, p, figure) for t in totals for p in people):
        return None
    total = min(totals, key=lambda f: abs(f.index - figure.index))
    population = min(people, key=lambda f: abs(f.index - figure.index))
    return Ratio(figure, total, population, inferred=True, kind="per_head", scale=_factor(total, figure))


def _document_population(people: list[Figure], values: list, figure: Figure, fits: dict[int, frozenset]) -> list[Figure] | None:
    """The people a per-head figure with none in its paragraph is over: the one
    population the document states (乡村人口245人 in its first paragraph, maybe
    restated with the same value); of a few, the one that each other per-head
    figure fitting just one of them fits. None when that is not certain."""
    if len(values) == 1:
        return people
    fitting = set()
    for index, fitted in fits.items():
        if index != figure.index and len(fitted) == 1:
            fitting |= fitted
    if len(fitting) != 1:
        return None
    value = fitting.pop()
    return [f for f in people if f.value == value]


def per_head_words(text, figure: Figure) -> str:
    """人均耕地 as the writer wrote it, for the message."""
    clause_start, _ = text.clause_span(figure.start)
    words = _PER_HEAD_RE.search(text.norm, max(clause_start, figure.number_start - 12), figure.number_start)
    if words is None:
        from auditor.per_area import density_words
        from auditor.per_unit import per_unit_words

        return per_unit_words(text, figure) or density_words(text, figure) or "人均"
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


class _Labels:
    """The words naming each figure (_label), worked out once per figure."""

    def __init__(self, text) -> None:
        self.text = text
        self.known: dict[int, str] = {}

    def __call__(self, figure: Figure) -> str:
        label = self.known.get(figure.index)
        if label is None:
            label = self.known[figure.index] = _label(self.text, figure)
        return label


def _label(text, figure: Figure) -> str:
    clause_start, _ = text.clause_span(figure.start)
    label = text.norm[max(clause_start, figure.number_start - _LABEL_REACH) : figure.number_start].strip(" (、")
    return _LEAD_RE.sub("", label, count=1)


def _is_total_of(labels: "_Labels", total: Figure, noun: str, per_head: Figure) -> bool:
    if total.index == per_head.index or not total.exact or total.value <= 0:
        return False
    if total.base_unit != per_head.base_unit and (total.base_unit, per_head.base_unit) not in _CONVERSIONS:
        return False
    label = labels(total).removesuffix("为").removesuffix("达")
    nouns = (noun, "粮食") if noun == "粮" else (noun,)
    return any(label in (n, n + "面积", n + "总面积", "总" + n, n + "总量", n + "总产量") for n in nouns)


def _is_population(labels: "_Labels", figures: tuple[Figure, ...], figure: Figure) -> bool:
    if figure.kind != "count" or figure.base_unit not in ("人", "口") or not figure.exact or figure.value <= 0:
        return False
    label = labels(figure).removesuffix("为").removesuffix("达")
    if label in _POPULATION_WORDS:
        return True
    # 有农户35户,共132人 / 501户2160人: the people of the households just named
    previous = figures[figure.index - 1] if figure.index else None
    return (label == "" and previous is not None and previous.base_unit == "户"
            and labels.text.sentence_span(previous.start) == labels.text.sentence_span(figure.start))


def _factor(total: Figure, per_head: Figure) -> int:
    return _CONVERSIONS.get((total.base_unit, per_head.base_unit), 1)


def _explains(total: Figure, population: Figure, per_head: Figure) -> bool:
    if per_head.value == 0:
        return False  # 人均0亩 beside a total that is not 0: a template's blank, not 0.15 rounded
    return pair_explains(total, population, per_head, scale=_factor(total, per_head))
