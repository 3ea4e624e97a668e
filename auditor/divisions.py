"""The divisions of the document's own place, stated twice: 全村辖5个村民组 in
the first paragraph, 全村辖6个村民组 (or 村民组分别为东山组、…、河口组, six
names) in another. A count read here is the place's own: 全村, 本村, 该村 (or
no subject) with 辖, 下辖, 设, 分为, 共有 before it; never a group singled
out (6个村民组中, 有3个村民组已…), another time (原, 2010年, 撤并前, 计划) or
a list closed by 等. 村民组 and 自然村 are read only on a village's page,
行政村 and 社区 only on a town's (no county or city named as a subject).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from auditor.extract import Figure
from auditor.model import Analysis

# the noun after 个 → the division it counts (村民小组 and 村民组 are one)
_NOUNS = {"村民小组": "村民组", "村民组": "村民组", "自然村": "自然村", "行政村": "行政村", "村委会": "行政村",
          "社区": "社区", "居委会": "社区"}
_NOUN_RE = re.compile("|".join(sorted(_NOUNS, key=len, reverse=True)))
# the level of the place whose divisions each noun counts
_PLACE_OF = {"村民组": "村", "自然村": "村", "行政村": "镇", "社区": "镇"}
_SCOPES = {"全村": "村", "本村": "村", "该村": "村", "我村": "村", "村内": "村", "全镇": "镇", "本镇": "镇", "该镇": "镇",
           "我镇": "镇", "镇内": "镇", "全乡": "镇", "本乡": "镇", "该乡": "镇", "我乡": "镇", "乡内": "镇"}
_STRONG_VERBS = ("下辖", "共辖", "辖有", "辖", "下设", "设有", "设", "划分为", "分为", "共有", "现有", "拥有")
_HEAD_RE = re.compile(
    "(?P<scope>" + "|".join(_SCOPES) + r")?(?:现|目前|现在)?"
    r"(?P<verb>" + "|".join(_STRONG_VERBS) + r"|有|共)?\s*$"
)
_HEAD_REACH = 12
_LISTED_HEAD_RE = re.compile(
    "(?P<scope>" + "|".join(_SCOPES) + r")?(?:有|辖|下辖|共辖|设有|分为|包括)?"
    r"(?!其中|包括|含)(?:[\u4e00-\u9fff\d]{1,6}?(?:组|村|社区|寨|屯|社|庄|湾|坪|沟|坝)[、和及]){1,39}"
    r"[\u4e00-\u9fff\d]{1,6}?(?:组|村|社区|寨|屯|社|庄|湾|坪|沟|坝)(?:等)?共\s*$"
)
_LISTED_HEAD_REACH = 300
# another time or a plan: the sentence before the count names one
_OTHER_TIME_RE = re.compile(r"(?:19|20)\d{2}|原|过去|以前|之前|此前|曾|撤并|合并|调整|计划|拟|规划|将|前年|去年|上年")
_OTHER_TIME_REACH = 40
# a group singled out of the divisions (6个村民组中, 的, 已), not their count
_SUBSET_AFTER_RE = re.compile(r"中|的|里|已|以上|以下|以内")
_PLACE_LEVEL_RE = re.compile(r"(?:全|本|该|我)(村|组|镇|乡|县|区|市|州|省|国)")
# 村民组分别为东山组、西山组…: a list naming the divisions
_LIST_HEAD_RE = re.compile(r"(?P<noun>村民小组|村民组|自然村|行政村)(?:分别)?(?:为|是|有|包括|:)\s*")
_LIST_ITEM_RE = re.compile(r"[\u4e00-\u9fff\d]{1,8}?(?:组|村|社区|寨|屯|社|庄|湾|坪|沟|坝)")
_MAX_ITEMS = 40


@lru_cache(maxsize=4)
def place_levels(norm: str) -> frozenset[str]:
    """The levels of place the text names as a subject: 全村 → 村, 本镇 → 镇, 我县 → 县."""
    return frozenset(_PLACE_LEVEL_RE.findall(norm))


@dataclass(frozen=True)
class Division:
    """One statement of how many divisions of one kind the place has."""

    noun: str
    count: int
    start: int
    end: int
    shown: str  # as written, for the message


def division_statements(analysis: Analysis) -> list[Division]:
    """Every statement of the place's divisions, in the order of the text."""
    norm = analysis.text.norm
    if not _NOUN_RE.search(norm):
        return []
    levels = place_levels(norm)
    page = "村" if levels <= {"村", "组"} else "镇" if levels <= {"镇", "乡", "村", "组"} and levels & {"镇", "乡"} else ""
    if not page:
        return []
    found = [d for d in _counts(analysis) if _PLACE_OF[d.noun] == page]
    found += [d for d in _lists(analysis) if _PLACE_OF[d.noun] == page]
    return sorted(found, key=lambda d: d.start)


def _counts(analysis: Analysis) -> Iterator[Division]:
    text, norm, figures = analysis.text, analysis.text.norm, analysis.figures
    for figure in figures:
        if (figure.kind != "count" or figure.base_unit != "个" or not figure.exact or figure.qualifier
                or figure.value_high is not None or figure.in_list):
            continue
        noun = _NOUN_RE.match(norm, figure.end)
        if noun is None or _SUBSET_AFTER_RE.match(norm, noun.end()):
            continue
        clause_start, _ = text.clause_span(figure.start)
        start = max(clause_start, figure.number_start - _HEAD_REACH)
        if figure.index and figures[figure.index - 1].end > start:
            start = figures[figure.index - 1].end
        head = _HEAD_RE.fullmatch(norm, start, figure.number_start) if start <= figure.number_start else None
        if head is None or not (head.group("scope") or head.group("verb") in _STRONG_VERBS):
            # 村内有一组、二组、…、六组共6个村民小组: the names, then their count
            if figure.number_start - clause_start > _LISTED_HEAD_REACH:
                continue
            head = _LISTED_HEAD_RE.fullmatch(norm, clause_start, figure.number_start)
            if head is None:
                continue
        scope = head.group("scope")
        division = _NOUNS[noun.group()]
        if scope and _SCOPES[scope] != _PLACE_OF[division]:
            continue
        sentence_start, _ = text.sentence_span(figure.start)
        if _OTHER_TIME_RE.search(norm, max(sentence_start, figure.number_start - _OTHER_TIME_REACH), figure.number_start):
            continue
        yield Division(division, int(figure.value), figure.start, figure.end,
                       text.original[figure.number_start : figure.end])


def _lists(analysis: Analysis) -> Iterator[Division]:
    """村民组分别为东山组、西山组、…: the names counted, when the list is closed (no 等)."""
    text, norm = analysis.text, analysis.text.norm
    for head in _LIST_HEAD_RE.finditer(norm):
        clause_start, _ = text.clause_span(head.start())
        before = norm[clause_start : head.start()].strip()
        if before not in ("", *(s for s, level in _SCOPES.items() if level == "村")):
            continue
        position, count = head.end(), 0
        while count < _MAX_ITEMS:
            item = _LIST_ITEM_RE.match(norm, position)
            if item is None:
                break
            count += 1
            position = item.end()
            if position < len(norm) and norm[position] in "、和及":
                position += 1
                continue
            break
        closed = position >= len(norm) or norm[position] in "。;,\n"
        if count < 2 or not closed or norm[position - 1] in "、和及":
            continue
        sentence_start, _ = text.sentence_span(head.start())
        if _OTHER_TIME_RE.search(norm, max(sentence_start, head.start() - _OTHER_TIME_REACH), head.start()):
            continue
        yield Division(_NOUNS[head.group("noun")], count, head.end(), position,
                       f"{count}个({text.original[head.end() : position]})")


@dataclass(frozen=True)
class DivisionConflict:
    noun: str
    first: Division
    second: Division


def division_conflicts(analysis: Analysis) -> list[DivisionConflict]:
    """The first statement of each kind of division that another contradicts."""
    first: dict[str, Division] = {}
    conflicts: list[DivisionConflict] = []
    for division in division_statements(analysis):
        earlier = first.setdefault(division.noun, division)
        if earlier.count != division.count and all(c.noun != division.noun for c in conflicts):
            conflicts.append(DivisionConflict(division.noun, earlier, division))
    return conflicts
