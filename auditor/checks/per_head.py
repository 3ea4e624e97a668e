"""PC001: a per-head figure (人均耕地1.2亩) against the total and the people stated."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from auditor.arith import APPROXIMATE_WORDS, shown
from auditor.checks.common import as_written
from auditor.checks.ratio import TOLERANCE, RatioCheck, times_scale
from auditor.model import Hit
from auditor.per_head import per_head_words
from auditor.per_unit import SLACK
from auditor.relate import Ratio


_MEASURES = frozenset({"area", "weight", "length", "volume"})


class PerHeadCheck(RatioCheck):
    """A stated per-head figure against total / people, both rounding and truncation accepted."""

    name = "per_head"
    kind = "per_head"
    prefix = "per_head"

    def row(self, analysis, rule, ratio: Ratio) -> dict:
        """人均0亩 beside a total that is not 0 is a blank of a template, never 0.15 rounded down."""
        if ratio.rate.value == 0 and ratio.numerator.value > 0:
            p = self.prefix
            return {f"{p}_scaled": times_scale(ratio.numerator.value, ratio.scale), f"{p}_low": Decimal(0), f"{p}_high": Decimal(0)}
        return super().row(analysis, rule, ratio)

    def numerator_interval(self, numerator) -> tuple:
        """耕地33亩 is a measured area, 33 to the nearest mu as easily as exactly 33: a whole
        number of a measure (area, weight, length, volume) carries half a unit either side."""
        if numerator.kind in _MEASURES and numerator.decimals == 0 and numerator.multiplier == 1:
            return Fraction(numerator.value) - Fraction(1, 2), Fraction(numerator.value) + Fraction(1, 2)
        return super().numerator_interval(numerator)

    def reads_approximate(self, ratio: Ratio) -> bool:
        return ratio.spread > 0  # 约3.6人: read with slack by per_unit (a tenth, or a twentieth for a named total)

    def hit(self, analysis, rule, ratio: Ratio, row, failed_roles) -> Hit:
        per_head, total, people = ratio.rate, ratio.numerator, ratio.denominator
        exact = Fraction(total.value) * ratio.scale / Fraction(people.value)
        recomputed = shown(exact, per_head.decimals) + analysis.text.original[per_head.number_end : per_head.end]
        return Hit(
            per_head.start,
            per_head.end,
            {
                "metric": per_head_words(analysis.text, per_head),
                "stated": _qualifier_as_written(analysis, per_head) + as_written(analysis, per_head),
                "numerator": as_written(analysis, total),
                "denominator": as_written(analysis, people),
                "recomputed": recomputed,
            },
            {
                "stated": per_head.written,
                "unit": per_head.base_unit,
                "recomputed": shown(exact, per_head.decimals),
                "numerator": total.value,
                "denominator": people.value,
                "tolerance": TOLERANCE,
            },
            related=((total.start, total.end), (people.start, people.end)),
            severity="warning",
        )


def _qualifier_as_written(analysis, figure) -> str:
    """约 (約) before a rounded per-head figure, as the writer wrote it; "" for any other figure."""
    if figure.qualifier not in APPROXIMATE_WORDS:
        return ""
    start = figure.number_start - len(figure.qualifier)
    return analysis.text.original[start : figure.number_start] if analysis.text.norm[start : figure.number_start] == figure.qualifier else ""


CHECKS = (PerHeadCheck(),)
