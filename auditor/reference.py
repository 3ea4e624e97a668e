"""A reviewer's reference table: metric, value [, subject, unit, tolerance].

`--reference TABLE.csv|xlsx` loads it into the params of the reference rule
(CF002), which then runs on every document like any other rule.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from auditor.i18n import UserError
from auditor.normalise import normalise_key
from auditor.rulepack import RulePack

REQUIRED = ("metric", "value")
OPTIONAL = ("subject", "unit", "tolerance")


class ReferenceTableError(UserError):
    pass


def load_reference(path: Path) -> list[dict[str, str]]:
    """Rows as dicts of strings, with the spreadsheet row number; one-line errors."""
    import pandas as pd

    if not path.is_file():
        raise ReferenceTableError("no_such_file", where=path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            frame = pd.read_excel(path, dtype=str, keep_default_na=False)
        else:
            from auditor.read import decode_bytes

            import io

            text, _ = decode_bytes(path.read_bytes())
            # keep_default_na=False: a cell saying NaN is refused, not read as a blank
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except Exception as exc:  # pandas and openpyxl raise many kinds for a bad file
        raise ReferenceTableError("reference_unreadable", where=path, reason=type(exc).__name__) from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise ReferenceTableError("reference_columns", where=path, columns=", ".join(missing))
    rows = []
    for number, record in enumerate(frame.fillna("").to_dict("records"), start=2):
        row = {k: str(record.get(k, "")).strip() for k in (*REQUIRED, *OPTIONAL)}
        if not row["metric"]:
            continue
        for key in ("value", "tolerance"):
            if row[key] or key == "value":
                _check_number(path, number, key, row[key])
        row["row"] = str(number)
        rows.append(row)
    return rows


# a figure in a report has at most a few dozen digits; 1e100000000 would make
# exact arithmetic build a hundred-million-digit integer
_MAX_EXPONENT = 40


def _check_number(path: Path, number: int, key: str, written: str) -> None:
    try:
        value = Decimal(normalise_key(written).rstrip("%"))
    except InvalidOperation:
        raise ReferenceTableError("reference_not_number", where=path, row=number, key=key, value=written) from None
    if not value.is_finite():  # NaN, sNaN, Infinity: Decimal takes them, arithmetic does not
        raise ReferenceTableError("reference_not_number", where=path, row=number, key=key, value=written)
    if value and abs(value.adjusted()) > _MAX_EXPONENT:
        raise ReferenceTableError("reference_out_of_range", where=path, row=number, key=key, value=written)


def with_reference(pack: RulePack, rows: list[dict[str, str]]) -> RulePack:
    """The pack with the reference rows handed to every rule that checks against them."""
    import msgspec

    rules = tuple(
        replace(r, params={**r.params, "rows": tuple(rows)}, options=msgspec.structs.replace(r.options, rows=tuple(rows)))
        if r.check == "reference" else r
        for r in pack.rules
    )
    return replace(pack, rules=rules)
