"""Lists against numbers: 分别 (subjects vs values) and N种(a、b、c)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Analysis, Hit
from auditor.rulepack import Rule
from auditor.spans import ends_with

_RESPECTIVELY_RE = re.compile(
    r"分别(?:为|是|达到|达|占|提高到|提高至|提高了|提高|增长|下降|降低|降至|上升到|上升|完成|减少|增加|有|在)*\s*$"
)
_JOIN_RE = re.compile(r"、")
_LAST_JOIN_RE = re.compile(r"以及|和|及|与|或")


def item_counts(listing: str) -> set[int]:
    """The plausible numbers of items in a list joined by 、 / 和 / 及 / 与.

    "A、B、C和D" is four items; "A与B的衔接" inside an item is one. Every
    reading that could be meant is returned, so a check can stay silent
    when any of them fits.
    """
    listing = listing.strip(" ,:“”\"")
    pieces = [p for p in _JOIN_RE.split(listing) if p.strip()]
    counts = {len(pieces)}
    last_split = [p for p in _LAST_JOIN_RE.split(pieces[-1]) if p.strip()] if pieces else []
    if len(last_split) > 1:
        counts.add(len(pieces) - 1 + len(last_split))
    if len(pieces) == 1:
        whole = [p for p in _LAST_JOIN_RE.split(listing) if p.strip()]
        counts.add(len(whole))
    return counts


def respectively(analysis: Analysis, rule: Rule, context) -> Iterator[Hit]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    for figure in figures:
        if figure.in_list:
            continue
        sentence_start, _ = text.sentence_span(figure.start)
        clause_start, _ = text.clause_span(figure.start)
        word = ends_with(_RESPECTIVELY_RE, norm, clause_start, figure.number_start)
        if not word:
            continue
        values = 1
        while figure.index + values < len(figures) and figures[figure.index + values].in_list:
            values += 1
        subjects = _subjects(norm, text, word.start(), sentence_start)
        if not subjects or values in subjects:
            continue
        if values == 1 and max(subjects) < 2:
            continue
        count = min(subjects, key=lambda n: abs(n - values))
        start = word.start()
        last = figures[figure.index + values - 1]
        yield Hit(start, last.end, {"subjects": count, "values": values}, {"subjects": count, "values": values})


def _subjects(norm: str, text, position: int, sentence_start: int) -> set[int]:
    """Counts of the nearest list before 分别 in its sentence (up to 3 clauses back)."""
    end = position
    for _ in range(3):
        clause_start, _ = text.clause_span(max(end - 1, sentence_start))
        clause_start = max(clause_start, sentence_start)
        clause = norm[clause_start:end]
        clause = clause[clause.rfind(")") + 1 :] if ")" in clause else clause
        if "、" in clause or _LAST_JOIN_RE.search(clause):
            counts = item_counts(clause)
            if max(counts) >= 2:
                return counts
        if clause_start <= sentence_start:
            return set()
        end = clause_start - 1
    return set()


def count_list(analysis: Analysis, rule: Rule, context) -> Iterator[Hit]:
    """5种疾病(a、b、c、d): the stated number against the list's length."""
    text, norm = analysis.text, analysis.text.norm
    units = tuple(rule.params.get("units", ["种", "类", "项", "个", "大", "家", "所", "条"]))
    open_words = tuple(rule.params.get("open_list_words", ["等"]))
    type_units = tuple(rule.params.get("type_units", ["大", "种", "类", "项", "级", "方面"]))
    after_re = re.compile(r"(?P<noun>[\u4e00-\u9fff“”\"]{0,12}?)[(]即?(?P<list>[^()。;]+?)[)]")
    for figure in analysis.figures:
        if figure.kind != "count" or figure.base_unit not in units or not figure.exact or figure.value < 2:
            continue
        stated = int(figure.value)
        listing, where = _list_after(after_re, norm, figure), "after"
        if listing is None and stated <= 20 and (figure.chinese or figure.base_unit in type_units):
            # a list before the number: 胸痛中心、卒中中心、创伤急救中心“三大中心”
            listing, where = _list_before(norm, text, figure), "before"
        if listing is None:
            continue
        if listing.rstrip(" )").endswith(open_words) or re.search(r"\d", listing):
            continue
        counts = item_counts(listing)
        if max(counts) < 2 or stated in counts:
            continue
        found = min(counts, key=lambda n: abs(n - stated))
        yield Hit(figure.start, figure.end, {"stated": analysis.text.original[figure.number_start:figure.end], "found": found},
                  {"stated": stated, "found": found, "items": listing, "list_position": where})


def _list_after(pattern: re.Pattern, norm: str, figure) -> str | None:
    match = pattern.match(norm, figure.end)
    if not match or "、" not in match.group("list"):
        return None
    return match.group("list")


def _list_before(norm: str, text, figure) -> str | None:
    clause_start, _ = text.clause_span(figure.start)
    head = norm[clause_start : figure.number_start].rstrip("“\"")
    if not head or "等" in head or "、" not in head:
        return None
    if len(head.rsplit("、", 1)[1]) > 6:  # the list must end right before the number
        return None
    return head
