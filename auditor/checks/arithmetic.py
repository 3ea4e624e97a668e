"""Sums of parts, stated changes, and the direction words that go with them."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from auditor.arith import percent_change, plain_fraction, shown
from auditor.checkcolumns import says_holds, sum_tolerance, within
from auditor.checks.common import as_written
from auditor.model import Analysis, Hit
from auditor.relate import direction_of, values_go
from auditor.rulepack import Rule


def _as_written_unit(relation, value: Fraction) -> str:
    """The sum in the unit the figures were written in (1250万元, not 12500000元) when they share one."""
    written = {(f.unit, f.multiplier) for f in (*relation.parts, relation.total)}
    if len(written) == 1:
        unit, multiplier = written.pop()
        return plain_fraction(value / multiplier) + unit
    return plain_fraction(value) + relation.total.base_unit


def sum_hit(analysis: Analysis, relation) -> Hit:
    parts = sum((Fraction(p.value) for p in relation.parts), Fraction(0))
    total = Fraction(relation.total.value)
    tolerance = sum_tolerance(relation)
    unit = relation.total.base_unit
    return Hit(
        relation.total.start,
        relation.total.end,
        {
            "total": as_written(analysis, relation.total),
            "parts": "+".join(as_written(analysis, p) for p in relation.parts),
            "sum": _as_written_unit(relation, parts),
        },
        {
            "total": relation.total.value,
            "parts": [p.value for p in relation.parts],
            "labels": list(relation.labels),
            "sum": plain_fraction(parts),
            "difference": plain_fraction(parts - total),
            "tolerance": plain_fraction(tolerance),
            "unit": unit,
            "complete_because": relation.reason,
        },
        related=tuple((p.start, p.end) for p in relation.parts),
    )


def sum_total(analysis: Analysis, rule: Rule, context) -> Iterator[Hit]:
    """Parts said to be the whole (其他…, a partition, a parenthesis, 合计) must add up."""
    for index, relation in context.hosted.parts.items():
        row = context.rows[index]
        if relation.complete and not within(row["sum_value"], row["sum_low"], row["sum_high"], high_inclusive=True):
            yield sum_hit(analysis, relation)


def parts_exceed(analysis: Analysis, rule: Rule, context) -> Iterator[Hit]:
    """Parts listed after 其中 that add up to more than the total."""
    for index, relation in context.hosted.parts.items():
        row = context.rows[index]
        if not relation.complete and not within(row["sum_value"], row["sum_low"], row["sum_high"], high_inclusive=True):
            yield sum_hit(analysis, relation)


def change_hit(analysis: Analysis, change, reading: str) -> Hit:
    stated, old, new = change.stated, change.old, change.new
    if reading == "points":
        value = abs(Fraction(new.value) - Fraction(old.value))
        recomputed = shown(value, stated.decimals)
        recomputed_text = recomputed + "个百分点"
    else:
        value = abs(percent_change(old.value, new.value))
        recomputed = shown(value, stated.decimals)
        recomputed_text = recomputed + "%"
    return Hit(
        stated.start,
        stated.end,
        {
            "word": change.stated_word,
            "stated": as_written(analysis, stated),
            "old": as_written(analysis, old),
            "new": as_written(analysis, new),
            "recomputed": recomputed_text,
        },
        {
            "old": old.value,
            "new": new.value,
            "stated": stated.written,
            "stated_unit": stated.unit,
            "recomputed": recomputed,
            "reading": reading,
            "tolerance": "half a unit of the last place (rounding) or one unit (truncation)",
        },
        related=((old.start, old.end), (new.start, new.end)),
    )


def change_percent(analysis: Analysis, rule: Rule, context) -> Iterator[Hit]:
    """A stated % change or points difference against the values it is computed from."""
    for index, change in context.hosted.changes.items():
        row = context.rows[index]
        if row["change_reading"] and not within(row["change_scaled"], row["change_low"], row["change_high"]):
            yield change_hit(analysis, change, row["change_reading"])


def direction_hit(analysis: Analysis, change, word: str) -> Hit:
    old, new = change.old, change.new
    actual = values_go(old, new)
    return Hit(
        change.start,
        change.end,
        {"word": word, "old": as_written(analysis, old), "new": as_written(analysis, new)},
        {"word": word, "old": old.value, "new": new.value, "says": direction_of(word), "values_go": actual},
        related=((old.start, old.end), (new.start, new.end)),
    )


def direction(analysis: Analysis, rule: Rule, context) -> Iterator[Hit]:
    """增加 with a smaller "to" value, 下降 with a larger one."""
    for index, change in context.hosted.changes.items():
        row = context.rows[index]
        for number, word in ((1, change.word), (2, change.stated_word)):
            if not says_holds(row[f"direction_says_{number}"], row["direction_old"], row["direction_new"]):
                yield direction_hit(analysis, change, word)
                break
