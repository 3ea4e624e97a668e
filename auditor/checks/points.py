"""PP001: a change of a rate stated in percent that is the difference in
percentage points (控制率由41.2%上升到46.8%,增长5.6%: 5.6 points, a 13.59%
relative rise)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from auditor.arith import APPROXIMATE_WORDS, consistent, percent_change, round_half_up, shown
from auditor.checks.base import NumericCheck, Params
from auditor.checks.change import change_values, hosted_changes
from auditor.model import Hit
from auditor.relate import Change


def _rates(change: Change) -> bool:
    stated = change.stated
    return (stated is not None and stated.kind == "percent" and stated.qualifier not in APPROXIMATE_WORDS
            and change.old.kind == "percent" and change.new.kind == "percent" and not change.old.derived)


class PointsAsPercent(NumericCheck):
    """A change between two rates written as a percent when it is their difference in points."""

    name = "points_as_percent"
    params = Params
    provides = frozenset({"word", "stated", "old", "new", "points", "relative"})

    def columns(self, rule) -> tuple[str, ...]:
        return ("points_as_percent",)

    def judged(self, analysis, rule) -> Mapping[int, Change]:
        return {index: change for index, change in hosted_changes(analysis).items() if _rates(change)}

    def row(self, analysis, rule, change: Change) -> dict[str, Any]:
        stated, old, new = change.stated, change.old.value, change.new.value
        points = abs(Fraction(new) - Fraction(old))
        relative = percent_change(old, new)
        as_points = bool(points) and consistent(points, stated.written, stated.decimals, stated.qualifier)
        as_relative = relative is not None and consistent(abs(relative), stated.written, stated.decimals, stated.qualifier)
        return {"points_as_percent": bool(as_points and not as_relative)}

    def holds(self, row, rule) -> bool:
        return not row.get("points_as_percent")

    def expectations(self, rule) -> list[Any]:
        import great_expectations.expectations as gxe

        return [gxe.ExpectColumnValuesToBeInSet(column="points_as_percent", value_set=[False],
                                                 meta={"rule": rule.id, "role": "points"})]

    def hit(self, analysis, rule, change: Change, row, failed_roles) -> Hit:
        stated, old, new = change.stated, change.old, change.new
        points = abs(Fraction(new.value) - Fraction(old.value))
        relative = abs(percent_change(old.value, new.value))
        return Hit(
            stated.start,
            stated.end,
            {
                **change_values(analysis, change),
                "points": format(round_half_up(points, stated.decimals), "f"),
                "relative": shown(relative, stated.decimals) + "%",
            },
            {"old": old.value, "new": new.value, "stated": stated.written,
             "points": shown(points, stated.decimals), "relative": shown(relative, stated.decimals)},
            related=((old.start, old.end), (new.start, new.end)),
        )


CHECKS = (PointsAsPercent(),)
