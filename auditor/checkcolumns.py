"""The checks over figures and relations, as columns of the figures table.

Every rule that compares numbers (rate bounds, ratio, sum, change, direction)
is reduced here to exact columns on the row of one figure: a value and the
interval it must fall in. The default engine compares them in Python; the
great_expectations engine runs the same comparisons as an ExpectationSuite on
the same table. Both then build the same findings from the same relation
objects, so the two engines cannot drift apart in anything but the judging.

Each relation lives on one figure's row ("hosted"): a ratio on its rate, a
split on its total, a change on its stated change (or on the new value when no
change is stated). The first relation to claim a figure keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from auditor.arith import APPROXIMATE_WORDS, LOWER_BOUND_WORDS, UPPER_BOUND_WORDS, consistent, half_unit, percent_change
from auditor.model import Analysis
from auditor.relate import Change, PartsTotal, Ratio, Relations, direction_of, values_go

INFINITY = Decimal("Infinity")
RATE_ENDINGS = ("率", "占比", "比例", "比重", "报付比", "比")
BOUND_CHECKS = ("rate_over_100", "negative_rate", "decrease_over_100")
INTERVAL_COLUMNS = [
    "value_num",
    "ratio_scaled", "ratio_low", "ratio_high",
    "sum_value", "sum_low", "sum_high", "sum_complete",
    "change_scaled", "change_low", "change_high", "change_reading",
    "direction_old", "direction_new", "direction_says_1", "direction_says_2",
]


@dataclass
class Hosted:
    ratios: dict[int, Ratio] = field(default_factory=dict)
    parts: dict[int, PartsTotal] = field(default_factory=dict)
    changes: dict[int, Change] = field(default_factory=dict)


def host(relations: Relations) -> Hosted:
    hosted = Hosted()
    for ratio in relations.ratios:
        hosted.ratios.setdefault(ratio.rate.index, ratio)
    for parts in relations.parts:
        hosted.parts.setdefault(parts.total.index, parts)
    for change in relations.changes:
        hosted.changes.setdefault((change.stated or change.new).index, change)
    return hosted


def bound_rule_ids(analysis: Analysis) -> list[str]:
    return [r.id for r in analysis.pack.enabled() if r.check in BOUND_CHECKS]


def _ends(metric: str, words) -> bool:
    return any(metric.endswith(w) or metric == w for w in words)


def bound_applies(rule, figure) -> bool:
    """Whether a rate-bound rule speaks about this figure at all (its params
    decide which metrics it covers); the bound itself is judged elsewhere."""
    metric = figure.metric
    if figure.kind != "percent":
        return False
    params = rule.params
    if rule.check == "rate_over_100":
        if not metric or direction_of(metric) or not metric.endswith(RATE_ENDINGS):
            return False
        may_exceed = list(params.get("may_exceed", [])) + list(params.get("may_exceed_extra", []))
        if _ends(metric, may_exceed) or _ends(metric, params.get("exclude", [])):
            return False
        covered = list(params.get("metrics", ["*"]))
        return covered == ["*"] or _ends(metric, covered)
    if rule.check == "negative_rate":
        return metric.endswith(RATE_ENDINGS) and not any(w in metric for w in params.get("may_be_negative", []))
    if rule.check == "decrease_over_100":
        return metric in params.get("decrease_words", []) or direction_of(metric) == "down"
    return False


def bound_of(rule) -> tuple[str, Decimal]:
    """("max", 100) or ("min", 0): the bound a rate-bound rule holds figures to."""
    return ("min", Decimal(0)) if rule.check == "negative_rate" else ("max", Decimal(100))


def _interval(stated: Decimal, decimals: int, qualifier: str, scale: Decimal) -> tuple[Decimal, Decimal]:
    """[low, high) for numerator × 100 (or the like) against a stated value with
    `decimals` places, both sides multiplied by the positive `scale` so that no
    division is needed: rounding [s-h, s+h] and truncation [s, s+u) together
    are [s-h, s+u)."""
    unit = Decimal(1).scaleb(-decimals)
    low = (stated - unit / 2) * scale
    high = (stated + unit) * scale
    if qualifier in LOWER_BOUND_WORDS:
        high = INFINITY
    elif qualifier in UPPER_BOUND_WORDS:
        low = -INFINITY
    return low, high


def _ratio_columns(ratio: Ratio) -> dict[str, Any]:
    rate, numerator, denominator = ratio.rate, ratio.numerator, ratio.denominator
    if denominator.value <= 0 or rate.qualifier in APPROXIMATE_WORDS:
        return {}
    low, high = _interval(rate.written, rate.decimals, rate.qualifier, denominator.value)
    return {"ratio_scaled": numerator.value * 100, "ratio_low": low, "ratio_high": high}


def sum_tolerance(parts: PartsTotal) -> Fraction:
    """Half a unit of the last written place of every part and of the total, added up."""
    return sum((half_unit(f.decimals, f.multiplier) for f in (*parts.parts, parts.total)), Fraction(0))


def _sum_columns(parts: PartsTotal) -> dict[str, Any]:
    total = parts.total.value
    tolerance = sum_tolerance(parts)
    tolerance_decimal = Decimal(tolerance.numerator) / Decimal(tolerance.denominator)
    return {
        "sum_value": sum((p.value for p in parts.parts), Decimal(0)),
        "sum_low": total - tolerance_decimal if parts.complete else -INFINITY,
        "sum_high": total + tolerance_decimal,
        "sum_complete": parts.complete,
    }


def change_reading(change: Change) -> str:
    """Which reading of the stated change the check holds it to: "relative"
    (percent of the old value) or "points" (difference of two rates); "" when
    it cannot be checked (approximate wording, old value 0, or the direction
    word contradicts the values, which DR001 reports)."""
    stated, old, new = change.stated, change.old, change.new
    if stated is None or stated.qualifier in APPROXIMATE_WORDS:
        return ""
    going = direction_of(change.stated_word) or direction_of(change.word)
    actual = values_go(old, new)
    if going and actual and going != actual:
        return ""
    difference = abs(Fraction(new.value) - Fraction(old.value))
    relative = percent_change(old.value, new.value)
    if stated.kind == "points" or (stated.kind == "percent" and old.kind == "percent"):
        if consistent(difference, stated.written, stated.decimals, stated.qualifier):
            return "points"
        if stated.kind == "percent" and relative is not None and consistent(abs(relative), stated.written, stated.decimals, stated.qualifier):
            return "relative"
        return "points"
    return "relative" if relative is not None else ""


def _change_columns(change: Change) -> dict[str, Any]:
    columns: dict[str, Any] = {}
    reading = change_reading(change)
    if reading:
        stated, old, new = change.stated, change.old.value, change.new.value
        if reading == "points":
            scaled, scale = abs(new - old), Decimal(1)
        else:
            scaled, scale = abs(new - old) * 100, abs(old)
        low, high = _interval(stated.written, stated.decimals, stated.qualifier, scale)
        columns.update(change_scaled=scaled, change_low=low, change_high=high, change_reading=reading)
    says = [direction_of(w) for w in (change.word, change.stated_word)]
    if any(says):
        columns.update(direction_old=change.old.value, direction_new=change.new.value,
                       direction_says_1=says[0], direction_says_2=says[1])
    return columns


def check_columns(analysis: Analysis, relations: Relations, hosted: Hosted) -> list[dict[str, Any]]:
    """One dict a figure: the interval columns and one applies_<RULE> column
    for every rate-bound rule in force."""
    bound_rules = [(r, f"applies_{r.id}") for r in analysis.pack.enabled() if r.check in BOUND_CHECKS]
    applies: dict[tuple[str, str], dict[str, bool]] = {}  # a handful of (kind, metric) pairs per document
    rows = []
    for figure in analysis.figures:
        row: dict[str, Any] = dict.fromkeys(INTERVAL_COLUMNS)
        row["value_num"] = figure.value
        key = (figure.kind, figure.metric)
        if key not in applies:
            applies[key] = {column: bound_applies(rule, figure) for rule, column in bound_rules}
        row.update(applies[key])
        if figure.index in hosted.ratios:
            row.update(_ratio_columns(hosted.ratios[figure.index]))
        if figure.index in hosted.parts:
            row.update(_sum_columns(hosted.parts[figure.index]))
        if figure.index in hosted.changes:
            row.update(_change_columns(hosted.changes[figure.index]))
        rows.append(row)
    return rows


# --- the comparisons, as the default engine makes them -----------------------------------------

def within(value: Decimal | None, low: Decimal | None, high: Decimal | None, high_inclusive: bool = False) -> bool:
    """low <= value < high (or <= high): the same test the suite's pair expectations make."""
    if value is None:
        return True
    return value >= low and (value <= high if high_inclusive else value < high)


def says_holds(says: str | None, old: Decimal | None, new: Decimal | None) -> bool:
    if says == "up":
        return new >= old
    if says == "down":
        return old >= new
    return True
