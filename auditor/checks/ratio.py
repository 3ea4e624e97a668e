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


def times_scale(value: Decimal, scale: int | Fraction) -> Decimal:
    """value × a ratio's scale: 100 for a percent, 1/10000 for a per-head figure written in 万元 (exact: a power of ten)."""
    if isinstance(scale, int):
        return value * scale
    return value * scale.numerator / scale.denominator


class RatioCheck(NumericCheck):
    """A stated rate against numerator / denominator, both rounding and truncation accepted."""

    name = "ratio"
    kind = "ratio"  # which readings this check judges: "ratio", or "share" (SH001)
    prefix = "ratio"  # its own columns, so that gx judges each rule on its own rows
    params = Params
    provides = frozenset({"metric", "stated", "numerator", "denominator", "recomputed"})

    def columns(self, rule) -> tuple[str, ...]:
        return (f"{self.prefix}_scaled", f"{self.prefix}_low", f"{self.prefix}_high")

    def judged(self, analysis, rule) -> Mapping[int, Ratio]:
        hosted = first_by(analysis.relations.ratios, lambda r: r.rate.index)
        return {index: ratio for index, ratio in hosted.items() if ratio.kind == self.kind}

    def row(self, analysis, rule, ratio: Ratio) -> dict[str, Any]:
        """100 × numerator must fall in denominator × the stated rate's interval;
        with numerator and denominator anywhere in the intervals their rounding
        allows (31.1万 is 310500–311500): the value of 100·n/d closest to the
        stated interval, as p/q, compared as p within [low·q, high·q)."""
        rate, numerator, denominator = ratio.rate, ratio.numerator, ratio.denominator
        if denominator.value <= 0 or rate.qualifier in APPROXIMATE_WORDS and not self.reads_approximate(ratio):
            return {}
        n_interval = self.numerator_interval(numerator)
        d_interval = quantity_interval(denominator, ratio.target, ratio.spread)
        if n_interval[0] == n_interval[1] and d_interval[0] == d_interval[1]:  # exact counts
            low, high = scaled_interval(rate.written, rate.decimals, rate.qualifier, denominator.value)
            return {f"{self.prefix}_scaled": times_scale(numerator.value, ratio.scale), f"{self.prefix}_low": low, f"{self.prefix}_high": high}
        closest = ratio_representative(n_interval, d_interval, rate_interval(rate.written, rate.decimals, rate.qualifier), ratio.scale)
        if closest is None:
            return {}
        low, high = scaled_interval(rate.written, rate.decimals, rate.qualifier, Decimal(closest.denominator))
        return {f"{self.prefix}_scaled": Decimal(closest.numerator), f"{self.prefix}_low": low, f"{self.prefix}_high": high}

    def numerator_interval(self, numerator) -> tuple:
        """The values the numerator stands for (a whole count is exact)."""
        return quantity_interval(numerator)

    def reads_approximate(self, ratio: Ratio) -> bool:
        """Whether a rate written with 约 is judged (its reader gave it slack)."""
        return False

    def holds(self, row, rule) -> bool:
        p = self.prefix
        return within(row.get(f"{p}_scaled"), row.get(f"{p}_low"), row.get(f"{p}_high"))

    def expectations(self, rule) -> list[Any]:
        p = self.prefix
        return [pair_expectation(rule, f"{p}_scaled", f"{p}_low", True, role="low"),
                pair_expectation(rule, f"{p}_high", f"{p}_scaled", False, role="high")]

    def hit(self, analysis, rule, ratio: Ratio, row, failed_roles) -> Hit:
        rate, numerator, denominator = ratio.rate, ratio.numerator, ratio.denominator
        exact = Fraction(numerator.value) * ratio.scale / Fraction(denominator.value)
        recomputed = shown(exact, rate.decimals)
        sign = "‰" if ratio.scale == 1000 else "%"
        metric = rate.metric or (rate.subject if ratio.kind == "ratio" else "")
        if len(metric) < 2:
            metric = ""  # 完成任务6500人的107.1%: no name for the rate but 的
        return Hit(
            rate.start,
            rate.end,
            {
                "metric": metric,
                "stated": as_written(analysis, rate),
                "numerator": number_as_written(numerator),
                "denominator": number_as_written(denominator),
                "recomputed": recomputed + sign,
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
