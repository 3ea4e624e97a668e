"""Which reader reads which file suffix: one table.

Readers are named by dotted path and imported on first use, so this table
imports neither the text reader nor the rich readers (no import circle: the
rich readers build on `auditor.read`, and `auditor.read` looks readers up
here), and a run over .txt files never loads python-docx or pdfplumber.
A reader is `(path, display) -> Document` and raises `InputError`.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

READERS: dict[str, str] = {
    ".txt": "auditor.read:read_text_file",
    ".md": "auditor.read_markdown:read_markdown",  # pipe tables as tables
    ".markdown": "auditor.read_markdown:read_markdown",
    ".text": "auditor.read:read_text_file",
    ".docx": "auditor.read_rich:read_docx",
    ".pdf": "auditor.read_rich:read_pdf",
    ".html": "auditor.read_html:read_html",
    ".htm": "auditor.read_html:read_html",
}
TEXT_READER = "auditor.read:read_text_file"  # a file named on the command line with another suffix
LEGACY_SUFFIXES = (".doc", ".wps")  # old Word/WPS: a message saying how to convert them
AUDITED_SUFFIXES = (*READERS, *LEGACY_SUFFIXES)  # what a directory walk picks up


def reader_for(suffix: str) -> Callable[..., Any]:
    """The reader for a (lower-case) suffix; plain text for any suffix not in the table."""
    module, _, name = READERS.get(suffix, TEXT_READER).partition(":")
    return getattr(import_module(module), name)


def is_text_suffix(suffix: str) -> bool:
    return READERS.get(suffix, TEXT_READER) == TEXT_READER
