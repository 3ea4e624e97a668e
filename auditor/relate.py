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
from auditor.spans import ends_with

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
    cued = _CueIndex(text)
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
        if cued(numerator, denominator_cue) and not cued(numerator, numerator_cue):
            continue
        # a denominator in the same sentence; a target (计划, 任务 …) may stand
        # earlier in the paragraph or section
        earliest = _section_start(text, rate.start)
        lowest = max(-1, numerator.index - 1 - _MAX_LOOKBACK_FIGURES)
        for index in range(numerator.index - 1, lowest, -1):
            candidate = figures[index]
            if candidate.start < earliest:
                break
            if not _is_quantity(candidate) or candidate.base_unit != numerator.base_unit:
                continue
            if cued(candidate, numerator_cue):
                continue
            same_sentence = candidate.start >= sentence_start
            if (same_sentence and cued(candidate, denominator_cue)) or cued(candidate, target_cue):
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


# how far back a target may stand: six lines, and on a document of one long
# line (PDF or web extraction) no further than this many figures or characters
_MAX_LOOKBACK_FIGURES = 200
_MAX_LOOKBACK_CHARS = 3000


class _CueIndex:
    """Whether a cue word stands in a figure's clause before the figure.

    The first cue of each clause is found once, so many figures in one long
    clause cost one scan of it, not one scan each."""

    def __init__(self, text) -> None:
        self.text = text
        self.first: dict[tuple[re.Pattern, int], int] = {}

    def __call__(self, figure: Figure, cue: re.Pattern) -> bool:
        clause_start, clause_end = self.text.clause_span(figure.start)
        key = (cue, clause_start)
        first = self.first.get(key)
        if first is None:
            match = cue.search(self.text.norm, clause_start, clause_end)
            first = self.first[key] = match.start() if match else clause_end
        if first >= figure.number_start:
            return False
        return bool(cue.search(self.text.norm, first, figure.number_start))


_HEADING_RE = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d))")


def _section_start(text, offset: int, max_lines: int = 6) -> int:
    """Where the search for a denominator stops: this paragraph and the ones
    before it in the same section, never past a heading."""
    line_start, _ = text.line_span(offset)
    floor = max(0, offset - _MAX_LOOKBACK_CHARS)
    if line_start <= floor:
        return floor
    start = line_start
    for _ in range(max_lines):
        if start == 0 or _HEADING_RE.match(text.norm, start):
            break
        previous_start, _ = text.line_span(start - 1)
        if _HEADING_RE.match(text.norm, previous_start):
            break
        start = previous_start
    return max(start, floor)


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
    starts = [f.start for f in figures]
    found = []
    previous_total: Figure | None = None
    for total in figures:
        if total.kind not in QUANTITY_KINDS or not total.exact:
            continue
        sentence_start, _ = text.sentence_span(total.start)
        if not ends_with(_TOTAL_WORD_RE, norm, sentence_start, total.number_start):
            continue
        # the parts of this total follow the sentence's previous total, if any
        first = bisect_left(starts, sentence_start)
        if previous_total is not None and previous_total.start >= sentence_start:
            first = previous_total.index + 1
        previous_total = total
        parts = [
            f for f in figures[first : total.index]
            if f.base_unit == total.base_unit and f.kind == total.kind and f.exact
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
# each blank run follows a word that must be there: adjacent optional \s* would
# try a long run of blanks in polynomially many ways
_STATED_RE = re.compile(
    r"^\s*(?:[,,]\s*)?(?:(?:同比|比上年|较上年)\s*)?"
    r"(?:(?P<word>增加|提高|上升|增长|扩大|提升|上涨|下降|减少|降低|缩减|缩小|回落|下跌)了?|(?P<rate>增幅|降幅|增长率|下降率|增速|降低率)(?:为|达|达到)?)\s*$"
)
_COMPARE_RE = re.compile(
    r"(?:与|比|较)(?:上年|去年|上一年|前一年|上年同期|去年同期|同期)(?:的)?\s*(?:\(\s*)?$"
)
_COMPARE_TAIL_RE = re.compile(
    r"^\s*(?:\)\s*)?(?:(?:相比|相较)\s*)?(?:[,,]\s*)?(?:同比)?(?P<word>增加|提高|上升|增长|扩大|提升|上涨|下降|减少|降低|缩减|回落|下跌)了?\s*$"
)


def find_changes(analysis: Analysis, part_indexes: set[int]) -> list[Change]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    found: list[Change] = []
    for old, new in zip(figures, figures[1:]):
        sentence_start, sentence_end = text.sentence_span(old.start)
        if new.start >= sentence_end or old.base_unit != new.base_unit or old.kind == "range":
            continue
        if not ends_with(_FROM_RE, norm, sentence_start, old.number_start):
            continue
        to = _TO_RE.match(norm[old.end : new.number_start])
        if not to:
            continue
        stated, stated_word = _stated_after(figures, norm, new, sentence_end)
        found.append(Change(old, new, to.group("word") or "", stated, stated_word, old.start, new.end))
    earlier_like = _earlier_alike(figures, part_indexes)
    for stated in figures:
        if stated.kind not in ("percent", "points"):
            continue
        sentence_start, _ = text.sentence_span(stated.start)
        previous = figures[stated.index - 1] if stated.index else None
        if previous is None or previous.start < sentence_start:
            continue
        tail = _COMPARE_TAIL_RE.match(norm[previous.end : stated.number_start])
        if not tail or not ends_with(_COMPARE_RE, norm, sentence_start, previous.number_start):
            continue
        old = previous
        new = earlier_like[old.index]
        if new is None or new.start < sentence_start or not old.exact:
            continue
        found.append(Change(old, new, "", stated, tail.group("word"), new.start, stated.end))
    return found


def _earlier_alike(figures: tuple[Figure, ...], part_indexes: set[int]) -> list[Figure | None]:
    """For each figure, the nearest earlier exact figure of its kind and unit
    that is not a part of a total: one pass instead of a scan per figure."""
    last: dict[tuple[str, str], Figure] = {}
    earlier: list[Figure | None] = []
    for figure in figures:
        key = (figure.base_unit, figure.kind)
        earlier.append(last.get(key))
        if figure.exact and figure.index not in part_indexes:
            last[key] = figure
    return earlier


def _stated_after(figures, norm: str, new: Figure, sentence_end: int) -> tuple[Figure | None, str]:
    following = figures[new.index + 1] if new.index + 1 < len(figures) else None
    if following is None or following.start >= sentence_end or following.kind not in ("percent", "points"):
        return None, ""
    match = _STATED_RE.match(norm[new.end : following.number_start])
    if not match:
        return None, ""
    return following, match.group("word") or match.group("rate")
