"""Small helpers shared by the checks."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from auditor.extract import Figure
from auditor.model import Analysis
from auditor.unit_slip import MULTIPLIER_WORDS


def as_written(analysis: Analysis, figure: Figure) -> str:
    """The figure as the writer wrote it, for quoting back in a message."""
    if figure.derived:
        from auditor.model import format_decimal

        return format_decimal(figure.written) + figure.unit
    written = analysis.text.original[figure.number_start : figure.end]
    return re.sub(r"\s*\n\s*", "", written) if "\n" in written else written  # 126⏎件 wrapped over a line


_START = attrgetter("start")


def first_figure_at(figures, offset: int) -> int:
    """The index of the first figure starting at or after offset."""
    return bisect_left(figures, offset, key=_START)


def number_as_written(figure: Figure) -> str:
    """The number with its multiplier as the writer gave it: 65127, 38.6万, 1.2亿."""
    from auditor.model import format_decimal

    multiplier_word = figure.unit[: len(figure.unit) - len(figure.base_unit)] if figure.multiplier != 1 else ""
    return format_decimal(figure.written) + multiplier_word


def is_listed(analysis: Analysis, figure: Figure) -> bool:
    """A value of a 分别 / 、 list: each value belongs to a subject of its own."""
    if figure.in_list:
        return True
    following = analysis.figures[figure.index + 1] if figure.index + 1 < len(analysis.figures) else None
    if following is not None and following.in_list:
        return True
    clause_start, _ = analysis.text.clause_span(figure.start)
    return "分别" in analysis.text.norm[clause_start : figure.start]


def likely_unit(analysis: Analysis, reference: Figure, multiplier: int) -> str:
    """The unit a slipped figure likely has: the reference figure's unit as written (萬元 in
    Traditional text) when it is in that multiplier, else the multiplier's word and the base unit."""
    if multiplier == reference.multiplier:
        return analysis.text.original[reference.number_end : reference.end].strip()
    return MULTIPLIER_WORDS.get(multiplier, "") + reference.base_unit
