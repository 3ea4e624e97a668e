"""Sums of parts, stated changes, and the direction words that go with them."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from auditor.arith import consistent, half_unit, percent_change, plain_fraction, shown
from auditor.checks.common import as_written
from auditor.model import Analysis, Hit, format_decimal
from auditor.relate import Relations, direction_of
from auditor.rulepack import Rule


def _sum_gap(relation) -> tuple[Fraction, Fraction, Fraction]:
    """(sum of parts, total, tolerance) with interval arithmetic on rounded figures."""
    parts = sum((Fraction(p.value) for p in relation.parts), Fraction(0))
    total = Fraction(relation.total.value)
    tolerance = sum(
        (half_unit(f.decimals, f.multiplier) for f in (*relation.parts, relation.total)), Fraction(0)
    )
    return parts, total, tolerance


def _sum_hit(analysis: Analysis, relation, parts: Fraction, total: Fraction, tolerance: Fraction) -> Hit:
    unit = relation.total.base_unit
    return Hit(
        relation.total.start,
        relation.total.end,
        {
            "total": as_written(analysis, relation.total),
            "parts": "+".join(as_written(analysis, p) for p in relation.parts),
            "sum": plain_fraction(parts) + unit,
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


def sum_total(analysis: Analysis, rule: Rule, relations: Relations) -> Iterator[Hit]:
    """Parts said to be the whole (其他…, a partition, a parenthesis, 合计) must add up."""
    for relation in relations.parts:
        if not relation.complete:
            continue
        parts, total, tolerance = _sum_gap(relation)
        if abs(parts - total) > tolerance:
            yield _sum_hit(analysis, relation, parts, total, tolerance)


def parts_exceed(analysis: Analysis, rule: Rule, relations: Relations) -> Iterator[Hit]:
    """Parts listed after 其中 that add up to more than the total."""
    for relation in relations.parts:
        if relation.complete:
            continue
        parts, total, tolerance = _sum_gap(relation)
        if parts - total > tolerance:
            yield _sum_hit(analysis, relation, parts, total, tolerance)


def change_percent(analysis: Analysis, rule: Rule, relations: Relations) -> Iterator[Hit]:
    """A stated % change or points difference against the values it comes from."""
    for change in relations.changes:
        stated = change.stated
        if stated is None:
            continue
        old, new = change.old, change.new
        going = direction_of(change.stated_word) or direction_of(change.word)
        actual = "up" if new.value > old.value else "down" if new.value < old.value else ""
        if going and actual and going != actual:
            continue  # the direction rule speaks for this one
        if stated.kind == "points" or (stated.kind == "percent" and old.kind == "percent"):
            difference = abs(Fraction(new.value) - Fraction(old.value))
            ok_points = consistent(difference, stated.written, stated.decimals, stated.qualifier)
            relative = percent_change(old.value, new.value)
            ok_relative = stated.kind == "percent" and relative is not None and consistent(
                abs(relative), stated.written, stated.decimals, stated.qualifier
            )
            if ok_points is None or ok_points or ok_relative:
                continue
            recomputed = shown(difference, stated.decimals)
            recomputed_text = recomputed + "个百分点"
        else:
            relative = percent_change(old.value, new.value)
            if relative is None:
                continue
            verdict = consistent(abs(relative), stated.written, stated.decimals, stated.qualifier)
            if verdict is None or verdict:
                continue
            recomputed = shown(abs(relative), stated.decimals)
            recomputed_text = recomputed + "%"
        yield Hit(
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
                "tolerance": "half a unit of the last place (rounding) or one unit (truncation)",
            },
            related=((old.start, old.end), (new.start, new.end)),
        )


def direction(analysis: Analysis, rule: Rule, relations: Relations) -> Iterator[Hit]:
    """增加 with a smaller "to" value, 下降 with a larger one."""
    for change in relations.changes:
        old, new = change.old, change.new
        actual = "up" if new.value > old.value else "down" if new.value < old.value else ""
        for word in (change.word, change.stated_word):
            going = direction_of(word)
            if going and actual and going != actual:
                yield Hit(
                    change.start,
                    change.end,
                    {"word": word, "old": as_written(analysis, old), "new": as_written(analysis, new)},
                    {"word": word, "old": old.value, "new": new.value, "says": going, "values_go": actual},
                    related=((old.start, old.end), (new.start, new.end)),
                )
                break


__all__ = ["sum_total", "parts_exceed", "change_percent", "direction", "format_decimal"]
