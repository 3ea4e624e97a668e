"""Breakdowns headed by 按…分: a list of categories closed by 其他, under a total stated before it.

共采集入库地名地址数据42.6万条。按类别:道路街巷1.86万条,住宅小区28.4万条,门牌11.2万条,其他0.84万条 /
快递服务有效申诉2 864件,…;按问题类型:延误1 126件、丢失短少846件、损毁612件、其他208件: the
head (按类别, 按问题类型, 按行业分, 分类型看) says the items split one whole by one attribute, and 其他
closes the split, so the items make up the whole: the nearest earlier quantity of their unit, in the
head's sentence or the one before, said to be all of them (共, 总, 合计, 全年) or standing alone in its
clause. The whole is found by its unit and place only, so the reading is a warning.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from auditor.extract import Figure
from auditor.model import Analysis
from auditor.recache import compile_scanning
from auditor.regexscan import finditer
from auditor.relate import PartsTotal, _is_quantity, _same_unit, _words_before

# 按类别:, 按问题类型:, 按行业分:, 分类型看:, 从类别看: the head of a split by one attribute
_HEAD_RE = compile_scanning(r"(?:(?<=[\n。;:,])|^)\s*(?:按|分|从)(?P<attribute>[\u4e00-\u9fff]{1,6}?)(?:分|划分|统计|来看|看)?\s*[::]")
_REST_RE = re.compile(r"其他|其它|其余")
_ITEM_GAP_RE = re.compile(r"^\s*[,、;]?\s*(?P<label>[\u4e00-\u9fff()()]{1,16}?)\s*(?:为|有|共)?\s*$")
_ALL_OF_RE = re.compile(r"共|总|合计|全年|全部|累计")
_MAX_ITEMS = 12
_PER_UNIT_RE = re.compile(r"每|人均|户均|平均|均")


def find_category_lists(analysis: Analysis, spoken: set[int]) -> tuple[list[PartsTotal], set[int]]:
    """Breakdowns under a 按…: head whose totals no other reader has read (`spoken`: totals read),
    and the figures of every such split (none of them a total of the others)."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if _REST_RE.search(norm) is None:
        return [], set()
    starts = [f.start for f in figures]
    found: list[PartsTotal] = []
    listed: set[int] = set()
    for head in finditer(_HEAD_RE, norm):
        if head.group("attribute").startswith(("别", "期", "批", "步", "阶段")):
            continue  # 分别, 分期, 分批: no attribute
        parts, labels = _items(norm, figures, bisect_left(starts, head.end()), head.end())
        if len(parts) < 2 or not _REST_RE.search(labels[-1]):
            continue
        listed.update(p.index for p in parts)
        total = _total_before(text, figures, parts[0], head.start(), sum(p.value for p in parts))
        if total is None or total.index in spoken:
            continue
        found.append(PartsTotal(total, tuple(parts), tuple(labels), True, "complement", True, "按" + head.group("attribute")))
    return found, listed


def _items(norm: str, figures: tuple[Figure, ...], first: int, start: int) -> tuple[list[Figure], list[str]]:
    """The labelled quantities of one unit after the head, up to the sentence's end."""
    parts: list[Figure] = []
    labels: list[str] = []
    cursor = start
    for figure in figures[first : first + _MAX_ITEMS]:
        gap = norm[cursor : figure.number_start]
        if "。" in gap or "\n" in gap.strip(" \t"):
            break
        label = _ITEM_GAP_RE.match(gap)
        if label is None or not _is_quantity(figure) or not figure.exact or parts and not _same_unit(figure, parts[0]):
            return [], []  # an item with words of its own (a rate, a change): no plain list
        parts.append(figure)
        labels.append(label.group("label"))
        cursor = figure.end
    return parts, labels


def _total_before(text, figures: tuple[Figure, ...], part: Figure, head_start: int, parts_sum=None) -> Figure | None:
    """The nearest quantity of the parts' unit before the head, in its sentence or the one before,
    said to be all of them or alone in its clause, above the first part. A value per unit (每百万件
    有效申诉6.72件) and one more than twice the parts' sum (快递业务量4.26亿件, of another count) are
    stepped over."""
    sentence_start, _ = text.sentence_span(head_start)
    reach = text.previous_sentence_start(sentence_start) if sentence_start else sentence_start
    for figure in reversed(figures[max(0, part.index - 8) : part.index]):
        if figure.start < reach:
            return None
        if not _is_quantity(figure) or not _same_unit(figure, part):
            continue
        if _PER_UNIT_RE.search(_words_before(text, figure)) or parts_sum is not None and figure.value > 2 * parts_sum:
            continue
        if figure.value <= part.value:
            return None
        clause = text.clause_span(figure.start)
        alone = not any(f is not figure and text.clause_span(f.start) == clause for f in figures[max(0, figure.index - 2) : figure.index + 3])
        return figure if _ALL_OF_RE.search(_words_before(text, figure)) or alone else None
    return None
