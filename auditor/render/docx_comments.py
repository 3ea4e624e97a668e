"""Findings as Word comments: a copy of the report with one comment a finding.

A .docx input is copied and each finding becomes a comment anchored on the
exact characters it covers (runs are split where a finding starts or ends
inside one). Any other input (.txt, .md, .pdf, .html, standard input) becomes
a new .docx built from the text the rules ran on, one paragraph a line.

The comments use python-docx's own API (`Document.add_comment`). The bytes
written depend only on the input: comment dates, document dates and the zip
entries' times are fixed.

To find the characters of a finding, the document body is walked in the same
order, and with the same text rules, as `auditor.read_rich.read_docx` walks
it, and every character of the text is mapped to the run (and the position in
the run) it came from; list numbers, cell separators and line ends map to
nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditor.model import FileResult, Finding
from auditor.output import write_bytes

FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
AUTHORS = {"zh": ("审核助手", "审核"), "en": ("auditor", "AU")}
_TEXT_TAGS = ("br", "cr", "noBreakHyphen", "ptab", "t", "tab")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Owner = tuple[object, int] | None  # (w:r element, character index in the run's text)


class OutputConflict(Exception):
    """An output path that is one of the inputs: nothing is written."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


# --- where the outputs go ----------------------------------------------------------------

def plan_outputs(output: Path, displays: list[str], sources: list[Path | None]) -> dict[str, Path]:
    """The .docx written for each input. One input and an output that is not a
    directory: that file. Several inputs (or an existing directory): one file
    a input in that directory, named after the input. Refuses (OutputConflict)
    an output that is, or would overwrite, any of the inputs."""
    several = len(displays) > 1 or output.is_dir()
    plan: dict[str, Path] = {}
    used: set[str] = set()
    for display in displays:
        if not several:
            plan[display] = output
            continue
        stem = Path(display).stem if display != "-" else "stdin"
        name, n = f"{stem}.docx", 1
        while name in used:
            n += 1
            name = f"{stem}-{n}.docx"
        used.add(name)
        plan[display] = output / name
    existing = [s for s in sources if s is not None and s.exists()]
    for target in plan.values():
        if target.exists() and any(_same(target, source) for source in existing):
            raise OutputConflict(target)
        if not target.exists() and any(target.resolve() == source.resolve() for source in existing):
            raise OutputConflict(target)
    return plan


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write(output: Path, results: list[FileResult], lang: str, **_: object) -> None:
    """Write the commented copies for `results` (errors are skipped: they were reported)."""
    readable = [r for r in results if r.error is None]
    plan = plan_outputs(output, [r.path for r in results], [_source(r.path) for r in results])
    if len(results) > 1 or output.is_dir():
        output.mkdir(parents=True, exist_ok=True)
    for result in readable:
        write_bytes(plan[result.path], commented_docx(result, lang))


def emit(results, counts, write_text, context) -> None:
    """The Renderer protocol (auditor.render): the copies go to context.output."""
    write(context.output, list(results), context.lang)


def _source(display: str) -> Path | None:
    return None if display == "-" else Path(display)


# --- the commented document ------------------------------------------------------------------

def commented_docx(result: FileResult, lang: str, source: Path | None = None) -> bytes:
    """The bytes of the commented .docx for one audited file."""
    source = source if source is not None else _source(result.path)
    if source is not None and source.suffix.lower() == ".docx":
        import docx

        document = docx.Document(str(source))
        owners = docx_owners(document)
        text = "".join(ch for ch, _ in owners)
        findings = list(_realigned(result.findings, result.text, text))
    else:
        document, owners = text_document(result.text)
        text = "".join(ch for ch, _ in owners)
        findings = list(result.findings)
    add_comments(document, [o for _, o in owners], text, findings, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


def comment_text(finding: Finding) -> str:
    return f"{finding.message} [{finding.rule}]"


def add_comments(document, owners: list[Owner], text: str, findings: list[Finding], lang: str) -> None:
    from docx.text.run import Run

    anchors = [_anchor(owners, text, f.start, f.end) for f in findings]
    segments = _split_runs(anchors)
    author, initials = AUTHORS.get(lang, AUTHORS["zh"])
    for finding, anchor in zip(findings, anchors):
        if anchor is None:
            continue
        (first, first_index), (last, last_index) = anchor
        runs = [Run(segments[(id(first), first_index)], document._body), Run(segments[(id(last), last_index)], document._body)]
        comment = document.add_comment(runs, text=comment_text(finding), author=author, initials=initials)
        comment._comment_elm.date = FIXED_DATE


def _anchor(owners: list[Owner], text: str, start: int, end: int):
    """The first and last (run, index) the span [start, end) covers; a span on
    characters no run holds (a list number) is anchored on its whole line."""
    start, end = max(start, 0), min(max(end, start + 1), len(owners))
    held = [o for o in owners[start:end] if o is not None]
    if not held:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        held = [o for o in owners[line_start:line_end] if o is not None]
    if not held:
        return None
    return held[0], held[-1]


def _split_runs(anchors) -> dict[tuple[int, int], object]:
    """Split every run at the anchors' edges; (id(run), index) → the piece
    holding that character."""
    cuts: dict[int, tuple[object, set[int]]] = {}
    for anchor in anchors:
        if anchor is None:
            continue
        (first, first_index), (last, last_index) = anchor
        cuts.setdefault(id(first), (first, set()))[1].add(first_index)
        cuts.setdefault(id(last), (last, set()))[1].add(last_index + 1)
    pieces: dict[tuple[int, int], object] = {}
    for key, (run, positions) in cuts.items():
        for index, piece in _split_run(run, sorted(positions)):
            pieces[(key, index)] = piece
    return pieces


def _run_children(run) -> list[tuple[object, str]]:
    """The run's content children with the text each stands for (python-docx's rules)."""
    from docx.oxml.ns import qn

    text_tags = {qn(f"w:{t}") for t in _TEXT_TAGS}
    return [(child, str(child) if child.tag in text_tags else "") for child in run if child.tag != qn("w:rPr")]


def _split_run(run, positions: list[int]) -> Iterable[tuple[int, object]]:
    """Cut `run` before each position; yield (character index, piece) for every character."""
    from docx.oxml.ns import qn

    children = _run_children(run)
    length = sum(len(t) for _, t in children)
    edges = [p for p in positions if 0 < p < length]
    pieces = [run]
    for _ in edges:
        clone = copy.deepcopy(run)
        for child in list(clone):
            if child.tag != qn("w:rPr"):
                clone.remove(child)
        pieces[-1].addnext(clone)
        pieces.append(clone)
    bounds = [0, *edges, length]

    def piece_of(position: int) -> int:
        return max(i for i in range(len(edges) + 1) if bounds[i] <= position) if edges else 0

    cursor = 0
    for child, text in children:
        run.remove(child)
        if child.tag == qn("w:t") and text and edges:
            for i in range(len(bounds) - 1):
                lo, hi = max(bounds[i], cursor), min(bounds[i + 1], cursor + len(text))
                if lo < hi:
                    part = copy.deepcopy(child)
                    part.text = text[lo - cursor : hi - cursor]
                    part.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    pieces[i].append(part)
        else:
            pieces[piece_of(min(cursor, max(length - 1, 0)))].append(child)
        cursor += len(text)
    for index in range(length):
        yield index, pieces[piece_of(index)]


# --- the text of a .docx, character by character -------------------------------------------

def docx_owners(document) -> list[tuple[str, Owner]]:
    """The document text exactly as read_rich.read_docx builds it, each
    character with the run it came from."""
    from docx.table import Table as DocxTable

    from auditor.read_rich import _list_marker, _numbering_levels

    levels = _numbering_levels(document)
    counters: dict[str, dict[int, int]] = {}
    chars: list[tuple[str, Owner]] = []
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            for row in item.rows:
                for c, cell in enumerate(row.cells):
                    if c:
                        chars.append(("\t", None))
                    chars.extend(_collapsed(_cell_chars(cell)))
                chars.append(("\n", None))
        else:
            marker = _list_marker(item, levels, counters)
            chars.extend((ch, None) for ch in marker)
            chars.extend(_paragraph_chars(item._p))
            chars.append(("\n", None))
    return chars


def _paragraph_chars(p) -> list[tuple[str, Owner]]:
    from auditor.read_rich import paragraph_runs

    chars: list[tuple[str, Owner]] = []
    for run in paragraph_runs(p):
        index = 0
        for _, text in _run_children(run):
            for ch in text:
                chars.append((ch, (run, index)))
                index += 1
    return chars


def _cell_chars(cell) -> list[tuple[str, Owner]]:
    chars: list[tuple[str, Owner]] = []
    for n, paragraph in enumerate(cell.paragraphs):
        if n:
            chars.append(("\n", None))
        chars.extend(_paragraph_chars(paragraph._p))
    return chars


def _collapsed(chars: list[tuple[str, Owner]]) -> list[tuple[str, Owner]]:
    """" ".join(text.split()), keeping owners."""
    out: list[tuple[str, Owner]] = []
    pending_space = False
    for ch, owner in chars:
        if ch.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append((" ", None))
            pending_space = False
        out.append((ch, owner))
    return out


def _realigned(findings: Iterable[Finding], read_text: str, walked_text: str) -> Iterable[Finding]:
    """Findings as offsets into the walked text; the same text unless the
    reader and this walk disagree, when each finding is found by its text."""
    if read_text == walked_text or not read_text:
        yield from findings
        return
    from dataclasses import replace

    for finding in findings:
        quoted = read_text[finding.start : finding.end]
        candidates = [m.start() for m in re.finditer(re.escape(quoted), walked_text)] if quoted else []
        if candidates:
            start = min(candidates, key=lambda c: abs(c - finding.start))
            yield replace(finding, start=start, end=start + len(quoted))


# --- a new document from plain text ----------------------------------------------------------

def text_document(text: str):
    """A .docx with one paragraph a line of `text`, and its characters' owners."""
    import docx

    document = docx.Document()
    core = document.core_properties
    core.created = core.modified = FIXED_DATE.replace(tzinfo=None)
    core.last_modified_by = core.author = "auditor"
    core.revision = 1
    chars: list[tuple[str, Owner]] = []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        body = line[:-1] if line.endswith("\r") else line
        paragraph = document.add_paragraph()
        if body:
            run = paragraph.add_run(_XML_INVALID.sub("\ufffd", body))
            chars.extend((ch, (run._r, i)) for i, ch in enumerate(body))
        if body != line:
            chars.append(("\r", None))
        chars.append(("\n", None))
    return document, chars


def deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed entry times (python-docx stamps the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, date_time=ZIP_TIME), source.read(info), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@dataclass(frozen=True)
class Anchored:
    """A comment read back from a .docx: its text and the text it is anchored on."""

    text: str
    anchored: str
    author: str


def read_comments(path_or_bytes) -> list[Anchored]:
    """The comments of a .docx and the document text each covers (for tests and checks)."""
    import docx
    from docx.oxml.ns import qn

    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    document = docx.Document(source)
    comments = {c.comment_id: c for c in document.comments}
    body = document.element.body
    open_ids: list[int] = []
    covered: dict[int, list[str]] = {}
    text_tags = {qn(f"w:{t}") for t in _TEXT_TAGS}
    for element in body.iter():
        if element.tag == qn("w:commentRangeStart"):
            cid = int(element.get(qn("w:id")))
            open_ids.append(cid)
            covered[cid] = []
        elif element.tag == qn("w:commentRangeEnd"):
            cid = int(element.get(qn("w:id")))
            if cid in open_ids:
                open_ids.remove(cid)
        elif element.tag == qn("w:p") and open_ids:
            for cid in open_ids:
                if covered[cid]:
                    covered[cid].append("\n")
        elif element.tag in text_tags and element.getparent().tag == qn("w:r"):
            for cid in open_ids:
                covered[cid].append(str(element))
    return [
        Anchored(comments[cid].text, "".join(covered.get(cid, [])).strip("\n"), comments[cid].author)
        for cid in sorted(comments)
    ]
