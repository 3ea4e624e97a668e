"""Totals split by a declared measure, the parts listed after an opener:

- 全年资助3.42万人次、4 168万元。按学段分:学前…0.36万人次、412万元;义务教育…
- 全年培训2.84万人次。按培训对象分为:(one item per line, a name and its figure)
- 全村426户1 512人,分布在四个自然村:(a line per village)
- 总产值186.4亿元。分类型看:…;…;装饰装修及其他完成产值7.5亿元。

Each quantity of the sentence before the opener is a total; its parts are the
figures of its unit up to where the list ends (the sentence's 。, or the last
line of a list written one item per line). Two units side by side (户 and 人,
人次 and 万元) are two totals, each with its own parts.

Parts that add up to more than their total are wrong whatever the list leaves
out. Parts that add up to less are wrong only when the list is said to be the
whole: 按X分 (every X is one part), a number of items stated and met (分布在四个
自然村 and four lines), a last item of "the rest" (及其他), or every side of a
split the rule pack knows (分季节看,夏粮…,秋粮…). 分行业看 in a statistical
bulletin often lists the main lines only: a shortfall there is no finding.
Every reading here is inferred from how the list is written: a warning.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from fractions import Fraction

from auditor.arith import written_interval
from auditor.breakdown import _REST_RE, Breakdown, rest_unlisted
from auditor.cnnum import standard_number
from auditor.extract import Figure
from auditor.known_splits import leading_sides, two_sides_of_the_whole
from auditor.model import Analysis

_OPENER_RE = re.compile(
    r"(?:^|(?<=[。;,:\n]))[ \t\u3000]*(?:"
    r"按(?P<by>[\u4e00-\u9fff]{1,8}?)(?:分类|划分|分)(?:为)?"
    r"|分(?P<look>[\u4e00-\u9fff]{1,6}?)(?:来看|看)"
    r"|(?:分为|分布在|分布于|包括|涉及)(?P<count>[一二两三四五六七八九十]{1,2}|\d{1,2})(?:个|档|类|种|项|所|家|片)[\u4e00-\u9fff]{0,6}"
    r")[ \t\u3000]*[:,]"
)
_TOTAL_KINDS = ("count", "money", "area", "weight", "length", "volume", "energy")
_PER_UNIT_RE = re.compile(r"每[\u4e00-\u9fff]{1,3}$|人均[\u4e00-\u9fff]{0,6}$|平均[\u4e00-\u9fff]{0,6}$")
# another reader's list, or more than one level: 其中 nests, 合计/累计 closes a list of its own
_OTHER_LIST_RE = re.compile(r"其中|合计|总计|小计|累计|共计")
_MAX_LINES = 12
_MAX_CHARS = 600
_MAX_PARTS = 12


def find_declared_splits(analysis: Analysis) -> list[Breakdown]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if not figures or not any(word in norm for word in ("按", "分", "包括", "涉及")):
        return []
    starts = [f.start for f in figures]
    found: list[Breakdown] = []
    for opener in _OPENER_RE.finditer(norm):
        end = _list_end(norm, opener.end())
        if end <= opener.end() or _OTHER_LIST_RE.search(norm, opener.end(), end):
            continue
        listed = figures[bisect_left(starts, opener.end()) : bisect_left(starts, end)]
        declared = opener.group("count")
        for totals in _totals_before(text, figures, starts, opener.start()):
            total = totals[-1]
            parts = [f for f in listed if _part_of(norm, f, total)]
            if not 2 <= len(parts) <= _MAX_PARTS or any(p.value >= total.value for p in parts):
                continue
            if declared is not None and len(parts) != _count(declared):
                continue
            if any(_verdict(parts, other) == "fits" for other in totals):
                continue  # 参保48.62万人(常住人口50.10万人): the parts are one of the sentence's totals
            labels = tuple(_label(norm, parts, i, opener.end()) for i in range(len(parts)))
            verdict = _verdict(parts, total)
            whole = (opener.group("by") is not None or declared is not None or any(_REST_RE.search(l) for l in labels)
                     or _known_split(analysis, norm, total, labels))
            whole = whole and not rest_unlisted(norm, parts, labels, end)
            if verdict == "over" or verdict == "under" and whole:
                found.append(Breakdown(total, tuple(parts), labels, True, "declared", True))
    return found


def _list_end(norm: str, start: int) -> int:
    """The 。 that ends the list, or the end of its last line when it is written
    one item per line with no 。 (a line with no digit, or a blank line, ends it)."""
    position, lines = start, 0
    while position < len(norm) and lines < _MAX_LINES and position - start < _MAX_CHARS:
        line_end = norm.find("\n", position)
        line_end = len(norm) if line_end < 0 else line_end
        stop = norm.find("。", position, line_end)
        if stop >= 0:
            return stop
        if lines and not any(c.isdigit() for c in norm[position:line_end]):
            return position - 1  # the list's lines are over
        position, lines = line_end + 1, lines + 1
    return min(position - 1, len(norm)) if lines else start


def _totals_before(text, figures, starts: list[int], opener_start: int) -> list[list[Figure]]:
    """The quantities of the sentence the opener follows (or opens with), by
    unit: the totals the list may split, the last of each the likeliest."""
    sentence_start = text.sentence_span(opener_start)[0]
    if not text.norm[sentence_start:opener_start].strip(" \t\u3000\n,;:"):
        if not sentence_start:
            return []
        sentence_start = text.previous_sentence_start(sentence_start)
    among = text.norm.find("其中", sentence_start, opener_start)
    by_unit: dict[tuple[str, str], list[Figure]] = {}
    for figure in figures[bisect_left(starts, sentence_start) : bisect_left(starts, opener_start)]:
        if 0 <= among < figure.start:
            break  # …1268万人次,其中过夜游客320万人次: a part, not the whole the list splits
        # 426户、1 512人: a second unit beside the first, not a later item of one list
        listed = figure.in_list and figure.index and figures[figure.index - 1].base_unit == figure.base_unit
        if (figure.kind in _TOTAL_KINDS and figure.exact and not figure.derived and not listed
                and not _per_unit(text.norm, figure)):
            by_unit.setdefault((figure.base_unit, figure.kind), []).append(figure)
    return list(by_unit.values())


def _part_of(norm: str, figure: Figure, total: Figure) -> bool:
    return (figure.base_unit == total.base_unit and figure.kind == total.kind and figure.exact
            and not figure.derived and not _per_unit(norm, figure))


def _per_unit(norm: str, figure: Figure) -> bool:
    """每人每月100元, 人均2.1亩: an amount per head, no part of a total."""
    return bool(_PER_UNIT_RE.search(norm, max(0, figure.number_start - 8), figure.number_start))


def _verdict(parts: list[Figure], total: Figure) -> str:
    """over / under when no reading of the written figures makes them add up; fits otherwise."""
    low = sum((written_interval(p.value, p.decimals, p.multiplier)[0] for p in parts), Fraction(0))
    high = sum((written_interval(p.value, p.decimals, p.multiplier)[1] for p in parts), Fraction(0))
    total_low, total_high = written_interval(total.value, total.decimals, total.multiplier)
    if low > total_high:
        return "over"
    if high < total_low:
        return "under"
    return "fits"


def _count(written: str) -> int:
    value = int(written) if written.isdigit() else standard_number(written)
    return int(value) if value is not None else -1


def _known_split(analysis: Analysis, norm: str, total: Figure, labels: tuple[str, ...]) -> bool:
    """分季节看,夏粮产量…,秋粮产量…: every side of a split the rule pack knows, before the head
    the total names (总产量), or each before a bare head of people or households."""
    groups = [tuple(g.split("|")) for g in analysis.pack.words("partition_groups")]
    whole_label = norm[max(0, total.number_start - 16) : total.number_start]
    return bool(leading_sides(list(labels), groups) or two_sides_of_the_whole(list(labels), whole_label, groups))


def _label(norm: str, parts: list[Figure], index: int, list_start: int) -> str:
    start = parts[index - 1].end if index else list_start
    words = re.findall(r"[\u4e00-\u9fff]+", norm[start : parts[index].number_start])
    return words[-1][-10:] if words else ""
