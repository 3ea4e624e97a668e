"""Render results: one module per output format, all from the same records."""

from __future__ import annotations

from collections import Counter
from typing import Any

from auditor.model import FileResult
from auditor.rulepack import CATEGORIES, SEVERITIES


def summary(results: list[FileResult], baseline_accepted: int = 0) -> dict[str, Any]:
    findings = [f for r in results for f in r.findings]
    severities = Counter(f.severity for f in findings)
    categories = Counter(f.category for f in findings)
    return {
        "files": sum(1 for r in results if r.error is None),
        "findings": len(findings),
        "errors": sum(1 for r in results if r.error is not None),
        "by_severity": {s: severities.get(s, 0) for s in SEVERITIES},
        "by_category": {c: categories.get(c, 0) for c in CATEGORIES},
        "suppressed": sum(r.suppressed for r in results),
        "baseline": baseline_accepted,
    }


def all_findings(results: list[FileResult]):
    for result in results:
        for finding in result.findings:
            yield result, finding
