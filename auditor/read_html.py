"""Read .html into the text the rules run on, every character traced back to
its line and column in the source file.

The visible text of `<main>`/`<article>` when there is one, else the article
of the page as trafilatura finds it (a page saved from a browser: no
navigation, breadcrumbs or footer; see `article_lines`);
scripts, styles and the like are skipped; blocks go on lines of their own and
runs of white space (line breaks in the markup too, as a browser shows them;
not inside `<pre>`) become one space. Each stretch of the text is a `Block`
labelled with the source line and column it starts at (and the nearest
`<h1>`–`<h6>` above it), so a finding can be located in the file a person or
an annotation tool opens.
"""

from __future__ import annotations

import html as html_module
import re
from html.parser import HTMLParser
from pathlib import Path

from auditor.read import Block, Document, InputError

_SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main",
           "table", "ul", "ol", "blockquote", "pre", "header", "footer", "td", "th", "dd", "dt"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

Place = tuple[int, int, str] | None  # (source line, source column, heading) of one character


class _TextCollector(HTMLParser):
    """Visible characters with their source positions; the <main>/<article> part apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.skip = 0
        self.in_main = 0
        self.chars: list[tuple[str, Place]] = []
        self.main_chars: list[tuple[str, Place]] = []
        self.heading = ""
        self.heading_parts: list[str] | None = None
        self.in_pre = 0
        # tables: each a list of rows, each row a list of cells [start, end, colspan] as
        # indexes into `chars` and into `main_chars`; a stack for nested tables
        self.tables: list[list[list[list[int]]]] = []
        self.open_tables: list[list[list[list[int]]]] = []
        self.open_cells: list[list[int]] = []

    def parse_marked_section(self, i, report=1):
        # html.parser asserts on "<![" with an unknown keyword (<![CDA[); a
        # browser skips it as a bogus comment, and so do we
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skip += 1
        elif tag == "pre":
            self.in_pre += 1
        elif tag in ("main", "article"):
            self.in_main += 1
        if tag in _HEADINGS and not self.skip:
            self.heading_parts = []
        if tag in _BLOCKS:
            self._push("\n", None)
        if not self.skip:
            self._table_start(tag, attrs)

    def _table_start(self, tag, attrs) -> None:
        if tag == "table":
            self.open_tables.append([])
            self.tables.append(self.open_tables[-1])
        elif tag == "tr" and self.open_tables:
            self.open_tables[-1].append([])
        elif tag in ("td", "th") and self.open_tables:
            if not self.open_tables[-1]:
                self.open_tables[-1].append([])
            span = dict(attrs).get("colspan") or "1"
            cell = [len(self.chars), len(self.chars), len(self.main_chars), len(self.main_chars),
                    min(int(span), 50) if span.isdigit() and int(span) > 0 else 1]
            self.open_tables[-1][-1].append(cell)
            self.open_cells.append(cell)

    def _table_end(self, tag) -> None:
        if tag == "table" and self.open_tables:
            self.open_tables.pop()
        elif tag in ("td", "th") and self.open_cells:
            cell = self.open_cells.pop()
            cell[1], cell[3] = len(self.chars), len(self.main_chars)

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self._push("\n", None)

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
        elif tag in ("main", "article"):
            self.in_main = max(0, self.in_main - 1)
        if tag in _HEADINGS and self.heading_parts is not None:
            self.heading = " ".join("".join(self.heading_parts).split())[:80]
            self.heading_parts = None
        if tag in _BLOCKS:
            self._push("\n", None)
        if not self.skip:
            self._table_end(tag)

    def handle_data(self, data):
        if self.skip:
            return
        line, column = self.getpos()
        for ch in data:
            # a line break in the markup is white space, except inside <pre>
            self._push(ch, None if ch == "\n" and self.in_pre else (line, column + 1, self.heading))
            if ch == "\n":
                line, column = line + 1, 0
            else:
                column += 1

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    def _reference(self, written: str) -> None:
        if self.skip:
            return
        line, column = self.getpos()
        for ch in html_module.unescape(written):
            self._push(ch, (line, column + 1, self.heading))

    def _push(self, ch: str, place: Place) -> None:
        if self.heading_parts is not None:
            self.heading_parts.append(ch)
        self.chars.append((ch, place))
        if self.in_main:
            self.main_chars.append((ch, place))


def html_chars(markup: str) -> list[tuple[str, Place]]:
    """The text read_html gives, character by character with source places."""
    return _layout(markup)[0]


def _layout(markup: str) -> tuple[list[tuple[str, Place]], tuple]:
    """The text's characters with their places, and the tables in it."""
    from auditor.read import Table, TableCell

    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    main = collector.main_chars
    use_main = any(not ch.isspace() for ch, _ in main)
    chars = main if use_main else collector.chars
    lines: list[list[tuple[int, str, Place]]] = []  # the text's lines, white space collapsed
    line: list[tuple[int, str, Place]] = []
    for index, (ch, place) in enumerate(chars + [("\n", None)]):
        if ch == "\n" and place is None:
            collapsed = _collapsed(line)
            if collapsed:
                lines.append(collapsed)
            line = []
        else:
            line.append((index, ch, place))
    if not use_main:
        lines = article_lines(markup, lines)
    out: list[tuple[str, Place]] = []
    kept = [-1] * (len(chars) + 1)  # raw index → offset in the text, -1 when dropped
    for collapsed in lines:
        for raw, ch, place in collapsed:
            if raw >= 0:
                kept[raw] = len(out)
            out.append((ch, place))
        out.append(("\n", None))
    text = "".join(ch for ch, _ in out)
    tables = []
    for rows in collector.tables:
        table_rows = []
        for row in rows:
            cells = []
            for cell in row:
                start, end = (cell[2], cell[3]) if use_main else (cell[0], cell[1])
                offsets = [kept[i] for i in range(start, end) if kept[i] >= 0]
                if offsets:
                    first, last = offsets[0], offsets[-1] + 1
                    content = text[first:last]
                    if "\n" in content:  # a cell holding blocks: its first line
                        content = content.split("\n")[0]
                    cells.extend([TableCell(content, first)] * cell[4])
                else:
                    cells.extend([TableCell("", 0)] * cell[4])
            if cells:
                table_rows.append(tuple(cells))
        if table_rows and any(any(c.text for c in r) for r in table_rows):
            tables.append(Table(len(tables) + 1, tuple(table_rows)))
    return out, tuple(tables)


def _collapsed(line: list[tuple[int, str, Place]]) -> list[tuple[int, str, Place]]:
    """" ".join(line.split()), keeping each character's raw index (-1 for a joining space) and place."""
    out: list[tuple[int, str, Place]] = []
    pending = False
    for raw, ch, place in line:
        if ch.isspace():
            pending = bool(out)
            continue
        if pending:
            out.append((-1, " ", None))
            pending = False
        out.append((raw, ch, place))
    return out


_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)


def article_lines(markup: str, lines: list[list[tuple[int, str, Place]]]) -> list[list[tuple[int, str, Place]]]:
    """A saved page with no <main>/<article>: its article, found by trafilatura.

    The lines from the first to the last that trafilatura keeps as the article
    (so a table or caption inside it stays), and the page's title line before
    them; navigation, breadcrumbs, share buttons and the footer around them
    go. Positions are untouched: the lines kept are the reader's own. Without
    trafilatura, or when it finds nothing, every line is kept."""
    try:
        import trafilatura
    except ImportError:
        return lines
    import logging

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        article = trafilatura.extract(markup, include_tables=True, include_comments=False, deduplicate=False)
    except Exception:  # noqa: BLE001 - an extractor's failure only means the whole page is read
        return lines
    if not article:
        return lines

    def compact(text: str) -> str:
        return "".join(text.split())

    wanted = {compact(line) for line in article.splitlines() if compact(line)}
    whole = compact(article)
    texts = [compact("".join(ch for _, ch, _ in line)) for line in lines]
    hits = [i for i, text in enumerate(texts) if text in wanted or (len(text) >= 8 and text in whole)]
    if not hits:
        return lines
    first, last = hits[0], hits[-1]
    kept = list(range(first, last + 1))
    title = _TITLE_RE.search(markup)
    title_text = compact(html_module.unescape(title.group(1))) if title else ""
    before = next((i for i in range(first - 1, max(first - 6, -1), -1) if len(texts[i]) >= 4 and texts[i] in title_text), None)
    if before is not None:
        kept.insert(0, before)
    return [lines[i] for i in kept]


def blocks_of(chars: list[tuple[str, Place]]) -> tuple[Block, ...]:
    """One block a stretch of characters that are consecutive in the source."""
    blocks: list[Block] = []
    previous: Place = None
    for offset, (_, place) in enumerate(chars):
        if place is None:
            continue
        line, column, heading = place
        follows = previous is not None and previous[0] == line and previous[1] + 1 == column and previous[2] == heading
        if not follows:
            label: dict = {"source_line": line, "source_column": column}
            if heading:
                label["heading"] = heading
            blocks.append(Block(offset, label))
        previous = place
    return tuple(blocks)


def read_html(path: Path, display: str) -> Document:
    from auditor.read import read_decoded

    markup, encoding = read_decoded(path)
    chars, tables = _layout(markup)
    text = "".join(ch for ch, _ in chars)
    if not text.strip():
        raise InputError("empty")
    return Document(display, text, encoding, blocks_of(chars), tables)
