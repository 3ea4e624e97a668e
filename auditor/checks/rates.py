"""Rates: bounds (≤ 100% where the pack says so) and numerator / denominator.

The numbers are judged on the check columns (auditor.checkcolumns); the hit
builders here are shared with the great_expectations engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from auditor.arith import shown
from auditor.checkcolumns import bound_of, within
from auditor.checks.common import as_written, number_as_written
from auditor.model import Analysis, Hit
from auditor.relate import Ratio
from auditor.rulepack import Rule


def bound_hit(analysis: Analysis, rule: Rule, figure) -> Hit:
    side, bound = bound_of(rule)
    details = {"metric": figure.metric, "stated": figure.value, "bound": bound, "side": side}
    return Hit(figure.start, figure.end, {"metric": figure.metric, "stated": as_written(analysis, figure)}, details)


def rate_bound(analysis: Analysis, rule: Rule, context) -> Iterator[Hit]:
    """A rate outside the bound its rule holds it to (rate_over_100,
    negative_rate and decrease_over_100 differ only in which metrics they
    cover and which bound)."""
    side, bound = bound_of(rule)
    column = f"applies_{rule.id}"
    for figure, row in zip(analysis.figures, context.rows):
        if not row.get(column):
            continue
        ok = row["value_num"] <= bound if side == "max" else row["value_num"] >= bound
        if not ok:
            yield bound_hit(analysis, rule, figure)


def ratio_hit(analysis: Analysis, relation: Ratio) -> Hit:
    rate, numerator, denominator = relation.rate, relation.numerator, relation.denominator
    exact = Fraction(numerator.value) * 100 / Fraction(denominator.value)
    recomputed = shown(exact, rate.decimals)
    return Hit(
        rate.start,
        rate.end,
        {
            "metric": rate.metric,
            "stated": as_written(analysis, rate),
            "numerator": number_as_written(numerator),
            "denominator": number_as_written(denominator),
            "recomputed": recomputed + "%",
        },
        {
            "metric": rate.metric,
            "stated": rate.written,
            "qualifier": rate.qualifier,
            "recomputed": recomputed,
            "numerator": numerator.value,
            "denominator": denominator.value,
            "unit": numerator.base_unit,
            "tolerance": "half a unit of the last place (rounding) or one unit (truncation)",
        },
        related=((numerator.start, numerator.end), (denominator.start, denominator.end)),
    )


def ratio(analysis: Analysis, rule: Rule, context) -> Iterator[Hit]:
    """A stated rate against numerator / denominator, both rounding and truncation accepted."""
    for index, relation in context.hosted.ratios.items():
        row = context.rows[index]
        if not within(row["ratio_scaled"], row["ratio_low"], row["ratio_high"]):
            yield ratio_hit(analysis, relation)
