"""Read user files into text: encodings detected, not assumed; bad input named.

Nothing here writes to the user's files. Every failure is an `InputError`
whose message is one line naming the problem; the caller adds the path.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from auditor.readers import AUDITED_SUFFIXES, LEGACY_SUFFIXES, is_text_suffix, reader_for

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
CHINESE_ENCODINGS = ("gb18030", "big5", "big5hkscs", "cp950", "utf_16", "utf_32")


class InputError(Exception):
    """A file that cannot be audited; `code` keys the message catalogue."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Block:
    """Where a stretch of the text came from in a structured document.

    `start` is the character offset in the document text where the block
    begins; `label` names it (段落 12, 表格 1 第 3 行 第 2 列, 第 2 页).
    """

    start: int
    label: dict[str, int]


@dataclass(frozen=True)
class TableCell:
    """A cell of a table in a .docx, .md or .html document."""

    text: str
    start: int  # offset of the cell's text in the document text


@dataclass(frozen=True)
class Table:
    number: int
    rows: tuple[tuple[TableCell, ...], ...]


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    encoding: str
    blocks: tuple[Block, ...] = field(default=())
    tables: tuple = field(default=())
    comments: tuple[tuple[int, int, str], ...] = field(default=())  # Word comments: (start, end, text)
    revisions: int = 0  # tracked changes not yet accepted or rejected (.docx); the text reads them accepted


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes of a text file; return (text, encoding name)."""
    if not data.strip():
        raise InputError("empty")
    for bom, name in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return _not_blank(data.decode(name)), name
            except UnicodeDecodeError:
                raise InputError("undecodable", encoding=name) from None
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise InputError("binary")
    try:
        return _not_blank(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    mended = _mostly_utf8(data)
    if mended is not None:
        return _not_blank(mended), "utf-8"
    from charset_normalizer import from_bytes

    # These are Chinese reports: ask only about the encodings they come in, or
    # short GBK text is taken for Korean; anything else gets the full search.
    best = from_bytes(data, cp_isolation=list(CHINESE_ENCODINGS)).best() or from_bytes(data).best()
    if best is None:
        raise InputError("undecodable", encoding="?")
    text = str(best)
    if "\x00" in text or _control_ratio(text) > 0.01:
        raise InputError("binary")
    return text, best.encoding


# A few stray bytes in a text that is otherwise good UTF-8 (one 0xFF spliced
# in by a tool) are replaced by U+FFFD, which the stray-character rule RD003
# reports at its place, rather than losing the whole report to "cannot work
# out the encoding". Text in another encoding (GB18030 …) has invalid UTF-8
# all over and is left to the encoding detection.
MAX_STRAY_BYTES = 16
STRAY_BYTES_PER_GOOD_CHARACTER = 1 / 100


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")  # non-ASCII characters
    if 0 < stray <= MAX_STRAY_BYTES and stray <= good * STRAY_BYTES_PER_GOOD_CHARACTER:
        return text
    return None


def _not_blank(text: str) -> str:
    """An empty or whitespace-only text (a BOM alone, full-width spaces) is `empty`."""
    if not text.strip().strip("\ufeff\u200b").strip():
        raise InputError("empty")
    return text


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    return max(even_nuls, odd_nuls) > len(sample) // 8 and min(even_nuls, odd_nuls) < len(sample) // 64 + 1


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f")
    return controls / max(len(sample), 1)


def read_document(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    suffix = path.suffix.lower()
    if suffix in LEGACY_SUFFIXES:
        raise InputError("legacy_word", suffix=suffix)
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError("unreadable", reason=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):  # a named pipe would block the run forever: never opened
        raise InputError("not_regular")
    size = info.st_size
    if size > max_bytes:
        raise InputError("too_large", size=size, limit=max_bytes)
    return without_surrogates(reader_for(suffix)(path, display))


def read_decoded(path: Path) -> tuple[str, str]:
    """A file's text and the encoding it came in, or the InputError that says why not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("unreadable", reason=exc.strerror or str(exc)) from None
    return decode_bytes(data)


def read_text_file(path: Path, display: str) -> Document:
    """A plain-text file (.txt, .md …) in whatever encoding it came in."""
    text, encoding = read_decoded(path)
    return Document(display, text, encoding)


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def without_surrogates(document: Document) -> Document:
    """A PDF's text layer can map a glyph to a lone surrogate (U+D800), which
    no encoder takes (OpenCC, SARIF fingerprints, every output): U+FFFD in its
    place, one character for one, so offsets and blocks stay right."""
    if not _SURROGATE_RE.search(document.text):
        return document
    return replace(document, text=_SURROGATE_RE.sub("\ufffd", document.text))


def read_stdin(data: bytes, name: str = "-", max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Standard input, read as the file `name` would be (--stdin-filename):
    a piped .docx is read as .docx."""
    suffix = Path(name).suffix.lower() if name != "-" else ""
    if suffix in LEGACY_SUFFIXES:
        raise InputError("legacy_word", suffix=suffix)
    if len(data) > max_bytes:
        raise InputError("too_large", size=len(data), limit=max_bytes)
    if is_text_suffix(suffix):
        text, encoding = decode_bytes(data)
        return Document(name, text, encoding)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="auditor-") as folder:  # the rich readers read files
        spooled = Path(folder) / f"stdin{suffix}"
        spooled.write_bytes(data)
        return without_surrogates(reader_for(suffix)(spooled, name))


def load_target(target: "Target", max_bytes: int = DEFAULT_MAX_BYTES, stdin: bytes | None = None) -> Document:
    """The document a target names (standard input for -), or its InputError."""
    if target.error is not None:
        raise target.error
    if target.path is None:
        import sys

        return read_stdin(stdin if stdin is not None else sys.stdin.buffer.read(), target.display, max_bytes)
    return read_document(target.path, target.display, max_bytes)


@dataclass(frozen=True)
class Target:
    """A path to audit, or an error found while walking the arguments."""

    path: Path | None
    display: str
    error: InputError | None = None


def expand_paths(arguments: list[str], include: list[str], exclude: list[str], root: Path | None = None,
                 force_exclude: bool = False, stdin_name: str | None = None) -> list[Target]:
    """Turn command-line paths into files to audit, in a stable order.

    include/exclude patterns match paths relative to `root` (the project
    root); files named explicitly are excluded only with `force_exclude`.
    """
    targets: list[Target] = []
    for argument in arguments:
        if argument == "-":
            if not (force_exclude and stdin_name and _excluded(Path(stdin_name), exclude, root)):
                targets.append(Target(None, stdin_name or "-"))
            continue
        path = Path(argument)
        if force_exclude and _excluded(path, exclude, root):
            continue
        problem = _lstat_problem(path)
        if problem is not None:
            targets.append(Target(None, argument, problem))
        elif path.is_symlink() and _link_loops(path):
            targets.append(Target(None, argument, InputError("symlink_loop")))
        elif path.is_dir():
            found = _walk(path, include, exclude, root)
            if not found:
                targets.append(Target(None, argument, InputError("nothing_to_audit")))
            targets.extend(found)
        elif not path.exists():
            targets.append(Target(None, argument, InputError("broken_link")))
        else:
            targets.append(Target(path, argument))
    return targets


def _walk(top: Path, include: list[str], exclude: list[str], root: Path | None = None) -> list[Target]:
    """The reports under `top`, in os.walk's top-down sorted order, walked with
    a stack (any depth: os.walk recurses and fails at about 1,000 levels). A
    directory that cannot be listed, and anything that is not a regular file,
    is one Target with its error: told, never skipped silently."""
    found: list[Target] = []
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        directory = stack.pop()
        try:
            info = os.stat(directory)
            key = (info.st_dev, info.st_ino)
            if key in seen:  # a symlink loop: do not walk the same directory twice
                continue
            seen.add(key)
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.append(Target(None, directory.as_posix(), InputError("unreadable", reason=exc.strerror or str(exc))))
            continue
        subdirectories = []
        for entry in entries:
            full = directory / entry.name
            if _is_dir(entry):
                if not entry.name.startswith("."):
                    subdirectories.append(full)
                continue
            target = _file_target(full, entry, include, exclude, root)
            if target is not None:
                found.append(target)
        stack.extend(reversed(subdirectories))
    return found


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _file_target(full: Path, entry: os.DirEntry, include: list[str], exclude: list[str], root: Path | None) -> Target | None:
    name, rel = entry.name, full.as_posix()
    if not name.lower().endswith(AUDITED_SUFFIXES) or is_scratch_file(name):
        return None
    matched = _project_relative(full, root)
    if include and not any(_matches(matched, pattern) for pattern in include):
        return None
    if any(_matches(matched, pattern) for pattern in exclude):
        return None
    if entry.is_symlink() and _link_loops(full):
        return Target(None, rel, InputError("symlink_loop"))
    try:
        info = os.stat(full)
    except FileNotFoundError:
        return Target(None, rel, InputError("broken_link"))
    except OSError as exc:
        return Target(None, rel, InputError("unreadable", reason=exc.strerror or str(exc)))
    if not stat.S_ISREG(info.st_mode):
        return Target(None, rel, InputError("not_regular"))
    return Target(full, rel)


def _lstat_problem(path: Path) -> InputError | None:
    """missing, or unreadable when a directory on the way cannot be searched
    (os.path.lexists says "missing" for both)."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return InputError("missing")
    except OSError as exc:
        return InputError("unreadable", reason=exc.strerror or str(exc))
    return None


def is_scratch_file(name: str) -> bool:
    """Hidden files, Word/WPS lock files (~$报告.docx) and editor temporaries
    (.~lock.报告.docx#, 报告.txt~, .#报告.md, #报告.md#, .报告.md.swp): never reports."""
    return (name.startswith((".", "~$")) or name.endswith(("~", ".swp", ".swo", ".tmp"))
            or (name.startswith("#") and name.endswith("#")))


def _project_relative(path: Path, root: Path | None) -> str:
    """The path as include/exclude patterns see it: relative to the project root."""
    if root is None:
        return path.as_posix()
    try:
        return (Path(os.path.realpath(path.parent)) / path.name).relative_to(root).as_posix()
    except ValueError:  # outside the project: as given
        return path.as_posix()


def _excluded(path: Path, exclude: list[str], root: Path | None) -> bool:
    relative = _project_relative(path, root)
    return any(_matches(relative, pattern) for pattern in exclude)


def _link_loops(path: Path) -> bool:
    import errno

    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _matches(path: str, pattern: str) -> bool:
    from fnmatch import fnmatch

    return fnmatch(path, pattern) or fnmatch(Path(path).name, pattern) or Path(path).match(pattern)
