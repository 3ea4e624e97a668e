"""A long document audited a piece at a time, in memory bounded by the piece.

A 50 MB report holds about a million figures and several hundred thousand
findings: analysed whole, its figures, relations and findings need gigabytes.
Above `PIECE_CHARS` characters a plain-text document is cut into pieces at
section boundaries (before an outline heading, else after a blank line, else
after a line that ends a sentence; never inside a paragraph), and each piece
is analysed, checked and turned into findings on its own, with its offset;
then its figures and relations are dropped. Only what the whole document
decides is kept across pieces:

- the normalised text's Traditional-or-not decision and the hard-wrap width
  (auditor.spans), taken from the whole text, so every piece reads its lines
  as the whole would;
- the checks that read the text as a whole (`Check.whole_text`: outline
  numbering, the title's year) run once on the whole text, and their hits
  go to the piece they fall in;
- a check that compares figures across the document (CF001) keeps its state
  in `Analysis.carry`;
- the web page's debris tail (`debris_tail_start`) and the trailing menu
  (`Analysis.at_document_end`) are the document's end, not a piece's.

Relations never cross a section boundary (a denominator is looked for in the
paragraphs of the same section, a change in its sentence), so the findings are
those of the whole document but where a relation would have spanned a cut
with no heading or blank line to cut at, and CF001 on quantities, which
decides from the whole document which values to compare (those whose unit and
leading words another value shares) and which year a 全年 is: a piece knows
the values and years of the pieces before it and its own, not of those after
it, and reads a quantity's period in the 300 characters before it within
itself. So a count first stated in an earlier piece may go uncompared (never
a finding the whole document would not support), or be reported at a later
restatement. Findings are held compressed
(`FindingPages`) and the positions in them are the document's.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from auditor.audit import (analyse_text, debris_tail_start, suppression_notices, to_findings,
                           unused_suppression_notes)
from auditor.checks import registry
from auditor.locate import locator
from auditor.model import Analysis, Finding, FindingPages, Hit
from auditor.normalise import normalise
from auditor.read import Document, without_surrogates
from auditor.relate import _HEADING_RE as _SECTION_HEADING_RE  # where relate's look-back stops
from auditor.rulepack import RulePack
from auditor.spans import Text, wrap_width

PIECE_CHARS = 400_000  # characters of a piece: a few tens of MiB of figures and findings

_MD_HEADING_RE = re.compile(r"#{1,6}[ \t]")
_SENTENCE_END = "。!?;:"


def pieceable(document: Document, piece_chars: int | None = None) -> bool:
    """Worth cutting, and cut without loss: long plain text (a .docx's blocks,
    tables and comments, and Markdown tables, point into the whole text)."""
    return (len(document.text) > (piece_chars or PIECE_CHARS) and not document.blocks and not document.tables
            and not document.comments)


def line_starts(text: str) -> array:
    starts = array("q", [0])
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def cuts(norm: str, piece_chars: int | None = None) -> list[int]:
    """Where the pieces start (the first is 0): each cut is the best boundary
    in the second half of a piece's span, by preference the start of an
    outline heading, the line after a blank line, the line after one that ends
    a sentence, a sentence end in a long line, and only then a hard cut."""
    piece_chars = piece_chars or PIECE_CHARS
    starts = [0]
    length = len(norm)
    while length - starts[-1] > piece_chars:
        low, high = starts[-1] + piece_chars // 2, starts[-1] + piece_chars
        starts.append(_best_cut(norm, low, high))
    return starts


def _best_cut(norm: str, low: int, high: int) -> int:
    blank = after_sentence = None
    position = norm.rfind("\n", low, high)
    while position > low:
        cut = position + 1
        previous = norm[norm.rfind("\n", 0, position) + 1 : position]
        if "auditor:" not in previous:  # an ignore marker covers the line after it: keep them together
            if (_SECTION_HEADING_RE.match(norm, cut) and not norm[cut : cut + 1].isspace()) \
                    or _MD_HEADING_RE.match(norm, cut):
                return cut
            if blank is None and not previous.strip():
                blank = cut
            elif after_sentence is None and previous.rstrip()[-1:] in _SENTENCE_END:
                after_sentence = cut
        position = norm.rfind("\n", low, position)
    if blank is not None:
        return blank
    if after_sentence is not None:
        return after_sentence
    end = max(norm.rfind(mark, low, high) for mark in "。!?;")
    return end + 1 if end >= 0 else high


@dataclass(frozen=True)
class Whole:
    """What the pieces of one document share: the document's text without
    its figures, and what is decided on the whole of it."""

    document: Document
    norm: str
    shell: Analysis  # the whole text, no figures: for the whole-text checks and the debris tail
    width: int | None  # the hard-wrap width (auditor.spans.wrap_width)
    tail: int  # where the web page's debris starts (auditor.audit.debris_tail_start)
    starts: tuple[int, ...]  # where each piece starts

    @property
    def text(self) -> Text:
        return self.shell.text


def whole(document: Document, pack: RulePack, piece_chars: int | None = None) -> Whole:
    document = without_surrogates(document)
    norm = normalise(document.text)
    text = Text(document.text, norm, line_starts(document.text), (), ())
    shell = Analysis(document.path, text, (), (), pack)
    return Whole(document, norm, shell, wrap_width(norm, text.line_starts), debris_tail_start(shell),
                 tuple(cuts(norm, piece_chars)))


def analysed_pieces(whole: Whole, pack: RulePack, carry: dict[str, Any] | None = None) -> Iterator[Analysis]:
    """Each piece analysed, one at a time; their checks carry state in one dict."""
    original, starts = whole.document.text, whole.starts
    carry = {} if carry is None else carry
    for start, end in zip(starts, (*starts[1:], len(original))):
        lines_before = bisect_right(whole.text.line_starts, start) - 1 if start else 0
        yield analyse_text(
            Document(whole.document.path, original[start:end], whole.document.encoding), pack, whole.norm[start:end],
            whole.width, offset=start, lines_before=lines_before, at_document_end=end == len(original),
            carry=carry)


def audit_in_pieces(document: Document, pack: RulePack, lang: str, piece_chars: int | None = None
                    ) -> tuple[FindingPages, int, tuple[Finding, ...], tuple[str, ...]]:
    """Findings, the number silenced, AU001 notes and notices of a long document,
    as auditor.runner gets them from a whole one."""
    context = whole(document, pack, piece_chars)
    checks = registry()
    rules = pack.enabled()
    whole_rules = [rule for rule in rules if getattr(checks.get(rule.check), "whole_text", False)]
    piece_rules = [rule for rule in rules if rule not in whole_rules]
    whole_hits = [(rule, hit) for rule in whole_rules for hit in checks.get(rule.check).hits(context.shell, rule)]
    place = locator(context.shell)
    carry: dict[str, Any] = {}
    quiet_total = 0
    unused: list[Finding] = []
    store = FindingPages()
    for piece in analysed_pieces(context, pack, carry):
        start, end = piece.offset, piece.offset + len(piece.text.original)
        hits = [(rule, hit) for rule in piece_rules for hit in checks.get(rule.check).hits(piece, rule)]
        hits.extend((rule, _moved(hit, -start)) for rule, hit in whole_hits if start <= hit.start < end)
        findings, quiet = to_findings(piece, hits, lang, tail=context.tail - start,
                                      at=(start, context.text, place) if start else None)
        quiet_total += quiet
        store.extend(findings)
        unused.extend(_in_document(f, start, context.text, place) for f in unused_suppression_notes(piece, hits, lang))
        del piece, hits, findings  # the next piece's figures replace these, not join them
    return store, quiet_total, tuple(unused), suppression_notices(context.shell, lang)


def _moved(hit: Hit, by: int) -> Hit:
    return replace(hit, start=hit.start + by, end=hit.end + by,
                   related=tuple((s + by, e + by) for s, e in hit.related))


def _in_document(finding: Finding, offset: int, whole: Text, place) -> Finding:
    """A piece's finding with the document's offsets, lines, columns and location."""
    if not offset:
        return finding  # the first piece is the document's beginning: the same places
    start, end = finding.start + offset, finding.end + offset
    line, column = whole.locate(start)
    end_line, end_column = whole.locate(max(end - 1, start))
    related = tuple({**entry, **dict(zip(("line", "column", "start", "end"),
                                           (*whole.locate(entry["start"] + offset), entry["start"] + offset,
                                            entry["end"] + offset)))} for entry in finding.related)
    return replace(finding, start=start, end=end, line=line, column=column, end_line=end_line,
                   end_column=end_column + 1, related=related, location=place(start, end))
