"""GitLab Code Quality: a JSON array of issues, as `artifacts: reports:
codequality` reads it (the shape ruff writes)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import PurePath

from auditor.baseline import project_path
from auditor.render import RenderContext, Tally

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def _fingerprint(path: str, rule: str, excerpt: str, span: str, occurrence: int) -> str:
    """Stable across runs and line moves; unique within the report (GitLab requires it)."""
    raw = "\0".join((rule, path, excerpt, span, str(occurrence)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def issues(results, context: RenderContext) -> list[dict]:
    entries = []
    seen: Counter = Counter()
    for result in results:
        path = project_path(result.path, context.root) if context.root is not None else PurePath(result.path).as_posix()
        for f in result.findings:
            span = f.excerpt[f.mark[0]:f.mark[1]]
            key = (f.rule, path, f.excerpt, span)
            seen[key] += 1
            entries.append({
                "description": f"{f.rule} {f.message}",
                "check_name": f.rule,
                "fingerprint": _fingerprint(path, f.rule, f.excerpt, span, seen[key]),
                "severity": SEVERITIES[f.severity],
                "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
            })
    return entries


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    write(json.dumps(issues(results, context), ensure_ascii=False, indent=2) + "\n")
