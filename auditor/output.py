"""Writing reports without ever harming what the user gave us.

Two promises, kept here for every command that writes a file:

- nothing given to the auditor is written to: an output that is the same
  file (by inode, so hard links and symlinks count) as an audited report,
  the baseline, the reference table, a rule-pack file or the config file is
  refused before anything is audited;
- an output is complete or absent: it is written to a temporary file in the
  same directory and renamed over the old one only when complete, so an
  error or Ctrl-C leaves the previous report untouched.

Where an output cannot be written (a missing directory, a directory named as
the file, no permission) is also told before the audit starts.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from auditor.i18n import UserError


class OutputRefused(UserError):
    """An output that must not or cannot be written; the message names it."""


def given_files(targets: Iterable, named: dict[str, Path | None] | None = None,
                rule_dirs: Iterable[Path] = ()) -> list[tuple[Path, str]]:
    """The inputs an output must not be, as (path, the option that named it):
    the audited files (option ""), files named by options, rule-pack files."""
    found: list[tuple[Path, str]] = [(t.path, "") for t in targets if t.path is not None]
    found += [(Path(path), option) for option, path in (named or {}).items() if path is not None]
    for directory in rule_dirs:
        directory = Path(directory)
        found.append((directory, "--rules"))
        if directory.is_dir():
            with contextlib.suppress(OSError):
                found.extend((entry, "--rules") for entry in directory.iterdir())
    return found


def check_output(output: Path | None, inputs: Iterable[tuple[Path, str]], option: str = "--output",
                 directory_ok: bool = False) -> None:
    """Refuse (OutputRefused) an output that is one of the inputs or cannot be written."""
    if output is None or str(output) == "-":
        return
    where = f"{option} {output}"
    try:
        info = os.stat(output)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputRefused("output_not_writable", where=where, reason=exc.strerror or str(exc)) from None
    if info is not None:
        key = (info.st_dev, info.st_ino)
        for path, named_by in inputs:
            try:
                other = os.stat(path)
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == key:
                if named_by:
                    raise OutputRefused("output_is_given_file", where=where, option=named_by)
                raise OutputRefused("output_is_audited_file", where=where)
        if stat.S_ISDIR(info.st_mode):
            if directory_ok:
                return
            raise OutputRefused("output_is_dir", where=where)
    parent = Path(os.path.realpath(output)).parent if info is not None else Path(os.path.abspath(output)).parent
    if not parent.is_dir():
        if directory_ok and info is None:
            return  # a directory of outputs the writer creates
        raise OutputRefused("output_no_dir", where=where, directory=output.parent)
    if not os.access(parent, os.W_OK | os.X_OK) or (info is not None and not os.access(output, os.W_OK)):
        raise OutputRefused("output_not_writable", where=where, reason=os.strerror(13))


def refuse_outputs(outputs: Iterable[tuple[Path | None, str]], inputs: list[tuple[Path, str]],
                   directory_ok: bool = False) -> None:
    """check_output for each (path, option) of a run; --write-baseline may
    replace the --baseline on purpose, nothing else given may be written."""
    for path, option in outputs:
        protected = [i for i in inputs if not (option == "--write-baseline" and i[1] == "--baseline")]
        check_output(path, protected, option, directory_ok=directory_ok and option == "--output")


@contextlib.contextmanager
def replacing(output: Path) -> Iterator[Path]:
    """A temporary path beside `output` to write to; renamed over `output` when
    the block ends normally, removed when it ends by any exception (Ctrl-C too).

    An existing output that is not a regular file (/dev/null, a pipe) is
    written to directly: there is nothing to replace.
    """
    real = Path(os.path.realpath(output))
    if real.exists() and not real.is_file():
        yield real
        return
    import tempfile  # here: a check written to the terminal does not import it (with shutil, lzma: 7 ms)

    handle, name = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=f".part{real.suffix}")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _keep_mode(temporary, real)
        os.replace(temporary, real)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


@contextlib.contextmanager
def open_replacing(output: Path, mode: str = "w") -> Iterator[IO]:
    """`open(output, mode)` that replaces the old file only once complete."""
    with replacing(output) as temporary:
        encoding = None if "b" in mode else "utf-8"
        with open(temporary, mode, encoding=encoding) as handle:
            yield handle


def write_text(output: Path, text: str) -> None:
    with open_replacing(output) as handle:
        handle.write(text)


def write_bytes(output: Path, data: bytes) -> None:
    with open_replacing(output, "wb") as handle:
        handle.write(data)


def _keep_mode(temporary: Path, real: Path) -> None:
    """The replaced file keeps its permissions; a new one gets the usual 0666 less the umask."""
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)


# C0 controls other than tab, line feed and carriage return, lone surrogates and
# the two non-characters: XML 1.0 cannot hold them (a JUnit report with one is
# rejected whole), nor can an xlsx cell
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """text with the characters XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML_RE.sub("\ufffd", text)


def cell_safe(value):
    """A spreadsheet cell value: strings made XML-safe, anything else as is."""
    return xml_safe(value) if isinstance(value, str) else value
