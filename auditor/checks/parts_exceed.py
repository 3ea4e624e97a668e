"""SM002: the parts listed after 其中 add up to more than the total."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditor.checks.base import NumericCheck, Params, gx_column, pair_expectation
from auditor.checks.sum_total import PROVIDES, SUM_COLUMNS, hosted_parts, sum_hit, sum_holds, sum_row, totals_of_slipped_parts
from auditor.model import Hit
from auditor.relate import PartsTotal


class PartsExceedCheck(NumericCheck):
    """Parts listed after 其中 (not said to be the whole) that add up to more than the total."""

    name = "parts_exceed"
    params = Params
    provides = PROVIDES

    def columns(self, rule) -> tuple[str, ...]:
        return SUM_COLUMNS

    def judged(self, analysis, rule) -> Mapping[int, PartsTotal]:
        slipped = totals_of_slipped_parts(analysis)
        return {i: p for i, p in hosted_parts(analysis).items() if not p.complete and i not in slipped}

    def row(self, analysis, rule, parts: PartsTotal) -> dict[str, Any]:
        return sum_row(parts)

    def holds(self, row, rule) -> bool:
        return sum_holds(row)

    def expectations(self, rule) -> list[Any]:
        return [pair_expectation(rule, "sum_high", "sum_value", True, gx_column("sum_complete") == False, "high")]  # noqa: E712

    def hit(self, analysis, rule, parts: PartsTotal, row, failed_roles) -> Hit:
        return sum_hit(analysis, parts)


CHECKS = (PartsExceedCheck(),)
