"""RB001/RB002: a rate that cannot exceed 100% does (住院分娩率103%)."""

from __future__ import annotations

import re
from decimal import Decimal

from auditor.checks.base import Params
from auditor.checks.bound import RATE_ENDINGS, BoundCheck, ends_with_any
from auditor.checks.common import as_written
from auditor.model import Hit
from auditor.relate import direction_of

# 全国就业人员中,第一产业就业人员占28.3%: a bare 占 (no plan, budget or year named as the whole)
# after a group head (…中,) shares out that group, and no part of it passes the whole
_BARE_SHARE_RE = re.compile(r"占\s*(?:比为|比达|为|达)?\s*$")
_GROUP_HEAD_RE = re.compile(r"[\u4e00-\u9fff]{2,16}中\s*[,,:]")
_HUNDRED = Decimal(100)


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

    def judged(self, analysis, rule):
        judged = super().judged(analysis, rule)
        if rule.options.metrics != ("*",):
            return judged
        extra = {f.index: f for f in analysis.figures
                 if f.kind == "percent" and not f.metric and f.value > _HUNDRED and _share_of_group(analysis.text, f)}
        return {**judged, **extra} if extra else judged

    def hit(self, analysis, rule, figure, row, failed_roles) -> Hit:
        if figure.metric:
            return super().hit(analysis, rule, figure, row, failed_roles)
        details = {"metric": "占比", "stated": figure.value, "bound": self.bound, "side": self.side}
        return Hit(figure.start, figure.end, {"metric": "占比", "stated": as_written(analysis, figure)}, details)


def _share_of_group(text, figure) -> bool:
    """Whether a percent with no name is a part's share of a group its sentence opens with."""
    norm = text.norm
    if _BARE_SHARE_RE.search(norm, max(0, figure.number_start - 6), figure.number_start) is None:
        return False
    # the group heads a statement whose parts may run on after ;: back to its 。 or line start
    low = max(0, figure.number_start - _STATEMENT_REACH)
    start = max(norm.rfind("。", low, figure.number_start), norm.rfind("\n", low, figure.number_start)) + 1
    return _GROUP_HEAD_RE.search(norm, max(start, low), figure.number_start) is not None


_STATEMENT_REACH = 160


CHECKS = (RateOver100(),)
