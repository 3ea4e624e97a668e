"""Inline suppression: `auditor: ignore [names]` markers, and which of them
silenced nothing.

A marker is one of
- `<!-- auditor: ignore RT001 -->` anywhere in a line (text, Markdown, and a
  Word paragraph typed that way);
- a line (a Word paragraph) that holds nothing but `auditor: ignore RT001`
  (full-width colon too: `auditor：ignore`);
- a Word comment whose text is `auditor: ignore RT001`, on the paragraphs it
  is anchored to.
A line marker covers its own line and the next; a Word comment covers the
paragraphs (or table rows) it is attached to. Names are rule ids, rule names
or categories, separated by spaces or commas; none means every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from auditor.model import Analysis

_COMMENT_RE = re.compile(r"<!--\s*auditor:\s*ignore(?P<rules>[^>]*?)-->")
_LINE_RE = re.compile(r"^[ \t]*auditor:\s*ignore(?P<rules>(?:[ \t,][^\n]*)?)$", re.MULTILINE)
_WORD_COMMENT_RE = re.compile(r"^\s*auditor\s*[:：]\s*ignore(?P<rules>(?:[\s,].*)?)$", re.DOTALL)


@dataclass(frozen=True)
class Marker:
    start: int  # where the marker (or the text its Word comment is anchored to) is
    end: int
    names: tuple[str, ...]
    covers: tuple[int, int]  # the text offsets whose findings it silences

    def silences(self, rule, offset: int) -> bool:
        return self.covers[0] <= offset < self.covers[1] and (
            not self.names or rule.id in self.names or rule.name in self.names or rule.category in self.names)


def _names(raw: str) -> tuple[str, ...]:
    return tuple(raw.replace(",", " ").replace("，", " ").split())


def find_markers(analysis: Analysis) -> tuple[Marker, ...]:
    """Every marker in the document, in text order."""
    text = analysis.text
    norm = text.norm
    markers: list[Marker] = []
    if "auditor:" in norm:
        starts = text.line_starts
        for pattern in (_COMMENT_RE, _LINE_RE):
            for match in pattern.finditer(norm):
                line = text.line_of(match.start())  # 1-based
                cover_end = starts[line + 1] if line + 1 < len(starts) else len(norm)
                markers.append(Marker(match.start(), match.end(), _names(match.group("rules")),
                                      (starts[line - 1], cover_end)))
    for start, end, comment in analysis.comments:
        match = _WORD_COMMENT_RE.match(comment)
        if match:
            markers.append(Marker(start, end, _names(match.group("rules")), (start, end)))
    return tuple(sorted(markers, key=lambda m: (m.start, m.end)))


def silencing(markers: Iterable[Marker], rule, offset: int) -> Marker | None:
    return next((m for m in markers if m.silences(rule, offset)), None)


def unused(markers: tuple[Marker, ...], hits) -> tuple[Marker, ...]:
    """The markers that silence none of `hits` (the document's findings before suppression)."""
    used = {id(m) for rule, hit in hits if (m := silencing(markers, rule, hit.start)) is not None}
    return tuple(m for m in markers if id(m) not in used)
