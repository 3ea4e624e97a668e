"""YD001: a harvest against its area and yield (种植小麦12.6万亩,总产5040万公斤,单产400公斤)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from auditor.arith import shown
from auditor.checks.base import Check, Params
from auditor.checks.common import as_written
from auditor.model import Hit
from auditor.yields import find_harvests, harvest_fits

_TOTAL_WORD_RE = re.compile(r"(?:总产量|总产|产量|产粮|总收获)")


_PER_AREA_TAIL_RE = re.compile(r"\s*/\s*(?:亩|公顷)")


def _per_area_tail(text, per_area) -> str:
    """/公顷 of 6000公斤/公顷, as written."""
    tail = _PER_AREA_TAIL_RE.match(text.norm, per_area.end, per_area.end + 6)
    return text.original[tail.start() : tail.end()] if tail else ""


def harvests(analysis, rule) -> Iterator[Hit]:
    text = analysis.text
    for harvest in find_harvests(text, analysis.figures):
        if harvest_fits(harvest):
            continue
        total, area, per_area = harvest.total, harvest.area, harvest.per_area
        # the total the area and the yield give, in the total's unit as written
        exact = Fraction(area.value) * Fraction(per_area.value) / harvest.scale / total.multiplier
        clause_start, _ = text.clause_span(total.start)
        words = list(_TOTAL_WORD_RE.finditer(text.norm, max(clause_start, total.number_start - 16), total.number_start))
        metric = text.original[words[-1].start() : words[-1].end()] if words else ""
        yield Hit(
            total.start,
            total.end,
            {
                "metric": metric,
                "stated": as_written(analysis, total),
                "area": as_written(analysis, area),
                "per_area": as_written(analysis, per_area) + _per_area_tail(text, per_area),
                "recomputed": shown(exact, total.decimals) + text.original[total.number_end : total.end],
            },
            {"total": total.value, "area": area.value, "per_area": per_area.value, "scale": str(harvest.scale)},
            related=((area.start, area.end), (per_area.start, per_area.end)),
        )


CHECKS = (Check("harvest", harvests, Params, frozenset({"metric", "stated", "area", "per_area", "recomputed"})),)
