"""PM001: a birth, death or natural growth rate written in percent at a size
only per mille can have (出生率10.8%: by convention 10.8‰)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import msgspec

from auditor.checks.base import NumericCheck, Params, pair_expectation
from auditor.checks.common import as_written
from auditor.extract import Figure
from auditor.model import Hit


class PerMilleParams(Params):
    # metric → the smallest value in % no population reaches (4% = 40‰ births a year)
    thresholds: dict[str, float] = msgspec.field(default_factory=lambda: {"出生率": 4.0, "死亡率": 3.0, "自然增长率": 3.0})
    # words before the metric that make it another rate (病死率 of patients, 孕产妇死亡率 per 100 000)
    exclude_subjects: tuple[str, ...] = ()


def _threshold(rule, figure: Figure) -> Decimal | None:
    if figure.kind != "percent" or figure.in_list and not figure.metric:
        return None
    options = rule.options
    for metric, limit in options.thresholds.items():
        if figure.metric == metric or figure.metric == "人口" + metric:
            subject = figure.subject[-6:]
            if any(word in subject or figure.metric.startswith(word) for word in options.exclude_subjects):
                return None
            return Decimal(str(limit))
    return None


class PerMilleAsPercent(NumericCheck):
    """A per-mille rate (出生率, 死亡率, 自然增长率) written as a percent."""

    name = "permille_as_percent"
    params = PerMilleParams
    provides = frozenset({"metric", "stated", "permille"})

    def columns(self, rule) -> tuple[str, ...]:
        return (f"permille_limit_{rule.id}",)

    def judged(self, analysis, rule) -> Mapping[int, Figure]:
        return {f.index: f for f in analysis.figures if _threshold(rule, f) is not None}

    def row(self, analysis, rule, figure: Figure) -> dict[str, Any]:
        return {f"permille_limit_{rule.id}": _threshold(rule, figure)}

    def holds(self, row, rule) -> bool:
        limit = row.get(f"permille_limit_{rule.id}")
        return limit is None or row["value_num"] < limit

    def expectations(self, rule) -> list[Any]:
        return [pair_expectation(rule, f"permille_limit_{rule.id}", "value_num", False, role="limit")]

    def hit(self, analysis, rule, figure: Figure, row, failed_roles) -> Hit:
        stated = as_written(analysis, figure)
        number = analysis.text.original[figure.number_start : figure.number_end]
        return Hit(figure.start, figure.end,
                   {"metric": figure.metric, "stated": stated, "permille": number + "‰"},
                   {"metric": figure.metric, "stated": figure.value, "limit": row[f"permille_limit_{rule.id}"]})


CHECKS = (PerMilleAsPercent(),)
