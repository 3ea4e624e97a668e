"""read → normalise → extract → relate → check: one document in, findings out."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from auditor.checks import registry
from auditor.extract import extract_figures, find_dates
from auditor.locate import locator
from auditor.model import Analysis, Finding, Hit, plain
from auditor.read import Document, without_surrogates
from auditor.per_head import find_per_head
from auditor.per_area import find_densities
from auditor.per_unit import find_per_unit
from auditor.grade_rates import find_grade_rates
from auditor.named_ratios import find_named_ratios
from auditor.pay_ratios import find_pay_ratios
from auditor.prospect import spoken_of_as_to_come
from auditor.inventory_rates import find_inventory_rates, misread_across_sentences
from auditor.group_rates import find_group_rates
from auditor.share_pairs import find_share_pairs
from auditor.summed_shares import find_summed_shares
from auditor.relate import explained_otherwise, find_relations, part_of_another_kind
from auditor.rulepack import Rule, RulePack
from auditor.spans import make_text
from auditor.found_rates import find_found_rates
from auditor.event_rates import find_event_rates
from auditor.category_lists import find_category_lists
from auditor.difference_rates import find_difference_rates
from auditor.named_shares import find_named_shares
from auditor.shares_before_parts import find_shares_before_parts
from auditor.suppress import Marker, find_markers, silencing, unused



def analyse(document: Document, pack: RulePack) -> Analysis:
    """read → normalise → extract → relate → check columns: the one record
    every check of the document reads."""
    document = without_surrogates(document)  # text handed in directly, not read from a file
    return analyse_text(document, pack)


def analyse_text(document: Document, pack: RulePack, norm: str | None = None, width: int | None | bool = True,
                 **piece: Any) -> Analysis:
    """analyse() of a document's text; a piece of a long document (auditor.pieces)
    passes its normalised text, the document's wrap width and where it stands."""
    text = make_text(document.text, norm, width)
    dates = find_dates(text.norm)
    metric_words = tuple(sorted(pack.words("metrics"), key=len, reverse=True))
    figures = extract_figures(text, dates, metric_words, pack.words("address_patterns"))
    analysis = Analysis(document.path, text, tuple(figures), tuple(dates), pack, document.blocks, document.tables,
                        comments=document.comments, revisions=document.revisions, **piece)
    relations = find_relations(analysis)
    # 按类别:道路街巷…,住宅小区…,其他…: a split closed by 其他, under the total before it
    categories, listed = find_category_lists(analysis, {p.total.index for p in relations.parts})
    if listed:
        # the split's first item is no total of the items after it (质量问题1426件,售后服务982件,…,其他558件)
        relations = replace(relations, parts=tuple(p for p in relations.parts if p.total.index not in listed) + tuple(categories))
    # a rate over its named group comes first: relate may have paired it with a larger whole
    relations = replace(relations, ratios=tuple(find_group_rates(analysis)) + tuple(find_named_ratios(analysis)) + relations.ratios + tuple(find_per_head(analysis)) + tuple(find_per_unit(analysis))
                        + tuple(find_densities(analysis)) + tuple(find_share_pairs(analysis))
                        + tuple(find_pay_ratios(analysis)))
    # 检验合格的电梯548部 over 登记在用电梯560部 a sentence or two before: only where no reader spoke
    relations = replace(relations, ratios=relations.ratios + tuple(find_inventory_rates(analysis, {r.rate.index for r in relations.ratios})))
    # 优秀…、合格…、不合格…,合格以上率: the grades from the top down to 合格 over the whole
    relations = replace(relations, ratios=relations.ratios + tuple(find_grade_rates(analysis, {r.rate.index for r in relations.ratios})))
    # 第三产业增加值占地区生产总值的比重为55.2%: part and whole named in the share's words, stated apart from it
    relations = replace(relations, ratios=relations.ratios + tuple(find_named_shares(analysis, {r.rate.index for r in relations.ratios})))
    # 发布预警信号58次,…正确的51次,准确率达90.7%: a rate of what the work found, over the work
    relations = replace(relations, ratios=relations.ratios + tuple(find_found_rates(analysis, {r.rate.index for r in relations.ratios})))
    # 全市出租车3 620辆,新能源出租车占比68.6%,共计2 685辆: a share before its part, the whole before it
    relations = replace(relations, ratios=relations.ratios + tuple(find_shares_before_parts(analysis, {r.rate.index for r in relations.ratios})))
    # 因病致贫755户占66.3%,因学致贫20户占1.76%,…: bare shares of parts that add up to a count stated before them
    relations = replace(relations, ratios=relations.ratios + tuple(find_summed_shares(analysis, {r.rate.index for r in relations.ratios})))
    # 培训合格学员1864名,参训学员2032名,培训合格率…: the count the rate's event names, over the other count of its unit
    relations = replace(relations, ratios=relations.ratios + tuple(find_event_rates(analysis, {r.rate.index for r in relations.ratios})))
    # 招标控制价856.2亿元,中标价812.6亿元,节约资金43.6亿元,节资率为5.8%: a difference over its whole
    relations = replace(relations, ratios=relations.ratios + tuple(find_difference_rates(analysis, {r.rate.index for r in relations.ratios})))
    # 预计明年合格率为99.5%: a target or a forecast is no quotient of the figures stated
    relations = replace(relations, ratios=tuple(r for r in relations.ratios if not spoken_of_as_to_come(text, r.rate.number_start)
                                                and not misread_across_sentences(text, r)
                                                and not explained_otherwise(text, analysis.figures, r)
                                                and not part_of_another_kind(text, r)))
    analysis = replace(analysis, relations=relations)
    judged: dict[str, tuple[Rule, Mapping[int, Any]]] = {}
    values = check_values(analysis, judged)
    return replace(analysis, columns=tuple(check_columns(pack)), check_values=values, judged=judged)


def numeric_rules(pack: RulePack) -> list[tuple[Rule, Any]]:
    """The enabled rules whose check is numeric, with that check."""
    checks = registry()
    return [(rule, checks.numeric(rule.check)) for rule in pack.enabled() if checks.numeric(rule.check)]


def check_columns(pack: RulePack) -> list[str]:
    """The check columns of the figures table, in a fixed order: the value,
    then each numeric rule's columns in rule order."""
    names = {"value_num": None}
    for rule, check in numeric_rules(pack):
        names.update(dict.fromkeys(check.columns(rule)))
    return list(names)


def check_values(analysis: Analysis, judged: dict | None = None) -> dict[int, dict[str, Any]]:
    """Figure index → the exact columns the numeric rules judge it on, for
    the figures some rule judges (Analysis.row fills in the rest); what each
    rule's check judged goes in `judged` (rule id → (rule, subjects))."""
    values: dict[int, dict[str, Any]] = {}
    for rule, check in numeric_rules(analysis.pack):
        subjects = check.judged(analysis, rule)
        if judged is not None:
            judged[rule.id] = (rule, subjects)
        for index, subject in subjects.items():
            columns = check.row(analysis, rule, subject)
            if columns:
                values.setdefault(index, {}).update(columns)
    return values


def run_rules(analysis: Analysis, rules: Iterable[Rule]) -> list[tuple[Rule, Hit]]:
    checks = registry()
    hits: list[tuple[Rule, Hit]] = []
    for rule in rules:
        check = checks.get(rule.check)
        hits.extend((rule, hit) for hit in check.hits(analysis, rule))
    return hits


def debris_tail_start(analysis: Analysis, long_line: int = 120) -> int:
    """Where the web page's own furniture begins (上一篇, 相关推荐 …) at the end.

    The report's last long paragraph is its last line of `long_line`
    characters or more that does not itself begin with a marker. The tail
    starts at the first marker that opens a phrase (at a line start, after a
    blank or a sentence end) on a line after that paragraph, or inside the
    paragraph when less than a long line follows it (a page flattened to one
    line by PDF or web extraction). A marker inside a phrase is the report's
    own wording (详见相关推荐名单). Findings other than residue inside the
    tail are about someone else's page.
    """
    norm = analysis.text.norm
    markers = tuple(analysis.pack.words("tail_markers"))
    positions = sorted(i for m in markers for i in _find_all(norm, m))
    if not positions:
        return len(norm)
    last_long = max(
        (start for start, line in _lines(norm) if len(line.strip()) >= long_line and not line.lstrip().startswith(markers)),
        default=-1,
    )
    for position in positions:
        line_start, line_end = analysis.text.line_span(position)
        if line_start < last_long or not _opens_phrase(norm, line_start, position):
            continue
        if line_start > last_long:
            return line_start
        if line_end - position < long_line:
            return position
    return len(norm)


def _opens_phrase(norm: str, line_start: int, position: int) -> bool:
    """A blank or a sentence end before the marker: page furniture run on after the text."""
    before = norm[max(line_start, position - 1) : position]
    return before == "" or before.isspace() or before in "。!?;:|"


def _find_all(text: str, word: str):
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)


def _lines(text: str):
    start = 0
    while True:  # not text.split: a long document's lines are not all copied at once
        end = text.find("\n", start)
        if end < 0:
            yield start, text[start:]
            return
        yield start, text[start:end]
        start = end + 1


def suppression_notices(analysis: Analysis, lang: str) -> tuple[str, ...]:
    """A warning for every name in an ignore comment that is no rule id, rule
    name or category: a typo there silences nothing, and should say so."""
    markers = find_markers(analysis)
    if not markers:
        return ()
    from auditor.i18n import message

    known = analysis.pack.names()
    return tuple(message("notice_unknown_ignore", lang, line=analysis.text.line_of(marker.start), name=name)
                 for marker in markers for name in marker.names if name not in known)


def suppressed(analysis: Analysis, rule: Rule, start: int) -> bool:
    """An `auditor: ignore` marker (auditor.suppress) silences `rule` at `start`."""
    return silencing(find_markers(analysis), rule, start) is not None


def unused_suppression_notes(analysis: Analysis, hits: list[tuple[Rule, Hit]], lang: str) -> tuple[Finding, ...]:
    """An AU001 note for each `auditor: ignore` marker that silenced nothing;
    `hits` are the document's findings before suppression."""
    markers = find_markers(analysis)
    return tuple(_unused_note(analysis, m, lang) for m in unused(markers, hits)) if markers else ()


def _unused_note(analysis: Analysis, marker: Marker, lang: str) -> Finding:
    from auditor.i18n import message

    text = analysis.text
    end = max(marker.end, marker.start + 1)
    quoted, mark = excerpt(text, marker.start, end)
    line, column = text.locate(marker.start)
    end_line, end_column = text.locate(end - 1)
    names = (" " + " ".join(marker.names)) if marker.names else ""
    return Finding(rule="AU001", category="other", severity="info", line=line, column=column,
                   end_line=end_line, end_column=end_column + 1, start=marker.start, end=end,
                   excerpt=quoted, mark=mark, message=message("unused_suppression", lang, names=names),
                   details={"names": list(marker.names)}, location=locator(analysis)(marker.start, end))


def to_findings(analysis: Analysis, hits: list[tuple[Rule, Hit]], lang: str,
                tail: int | None = None, at: tuple[int, Any, Any] | None = None) -> tuple[list[Finding], int]:
    """Hits to findings; `tail` is where the page's debris starts when the
    document's is given (a piece of a long one), else it is found here. A
    piece of a long document passes `at`: its offset, the whole document's
    Text and locator, and its findings are placed in the whole document
    (offsets, lines, columns, location; the excerpt is the piece's, the same)."""
    text = analysis.text
    if tail is None:
        tail = debris_tail_start(analysis)
    findings: list[Finding] = []
    quiet = 0
    seen: set[tuple[str, int, int]] = set()
    offset, whole, place = at if at is not None else (0, text, None)
    place = place or locator(analysis)
    markers = find_markers(analysis)  # once: per finding it made the run quadratic
    for rule, hit in hits:
        if hit.start >= tail and rule.category != "residue":
            continue
        key = (rule.id, hit.start, hit.end)
        if key in seen:
            continue
        seen.add(key)
        if markers and silencing(markers, rule, hit.start) is not None:
            quiet += 1
            continue
        quoted, mark = excerpt(text, hit.start, hit.end)
        start, end = hit.start + offset, hit.end + offset
        line, column = whole.locate(start)
        end_line, end_column = whole.locate(max(end - 1, start))
        related = tuple(
            dict(zip(("line", "column", "start", "end"), (*whole.locate(s + offset), s + offset, e + offset)))
            for s, e in hit.related
        )
        findings.append(
            Finding(
                rule=rule.id,
                category=rule.category,
                severity=hit.severity or rule.severity,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column + 1,
                start=start,
                end=end,
                excerpt=quoted,
                mark=mark,
                message=render_message(rule, hit, lang),
                details=plain(hit.details),
                related=related,
                location=place(start, end),
            )
        )
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return _one_per_debris_span(findings, lambda f: _in_prose(text.norm, f.start - offset)), quiet


def _in_prose(norm: str, position: int) -> bool:
    """Whether the line holding position is the report's prose (two sentences ended
    by 。 at least), which debris phrases in it do not make someone else's page."""
    start = norm.rfind("\n", 0, position) + 1
    end = norm.find("\n", position)
    return norm.count("。", start, len(norm) if end < 0 else end) >= 2


def _one_per_debris_span(findings: list[Finding], in_prose=lambda finding: False) -> list[Finding]:
    """One finding per piece of debris: where residue findings share a line, the first
    rule's (phrases before patterns before stray characters) stands for them all."""
    kept_starts: list[int] = []  # the line ranges kept, apart from each other, sorted by their first line
    kept_ends: list[int] = []
    dropped: set[int] = set()
    # pinyin glosses (業(yè)) run through the report's own prose: they are no one else's page
    residue = sorted((f for f in findings if f.category == "residue" and "pinyin" not in f.details),
                     key=lambda f: (f.rule, f.start))
    for finding in residue:
        # the kept ranges are disjoint: only the last one starting at or before this one's last line can overlap it
        index = bisect_right(kept_starts, finding.end_line) - 1
        if index >= 0 and kept_ends[index] >= finding.line:
            dropped.add(id(finding))
        else:
            kept_starts.insert(index + 1, finding.line)
            kept_ends.insert(index + 1, finding.end_line)
    # a block of debris over several lines is someone else's page: what other rules
    # find inside it (a 年 with its year cut off in a list of links) is not the report's
    blocks = [(f.start, f.end) for f in residue if id(f) not in dropped and f.end_line > f.line]
    # a gloss in brackets (醫(yī)療) reads as one more bracket in a list of items: lists are not counted there
    glossed = [(f.start, f.end) for f in findings if "pinyin" in f.details]
    return [f for f in findings if id(f) not in dropped
            and (f.category == "residue" or not any(start <= f.start and f.end <= end for start, end in blocks) or in_prose(f))
            and not (f.category in _LIST_CATEGORIES and any(start <= f.start and f.end <= end for start, end in glossed))]


_LIST_CATEGORIES = frozenset({"respectively", "count", "numbering"})


def render_message(rule: Rule, hit: Hit, lang: str) -> str:
    template = rule.message.get(lang) or rule.message["zh"]
    try:
        return template.format(**plain(hit.values))
    except (KeyError, IndexError, ValueError):
        return template


def excerpt(text, start: int, end: int, width: int = 50) -> tuple[str, tuple[int, int]]:
    """The sentence around a finding from the original text, cut to a readable
    length, and where the finding sits inside it."""
    sentence_start, sentence_end = text.sentence_span(start)
    line_start, line_end = text.line_span(start)
    sentence_end = min(max(sentence_end, end), line_end)
    if sentence_end < len(text.original) and text.original[sentence_end] in "。!?;！？；":
        sentence_end += 1
    left = max(sentence_start, start - width, line_start)
    right = min(sentence_end, max(end, start) + width)
    while left < start and text.original[left] in " \t\u3000":
        left += 1
    prefix = "…" if left > sentence_start else ""
    body = text.original[left:right].rstrip()
    suffix = "…" if right < sentence_end else ""
    mark_start = len(prefix) + start - left
    mark_end = min(len(prefix) + min(end, right) - left, len(prefix) + len(body))
    return prefix + body + suffix, (mark_start, max(mark_end, mark_start))


def block_location(analysis: Analysis, offset: int) -> dict:
    """Where the character at `offset` is (auditor.locate)."""
    return locator(analysis)(offset, offset + 1)


def audit_document(document: Document, pack: RulePack, lang: str = "zh") -> tuple[Analysis, list[Finding], int]:
    analysis = analyse(document, pack)
    hits = run_rules(analysis, pack.enabled())
    findings, quiet = to_findings(analysis, hits, lang)
    return analysis, findings, quiet
