"""DR001: the word says up and the values go down (由42.16亿元增加到36.56亿元), or the other way round."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditor.checks.base import NumericCheck, Params, gx_column, pair_expectation
from auditor.checks.change import hosted_changes, stated_direction, value_as_written
from auditor.model import Hit
from auditor.relate import Change, direction_of, values_go

WORDS = (1, 2)  # the direction word before the new value, and the one before the stated change


def _says(change: Change) -> tuple[str, str]:
    return direction_of(change.word), stated_direction(change)


def _word_holds(says: str | None, old, new) -> bool:
    if says == "up":
        return new >= old
    if says == "down":
        return old >= new
    return True


class DirectionCheck(NumericCheck):
    """增加 with a smaller "to" value, 下降 with a larger one."""

    name = "direction"
    params = Params
    provides = frozenset({"word", "old", "new"})

    def columns(self, rule) -> tuple[str, ...]:
        return ("direction_old", "direction_new", "direction_says_1", "direction_says_2")

    def judged(self, analysis, rule) -> Mapping[int, Change]:
        # a signed value (亏损由-460万元减少至-210万元) may be spoken of by its size: no direction to judge
        return {i: c for i, c in hosted_changes(analysis).items()
                if any(_says(c)) and c.old.value >= 0 and c.new.value >= 0 and not _apart_beyond_the_rate(c)}

    def row(self, analysis, rule, change: Change) -> dict[str, Any]:
        first, second = _says(change)
        return {"direction_old": change.old.value, "direction_new": change.new.value,
                "direction_says_1": first, "direction_says_2": second}

    def failed_roles(self, row, rule) -> frozenset[str]:
        return frozenset(f"word{n}" for n in WORDS
                         if not _word_holds(row[f"direction_says_{n}"], row["direction_old"], row["direction_new"]))

    def holds(self, row, rule) -> bool:
        return row["direction_old"] is None or not self.failed_roles(row, rule)

    def expectations(self, rule) -> list[Any]:
        return [
            pair_expectation(rule, "direction_new", "direction_old", True, gx_column(f"direction_says_{n}") == "up", f"word{n}")
            for n in WORDS
        ] + [
            pair_expectation(rule, "direction_old", "direction_new", True, gx_column(f"direction_says_{n}") == "down", f"word{n}")
            for n in WORDS
        ]

    def hit(self, analysis, rule, change: Change, row, failed_roles) -> Hit:
        word = change.word if "word1" in failed_roles else change.stated_word
        old, new = change.old, change.new
        return Hit(
            change.start,
            change.end,
            {"word": word, "old": value_as_written(analysis, change, old), "new": value_as_written(analysis, change, new)},
            {"word": word, "old": old.value, "new": new.value, "says": direction_of(word), "values_go": values_go(old, new)},
            related=((old.start, old.end), (new.start, new.end)),
            severity="warning" if change.inferred else "",
        )


CHECKS = (DirectionCheck(),)


_FAR_APART = 10


def _apart_beyond_the_rate(change: Change) -> bool:
    """日均34.5万人次,比上年的1.18亿人次增长6.8%: values hundreds of times apart under a change
    of a few per cent are not the pair the rate speaks of (a day's figure against a year's)."""
    stated, old, new = change.stated, change.old.value, change.new.value
    if stated is None or stated.kind != "percent" or abs(stated.value) >= 100 or old <= 0 or new <= 0:
        return False
    return max(old, new) > _FAR_APART * min(old, new)

