"""Which rules run: `select`, `extend-select` and `ignore`, as in ruff.

A selector is a rule id (RT001), an id prefix (RT, R), a rule name
(rate-mismatch), a category (ratio) or ALL. `select` replaces the default set
(every rule the pack enables), `extend-select` adds to it, `ignore` takes away;
`disable` in the config still wins. A selector that matches no rule is an
error, not a silent gate that checks nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from auditor.i18n import UserError
from auditor.rulepack import Rule, RulePack


class SelectionError(UserError):
    pass


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] | None = None  # None: the pack's default set
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def is_default(self) -> bool:
        return self.select is None and not self.extend_select and not self.ignore


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """`--select RT001,RB --select ratio` → ("RT001", "RB", "ratio")."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def matches(rule: Rule, selector: str) -> bool:
    upper = selector.upper()
    return (upper == "ALL" or rule.id.upper().startswith(upper) or rule.name == selector
            or rule.category == selector)


def _matching(rules: tuple[Rule, ...], selectors: Iterable[str], where: str) -> set[str]:
    chosen: set[str] = set()
    for selector in selectors:
        found = {rule.id for rule in rules if matches(rule, selector)}
        if not found:
            raise SelectionError("unknown_selector", where=where, selector=selector)
        chosen |= found
    return chosen


def apply_selection(pack: RulePack, selection: Selection, disabled: Iterable[str] = ()) -> RulePack:
    """The pack with exactly the selected rules enabled."""
    if selection.is_default():
        return pack
    rules = pack.rules
    if selection.select is None:
        chosen = {rule.id for rule in rules if rule.enabled}
    else:
        chosen = _matching(rules, selection.select, "select")
    chosen |= _matching(rules, selection.extend_select, "extend-select")
    chosen -= _matching(rules, selection.ignore, "ignore")
    chosen -= set(disabled)
    return replace(pack, rules=tuple(replace(rule, enabled=rule.id in chosen) for rule in rules))
