"""CH001: a stated change (增长p%, 下降p%, 提高N个百分点) against the values it is computed from."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from auditor.arith import APPROXIMATE_WORDS, consistent, percent_change, rate_interval, scaled_interval, shown, written_interval
from auditor.checks.base import NumericCheck, Params, first_by, pair_expectation, within
from auditor.checks.common import as_written
from auditor.model import Hit, format_decimal
from auditor.relate import Change, direction_of, values_go

TOLERANCE = "half a unit of the last place (rounding) or one unit (truncation)"


def hosted_changes(analysis) -> dict[int, Change]:
    """A change lives on the row of its stated change, or of its new value when none is stated."""
    return first_by(analysis.relations.changes, lambda c: (c.stated or c.new).index)


def change_reading(change: Change) -> str:
    """Which reading of the stated change the check holds it to: "relative"
    (percent of the old value) or "points" (difference of two rates); "" when
    it cannot be checked (approximate wording, old value 0, or the direction
    word contradicts the values, which DR001 reports)."""
    stated, old, new = change.stated, change.old, change.new
    if stated is None or stated.qualifier in APPROXIMATE_WORDS:
        return ""
    going = stated_direction(change) or direction_of(change.word)
    actual = values_go(old, new)
    if going and actual and going != actual:
        return ""
    if stated.kind not in ("percent", "points", "permille"):
        # 由42起减少到37起,减少3起: a difference in the values' own unit
        return "difference" if stated.kind == new.kind and stated.base_unit == new.base_unit else ""
    difference = abs(Fraction(new.value) - Fraction(old.value))
    relative = percent_change(old.value, new.value)
    if stated.kind == "points" or (stated.kind == "percent" and old.kind == "percent"):
        if consistent(difference, magnitude(stated.written), stated.decimals, stated.qualifier):
            return "points"
        if stated.kind == "percent" and relative is not None and consistent(abs(relative), magnitude(stated.written), stated.decimals, stated.qualifier):
            return "relative"
        return "points"
    return "relative" if relative is not None else ""


def stated_direction(change: Change) -> str | None:
    """The direction the stated change's word gives, in the sign it was written with:
    增长-9.2% is a fall."""
    going = direction_of(change.stated_word)
    if going and change.stated is not None and change.stated.value < 0:
        return {"up": "down", "down": "up"}[going]
    return going


def magnitude(written: Decimal) -> Decimal:
    """-9.2 → 9.2: the size of a stated change; its sign is read with its word."""
    return abs(written)


def change_values(analysis, change: Change) -> dict[str, str]:
    """The words and figures of a stated change as written, for its message."""
    return {
        "word": change.stated_word,
        "stated": value_as_written(analysis, change, change.stated)
        if change.stated is not None and change.stated.kind not in ("percent", "points") else as_written(analysis, change.stated),
        "old": value_as_written(analysis, change, change.old),
        "new": value_as_written(analysis, change, change.new),
    }


def value_as_written(analysis, change: Change, figure) -> str:
    """A before or after value with the whole of its unit: 2.5个工作日, 0.52吨标准煤/万元."""
    written = as_written(analysis, figure)
    if not change.unit_tail or figure.derived:
        return written
    return written + analysis.text.original[figure.end : figure.end + len(change.unit_tail)]


def _closest_change(change: Change, reading: str, difference=None) -> Fraction | None:
    """The size of the change, with the old and new values anywhere in the
    intervals their rounding allows (31.1万 is 310500–311500), that comes
    closest to the stated change's interval; None when both are exact."""
    from auditor.relate import quantity_interval

    old_low, old_high = quantity_interval(change.old)
    new_low, new_high = quantity_interval(change.new)
    if old_low == old_high and new_low == new_high:
        return None
    if difference is not None and reading == "relative":
        # 12.7万吨,比去年增加2022吨: the old value is the new one less the difference, both moving together
        d_low, d_high = quantity_interval(difference)
        up = change.new.value > change.old.value
        if d_low <= 0 or (up and new_low - d_high <= 0):
            return None
        low = 100 * d_low / (new_high - d_low) if up else 100 * d_low / (new_high + d_low)
        high = 100 * d_high / (new_low - d_high) if up else 100 * d_high / (new_low + d_high)
        low, high = (low, high) if up else (-high, -low)
    elif reading == "points":
        low, high = new_low - old_high, new_high - old_low
    else:
        if old_low <= 0:
            return None
        low, high = 100 * new_low / old_high - 100, 100 * new_high / old_low - 100
    sizes = sorted((abs(low), abs(high))) if low * high > 0 else [Fraction(0), max(abs(low), abs(high))]
    stated = change.stated
    target_low, target_high = rate_interval(magnitude(stated.written), stated.decimals, stated.qualifier)
    if sizes[1] < target_low:
        return sizes[1]
    if sizes[0] >= target_high:
        return sizes[0]
    return max(sizes[0], target_low)


def _difference_row(change: Change) -> dict[str, Any]:
    """A stated difference against new − old, every value an interval: the size nearest the stated one
    as change_scaled, within [change_low, change_high) when one reading of the values gives it."""
    from auditor.relate import quantity_interval

    old_low, old_high = quantity_interval(change.old)
    new_low, new_high = quantity_interval(change.new)
    low, high = new_low - old_high, new_high - old_low
    sizes = sorted((abs(low), abs(high))) if low * high > 0 else [Fraction(0), max(abs(low), abs(high))]
    s_low, s_high = written_interval(change.stated.value, change.stated.decimals, change.stated.multiplier)
    if sizes[1] < s_low:
        nearest = sizes[1]
    elif sizes[0] > s_high:
        nearest = sizes[0]
    else:
        nearest = max(sizes[0], s_low)
    top = s_high + (nearest - s_high) / 2 if nearest > s_high else s_high + 1
    return {"change_scaled": _decimal(nearest), "change_low": _decimal(s_low), "change_high": _decimal(top), "change_reading": "difference"}


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


class ChangeCheck(NumericCheck):
    """A stated % change or points difference against the values it is computed from."""

    name = "change"
    params = Params
    provides = frozenset({"word", "stated", "old", "new", "recomputed"})

    def columns(self, rule) -> tuple[str, ...]:
        return ("change_scaled", "change_low", "change_high", "change_reading")

    def judged(self, analysis, rule) -> Mapping[int, Change]:
        return hosted_changes(analysis)

    def row(self, analysis, rule, change: Change) -> dict[str, Any]:
        reading = change_reading(change)
        if not reading:
            return {}
        if reading == "difference":
            return _difference_row(change)
        stated, old, new = change.stated, change.old.value, change.new.value
        if reading == "points":
            scaled, scale = abs(new - old), Decimal(1)
        else:
            scaled, scale = abs(new - old) * 100, abs(old)
        low, high = scaled_interval(magnitude(stated.written), stated.decimals, stated.qualifier, scale)
        if not within(scaled, low, high):
            difference = analysis.figures[change.old.index] if change.old.derived else None
            difference = difference if difference is not None and difference.base_unit == change.new.base_unit else None
            closest = _closest_change(change, reading, difference)
            if closest is not None:  # 32.6万 and 29.8万 are intervals: the change nearest the stated one, as p/q
                low, high = scaled_interval(magnitude(stated.written), stated.decimals, stated.qualifier, Decimal(closest.denominator))
                scaled = Decimal(closest.numerator)
        return {"change_scaled": scaled, "change_low": low, "change_high": high, "change_reading": reading}

    def holds(self, row, rule) -> bool:
        return not row["change_reading"] or within(row["change_scaled"], row["change_low"], row["change_high"])

    def expectations(self, rule) -> list[Any]:
        return [pair_expectation(rule, "change_scaled", "change_low", True, role="low"),
                pair_expectation(rule, "change_high", "change_scaled", False, role="high")]

    def hit(self, analysis, rule, change: Change, row, failed_roles) -> Hit:
        stated, old, new = change.stated, change.old, change.new
        reading = row["change_reading"]
        if reading == "difference":
            recomputed = format_decimal(abs(new.value - old.value) / new.multiplier)
            unit = analysis.text.original[stated.end - len(stated.unit) : stated.end] if stated.unit else ""
            tail = analysis.text.original[stated.end : stated.end + len(change.unit_tail)] if change.unit_tail else ""
            recomputed_text = recomputed + unit + tail  # 7個工作日: the whole of the unit, as written
        elif reading == "points":
            recomputed = shown(abs(Fraction(new.value) - Fraction(old.value)), stated.decimals)
            recomputed_text = recomputed + "个百分点"
        else:
            recomputed = shown(abs(percent_change(old.value, new.value)), stated.decimals)
            if stated.value < 0:
                recomputed = "-" + recomputed  # 增长-8.2% against -9.16%: in the sign it was written with
            recomputed_text = recomputed + "%"
        return Hit(
            stated.start,
            stated.end,
            {**change_values(analysis, change), "recomputed": recomputed_text},
            {
                "old": old.value,
                "new": new.value,
                "stated": stated.written,
                "stated_unit": stated.unit,
                "recomputed": recomputed,
                "reading": reading,
                "tolerance": TOLERANCE,
            },
            related=((old.start, old.end), (new.start, new.end)),
            severity="warning" if change.inferred else "",
        )


CHECKS = (ChangeCheck(),)
