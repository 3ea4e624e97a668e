"""Checks on the words themselves: residue from web pages and templates, stray
characters, and the generic `phrase` / `pattern` checks users build rules on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from auditor.normalise import fold_width
from auditor.recache import compile_scanning
from auditor.model import Analysis, Hit
from auditor.regexscan import PatternSet, finditer, pattern_set
from auditor.rulepack import Rule
from auditor.checks.base import Check, Params


@lru_cache(maxsize=256)
def _compile(patterns: tuple[str, ...], literal: bool) -> re.Pattern:
    parts = [re.escape(p) if literal else f"(?:{p})" for p in patterns]
    return re.compile("|".join(parts) if parts else "(?!)", re.MULTILINE)


@lru_cache(maxsize=256)
def _longest_first(phrases: tuple[str, ...]) -> re.Pattern:
    # longest first; the same order in every process (a set's order is not), so the pattern is one cache entry
    ordered = tuple(sorted(set(phrases), key=lambda p: (-len(p), p)))
    if not ordered or "" in ordered:
        return _compile(ordered, True)
    return re.compile(_by_first_character(ordered), re.MULTILINE)


def _by_first_character(phrases: tuple[str, ...]) -> str:
    """Literal phrases as one alternation per first character (下(?:载全文|一篇)|…): where
    a phrase may start the regex engine tries one group, not every phrase, and inside
    it still the phrases in the order given (the longest first: the same matches)."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0], []).append(phrase[1:])
    return "|".join(re.escape(first) + ("(?:" + "|".join(map(re.escape, rests)) + ")" if any(rests) else "")
                    for first, rests in groups.items())


@dataclass(frozen=True)
class _Span:
    """A piece of debris found without a regular expression; reads like a match."""

    first: int
    last: int
    label: str

    def start(self) -> int:
        return self.first

    def end(self) -> int:
        return self.last


def _per_line(analysis: Analysis, matches: list, block: bool = False) -> Iterator[Hit]:
    """One finding per line: the first match to the last, every phrase named. With
    `block`, debris on consecutive lines (blank lines between allowed) is one finding."""
    by_line: dict[int, list[re.Match]] = {}
    for match in matches:
        by_line.setdefault(analysis.text.line_of(match.start()), []).append(match)
    groups: list[list[re.Match]] = []
    last_line, group_end = None, 0
    for line in sorted(by_line):
        line_end = max(m.end() for m in by_line[line])
        # the group's end is kept as it grows: a block of thousands of lines is not re-read per line
        if block and groups and _only_blank_between(analysis, last_line, line) \
                and not _report_words_between(analysis, group_end, by_line[line]):
            groups[-1].extend(by_line[line])
            group_end = max(group_end, line_end)
        else:
            groups.append(list(by_line[line]))
            group_end = line_end
        last_line = line
    yield from _group_hits(analysis, groups)


def _group_hits(analysis: Analysis, groups: list[list[re.Match]]) -> Iterator[Hit]:
    """One finding per group of matches: the first match to the last, every phrase named."""
    for group in groups:
        start, end = group[0].start(), max(m.end() for m in group)
        named: dict[str, None] = {}  # in order, each once (a block of thousands of lines: no list search)
        for m in group:
            quoted = getattr(m, "label", None) or analysis.text.original[m.start() : m.end()].strip()
            if "\n" in quoted:  # a block over lines (推荐阅读 and its headlines): named by its first line
                quoted = quoted.split("\n", 1)[0].strip() + " …"
            named[quoted] = None
        phrases = list(named)
        shown = phrases if len(phrases) <= 4 else phrases[:4] + ["…"]
        yield Hit(start, end, {"phrase": "、".join(shown)}, {"phrases": phrases})


# the report's own words beside debris on its line: a clause, or an outline heading (一、20xx年…)
_OWN_WORDS_RE = re.compile(r"[,。;!?]|(?:^|[\s】\]])(?:[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)])")
_OWN_WORDS_MIN = 12


def report_words(words: str) -> bool:
    """Whether text left beside debris on a line is the report's own: a title and
    一、20xx年… after a 【 - 页面标题】 tag are; the headlines after 上一篇 and 下一篇 are not."""
    words = words.strip()
    return (len(words) >= _OWN_WORDS_MIN and bool(_OWN_WORDS_RE.search(words))
            and bool(_WORD_RUN_RE.search(words)))  # ,当前显示3253字,还剩4027字 is a page's counter, not a clause


_WORD_RUN_RE = re.compile(r"[\u4e00-\u9fff]{6}")


def _quoted_in_prose(norm: str, start: int, end: int) -> bool:
    """常问“还没有账号?怎么注册?”,我们…: words someone said, quoted in the report's sentence."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line_end = len(norm) if line_end < 0 else line_end
    for open_mark, close_mark in (("“", "”"), ("「", "」")):
        opening = norm.rfind(open_mark, max(line_start, start - 60), start)
        if opening < 0 or close_mark in norm[opening:start]:
            continue
        closing = norm.find(close_mark, end, min(line_end, end + 60))
        if closing >= 0 and report_words(norm[max(line_start, opening - 200) : opening] + norm[closing + 1 : min(line_end, closing + 200)]):
            return True
    return False


def _report_words_between(analysis: Analysis, last_end: int, after: list) -> bool:
    """The report's own words after the last debris of one line (which ends at last_end) or
    before the first of the next: the two are debris in the report's text, not one block of
    someone else's page."""
    text = analysis.text
    norm = text.norm
    # the lines as the file has them (text.line_span): a hard-wrapped page's normalised text joins them
    line_end = max(text.line_span(max(last_end - 1, 0))[1], last_end)
    first_start = min(m.start() for m in after)
    line_start = min(text.line_span(first_start)[0], first_start)
    # before the next line's debris only a full sentence counts: headlines between 热门推荐 and 上一篇 carry commas
    return report_words(norm[last_end:line_end]) \
        or "。" in norm[line_start:first_start] and report_words(norm[line_start:first_start])


def _only_blank_between(analysis: Analysis, first: int, second: int) -> bool:
    """Lines first and second (1-based) are one block of debris: only blank lines, or up
    to two short lines with no sentence in them (a page title, 第2页), lie between."""
    if second == first + 1:
        return True
    starts = analysis.text.line_starts
    between = [line for line in analysis.text.norm[starts[first] : starts[second - 1]].split("\n") if line.strip()]
    # an outline heading of the report's (一、20xx年工作回顾) between two pieces of debris parts them
    return len(between) <= 2 and all(len(line.strip()) <= 40 and "。" not in line
                                     and not _HEADING_RE.match(line.strip()) for line in between)


_HEADING_RE = re.compile(r"[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)]")


def phrase(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """Any of params.phrases (literal text, matched after normalisation)."""
    phrases = rule.options.phrases + tuple(
        w for name in rule.options.vocabulary for w in analysis.pack.words(name)
    )
    pattern = _longest_first(phrases)
    matches = list(pattern.finditer(analysis.text.norm))
    if rule.options.patterns:
        matches = _first_of_overlapping(matches + _pattern_matches(analysis, rule))
    if rule.options.menu_cues:  # the page's own ends: a piece of a long document has them only at its edge
        menus = [trailing_menu(analysis.text.norm, rule.options.menu_cues) if analysis.at_document_end else None,
                 leading_menu(analysis.text.norm, rule.options.menu_cues) if not analysis.offset else None]
        matches = _first_of_overlapping(matches + [m for m in menus if m is not None])
    if rule.options.edge_lines:
        matches = _first_of_overlapping(matches + edge_furniture(analysis, rule.options.edge_lines, matches))
    if rule.options.beside_patterns:
        matches = _first_of_overlapping(matches + _beside_debris(analysis, rule, matches))
    if rule.options.watermarks:
        matches = _first_of_overlapping(matches + watermarks(analysis.text.norm))
    if rule.options.page_marks and matches:  # a site's page numbers come with the site's other debris
        matches = _first_of_overlapping(matches + page_marks(analysis.text.original))
    norm = analysis.text.norm
    matches = [m for m in matches if not _quoted_in_prose(norm, m.start(), m.end())]
    yield from _per_line(analysis, matches, rule.options.group == "block")


# --- a document site's page numbers: 1、 page one … ⏎ 2、 page two, cut inside a sentence ------

_PAGE_MARK_RE = re.compile(r"^[ \t]*(\d{1,3})、", re.MULTILINE)
# a page's text is a few hundred characters; an outline item that long still ends its sentence
_PAGE_MIN = 120
_SENTENCE_END = frozenset("。!?;:…”’」』)]】》>.\"'")


def page_marks(original: str) -> list[_Span]:
    """The page numbers a document site puts before each page of a preview (1、…⏎2、…⏎3、…):
    a line that starts with N、 right after a long line that starts with N-1、 and stops
    inside a sentence (…紧紧围绕“农民增收 ⏎ 2、、企业增税”). An outline heading is short, and a
    list item that long ends its sentence; the caller looks for these only on a page that
    carries the site's other debris (下载文档, 页数:8页). Read on the original's lines (full-width
    forms folded): the normalised copy joins a line cut before a figure (收入⏎2、87100) to the
    line before it."""
    norm = fold_width(original)
    found: list[_Span] = []
    for match in _PAGE_MARK_RE.finditer(norm):
        position = _neighbour_line(norm, match.start(), -1)  # blank lines between are skipped
        if position is None:
            continue
        end = norm.find("\n", position)
        before = norm[position : end].strip()
        number = int(match.group(1))
        head = _PAGE_MARK_RE.match(before)
        if (number >= 2 and head is not None and int(head.group(1)) == number - 1 and len(before) >= _PAGE_MIN
                and before[-1] not in _SENTENCE_END):
            found.append(_Span(match.start(1), match.end(), match.group(0).strip()))
    return found


# --- a site's watermark glued to the end of paragraphs -------------------------------------

_MARK_MIN, _MARK_MAX, _MARK_TIMES = 8, 40, 3
# what names a site: Latin letters, a dash pair, 网 / 百科 / 文库; a report's own repeated
# words (…发展趋势 under three charts, 达到指标要求。) carry none of these
_SITE_WORD_RE = re.compile(r"[A-Za-z]{2}|--|——|网|百科|文库|www")
_MARK_STOP_RE = re.compile(r"[。,;!?、:%()\d]")


def watermarks(norm: str) -> list[_Span]:
    """A site's name glued to the end of three paragraphs or more (…总结如下。EiW乡村百科--
    为乡村振兴助力): the same run of 8 characters or more ends each line after the line's own
    text, holds no sentence mark or figure, and names a site."""
    lines: list[tuple[int, str]] = []
    start = 0
    for line in norm.split("\n"):
        stripped = line.rstrip()
        if len(stripped.strip()) > _MARK_MIN:
            lines.append((start, stripped))
        start += len(line) + 1
    counts: dict[str, int] = {}
    for _, line in lines:
        for size in range(_MARK_MIN, min(_MARK_MAX, len(line.strip()) - 1) + 1):
            counts[line[-size:]] = counts.get(line[-size:], 0) + 1
    # the longest run the lines share, not its own ends: 良好--县农业农村局审核 after 98% and 95%
    # is the end of a table's rows (% 良好--…), which the stop marks then rule out
    before: dict[str, set[str]] = {}
    for _, line in lines:
        for size in range(_MARK_MIN, min(_MARK_MAX, len(line.strip()) - 1) + 1):
            if counts[line[-size:]] >= _MARK_TIMES:
                before.setdefault(line[-size:], set()).add(line[-size - 1])
    tails = [tail for tail, chars in before.items() if len(chars) > 1 and _SITE_WORD_RE.search(tail)
             and not _MARK_STOP_RE.search(tail) and not tail[0].isspace()]
    found: list[_Span] = []
    for line_start, line in lines:
        for tail in tails:
            if line.endswith(tail):
                found.append(_Span(line_start + len(line) - len(tail), line_start + len(line), tail))
                break
    return found


@lru_cache(maxsize=256)
def _each(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    # compiled one by one: an alternation of them would lose the regex engine's
    # fast scan for a literal or a character-class prefix
    return tuple(compile_scanning(p, re.MULTILINE) for p in patterns)


@lru_cache(maxsize=256)
def _each_set(patterns: tuple[str, ...]) -> PatternSet:
    return pattern_set(_each(patterns))


def pattern(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """Any of params.patterns (Python regular expressions on the normalised text); a match
    of params.beside_patterns only where other debris lies on its line or the next to it."""
    norm = analysis.text.norm
    matches = _pattern_matches(analysis, rule)
    if rule.options.beside_patterns:
        matches = _first_of_overlapping(matches + _beside_debris(analysis, rule, matches))
    matches = [m for m in matches if not _quoted_in_prose(norm, m.start(), m.end())]
    yield from _per_line(analysis, matches, rule.options.group == "block")


def _beside_debris(analysis: Analysis, rule: Rule, debris: list[re.Match]) -> list[re.Match]:
    """The matches of params.beside_patterns (a posting stamp: an article's own date as
    easily) with debris on their line or the nearest non-blank line either side: this
    rule's own findings, params.beside_cues (来源:, a site's name) or another rule's
    debris (params.beside_rules: 导语:…不代表本站观点)."""
    text, norm = analysis.text, analysis.text.norm
    debris_lines = {line for m in debris for line in (text.line_of(m.start()), text.line_of(max(m.start(), m.end() - 1)))}
    cues = _each(rule.options.beside_cues)
    others = [other for other in map(analysis.pack.get, rule.options.beside_rules) if other is not None]
    kept: list[re.Match] = []
    for match in (m for p in _each(rule.options.beside_patterns) for m in finditer(p, norm)):
        before = _neighbour_line(norm, match.start(), -1)
        after = _neighbour_line(norm, max(match.start(), match.end() - 1), 1)
        lines = {text.line_of(match.start()), text.line_of(max(match.start(), match.end() - 1))}
        lines |= {text.line_of(position) for position in (before, after) if position is not None}
        start = text.line_span(before if before is not None else match.start())[0]
        end = text.line_span(after if after is not None else max(match.start(), match.end() - 1))[1]
        if lines & debris_lines or _found_in(norm, start, end, match, cues, others, analysis):
            kept.append(match)
    return kept


def _found_in(norm: str, start: int, end: int, match: re.Match, cues: tuple[re.Pattern, ...],
              others: list[Rule], analysis: Analysis) -> bool:
    """A cue outside the match, or another rule's debris, between start and end."""
    for cue in cues:
        for found in cue.finditer(norm, start, end):
            if found.end() <= match.start() or found.start() >= match.end():
                return True
    ranges = [(start, match.start()), (match.end(), end)]
    for other in others:
        vocabulary = tuple(w for name in other.options.vocabulary for w in analysis.pack.words(name))
        searches = [p.search for p in _each(other.options.patterns + (vocabulary if other.check == "pattern" else ()))]
        if other.check == "phrase":
            searches.append(_longest_first(other.options.phrases + vocabulary).search)
        if any(search(norm, first, last) for search in searches for first, last in ranges if first < last):
            return True
    return False


def _pattern_matches(analysis: Analysis, rule: Rule) -> list[re.Match]:
    norm = analysis.text.norm
    patterns = rule.options.patterns + tuple(w for name in rule.options.vocabulary for w in analysis.pack.words(name))
    return _first_of_overlapping(list(_each_set(patterns).finditer(norm)))


# --- a site's menu and footer left at the end of a copied page -------------------------------

_SENTENCE_MARKS_RE = re.compile(r"[。,;!?、]")
# a report's own outline and list lines (markdown bullets too) are not a site's menu
_OUTLINE_START_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.是]|\(|\d{1,2}[.、)]|第[一二三四五六七八九十\d]+|[-*+][ \t])")
_DATE_WORD_RE = re.compile(r"\d\s*[年月日]|[〇零一二三四五六七八九十]\s*[年月日]")
# the end of a report's own lines: its signature, contacts and attachments
_OWN_LINE_RE = re.compile(r"^(?:联系人|报送|抄送|附件|签发|印发|主送|落款|单位|填报|审核|汇报人|述职人)")
_ORG_END_RE = re.compile(r"(?:政府|局|委员会|委|办公室|办|院|中心|公司|站|所|队|处|科|部|厅|镇|乡|街道|村|社区|小组|支部|党委|协会|学校)$")
_MENU_LINE_MAX = 24
_MENU_ITEM_MAX = 12


def trailing_menu(norm: str, cues: tuple[str, ...]) -> _Span | None:
    """A site's menu and footer at the end of a copied page (流动党员之家 / 机关党建 /
    传真:): a run of at least three short lines without a sentence in them, two of them
    bare menu items, with a footer word (传真, 网站地图 …) among them or five items.
    A report's own signature, date, contacts and outline headings stop the run."""
    lines: list[tuple[int, int]] = []  # (start, end) of non-empty lines, last first
    end = len(norm)
    while end > 0:
        start = norm.rfind("\n", 0, end) + 1
        line = norm[start:end].strip()
        if line:
            if not _menu_like(line, cues):
                break
            lines.append((start, end))
        end = start - 1
    texts = [norm[s:e].strip() for s, e in lines]
    items = [t for t in texts if _menu_item(t)]
    has_cue = any(cue in t for t in texts for cue in cues)
    # without a footer word, only a long run of items of mixed length: four-character
    # lines in a row (不忘初心 / 牢记使命 / …) are a report's closing slogans
    if len(texts) < 3 or len(items) < 2 or not (has_cue or len(items) >= 5 and len({len(t) for t in items}) > 1):
        return None
    if _table_cells(texts):
        return None
    if end <= 0:
        return None  # the whole text is short lines: a list, not a page around a report
    first_start, first_end = lines[-1]
    start = first_start + len(norm[first_start:first_end]) - len(norm[first_start:first_end].lstrip())
    last_start, last_end = lines[0]
    stop = last_start + len(norm[last_start:last_end].rstrip())
    return _Span(start, stop, " / ".join(texts[::-1][:3]) + (" …" if len(texts) > 3 else ""))


# a table's value as one cell on a line of its own: 1491, 86.76
_CELL_VALUE_RE = re.compile(r"\d{3,}(?:\.\d+)?|\d+\.\d+")


def _table_cells(texts: list[str]) -> bool:
    """A table laid out one cell a line (项目 / 2021 / 录取数 / 1491 / 1180 …): many of its
    short lines are values, which a site's menu never is (its page numbers are 1, 2, 3)."""
    values = sum(1 for t in texts if _CELL_VALUE_RE.fullmatch(t))
    return values >= 3 and 4 * values >= len(texts)


# a report's own title ends the run of a site's menu above it
_TITLE_END_RE = re.compile(r"(?:总结|报告|汇报|计划|方案|讲话|意见|通知|规划|要点|材料|情况|述职|发言|纪要|通报|公告|决定|办法)$")
_LEADING_MENU_MAX_LINES = 40


def leading_menu(norm: str, cues: tuple[str, ...]) -> _Span | None:
    """A site's menu above a copied page (首页 / 机构概况 / 政务公开 / …): a run of at least
    three short lines without a sentence in them before the first line that is not one,
    two of them bare menu items, with a menu word (首页, 登录 …) among them or five items.
    The report's own title (…工作总结), a date and an outline heading stop the run."""
    lines: list[tuple[int, int]] = []  # (start, end) of non-empty lines, first first
    start = 0
    while start < len(norm) and len(lines) <= _LEADING_MENU_MAX_LINES:
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        line = norm[start:end].strip()
        if line:
            if not _menu_like(line, cues) or _TITLE_END_RE.search(line):
                break
            lines.append((start, end))
        start = end + 1
    else:
        return None  # the whole text is short lines, or the run never ends: a list, not a menu
    texts = [norm[s:e].strip() for s, e in lines]
    items = [t for t in texts if _menu_item(t)]
    has_cue = any(cue in t for t in texts for cue in cues)
    if len(texts) < 3 or len(items) < 2 or not (has_cue or len(items) >= 5 and len({len(t) for t in items}) > 1):
        return None
    if _table_cells(texts):
        return None
    first_start, first_end = lines[0]
    begin = first_start + len(norm[first_start:first_end]) - len(norm[first_start:first_end].lstrip())
    last_start, last_end = lines[-1]
    stop = last_start + len(norm[last_start:last_end].rstrip())
    return _Span(begin, stop, " / ".join(texts[:3]) + (" …" if len(texts) > 3 else ""))


# --- furniture words that are debris only beside other debris: 目录, 参考资料 ---------------

# an encyclopedia's contents list under 目录: 1 历史沿革 / 2.1 位置 / ▪ 地貌
_TOC_ENTRY_RE = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})?[ \t]+|[▪•·][ \t]*)[\u4e00-\u9fffA-Za-z][^\n。,;:、]{0,24}")


def edge_furniture(analysis: Analysis, words: tuple[str, ...], debris: list) -> list[_Span]:
    """A lone 目录 or 参考资料 line is a page's furniture when the line next to it is debris
    (锁定, 词条标签:, [引用日期…]) or when an encyclopedia's contents list follows it
    (1 历史沿革 / 2 行政区划), which it takes with it; a report's own 目录 over 一、… and
    its own 参考资料 over its sources stay."""
    norm, text = analysis.text.norm, analysis.text
    lone = re.compile(r"^[ \t]*(?:" + "|".join(map(re.escape, words)) + r")[ \t]*(?::[ \t]*)?$", re.MULTILINE)
    debris_lines = {line for m in debris for line in range(text.line_of(m.start()), text.line_of(max(m.start(), m.end() - 1)) + 1)}
    found: list[_Span] = []
    for match in lone.finditer(norm):
        entries = _toc_entries(norm, match.end())
        if len(entries) >= 2:
            found.append(_Span(match.start() + len(match.group(0)) - len(match.group(0).lstrip()), entries[-1], match.group(0).strip()))
            continue
        before, after = _neighbour_line(norm, match.start(), -1), _neighbour_line(norm, match.end(), 1)
        if any(position is not None and text.line_of(position) in debris_lines for position in (before, after)) \
                or (match.group(0).strip(" \t:") == "目录" and after is not None
                    and (_prose_line(norm, after) or _page_top(analysis, match.start()) and _title_over_prose(norm, after))):
            found.append(_Span(match.start() + len(match.group(0)) - len(match.group(0).lstrip()), match.start() + len(match.group(0).rstrip()), match.group(0).strip()))
    return found


def _page_top(analysis: Analysis, position: int) -> bool:
    """Nothing but blank lines before position in the whole document."""
    return not analysis.offset and not analysis.text.norm[:position].strip()


def _title_over_prose(norm: str, position: int) -> bool:
    """The line at position is a title (short, no sentence, no outline mark) with prose
    under it: a 目录 button over a page's title contents nothing."""
    end = norm.find("\n", position)
    line = norm[position : len(norm) if end < 0 else end].strip()
    if not line or len(line) > 40 or "。" in line or _OUTLINE_START_RE.match(line):
        return False
    following = _neighbour_line(norm, position, 1)
    return following is not None and _prose_line(norm, following)


def _prose_line(norm: str, position: int) -> bool:
    """The line at position is a paragraph of prose (a 目录 button over it contents nothing):
    long, with a full stop, not an outline heading."""
    end = norm.find("\n", position)
    line = norm[position : len(norm) if end < 0 else end].strip()
    return len(line) >= 20 and "。" in line and not _OUTLINE_START_RE.match(line)


def _toc_entries(norm: str, position: int) -> list[int]:
    """The ends of the contents entries on the lines after position (blank lines skipped)."""
    ends: list[int] = []
    while len(ends) < 200:
        while position < len(norm) and norm[position] == "\n":
            position += 1
        entry = _TOC_ENTRY_RE.match(norm, position)
        line_end = norm.find("\n", position)
        line_end = len(norm) if line_end < 0 else line_end
        if entry is None or norm[entry.end() : line_end].strip():
            return ends
        ends.append(entry.end())
        position = line_end
    return ends


def _neighbour_line(norm: str, position: int, step: int) -> int | None:
    """A position inside the nearest non-blank line before (step -1) or after (step 1)."""
    while True:
        if step < 0:
            end = norm.rfind("\n", 0, position)
            if end < 0:
                return None
            start = norm.rfind("\n", 0, end) + 1
        else:
            start = norm.find("\n", position)
            if start < 0:
                return None
            start += 1
            end = norm.find("\n", start)
            end = len(norm) if end < 0 else end
        if norm[start:end].strip():
            return start + len(norm[start:end]) - len(norm[start:end].lstrip())
        position = start if step < 0 else end


def _menu_like(line: str, cues: tuple[str, ...]) -> bool:
    # a footer line may be long (版权所有 … 技术支持 … ICP备 …) when it names itself
    short = len(line) <= _MENU_LINE_MAX or len(line) <= 3 * _MENU_LINE_MAX and any(cue in line for cue in cues)
    return (short and not _SENTENCE_MARKS_RE.search(line)
            and not _OUTLINE_START_RE.match(line) and not _DATE_WORD_RE.search(line)
            and not _OWN_LINE_RE.match(line))


def _menu_item(line: str) -> bool:
    """A bare menu entry: a few characters, no label, no digits, not an office's name."""
    return (len(line) <= _MENU_ITEM_MAX and ":" not in line and not any(c.isdigit() for c in line)
            and not _ORG_END_RE.search(line))


def _first_of_overlapping(matches: list[re.Match]) -> list[re.Match]:
    kept: list[re.Match] = []
    for match in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


# Each starts with the character it consumes and looks behind after it: a
# pattern that starts with an assertion is tried at every position, one that
# starts with a character (class) is found by the regex engine's fast scan.
_STRAY_RE = re.compile(r"\?(?<=[\u4e00-\u9fff]\?)(?=[\u4e00-\u9fff\s。,]|$)|\ufffd")
# ??2021年,…: a paragraph's full-width indent lost in conversion, question marks at the line's start
_LOST_INDENT_RE = re.compile(r"^[ \t]*[?？]{1,4}(?=[\u4e00-\u9fff\d(])", re.MULTILINE)
# 我县的'经济: an ASCII apostrophe between two characters, left by a page's markup; 部署我我市: a
# word typed twice before the place it names
_STRAY_MARK_RE = re.compile(r"'(?<=[\u4e00-\u9fff]')(?=[\u4e00-\u9fff])|([我本该全])\1(?=[市县区镇乡村局委院所])")
# one syllable or a few (總結(zǒng jié)), at least one tone mark among them
# (some sites write g and a as the IPA letters ɡ and ɑ: 國(ɡuó))
_PINYIN_RE = re.compile(
    r"[\[(](?<=[\u3400-\u4dbf\u4e00-\u9fff][\[(])"
    r"((?=[a-zɡɑü \t]{0,20}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zɡɑāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+"
    r"(?:[ \t][a-zɡɑāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+){0,3})[\])]"
)
# 據(ju)《…》數(shu)據(ju): glosses without tone marks, believed only when a page has several
_BARE_PINYIN_RE = re.compile(r"\((?<=[\u3400-\u4dbf\u4e00-\u9fff]\()([a-z]{1,6})\)")
_PINYIN_SYLLABLE_RE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ui|ao|ou|iu|ie|ve|er|an|en|in|un|vn|ia|ua|uo|ue|a|o|e|i|u|v)"
)
_BARE_PINYIN_MIN = 3
# 钢管、xī@②铜片: letters, marks and circled numbers run together between characters
# (a mark among the first nine characters, as (?=[^\n]{0,8}?[marks]) at the start would say)
_GARBLE_RE = re.compile(
    r"(?:[@#$&\u2460-\u2473]|[A-Za-z\u00c0-\u024f](?=[^\n]{0,7}?[@#$&\u2460-\u2473]))"
    r"(?<=[\u4e00-\u9fff、].)[A-Za-z\u00c0-\u024f@#$&\u2460-\u2473]{2,7}(?=[\u4e00-\u9fff])"
)
# R&D, P&G: an ampersand between the letters of an abbreviation, no garble
_AMPERSAND_ABBREVIATION_RE = re.compile(r"[A-Za-z]{1,3}&[A-Za-z]{1,3}")
_QUESTION_CUES = ("吗", "呢", "么", "什么", "怎", "如何", "为何", "哪", "谁", "几", "多少", "是否", "有没有", "没有",
                  "难道", "岂", "可否", "能否", "要不要", "是不是", "对不对", "好不好")


def stray_characters(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A lone ASCII ? or a replacement character inside Chinese text; garbled marks;
    pinyin glosses (業(yè)), one finding per run of lines that carry them."""
    original, norm = analysis.text.original, analysis.text.norm
    cues = rule.options.question_cues
    for match in _STRAY_MARK_RE.finditer(norm):
        yield Hit(match.start(), match.end(), {"phrase": original[match.start() : match.end()]}, {"character": match.group(0)})
    for match in _LOST_INDENT_RE.finditer(original):
        marks = match.group(0).strip()
        yield Hit(match.end() - len(marks), match.end(), {"phrase": marks}, {"character": marks})
    for match in _STRAY_RE.finditer(original):
        if match.group(0) == "?" and _is_question(norm, match.start(), cues):
            continue  # 还没有账号? is a question
        yield Hit(match.start(), match.end(), {"phrase": match.group(0)}, {"character": match.group(0)})
    for match in _GARBLE_RE.finditer(norm):
        if _AMPERSAND_ABBREVIATION_RE.fullmatch(match.group(0)):
            continue
        yield Hit(match.start(), match.end(), {"phrase": original[match.start() : match.end()]}, {"garbled": match.group(0)})
    # glosses on consecutive lines are one run of debris: one finding for the run
    glosses = list(_PINYIN_RE.finditer(norm))
    bare = [m for m in _BARE_PINYIN_RE.finditer(norm) if _PINYIN_SYLLABLE_RE.fullmatch(m.group(1))] if "(" in norm else []
    if len(glosses) + len(bare) >= _BARE_PINYIN_MIN:
        # a lone (a) in a line is an item mark, not a gloss
        per_line: dict[int, int] = {}
        for match in glosses + bare:
            line = analysis.text.line_of(match.start())
            per_line[line] = per_line.get(line, 0) + 1
        bare = [m for m in bare if per_line[analysis.text.line_of(m.start())] >= 2]
        glosses = sorted(glosses + bare, key=lambda m: m.start())
    for hit in _group_hits(analysis, _gloss_runs(glosses)):
        yield Hit(hit.start, hit.end, hit.values, {"pinyin": hit.details["phrases"]})
    yield from _stray_punctuation(analysis)
    yield from _mojibake(analysis)


# UTF-8 text read as GBK (全年完成 → 鍏ㄥ勾瀹屾垚): every three bytes of the run are one
# character's UTF-8, which ordinary text almost never is
_MOJIBAKE_CANDIDATE_RE = re.compile(r"[\u3000-\u303f\u3100-\u312f\u4e00-\u9fff\uff00-\uffef]{4,}")
_MOJIBAKE_MIN = 3  # characters the run decodes to
_UTF8_CJK_RE = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2})+")


@lru_cache(maxsize=1)
def _lead_pair_re() -> re.Pattern:
    """Two characters whose GBK bytes start with E4–E9 (a UTF-8 lead byte) near each other:
    where a run read as GBK may be UTF-8; most Chinese text has none."""
    pairs = bytes(b for lead in range(0xE4, 0xEA) for trail in range(0x40, 0xFF) if trail != 0x7F for b in (lead, trail))
    leads = {c for c in pairs.decode("gbk", errors="replace") if "\u4e00" <= c <= "\u9fff"}
    cls = "[" + "".join(sorted(leads)) + "]"
    return compile_scanning(cls + r"[^\s,。;]{0,3}" + cls)


def _mojibake(analysis: Analysis) -> Iterator[Hit]:
    original = analysis.text.original
    if not _lead_pair_re().search(original):
        return
    for run in _MOJIBAKE_CANDIDATE_RE.finditer(original):
        if not _lead_pair_re().search(run.group(0)):
            continue
        found = _mojibake_span(run.group(0))
        if found is not None:
            first, last, meant = found
            start, end = run.start() + first, run.start() + last
            yield Hit(start, end, {"phrase": original[start:end]}, {"garbled": original[start:end], "meant": meant})


def _mojibake_span(run: str) -> tuple[int, int, str] | None:
    """The longest stretch of whole characters of run whose GBK bytes decode as UTF-8 Chinese
    of three characters or more: (first, last, the text meant), or None."""
    try:
        pieces = [c.encode("gbk") for c in run]
    except UnicodeEncodeError:
        return None
    if sum(len(p) == 2 and 0xE4 <= p[0] <= 0xE9 for p in pieces) < 2:
        return None  # the cheap test first: a run of UTF-8 starts again and again with E4–E9
    data = b"".join(pieces)
    starts = [0]
    for piece in pieces:
        starts.append(starts[-1] + len(piece))
    best = None
    for match in _UTF8_CJK_RE.finditer(data):
        # whole characters inside the match: the first that starts in it to the last that ends in it
        first = next((i for i, at in enumerate(starts) if at >= match.start()), None)
        last = max((i for i, at in enumerate(starts) if at <= match.end()), default=None)
        if first is None or last is None or last <= first:
            continue
        meant = match.group(0).decode("utf-8", errors="ignore")
        if len(meant) >= _MOJIBAKE_MIN and all("\u4e00" <= c <= "\u9fff" for c in meant) and (best is None or last - first > best[1] - best[0]):
            best = (first, last, meant)
    return best


# two clause marks in a row (,, ,。 、, 。, ;。 …, 一、.): what deleting a clause or a list item
# leaves; 。。 is left out (……。。 writes an ellipsis), and so are runs of ASCII commas alone
# outside a sentence (a CSV row's empty cells)
_STRAY_PUNCTUATION_RE = re.compile(r"(?:[,、;][,、;。]|。[,、;])[,、;。]*|、\.(?![\d.])")
_WIDE_MARKS = "，、；。"


def _in_sentence(norm: str, match: re.Match) -> bool:
    """ASCII commas alone (a text typed with them, 100%,,,,以上) between words of a line of
    sentences; a CSV row (项目,,合计) has no full stop."""
    line_start = norm.rfind("\n", 0, match.start()) + 1
    line_end = norm.find("\n", match.end())
    return (_CJK_RE.match(norm, match.start() - 1) is not None and _CJK_RE.match(norm, match.end()) is not None
            and "。" in norm[line_start : len(norm) if line_end < 0 else line_end])


_CJK_RE = re.compile(r"[\u4e00-\u9fff%]")


def _stray_punctuation(analysis: Analysis) -> Iterator[Hit]:
    """Punctuation left by editing: one finding per line, every run named."""
    original, norm = analysis.text.original, analysis.text.norm
    runs = [m for m in _STRAY_PUNCTUATION_RE.finditer(norm)
            if any(c in _WIDE_MARKS for c in original[m.start() : m.end()]) or _in_sentence(norm, m)]
    by_line: dict[int, list[re.Match]] = {}
    for match in runs:
        by_line.setdefault(analysis.text.line_of(match.start()), []).append(match)
    for hit in _group_hits(analysis, list(by_line.values())):
        # marks named with marks between them would read as one run: a space parts them
        yield Hit(hit.start, hit.end, {"phrase": " ".join(hit.details["phrases"])}, {"punctuation": hit.details["phrases"]})


# one conversion glossed the whole page: glosses this close belong to one run, whatever
# lines or words stand between them (a table's cells, a paragraph with few glossed characters)
_GLOSS_RUN_GAP = 600


def _gloss_runs(glosses: list[re.Match]) -> list[list[re.Match]]:
    runs: list[list[re.Match]] = []
    for match in glosses:
        if runs and match.start() - runs[-1][-1].end() <= _GLOSS_RUN_GAP:
            runs[-1].append(match)
        else:
            runs.append([match])
    return runs


def _is_question(norm: str, position: int, cues: tuple[str, ...]) -> bool:
    start = position
    while start > 0 and norm[start - 1] not in "。!?;,\n" and position - start < 40:
        start -= 1
    return any(cue in norm[start:position] for cue in cues)


def _valid_patterns(patterns: tuple[str, ...]) -> None:
    for expression in patterns:
        try:
            re.compile(expression, re.MULTILINE)  # as the check compiles it: then this is re's cache hit
        except re.error as exc:
            raise ValueError(f"bad pattern {expression}: {exc}") from None


def _valid_group(group: str) -> None:
    if group not in ("line", "block"):
        raise ValueError(f"group must be line or block, not {group}")


class PhraseParams(Params):
    phrases: tuple[str, ...] = ()  # literal text, matched after normalisation
    vocabulary: tuple[str, ...] = ()  # names of vocabulary lists whose words are phrases too
    patterns: tuple[str, ...] = ()  # regular expressions matched as well, for debris phrases cannot name
    group: str = "line"  # line: one finding per line; block: debris on consecutive lines is one finding
    # footer words (传真, 网站地图 …) that mark a run of short lines at the end as a site's menu; none: not looked for
    menu_cues: tuple[str, ...] = ()
    # lone lines (目录, 参考资料) that are a page's furniture beside other debris or over a contents list
    edge_lines: tuple[str, ...] = ()
    # debris only beside other debris on its line or the next (编辑:… 审核:… over 上一篇): this rule's, a cue's or a rule's
    beside_patterns: tuple[str, ...] = ()
    beside_cues: tuple[str, ...] = ()  # patterns that make a beside_patterns match debris, no finding themselves
    beside_rules: tuple[str, ...] = ()  # ids of rules whose debris makes a beside_patterns match debris
    page_marks: bool = False  # a document site's page numbers (1、…⏎2、…) cut into a sentence
    watermarks: bool = False  # a site's name glued to the end of three paragraphs or more

    def __post_init__(self) -> None:
        _valid_patterns(self.patterns)
        _valid_patterns(self.beside_patterns)
        _valid_patterns(self.beside_cues)
        _valid_group(self.group)


class PatternParams(Params):
    patterns: tuple[str, ...] = ()  # Python regular expressions on the normalised text
    vocabulary: tuple[str, ...] = ()  # names of vocabulary lists of patterns (*_patterns) matched too
    group: str = "line"  # line: one finding per line; block: debris on consecutive lines is one finding
    # debris only beside other debris on its line or the next (a posting stamp): this rule's, a cue's or a rule's
    beside_patterns: tuple[str, ...] = ()
    beside_cues: tuple[str, ...] = ()  # patterns that make a beside_patterns match debris, no finding themselves
    beside_rules: tuple[str, ...] = ()  # ids of rules whose debris makes a beside_patterns match debris

    def __post_init__(self) -> None:
        _valid_patterns(self.patterns)
        _valid_patterns(self.beside_patterns)
        _valid_patterns(self.beside_cues)
        _valid_group(self.group)


class StrayParams(Params):
    question_cues: tuple[str, ...] = _QUESTION_CUES  # words that make a ? a genuine question


PHRASE = frozenset({"phrase"})
CHECKS = (
    Check("phrase", phrase, PhraseParams, PHRASE),
    Check("pattern", pattern, PatternParams, PHRASE),
    Check("stray_character", stray_characters, StrayParams, PHRASE),
)
