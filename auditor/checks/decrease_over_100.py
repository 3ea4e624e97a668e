"""RB004: a decrease of more than 100% (下降120%)."""

from __future__ import annotations

from auditor.checks.base import Params
from auditor.checks.bound import BoundCheck
from auditor.relate import direction_of


class DecreaseParams(Params):
    decrease_words: tuple[str, ...] = ()  # metrics that are decreases: 降幅, 下降率


class DecreaseOver100(BoundCheck):
    """A decrease above 100%."""

    name = "decrease_over_100"
    params = DecreaseParams

    def applies(self, rule, figure) -> bool:
        return figure.metric in rule.options.decrease_words or direction_of(figure.metric) == "down"


CHECKS = (DecreaseOver100(),)
