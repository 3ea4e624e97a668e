"""The JSON contract (version 1), documented in the README."""

from __future__ import annotations

import json

from auditor.model import FileResult
from auditor.render import summary


def document(results: list[FileResult], baseline_accepted: int = 0) -> dict:
    files = []
    for result in results:
        entry: dict = {"path": result.path, "findings": [f.as_json() for f in result.findings]}
        if result.error is not None:
            entry["error"] = {"code": result.error_code, "message": result.error}
        files.append(entry)
    return {"version": 1, "files": files, "summary": summary(results, baseline_accepted)}


def render(results: list[FileResult], lang: str, baseline_accepted: int = 0, **_: object) -> str:
    return json.dumps(document(results, baseline_accepted), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
