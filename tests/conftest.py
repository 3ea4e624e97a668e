from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path

# the command's regex cache (auditor.recache) of this test session: not the developer's own
os.environ.setdefault("AUDITOR_CACHE_DIR", tempfile.mkdtemp(prefix="auditor-test-cache-"))

import pytest

from auditor.audit import audit_document
from auditor.read import Document
from auditor.rulepack import load_rulepack

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
CORPUS = ROOT.parent / "shared" / "corpus"

_PACK = load_rulepack()


def audit(text: str, lang: str = "zh", pack=None):
    """Findings for a text, as the full records."""
    _, found, _ = audit_document(Document("t.txt", text, "utf-8"), pack or _PACK, lang)
    return found


def hits(text: str, pack=None) -> list[tuple[str, str]]:
    """(rule id, the text the finding covers) for each finding, in order."""
    return [(f.rule, text[f.start : f.end]) for f in audit(text, pack=pack)]


def rules_of(text: str) -> list[str]:
    return [f.rule for f in audit(text)]


@pytest.fixture(scope="session")
def pack():
    return _PACK


@pytest.fixture
def no_hang():
    """A guard, not a timing assertion: a test that would run for minutes (a
    super-linear or backtracking case come back) fails after 60 s instead."""

    def expired(signum, frame):
        raise TimeoutError("still running after 60 s: a super-linear case is back")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)
