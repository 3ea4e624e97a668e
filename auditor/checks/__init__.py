"""The checks a rule can name in its `check:` field."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from auditor.checks import arithmetic, conflict, lists, placeholder, rates, reference, structure, tables, text
from auditor.model import Analysis, Hit
from auditor.rulepack import Rule

Check = Callable[[Analysis, Rule, "Context"], Iterator[Hit]]  # noqa: F821 - auditor.audit.Context


def _text_only(function) -> Check:
    def check(analysis: Analysis, rule: Rule, context) -> Iterator[Hit]:
        return function(analysis, rule)

    check.__doc__ = function.__doc__
    return check


CHECKS: dict[str, Check] = {
    "letter_slot": _text_only(placeholder.letter_slots),
    "underscore": _text_only(placeholder.underscores),
    "blank_number": _text_only(placeholder.blank_numbers),
    "blank_year": _text_only(placeholder.blank_years),
    "blank_range": _text_only(placeholder.blank_ranges),
    "rate_over_100": rates.rate_bound,
    "negative_rate": rates.rate_bound,
    "decrease_over_100": rates.rate_bound,
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
    "reference": reference.reference,
    # between documents: run by auditor.across with --across, nothing on one document
    "across_value": _text_only(lambda analysis, rule: iter(())),
    "across_change": _text_only(lambda analysis, rule: iter(())),
}

# checks judged on the check columns of the figures table: the great_expectations
# engine runs these as an ExpectationSuite instead
TABULAR = {"rate_over_100", "negative_rate", "decrease_over_100", "ratio", "sum_total", "parts_exceed", "change", "direction"}
