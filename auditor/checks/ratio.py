"""RT001 and the like: a stated rate against its numerator and denominator."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from decimal import Decimal

from auditor.arith import APPROXIMATE_WORDS, rate_interval, ratio_representative, scaled_interval, shown
from auditor.checks.base import NumericCheck, Params, first_by, pair_expectation, within
from auditor.checks.common import as_written, number_as_written
from auditor.model import Hit
from auditor.relate import Ratio, quantity_interval

TOLERANCE = "half a unit of the last place (rounding) or one unit (truncation)"


class RatioCheck(NumericCheck):
    """A stated rate against numerator / denominator, both rounding and truncation accepted."""

    name = "ratio"
    params = Params
    provides = frozenset({"metric", "stated", "numerator", "denominator", "recomputed"})

    def columns(self, rule) -> tuple[str, ...]:
        return ("ratio_scaled", "ratio_low", "ratio_high")

    def judged(self, analysis, rule) -> Mapping[int, Ratio]:
        return first_by(analysis.relations.ratios, lambda r: r.rate.index)

    def row(self, analysis, rule, ratio: Ratio) -> dict[str, Any]:
        """100 × numerator must fall in denominator × the stated rate's interval;
        with numerator and denominator anywhere in the intervals their rounding
        allows (31.1万 is 310500–311500): the value of 100·n/d closest to the
        stated interval, as p/q, compared as p within [low·q, high·q)."""
        rate, numerator, denominator = ratio.rate, ratio.numerator, ratio.denominator
        if denominator.value <= 0 or rate.qualifier in APPROXIMATE_WORDS:
            return {}
        n_interval = quantity_interval(numerator)
        d_interval = quantity_interval(denominator, ratio.target)
        if n_interval[0] == n_interval[1] and d_interval[0] == d_interval[1]:  # exact counts
            low, high = scaled_interval(rate.written, rate.decimals, rate.qualifier, denominator.value)
            return {"ratio_scaled": numerator.value * 100, "ratio_low": low, "ratio_high": high}
        closest = ratio_representative(n_interval, d_interval, rate_interval(rate.written, rate.decimals, rate.qualifier))
        if closest is None:
            return {}
        low, high = scaled_interval(rate.written, rate.decimals, rate.qualifier, Decimal(closest.denominator))
        return {"ratio_scaled": Decimal(closest.numerator), "ratio_low": low, "ratio_high": high}

    def holds(self, row, rule) -> bool:
        return within(row["ratio_scaled"], row["ratio_low"], row["ratio_high"])

    def expectations(self, rule) -> list[Any]:
        return [pair_expectation(rule, "ratio_scaled", "ratio_low", True, role="low"),
                pair_expectation(rule, "ratio_high", "ratio_scaled", False, role="high")]

    def hit(self, analysis, rule, ratio: Ratio, row, failed_roles) -> Hit:
        rate, numerator, denominator = ratio.rate, ratio.numerator, ratio.denominator
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
                "tolerance": TOLERANCE,
            },
            related=((numerator.start, numerator.end), (denominator.start, denominator.end)),
            severity="warning" if ratio.inferred else "",
        )


CHECKS = (RatioCheck(),)
