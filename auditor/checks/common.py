"""Small helpers shared by the checks."""

from __future__ import annotations

from auditor.extract import Figure
from auditor.model import Analysis


def as_written(analysis: Analysis, figure: Figure) -> str:
    """The figure as the writer wrote it, for quoting back in a message."""
    return analysis.text.original[figure.number_start : figure.end]
