"""SM003: one part written in another unit than the total and the other parts, that adds up only in theirs."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from auditor.arith import plain_fraction
from auditor.checks.base import Check, Params
from auditor.checks.common import as_written, likely_unit
from auditor.checks.sum_total import hosted_parts
from auditor.model import Hit
from auditor.unit_slip import part_unit_slip


def part_unit_slips(analysis, rule) -> Iterator[Hit]:
    original = analysis.text.original
    for relation in hosted_parts(analysis).values():
        slip = part_unit_slip(relation)
        if slip is None:
            continue
        part, multiplier = slip
        total = relation.total
        unit = likely_unit(analysis, total, multiplier)
        likely = original[part.number_start : part.number_end] + unit
        yield Hit(
            part.start,
            part.end,
            {"figure": as_written(analysis, part), "likely": likely, "total": as_written(analysis, total), "unit": unit},
            {"figure": part.written, "unit_written": part.unit, "unit_likely": unit,
             "total": total.value, "parts": [p.value for p in relation.parts],
             "sum_as_written": plain_fraction(sum((Fraction(p.value) for p in relation.parts), Fraction(0)))},
            related=((total.start, total.end), *((p.start, p.end) for p in relation.parts if p is not part)),
        )


CHECKS = (Check("part_unit_slip", part_unit_slips, Params, frozenset({"figure", "likely", "total", "unit"})),)
