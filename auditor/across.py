"""Consistency across reports: one area, metric and period, two documents.

Each document yields *facts* on its own (in whichever process audits it):
a figure with the area, period and metric it is about, read from the title
(安平县卫生健康局2024年上半年工作总结) and the sentence around it. Facts come
in three roles:

    own    the document's own area and period (全县接种率96.5%)
    row    another area named in front of the figure (a city report's
           安平县接种率93.1%)
    prior  last year's value quoted in a comparison (与上年同期(1402例)相比)

and *change claims*: a change against last year with no old value in the
text (接种率96.5%,较上年提高1.2个百分点), to be recomputed from last year's
report.

`cross_findings` then brings the facts of all documents together. Precision
first: a document's area and period must be read from its title without
doubt, a fact only counts when its sentence names no other year or period
and says nothing of revision (修订, 调整为 …), a value stated two ways in one
document is ambiguous and dropped, approximate values (约, 近, 余) are never
compared, and metrics must match exactly after the area and scope words are
taken off. A stated figure is an interval (its rounding); two figures
conflict only when their intervals do not meet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from auditor.arith import APPROXIMATE_WORDS, LOWER_BOUND_WORDS, UPPER_BOUND_WORDS, interval
from auditor.lexicon import DIRECTION_VERB_ALTERNATIVES
from auditor.model import FileResult, Finding

VALUE_CHECK = "across_value"
CHANGE_CHECK = "across_change"

RATE_KINDS = ("percent", "permille", "per100k", "per10k")
QUANTITY_KINDS = ("count", "money", "area", "length", "weight")
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4}
_AREA_SUFFIX = "县区市旗"
# words ending in 县/区/市 that are not the name of an area
_NOT_AREAS = {
    "全县", "全区", "全市", "我县", "我区", "我市", "本县", "本区", "本市", "各县", "各区", "各市", "城区", "辖区",
    "社区", "小区", "园区", "景区", "片区", "山区", "地区", "市区", "县区", "县市", "城市", "老区", "灾区", "新区",
    "该县", "该区", "该市", "全旗", "各旗", "郊区", "矿区", "林区", "牧区", "街区", "校区", "院区", "病区", "试点县",
}
_SCOPE_WORDS = ("全县", "全区", "全市", "全旗", "全镇", "全乡", "我县", "我区", "我市", "本县", "本区", "本市", "辖区", "全年", "今年",
                "本年", "年内", "年度", "目前", "截至年底", "截至年末", "截止年底", "年底", "年末", "共", "的")
_REVISED_RE = re.compile(r"修订|修正|订正|更正|调整为|调整后|核减|核增|调减|调增|核实后|重新核定|口径调整|追溯")
_PRIOR_RE = re.compile(r"去年|上年|上一年|前年|同期|同比|以来|历年|基期")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*年")
_PART_PATTERNS: tuple[tuple[re.Pattern, Any], ...] = (
    (re.compile(r"上半年"), lambda m: "1-6月"),
    (re.compile(r"下半年"), lambda m: "7-12月"),
    (re.compile(r"前三季度"), lambda m: "1-9月"),
    (re.compile(r"(?<!前)(?<!前第)第?([一二三四1-4])季度"), lambda m: _quarter(m.group(1))),
    (re.compile(r"(?<!\d)1\s*月?\s*[-—–~至到]\s*(\d{1,2})\s*月"), lambda m: f"1-{int(m.group(1))}月"),
    (re.compile(r"截[至止]\s*(\d{1,2})\s*月(?:底|末)?"), lambda m: f"截至{int(m.group(1))}月底"),
    (re.compile(r"(?<![\d-])(\d{1,2})\s*月份"), lambda m: f"{int(m.group(1))}月"),
)
_CHANGE_GAP_RE = re.compile(
    r"^[,]?\s*(?:(?:较|比|与)?\s*(?P<year>上年|去年|上一年)(?:同期)?\s*(?:相比|相较)?[,]?\s*(?:同比)?|(?P<yoy>同比))\s*"
    rf"(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?\s*$"
)
_FROM_LAST_YEAR_RE = re.compile(r"(?P<metric>[^,;。]+?)(?:由|从)(?:上年|去年|上一年)(?:同期)?(?:的)?\s*$")
_DOWN = ("下降", "减少", "降低", "回落")


@dataclass(frozen=True)
class Period:
    year: int
    part: str = ""  # "" a whole year; 1-6月, 7-12月, 1-10月, 截至11月底, 3月

    def before(self) -> "Period":
        return Period(self.year - 1, self.part)

    def shown(self) -> str:
        return f"{self.year}年{self.part}"


@dataclass(frozen=True)
class Scope:
    """What a document is about, as its title says."""

    area: str
    period: Period


@dataclass(frozen=True)
class Place:
    """Where a fact sits, enough to build a finding without the text."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    mark: tuple[int, int]
    location: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Fact:
    role: str  # own, row, prior
    key: str  # the metric with the document's own area and scope words taken off
    unit: str  # base unit: %, 人, 元 …
    period: Period
    low: Fraction
    high: Fraction
    shown: str  # the value as written
    place: Place


@dataclass(frozen=True)
class ChangeClaim:
    key: str
    unit: str
    period: Period
    new_low: Fraction
    new_high: Fraction
    new_shown: str
    stated: Fraction  # signed: a fall is negative
    decimals: int
    qualifier: str
    stated_kind: str  # percent or points
    rate: bool  # the metric is itself a rate
    word: str
    shown: str
    place: Place


@dataclass(frozen=True)
class DocumentFacts:
    """Everything the cross-report pass needs from one document."""

    scope: Scope | None
    facts: tuple[Fact, ...] = ()
    claims: tuple[ChangeClaim, ...] = ()


# --- the document's area and period ----------------------------------------------------

def title_of(norm: str) -> str:
    for line in norm.split("\n", 20)[:20]:
        line = line.strip().lstrip("#").strip()
        if line:
            return line
    return ""


def _quarter(digit: str) -> str:
    number = _CN_MONTHS.get(digit) or int(digit)
    return f"{3 * number - 2}-{3 * number}月"


def period_part(text: str) -> str | None:
    """The part of a year a piece of text names, "" for none, None for more than one."""
    parts = {convert(m) for pattern, convert in _PART_PATTERNS for m in pattern.finditer(text)}
    if len(parts) > 1:
        return None
    return parts.pop() if parts else ""


def title_scope(title: str) -> Scope | None:
    """The area and period of a report from its title, or None if either is in doubt."""
    years = set(_YEAR_RE.findall(title))
    if len(years) != 1:
        return None
    head = title[: _YEAR_RE.search(title).start()]
    area = area_in_title(head) or area_in_title(title)
    part = period_part(title)
    if not area or part is None:
        return None
    return Scope(area, Period(int(years.pop()), part))


_TITLE_AREA_RE = re.compile(rf"^(?:关于)?((?:[\u4e00-\u9fff]{{1,6}}?(?:省|自治区))?(?:[\u4e00-\u9fff]{{1,6}}?市)?(?:[\u4e00-\u9fff]{{1,6}}?[县区旗])?)")


def area_in_title(title: str) -> str:
    """The most specific area named at the head of a title: 清河市安平县卫生健康局 → 安平县."""
    match = _TITLE_AREA_RE.match(title)
    if not match or not match.group(1):
        return ""
    names = re.findall(rf"[\u4e00-\u9fff]+?(?:省|自治区|市|[县区旗])", match.group(1))
    name = names[-1] if names else ""
    return "" if name in _NOT_AREAS or len(name) < 2 else name


# --- facts of one document --------------------------------------------------------------

def document_facts(analysis, relations) -> DocumentFacts:
    """The facts and change claims of one analysed document (see the module docstring)."""
    text = analysis.text
    scope = title_scope(title_of(text.norm))
    if scope is None:
        return DocumentFacts(None)
    figures = analysis.figures
    stated_in_text = {c.stated.index for c in relations.changes if c.stated is not None}
    olds = {c.old.index: c.new for c in relations.changes}
    olds.update(_from_last_year(analysis))
    ratio_parts = {r.numerator.index for r in relations.ratios} | {r.denominator.index for r in relations.ratios}
    keys: dict[int, tuple[str, Period] | None] = {}
    facts: list[Fact] = []
    for figure in figures:
        keys[figure.index] = own = _own_key(analysis, figure, scope)
        if own is not None:
            key, period = own
            facts.append(_fact("own", key, period, analysis, figure))
    for figure in figures:
        new = olds.get(figure.index)
        if new is None or not _usable(analysis, figure) or figure.base_unit != new.base_unit:
            continue
        sentence_start, sentence_end = text.sentence_span(figure.start)
        before = text.norm[sentence_start : figure.number_start]
        if not re.search(r"去年|上年|上一年", before) or _YEAR_RE.search(before) or re.search(r"前年", before):
            continue
        if _REVISED_RE.search(text.norm[sentence_start:sentence_end]):
            continue
        if keys.get(new.index) is None:
            # 建档率由上年的87.9%提高到90.2%: the metric stands before 由
            named = _FROM_LAST_YEAR_RE.search(text.norm[text.clause_span(figure.start)[0] : figure.number_start])
            part = period_part(before)
            if not named or part is None or not _usable(analysis, new):
                continue
            key = metric_key(named.group("metric"), scope.area)
            if len(key) < 3 or re.search(r"\d|[a-zA-Z%]", key):
                continue
            keys[new.index] = (key, Period(scope.period.year, part or scope.period.part))
            facts.append(_fact("own", key, keys[new.index][1], analysis, new))
        key, period = keys[new.index]
        facts.append(_fact("prior", key, period.before(), analysis, figure))
    claims = [
        claim for figure in figures
        if figure.index in keys and keys[figure.index] is not None and figure.index not in ratio_parts
        for claim in [_claim(analysis, figure, keys[figure.index], stated_in_text)] if claim is not None
    ]
    return DocumentFacts(scope, tuple(facts), tuple(claims))


_TO_GAP_RE = re.compile(rf"^\s*的?(?:{DIRECTION_VERB_ALTERNATIVES})?(?:到|至|为)\s*$")


def _from_last_year(analysis) -> dict[int, object]:
    """建档率由上年的87.9%提高到90.2%: old figure index → new figure."""
    text, figures = analysis.text, analysis.figures
    pairs = {}
    for old, new in zip(figures, figures[1:]):
        if old.base_unit != new.base_unit or new.start >= text.sentence_span(old.start)[1]:
            continue
        clause_start, _ = text.clause_span(old.start)
        if _FROM_LAST_YEAR_RE.search(text.norm[clause_start : old.number_start]) and _TO_GAP_RE.match(text.norm[old.end : new.number_start]):
            pairs[old.index] = new
    return pairs


def _usable(analysis, figure) -> bool:
    if figure.value_high is not None or figure.qualifier in APPROXIMATE_WORDS:
        return False
    if figure.kind not in RATE_KINDS and figure.kind not in QUANTITY_KINDS:
        return False
    from auditor.checks.common import is_listed

    return not is_listed(analysis, figure)


def _own_key(analysis, figure, scope: Scope) -> tuple[str, Period] | None:
    """The metric and period of a figure the document states as its own, or None."""
    if not _usable(analysis, figure):
        return None
    text = analysis.text
    sentence_start, sentence_end = text.sentence_span(figure.start)
    before = text.norm[sentence_start : figure.number_start]
    clause_start, _ = text.clause_span(figure.start)
    if _PRIOR_RE.search(text.norm[clause_start : figure.number_start]) or _REVISED_RE.search(text.norm[sentence_start:sentence_end]):
        return None
    if any(int(y) != scope.period.year for y in _YEAR_RE.findall(before)):
        return None
    part = period_part(before)
    if part is None:
        return None
    period = Period(scope.period.year, part or scope.period.part)
    if figure.kind in RATE_KINDS:
        from auditor.relate import direction_of

        if not figure.metric or direction_of(figure.metric):
            return None
        raw = figure.subject + figure.metric
    else:
        if figure.metric:
            return None
        raw = figure.subject
    key = metric_key(raw, scope.area)
    if len(key) < 3 or re.search(r"\d|[a-zA-Z%]", key):
        return None
    return key, period


_KEY_TRIM_RE = re.compile(r"[\s,、:;“”\"()()《》·]")
_KEY_LEAD_RE = re.compile(
    r"^(?:截[至止]|到|至)?(?:\d{4}年)?(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|1[-—–~至到]\d{1,2}月|\d{1,2}月(?:底|末|份)?)?"
)


def metric_key(raw: str, own_area: str) -> str:
    """What a figure measures, with the document's own area, scope and period words off."""
    key = _KEY_TRIM_RE.sub("", raw)
    for _ in range(4):
        before = key
        key = _KEY_LEAD_RE.sub("", key)
        if own_area and key.startswith(own_area):
            key = key[len(own_area) :]
        for word in _SCOPE_WORDS:
            if key.startswith(word):
                key = key[len(word) :]
                break
        if key == before:
            break
    return key


def _fact(role: str, key: str, period: Period, analysis, figure) -> Fact:
    low, high = _interval(figure)
    return Fact(role, key, figure.base_unit, period, low, high, _written(analysis, figure), _place(analysis, figure))


def _interval(figure) -> tuple[Fraction, Fraction]:
    if figure.kind in RATE_KINDS:
        return interval(figure.written, figure.decimals, 1, figure.qualifier, rounded=True)
    return interval(figure.value, figure.decimals, figure.multiplier, figure.qualifier)


def _written(analysis, figure) -> str:
    return analysis.text.original[figure.number_start : figure.end]


def _place(analysis, figure) -> Place:
    from auditor.audit import block_location, excerpt

    text = analysis.text
    quoted, mark = excerpt(text, figure.start, figure.end)
    line, column = text.locate(figure.start)
    end_line, end_column = text.locate(max(figure.end - 1, figure.start))
    return Place(figure.start, figure.end, line, column, end_line, end_column + 1, quoted, mark,
                 block_location(analysis, figure.start))


def _claim(analysis, figure, own: tuple[str, Period], stated_in_text: set[int]) -> ChangeClaim | None:
    """`接种率96.5%,较上年提高1.2个百分点`: a change against last year with no old value here."""
    following = analysis.figures[figure.index + 1] if figure.index + 1 < len(analysis.figures) else None
    if following is None or following.index in stated_in_text or following.kind not in ("percent", "points"):
        return None
    if following.qualifier or following.value_high is not None or following.in_list:
        return None
    text = analysis.text
    _, sentence_end = text.sentence_span(figure.start)
    if following.start >= sentence_end:
        return None
    gap = _CHANGE_GAP_RE.match(text.norm[figure.end : following.number_start])
    if not gap:
        return None
    if following.kind == "points" and figure.kind != "percent":
        return None
    if _REVISED_RE.search(text.norm[figure.start : sentence_end]):
        return None
    key, period = own
    low, high = _interval(figure)
    sign = -1 if gap.group("word") in _DOWN else 1
    return ChangeClaim(
        key, figure.base_unit, period, low, high, _written(analysis, figure), sign * Fraction(following.written),
        following.decimals, following.qualifier, following.kind, figure.kind in RATE_KINDS, gap.group("word"),
        _written(analysis, following), _place(analysis, following),
    )


# --- the documents together -------------------------------------------------------------

@dataclass(frozen=True)
class _Entry:
    file: str
    order: int
    area: str
    fact: Fact


def cross_findings(results: list[FileResult], pack, lang: str) -> dict[str, list[Finding]]:
    """Findings between documents, by file. `results` carry `facts` (DocumentFacts)."""
    rules = {r.check: r for r in pack.enabled() if r.check in (VALUE_CHECK, CHANGE_CHECK)}
    if not rules:
        return {}
    documents = [(i, r.path, r.facts) for i, r in enumerate(results) if r.error is None and getattr(r, "facts", None)]
    documents = [(i, path, facts) for i, path, facts in documents if facts.scope is not None]
    areas = sorted({facts.scope.area for _, _, facts in documents}, key=len, reverse=True)
    table: dict[tuple[str, Period, str, str], dict[int, list[_Entry]]] = defaultdict(lambda: defaultdict(list))
    for order, path, facts in documents:
        for fact in facts.facts:
            area, key = _resolve_area(fact.key, facts.scope.area, areas)
            role = "row" if fact.role == "own" and area != facts.scope.area else fact.role
            if not key:
                continue
            table[(area, fact.period, key, fact.unit)][order].append(_Entry(path, order, area, _with_role(fact, role, key)))
    found: dict[str, list[Finding]] = defaultdict(list)
    if VALUE_CHECK in rules:
        for (area, period, key, unit), by_file in sorted(table.items(), key=_table_order):
            single = {order: entries[0] for order, entries in by_file.items() if _agrees(entries)}
            _value_conflicts(rules[VALUE_CHECK], area, period, key, single, found, lang)
    if CHANGE_CHECK in rules:
        for order, path, facts in documents:
            for claim in facts.claims:
                area, key = _resolve_area(claim.key, facts.scope.area, areas)
                if area != facts.scope.area:
                    continue
                by_file = table.get((area, claim.period.before(), key, claim.unit), {})
                olds = [entries[0] for other, entries in sorted(by_file.items())
                        if other != order and _agrees(entries) and entries[0].fact.role != "prior"]
                if len(olds) == 1 or (olds and all(_agrees([a, b]) for a in olds for b in olds)):
                    finding = _change_finding(rules[CHANGE_CHECK], area, key, claim, olds[0], lang)
                    if finding is not None:
                        found[path].append(finding)
    return {path: sorted(items, key=lambda f: (f.start, f.end, f.rule)) for path, items in found.items()}


def _table_order(item):
    (area, period, key, unit), _ = item
    return area, period.year, period.part, key, unit


def _with_role(fact: Fact, role: str, key: str) -> Fact:
    from dataclasses import replace

    return replace(fact, role=role, key=key)


def _resolve_area(key: str, own_area: str, areas: list[str]) -> tuple[str, str]:
    """A metric that starts with the name of another report's area belongs to that area."""
    for area in areas:
        if area != own_area and key.startswith(area):
            rest = metric_key(key[len(area) :], area)
            return (area, rest) if len(rest) >= 3 else (area, "")
    return own_area, key


def _agrees(entries: list[_Entry]) -> bool:
    """One document states a value once, or several times within each other's rounding."""
    return all(_meet(a.fact, b.fact) for a in entries for b in entries)


def _meet(a: Fact, b: Fact) -> bool:
    return not (a.high < b.low or b.high < a.low)


_ROLE_RANK = {"own": 0, "row": 1, "prior": 1}


def _value_conflicts(rule, area: str, period: Period, key: str, single: dict[int, _Entry], found, lang: str) -> None:
    orders = sorted(single)
    reported: set[int] = set()
    for i, first in enumerate(orders):
        for second in orders[i + 1 :]:
            a, b = single[first], single[second]
            if _meet(a.fact, b.fact):
                continue
            here, other = (a, b) if _ROLE_RANK[a.fact.role] > _ROLE_RANK[b.fact.role] else (b, a)
            if here.order in reported:
                continue
            reported.add(here.order)
            metric = key
            values = {
                "metric": metric, "area": area, "period": period.shown(), "value": here.fact.shown,
                "other_file": other.file, "other_line": other.fact.place.line, "other_value": other.fact.shown,
            }
            details = {
                "metric": metric, "area": area, "period": period.shown(), "stated": here.fact.shown,
                "role": here.fact.role, "other_file": other.file, "other_line": other.fact.place.line,
                "other_column": other.fact.place.column, "other_value": other.fact.shown, "other_role": other.fact.role,
            }
            found[here.file].append(_finding(rule, here.fact.place, values, details, other.file, other.fact.place, lang))


def _change_finding(rule, area: str, key: str, claim: ChangeClaim, old: _Entry, lang: str) -> Finding | None:
    """A change against last year recomputed from last year's report; None when any reading fits."""
    old_low, old_high = old.fact.low, old.fact.high
    readings: list[tuple[Fraction, Fraction]] = []
    if claim.stated_kind == "points" or claim.rate:
        readings.append((claim.new_low - old_high, claim.new_high - old_low))
    if claim.stated_kind == "percent" and old_low > 0:
        readings.append(((claim.new_low / old_high - 1) * 100, (claim.new_high / old_low - 1) * 100))
    if not readings:
        return None
    unit = Fraction(1, 10**claim.decimals)
    stated_low, stated_high = claim.stated - unit / 2, claim.stated + unit / 2
    # truncation of the magnitude: 12.58 written 12.5 (a fall: -12.58 written -12.5)
    stated_low, stated_high = (stated_low, claim.stated + unit) if claim.stated >= 0 else (claim.stated - unit, stated_high)
    if claim.qualifier in LOWER_BOUND_WORDS or claim.qualifier in UPPER_BOUND_WORDS:
        return None
    if any(not (high < stated_low or stated_high < low) for low, high in readings):
        return None
    low, high = readings[-1] if claim.stated_kind == "percent" else readings[0]
    middle = (low + high) / 2
    from auditor.arith import shown

    recomputed = shown(middle, max(claim.decimals, 1)) + ("%" if claim.stated_kind == "percent" else "个百分点")
    if lang == "en":
        recomputed = recomputed.replace("个百分点", " points")
    values = {
        "metric": key, "area": area, "period": claim.period.shown(), "word": claim.word, "stated": claim.shown,
        "old": old.fact.shown, "new": claim.new_shown, "recomputed": recomputed,
        "other_file": old.file, "other_line": old.fact.place.line,
    }
    details = {
        "metric": key, "area": area, "period": claim.period.shown(), "stated": claim.shown, "new": claim.new_shown,
        "old": old.fact.shown, "old_period": old.fact.period.shown(), "recomputed": recomputed,
        "other_file": old.file, "other_line": old.fact.place.line, "other_column": old.fact.place.column,
    }
    return _finding(rule, claim.place, values, details, old.file, old.fact.place, lang)


def _finding(rule, place: Place, values: dict, details: dict, other_file: str, other: Place, lang: str) -> Finding:
    template = rule.message.get(lang) or rule.message["zh"]
    try:
        text = template.format(**values)
    except (KeyError, IndexError, ValueError):
        text = template
    related = ({"file": other_file, "line": other.line, "column": other.column, "start": other.start, "end": other.end},)
    return Finding(
        rule=rule.id, category=rule.category, severity=rule.severity, line=place.line, column=place.column,
        end_line=place.end_line, end_column=place.end_column, start=place.start, end=place.end,
        excerpt=place.excerpt, mark=place.mark, message=text, details=details, related=related,
        location=dict(place.location),
    )


def with_cross_findings(results: list[FileResult], pack, lang: str) -> list[FileResult]:
    """The results with the findings between documents merged in, facts dropped."""
    from dataclasses import replace

    extra = cross_findings(results, pack, lang)
    merged = []
    for result in results:
        findings = result.findings
        if result.path in extra:
            findings = tuple(sorted((*findings, *extra[result.path]), key=lambda f: (f.start, f.end, f.rule)))
        merged.append(replace(result, findings=findings, facts=None))
    return merged


def audit_across(documents, pack, lang: str = "zh") -> list[list[Finding]]:
    """The findings of each document, those between the documents included
    (for use from Python and the rule cases)."""
    from auditor.audit import audit_document

    results = []
    for document in documents:
        analysis, findings, quiet = audit_document(document, pack, lang)
        facts = document_facts(analysis, analysis.relations)
        results.append(FileResult(document.path, tuple(findings), suppressed=quiet, facts=facts))
    return [list(result.findings) for result in with_cross_findings(results, pack, lang)]


# --- the figures table's area and period columns ----------------------------------------

def figure_scopes(analysis) -> list[tuple[str, str]]:
    """(area, period) for every figure of a document: the title's, or what the
    sentence names instead; "" where it cannot be said."""
    scope = title_scope(title_of(analysis.text.norm))
    text = analysis.text
    rows = []
    for figure in analysis.figures:
        if scope is None:
            rows.append(("", ""))
            continue
        sentence_start, _ = text.sentence_span(figure.start)
        before = text.norm[sentence_start : figure.number_start]
        years = {int(y) for y in _YEAR_RE.findall(before)}
        part = period_part(before)
        clause_start, _ = text.clause_span(figure.start)
        compared = re.search(r"去年|上年|上一年", text.norm[clause_start : figure.number_start])
        if compared and not years and not _is_change(figure):
            period = Period(scope.period.year - 1, part or scope.period.part) if part is not None else None
        elif len(years) > 1 or part is None or (years and years != {scope.period.year}):
            period = Period(years.pop(), part or "") if len(years) == 1 and part is not None else None
        else:
            period = Period(scope.period.year, part or scope.period.part)
        named = _AREA_IN_TEXT_RE.match(metric_key(figure.subject + figure.metric, ""))
        area = named.group(0) if named and named.group(0) not in _NOT_AREAS else scope.area
        rows.append((area, period.shown() if period else ""))
    return rows


def _is_change(figure) -> bool:
    from auditor.relate import direction_of

    return figure.kind == "points" or bool(figure.metric and direction_of(figure.metric))


_AREA_IN_TEXT_RE = re.compile(rf"^[\u4e00-\u9fff]{{1,5}}?[{_AREA_SUFFIX}](?=[\u4e00-\u9fff])")
