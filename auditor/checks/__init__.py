"""The checks a rule can name in its `check:` field."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from auditor.checks import arithmetic, conflict, lists, placeholder, rates, structure, tables, text
from auditor.model import Analysis, Hit
from auditor.relate import Relations
from auditor.rulepack import Rule

Check = Callable[[Analysis, Rule, Relations], Iterator[Hit]]


def _text_only(function) -> Check:
    def check(analysis: Analysis, rule: Rule, relations: Relations) -> Iterator[Hit]:
        return function(analysis, rule)

    check.__doc__ = function.__doc__
    return check


CHECKS: dict[str, Check] = {
    "letter_slot": _text_only(placeholder.letter_slots),
    "underscore": _text_only(placeholder.underscores),
    "blank_number": _text_only(placeholder.blank_numbers),
    "blank_year": _text_only(placeholder.blank_years),
    "blank_range": _text_only(placeholder.blank_ranges),
    "rate_over_100": rates.over_hundred,
    "negative_rate": rates.negative_rate,
    "decrease_over_100": rates.decrease_over_hundred,
    "ratio": rates.ratio,
    "sum_total": arithmetic.sum_total,
    "parts_exceed": arithmetic.parts_exceed,
    "change": arithmetic.change_percent,
    "direction": arithmetic.direction,
    "respectively": lists.respectively,
    "count_list": lists.count_list,
    "numbering": structure.numbering,
    "impossible_date": structure.impossible_date,
    "reversed_range": structure.reversed_range,
    "phrase": text.phrase,
    "pattern": text.pattern,
    "stray_character": text.stray_characters,
    "conflict": conflict.conflict,
    "table_sum": tables.table_sum,
    "table_rate": tables.table_rate,
}

# checks that need the relations between figures; the rest skip that work
NEEDS_RELATIONS = {"ratio", "sum_total", "parts_exceed", "change", "direction", "conflict"}
