"""Render results: one module per output format, all from the same records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from auditor.model import FileResult
from auditor.rulepack import CATEGORIES, SEVERITIES


@dataclass
class Tally:
    """Counts for the summary, kept while results stream past."""

    files: int = 0
    errors: int = 0
    suppressed: int = 0
    baseline: int = 0
    severities: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)

    def add(self, result: FileResult) -> FileResult:
        if result.error is None:
            self.files += 1
        else:
            self.errors += 1
        self.suppressed += result.suppressed
        self.severities.update(f.severity for f in result.findings)
        self.categories.update(f.category for f in result.findings)
        return result

    def failing(self, fail_on: str) -> bool:
        levels = {"error": ("error",), "warning": ("error", "warning")}.get(fail_on, ())
        return any(self.severities[level] for level in levels)

    def as_summary(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "findings": sum(self.severities.values()),
            "errors": self.errors,
            "by_severity": {s: self.severities.get(s, 0) for s in SEVERITIES},
            "by_category": {c: self.categories.get(c, 0) for c in CATEGORIES},
            "suppressed": self.suppressed,
            "baseline": self.baseline,
        }


def tally(results, baseline_accepted: int = 0) -> Tally:
    counts = Tally(baseline=baseline_accepted)
    for result in results:
        counts.add(result)
    return counts


def summary(results: list[FileResult], baseline_accepted: int = 0) -> dict[str, Any]:
    return tally(results, baseline_accepted).as_summary()
