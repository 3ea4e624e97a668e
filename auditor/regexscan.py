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
from functools import lru_cache

try:  # the parser of the standard library's regex engine (3.11+: re._parser)
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older layouts: no pre-check, every text searched
    _sre_parse = None

# What every text holding a match holds: a literal (str), all of a tuple of
# requirements ("and", (...)), or one of them ("or", (...)).
Requirement = "str | tuple[str, tuple[Requirement, ...]]"


@lru_cache(maxsize=1024)
def required_literals(pattern: str, flags: int = 0) -> tuple:
    """Requirements every text a match of `pattern` is found in meets, all of
    them; () when nothing can be said."""
    if _sre_parse is None:
        return ()
    try:
        parsed = _sre_parse.parse(pattern, flags)
        if (parsed.state.flags | flags) & (re.IGNORECASE | re.VERBOSE):
            return ()  # literals would need case folding; keep it simple
        return tuple(_sequence(list(parsed)))
    except (re.error, RecursionError, TypeError, ValueError):
        return ()


def may_match(compiled: re.Pattern, text: str) -> bool:
    """False only when `compiled` surely has no match in `text`."""
    return all(_holds(requirement, text) for requirement in required_literals(compiled.pattern, compiled.flags))


def _holds(requirement, text: str) -> bool:
    if isinstance(requirement, str):
        return requirement in text
    kind, parts = requirement
    if kind == "and":
        return all(_holds(part, text) for part in parts)
    return any(_holds(part, text) for part in parts)


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
