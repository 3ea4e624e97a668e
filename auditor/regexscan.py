"""Skip a regular expression over a text it cannot match.

A pattern such as `(?<=[\\u4e00-\\u9fff])篇\\d{1,2}[ \\t]*$` starts with an
assertion, so the regex engine cannot jump to candidate positions: it tries
every character of the text. But every match of it holds the literal 篇, and
`"篇" in text` is a fast scan. `required_literals` reads, from the parsed
pattern, literals every match must contain (as a conjunction of
alternatives: 立即下载 or 免费下载 or …); `may_match` says whether a text holds
them. A text without them has no match, so skipping the search changes no
result; a text with them is searched as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from auditor import recache

try:  # the parser of the standard library's regex engine (3.11+: re._parser)
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older layouts: no pre-check, every text searched
    _sre_parse = None

# What every text holding a match holds: a literal (str), all of a tuple of
# requirements ("and", (...)), or one of them ("or", (...)).
Requirement = "str | tuple[str, tuple[Requirement, ...]]"


def required_literals(pattern: str, flags: int = 0) -> tuple:
    """Requirements every text a match of `pattern` is found in meets, all of
    them; () when nothing can be said."""
    return _analysis(pattern, flags)[0]


@lru_cache(maxsize=1024)
def _analysis(pattern: str, flags: int) -> tuple[tuple, tuple, tuple]:
    """required_literals, line_anchors and _clauses of a pattern. A parse costs
    about a tenth of a millisecond, paid by every run's first document (10 ms
    for the pack's patterns): the command keeps the readings with its compiled
    patterns (auditor.recache), and reads them back on the next start."""
    known = recache.recall_reading(pattern, flags)
    if known is not None:
        return known
    requirements, anchors = _reading(pattern, flags)
    analysis = (requirements, anchors, tuple(_as_alternatives(requirement) or [requirement] for requirement in requirements))
    recache.keep_reading(pattern, flags, analysis)
    return analysis


def _reading(pattern: str, flags: int) -> tuple[tuple, tuple]:
    """required_literals and line_anchors of a pattern, from one parse."""
    if _sre_parse is None:
        return (), ()
    try:
        parsed = _sre_parse.parse(pattern, flags)
        all_flags = parsed.state.flags | flags
        if all_flags & (re.IGNORECASE | re.VERBOSE):
            return (), ()  # literals would need case folding; keep it simple
        items = list(parsed)
        requirements = tuple(_sequence(items))
    except (re.error, RecursionError, TypeError, ValueError):
        return (), ()
    try:
        if not _on_one_line(items, all_flags):
            return requirements, ()
    except (RecursionError, TypeError, ValueError):
        return requirements, ()
    choices = [alternatives for alternatives in map(_alternatives, requirements) if alternatives]
    # a long literal, and few of them, is rarer in a text than one character of many
    return requirements, tuple(sorted(choices, key=lambda alts: (-min(map(len, alts)), len(alts))))


def may_match(compiled: re.Pattern, text: str) -> bool:
    """False only when `compiled` surely has no match in `text`."""
    clauses = _analysis(compiled.pattern, compiled.flags)[2]
    if not clauses:
        return True
    held = characters_of(text)
    for alternatives in clauses:  # all of them hold
        if type(alternatives) is not tuple:  # a requirement nested deeper: read as it is
            if not _holds(alternatives, text, held):
                return False
            continue
        for literals in alternatives:  # one of them holds
            for literal in literals:  # all of them are in the text
                found = held.get(literal)
                if found is None:
                    found = _present(literal, text, held)
                if not found:
                    break
            else:
                break
        else:
            return False
    return True


def _clauses(pattern: str, flags: int) -> tuple:
    """required_literals, each as a tuple of conjunctions of literals one of
    which holds, read with plain loops; a requirement nested deeper stays as
    it is (a list), read by _holds."""
    return _analysis(pattern, flags)[2]


def _as_alternatives(requirement) -> tuple[tuple[str, ...], ...]:
    """One of these conjunctions of literals holds; () when they cannot say it."""
    if isinstance(requirement, str):
        return ((requirement,),)
    kind, parts = requirement
    if kind == "and":
        return ((*parts,),) if all(isinstance(part, str) for part in parts) else ()
    alternatives: list[tuple[str, ...]] = []
    for part in parts:
        each = _as_alternatives(part)
        if not each:
            return ()
        alternatives.extend(each)
    # the shortest first: one character is known from the memo, a long literal costs a scan
    return tuple(sorted(alternatives, key=lambda literals: sum(map(len, literals))))


def _holds(requirement, text: str, held: dict[str, bool]) -> bool:
    if type(requirement) is list:
        return all(_holds(part, text, held) for part in requirement)
    if isinstance(requirement, str):
        found = held.get(requirement)
        return _present(requirement, text, held) if found is None else found
    kind, parts = requirement
    if kind == "and":
        return all(_holds(part, text, held) for part in parts)
    return any(_holds(part, text, held) for part in parts)


_last: tuple[str | None, dict[str, bool]] = (None, {})


def characters_of(text: str) -> dict[str, bool]:
    """Which characters `text` holds, found as asked and kept for the last
    text asked about (the checks ask about one document many times in a row):
    a literal with a character the text lacks is absent without scanning the
    text for the literal. (A set of all the text's characters would cost more:
    a string object made for each character.)"""
    global _last
    last_text, held = _last  # one tuple: read and replaced whole, safe across threads
    if text is not last_text:
        held = {}
        _last = (text, held)
    return held


_last_breaks: tuple[str | None, list[int]] = (None, [])


def line_start(text: str, position: int) -> int:
    """Where the line holding `position` starts. The positions of the text's
    line breaks are found once for the last text asked about: a search back
    from each position would read a long line again for each (a literal
    found on many lines, a document that is one line)."""
    global _last_breaks
    last_text, breaks = _last_breaks
    if text is not last_text:
        breaks = [match.start() for match in _BREAK_RE.finditer(text)]
        _last_breaks = (text, breaks)
    before = bisect_left(breaks, position)
    return breaks[before - 1] + 1 if before else 0


_BREAK_RE = re.compile("\n")


def _present(literal: str, text: str, held: dict[str, bool]) -> bool:
    """Whether `text` holds `literal`, remembered in `held` with its characters."""
    for char in literal:
        found = held.get(char)
        if found is None:
            found = held[char] = char in text
        if not found:
            break
    else:
        found = len(literal) == 1 or literal in text
    held[literal] = found
    return found


def _sequence(items: list) -> list:
    """Requirements of a sequence of parsed items: each required item's own,
    and each run of adjacent literals as one literal."""
    found: list = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append("".join(run))
            run.clear()

    for op, value in items:
        if op is _c.LITERAL:
            run.append(chr(value))
            continue
        flush()
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, inner = value
            if add_flags & re.IGNORECASE:
                continue
            found.extend(_sequence(list(inner)))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, inner = value
            inner = list(inner)
            if low >= 1 and len(inner) == 1 and inner[0][0] is _c.LITERAL:
                found.append(chr(inner[0][1]) * min(low, 16))  # /{5,}: /////
            elif low >= 1:
                found.extend(_sequence(inner))
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            found.extend(_sequence(list(value)))
        elif op is _c.BRANCH:
            _, branches = value
            each = [_sequence(list(branch)) for branch in branches]
            if each and all(each):  # a branch that requires nothing makes the choice require nothing
                found.append(("or", tuple(parts[0] if len(parts) == 1 else ("and", tuple(parts)) for parts in each)))
        elif op is _c.IN and 0 < len(value) <= 8 and all(kind is _c.LITERAL for kind, _ in value):
            found.append(("or", tuple(chr(char) for _, char in value)))  # [>›»]: one of a few characters
        elif op is _c.ASSERT:  # a positive lookahead or lookbehind reads text that is there
            _direction, inner = value
            found.extend(_sequence(list(inner)))
        # anything else (classes, any, anchors, negative assertions, back references) requires no literal
    flush()
    return found


# --- matches of a pattern that stays on one line, looked for only on the lines that can hold one ---

_NEWLINE = ord("\n")
_CATEGORIES_WITH_NEWLINE = frozenset(
    getattr(_c, name, None) for name in ("CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD",
                                         "CATEGORY_LINEBREAK", "CATEGORY_UNI_SPACE", "CATEGORY_UNI_NOT_DIGIT",
                                         "CATEGORY_UNI_NOT_WORD", "CATEGORY_UNI_LINEBREAK", "CATEGORY_LOC_NOT_WORD")
) - {None} if _sre_parse is not None else frozenset()
_CATEGORIES_WITHOUT_NEWLINE = frozenset(
    getattr(_c, name, None) for name in ("CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_NOT_SPACE",
                                         "CATEGORY_NOT_LINEBREAK", "CATEGORY_UNI_DIGIT", "CATEGORY_UNI_WORD",
                                         "CATEGORY_UNI_NOT_SPACE", "CATEGORY_UNI_NOT_LINEBREAK", "CATEGORY_LOC_WORD")
) - {None} if _sre_parse is not None else frozenset()
# anchors a search from a line's start to its end reads as the whole text's search does; not
# \Z, nor $ without MULTILINE (the text's end, or before a last \n): a line's end is not the text's
_ANCHORS_ON_ONE_LINE = frozenset(
    getattr(_c, name, None) for name in ("AT_BEGINNING", "AT_BEGINNING_STRING", "AT_BEGINNING_LINE", "AT_END_LINE",
                                         "AT_BOUNDARY", "AT_NON_BOUNDARY", "AT_UNI_BOUNDARY", "AT_UNI_NON_BOUNDARY")
) - {None} if _sre_parse is not None else frozenset()
_AT_END = getattr(_c, "AT_END", None) if _sre_parse is not None else None


def line_anchors(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...]:
    """For a pattern none of whose parts (lookarounds included) can match a
    line break, the choices of literals one of which every line holding a
    match holds (each choice a tuple of alternatives), most telling first;
    () when the pattern may cross a line, or nothing can be said."""
    return _analysis(pattern, flags)[1]


def _alternatives(requirement) -> tuple[str, ...]:
    """Literals one of which a text meeting the requirement holds; () when unknown."""
    if isinstance(requirement, str):
        return (requirement,)
    kind, parts = requirement
    if kind == "and":
        return next(filter(None, map(_alternatives, parts)), ())
    each = [_alternatives(part) for part in parts]
    return tuple(dict.fromkeys(a for alternatives in each for a in alternatives)) if all(each) else ()


def _on_one_line(items: list, flags: int) -> bool:
    """No part of the parsed items can match a line break, nor ends a match only at the text's end."""
    for op, value in items:
        if op is _c.LITERAL:
            ok = value != _NEWLINE
        elif op is _c.NOT_LITERAL:
            ok = value == _NEWLINE
        elif op is _c.ANY:
            ok = not flags & re.DOTALL
        elif op is _c.IN:
            ok = not _set_has_newline(value)
        elif op is _c.AT:
            # $ is parsed as the text's end; MULTILINE compiles it to a line's end
            ok = value in _ANCHORS_ON_ONE_LINE or value is _AT_END and bool(flags & re.MULTILINE)
        elif op is _c.SUBPATTERN:
            ok = _on_one_line(list(value[3]), flags)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            ok = _on_one_line(list(value[2]), flags)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            ok = _on_one_line(list(value), flags)
        elif op is _c.BRANCH:
            ok = all(_on_one_line(list(branch), flags) for branch in value[1])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            ok = _on_one_line(list(value[1]), flags)
        elif op is _c.GROUPREF:
            ok = True  # the group's own parts are judged where it stands
        else:
            ok = False  # conditionals and anything else: not judged, the whole text is searched
        if not ok:
            return False
    return True


def _set_has_newline(items: list) -> bool:
    negate, holds = False, False
    for op, value in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            holds = holds or value == _NEWLINE
        elif op is _c.RANGE:
            holds = holds or value[0] <= _NEWLINE <= value[1]
        elif op is _c.CATEGORY and value in _CATEGORIES_WITH_NEWLINE:
            holds = True
        elif op is _c.CATEGORY and value in _CATEGORIES_WITHOUT_NEWLINE:
            pass
        else:
            return True  # not judged: as if it could
    return holds != negate


_MOST_ALTERNATIVES = 6


def finditer(compiled: re.Pattern, text: str, most_lines: int | None = None):
    """The matches of compiled.finditer(text), the same ones in the same order.

    A pattern that stays on one line (`line_anchors`) is searched only on the
    lines holding one of its literals: searched from a line's start to its end
    (`pos`, `endpos`), it sees what it would see in the whole text, since
    lookbehinds read before `pos` and a line break is the one thing past
    `endpos` any part of it could have read. When more than `most_lines`
    lines (by default one per 256 characters) hold the literal, the whole
    text is searched: a search per line would cost more."""
    if not may_match(compiled, text):
        return iter(())
    anchors = line_anchors(compiled.pattern, compiled.flags)
    if not anchors:
        return compiled.finditer(text)
    most = len(text) // 256 if most_lines is None else most_lines
    held = characters_of(text)
    lines: set[int] | None = None
    for alternatives in anchors[:1]:  # every line holding a match holds one of each
        if len(alternatives) > _MOST_ALTERNATIVES:
            break  # a search of the text for each would cost more than the regex engine's own scan
        holding = _lines_holding(text, [a for a in alternatives if (held[a] if a in held else _present(a, text, held))], most)
        if holding is not None:
            lines = holding if lines is None else lines & holding
            if not lines:
                return iter(())
    if lines is None:
        return compiled.finditer(text)
    return _search_lines(compiled, text, sorted(lines))


def _lines_holding(text: str, literals: list[str], most: int) -> set[int] | None:
    """The starts of the lines holding one of the literals; None past `most` lines."""
    starts: set[int] = set()
    for literal in literals:
        position = text.find(literal)
        while position >= 0:
            starts.add(line_start(text, position))
            if len(starts) > most:
                return None
            end = text.find("\n", position + len(literal))
            if end < 0:
                break
            position = text.find(literal, end + 1)
    return starts


def _search_lines(compiled: re.Pattern, text: str, starts: list[int]):
    for start in starts:
        end = text.find("\n", start)
        yield from compiled.finditer(text, start, len(text) if end < 0 else end)


def finditer_from(compiled: re.Pattern, starts: re.Pattern, text: str) -> Iterator[re.Match]:
    """The matches of compiled.finditer(text), the same ones in the same order,
    for a pattern every match of which begins where `starts` matches (the
    caller's promise: `(?<![\\d.])\\d` for a pattern whose every branch opens
    with a digit not after a digit or a dot).

    A pattern that opens with alternatives or a group is tried by the regex
    engine at every position of the text; `starts`, opening with a character
    class, is found by the engine's fast scan, and `compiled` is tried only
    there (`match` at a position reads the text before it, as lookbehinds
    need). A match's end is where the next search begins, as in finditer.
    Where the engine's code for `compiled` skips to its first characters itself
    (compiled through auditor.recache), its own search is the faster one."""
    if recache.scans_for_first_characters(compiled):
        yield from compiled.finditer(text)
        return
    search, match = starts.search, compiled.match
    position = 0
    while (start := search(text, position)) is not None:
        position = start.start()
        found = match(text, position)
        if found is None:
            position += 1
            continue
        yield found
        position = max(found.end(), position + 1)


# --- many patterns over one text: which of them can match, found in one pass ---------------

@dataclass(frozen=True)
class PatternSet:
    """Patterns searched in one text one after another (a rule's list of
    debris patterns). Asking each whether the text holds its literals costs a
    call per pattern, most of them to hear no. Here each pattern is indexed
    by literals one of which every match holds (`_telling_literals`), and one
    pass of an Aho-Corasick automaton finds where the text holds the longer
    ones; only the patterns one of whose literals is there are searched. A
    pattern that stays on one line, indexed by its line anchors, is searched
    only on the lines the automaton found them on: the same matches, in the
    same order, as `finditer`."""

    patterns: tuple[re.Pattern, ...]
    telling: tuple[tuple[str, ...], ...]  # per pattern; () when nothing can be said
    by_lines: tuple[bool, ...]  # telling literals are line anchors, all longer than a character
    unindexed: tuple[int, ...]  # always searched
    by_literal: dict[str, tuple[int, ...]]
    characters: tuple[str, ...]  # one-character literals: `in` is a fast scan of its own
    longer: tuple[str, ...]  # the automaton's literals, in its order
    absent: dict[str, bool]  # each of them, False
    automaton: ahocorasick_rs.AhoCorasick | None

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Each pattern's matches in `text` (`finditer`), the patterns in their order."""
        where: dict[str, list[int]] = {}
        if self.automaton is not None:
            longer = self.longer
            for index, start, _end in self.automaton.find_matches_as_indexes(text, overlapping=True):
                where.setdefault(longer[index], []).append(start)
            # every longer literal the patterns ask about is known now: may_match reads it from the memo
            held = characters_of(text)
            held.update(self.absent)
            held.update(dict.fromkeys(where, True))
        found = set(self.unindexed)
        by_literal = self.by_literal
        for character in self.characters:
            if character in text:
                found.update(by_literal[character])
        for literal in where:
            found.update(by_literal.get(literal, ()))
        for index in sorted(found):
            compiled = self.patterns[index]
            if not self.by_lines[index]:
                yield from finditer(compiled, text)
            elif may_match(compiled, text):
                found_at = [start for literal in self.telling[index] if literal in where for start in where[literal]]
                if len(found_at) > len(text) // 256:
                    yield from compiled.finditer(text)  # on most lines: one search of the text costs less
                    continue
                yield from _search_lines(compiled, text, sorted({line_start(text, start) for start in found_at}))


def pattern_set(patterns: tuple[re.Pattern, ...]) -> PatternSet:
    telling = tuple(map(_telling_literals, patterns))
    by_lines = tuple(bool(literals) and literals == _line_literals(compiled) and min(map(len, literals)) > 1
                     for compiled, literals in zip(patterns, telling))
    by_literal: dict[str, list[int]] = {}
    for index, literals in enumerate(telling):
        for literal in literals:
            by_literal.setdefault(literal, []).append(index)
    asked = {literal for compiled in patterns for literal in _literals_asked(compiled)}
    longer = tuple(sorted(literal for literal in asked | set(by_literal) if len(literal) > 1))
    return PatternSet(patterns, telling, by_lines, tuple(i for i, literals in enumerate(telling) if not literals),
                      {literal: tuple(found) for literal, found in by_literal.items()},
                      tuple(sorted(literal for literal in by_literal if len(literal) == 1)), longer,
                      dict.fromkeys(longer, False), ahocorasick_rs.AhoCorasick(longer) if longer else None)


def _literals_asked(compiled: re.Pattern) -> Iterator[str]:
    """Every literal may_match may look for in a text for this pattern."""
    def walk(requirement) -> Iterator[str]:
        if isinstance(requirement, str):
            yield requirement
        else:
            for part in requirement[1]:
                yield from walk(part)
    for requirement in required_literals(compiled.pattern, compiled.flags):
        yield from walk(requirement)


def _line_literals(compiled: re.Pattern) -> tuple[str, ...]:
    anchors = line_anchors(compiled.pattern, compiled.flags)
    return anchors[0] if anchors else ()


def _telling_literals(compiled: re.Pattern) -> tuple[str, ...]:
    """Literals one of which every text holding a match holds: for a pattern
    that stays on one line its first line anchors (every line holding a match
    holds one), else the rarest choice its requirements offer (long literals,
    few of them); () when nothing can be said."""
    on_a_line = _line_literals(compiled)
    if on_a_line:
        return on_a_line
    requirements = required_literals(compiled.pattern, compiled.flags)
    choices = [alternatives for alternatives in map(_alternatives, requirements) if alternatives]
    if not choices:
        return ()
    return min(choices, key=lambda alternatives: (-min(map(len, alternatives)), len(alternatives)))
