"""SH002: the shares of the parts that make up one whole must add up to 100%
(第一、二、三产业增加值分别占地区生产总值的8.9%、38.6%、55.8%: 103.3%).

Only a known split counts as the whole: the three industries, a partition
group of the rule pack (城镇|农村, 男|女 …), or a list closed by 其他/其余.
Shares of kinds that overlap (本科以上学历占45%,高级职称占60%) are never added."""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from auditor.arith import last_place
from auditor.checks.base import NumericCheck, Params, pair_expectation
from auditor.breakdown import age_band, bands_fit
from auditor.checks.common import as_written
from auditor.extract import Figure
from auditor.model import Hit

_INDUSTRIES_LISTED_RE = re.compile(
    r"第?一(?:产业|产)?\s*[、,和及与]\s*(?:第)?二(?:产业|产)?\s*[、,和及与]\s*(?:第)?三(?:产业|产)|三次产业"
)
_INDUSTRY_RE = re.compile(r"(?:第([一二三])产业|([一二三])产)")
_SHARE_WORDS_RE = re.compile(r"占|比重|比例|构成|结构")
_LABEL_SPLIT_RE = re.compile(r"\s*(?:、|和|及|与|以及)\s*")


@dataclass(frozen=True)
class ShareSplit:
    shares: tuple[Figure, ...]
    labels: tuple[str, ...]
    partial: bool = False  # some parts of a whole (X中,A占…,B占…): only more than 100% is wrong

    @property
    def closed_by_other(self) -> bool:
        return _closed_by_other(list(self.labels))


def _sum_interval(shares: tuple[Figure, ...]) -> tuple[Fraction, Fraction]:
    """[low, high] of the true sum: each share rounded (±half a unit) or truncated (up to a unit below)."""
    low = sum((Fraction(f.value) - last_place(f.decimals) / 2 for f in shares), Fraction(0))
    high = sum((Fraction(f.value) + last_place(f.decimals) for f in shares), Fraction(0))
    return low, high


def _member_of(label: str, group: tuple[str, ...]) -> str:
    for member in sorted(group, key=len, reverse=True):
        if label.endswith((member, member + "人口", member + "居民")):
            return member
    return ""


def _covers(labels: list[str], groups: list[tuple[str, ...]]) -> bool:
    """Whether the labels are exactly the members of one split, each once:
    the three industries, or one partition group of the rule pack."""
    if not labels:
        return False
    ordinals = []
    for label in labels:
        match = _INDUSTRY_RE.search(label)
        ordinals.append((match.group(1) or match.group(2)) if match else "")
    if all(ordinals):
        return len(ordinals) == 3 and set(ordinals) == {"一", "二", "三"}
    for group in groups:
        members = [_member_of(label, group) for label in labels]
        if all(members) and len(set(members)) == len(members) == len(group):
            return True
    return _closed_by_other(labels)


_OTHER_RE = re.compile(r"^(?:其他|其它|其余)(?P<noun>[\u4e00-\u9fff]{0,6})$")


def _after_a_share(norm: str, position: int) -> bool:
    """Whether a percentage ends just before position (only separators between)."""
    while position > 0 and norm[position - 1] in " \t\n,,;;、":
        position -= 1
    return position > 0 and norm[position - 1] == "%"


def _closed_by_other(labels: list[str]) -> bool:
    """城镇职工患者占…,城乡居民患者占…,其他患者占…: a list that ends with 其他
    takes in everything left, so it is a whole. The 其他 item must name the
    same thing as the others (患者 … 其他患者) or nothing at all."""
    if len(labels) < 2:
        return False
    other = _OTHER_RE.match(labels[-1].strip())
    if not other or any(_OTHER_RE.match(label.strip()) for label in labels[:-1]):
        return False
    noun = other.group("noun")
    return all(label.strip() and label.strip().endswith(noun) and label.strip() != noun for label in labels[:-1])


def find_share_splits(analysis) -> list[ShareSplit]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    groups = [tuple(g.split("|")) for g in analysis.pack.words("partition_groups")]
    found: list[ShareSplit] = []
    index = 0
    while index < len(figures):
        first = figures[index]
        index += 1
        structure = _structure_ratio(text, figures, first)
        if structure is not None:
            found.append(structure)
            index = structure.shares[-1].index + 1
            continue
        if first.kind != "percent" or first.in_list:
            continue
        sentence_start, sentence_end = text.sentence_span(first.start)
        clause_start, _ = text.clause_span(first.start)
        head = norm[max(sentence_start, first.number_start - 60) : first.number_start]
        if "按" in head or "从" in head or "從" in head:
            labelled = _labelled_partition(text, figures, first, sentence_start, sentence_end)
            if labelled is not None:
                found.append(labelled)
                index = labelled.shares[-1].index + 1
                continue
        if "分别" in head and _SHARE_WORDS_RE.search(norm, clause_start, first.number_start):
            shares = [first]
            while index < len(figures) and figures[index].in_list and figures[index].kind == "percent":
                shares.append(figures[index])
                index += 1
            before = head[: head.rfind("分别")]
            if _INDUSTRIES_LISTED_RE.search(before) and len(shares) == 3:
                found.append(ShareSplit(tuple(shares), ("第一产业", "第二产业", "第三产业")))
                continue
            labels = [label for label in _LABEL_SPLIT_RE.split(before.split(",")[-1].split("的")[-1]) if label]
            if len(labels) == len(shares) and (_covers(labels, groups) or _rest_of_the_group(before, labels)):
                found.append(ShareSplit(tuple(shares), tuple(labels)))
            elif len(labels) == len(shares) >= 2 and _kinds_of_one_whole(norm, before, head, labels, shares):
                # 财政资金、社会资本、银行贷款分别占总投资的10.8%、31.5%、59.3%: kinds of one whole, only more than 100% is wrong
                found.append(ShareSplit(tuple(shares), tuple(labels), partial=True))
            continue
        # 第一产业增加值占比8.6%,第二产业占比38.6%,第三产业占比55.8%: one share per clause
        if not _SHARE_WORDS_RE.search(norm, clause_start, first.number_start):
            continue
        shares, labels = [first], [norm[clause_start : first.number_start]]
        probe = index
        while probe < len(figures) and figures[probe].start < sentence_end:
            figure = figures[probe]
            start, _ = text.clause_span(figure.start)
            if figure.base_unit == "岁" and figure.kind in ("range", "age"):
                probe += 1
                continue  # 15-59岁人口占63.9%: the band that names the next share
            chained = figure.kind == "percent" and _CHAINED_SHARE_RE.fullmatch(norm, shares[-1].end, figure.number_start)
            if chained:  # 制造业占46.3%、批发零售业占31.8%: one share each item of a 、 list
                shares.append(figure)
                labels.append(chained.group("label"))
                probe += 1
                continue
            if figure.kind != "percent" or figure.in_list or not _SHARE_WORDS_RE.search(norm, start, figure.number_start):
                break
            if start == text.clause_span(shares[-1].start)[0]:
                break  # two figures in one clause: not one share each
            if norm[start : start + 8].lstrip().startswith("其中"):
                break  # …60岁及以上人口占21.7%,其中65岁及以上人口占15.2%: a part of the last share
            shares.append(figure)
            labels.append(norm[start : figure.number_start])
            probe += 1
        names = [_SHARE_WORDS_RE.split(label)[0] for label in labels]
        if _closed_by_other(names) and _after_a_share(norm, clause_start):
            continue  # …占19.7%,⏎党政机关占11%,其他占19.1%: the end of a longer list cut by a line break
        if len(shares) >= 2 and (_covers(names, groups) or _age_bands_tile(text, figures, shares)):
            found.append(ShareSplit(tuple(shares), tuple(_SHARE_WORDS_RE.split(label)[0] for label in labels)))
            index = probe
        elif len(shares) >= 2 and _parts_of_a_group(norm, sentence_start, clause_start, shares, labels):
            found.append(ShareSplit(tuple(shares), tuple(_SHARE_WORDS_RE.split(label)[0] for label in labels), partial=True))
            index = probe
        elif len(shares) >= 2 and _split_by_a_dimension(norm, sentence_start, clause_start, shares, labels):
            # 按行业分,制造业占…、批发零售业占…、其他行业占…: kinds of one whole, all of them when 其他 closes the list
            found.append(ShareSplit(tuple(shares), tuple(names), partial=not (_OTHER_RE.match(names[-1].strip()) or _ladder_closed(names))))
            index = probe
    return found


# 三次产业结构为13.2:41.5:45.3 / 产业结构由上年的14.1∶40.2∶45.7调整为…: a structure, its parts in
# percent joined by colons, adds up to 100
_STRUCTURE_WORD_RE = re.compile(r"结构|結構")
_RATIO_JOINER_RE = re.compile(r"\s*[:∶︰]\s*")
_CHAIN_RE = re.compile(r"\d+(?:\.\d+)?(?:\s*[:∶︰]\s*\d+(?:\.\d+)?)+")
_STRUCTURE_REACH = 40  # characters before the chain its 结构 may stand in


def _structure_ratio(text, figures, first: Figure) -> ShareSplit | None:
    """A chain of three or more plain numbers joined by colons after 结构 in its clause (a 三次产业结构,
    就业结构 …), none with a qualifier, adding up to 90–110 (percent, not a ratio of counts)."""
    norm = text.norm
    if first.kind not in ("number", "percent") or first.qualifier:
        return None
    if first.index and _RATIO_JOINER_RE.fullmatch(norm, figures[first.index - 1].end, first.number_start):
        return None  # inside a chain, not its first
    reach = max(0, first.number_start - _STRUCTURE_REACH)
    clause_start = max(norm.rfind(mark, reach, first.number_start) for mark in ",。;\n") + 1  # a colon is inside the chain
    words = norm[max(clause_start, reach) : first.number_start]
    named = _STRUCTURE_WORD_RE.search(words)
    if not named or re.search(r"\d", _CHAIN_RE.sub("", words[named.end() :])):
        return None  # a figure of its own between 结构 and the chain (an earlier chain is none: 由…调整为…)
    shares = [first]
    probe = first.index + 1
    while probe < len(figures) and figures[probe].kind == first.kind and not figures[probe].qualifier \
            and _RATIO_JOINER_RE.fullmatch(norm, shares[-1].end, figures[probe].number_start):
        shares.append(figures[probe])
        probe += 1
    if len(shares) < 3 or norm[shares[-1].end : shares[-1].end + 1] in (":", "∶"):
        return None
    total = sum((f.value for f in shares), Decimal(0))
    if not 90 <= total <= 110:
        return None
    return ShareSplit(tuple(shares), tuple(f"{i + 1}" for i in range(len(shares))))


# 刑事案件立案中,盗窃、诈骗、其他刑事案件分别占…: the group the sentence opens on, its rest closing the kinds
_GROUP_OPENED_RE = re.compile(r"[\u4e00-\u9fff]{2,14}(?:之)?中\s*,")


def _rest_of_the_group(before: str, labels: list[str]) -> bool:
    """Plain kinds closed by 其他 + the group the sentence opened on (X中,A、B、其他X分别占…): all of it."""
    if len(labels) < 2 or any(_OVERLAPPING_RE.search(label) for label in labels[:-1]):
        return False
    other = _OTHER_RE.match(labels[-1].strip())
    if not other or len(other.group("noun")) < 2 or any(_OTHER_RE.match(label.strip()) for label in labels[:-1]):
        return False
    opened = _GROUP_OPENED_RE.search(before)
    return opened is not None and other.group("noun") in opened.group(0)


_ONE_WHOLE_AFTER_RE = re.compile(r"分别(?:占|占到|占了)[^\d,。;、]{1,14}?的(?:比重|比例)?(?:为|是)?\s*$")
_PLAIN_KIND_RE = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _kinds_of_one_whole(norm: str, before: str, head: str, labels: list[str], shares: list[Figure]) -> bool:
    """A、B、C分别占X的a%、b%、c%: plain kinds (no overlapping line: 女性, 本科, 高新 …) each with an exact
    share of the one whole 占 names."""
    if any(share.qualifier for share in shares) or not _ONE_WHOLE_AFTER_RE.search(head):
        return False
    if len(set(labels)) != len(labels):
        return False
    return all(_PLAIN_KIND_RE.fullmatch(label) and not _OVERLAPPING_RE.search(label) for label in labels)


# 全市规上工业产值中,装备制造占52.6%,食品加工占49.8%: kinds of one whole, each said once
_GROUP_HEAD_RE = re.compile(r"\s*[^\d,。;:%]{2,20}?(?:之)?中\s*[,:]\s*")
_PART_LABEL_RE = re.compile(r"\s*[\u4e00-\u9fff]{2,12}?(?:所)?占(?:比|比重|比例)?(?:为|达)?\s*")
_BETWEEN_SHARES_RE = re.compile(r"\s*[,;、]\s*")
# kinds that may overlap (a person is a woman and a graduate), or a part of a part
_OVERLAPPING_RE = re.compile(r"女|男|党员|团员|学历|本科|大专|专科|研究生|硕士|博士|职称|高级|中级|初级|以上|以下|岁|民族|"
                             r"干部|骨干|专业|技术|新增|新建|其中|合计|累计|同比|增长|提高|下降|重点|特色|龙头|规上|高新|"
                             r"约|近|超|逾|不足|不到")  # and approximate shares: 约占 may be loose


def _parts_of_a_group(norm: str, sentence_start: int, clause_start: int, shares: list[Figure], labels: list[str]) -> bool:
    """Shares of kinds of the one whole a group head opens (X中,), each clause
    a kind and its share, nothing else between: their sum cannot pass 100%."""
    return _GROUP_HEAD_RE.fullmatch(norm, sentence_start, clause_start) is not None and _plain_kinds(norm, shares, labels)


def _plain_kinds(norm: str, shares: list[Figure], labels: list[str]) -> bool:
    """Each clause a kind and its exact share, nothing else between, no kind overlapping another."""
    if any(share.qualifier for share in shares):
        return False
    if not all(_PART_LABEL_RE.fullmatch(label) and not _OVERLAPPING_RE.search(label) for label in labels):
        return False
    return all(_BETWEEN_SHARES_RE.fullmatch(norm, a.end, b.start - len(label))
               for a, b, label in zip(shares, shares[1:], labels[1:]))


_CHAINED_SHARE_RE = re.compile(r"\s*、\s*(?P<label>[\u4e00-\u9fff]{1,12}?(?:所)?占(?:比|比重|比例)?(?:为|达)?)\s*")
# 按行业分, / 按企业类型划分: / 从行业看, — the sentence splits one whole by one dimension
_BY_DIMENSION_RE = re.compile(r"\s*[\u4e00-\u9fff]{0,12}?(?:按|从|從)[\u4e00-\u9fff]{1,10}?(?:分|划分|劃分|分类|分類|统计|統計|来看|來看|看)\s*[,:]\s*")


def _split_by_a_dimension(norm: str, sentence_start: int, clause_start: int, shares: list[Figure], labels: list[str]) -> bool:
    """Shares of the kinds of one whole split by one dimension (按行业分,), each a kind and its share,
    nothing else between: at most 100% in all, exactly 100% when 其他 closes the list."""
    head_start = max(sentence_start, norm.rfind(",", sentence_start, max(sentence_start, clause_start - 1)) + 1)
    return _BY_DIMENSION_RE.fullmatch(norm, head_start, clause_start) is not None and _plain_kinds(norm, shares, labels)


# 按学历分:博士4.1%、硕士21.6%、本科58.3%、专科及以下14.8%: a kind, its share, the next kind
_LIST_LABEL_RE = re.compile(r"\s*(?:[、,;]\s*)?(?P<label>[\u4e00-\u9fff]{1,12}?)(?:为|占|约占|占比)?\s*")
_LADDER_BOTTOM_RE = re.compile(r"(?:及以下|以下)$")
_NOT_A_RUNG_RE = re.compile(r"以上|以下|及|其中|合计|累计|共|总|新增|同比|增长|女|男|党员")


def _ladder_closed(names: list[str]) -> bool:
    """博士、硕士、本科、专科及以下: rungs of one ladder, the last taking in everything below:
    every kind once. A first rung of 及以上 may hold a later one (本科及以上、硕士…): not taken."""
    labels = [name.strip() for name in names]
    if len(labels) < 3 or not _LADDER_BOTTOM_RE.search(labels[-1]):
        return False
    if any(not label or _NOT_A_RUNG_RE.search(label) for label in labels[:-1]):
        return False  # 本科及以上、硕士、专科以下: 硕士 may be inside the first rung
        return False
    bottom = _LADDER_BOTTOM_RE.sub("", labels[-1])
    return bool(bottom) and not _NOT_A_RUNG_RE.search(bottom) and len(set(labels)) == len(labels)


def _labelled_partition(text, figures, first: Figure, sentence_start: int, sentence_end: int) -> ShareSplit | None:
    """按学历分:博士4.1%、硕士21.6%、本科58.3%、专科及以下14.8%: after a dimension head, each
    kind named right before its share, nothing else between; a whole when the list is closed
    by 其他 or by the bottom rung of a ladder (及以下)."""
    norm = text.norm
    clause_start, _ = text.clause_span(first.start)
    label = _LIST_LABEL_RE.fullmatch(norm, clause_start, first.number_start)
    near = max(sentence_start, clause_start - 40)  # the head is short: never look back over a long sentence
    if not label or not _BY_DIMENSION_RE.fullmatch(
            norm, max(near, norm.rfind(",", near, max(near, clause_start - 1)) + 1), clause_start):
        return None
    shares, labels = [first], [label.group("label")]
    probe = first.index + 1
    while probe < len(figures) and figures[probe].start < sentence_end and len(shares) < 12:
        figure = figures[probe]
        if figure.kind != "percent":
            break
        label = _LIST_LABEL_RE.fullmatch(norm, shares[-1].end, figure.number_start)
        if not label:
            break
        shares.append(figure)
        labels.append(label.group("label"))
        probe += 1
    if probe < len(figures) and figures[probe].start < sentence_end and norm[shares[-1].end : figures[probe].start].strip(" ,、") == "":
        return None  # a figure follows the last share in the same list: not this list's end
    if len(shares) < 3 or any(share.qualifier for share in shares):
        return None
    if not (_closed_by_other(labels) or _ladder_closed(labels)):
        return None
    return ShareSplit(tuple(shares), tuple(labels))


def _age_bands_tile(text, figures, shares: list[Figure]) -> bool:
    """0-14岁人口占18.6%,15-59岁人口占63.9%,60岁及以上人口占21.7%: one age band a
    share, the bands covering every age once."""
    bands = []
    for share in shares:
        clause_start, _ = text.clause_span(share.start)
        found = [age_band(f) for f in figures[max(0, share.index - 3) : share.index] if f.start >= clause_start]
        found = [band for band in found if band is not None]
        if len(found) != 1:
            return False
        bands.append(found[0])
    return bands_fit(bands) == "tile"


# the last document judged, with its splits, swapped as one tuple: judged() is asked
# twice per document (rows, then hits), on two Analysis records (the second a copy
# with the check columns) holding the same text, figures and pack. The text is held
# by a weak reference: when it goes, so does the entry.
_NONE: tuple = (lambda: None, None, None, {})
_LAST: list = [_NONE]


def _judged_of(analysis) -> Mapping[int, ShareSplit]:
    reference, figures, pack, judged = _LAST[0]
    if reference() is analysis.text and figures is analysis.figures and pack is analysis.pack:
        return judged
    judged = {split.shares[0].index: split for split in find_share_splits(analysis)}
    _LAST[0] = (weakref.ref(analysis.text, _forget), analysis.figures, analysis.pack, judged)
    return judged


def _forget(reference) -> None:
    if _LAST[0][0] is reference:
        _LAST[0] = _NONE


class ShareSumCheck(NumericCheck):
    """The shares of a known split of one whole must add up to 100%, within their rounding."""

    name = "share_sum"
    params = Params
    provides = frozenset({"parts", "sum"})

    def columns(self, rule) -> tuple[str, ...]:
        return ("shares_low", "shares_high", "shares_whole")

    def judged(self, analysis, rule) -> Mapping[int, ShareSplit]:
        return _judged_of(analysis)

    def row(self, analysis, rule, split: ShareSplit) -> dict[str, Any]:
        low, high = _sum_interval(split.shares)
        if split.partial:
            high = max(high, Fraction(100))  # some of the parts: less than 100% is no error
        return {"shares_low": Decimal(low.numerator) / Decimal(low.denominator),
                "shares_high": Decimal(high.numerator) / Decimal(high.denominator),
                "shares_whole": Decimal(100)}

    def holds(self, row, rule) -> bool:
        if row.get("shares_low") is None:
            return True
        return row["shares_low"] <= row["shares_whole"] <= row["shares_high"]

    def expectations(self, rule) -> list[Any]:
        return [pair_expectation(rule, "shares_whole", "shares_low", True, role="low"),
                pair_expectation(rule, "shares_high", "shares_whole", True, role="high")]

    def hit(self, analysis, rule, split: ShareSplit, row, failed_roles) -> Hit:
        total = sum((f.value for f in split.shares), Decimal(0))
        first, last = split.shares[0], split.shares[-1]
        # named kinds that overlap plus 其他 for the rest add up to more than 100%:
        # over 100 is then only likely wrong, under 100 is wrong either way
        severity = "warning" if (split.closed_by_other or split.partial) and total > 100 else ""
        return Hit(first.start, last.end,
                   {"parts": "+".join(as_written(analysis, f) for f in split.shares), "sum": format(total, "f") + "%"},
                   {"parts": [f.value for f in split.shares], "labels": list(split.labels), "sum": format(total, "f")},
                   related=tuple((f.start, f.end) for f in split.shares), severity=severity)


CHECKS = (ShareSumCheck(),)
