"""Read .docx, .pdf and .html into the same plain text the rules run on.

Each stretch of text keeps where it came from (paragraph, table cell, page
and line) so findings can be located the way a writer sees the document.
Word's automatic list numbers are rendered into the text, as Word shows them,
so the numbering rule sees the whole sequence.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from auditor.cnnum import circled, written
from auditor.read import Block, Document, InputError, Table, TableCell

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200


# --- docx ------------------------------------------------------------------------------

# what zipfile raises on damaged members: bad deflate data (zlib.error), a
# compression method or zip version it does not know (NotImplementedError),
# offsets past the end (OSError, EOFError, ValueError)
_DAMAGED_ZIP = (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, ValueError, OSError)


def _check_zip(path: Path) -> None:
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise InputError("unreadable", reason=exc.strerror or str(exc)) from None
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            total = sum(m.file_size for m in members)
            packed = sum(m.compress_size for m in members) or 1
            if total > MAX_UNZIPPED_BYTES or total / packed > MAX_COMPRESSION_RATIO:
                raise InputError("zip_bomb", size=total)
            if "word/document.xml" not in {m.filename for m in members}:
                raise InputError("corrupt_docx", reason="word/document.xml is missing")
            bad = archive.testzip()
            if bad is not None:
                raise InputError("corrupt_docx", reason=f"{bad} is damaged")
    except _DAMAGED_ZIP as exc:
        reason = str(exc) if isinstance(exc, zipfile.BadZipFile) else f"{type(exc).__name__}: {exc}"
        raise InputError("corrupt_docx", reason=reason.splitlines()[0]) from None


def _format_number(number: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return written(number)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return circled(number)
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if fmt in ("bullet", "none"):
        return ""
    return str(number)


def _numbering_levels(document) -> dict[str, dict[int, tuple[str, str, int]]]:
    """numId → ilvl → (numFmt, lvlText, start), from numbering.xml."""
    from docx.oxml.ns import qn

    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
    for node in numbering.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in node.findall(qn("w:lvl")):
            ilvl = int(lvl.get(qn("w:ilvl"), "0"))
            fmt = lvl.find(qn("w:numFmt"))
            text = lvl.find(qn("w:lvlText"))
            start = lvl.find(qn("w:start"))
            levels[ilvl] = (
                fmt.get(qn("w:val")) if fmt is not None else "decimal",
                text.get(qn("w:val")) if text is not None else f"%{ilvl + 1}.",
                int(start.get(qn("w:val"))) if start is not None else 1,
            )
        abstract[node.get(qn("w:abstractNumId"))] = levels
    result = {}
    for num in numbering.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is not None:
            result[num.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})
    return result


def _numpr(ppr):
    from docx.oxml.ns import qn

    return ppr.find(qn("w:numPr")) if ppr is not None else None


def _list_marker(paragraph, levels, counters: dict[str, dict[int, int]]) -> str:
    from docx.oxml.ns import qn

    numpr = _numpr(paragraph._p.pPr)
    style = paragraph.style
    while numpr is None and style is not None:  # "List Number" and heading styles carry it
        numpr = _numpr(style.element.pPr)
        style = style.base_style
    if numpr is None:
        return ""
    num_id_node, ilvl_node = numpr.find(qn("w:numId")), numpr.find(qn("w:ilvl"))
    if num_id_node is None:
        return ""
    num_id = num_id_node.get(qn("w:val"))
    ilvl = int(ilvl_node.get(qn("w:val"))) if ilvl_node is not None else 0
    definition = levels.get(num_id, {})
    if not definition:
        return ""
    count = counters.setdefault(num_id, {})
    fmt, text, start = definition.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
    count[ilvl] = count.get(ilvl, start - 1) + 1
    for deeper in [k for k in count if k > ilvl]:
        del count[deeper]
    marker = text
    for level in range(ilvl + 1):
        level_fmt, _, level_start = definition.get(level, ("decimal", "", 1))
        marker = marker.replace(f"%{level + 1}", _format_number(count.get(level, level_start), level_fmt))
    return marker


def _is_heading(paragraph) -> bool:
    """A Title/Heading N (标题 N) style, or a paragraph with an outline level."""
    from docx.oxml.ns import qn

    def outline(ppr) -> int | None:
        level = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        return int(level.get(qn("w:val"), "9")) if level is not None else None

    own = outline(paragraph._p.pPr)
    if own is not None:
        return own < 9
    style = paragraph.style
    while style is not None:
        if (style.name or "").lower().startswith(("heading", "title", "标题")):
            return True
        level = outline(style.element.pPr)
        if level is not None:
            return level < 9
        style = style.base_style
    return False


# A paragraph's text as Word shows it with its tracked changes accepted: runs in
# insertions (w:ins, w:moveTo), hyperlinks, smart tags, simple fields and content
# controls count; deleted runs (w:del, w:moveFrom) do not.
_RUN_CONTAINERS = ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml", "sdt", "sdtContent")
_RUN_TEXT_TAGS = ("br", "cr", "noBreakHyphen", "ptab", "t", "tab")


def paragraph_runs(p) -> list:
    """The w:r elements of a paragraph whose text counts, in document order."""
    from docx.oxml.ns import qn

    containers = {qn(f"w:{name}") for name in _RUN_CONTAINERS}
    run_tag = qn("w:r")
    runs = []

    def walk(element) -> None:
        for child in element:
            if child.tag == run_tag:
                runs.append(child)
            elif child.tag in containers:
                walk(child)

    walk(p)
    return runs


def run_text(run) -> str:
    """python-docx's text of a run (tabs, breaks, no-break hyphens as characters)."""
    from docx.oxml.ns import qn

    tags = {qn(f"w:{t}") for t in _RUN_TEXT_TAGS}
    return "".join(str(child) for child in run if child.tag in tags)


def paragraph_text(p) -> str:
    return "".join(run_text(run) for run in paragraph_runs(p))


def cell_text(cell) -> str:
    return "\n".join(paragraph_text(paragraph._p) for paragraph in cell.paragraphs)


def read_docx(path: Path, display: str) -> Document:
    _check_zip(path)
    try:
        import docx
        from docx.table import Table as DocxTable

        document = docx.Document(str(path))
    except InputError:
        raise
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise InputError("corrupt_docx", reason=f"{type(exc).__name__}: {exc}".splitlines()[0]) from None
    levels = _numbering_levels(document)
    comment_texts = _comment_texts(document)
    anchored: dict[str, list[int]] = {}  # comment id → [start, end] of the text it is attached to
    counters: dict[str, dict[int, int]] = {}
    parts: list[str] = []
    blocks: list[Block] = []
    tables: list[Table] = []
    offset = 0
    paragraph_number = 0
    heading = ""  # the nearest heading at or above

    def add(text: str, label: dict[str, int]) -> int:
        nonlocal offset
        start = offset
        blocks.append(Block(start, label))
        parts.append(text + "\n")
        offset += len(text) + 1
        return start

    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            number = len(tables) + 1
            rows = []
            for r, row in enumerate(item.rows, start=1):
                cells = []
                line_start = offset
                texts = []
                for c, cell in enumerate(row.cells, start=1):
                    text = " ".join(cell_text(cell).split())
                    cells.append(TableCell(text, line_start + sum(len(t) + 1 for t in texts)))
                    blocks.append(Block(cells[-1].start, {"table": number, "row": r, "cell": c, **({"heading": heading} if heading else {})}))
                    texts.append(text)
                parts.append("\t".join(texts) + "\n")
                _anchor(anchored, _comment_ids(row._tr), line_start, offset + len("\t".join(texts)))
                offset += len("\t".join(texts)) + 1
                rows.append(tuple(cells))
            tables.append(Table(number, tuple(rows)))
        else:
            marker = _list_marker(item, levels, counters)
            text = marker + paragraph_text(item._p)
            label: dict = {}
            if text.strip():  # Word counts the paragraphs that hold something
                paragraph_number += 1
                label["paragraph"] = paragraph_number
                if _is_heading(item):
                    heading = " ".join(text.split())[:80]
            if heading:
                label["heading"] = heading
            start = add(text, label)
            _anchor(anchored, _comment_ids(item._p), start, start + len(text))
    comments = tuple(sorted((start, end, comment_texts[i]) for i, (start, end) in anchored.items() if i in comment_texts))
    return Document(display, "".join(parts), "docx", tuple(blocks), tuple(tables), comments,
                    pending_revisions(document.element.body))


def pending_revisions(body) -> int:
    """How many tracked insertions, deletions and moves the document still holds."""
    from docx.oxml.ns import qn

    return sum(1 for tag in ("ins", "del", "moveTo", "moveFrom") for _ in body.iter(qn(f"w:{tag}")))


_COMMENT_TAGS = ("commentRangeStart", "commentRangeEnd", "commentReference")


def _comment_texts(document) -> dict[str, str]:
    """Comment id → its text, for the comments an `auditor: ignore` may be in."""
    try:
        return {str(c.comment_id): c.text for c in document.comments}
    except Exception:  # no comments part, or one python-docx cannot read: no comments
        return {}


def _comment_ids(element) -> set[str]:
    from docx.oxml.ns import qn

    return {node.get(qn("w:id")) for tag in _COMMENT_TAGS for node in element.iter(qn(f"w:{tag}"))}


def _anchor(anchored: dict[str, list[int]], ids: set[str], start: int, end: int) -> None:
    for comment_id in ids:
        span = anchored.setdefault(comment_id, [start, end])
        span[0], span[1] = min(span[0], start), max(span[1], end)


# --- pdf -------------------------------------------------------------------------------

def read_pdf(path: Path, display: str) -> Document:
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not the user's business
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect

        try:
            pdf = pdfplumber.open(str(path))
        except PDFPasswordIncorrect:
            raise InputError("encrypted_pdf") from None
    except InputError:
        raise
    except Exception as exc:
        # pdfplumber wraps pdfminer's error: the cause is in args or the context
        causes = [exc, *[a for a in exc.args if isinstance(a, BaseException)], exc.__context__]
        if any(type(c).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError") for c in causes if c is not None):
            raise InputError("encrypted_pdf") from None
        cause = next((c for c in causes[1:] if c is not None), exc)
        raise InputError("corrupt_pdf", reason=f"{type(cause).__name__}: {cause}".splitlines()[0]) from None
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    try:
        with pdf:
            for page_number, page in enumerate(pdf.pages, start=1):
                text = page.extract_text() or ""
                page.close()  # pdfplumber keeps every page's parsed objects otherwise: memory grew per page
                for line_number, line in enumerate(text.splitlines(), start=1):
                    blocks.append(Block(offset, {"page": page_number, "line": line_number}))
                    parts.append(line + "\n")
                    offset += len(line) + 1
    except Exception as exc:
        raise InputError("corrupt_pdf", reason=f"{type(exc).__name__}: {exc}".splitlines()[0]) from None
    text = "".join(parts)
    if not text.strip():
        raise InputError("pdf_needs_ocr")
    return Document(display, text, "pdf", tuple(blocks))


# --- html ------------------------------------------------------------------------------

