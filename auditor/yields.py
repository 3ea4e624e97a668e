"""A harvest against its area and its yield: 种植小麦12.6万亩,总产5040万公斤,单产400公斤.

总产 = 面积 × 单产, each figure as the interval its rounding allows (the yield
also as truncated). Read only where the sentence of the yield, or it and the
one before, states one area, one total and one yield, of one crop when crops
are named, and nothing of it is an estimate or a target (预计, 约, 力争, 目标).
A second area or total (the crop's 高产田, another crop) makes the reading
unknown: nothing is said. Weights convert exactly (1吨 = 1000公斤 = 2000斤),
areas too (1公顷 = 15亩, 1平方公里 = 1500亩).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from auditor.arith import explains, rate_interval, ratio_representative
from auditor.extract import Figure
from auditor.relate import _year_of, quantity_interval

_YIELD_BEFORE_RE = re.compile(
    r"(?:平均)?(?:单产|亩产|亩均产量|亩均单产|每亩产量|单位面积产量|亩产量)(?:量)?(?:水平)?"
    r"(?:为|达|达到|是|实现|提高到|提高至|增至|增加到)?\s*$")
_PER_AREA_AFTER_RE = re.compile(r"\s*(?:/|每)\s*(?P<unit>亩|公顷)")
_TOTAL_BEFORE_RE = re.compile(r"(?:总产量|总产|产量|产粮|总收获|收获|收购|生产)(?:为|达|达到|是|实现|共)?\s*$")
_AREA_BEFORE_RE = re.compile(r"(?:种植|播种|栽种|栽培|种|面积|播栽|落实|完成)[^\d,,;;。]{0,8}$")
_CHANGE_RE = re.compile(r"增加|减少|增产|减产|扩大|压缩|新增|比上年|较上年|同比|人均|亩均增|提高(?!到|至)|下降|上年|去年|前年|上一年")
_ESTIMATE_RE = re.compile(r"预计|预测|预估|估计|力争|目标|计划|约|左右|近|以上|以下|超过|不低于|确保|争取")
_CROP_RE = re.compile(
    r"小麦|玉米|水稻|稻谷|早稻|中稻|晚稻|再生稻|大豆|马铃薯|土豆|油菜|油菜籽|棉花|花生|高粱|谷子|荞麦|燕麦|青稞|"
    r"红薯|甘薯|蔬菜|茶叶|烟叶|烤烟|甘蔗|粮食|夏粮|秋粮|杂粮|冬小麦|春小麦")
_SAME_CROP = {"夏粮": "粮食", "秋粮": "粮食", "冬小麦": "小麦", "春小麦": "小麦", "稻谷": "水稻"}
_PLOT_RE = re.compile(r"示范|高产|攻关|核心区|样板|实测|测产|最高|单块|百亩|千亩|万亩方|基地|田块")
_WEIGHT_IN_KG = {"公斤": Fraction(1), "吨": Fraction(1000), "斤": Fraction(1, 2)}
_AREA_IN_MU = {"亩": Fraction(1), "公顷": Fraction(15), "平方公里": Fraction(1500)}
_REACH = 12  # figures on either side of a yield its area and total may stand
_REACH_CHARS = 160  # and characters: a sentence may run a whole line


@dataclass(frozen=True)
class Harvest:
    total: Figure  # 总产5040万公斤
    area: Figure  # 12.6万亩
    per_area: Figure  # 单产400公斤
    scale: Fraction  # per_area = scale × total / area, the units converted


def find_harvests(text, figures) -> list[Harvest]:
    norm = text.norm
    if "产" not in norm:
        return []
    found = []
    for figure in figures:
        per_area_unit = _per_area_unit(text, figure)
        if per_area_unit is None:
            continue
        harvest = _harvest(text, figures, figure, per_area_unit)
        if harvest is not None:
            found.append(harvest)
    return found


def harvest_fits(harvest: Harvest) -> bool:
    """Whether some total and area within their rounding give the yield (rounded or truncated)."""
    per_area = harvest.per_area
    target = rate_interval(per_area.written, per_area.decimals, "")
    closest = ratio_representative(quantity_interval(harvest.total), quantity_interval(harvest.area), target, harvest.scale)
    return closest is None or explains(closest, target)


def _weight_unit(figure: Figure) -> str | None:
    if figure.kind == "weight" or (figure.kind == "count" and figure.base_unit == "斤"):
        return figure.base_unit if figure.base_unit in _WEIGHT_IN_KG else None
    return None


def _clause_before(text, figure: Figure, reach: int = 16) -> str:
    clause_start, _ = text.clause_span(figure.start)
    return text.norm[max(clause_start, figure.number_start - reach) : figure.number_start]


def _per_area_unit(text, figure: Figure) -> str | None:
    """亩 (or 公顷) when the figure is a yield: 单产400公斤, 亩产1050斤, 6000公斤/公顷."""
    if _weight_unit(figure) is None or not figure.exact or figure.value <= 0 or figure.multiplier != 1 or figure.qualifier:
        return None
    after = _PER_AREA_AFTER_RE.match(text.norm, figure.end, min(len(text.norm), figure.end + 4))
    before = _clause_before(text, figure)
    if _YIELD_BEFORE_RE.search(before) is None or _PLOT_RE.search(text.norm, max(0, figure.number_start - 24), figure.number_start):
        return None  # (示范田亩产750公斤: the yield of a plot, not of the area sown)
    if after is not None:
        return after.group("unit")
    return "亩" if "公顷" not in before else None


def _harvest(text, figures, per_area: Figure, per_area_unit: str) -> Harvest | None:
    sentence_start, sentence_end = text.sentence_span(per_area.start)
    start = text.previous_sentence_start(sentence_start) if sentence_start else 0
    start, sentence_end = max(start, per_area.start - _REACH_CHARS), min(sentence_end, per_area.end + _REACH_CHARS)
    if _ESTIMATE_RE.search(text.norm, start, sentence_end):
        return None
    nearby = [f for f in figures[max(0, per_area.index - _REACH) : per_area.index + _REACH]
              if start <= f.start < sentence_end and f.index != per_area.index]
    if any(_per_area_unit(text, f) for f in nearby):
        return None  # a second yield: whose total is which is unknown
    # every area and weight counts: 其中高产田1.2万亩, 比上年增产300万公斤 make the reading unknown
    areas = [f for f in nearby if f.kind == "area" and f.base_unit in _AREA_IN_MU]
    totals = [f for f in nearby if _weight_unit(f) is not None]
    if len(areas) != 1 or len(totals) != 1 or not _is_area(text, areas[0]) or not _is_total(text, totals[0]):
        return None
    area, total = areas[0], totals[0]
    if any(f.qualifier or not f.exact or f.value <= 0 or f.value_high for f in (area, total)):
        return None
    crops = {_crop_of(text, f, start) for f in (total, per_area)} - {""}
    area_crop = _area_words(text, area)
    if len(crops | {_crop_of(text, area, start)} - {""}) > 1 or crops and area_crop and not _CROP_RE.fullmatch(area_crop):
        return None  # 种植烤烟3000亩,粮食总产…: the area of another crop than the harvest's
    if len({_year_of(text, f.start) for f in (area, total, per_area)} - {""}) > 1:
        return None  # 2022年种植…,2023年总产…: two years' figures
    scale = (_WEIGHT_IN_KG[total.base_unit] / _WEIGHT_IN_KG[per_area.base_unit]) / (_AREA_IN_MU[area.base_unit] / _AREA_IN_MU[per_area_unit])
    return Harvest(total, area, per_area, scale)


def _is_area(text, figure: Figure) -> bool:
    before = _clause_before(text, figure)
    return _AREA_BEFORE_RE.search(before) is not None and _CHANGE_RE.search(before) is None


def _is_total(text, figure: Figure) -> bool:
    before = _clause_before(text, figure)
    return (_TOTAL_BEFORE_RE.search(before) is not None and _CHANGE_RE.search(before) is None
            and _YIELD_BEFORE_RE.search(before) is None)


_FUNCTION_WORDS_RE = re.compile(
    r"全[县镇乡市区村]|本[县镇乡市区村]|该[县镇乡市区村]|今年|全年|本年|当年|共计|共|累计|完成|落实|实现|种植|播种|栽种|栽培|"
    r"面积|作物|达到|达|为|约|其中|(?:19|20)\d{2}年|年|[^\u4e00-\u9fff]")


def _area_words(text, area: Figure) -> str:
    """What the area is of, as its clause names it: 烤烟 in 全县种植烤烟3000亩; "" when only verbs and scope."""
    return _FUNCTION_WORDS_RE.sub("", _clause_before(text, area, 24))


def _crop_of(text, figure: Figure, start: int) -> str:
    """The crop named last before the figure within the reading's sentences."""
    crops = _CROP_RE.findall(text.norm, max(start, figure.number_start - 40), figure.number_start)
    crop = crops[-1] if crops else ""
    return _SAME_CROP.get(crop, crop)
