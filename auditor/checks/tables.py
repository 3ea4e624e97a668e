"""Tables in .docx: a 合计/总计 row or column against its parts, and a rate
column against the numerator and denominator columns its headers name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from auditor.arith import consistent, half_unit, percent_of, plain_fraction, shown
from auditor.lexicon import RATE_WORDS
from auditor.model import Analysis, Hit, format_decimal
from auditor.normalise import normalise_key
from auditor.rulepack import Rule
from auditor.checks.base import Check, Params

_CELL_NUMBER_RE = re.compile(r"^(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(%|‰)?\s*[\u4e00-\u9fff]{0,3}$")


def cell_number(text: str) -> tuple[Decimal, int, bool] | None:
    """(value, decimals, is_percent) for a cell holding one number, else None."""
    match = _CELL_NUMBER_RE.match(normalise_key(text))
    if not match:
        return None
    raw = match.group(1).replace(",", "")
    decimals = len(raw.split(".", 1)[1]) if "." in raw else 0
    return Decimal(raw), decimals, match.group(2) == "%"


def _is_total(text: str, words: tuple[str, ...]) -> bool:
    key = normalise_key(text)
    return any(w in key for w in words)


def _is_rate_header(text: str) -> bool:
    key = normalise_key(text)
    return any(w in key for w in (*RATE_WORDS, "%"))


def _header_and_body(table):
    rows = [r for r in table.rows if any(c.text for c in r)]
    if len(rows) < 3:
        return None, []
    return rows[0], rows[1:]


def table_sum(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    words = rule.options.total_words
    skip = rule.options.subset_words
    for table in analysis.tables:
        header, body = _header_and_body(table)
        if header is None:
            continue
        parts_rows = [r for r in body if not _is_total(r[0].text, words) and not _is_total(r[0].text, skip)]
        for row in body:
            if not _is_total(row[0].text, words):
                continue
            for column, cell in enumerate(row[1:], start=1):
                total = cell_number(cell.text)
                if total is None or total[2] or column >= len(header) or _is_rate_header(header[column].text):
                    continue
                values = [cell_number(r[column].text) for r in parts_rows if column < len(r)]
                if len(values) < 2 or any(v is None for v in values):
                    continue
                yield from _sum_hit(table.number, cell, header[column].text, total, values, "column")
        for column, head in enumerate(header):
            if not _is_total(head.text, words):
                continue
            others = [j for j, h in enumerate(header) if j not in (0, column) and not _is_rate_header(h.text)
                      and not _is_total(h.text, words) and not _is_total(h.text, skip)]
            for row in body:
                if column >= len(row):
                    continue
                total = cell_number(row[column].text)
                values = [cell_number(row[j].text) for j in others if j < len(row)]
                if total is None or total[2] or len(values) < 2 or any(v is None for v in values):
                    continue
                yield from _sum_hit(table.number, row[column], row[0].text, total, values, "row")


def _sum_hit(number, cell, label, total, values, direction) -> Iterator[Hit]:
    parts = sum((Fraction(v[0]) for v in values), Fraction(0))
    tolerance = sum((half_unit(v[1], 1) for v in values), half_unit(total[1], 1))
    if abs(parts - Fraction(total[0])) <= tolerance:
        return
    start = cell.start
    yield Hit(
        start,
        start + max(len(cell.text), 1),
        {"table": number, "label": label, "total": format_decimal(total[0]), "sum": plain_fraction(parts)},
        {"table": number, "total": total[0], "parts": [v[0] for v in values], "sum": plain_fraction(parts),
         "tolerance": plain_fraction(tolerance), "direction": direction},
    )


def table_rate(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    denominator_words = rule.options.denominator_words
    numerator_words = rule.options.numerator_words
    for table in analysis.tables:
        header, body = _header_and_body(table)
        if header is None:
            continue
        heads = [normalise_key(h.text) for h in header]
        rates = [j for j, h in enumerate(heads) if j and _is_rate_header(h)]
        # the rate column follows its numerator and denominator, or (when the
        # first rate column has nothing before it) leads them
        leads = bool(rates) and all(j == 0 for j in range(rates[0]))
        for rate_column in rates:
            denominator, numerator = _rate_sources(heads, rates, rate_column, leads, denominator_words, numerator_words)
            if denominator is None or numerator is None:
                continue
            for row in body:
                if max(rate_column, numerator, denominator) >= len(row):
                    continue
                rate, top, bottom = (cell_number(row[j].text) for j in (rate_column, numerator, denominator))
                if rate is None or top is None or bottom is None:
                    continue
                exact = percent_of(top[0], bottom[0])
                if exact is None or consistent(exact, rate[0], rate[1]):
                    continue
                cell = row[rate_column]
                yield Hit(
                    cell.start,
                    cell.start + max(len(cell.text), 1),
                    {"table": table.number, "label": row[0].text, "metric": header[rate_column].text,
                     "stated": cell.text, "numerator": format_decimal(top[0]), "denominator": format_decimal(bottom[0]),
                     "recomputed": shown(exact, rate[1]) + "%"},
                    {"table": table.number, "stated": rate[0], "numerator": top[0], "denominator": bottom[0],
                     "recomputed": shown(exact, rate[1])},
                )


def _rate_sources(heads, rates, rate_column, leads, denominator_words, numerator_words):
    """(denominator, numerator) columns of a rate column: among the columns
    between it and the neighbouring rate column on the side its group sits
    (before it, or after it when the table puts rates first), the denominator
    is the column a denominator word names, the numerator the nearest other
    column a numerator word names (any other, once the denominator is known)."""
    if leads:
        following = [j for j in rates if j > rate_column]
        side = list(range(rate_column + 1, following[0] if following else len(heads)))
    else:
        preceding = [j for j in rates if j < rate_column]
        side = list(range(rate_column - 1, preceding[-1] if preceding else 0, -1))
    side = [j for j in side if j and not _is_rate_header(heads[j])]
    denominator = next((j for j in side if any(w in heads[j] for w in denominator_words)), None)
    numerator = next((j for j in side if j != denominator and any(w in heads[j] for w in numerator_words)), None)
    if numerator is None and denominator is not None:
        numerator = next((j for j in side if j != denominator), None)
    return denominator, numerator


class TableSumParams(Params):
    total_words: tuple[str, ...] = ("合计", "总计")
    subset_words: tuple[str, ...] = ("其中", "小计")  # rows that are parts of a part


class TableRateParams(Params):
    denominator_words: tuple[str, ...] = ()  # header words of a denominator column (应, 计划 …)
    numerator_words: tuple[str, ...] = ()  # header words of a numerator column (实, 完成 …)


CHECKS = (
    Check("table_sum", table_sum, TableSumParams, frozenset({"table", "label", "total", "sum"})),
    Check("table_rate", table_rate, TableRateParams,
          frozenset({"table", "label", "metric", "stated", "numerator", "denominator", "recomputed"})),
)
