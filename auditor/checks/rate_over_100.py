"""RB001/RB002: a rate that cannot exceed 100% does (住院分娩率103%)."""

from __future__ import annotations

from auditor.checks.base import Params
from auditor.checks.bound import RATE_ENDINGS, BoundCheck, ends_with_any
from auditor.relate import direction_of


class RateOver100Params(Params):
    metrics: tuple[str, ...] = ("*",)  # the metrics covered; "*" for every rate
    may_exceed: tuple[str, ...] = ()  # growth, over-fulfilment …: may be above 100%
    may_exceed_extra: tuple[str, ...] = ()  # added by the config's may-exceed
    exclude: tuple[str, ...] = ()  # left to another rule


class RateOver100(BoundCheck):
    """A rate above 100% among the metrics the rule covers."""

    name = "rate_over_100"
    params = RateOver100Params

    def applies(self, rule, figure) -> bool:
        metric = figure.metric
        if not metric or direction_of(metric) or not metric.endswith(RATE_ENDINGS):
            return False
        options = rule.options
        named = figure.subject[-6:] + metric  # 拨备 + 覆盖率: the words before the metric may make another ratio
        if ends_with_any(named, options.may_exceed + options.may_exceed_extra) or ends_with_any(metric, options.exclude):
            return False
        return options.metrics == ("*",) or ends_with_any(metric, options.metrics)


CHECKS = (RateOver100(),)
