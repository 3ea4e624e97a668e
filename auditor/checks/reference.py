"""Figures against a reviewer's reference table (see auditor.reference)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from auditor.arith import consistent
from auditor.checks.common import as_written, is_listed
from auditor.model import Analysis, Hit
from auditor.normalise import normalise_key
from auditor.checks.base import Check, Params


def _number(text: str) -> Decimal:
    return Decimal(normalise_key(text).rstrip("%"))


def matches(row: dict[str, str], figure, sentence: str) -> bool:
    metric = normalise_key(row["metric"])
    named = normalise_key(figure.subject + figure.metric)
    if not figure.metric or not (normalise_key(figure.metric) == metric or named.endswith(metric)):
        return False
    if row.get("subject") and normalise_key(row["subject"]) not in normalise_key(sentence):
        return False
    unit = normalise_key(row.get("unit", ""))
    return not unit or unit in (normalise_key(figure.unit), normalise_key(figure.base_unit))


def reference(analysis: Analysis, rule) -> Iterator[Hit]:
    rows = rule.options.rows
    if not rows:
        return
    text = analysis.text
    for figure in analysis.figures:
        if not figure.metric:
            continue
        listed = is_listed(analysis, figure)
        start, end = text.sentence_span(figure.start)
        sentence = text.norm[start:end]
        for row in rows:
            if not matches(row, figure, sentence) or (listed and not row.get("subject")):
                continue
            expected = _number(row["value"])
            if row.get("tolerance"):
                ok = abs(figure.value - expected) <= _number(row["tolerance"])
            else:
                ok = consistent(Fraction(expected), figure.written, figure.decimals, figure.qualifier) is not False
            if not ok:
                shown = f"{row['metric']} {row['value']}{row.get('unit', '')}"
                yield Hit(
                    figure.start,
                    figure.end,
                    {"metric": figure.metric, "stated": as_written(analysis, figure), "row": row["row"], "reference": shown},
                    {"metric": figure.metric, "stated": figure.written, "reference_row": int(row["row"]),
                     "reference_value": expected, "tolerance": row.get("tolerance") or "rounding of the stated value"},
                )
            break  # the first matching row of the table decides


class ReferenceParams(Params):
    rows: tuple[dict[str, str | int], ...] = ()  # the reviewer's table, as given by --reference


CHECKS = (Check("reference", reference, ReferenceParams, frozenset({"metric", "stated", "row", "reference"})),)
