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
from auditor.text_tables import pipe_tables, text_tables

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


def _header_and_body(table, min_rows: int = 3):
    rows = [r for r in table.rows if any(c.text for c in r)]
    if len(rows) < min_rows:
        return None, []
    return rows[0], rows[1:]


def _tables(analysis: Analysis):
    """(table, fewest rows it is read with): the document's tables, or in plain text the lines
    whose cells stand apart by | (a header and one row are a table there: 项目|总数|合计 ⏎ 8|5|13)."""
    if analysis.tables:
        return [(table, 3) for table in analysis.tables]
    if analysis.path.lower().endswith((".md", ".markdown")):
        return []  # Markdown's own tables need their |---| line: bars without it are a paragraph there
    return [(table, 2) for table in pipe_tables(analysis.text.original)]


def _labelled(header, body) -> bool:
    """Whether the first column names the rows (甲乡, 合计), rather than holding values of its own."""
    return not all(cell_number(row[0].text) is not None for row in body) or cell_number(header[0].text) is not None


def table_sum(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    words = rule.options.total_words
    skip = rule.options.subset_words
    tables = _tables(analysis)
    for table, min_rows in tables:
        header, body = _header_and_body(table, min_rows)
        if header is None:
            continue
        first = 0 if _labelled(header, body) else None  # a column of values from the first on: every column counts
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
            others = [j for j, h in enumerate(header) if j not in (first, column) and not _is_rate_header(h.text)
                      and not _is_total(h.text, words) and not _is_total(h.text, skip)]
            for row in body:
                if column >= len(row):
                    continue
                total = cell_number(row[column].text)
                values = [cell_number(row[j].text) for j in others if j < len(row)]
                if total is None or total[2] or len(values) < 2 or any(v is None for v in values):
                    continue
                yield from _sum_hit(table.number, row[column], row[0].text, total, values, "row")
    if not analysis.tables:
        yield from plain_table_sums(analysis, words, skip, len(tables))


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
    for table, min_rows in _tables(analysis):
        header, body = _header_and_body(table, min_rows)
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


# --- tables in plain text ------------------------------------------------------------------------

_UNIT_TAIL_RE = re.compile(r"[\u4e00-\u9fff]{0,3}$")
# a column no 合计 adds up: by its header (a rate, an average, a price, a rank, a score, a change) or by its unit
_NOT_ADDITIVE_HEAD_RE = re.compile(r"率|均|比|占|%|‰|指数|价|单产|亩产|密度|系数|排名|名次|位次|时间|期限|等级|分值|得分|评分|增长|增减|增幅|同比|环比")
_NOT_ADDITIVE_UNIT_RE = re.compile(r"率|均|年|月|日|岁|度|分|倍|级|星|位")


_PERIOD_HEADER_RE = re.compile(r"(?:19|20)\d{2}年度?|\d{1,2}月份?|\d{1,2}-\d{1,2}月")


def _names_a_column(text: str) -> bool:
    """A header cell: no number, or a year or month (2023年, 1-6月) naming its column."""
    return cell_number(text) is None or _PERIOD_HEADER_RE.fullmatch(normalise_key(text)) is not None


def _plain_column(rows, column: int):
    """(value, decimals, unit) of each row's cell in a column of a plain-text table, or None for any cell
    that is no plain number with a unit (a blank, a dash, a percentage)."""
    values = []
    for row in rows:
        if column >= len(row):
            return None
        number = cell_number(row[column].text)
        if number is None or number[2]:
            return None
        unit = _UNIT_TAIL_RE.search(normalise_key(row[column].text)).group(0)
        if _NOT_ADDITIVE_UNIT_RE.search(unit):
            return None
        values.append((number[0], number[1], unit))
    return values


def _groups(body, words: tuple[str, ...], skip: tuple[str, ...]):
    """(total row, its part rows) of a plain-text table: the one 合计 row over its item rows, or with
    小计 rows among them, each 小计 over the items since the one before and the 合计 (first or last
    row) over the 小计 rows; nothing where the rows a total covers are not plain."""
    kinds = [_row_kind(row, words, skip) for row in body]
    if kinds.count("total") > 1 or "running" in kinds:
        return []  # two totals, or running totals among the rows: which rows each covers is not said
    total = next((row for row, kind in zip(body, kinds) if kind == "total"), None)
    if "subtotal" not in kinds:
        return [(total, [row for row, kind in zip(body, kinds) if kind == "item"])] if total is not None else []
    groups, pending, subtotals = [], [], []
    for row, kind in zip(body, kinds):
        if kind == "subtotal":
            if len(pending) >= 2:
                groups.append((row, pending))
            subtotals.append(row)
            pending = []
        elif kind == "item":
            pending.append(row)
    if total is not None and not pending and kinds.index("total") in (0, len(body) - 1) and len(subtotals) >= 2:
        groups.append((total, subtotals))
    elif total is not None and pending and kinds.index("total") == len(body) - 1 and subtotals:
        # 种植业…,养殖业…,小计…,服务业…,合计…: the last 合计 over the 小计 rows and the items after them
        groups.append((total, subtotals + [row for row in pending if row is not total]))
    return groups


def _row_kind(row, words: tuple[str, ...], skip: tuple[str, ...]) -> str:
    label = row[0].text
    if _is_total(label, ("小计",)):
        return "subtotal"
    if _is_total(label, words):
        return "total"
    if _is_total(label, ("累计",)):
        return "running"
    if _is_total(label, skip) or label.startswith(("其中", "含", "内含", "包括")):
        return "inside"
    return "item"


_ROW_UNIT_RE = re.compile(r"[((]\s*([^()()]{1,6})\s*[))]\s*$")


def plain_table_sums(analysis: Analysis, words: tuple[str, ...], skip: tuple[str, ...], before: int = 0) -> Iterator[Hit]:
    """A 合计/总计 (or 小计) row of a table in plain text against the rows it covers, column by
    column: every cell of the column a number in one unit, the column not a rate, an average, a date
    or a rank (by its header or its unit), the rows not in units of their own (资金(万元), 人数(人)),
    and the total above each part (an average or a largest value is no total)."""
    read = None
    for table in text_tables(analysis.text.original):
        rows = list(table.rows)
        header = rows[0] if all(_names_a_column(cell.text) for cell in rows[0][1:]) else None
        body = rows[1:] if header is not None else rows
        number = len(analysis.tables) + before + table.number  # after the tables read before (| tables)
        for total_row, parts in _groups(body, words, skip):
            if len(parts) < 2 or len({_row_unit(row) for row in parts}) > 1:
                continue
            if read is None:
                read = {relation.total.start for relation in analysis.relations.parts}  # 合计 lines the sum readers have (SM001)
            for column in range(1, len(total_row)):
                if header is not None and (column >= len(header) or _NOT_ADDITIVE_HEAD_RE.search(normalise_key(header[column].text))
                                           or _is_total(header[column].text, words)):
                    continue
                total = _plain_column([total_row], column)
                values = _plain_column(parts, column)
                if total is None or values is None or len({unit for _, _, unit in (*values, *total)}) != 1:
                    continue
                if any(value >= total[0][0] for value, _, _ in values) or any(value < 0 for value, _, _ in values):
                    continue  # a total no larger than one of its parts is none (an average, a largest value)
                cell = total_row[column]
                if any(cell.start <= start < cell.start + len(cell.text) for start in read):
                    continue
                label = header[column].text if header is not None else f"第{column + 1}列"
                yield from _sum_hit(number, cell, label, (total[0][0], total[0][1], False), [(v, d, False) for v, d, _ in values], "column")


def _row_unit(row) -> str:
    unit = _ROW_UNIT_RE.search(normalise_key(row[0].text))
    return unit.group(1) if unit else ""


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
