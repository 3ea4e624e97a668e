"""Accepted findings: `--write-baseline FILE` records them, `--baseline FILE`
reports only the new ones.

A finding is keyed on its rule, its file and the normalised text around it
(the sentence and the span), not on its line, so editing other parts of the
file does not bring accepted findings back. Keys are counted: if two copies
were accepted and a third appears, the third is reported.

The file is keyed by its path relative to the project root (where the config
file is, else the current directory), so a baseline written from one
directory, with ./ or with absolute paths, holds from any other. Baselines
written before keyed the path as it was typed; those keys still match.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path, PurePath

from auditor.i18n import UserError
from auditor.model import FileResult, Finding, FindingPages
from auditor.normalise import normalise_key
from auditor.output import write_text

VERSION = 1


class BaselineError(UserError):
    pass


def finding_key(path: str, finding: Finding) -> str:
    span = finding.excerpt[finding.mark[0] : finding.mark[1]]
    around = normalise_key(finding.excerpt.strip("…"))
    raw = "\0".join((finding.rule, PurePath(path).as_posix(), around, normalise_key(span)))
    import hashlib  # here: a plain check without a baseline does not load OpenSSL (2 ms of its start)

    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def project_path(path: str, root: Path | None) -> str:
    """`path` relative to the project root, in / form; as given for standard
    input or without a root, absolute when it lies outside the root."""
    if root is None or path == "-":
        return PurePath(path).as_posix()
    absolute = Path(os.path.realpath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def entries(result: FileResult, root: Path | None = None) -> list[dict[str, str]]:
    path = project_path(result.path, root)
    return [{"rule": f.rule, "file": path, "key": finding_key(path, f), "message": f.message} for f in result.findings]


def write_baseline(path: Path, collected: list[dict[str, str]]) -> int:
    collected = sorted(collected, key=lambda e: (e["file"], e["rule"], e["key"]))
    write_text(path, json.dumps({"version": VERSION, "findings": collected}, ensure_ascii=False, indent=2) + "\n")
    return len(collected)


def load_keys(path: Path) -> Counter:
    """The accepted keys; every way the file can be wrong is a BaselineError naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError("no_such_file", where=path) from None
    except OSError as exc:  # a directory, no permission
        raise BaselineError("baseline_not_json", where=path, reason=exc.strerror or exc) from None
    except (ValueError, UnicodeDecodeError) as exc:  # not JSON, or a number past Python's 4,300 digits
        raise BaselineError("baseline_not_json", where=path, reason=str(exc).splitlines()[0].split(": value has")[0]) from None
    except RecursionError:
        raise BaselineError("baseline_not_json", where=path, reason="nested too deeply") from None
    version = data.get("version") if isinstance(data, dict) else None
    if type(version) is not int or version != VERSION or not isinstance(data.get("findings"), list):  # true == 1
        raise BaselineError("baseline_bad_version", where=path, version=VERSION)
    keys: Counter = Counter()
    for index, entry in enumerate(data["findings"], start=1):
        if isinstance(entry, dict) and "key" in entry:
            if not isinstance(entry["key"], str):
                raise BaselineError("baseline_bad_key", where=path, index=index)
            keys[entry["key"]] += 1
    return keys


def without_accepted(result: FileResult, keys: Counter, root: Path | None = None) -> tuple[FileResult, int]:
    """The result less the findings the baseline accepts (each accepted copy used once)."""
    paged = isinstance(result.findings, FindingPages)  # a long document's: kept compressed too
    kept: list[Finding] | FindingPages = FindingPages() if paged else []
    accepted = 0
    path = project_path(result.path, root)
    for finding in result.findings:
        key = finding_key(path, finding)
        if keys[key] <= 0 and path != result.path:  # a baseline keyed by the path as typed
            key = finding_key(result.path, finding)
        if keys[key] > 0:
            keys[key] -= 1
            accepted += 1
        else:
            kept.append(finding)
    return (replace(result, findings=kept if paged else tuple(kept)) if accepted else result), accepted
