"""Rates: bounds (≤ 100% where the pack says so) and numerator / denominator."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.arith import consistent, percent_of, shown
from auditor.checks.common import as_written
from auditor.model import Analysis, Hit, format_decimal
from auditor.relate import Relations, direction_of
from auditor.rulepack import Rule

RATE_ENDINGS = ("率", "占比", "比例", "比重", "报付比", "比")


def _matches_any(metric: str, words: list[str]) -> bool:
    return any(metric.endswith(w) or metric == w for w in words)


def over_hundred(analysis: Analysis, rule: Rule, relations: Relations) -> Iterator[Hit]:
    """A rate above 100% whose metric the pack does not allow there.

    params.metrics selects which metrics this rule covers ("*" for any rate not
    listed under may_exceed); the pack has one error rule and one warning
    rule for coverage of a population.
    """
    may_exceed = list(rule.params.get("may_exceed", [])) + list(rule.params.get("may_exceed_extra", []))
    covered = list(rule.params.get("metrics", ["*"]))
    excluded = list(rule.params.get("exclude", []))
    for figure in analysis.figures:
        if figure.kind != "percent" or not figure.metric or figure.value <= 100:
            continue
        metric = figure.metric
        if direction_of(metric) or not metric.endswith(RATE_ENDINGS):
            continue
        if _matches_any(metric, may_exceed) or _matches_any(metric, excluded):
            continue
        if covered != ["*"] and not _matches_any(metric, covered):
            continue
        yield Hit(
            figure.start,
            figure.end,
            {"metric": metric, "stated": as_written(analysis, figure)},
            {"metric": metric, "stated": figure.value, "bound": 100},
        )


def negative_rate(analysis: Analysis, rule: Rule, relations: Relations) -> Iterator[Hit]:
    for figure in analysis.figures:
        if figure.kind == "percent" and figure.value < 0 and figure.metric.endswith(RATE_ENDINGS):
            if any(w in figure.metric for w in rule.params.get("may_be_negative", [])):
                continue
            yield Hit(figure.start, figure.end, {"metric": figure.metric, "stated": as_written(analysis, figure)},
                      {"metric": figure.metric, "stated": figure.value})


def decrease_over_hundred(analysis: Analysis, rule: Rule, relations: Relations) -> Iterator[Hit]:
    words = list(rule.params.get("decrease_words", []))
    for figure in analysis.figures:
        if figure.kind != "percent" or figure.value <= 100:
            continue
        if figure.metric in words or direction_of(figure.metric) == "down":
            yield Hit(figure.start, figure.end, {"metric": figure.metric, "stated": as_written(analysis, figure)},
                      {"metric": figure.metric, "stated": figure.value, "bound": 100})


def ratio(analysis: Analysis, rule: Rule, relations: Relations) -> Iterator[Hit]:
    """A stated rate against numerator / denominator, both rounding and truncation accepted."""
    for relation in relations.ratios:
        rate, numerator, denominator = relation.rate, relation.numerator, relation.denominator
        exact = percent_of(numerator.value, denominator.value)
        if exact is None:
            continue
        verdict = consistent(exact, rate.written, rate.decimals, rate.qualifier)
        if verdict is None or verdict:
            continue
        recomputed = shown(exact, rate.decimals)
        yield Hit(
            rate.start,
            rate.end,
            {
                "metric": rate.metric,
                "stated": as_written(analysis, rate),
                "numerator": format_decimal(numerator.value),
                "denominator": format_decimal(denominator.value),
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
                "tolerance": "half a unit of the last place (rounding) or one unit (truncation)",
            },
            related=((numerator.start, numerator.end), (denominator.start, denominator.end)),
        )
