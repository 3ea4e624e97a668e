"""SM001: parts said to make up the whole (其他…, a partition, a parenthesis, 合计) must add up."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import MAX_PREC, Decimal, localcontext
from fractions import Fraction
from typing import Any

from auditor.arith import INFINITY, half_unit, plain_fraction
from auditor.checks.base import NumericCheck, Params, first_by, gx_column, pair_expectation, within
from auditor.checks.common import as_written
from auditor.model import Hit
from auditor.relate import PartsTotal
from auditor.unit_slip import part_unit_slip

SUM_COLUMNS = ("sum_value", "sum_low", "sum_high", "sum_complete")
PROVIDES = frozenset({"total", "parts", "sum", "opening"})


def sum_tolerance(parts: PartsTotal) -> Fraction:
    """Half a unit of the last written place of every part and of the total, added up."""
    return sum((half_unit(f.decimals, f.multiplier) for f in (*parts.parts, parts.total)), Fraction(0))


def sum_row(parts: PartsTotal) -> dict[str, Any]:
    """The sum of the parts and the interval the total allows: closed below
    only when the parts are said to be the whole."""
    total = parts.total.value
    tolerance = sum_tolerance(parts)
    tolerance_decimal = Decimal(tolerance.numerator) / Decimal(tolerance.denominator)
    with localcontext(prec=MAX_PREC):  # sums and differences of written figures, exact at any length
        return {
            "sum_value": sum((p.value for p in parts.parts), Decimal(0)),
            "sum_low": total - tolerance_decimal if parts.complete else -INFINITY,
            "sum_high": total + tolerance_decimal,
            "sum_complete": parts.complete,
        }


def sum_holds(row: Mapping[str, Any]) -> bool:
    return within(row["sum_value"], row["sum_low"], row["sum_high"], high_inclusive=True)


def hosted_parts(analysis) -> dict[int, PartsTotal]:
    return first_by(analysis.relations.parts, lambda p: p.total.index)


def totals_of_slipped_parts(analysis) -> set[int]:
    """The totals whose one part in another unit adds up in the total's (SM003 names it, when it is
    enabled): no sum finding beside it."""
    if not any(rule.check == "part_unit_slip" for rule in analysis.pack.enabled()):
        return set()
    return {i for i, p in hosted_parts(analysis).items() if part_unit_slip(p) is not None}


def _as_written_unit(relation: PartsTotal, value: Fraction) -> str:
    """The sum in the unit the figures were written in (1250万元, not 12500000元) when they
    share one; else in the total's (千元 parts of a total in 亿元: 1.33716亿元)."""
    written = {(f.unit, f.multiplier) for f in (*relation.parts, relation.total)}
    if len(written) == 1:
        unit, multiplier = written.pop()
        return plain_fraction(value / multiplier) + unit
    total = relation.total
    if total.multiplier != 1 and total.unit.endswith(total.base_unit):
        return _exact_decimal(value / total.multiplier) + total.unit
    return plain_fraction(value) + total.base_unit


def _exact_decimal(value: Fraction) -> str:
    """1.33716, written out in full when it ends within six places (a sum of 千元 in 亿元)."""
    for places in range(7):
        scaled = value * 10**places
        if scaled.denominator == 1:
            digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
            whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :]
            return ("-" if value < 0 else "") + whole + ("." + fraction if fraction else "")
    return plain_fraction(value)


def sum_hit(analysis, relation: PartsTotal) -> Hit:
    parts = sum((Fraction(p.value) for p in relation.parts), Fraction(0))
    total = Fraction(relation.total.value)
    return Hit(
        relation.total.start,
        relation.total.end,
        {
            "total": as_written(analysis, relation.total),
            "parts": "+".join(as_written(analysis, p) for p in relation.parts),
            "sum": _as_written_unit(relation, parts),
            "opening": relation.opening,
        },
        {
            "total": relation.total.value,
            "parts": [p.value for p in relation.parts],
            "labels": list(relation.labels),
            "sum": plain_fraction(parts),
            "difference": plain_fraction(parts - total),
            "tolerance": plain_fraction(sum_tolerance(relation)),
            "unit": relation.total.base_unit,
            "complete_because": relation.reason,
        },
        related=tuple((p.start, p.end) for p in relation.parts),
        severity="warning" if relation.inferred else "",
    )


class SumTotalCheck(NumericCheck):
    """Parts said to be the whole (其他…, a partition, a parenthesis, 合计) must add up to the total."""

    name = "sum_total"
    params = Params
    provides = PROVIDES

    def columns(self, rule) -> tuple[str, ...]:
        return SUM_COLUMNS

    def judged(self, analysis, rule) -> Mapping[int, PartsTotal]:
        slipped = totals_of_slipped_parts(analysis)
        return {i: p for i, p in hosted_parts(analysis).items() if p.complete and i not in slipped}

    def row(self, analysis, rule, parts: PartsTotal) -> dict[str, Any]:
        return sum_row(parts)

    def holds(self, row, rule) -> bool:
        return sum_holds(row)

    def expectations(self, rule) -> list[Any]:
        complete = gx_column("sum_complete") == True  # noqa: E712 - a GX condition
        return [pair_expectation(rule, "sum_value", "sum_low", True, complete, "low"),
                pair_expectation(rule, "sum_high", "sum_value", True, complete, "high")]

    def hit(self, analysis, rule, parts: PartsTotal, row, failed_roles) -> Hit:
        return sum_hit(analysis, parts)


CHECKS = (SumTotalCheck(),)
