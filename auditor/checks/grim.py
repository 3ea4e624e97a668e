"""GR001: a rate over a stated sample that no whole number of cases can give
(抽查病历1327份,甲级病历率93.26%: 1237 → 93.22%, 1238 → 93.29%). The GRIM
test (granularity-related inconsistency of means, Brown and Heathers 2017)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from math import ceil, floor
from typing import Any

from auditor.arith import rate_interval
from auditor.checks.base import NumericCheck, Params
from auditor.checks.common import as_written
from auditor.extract import Figure
from auditor.lexicon import RATE_WORDS
from auditor.model import Hit

_RATE_ENDINGS = RATE_WORDS


class GrimParams(Params):
    # words that make a count the sample a rate is taken over
    sample_words: tuple[str, ...] = ("抽查", "抽检", "抽样", "抽取", "调查", "问卷", "测评", "暗访")
    # words that make the count the cases found rather than the sample (完成检查1401对)
    done_words: tuple[str, ...] = ("完成", "已", "实际", "累计", "其中")
    largest_sample: int = 100000  # beyond it every rate of two decimals is possible


def _sample(analysis, rule, rate: Figure) -> Figure | None:
    """The one count before a rate in its sentence, cued as a sample, with no other figure between."""
    if rate.kind != "percent" or rate.in_list or rate.qualifier or not rate.metric.endswith(_RATE_ENDINGS):
        return None
    if rate.index == 0 or not 0 < rate.value < 100:
        return None  # 0, 100 and beyond: any sample gives them, or RB001 speaks
    sample = analysis.figures[rate.index - 1]
    text = analysis.text
    sentence_start, _ = text.sentence_span(rate.start)
    if sample.start < sentence_start or sample.kind != "count" or not sample.exact or sample.multiplier != 1 or sample.decimals:
        return None
    if not 0 < sample.value <= rule.options.largest_sample:
        return None
    if rate.index >= 2 and analysis.figures[rate.index - 2].start >= sentence_start and analysis.figures[rate.index - 2].kind == "count":
        return None  # a second count: a numerator may be stated, RT001's business
    clause_start, _ = text.clause_span(sample.start)
    head = text.norm[clause_start : sample.number_start]
    if not any(word in head for word in rule.options.sample_words) or any(word in head for word in rule.options.done_words):
        return None
    return sample


def possible(rate: Figure, sample: Figure) -> bool:
    """Whether some whole k of n gives the stated rate (rounded or truncated)."""
    low, high = rate_interval(rate.written, rate.decimals, rate.qualifier)
    n = int(sample.value)
    k_low = max(0, ceil(low * n / 100))
    k_high = min(n, floor(high * n / 100))
    return any(low <= Fraction(100 * k, n) < high for k in range(k_low, k_high + 1))


class Grim(NumericCheck):
    """A rate over a stated sample that no whole number of cases can give."""

    name = "grim"
    params = GrimParams
    provides = frozenset({"metric", "stated", "sample", "nearest"})

    def columns(self, rule) -> tuple[str, ...]:
        return ("grim_possible",)

    def judged(self, analysis, rule) -> Mapping[int, tuple[Figure, Figure]]:
        with_parts = {r.rate.index for r in analysis.relations.ratios}
        judged = {}
        for figure in analysis.figures:
            if figure.kind == "percent" and figure.index not in with_parts:
                sample = _sample(analysis, rule, figure)
                if sample is not None:
                    judged[figure.index] = (figure, sample)
        return judged

    def row(self, analysis, rule, subject) -> dict[str, Any]:
        rate, sample = subject
        return {"grim_possible": possible(rate, sample)}

    def holds(self, row, rule) -> bool:
        return row.get("grim_possible") is not False

    def expectations(self, rule) -> list[Any]:
        import great_expectations.expectations as gxe

        return [gxe.ExpectColumnValuesToBeInSet(column="grim_possible", value_set=[True],
                                                 meta={"rule": rule.id, "role": "grim"})]

    def hit(self, analysis, rule, subject, row, failed_roles) -> Hit:
        rate, sample = subject
        n = int(sample.value)
        k = floor(Fraction(rate.written) * n / 100)
        neighbours = [j for j in (k, k + 1) if 0 <= j <= n]
        shown = "、".join(f"{j}/{n}={_two(Fraction(100 * j, n), rate.decimals)}%" for j in neighbours)
        return Hit(rate.start, rate.end,
                   {"metric": rate.metric, "stated": as_written(analysis, rate), "sample": as_written(analysis, sample),
                    "nearest": shown},
                   {"metric": rate.metric, "stated": rate.written, "sample": sample.value, "nearest": shown},
                   related=((sample.start, sample.end),), severity="")


def _two(value: Fraction, decimals: int) -> str:
    from auditor.arith import round_half_up

    return format(round_half_up(value, max(decimals, 2)), "f")


CHECKS = (Grim(),)
