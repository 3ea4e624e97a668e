"""Figures per unit of land, read against the totals the document states.

- 人口密度为每平方公里386人 (人口密度386人/平方公里, 每平方千米人口386人): a
  population over an area. Profiles state 总人口 and 总面积 once, often
  paragraphs before the density, and often more than one of each (户籍 and
  常住 people, this year's and a census year's; the area in 平方公里 and in
  亩). Every stated population over every stated area of the document is a
  candidate; the density is consistent when any pair gives it under rounding
  or truncation. Only when none does is one pair reported, as a warning.
- 种植小麦12.6万亩,总产5040万公斤,单产400公斤: a total harvest over the area
  sown, read only when the sentence (or the one before) states one area and
  one total of the crop and nothing in it is an estimate.

Areas convert exactly: 1平方公里 = 100公顷 = 1500亩; weights 1吨 = 1000公斤,
1公斤 = 2斤.
"""

from __future__ import annotations

import re
from fractions import Fraction

from auditor.arith import APPROXIMATE_WORDS
from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio, _year_of, pair_explains

# --- 人口密度 --------------------------------------------------------------------------------

_SQUARE_KM = r"(?:平方公里|平方千米|km2|km²)"
_DENSITY_BEFORE_RE = re.compile(
    r"(?:人口密度(?:为|达|达到|是|约)?(?:每" + _SQUARE_KM + r")?(?:为|达|有|约)?"
    r"|每" + _SQUARE_KM + r"(?:人口|居住|平均|有)*(?:为|达|有|约)?)\s*$")
_DENSITY_AFTER_RE = re.compile(r"^\s*(?:/|每)\s*" + _SQUARE_KM)
_DENSITY_WORD_RE = re.compile(r"人口密度|每" + _SQUARE_KM)
# a density of part of the place (城区), of another place, or one compared with it
_OTHER_DENSITY_RE = re.compile(r"城区|城镇|建成区|市区|镇区|集镇|县城|中心|平均水平|平均值|全国|全省|高于|低于|相当于|是全|倍")
# words before a population or an area that do not change whose it is
_LEAD_RE = re.compile(
    r"^(?:其中|截至|截止|到)?(?:(?:19|20)\d{2}\s*年(?:末|底)?)?(?:年末|年底|目前|现|全年)?"
    r"(?:(?:全|本|该|我)(?:村|镇|乡|县|区|市|街道))?(?:辖区|境内)?(?:共有|现有|拥有|共|有)?")
_POPULATION_LABEL_RE = re.compile(
    r"(?:总|户籍|常住|年末|年末总|年末户籍|年末常住|辖区|农业|乡村|农村)?(?:总)?人口(?:总数|总量|数)?(?:为|达|达到|约|有|共|是)?")
_AREA_LABEL_RE = re.compile(r"(?:国土|辖区|区域|行政区域|行政区划|版图|幅员|土地|总)?(?:总)?面积(?:为|达|约|有|共|是)?")
# 平方公里 per unit written: the area factor of people / area
_PER_SQUARE_KM = {"平方公里": 1, "公顷": 100, "亩": 1500}
_LABEL_REACH = 24
_TRAILING_WORDS_RE = re.compile(r"[\u4e00-\u9fff]*$")
_MAX_VALUES = 8  # distinct populations or areas: more are many places' figures, none is the document's
_MAX_CANDIDATES = 400  # figures of each kind looked at in one document


def find_densities(analysis: Analysis) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "密度" not in norm and "每平方" not in norm:
        return []
    densities = [f for f in figures if _is_density(text, f)]
    if not densities:
        return []
    people = _candidates(text, figures, _is_population)
    areas = _candidates(text, figures, _is_area)
    if not people or not areas or len({p.value for p in people}) > _MAX_VALUES or len({a.value for a in areas}) > _MAX_VALUES:
        return []
    if any(f.qualifier in APPROXIMATE_WORDS for f in people + areas):
        return []  # 约3万人: no pair can be refuted
    people, areas = _distinct(text, people), _distinct(text, areas)
    found: list[Ratio] = []
    explained: dict[tuple, bool] = {}  # a density restated is read once
    levels = {f.index: _level(text, f) for f in densities + [p for p, _ in people] + [a for a, _ in areas]}
    for density in densities:
        year = _year_of(text, density.start)
        level = levels[density.index]
        pairs = [(p, a) for p, p_year in people for a, a_year in areas
                 if _same_year(year, p_year) and _same_year(year, a_year)
                 and _same_level(level, levels[p.index]) and _same_level(level, levels[a.index])]
        key = (density.written, density.decimals, year, level)
        if key not in explained:
            explained[key] = not pairs or any(pair_explains(p, a, density, scale=_PER_SQUARE_KM[a.base_unit]) for p, a in pairs)
        if explained[key]:
            continue
        population, area = min(pairs, key=lambda pair: (abs(pair[0].index - density.index) + abs(pair[1].index - density.index)))
        found.append(Ratio(density, population, area, inferred=True, kind="per_head", scale=_PER_SQUARE_KM[area.base_unit]))
    return found


def _is_density(text, figure: Figure) -> bool:
    if figure.kind != "count" or figure.base_unit != "人" or not figure.exact or figure.value <= 0 or figure.qualifier:
        return False
    clause_start, clause_end = text.clause_span(figure.start)
    before = text.norm[max(clause_start, figure.number_start - 20) : figure.number_start]
    after = text.norm[figure.end : min(clause_end, figure.end + 8)]
    if not (_DENSITY_BEFORE_RE.search(before) or _DENSITY_AFTER_RE.match(after) and "密度" in before):
        return False
    sentence_start, _ = text.sentence_span(figure.start)
    around = text.norm[max(sentence_start, clause_start - 20) : min(clause_end, figure.end + 16)]
    return _DENSITY_WORD_RE.search(around) is not None and not _OTHER_DENSITY_RE.search(around)


def _label(text, figure: Figure) -> str:
    clause_start, _ = text.clause_span(figure.start)
    before = text.norm[max(clause_start, figure.number_start - _LABEL_REACH) : figure.number_start].rstrip(" (:")
    label = _TRAILING_WORDS_RE.search(before).group(0)
    return _LEAD_RE.sub("", label, count=1)


# 白沙镇总面积, 张村乡辖区总人口: the place named before the label; 城区面积, 建成区人口 are part of it
_PLACE_END = frozenset("村镇乡县区市")
_PART_OF_PLACE_RE = re.compile(r"城区|城镇|建成区|市区|镇区|集镇|县城|中心|社区|园区|景区|开发区|新区|片区|街区|小区|库区|矿区|山区")
_MAX_PLACE_NAME = 6


def _fits(label: str, pattern: re.Pattern) -> bool:
    """The label, or the label after the name of a place (白沙镇总面积 → 总面积), is one of pattern's."""
    if pattern.fullmatch(label) is not None:
        return True
    for end in range(2, min(len(label), _MAX_PLACE_NAME + 1)):
        if label[end - 1] in _PLACE_END and pattern.fullmatch(label[end:]) is not None:
            return _PART_OF_PLACE_RE.search(label[:end]) is None
    return False


def _is_population(text, figure: Figure) -> bool:
    return (figure.kind == "count" and figure.base_unit == "人" and figure.value > 0 and not figure.value_high
            and _fits(_label(text, figure), _POPULATION_LABEL_RE))


def _is_area(text, figure: Figure) -> bool:
    if figure.kind != "area" or figure.base_unit not in _PER_SQUARE_KM or figure.value <= 0 or figure.value_high:
        return False
    return _fits(_label(text, figure), _AREA_LABEL_RE)


def _candidates(text, figures, accept) -> list[Figure]:
    found: list[Figure] = []
    for figure in figures:
        if accept(text, figure):
            found.append(figure)
            if len(found) >= _MAX_CANDIDATES:
                break
    return found


def _distinct(text, figures: list[Figure]) -> list[tuple[Figure, str]]:
    """One figure per value as written and year named: restating it changes no reading."""
    kept: dict[tuple, tuple[Figure, str]] = {}
    for figure in figures:
        year = _year_of(text, figure.start)
        kept.setdefault((figure.written, figure.multiplier, figure.decimals, figure.base_unit, year), (figure, year))
    return list(kept.values())


_LEVEL_RE = re.compile(r"(?:全|本|该|我)(村|镇|乡|县|区|市|省)")


def _level(text, figure: Figure) -> str:
    """村, 镇, 县 … as 全镇/该县 name it before the figure in its sentence; "" when none does."""
    sentence_start, _ = text.sentence_span(figure.start)
    levels = _LEVEL_RE.findall(text.norm, max(sentence_start, figure.number_start - 40), figure.number_start)
    return levels[-1] if levels else ""


def _same_level(level: str, other: str) -> bool:
    """全县总面积 is no area of the town whose density 全镇人口密度 states."""
    return not (level and other and level != other)


def _same_year(year: str, other_year: str) -> bool:
    """2010年人口密度… against 2020年末总人口…: figures of two years are never paired."""
    return not (year and other_year and year != other_year)


def density_words(text, figure: Figure) -> str:
    """人口密度, as the writer wrote it, for the message."""
    sentence_start, _ = text.sentence_span(figure.start)
    start = max(sentence_start, figure.number_start - 24)
    before = text.norm[start : figure.number_start]
    match = re.search(r"人口密度", before) or re.search(r"每" + _SQUARE_KM + "(?:人口)?", before)
    return "" if match is None else text.original[start + match.start() : start + match.end()]
