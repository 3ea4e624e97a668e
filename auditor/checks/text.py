"""Checks on the words themselves: residue from web pages and templates, stray
characters, and the generic `phrase` / `pattern` checks users build rules on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from auditor.model import Analysis, Hit
from auditor.rulepack import Rule
from auditor.checks.base import Check, Params


@lru_cache(maxsize=256)
def _compile(patterns: tuple[str, ...], literal: bool) -> re.Pattern:
    parts = [re.escape(p) if literal else f"(?:{p})" for p in patterns]
    return re.compile("|".join(parts) if parts else "(?!)", re.MULTILINE)


def _per_line(analysis: Analysis, matches: list[re.Match]) -> Iterator[Hit]:
    """One finding per line: the first match to the last, every phrase named."""
    by_line: dict[int, list[re.Match]] = {}
    for match in matches:
        by_line.setdefault(analysis.text.line_of(match.start()), []).append(match)
    for line in sorted(by_line):
        group = by_line[line]
        start, end = group[0].start(), max(m.end() for m in group)
        phrases = []
        for m in group:
            quoted = analysis.text.original[m.start() : m.end()]
            if quoted not in phrases:
                phrases.append(quoted)
        yield Hit(start, end, {"phrase": "、".join(phrases)}, {"phrases": phrases})


def phrase(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """Any of params.phrases (literal text, matched after normalisation)."""
    phrases = rule.options.phrases + tuple(
        w for name in rule.options.vocabulary for w in analysis.pack.words(name)
    )
    pattern = _compile(tuple(sorted(set(phrases), key=len, reverse=True)), True)
    yield from _per_line(analysis, list(pattern.finditer(analysis.text.norm)))


@lru_cache(maxsize=256)
def _each(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    # compiled one by one: an alternation of them would lose the regex engine's
    # fast scan for a literal or a character-class prefix
    return tuple(re.compile(p, re.MULTILINE) for p in patterns)


def pattern(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """Any of params.patterns (Python regular expressions on the normalised text)."""
    norm = analysis.text.norm
    found = sorted((m for p in _each(rule.options.patterns) for m in p.finditer(norm)),
                   key=lambda m: (m.start(), -m.end()))
    kept: list[re.Match] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    yield from _per_line(analysis, kept)


_STRAY_RE = re.compile(r"(?<=[\u4e00-\u9fff])\?(?=[\u4e00-\u9fff\s。,]|$)|\ufffd")
_PINYIN_RE = re.compile(r"(?<=[\u4e00-\u9fff])[\[(]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*)[\])]")


def stray_characters(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A lone ASCII ? or a replacement character inside Chinese text; a pinyin gloss."""
    original = analysis.text.original
    for match in _STRAY_RE.finditer(original, re.MULTILINE):
        yield Hit(match.start(), match.end(), {"phrase": match.group(0)}, {"character": match.group(0)})
    for match in _PINYIN_RE.finditer(analysis.text.norm):
        yield Hit(match.start(), match.end(), {"phrase": original[match.start() : match.end()]},
                  {"pinyin": match.group(1)})


class PhraseParams(Params):
    phrases: tuple[str, ...] = ()  # literal text, matched after normalisation
    vocabulary: tuple[str, ...] = ()  # names of vocabulary lists whose words are phrases too


class PatternParams(Params):
    patterns: tuple[str, ...] = ()  # Python regular expressions on the normalised text

    def __post_init__(self) -> None:
        for expression in self.patterns:
            try:
                re.compile(expression)
            except re.error as exc:
                raise ValueError(f"bad pattern {expression}: {exc}") from None


PHRASE = frozenset({"phrase"})
CHECKS = (
    Check("phrase", phrase, PhraseParams, PHRASE),
    Check("pattern", pattern, PatternParams, PHRASE),
    Check("stray_character", stray_characters, Params, PHRASE),
)
