"""Relate figures to each other: rate and its numerator and denominator, parts
and their total, a value before and after with the stated change.

Each finder is cautious: it returns a relation only where the wording makes
the claim (应/计划/在册 for a denominator, 其中 + 其他 for a complete split,
由…到… for a change). A rule can only be as precise as the relations it
is given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from auditor.extract import Figure
from auditor.model import Analysis

QUANTITY_KINDS = ("count", "money", "area", "length", "weight", "number")
UP_WORDS = ("增加", "提高", "上升", "增长", "扩大", "提升", "上涨", "增", "升")
DOWN_WORDS = ("下降", "减少", "降低", "缩减", "缩小", "回落", "下跌", "降")


@dataclass(frozen=True)
class Ratio:
    rate: Figure
    numerator: Figure
    denominator: Figure


@dataclass(frozen=True)
class PartsTotal:
    total: Figure
    parts: tuple[Figure, ...]
    labels: tuple[str, ...]
    complete: bool
    reason: str  # complement word, partition, parenthesis, total word


@dataclass(frozen=True)
class Change:
    old: Figure
    new: Figure
    word: str  # the direction word as written (增加, 降至 …), "" if none
    stated: Figure | None  # the stated change: a percent or points
    stated_word: str
    start: int
    end: int


@dataclass(frozen=True)
class Relations:
    ratios: tuple[Ratio, ...]
    parts: tuple[PartsTotal, ...]
    changes: tuple[Change, ...]


def find_relations(analysis: Analysis) -> Relations:
    parts = tuple(find_parts(analysis))
    part_indexes = {p.index for rel in parts for p in rel.parts}
    return Relations(
        ratios=tuple(find_ratios(analysis)),
        parts=parts,
        changes=tuple(find_changes(analysis, part_indexes)),
    )


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(words) if words else "(?!)")


@lru_cache(maxsize=1024)
def direction_of(word: str) -> str:
    if any(word.startswith(w) for w in DOWN_WORDS):
        return "down"
    if any(word.startswith(w) for w in UP_WORDS):
        return "up"
    return ""


def values_go(old: Figure, new: Figure) -> str:
    """"up", "down" or "" for equal values: what the numbers say, whatever the words."""
    return "up" if new.value > old.value else "down" if new.value < old.value else ""


# --- rate = numerator / denominator -------------------------------------------------


def find_ratios(analysis: Analysis) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    denominator_cue = _alternation(analysis.pack.words("denominator_cues"))
    target_cue = _alternation(analysis.pack.words("target_cues"))
    numerator_cue = _alternation(analysis.pack.words("numerator_cues"))
    rate_suffix = ("率", "占比", "比例", "比重")
    found: list[Ratio] = []
    for rate in figures:
        if rate.kind != "percent" or rate.in_list or not rate.metric.endswith(rate_suffix):
            continue
        if direction_of(rate.metric):
            continue
        sentence_start, _ = text.sentence_span(rate.start)
        numerator = _numerator_before(figures, rate, sentence_start)
        if numerator is None:
            continue
        if _is_cued(text, numerator, denominator_cue) and not _is_cued(text, numerator, numerator_cue):
            continue
        # a denominator in the same sentence; a target (计划, 任务 …) may stand
        # earlier in the paragraph or section
        earliest = _section_start(text, rate.start)
        for index in range(numerator.index - 1, -1, -1):
            candidate = figures[index]
            if candidate.start < earliest:
                break
            if not _is_quantity(candidate) or candidate.base_unit != numerator.base_unit:
                continue
            if _is_cued(text, candidate, numerator_cue):
                continue
            same_sentence = candidate.start >= sentence_start
            if (same_sentence and _is_cued(text, candidate, denominator_cue)) or _is_cued(text, candidate, target_cue):
                found.append(Ratio(rate, numerator, candidate))
                break
    return found


def _is_quantity(figure: Figure) -> bool:
    return figure.kind in QUANTITY_KINDS and figure.exact and bool(figure.unit)


def _numerator_before(figures: tuple[Figure, ...], rate: Figure, sentence_start: int) -> Figure | None:
    """The nearest quantity before the rate in its sentence, with no other rate between."""
    for index in range(rate.index - 1, -1, -1):
        figure = figures[index]
        if figure.start < sentence_start or figure.kind == "percent":
            return None
        if _is_quantity(figure):
            return figure
    return None


def _is_cued(text, figure: Figure, cue: re.Pattern) -> bool:
    clause_start, _ = text.clause_span(figure.start)
    return bool(cue.search(text.norm[clause_start : figure.number_start]))


_HEADING_RE = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d))")


def _section_start(text, offset: int, max_lines: int = 6) -> int:
    """Where the search for a denominator stops: this paragraph and the ones
    before it in the same section, never past a heading."""
    line_start, _ = text.line_span(offset)
    start = line_start
    for _ in range(max_lines):
        if start == 0 or _HEADING_RE.match(text.norm, start):
            break
        previous_start, _ = text.line_span(start - 1)
        if _HEADING_RE.match(text.norm, previous_start):
            break
        start = previous_start
    return start


# --- parts and total ----------------------------------------------------------------

_AMONG_RE = re.compile(r"其中\s*[,:]?")
_TOTAL_WORD_RE = re.compile(r"(?:合计|总计|共计)(?:为|达|达到)?\s*$")


def find_parts(analysis: Analysis) -> list[PartsTotal]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    complement = analysis.pack.words("complement_words")
    groups = [tuple(g.split("|")) for g in analysis.pack.words("partition_groups")]
    found: list[PartsTotal] = []
    starts = [f.start for f in figures]
    ends = [f.end for f in figures]
    for match in _AMONG_RE.finditer(norm):
        total = _figure_ending_before(figures, ends, norm, match.start())
        if total is None or total.kind not in QUANTITY_KINDS or not total.exact:
            continue
        in_parenthesis = norm[total.end : match.start()].strip().startswith("(")
        _, sentence_end = text.sentence_span(match.start())
        stop = norm.find(")", match.end(), sentence_end) if in_parenthesis else sentence_end
        stop = sentence_end if stop < 0 else stop
        parts, labels = _parts_after(figures, starts, norm, match.end(), stop, total)
        if len(parts) < 2:
            continue
        reason = _completeness(labels, complement, groups, in_parenthesis)
        found.append(PartsTotal(total, tuple(parts), tuple(labels), bool(reason), reason))
    found.extend(_parts_before_total_word(analysis))
    return found


def _figure_ending_before(figures: tuple[Figure, ...], ends: list[int], norm: str, position: int) -> Figure | None:
    index = bisect_right(ends, position) - 1
    if index < 0:
        return None
    figure = figures[index]
    return figure if re.fullmatch(r"[\s,(:]*", norm[figure.end : position]) else None


def _parts_after(figures, starts: list[int], norm, start, stop, total) -> tuple[list[Figure], list[str]]:
    parts: list[Figure] = []
    labels: list[str] = []
    cursor = start
    for figure in figures[bisect_left(starts, start) :]:
        if figure.end > stop:
            break
        label = norm[cursor : figure.number_start].strip(" ,、:;()的为")
        cursor = figure.end
        if figure.base_unit != total.base_unit or figure.kind != total.kind:
            break
        if not figure.exact and figure.qualifier:
            return [], []
        parts.append(figure)
        labels.append(label)
    return parts, labels


def _completeness(labels: list[str], complement: tuple[str, ...], groups, in_parenthesis: bool) -> str:
    if any(label.startswith(complement) or any(w in label for w in complement) for label in labels):
        return "complement"
    for group in groups:
        if all(any(label.endswith(member) or label == member for member in group) for label in labels):
            return "partition"
    if in_parenthesis:
        return "parenthesis"
    return ""


def _parts_before_total_word(analysis: Analysis) -> list[PartsTotal]:
    """A、B、C 合计 X: the same-unit figures before the total word, in its sentence."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    found = []
    for total in figures:
        if total.kind not in QUANTITY_KINDS or not total.exact:
            continue
        sentence_start, _ = text.sentence_span(total.start)
        head = norm[sentence_start : total.number_start]
        word = _TOTAL_WORD_RE.search(head)
        if not word:
            continue
        parts = [
            f for f in figures[: total.index]
            if f.start >= sentence_start and f.base_unit == total.base_unit and f.kind == total.kind and f.exact
        ]
        if len(parts) < 2:
            continue
        labels = [f.subject for f in parts]
        found.append(PartsTotal(total, tuple(parts), tuple(labels), True, "total_word"))
    return found


# --- before, after and the change between --------------------------------------------

_FROM_RE = re.compile(r"(?:由|从)(?:\d{4}年(?:底|末|初)?)?的?\s*$")
_TO_RE = re.compile(
    r"^\s*(?:的)?(?P<word>增加|提高|上升|增长|扩大|提升|上涨|下降|减少|降低|缩减|缩小|回落|下跌|降|增|升)?"
    r"(?:到|至|为)\s*(?:\d{4}年(?:底|末)?的?)?$"
)
_STATED_RE = re.compile(
    r"^\s*[,,]?\s*(?:同比|比上年|较上年)?\s*"
    r"(?:(?P<word>增加|提高|上升|增长|扩大|提升|上涨|下降|减少|降低|缩减|缩小|回落|下跌)了?|(?P<rate>增幅|降幅|增长率|下降率|增速|降低率)(?:为|达|达到)?)\s*$"
)
_COMPARE_RE = re.compile(
    r"(?:与|比|较)(?:上年|去年|上一年|前一年|上年同期|去年同期|同期)(?:的)?\s*\(?\s*$"
)
_COMPARE_TAIL_RE = re.compile(
    r"^\s*\)?\s*(?:相比|相较)?\s*[,,]?\s*(?:同比)?(?P<word>增加|提高|上升|增长|扩大|提升|上涨|下降|减少|降低|缩减|回落|下跌)了?\s*$"
)


def find_changes(analysis: Analysis, part_indexes: set[int]) -> list[Change]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    found: list[Change] = []
    for old, new in zip(figures, figures[1:]):
        sentence_start, sentence_end = text.sentence_span(old.start)
        if new.start >= sentence_end or old.base_unit != new.base_unit or old.kind == "range":
            continue
        if not _FROM_RE.search(norm[sentence_start : old.number_start]):
            continue
        to = _TO_RE.match(norm[old.end : new.number_start])
        if not to:
            continue
        stated, stated_word = _stated_after(figures, norm, new, sentence_end)
        found.append(Change(old, new, to.group("word") or "", stated, stated_word, old.start, new.end))
    for stated in figures:
        if stated.kind not in ("percent", "points"):
            continue
        sentence_start, _ = text.sentence_span(stated.start)
        previous = figures[stated.index - 1] if stated.index else None
        if previous is None or previous.start < sentence_start:
            continue
        tail = _COMPARE_TAIL_RE.match(norm[previous.end : stated.number_start])
        head = _COMPARE_RE.search(norm[sentence_start : previous.number_start])
        if not tail or not head:
            continue
        old = previous
        candidates = [
            f for f in figures[: old.index]
            if f.start >= sentence_start and f.base_unit == old.base_unit and f.kind == old.kind
            and f.index not in part_indexes and f.exact
        ]
        if not candidates or not old.exact:
            continue
        new = candidates[-1]
        found.append(Change(old, new, "", stated, tail.group("word"), new.start, stated.end))
    return found


def _stated_after(figures, norm: str, new: Figure, sentence_end: int) -> tuple[Figure | None, str]:
    following = figures[new.index + 1] if new.index + 1 < len(figures) else None
    if following is None or following.start >= sentence_end or following.kind not in ("percent", "points"):
        return None, ""
    match = _STATED_RE.match(norm[new.end : following.number_start])
    if not match:
        return None, ""
    return following, match.group("word") or match.group("rate")
