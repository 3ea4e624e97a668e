"""What a check is: its params, the message keys it fills, and how it runs.

Every value a rule can give in `check:` names one `Check`. A check declares
its params as a typed `Params` struct (defaults in one place; unknown or
mistyped keys are refused when the pack loads) and the message keys its hits
fill (a message placeholder no hit can fill is refused too).

A `NumericCheck` judges figures by exact columns of the figures table, one
row per figure: it says which relations it judges, which columns it writes,
when a row holds, the great_expectations expectations that make the same
test, and how a failing row becomes a hit. The default engine and the gx
engine both loop over the same checks, so a numeric check cannot exist in one
engine and not in the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec

from auditor.model import Hit

if TYPE_CHECKING:
    from auditor.model import Analysis
    from auditor.rulepack import Rule

INFINITY = Decimal("Infinity")


class Params(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """A check's params; subclass it with typed fields and their defaults."""


@dataclass(frozen=True)
class Check:
    """A check that runs as a function over one document."""

    name: str
    run: Callable[["Analysis", "Rule"], Iterable[Hit]]
    params: type[Params] = Params
    provides: frozenset[str] = frozenset()
    # reads the document's text as a whole (its title, its outline) and no figures:
    # a long document analysed in pieces (auditor.pieces) runs it once on the whole text
    whole_text: bool = False

    def hits(self, analysis: "Analysis", rule: "Rule") -> Iterable[Hit]:
        return self.run(analysis, rule)


class NumericCheck:
    """A check judged on exact columns of the figures table (see module doc).

    Subclasses set `name`, `params`, `provides` and implement the methods
    below; `hits` is the default engine's judging, shared by all."""

    name: ClassVar[str]
    params: ClassVar[type[Params]] = Params
    provides: ClassVar[frozenset[str]] = frozenset()

    def columns(self, rule: "Rule") -> tuple[str, ...]:
        """The names of the columns this check writes for `rule`."""
        raise NotImplementedError

    def judged(self, analysis: "Analysis", rule: "Rule") -> Mapping[int, Any]:
        """Figure index → what is judged on that figure's row (a relation, or the figure itself)."""
        raise NotImplementedError

    def row(self, analysis: "Analysis", rule: "Rule", subject: Any) -> dict[str, Any]:
        """The column values for one judged subject; {} when there is nothing to judge."""
        raise NotImplementedError

    def holds(self, row: Mapping[str, Any], rule: "Rule") -> bool:
        """Whether a row passes; a row whose columns are empty always does."""
        raise NotImplementedError

    def expectations(self, rule: "Rule") -> list[Any]:
        """great_expectations expectations making the same test as `holds`
        (gx is imported here, never on the default path); each has
        meta {"rule": rule.id, "role": …}."""
        raise NotImplementedError

    def hit(self, analysis: "Analysis", rule: "Rule", subject: Any, row: Mapping[str, Any], failed_roles: frozenset[str]) -> Hit:
        """The hit for a failing row. `failed_roles` names the expectations
        that failed under gx; the default engine passes the roles `holds` found."""
        raise NotImplementedError

    def failed_roles(self, row: Mapping[str, Any], rule: "Rule") -> frozenset[str]:
        """Which of this check's expectation roles a failing row breaks (default engine)."""
        return frozenset()

    def hits(self, analysis: "Analysis", rule: "Rule") -> Iterator[Hit]:
        kept = analysis.judged.get(rule.id)  # judged already for the check columns: not judged again
        subjects = kept[1] if kept is not None and kept[0] is rule else self.judged(analysis, rule)
        for index, subject in subjects.items():
            row = analysis.row(index)
            if not self.holds(row, rule):
                yield self.hit(analysis, rule, subject, row, self.failed_roles(row, rule))


# --- helpers the numeric checks share ------------------------------------------------------


def first_by(items: Iterable[Any], index_of: Callable[[Any], int]) -> dict[int, Any]:
    """Relations hosted on a figure's row: the first relation to claim a figure keeps it."""
    hosted: dict[int, Any] = {}
    for item in items:
        hosted.setdefault(index_of(item), item)
    return hosted


def within(value: Decimal | None, low: Decimal | None, high: Decimal | None, high_inclusive: bool = False) -> bool:
    """low <= value < high (or <= high): the same test the suite's pair expectations make."""
    if value is None:
        return True
    return value >= low and (value <= high if high_inclusive else value < high)


def pair_expectation(rule: "Rule", a: str, b: str, or_equal: bool, condition: Any = None, role: str = "") -> Any:
    """column A >= (or >) column B where both are present: one pair expectation."""
    import great_expectations.expectations as gxe

    kwargs: dict[str, Any] = dict(column_A=a, column_B=b, or_equal=or_equal, ignore_row_if="either_value_is_missing",
                                  meta={"rule": rule.id, "role": role})
    if condition is not None:
        kwargs["row_condition"] = condition
    return gxe.ExpectColumnPairValuesAToBeGreaterThanB(**kwargs)


def gx_column(name: str) -> Any:
    """A great_expectations row-condition column (imported only when asked)."""
    from great_expectations.expectations.row_conditions import Column

    return Column(name)


@dataclass(frozen=True)
class Registry:
    checks: Mapping[str, Check | NumericCheck] = field(default_factory=dict)

    def get(self, name: str) -> Check | NumericCheck | None:
        return self.checks.get(name)

    def numeric(self, name: str) -> NumericCheck | None:
        check = self.checks.get(name)
        return check if isinstance(check, NumericCheck) else None

    def names(self) -> list[str]:
        return sorted(self.checks)
