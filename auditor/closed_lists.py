"""Lists said, by how they are written, to be the whole of a total:

- items, then a bare 共 closing them in the same sentence:
  三组72户、五组72户、六组71户,共215户 / 农业171件,对外经济257件,三类共428件
  (一共, 总共, 合共, 共有 alike; a stated number of items must be met);
- a total said to be made of its parts: 耕地面积80.3万亩,由水田34.1万亩和旱地46.2万亩构成 (组成);
- parts added up: 37所公办幼儿园加上13所民办幼儿园,总数达50所;
- a total, then its items one a line, numbered (…共3561人次,具体如下:⏎1.学前…562人次;⏎2.…);
- numbered lines, each one item, then 上述三个方面共完成任务949项 (the number of lines stated).

Each is the whole: the parts must add up (SM001). Parts are figures of the
total's unit and kind, written exactly, one an item; an item holding a change
(比上年增加…, 由…提高到…) or a second figure of the unit makes the list
unreadable, and nothing is read.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from auditor.cnnum import standard_number
from auditor.extract import Figure
from auditor.model import Analysis

_KINDS = ("count", "money", "area", "weight", "length", "volume")
_MAX_ITEMS = 12
_MAX_LINES = 12

# the words of an item that make it no plain part: a change, a before/after, another period's base, a per-head value
_NOT_PLAIN_RE = re.compile(r"增加|减少|增长|下降|提高|降低|上升|比上年|较上年|同比|环比|上年|去年|同期|由|从|到|至|每|人均|户均|平均"
                           r"|其中|合计|总计|小计|累计|共|约|近|余|多|以上|以下|超过|不足")
_COUNT = r"[两二三四五六七八九十]|\d{1,2}"
_MEASURE = r"(?:个|项|类|组|部分|方面|块|档|种|所|家|村|镇|乡|批|处|笔)"

# ,共215户 / ,三类共487件 / ,一共 / ,总共 / ,共有 — the clause closing the list is the total alone
_BARE_TOTAL_RE = re.compile(
    rf"\s*(?:(?:以上|上述|这)?(?P<n>{_COUNT})\s*{_MEASURE}[\u4e00-\u9fff]{{0,2}}?)?"
    r"(?:一共|总共|合共|共有|共)(?P<name>[\u4e00-\u9fff]{0,6}?)(?:为|达|达到|是)?\s*$")
_ITEM_SPLIT_RE = re.compile(r"[、,;]")

# ,由水田34.1万亩和旱地44.2万亩构成 / 组成
_MADE_OF_RE = re.compile(r"\s*[,]?\s*由(?P<items>[^。;!?\n]{2,80}?)(?:共同)?(?:构成|组成)")
_JOINERS_RE = re.compile(r"^\s*\)?\s*(?:、|和|及|与|以及|,)\s*[\u4e00-\u9fff]{0,14}\s*\(?\s*$")
# …(1699起)三部分构成: the number of parts the list says it has, after its last
_MADE_COUNT_RE = re.compile(rf"^\s*\)?\s*(?:等|共)?(?P<n>{_COUNT})\s*(?:个)?(?:部分|类|项|块|方面)(?:共同)?$")

# A加上B,总数达C
_ADDED_RE = re.compile(r"加上|再加上|连同")
_ADDED_TOTAL_RE = re.compile(r"[,]\s*[^\d,。;]{0,12}?(?:总数|总量|总额|总计|合计|共计|总共|一共|共)(?:达到|达|为|是|有)?\s*$")

# …共3561人次,具体如下: / 如下。 / 分别是:
_BELOW_RE = re.compile(r"^\s*[,]?\s*(?:具体|明细|分项|分类)?(?:情况)?(?:如下|是|为)\s*[:。]\s*$")
_NUMBERED_RE = re.compile(r"\s*(?:\d{1,2}\s*[.、)](?!\d)|\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*\)|[一二三四五六七八九十]{1,3}是|[①②③④⑤⑥⑦⑧⑨⑩])")
# 上述三个方面共完成任务949项 / 以上四类合计…
_ABOVE_RE = re.compile(rf"\s*(?:以上|上述|前述)(?P<n>{_COUNT})\s*{_MEASURE}[\u4e00-\u9fff]{{0,4}}?(?:合计|总计|共计|一共|总共|共)(?P<name>[\u4e00-\u9fff]{{0,8}}?)(?:为|达|达到|是)?\s*$")


def _count(written: str | None) -> int | None:
    if written is None:
        return None
    value = int(written) if written.isdigit() else standard_number(written)
    return int(value) if value is not None else None


def _alike(figure: Figure, total: Figure) -> bool:
    return figure.base_unit == total.base_unit and figure.kind == total.kind


def _plain(figure: Figure) -> bool:
    return figure.exact and not figure.derived


def find_closed_lists(analysis: Analysis, claimed: set[int]) -> list[tuple[Figure, list[Figure], list[str]]]:
    """(total, parts, labels) of every list read here whose total no other reader claimed: the whole."""
    text, figures = analysis.text, analysis.figures
    if not figures:
        return []
    found = []
    for reading in (_items_then_bare_total, _made_of, _added_up, _lines_below, _lines_above, _subtotal_columns):
        for total, parts, labels in reading(analysis):
            if total.index in claimed or len(parts) < 2:
                continue
            claimed.add(total.index)
            found.append((total, parts, labels))
    return found


def _items_then_bare_total(analysis: Analysis):
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    starts = [f.start for f in figures]
    for total in figures:
        if total.kind not in _KINDS or not _plain(total):
            continue
        clause_start, _ = text.clause_span(total.start)
        if not clause_start or norm[clause_start - 1] not in ",;":
            continue
        head = _BARE_TOTAL_RE.match(norm, clause_start, total.number_start)
        if head is None:
            continue
        sentence_start, _ = text.sentence_span(total.start)
        items = _items(norm, figures, starts, max(sentence_start, clause_start - 300), clause_start - 1, total)
        if items is None:
            continue
        stated = _count(head.group("n"))
        if stated is not None and stated != len(items):
            continue
        name = head.group("name")
        if len(name) > 2 and name[-2:] not in norm[sentence_start:clause_start]:
            continue  # 东村搬迁14户、西村搬迁22户,共有贫困户40户: a total of something the items do not name
        yield total, [f for f, _ in items], [label for _, label in items]


def _items(norm: str, figures, starts, start: int, stop: int, total: Figure):
    """(figure, label) of every item of norm[start:stop] split at 、,; — each item one plain figure of
    the total's unit and nothing else; items with no figure only before the first (a lead-in clause)."""
    colon = norm.rfind(":", start, stop)
    if colon >= 0:
        start = colon + 1
    if "其中" in norm[start:stop] or "(" in norm[start:stop]:
        return None
    pieces, cursor = [], start
    for mark in _ITEM_SPLIT_RE.finditer(norm, start, stop):
        pieces.append((cursor, mark.start()))
        cursor = mark.end()
    pieces.append((cursor, stop))
    items = []
    for piece_start, piece_end in pieces:
        inside = [f for f in figures[bisect_left(starts, piece_start) : bisect_left(starts, piece_end)]
                  if _alike(f, total) or not f.chinese]  # 三组72户: 三组 names the item
        if not inside:
            if items:
                return None  # words between the items: a sentence, not a list
            continue
        if len(inside) != 1:
            return None
        figure = inside[0]
        if not _alike(figure, total) or not _plain(figure) or figure.end > piece_end:
            return None
        label = norm[piece_start : figure.number_start].strip()
        if not label or _NOT_PLAIN_RE.search(label) or norm[figure.end : piece_end].strip():
            return None
        items.append((figure, label))
    return items if 2 <= len(items) <= _MAX_ITEMS else None


def _made_of(analysis: Analysis):
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "成" not in norm:
        return
    starts = [f.start for f in figures]
    for total in figures:
        if total.kind not in _KINDS or not _plain(total):
            continue
        made = _MADE_OF_RE.match(norm, total.end)
        if made is None:
            continue
        inside = figures[bisect_left(starts, made.start("items")) : bisect_left(starts, made.end("items"))]
        if len(inside) >= 3 and not _alike(inside[-1], total) and _MADE_COUNT_RE.match(norm[inside[-2].end : made.end("items")]):
            inside = inside[:-1]  # …(1699起)三部分构成: the count of the parts, read as a figure of its own
        if not 2 <= len(inside) <= _MAX_ITEMS or not all(_alike(f, total) and _plain(f) for f in inside):
            continue
        if any(not _JOINERS_RE.match(norm[a.end : b.number_start]) for a, b in zip(inside, inside[1:])):
            continue
        tail = norm[inside[-1].end : made.end("items")]
        if tail.strip(" )"):
            counted = _MADE_COUNT_RE.match(tail)
            if counted is None or _count(counted.group("n")) != len(inside):
                continue  # words after the last part: another item, unread, or a count the list does not meet
        labels = [norm[(inside[i - 1].end if i else made.start("items")) : f.number_start].strip(" 、和及与以,()") for i, f in enumerate(inside)]
        if any(_NOT_PLAIN_RE.search(label) for label in labels):
            continue
        yield total, inside, labels


def _added_up(analysis: Analysis):
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if not _ADDED_RE.search(norm):
        return
    starts = [f.start for f in figures]
    for total in figures:
        if total.kind not in _KINDS or not _plain(total):
            continue
        sentence_start, _ = text.sentence_span(total.start)
        if not _ADDED_TOTAL_RE.search(norm, sentence_start, total.number_start):
            continue
        closing = norm.rfind(",", sentence_start, total.number_start)
        before = figures[bisect_left(starts, sentence_start) : total.index]
        if not 2 <= len(before) <= _MAX_ITEMS or not all(_alike(f, total) and _plain(f) for f in before):
            continue
        gaps = [norm[a.end : b.number_start] for a, b in zip(before, before[1:])]
        if not all(_ADDED_RE.search(gap) for gap in gaps) or _NOT_PLAIN_RE.search(norm[sentence_start:closing]):
            continue
        labels = [norm[f.end : (before[i + 1].number_start if i + 1 < len(before) else closing)].strip(" ,") for i, f in enumerate(before)]
        yield total, before, labels


def _line_item(text, figures, starts, line_start: int, line_end: int, total: Figure) -> Figure | None | bool:
    """The one figure of a numbered item line; False for a line that is no item (the list is over),
    None for a numbered line that cannot be read (the list is unreadable)."""
    norm = text.norm
    numbered = _NUMBERED_RE.match(norm, line_start, line_end)
    if not numbered:
        return False
    inside = figures[bisect_left(starts, numbered.end()) : bisect_left(starts, line_end)]
    if not any(_alike(f, total) for f in inside):
        return False  # a point of another kind: the list is over
    if len(inside) != 1 or not _plain(inside[0]):
        return None
    label = norm[line_start : inside[0].number_start]
    if _NOT_PLAIN_RE.search(_NUMBERED_RE.sub("", label)) or _NOT_PLAIN_RE.search(norm[inside[0].end : line_end]):
        return None
    return inside[0]


def _label(norm: str, line_start: int, figure: Figure) -> str:
    words = re.findall(r"[\u4e00-\u9fff]+", _NUMBERED_RE.sub("", norm[line_start : figure.number_start]))
    return words[-1][-10:] if words else ""


def _item_lines(text, figures, starts, total: Figure, position: int, down: bool, most: int) -> tuple[list[Figure], bool]:
    """The item figures of consecutive lines from position, walking down or up, at most `most`
    lines, and whether something ended the run within them (a line of no item, the text's end);
    no items when a line reads otherwise (another figure of the total's unit)."""
    parts: list[Figure] = []
    for _ in range(most):
        if position >= len(text.norm) if down else position <= 0:
            return parts, True
        start, end = text.line_span(position)
        item = _line_item(text, figures, starts, start, end, total)
        if item is False:
            return parts, True
        if item is None:
            return [], True
        parts.append(item)
        position = end + 1 if down else start - 1
    return parts, False


def _lines_below(analysis: Analysis):
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "如下" not in norm:
        return
    starts = [f.start for f in figures]
    for total in figures:
        if total.kind not in _KINDS or not _plain(total):
            continue
        line_start, line_end = text.line_span(total.start)
        if line_end - total.end > 16 or not _BELOW_RE.match(norm[total.end : line_end]):
            continue
        if any(_alike(f, total) for f in figures[bisect_left(starts, line_start) : total.index]):
            continue  # two figures of the unit before 如下: which one the lines split is not said
        parts, ended = _item_lines(text, figures, starts, total, line_end + 1, True, _MAX_LINES)
        if not ended or len(parts) < 2:
            continue  # no line ends the run within reach, or a line of another reading breaks it
        stated = _COUNT_IN_LINE_RE.search(norm, line_start, total.number_start)
        if stated is not None and _count(stated.group("n")) != len(parts):
            continue
        yield total, parts, [_label(norm, text.line_span(p.start)[0], p) for p in parts]


_COUNT_IN_LINE_RE = re.compile(rf"(?P<n>{_COUNT})\s*(?:个|项|类|部分|方面)")


def _lines_above(analysis: Analysis):
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "上" not in norm:
        return
    starts = [f.start for f in figures]
    for total in figures:
        if total.kind not in _KINDS or not _plain(total):
            continue
        line_start, _ = text.line_span(total.start)
        head = _ABOVE_RE.match(norm, line_start, total.number_start)
        if head is None or not line_start:
            continue
        wanted = _count(head.group("n"))
        if wanted is None:
            continue
        parts, _ = _item_lines(text, figures, starts, total, line_start - 1, False, wanted + 1)
        if len(parts) != wanted:
            continue  # fewer lines than said, or more: which ones are summed is not clear
        parts.reverse()
        yield total, parts, [_label(norm, text.line_span(p.start)[0], p) for p in parts]


# 乡镇 小麦(亩) 玉米(亩) 小计(亩): a header whose last column totals the others, each of one unit
_HEADER_CELL_RE = re.compile(r"[\u4e00-\u9fff]{1,10}(?:\((?P<unit>[^()\d]{1,6})\))?")
_TOTAL_HEADER_RE = re.compile(r"(?:小计|合计|总计)(?:\((?P<unit>[^()\d]{1,6})\))?")
_ROW_LABEL_RE = re.compile(r"[\u4e00-\u9fff]{1,12}")
_NUMBER_CELL_RE = re.compile(r"\d+(?:\.\d+)?")
_MAX_COLUMNS = 8


def _subtotal_columns(analysis: Analysis):
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "计" not in norm:
        return
    starts = [f.start for f in figures]
    lines = norm.split("\n")
    offset = 0
    offsets = []
    for line in lines:
        offsets.append(offset)
        offset += len(line) + 1
    for number, line in enumerate(lines):
        cells = line.split()
        if not 3 <= len(cells) <= _MAX_COLUMNS or not _TOTAL_HEADER_RE.fullmatch(cells[-1]):
            continue
        heads = [_HEADER_CELL_RE.fullmatch(cell) for cell in cells[1:-1]]
        if not all(heads) or not _ROW_LABEL_RE.fullmatch(cells[0]):
            continue
        units = {h.group("unit") for h in heads} | {_TOTAL_HEADER_RE.fullmatch(cells[-1]).group("unit")}
        if len(units) != 1 or None in units:
            continue  # every column in one unit, written in the header
        for row in range(number + 1, min(len(lines), number + 1 + _MAX_LINES)):
            row_cells = lines[row].split()
            if (len(row_cells) != len(cells) or not _ROW_LABEL_RE.fullmatch(row_cells[0])
                    or not all(_NUMBER_CELL_RE.fullmatch(c) for c in row_cells[1:])):
                break
            start, end = offsets[row], offsets[row] + len(lines[row])
            inside = figures[bisect_left(starts, start) : bisect_left(starts, end)]
            if len(inside) != len(cells) - 1 or not all(f.exact and not f.unit for f in inside):
                break
            total, parts = inside[-1], inside[:-1]
            yield total, parts, [c for c in cells[1:-1]]
