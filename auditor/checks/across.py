"""CF003/CF004: checks between documents. They run only with `auditor check
--across`, once every document is read (auditor.across); on one document
alone they find nothing."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.base import Check, Params
from auditor.model import Hit


def _between_documents(analysis, rule) -> Iterator[Hit]:
    """Runs between documents (auditor.across), never on one."""
    return iter(())


CHECKS = (
    Check("across_value", _between_documents, Params,
          frozenset({"area", "period", "metric", "value", "other_file", "other_line", "other_value"})),
    Check("across_change", _between_documents, Params,
          frozenset({"metric", "word", "stated", "other_file", "other_line", "old", "new", "recomputed"})),
)
