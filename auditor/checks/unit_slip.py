"""CH003: a stated difference whose unit slipped (支出255,325万元,比上年增支14,484元,增长6.01%)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.base import Check, Params
from auditor.checks.common import as_written, likely_unit
from auditor.model import Hit
from auditor.unit_slip import find_unit_slips


def unit_slips(analysis, rule) -> Iterator[Hit]:
    for slip in find_unit_slips(analysis.text, analysis.figures):
        slipped, other = slip.difference, slip.new
        original = analysis.text.original
        unit = likely_unit(analysis, other, slip.multiplier)
        likely = original[slipped.number_start : slipped.number_end] + unit
        yield Hit(
            slipped.start,
            slipped.end,
            {
                "figure": as_written(analysis, slipped),
                "other": as_written(analysis, other),
                "rate_word": original[slip.rate_word[0] : slip.rate_word[1]],
                "stated": as_written(analysis, slip.stated),
                "likely": likely,
                "unit": unit,
            },
            {"figure": slipped.written, "unit_written": slipped.unit, "unit_likely": unit, "stated": slip.stated.written},
            related=((other.start, other.end), (slip.stated.start, slip.stated.end)),
        )


CHECKS = (Check("unit_slip", unit_slips, Params, frozenset({"figure", "other", "rate_word", "stated", "likely", "unit"})),)
