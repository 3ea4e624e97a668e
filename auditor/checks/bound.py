"""What the rate-bound checks share: a figure's value against a fixed bound,
on the figures the rule's params say it covers (rate_over_100,
negative_rate and decrease_over_100 differ only in those two things)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from auditor.checks.base import NumericCheck, gx_column
from auditor.checks.common import as_written
from auditor.extract import Figure
from auditor.lexicon import RATE_ENDINGS  # noqa: F401 - the rate-bound checks import it from here
from auditor.model import Hit


def ends_with_any(metric: str, words) -> bool:
    """metric ends with one of words (or is one: a word ends itself)."""
    return metric.endswith(words if type(words) is tuple else tuple(words))


class BoundCheck(NumericCheck):
    side: str = "max"  # "max": the value may not exceed `bound`; "min": may not fall below it
    bound: Decimal = Decimal(100)
    provides = frozenset({"metric", "stated"})

    def applies(self, rule, figure: Figure) -> bool:
        """Whether the rule speaks about this figure at all."""
        raise NotImplementedError

    def column(self, rule) -> str:
        return f"applies_{rule.id}"

    def columns(self, rule) -> tuple[str, ...]:
        return (self.column(rule),)

    def judged(self, analysis, rule) -> Mapping[int, Figure]:
        decided: dict[tuple[str, str, str], bool] = {}  # a handful of (kind, metric, name) per document
        judged = {}
        for figure in analysis.figures:
            if figure.kind != "percent":
                continue
            key = (figure.kind, figure.metric, figure.subject[-6:])
            if key not in decided:
                decided[key] = self.applies(rule, figure)
            if decided[key]:
                judged[figure.index] = figure
        return judged

    def row(self, analysis, rule, figure: Figure) -> dict[str, Any]:
        return {self.column(rule): True}

    def holds(self, row, rule) -> bool:
        if not row.get(self.column(rule)):
            return True
        value = row["value_num"]
        return value <= self.bound if self.side == "max" else value >= self.bound

    def expectations(self, rule) -> list[Any]:
        import great_expectations.expectations as gxe

        limit = {"max_value": float(self.bound)} if self.side == "max" else {"min_value": float(self.bound)}
        return [gxe.ExpectColumnValuesToBeBetween(
            column="value_num", row_condition=gx_column(self.column(rule)) == True,  # noqa: E712 - a GX condition
            meta={"rule": rule.id, "role": "bound"}, **limit)]

    def hit(self, analysis, rule, figure: Figure, row, failed_roles) -> Hit:
        details = {"metric": figure.metric, "stated": figure.value, "bound": self.bound, "side": self.side}
        return Hit(figure.start, figure.end, {"metric": figure.metric, "stated": as_written(analysis, figure)}, details)


CHECKS = ()
