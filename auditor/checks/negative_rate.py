"""RB003: a negative rate."""

from __future__ import annotations

from decimal import Decimal

from auditor.checks.base import Params
from auditor.checks.bound import RATE_ENDINGS, BoundCheck


class NegativeRateParams(Params):
    may_be_negative: tuple[str, ...] = ()  # growth rates and the like


class NegativeRate(BoundCheck):
    """A rate below zero, other than a growth rate."""

    name = "negative_rate"
    params = NegativeRateParams
    side = "min"
    bound = Decimal(0)

    def applies(self, rule, figure) -> bool:
        return figure.metric.endswith(RATE_ENDINGS) and not any(w in figure.metric for w in rule.options.may_be_negative)


CHECKS = (NegativeRate(),)
