"""A growth rate against the year before's, in percentage points:

    规上工业增加值增长5.6%,增速比上年回落1.2个百分点(上年增长4.4%)

The current growth (5.6%), the change in points (回落1.2) and the year before's
growth (4.4%, in a bracket right after or later in the sentence, named by the
base the comparison names) make a change from the old rate to the new one:
DR001 judges the word against the two rates, CH001 the points against their
difference. Without the year before's growth written down nothing is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.extract import Figure
from auditor.model import Analysis


@dataclass(frozen=True)
class GrowthPoints:
    old: Figure  # the year before's growth
    new: Figure  # this year's
    word: str  # 回落, 提高 …
    points: Figure

# 增速比上年回落1.2个百分点 / 增幅较2023年放缓 / 比上年同期提高: the comparison right before the points
_COMPARE_RE = re.compile(
    r"(?:比|较)\s*(?P<base>上年同期|去年同期|上年|去年|上一年|(?:19|20)\d{2}\s*年(?:同期)?)"
    r"(?:的?(?:增速|增幅))?\s*(?P<bracket>\(\s*[\d.]+\s*%\s*\)\s*)?(?P<word>回落|放缓|下降|降低|收窄|提高|加快|上升|提升|扩大|增加)了?\s*$"
)
# 上年…增长6.5%,今年增长5.3%,增幅提高1.2个百分点: the pace with no comparison, the two growths before it
_BARE_PACE_RE = re.compile(r"(?<=[,;])\s*(?:增速|增幅|涨幅)\s*(?P<word>回落|放缓|下降|降低|收窄|提高|加快|上升|提升|扩大|增加)了?\s*$")
_LAST_YEAR_GROWTH_RE = re.compile(r"(?:上年|去年|上一年)[^,。;\d]{0,20}?(?:增长|上涨|增速为?|增幅为?)\s*$")
_THIS_YEAR_CLAUSE_RE = re.compile(r"上年|去年|上一年|同期")
# the growth just before the comparison: 增长5.6%, 同比增长5.6%, 增速为5.6%
_GROWTH_BEFORE_RE = re.compile(r"(?:增长|上涨|增速为?|增幅为?|涨幅为?)\s*(?:达到?|为)?\s*$")
_BASE_WORDS = {"上年": "(?:上年|去年|上一年)", "去年": "(?:上年|去年|上一年)", "上一年": "(?:上年|去年|上一年)",
               "上年同期": "(?:上年同期|去年同期)", "去年同期": "(?:上年同期|去年同期)"}
_BETWEEN_RE = re.compile(r"^[^。;\d]{0,40}$")


def find_growth_points(analysis: Analysis) -> list[GrowthPoints]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "百分点" not in norm:
        return []
    found = []
    for points in figures:
        if points.kind != "points" or not points.exact or points.index == 0:
            continue
        compare = _COMPARE_RE.search(norm, max(0, points.number_start - 24), points.number_start)
        sentence_start, sentence_end = text.sentence_span(points.start)
        if compare is None:
            bare = _BARE_PACE_RE.search(norm, max(sentence_start, points.number_start - 12), points.number_start)
            pair = _two_growths_before(figures, norm, text, points, bare.start(), sentence_start) if bare else None
            if pair is not None:
                found.append(GrowthPoints(pair[0], pair[1], bare.group("word"), points))
            continue
        if compare.group("bracket"):  # 增长8.6%,增速比上年(10.7%)加快2.1个百分点
            old = figures[points.index - 1]
            if old.kind != "percent" or not old.exact or old.start < compare.start() or not old.index:
                continue
            new = _growth_before(figures, norm, old, compare.start(), sentence_start)
            if new is not None:
                found.append(GrowthPoints(old, new, compare.group("word"), points))
            continue
        new = _growth_before(figures, norm, points, compare.start(), sentence_start)
        old = _growth_of_base(figures, norm, points, compare.group("base"), sentence_end)
        if new is not None and old is None:  # 上涨1.8%,上年上涨1.2%,涨幅比上年收窄0.6个百分点: the base stood before
            old, new = new, _growth_before_base(figures, norm, new, compare.group("base"), sentence_start)
        if new is None or old is None:
            continue
        found.append(GrowthPoints(old, new, compare.group("word"), points))
    return found


def _growth_before(figures, norm: str, points: Figure, compare_start: int, sentence_start: int) -> Figure | None:
    """The current growth: the percent written after 增长 nearest before the comparison, in its sentence."""
    for index in range(points.index - 1, max(-1, points.index - 4), -1):
        figure = figures[index]
        if figure.start < sentence_start:
            return None
        if figure.kind == "percent" and figure.exact and _BETWEEN_RE.match(norm[figure.end : compare_start]):
            if _GROWTH_BEFORE_RE.search(norm, max(sentence_start, figure.number_start - 8), figure.number_start):
                return figure
            return None
    return None


def _growth_of_base(figures, norm: str, points: Figure, base: str, sentence_end: int) -> Figure | None:
    """The year before's growth, written after the points in the same sentence:
    (上年增长4.4%), ;2023年增长4.4%, 上年同期为4.4%."""
    base = re.sub(r"\s+", "", base)
    name = _BASE_WORDS.get(base, re.escape(base))
    named = re.compile(rf"{name}(?:全年)?(?:同比)?(?:增长|上涨|增速为?|增幅为?|涨幅为?|为)\s*$")
    for figure in figures[points.index + 1 : points.index + 4]:
        if figure.start >= sentence_end:
            return None
        if figure.kind == "percent" and figure.exact and named.search(norm, max(points.end, figure.number_start - 16), figure.number_start):
            return figure
    return None


_BETWEEN_TWO_RE = re.compile(r"^\s*,\s*$")


def _growth_before_base(figures, norm: str, base: Figure, base_words: str, sentence_start: int) -> Figure | None:
    """上涨1.8%,上年上涨1.2%: base is last year's growth, named so, and this year's stands right before it."""
    base_words = re.sub(r"\s+", "", base_words)
    name = _BASE_WORDS.get(base_words, re.escape(base_words))
    named = re.compile(rf"[,]\s*{name}(?:全年)?(?:同比)?(?:增长|上涨|增速为?|增幅为?|涨幅为?|为)\s*$")
    if not base.index or not named.search(norm, max(sentence_start, base.number_start - 16), base.number_start):
        return None
    new = figures[base.index - 1]
    if new.start < sentence_start or new.kind != "percent" or not new.exact:
        return None
    between = norm[new.end : base.number_start]
    if not named.search(between) or not _GROWTH_BEFORE_RE.search(norm, max(sentence_start, new.number_start - 8), new.number_start):
        return None
    return new


def _two_growths_before(figures, norm: str, text, points: Figure, pace_start: int, sentence_start: int):
    """(last year's growth, this year's) right before a bare pace: 上年…增长6.5%,今年增长5.3%,增幅…"""
    if points.index < 2:
        return None
    new, old = figures[points.index - 1], figures[points.index - 2]
    if old.start < sentence_start or any(f.kind != "percent" or not f.exact for f in (old, new)):
        return None
    if not _BETWEEN_RE.match(norm[new.end : pace_start]) or re.search(r"[\u4e00-\u9fff]", norm[new.end : pace_start]):
        return None
    new_clause = text.clause_span(new.start)[0]
    if not _GROWTH_BEFORE_RE.search(norm, max(new_clause, new.number_start - 8), new.number_start) or _THIS_YEAR_CLAUSE_RE.search(norm, new_clause, new.number_start):
        return None
    old_clause = max(text.clause_span(old.start)[0], sentence_start)
    if not _LAST_YEAR_GROWTH_RE.search(norm, old_clause, old.number_start) or new_clause <= old.end:
        return None
    return old, new
