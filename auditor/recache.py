"""Compiled regular expressions kept between runs of the command.

Python compiles a regular expression in Python code (parse, optimise, emit
the engine's code); a class such as [\\u4e00-\\u9fff] alone costs about a
millisecond, and the rule pack and the checks hold a few hundred patterns:
about 90 ms of a 0.25 s cold start. The engine's code for a pattern depends
only on the pattern, its flags and the Python build, so the command keeps it
in the user's cache directory (platformdirs; `AUDITOR_CACHE_DIR` overrides it,
`AUDITOR_NO_CACHE=1` turns the cache off) and hands it to the engine directly
on the next run. `re` validates the code it is given; an unreadable, corrupt,
foreign (another Python) or tampered-with file is ignored and rebuilt. Only the
command installs it (`install`); importing the package changes nothing.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from pathlib import Path

try:  # the blake2 of hashlib, without hashlib's loading of OpenSSL (2 ms of every start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

try:
    import _sre
    from re import _compiler, _parser
    from re import _constants as _c
except ImportError:  # pragma: no cover - not CPython: nothing is cached
    _sre = None

FORMAT = 1
MAX_ENTRIES = 4096
_DIGEST = 32  # blake2b digest size at the start of the file

_entries: dict[tuple[str, int], tuple] = {}
_used: set[tuple[str, int]] = set()  # the keys this process compiled or read: what the file keeps
_added = False
_path: Path | None = None


def cache_dir() -> Path | None:
    """Where the command keeps what it may rebuild: never beside the user's files."""
    if os.environ.get("AUDITOR_NO_CACHE"):
        return None
    given = os.environ.get("AUDITOR_CACHE_DIR")
    if given:
        return Path(given)
    if sys.platform.startswith("linux"):
        # what platformdirs answers on Linux, without importing it (9 ms: tempfile, shutil, lzma)
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):
            home = os.path.expanduser("~")
            if not os.path.isabs(home):
                return None
            base = os.path.join(home, ".cache")
        return Path(base, "auditor")
    import platformdirs

    return Path(platformdirs.user_cache_dir("auditor", appauthor=False))


def cache_file(directory: Path) -> Path:
    """One file per Python build, regex engine and version of the code that
    reads patterns (this module and auditor.regexscan, whose readings it keeps
    too): another build's code, or an older reading, is never read."""
    tag = blake2b(f"{FORMAT}|{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}".encode(),
                          digest_size=8)
    here = Path(__file__)
    for source in (here, here.with_name("regexscan.py")):
        tag.update(source.read_bytes())  # OSError (no source installed): no cache
    return directory / f"regex-{tag.hexdigest()}.marshal"


def install() -> None:
    """Serve `re.compile` from the cache for the rest of this process, and
    write what was compiled anew when the process ends."""
    global _path
    if _sre is None or getattr(_compiler.compile, "_auditor_cached", False):
        return
    try:
        directory = cache_dir()
    except Exception:  # no home directory, an odd platform: run without a cache
        return
    if directory is None:
        return
    try:
        _path = cache_file(directory)
    except OSError:
        return
    _entries.update(read(_path))
    original = _compiler.compile

    def compile(p, flags=0):
        flags = int(flags)
        if type(p) is str and not flags & re.DEBUG:
            entry = _entries.get((p, flags))
            if entry is not None:
                try:
                    compiled = _sre.compile(p, *entry)
                    _used.add((p, flags))
                    return _noted(compiled, entry)
                except Exception:  # not code this engine accepts: compile it as usual
                    del _entries[(p, flags)]
            compiled, entry = _compile(p, flags)
            _remember((p, flags), entry)
            return _noted(compiled, entry)
        return original(p, flags)

    compile._auditor_cached = True
    _compiler.compile = compile
    import atexit

    atexit.register(save)


def _compile(pattern: str, flags: int) -> tuple[re.Pattern, tuple]:
    """What re._compiler.compile does, keeping the arguments it gives the engine."""
    return _compile_parsed(pattern, _parser.parse(pattern, flags), flags)


def _remember(key: tuple[str, int], entry: tuple) -> None:
    global _added
    _entries[key] = entry
    _used.add(key)
    _added = True


def read(path: Path) -> dict[tuple[str, int], tuple]:
    """The cached entries, or none when the file is missing, corrupt or not ours."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    digest, payload = data[:_DIGEST], data[_DIGEST:]
    if blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return {}
    try:
        entries = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return {}
    return entries if _well_formed(entries) else {}


def _well_formed(entries) -> bool:
    if not isinstance(entries, dict):
        return False
    for key, entry in entries.items():
        if not (isinstance(key, tuple) and len(key) == 2 and type(key[0]) is str and type(key[1]) is int):
            return False
        if key[1] & _DATA:
            if type(entry) is not bytes:
                return False
            continue
        if key[1] & _READING:
            if not (type(entry) is tuple and len(entry) == 3 and all(_plain(part, 0) for part in entry)):
                return False
            continue
        if not (isinstance(entry, tuple) and len(entry) == 5 and type(entry[0]) is int and type(entry[1]) is list
                and type(entry[2]) is int and type(entry[3]) is dict and type(entry[4]) is tuple):
            return False
    return True


def save() -> None:
    """Write this run's entries if it compiled any anew: to a temporary file
    renamed into place, so a reader never sees half a file; failures are silent
    (a read-only home directory only costs the next run its head start)."""
    global _added
    stale = len(_entries) > 2 * len(_used) + 64  # mostly patterns no run of late has used
    if not (_added or stale) or _path is None:
        return
    _added = False
    try:
        # this run's patterns only: a pack edited again and again, or a test run, must not
        # leave the file (read at every start) growing with patterns no run uses any more
        kept = {key: _entries[key] for key in _used if key in _entries}
        if len(kept) > MAX_ENTRIES:
            return
        payload = marshal.dumps(kept)
        data = blake2b(payload, digest_size=_DIGEST).digest() + payload
        _path.parent.mkdir(parents=True, exist_ok=True)
        temporary = _path.with_name(f"{_path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, _path)
    except (OSError, ValueError):
        try:
            temporary.unlink()
        except (OSError, NameError):
            pass


# --- what auditor.regexscan reads from a pattern ----------------------------------------------

_READING = 1 << 25  # marks a cache key holding a reading (no re flag uses this bit)


def recall_reading(pattern: str, flags: int) -> tuple | None:
    """What `keep_reading` kept for this pattern, in this or an earlier run."""
    key = (pattern, int(flags) | _READING)
    reading = _entries.get(key)
    if reading is not None:
        _used.add(key)
    return reading


def keep_reading(pattern: str, flags: int, reading: tuple) -> None:
    """Keep, while the cache is installed, what a pattern's analysis gave: tuples,
    lists and strings (checked, as a file read back is: `_plain`)."""
    if _path is not None and _plain(reading, 0):
        _remember((pattern, int(flags) | _READING), reading)


def _plain(value, depth: int) -> bool:
    """Strings, in tuples and lists nested a few levels at most."""
    if type(value) is str:
        return True
    return type(value) in (tuple, list) and depth < 16 and all(_plain(part, depth + 1) for part in value)


# --- data read from a text (the rule pack's YAML) ------------------------------------------------

_DATA = 1 << 26  # marks a cache key holding data read from a text (no re flag uses this bit)


def recall_data(kind: str, source: str):
    """What `keep_data` kept for this kind of reading of this text, a fresh
    copy each time (the caller may change it); None when nothing is kept."""
    key = (_data_key(kind, source), _DATA)
    kept = _entries.get(key)
    if kept is None:
        return None
    try:
        data = marshal.loads(kept)
    except (ValueError, EOFError, TypeError):
        data = None
    if not _plain_data(data, 0):
        del _entries[key]
        return None
    _used.add(key)
    return data


def keep_data(kind: str, source: str, data) -> None:
    """Keep, while the cache is installed, data read from `source`: dicts,
    lists, strings, numbers, booleans and None only."""
    if _path is not None and data is not None and _plain_data(data, 0):
        _remember((_data_key(kind, source), _DATA), marshal.dumps(data))


def _data_key(kind: str, source: str) -> str:
    return f"{kind}|{blake2b(source.encode('utf-8', 'surrogatepass'), digest_size=16).hexdigest()}"


def _plain_data(value, depth: int) -> bool:
    if value is None or type(value) in (str, int, float, bool):
        return True
    if depth >= 64:
        return False
    if type(value) is list:
        return all(_plain_data(part, depth + 1) for part in value)
    if type(value) is dict:
        return all(type(key) in (str, int, float, bool) and _plain_data(part, depth + 1) for key, part in value.items())
    return False


# --- a leading lookbehind moved after the character it precedes ------------------------------

_HOISTED = 1 << 24  # marks a cache key compiled by compile_scanning (no re flag uses this bit)


def compile_scanning(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, the same matches, found faster when the
    pattern starts with a lookbehind.

    The regex engine jumps to candidate positions only when a pattern starts
    with a character or a class; `(?<=[\\u4e00-\\u9fff])个` starts with an
    assertion, so it is tried at every position of the text. The same pattern
    written `个(?<=[\\u4e00-\\u9fff]个)` (the lookbehind moved after the first
    character, that character added to its end) holds at exactly the same
    places, and starts with a literal. The rewrite is made on the parsed
    pattern (`hoist_lookbehinds`); where it does not apply, or anything fails,
    this is plain `re.compile`. The compiled form is cached as `install`'s.
    """
    flags = int(flags)
    if _sre is None or not pattern.startswith(("(?<=", "(?<!")):
        return re.compile(pattern, flags)  # nothing to hoist: as written (and cached as such)
    key = (pattern, flags | _HOISTED)
    entry = _entries.get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
            _used.add(key)
            return _noted(compiled, entry)
        except Exception:
            del _entries[key]
    try:
        parsed = _parser.parse(pattern, flags)
        if not hoist_lookbehinds(parsed.data):
            return re.compile(pattern, flags)
        compiled, entry = _compile_parsed(pattern, parsed, flags)
    except Exception:  # not CPython's engine, a width it refuses: as written
        return re.compile(pattern, flags)
    if _path is not None:
        _remember(key, entry)
    return _noted(compiled, entry)


def hoist_lookbehinds(items: list) -> bool:
    """Rewrite, in place, a sequence that starts with lookbehinds and then one
    character (or a repeat of one, a group or alternatives each starting so)
    into that character followed by the lookbehinds, each with the character
    appended. False, and nothing changed, where the shape is any other."""
    if _sre is None:
        return False
    lead = 0
    while lead < len(items) and items[lead][0] in (_c.ASSERT, _c.ASSERT_NOT) and items[lead][1][0] == -1:
        lead += 1
    if lead == 0 or lead == len(items):
        return False
    op, value = items[lead]
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, inner = value
        if add_flags or del_flags:
            return False
        moved = items[:lead] + list(inner.data)
        if not hoist_lookbehinds(moved):
            return False
        inner.data = moved
        del items[:lead]
        return True
    if op is _c.BRANCH:  # (?<=X)(?:a…|b…) is (?:(?<=X)a…|(?<=X)b…): each branch hoisted, or none
        _, branches = value
        rewritten = [items[:lead] + list(branch.data) for branch in branches]
        if not all(hoist_lookbehinds(branch) for branch in rewritten):
            return False
        for branch, data in zip(branches, rewritten):
            branch.data = data
        del items[:lead]
        return True
    split = _first_character(op, value)
    if split is None:
        return False
    first, rest = split
    behind = [(kind, (direction, _parser.SubPattern(body.state, list(body.data) + [first])))
              for kind, (direction, body) in items[:lead]]
    items[: lead + 1] = [first, *behind, *rest]
    return True


_ONE_CHARACTER = ("LITERAL", "NOT_LITERAL", "IN", "ANY")


def _first_character(op, value) -> tuple[tuple, list] | None:
    """(the item matching the first character, what follows it) for a single
    character or a greedy or lazy repeat of one (x{2,} is x then x{1,})."""
    if _sre is None:
        return None
    if str(op) in _ONE_CHARACTER:
        return (op, value), []
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, inner = value
        if low < 1 or len(inner.data) != 1 or str(inner.data[0][0]) not in _ONE_CHARACTER:
            return None
        remaining_high = high if high == _c.MAXREPEAT else high - 1
        rest = [(op, (low - 1, remaining_high, inner))] if remaining_high else []
        return inner.data[0], rest
    return None


def _compile_parsed(pattern: str, parsed, flags: int) -> tuple[re.Pattern, tuple]:
    code = [int(op) for op in _compiler._code(parsed, flags)]  # named constants are ints to the engine
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    scanning = _with_first_characters(code, parsed, flags)
    if scanning is not code:
        entry = (flags | parsed.state.flags, scanning, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        try:
            return _sre.compile(pattern, *entry), entry
        except Exception:  # code this engine does not take: the compiler's own
            pass
    entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, *entry), entry


# --- the characters a match can start with, for the engine to scan for ------------------------

# (pattern, flags) of the patterns compiled here whose engine code skips to the characters their
# matches start with (a literal prefix or a charset in the info block): the engine's own search
# costs no more than a scan for those characters first (regexscan.finditer_from)
_scanning: set[tuple[str, int]] = set()
_SRE_INFO_PREFIX = getattr(_c, "SRE_INFO_PREFIX", 1)


def _noted(compiled: re.Pattern, entry: tuple) -> re.Pattern:
    code = entry[1]
    if len(code) > 2 and code[0] == _c.INFO and code[2] & (_SRE_INFO_PREFIX | _SRE_INFO_CHARSET):
        _scanning.add((compiled.pattern, compiled.flags))
    return compiled


def scans_for_first_characters(compiled: re.Pattern) -> bool:
    """Whether the engine searching `compiled` skips, itself, to the characters its matches
    start with (known for the patterns compiled here; False when not known)."""
    return (compiled.pattern, compiled.flags) in _scanning


_SRE_INFO_CHARSET = getattr(_c, "SRE_INFO_CHARSET", 4)  # the info block flag: a charset of first characters follows


def _with_first_characters(code: list, parsed, flags: int) -> list:
    """The engine's code for a pattern, with the characters its matches can start
    with in its info block where the compiler found none.

    The regex engine skips, in a search, to a position holding the pattern's
    literal prefix or a character of its "charset prefix"; the compiler finds
    one only for a pattern that starts with a character, a class, or
    alternatives each starting with a character. A pattern that starts with a
    lookbehind, an optional part or alternatives of other kinds
    (`(?<=[,;])\\s*当中|包括|\\(`) is tried at every position of the text.
    Every match of such a pattern starts with a character of a set read from
    the parsed pattern (`_first_characters`: zero-width assertions skipped,
    optional parts and alternatives joined); given that set, the engine tries
    only the positions holding one of its characters, the same matches found.
    The code is unchanged where nothing is gained or anything is unsure: a
    pattern that may match the empty string, a case-insensitive one, a start
    that may be any character."""
    try:
        if code[0] != _c.INFO or code[2] != 0 or code[3] == 0 or flags & (re.IGNORECASE | re.LOCALE):
            return code  # a prefix or a charset already, or a pattern that may match empty
        all_flags = flags | parsed.state.flags
        if all_flags & (re.IGNORECASE | re.LOCALE):
            return code
        items = list(parsed.data)
        if items and items[0][0] is _c.AT and items[0][1] in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING) \
                and not (items[0][1] is _c.AT_BEGINNING and all_flags & re.MULTILINE):
            return code  # anchored at the text's start: the engine tries one position already
        first = _first_characters(items)
        if first is None or first[1] or not first[0]:
            return code
        charset, _cased = _compiler._optimize_charset(first[0])
        info = [int(_c.INFO), 0, _SRE_INFO_CHARSET, code[3], code[4]]
        _compiler._compile_charset(charset, all_flags, info)
        info[1] = len(info) - 1
        return [int(op) for op in info] + code[1 + code[1]:]
    except Exception:  # anything unforeseen: the compiler's code as it is
        return code


def _first_characters(items: list) -> tuple[list, bool] | None:
    """(class items, nullable) of a parsed sequence: the characters its first
    consumed character may be, and whether it may consume nothing; None when
    that character may be any, or the shape is not read here."""
    found: list = []
    for op, value in items:
        if op is _c.LITERAL:
            return found + [(_c.LITERAL, value)], False
        if op is _c.IN:
            if any(kind is not _c.LITERAL and kind is not _c.RANGE and kind is not _c.CATEGORY for kind, _ in value):
                return None  # a negated class (or a case-folded one): nearly any character
            return found + list(value), False
        if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
            continue  # zero-width: the next item consumes the first character
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, inner = value
            if add_flags or del_flags:
                return None
            part = _first_characters(list(inner.data))
        elif op is _c.BRANCH:
            part, nullable = [], False
            for branch in value[1]:
                each = _first_characters(list(branch.data))
                if each is None:
                    return None
                part += each[0]
                nullable = nullable or each[1]
            part = (part, nullable)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, inner = value
            part = _first_characters(list(inner.data))
            if part is not None and low == 0:
                part = (part[0], True)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            part = _first_characters(list(value.data))
        else:
            return None  # any character, a negated literal, a back reference, a conditional
        if part is None:
            return None
        found += part[0]
        if not part[1]:
            return found, False
    return found, True
