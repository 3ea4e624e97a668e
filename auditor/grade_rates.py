"""A cumulative grade rate: 抽查240件,评为优秀58件、合格171件、不合格11件,合格以上率96.4%.

X以上率 (X及以上率) counts every grade from the top of the list down to X, over the
whole: (58+171)/240. Read only when the grades are listed best first (the first
names 优/好/满意/甲/一等/特等/A), each a count of the whole's unit right after its
name, nothing else between, and the grades add up exactly to a count of that unit
stated right before the list (the whole): then the list is every grade once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio

_CUMULATIVE_RE = re.compile(r"(?P<grade>[\u4e00-\u9fffA-Da-d]{1,4}?)(?:及|级及|等及|级|等)?以上(?:率|比例)(?:为|達|达|是)?\s*$")
_GRADE_GAP_RE = re.compile(r"\s*[、,;]\s*(?!评|評|其中|分为|分為)(?P<label>[\u4e00-\u9fffA-Da-d]{1,4}?)(?:的|等级|等級|级|級|等)?(?:为|為|有|共)?\s*")
_FIRST_LABEL_RE = re.compile(r"(?:评为|評為|评定为|評定為|其中|分为|分為|:|,)\s*(?P<label>[\u4e00-\u9fffA-Da-d]{1,4}?)(?:的|等级|等級|级|級|等)?(?:为|為|有|共)?\s*$")
_TOP_RE = re.compile(r"优|優|好|满意|滿意|甲|一等|特等|^A")
_WHOLE_GAP_RE = re.compile(r"\s*[,]?\s*(?:其中)?[^\d,。;]{0,8}?$")
_MAX_GRADES = 8
_MAX_BACK = 16


def find_grade_rates(analysis: Analysis, spoken: set[int]) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "以上率" not in norm and "以上比例" not in norm:
        return []
    found: list[Ratio] = []
    for rate in figures:
        if rate.kind != "percent" or rate.index in spoken or rate.value_high is not None or rate.qualifier:
            continue
        clause_start, _ = text.clause_span(rate.start)
        words = _CUMULATIVE_RE.search(norm, max(clause_start, rate.number_start - 12), rate.number_start)
        if words is None:
            continue
        reading = _grades(text, figures, rate, words.group("grade"))
        if reading is not None:
            found.append(reading)
    return found


def _grades(text, figures, rate: Figure, grade: str) -> Ratio | None:
    norm = text.norm
    sentence_start, _ = text.sentence_span(rate.start)
    start = text.previous_sentence_start(sentence_start) if sentence_start else sentence_start
    before = [f for f in figures[max(0, rate.index - _MAX_BACK) : rate.index] if f.start >= start]
    # the last listed grade whose name is the rate's grade
    for at in range(len(before) - 1, -1, -1):
        item = before[at]
        if item.kind != "count" or not item.exact:
            continue
        listed = _list_around(norm, before, at)
        if listed is None:
            continue
        grades, labels, whole = listed
        if grade not in labels:
            return None
        if not _TOP_RE.search(labels[0]) or labels.count(grade) != 1:
            return None
        if sum(g.value for g in grades) != whole.value:
            return None  # not every grade once: the sum must be the whole
        upto = grades[: labels.index(grade) + 1]
        total = sum((g.value for g in upto), Decimal(0))
        numerator = replace(upto[-1], value=total, written=total, derived=True)
        return Ratio(rate, numerator, whole, inferred=False, kind="ratio")
    return None


def _list_around(norm: str, before: list[Figure], last: int):
    """(grades, labels, whole) when before[last] ends a list of grades that a whole opens."""
    grades = [before[last]]
    labels: list[str] = []
    at = last
    while at > 0 and len(grades) <= _MAX_GRADES:
        previous = before[at - 1]
        if grades[0].number_start - previous.end > 24:
            break
        gap = _GRADE_GAP_RE.fullmatch(norm, previous.end, grades[0].number_start)
        if gap is None or previous.kind != "count" or previous.base_unit != grades[0].base_unit or not previous.exact:
            break
        labels.insert(0, gap.group("label"))
        grades.insert(0, previous)
        at -= 1
    if len(grades) < 2 or at == 0:
        return None
    whole = before[at - 1]
    if grades[0].number_start - whole.end > 40:
        return None  # the whole opens the list right before it
    first = _FIRST_LABEL_RE.search(norm, whole.end, grades[0].number_start)
    if first is None or whole.kind != "count" or whole.base_unit != grades[0].base_unit or not whole.exact:
        return None
    if not _WHOLE_GAP_RE.fullmatch(norm, whole.end, first.start("label")):
        return None
    labels.insert(0, first.group("label"))
    return grades, labels, whole
