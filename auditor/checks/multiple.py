"""CH002: a change stated as a multiple (翻一番, 增长了2倍, 达到原来的3倍)
against the values before and after."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from auditor.arith import explains, ratio_representative, shown
from auditor.checks.base import NumericCheck, Params, pair_expectation, within
from auditor.checks.common import as_written
from auditor.model import Hit
from auditor.relate import Change, quantity_interval

COLUMNS = ("multiple_scaled", "multiple_low", "multiple_high")


class MultipleCheck(NumericCheck):
    """A change stated as a multiple against new/old, each value as the interval its rounding allows."""

    name = "multiple"
    params = Params
    provides = frozenset({"stated", "old", "new", "recomputed"})

    def columns(self, rule) -> tuple[str, ...]:
        return COLUMNS

    def judged(self, analysis, rule) -> Mapping[int, Change]:
        return {c.new.index: c for c in analysis.relations.changes if c.multiple is not None and c.old.value > 0}

    def row(self, analysis, rule, change: Change) -> dict[str, Any]:
        new, old = quantity_interval(change.new), quantity_interval(change.old)
        target, closest = None, None
        for reading in filter(None, ((change.multiple.low, change.multiple.high), change.multiple.also)):
            representative = ratio_representative(new, old, reading, scale=1)
            if representative is None:
                return {}
            if target is None or explains(representative, reading):
                target, closest = reading, representative  # the reading that explains it, if one does
        # p/q against [low, high) as whole numbers: p·a·b within [low·q·b, high·q·a)
        low, high = target
        a, b = low.denominator, high.denominator
        return {
            "multiple_scaled": Decimal(closest.numerator * a * b),
            "multiple_low": Decimal(low.numerator * closest.denominator * b),
            "multiple_high": Decimal(high.numerator * closest.denominator * a),
        }

    def holds(self, row, rule) -> bool:
        return within(row.get("multiple_scaled"), row.get("multiple_low"), row.get("multiple_high"))

    def expectations(self, rule) -> list[Any]:
        return [pair_expectation(rule, "multiple_scaled", "multiple_low", True, role="low"),
                pair_expectation(rule, "multiple_high", "multiple_scaled", False, role="high")]

    def hit(self, analysis, rule, change: Change, row, failed_roles) -> Hit:
        multiple, old, new = change.multiple, change.old, change.new
        times = shown(Fraction(new.value) / Fraction(old.value), 2)
        stated = analysis.text.original[multiple.start : multiple.end]
        return Hit(multiple.start, multiple.end,
                   {"stated": stated, "old": as_written(analysis, old), "new": as_written(analysis, new), "recomputed": times},
                   {"old": old.value, "new": new.value, "stated": stated, "times": times},
                   related=((old.start, old.end), (new.start, new.end)),
                   severity="warning" if change.inferred else "")


CHECKS = (MultipleCheck(),)
