"""One metric for one subject, stated twice with values that cannot both hold."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.arith import interval
from auditor.checks.base import Check, Params
from auditor.checks.common import as_written, is_listed
from auditor.lexicon import APPROXIMATE_WORDS
from auditor.model import Analysis, Hit
from auditor.relate import direction_of
from auditor.rulepack import Rule

_LEADING_RE = re.compile(r"^(?:截至|截止|到)?(?:目前|今年|本年|年底|\d+月底?)?[,]?")


def metric_key(subject: str, metric: str, scope_words: tuple[str, ...]) -> str:
    subject = re.sub(r"[\s,、:“”\"]", "", subject)
    subject = _LEADING_RE.sub("", subject)
    for word in scope_words:
        if subject.startswith(word):
            subject = subject[len(word) :]
            break
    return subject + metric


def conflict(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    generic = set(rule.options.generic_metrics)
    scope_words = tuple(sorted(rule.options.scope_words, key=len, reverse=True))
    first_seen: dict[str, object] = {}
    # a rate given with its own numerator and denominator names its own population
    computed = {relation.rate.index for relation in analysis.relations.ratios}
    reported: set[str] = set()
    keys: dict[tuple[str, str], str] = {}
    for figure in analysis.figures:
        if figure.kind != "percent" or not figure.metric or figure.in_list or direction_of(figure.metric):
            continue
        if figure.qualifier in APPROXIMATE_WORDS:
            continue
        if figure.index in computed or is_listed(analysis, figure):
            continue
        key = keys.get((figure.subject, figure.metric))
        if key is None:
            key = keys[(figure.subject, figure.metric)] = metric_key(figure.subject, figure.metric, scope_words)
        if key in generic or len(key) < 3:
            continue
        earlier = first_seen.get(key)
        if earlier is None:
            first_seen[key] = figure
            continue
        low_a, high_a = interval(earlier.written, earlier.decimals, 1, earlier.qualifier, rounded=True)
        low_b, high_b = interval(figure.written, figure.decimals, 1, figure.qualifier, rounded=True)
        if high_a < low_b or high_b < low_a:
            if key in reported:
                continue
            reported.add(key)
            first_line, _ = analysis.text.locate(earlier.start)
            yield Hit(
                figure.start,
                figure.end,
                {
                    "metric": key,
                    "first": as_written(analysis, earlier),
                    "second": as_written(analysis, figure),
                    "first_line": first_line,
                },
                {"metric": key, "values": [earlier.written, figure.written]},
                related=((earlier.start, earlier.end),),
            )


class ConflictParams(Params):
    generic_metrics: tuple[str, ...] = ()  # metrics that say nothing without their subject (完成率 of what?)
    scope_words: tuple[str, ...] = ()  # leading words that do not change the subject (全县, 今年)


CHECKS = (Check("conflict", conflict, ConflictParams, frozenset({"metric", "first", "second", "first_line"})),)
