"""One metric for one subject, stated twice with values that cannot both hold."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from auditor.arith import interval
from auditor.checks.base import Params
from auditor.checks.common import as_written, is_listed
from auditor.divisions import division_conflicts, place_levels
from auditor.extract import Figure, strip_fillers
from auditor.lexicon import APPROXIMATE_WORDS, DIRECTION_ALTERNATIVES, SUBJECT_VARIANTS, YEAR_NUMBER_RE
from auditor.model import Analysis, Hit
from auditor.relate import direction_of
from auditor.rulepack import Rule
from auditor.standards import STANDARD_BOUNDS, said_as_target, standard_key

_LEADING_RE = re.compile(r"^(?:下一步|特别是|尤其是)?(?:在(?=全))?(?:截至|截止|到)?(?:(?:19|20)\d{2}年度?)?(?:目前|今年|本年|年底|年末|\d+月底?)?[,]?")
# 2024年全区…率: a year that opens a rate's subject, compared by the periods, not by the key
_SUBJECT_YEAR_RE = re.compile(r"^[\s,]*(?:截至|截止|到)?(?:19|20)\d{2}\s*年")


def metric_key(subject: str, metric: str, scope_words: tuple[str, ...]) -> str:
    subject = re.sub(r"[\s,、:“”\"]", "", subject)
    # 全年辖区食品抽检 and 全年食品抽检: every scope word that opens a subject goes, not the first alone
    while True:
        shorter = _LEADING_RE.sub("", subject)
        for word in scope_words:
            if shorter.startswith(word):
                shorter = shorter[len(word) :]
                break
        if shorter == subject:
            return same_subject(subject) + metric
        subject = shorter


def same_subject(subject: str) -> str:
    """A subject as its variants are keyed: 登记在册的养老机构 and 登记养老机构 are one."""
    for variant, canonical in SUBJECT_VARIANTS:
        if variant in subject:
            subject = subject.replace(variant, canonical)
    return _INNER_TOTAL_RE.sub("", subject) if "共" in subject else subject


# 消防宣传共覆盖群众 / 消防宣传覆盖群众: 共 before the verb of a name says it is a total, nothing more
_INNER_TOTAL_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:共计|共)(?=覆盖|服务|接待|完成|发放|受理|办理|培训|检查|开展|救助|帮扶|惠及|建成|新增|实现|选派|招引)")


@dataclass(frozen=True)
class _Stated:
    """A figure as a later one is compared with it. Offsets are the document's:
    in a long document read in pieces (auditor.pieces) it may lie in an earlier piece."""

    written: Decimal
    value: Decimal
    decimals: int
    multiplier: int
    qualifier: str
    start: int
    end: int
    shown: str  # as written, for the message
    line: int
    when: frozenset[str] | None = None  # a quantity's period, read in its own piece


def _stated(analysis: Analysis, figure: Figure, when=None) -> _Stated:
    line, _ = analysis.text.locate(figure.start)
    return _Stated(figure.written, figure.value, figure.decimals, figure.multiplier, figure.qualifier,
                   analysis.offset + figure.start, analysis.offset + figure.end, as_written(analysis, figure),
                   analysis.lines_before + line, when)


def conflict(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    hits = list(_rate_conflicts(analysis, rule)) + list(_quantity_conflicts(analysis, rule)) + list(_change_conflicts(analysis, rule))
    hits += _standard_conflicts(analysis, rule)
    spans = {(hit.start, hit.end) for hit in hits}
    hits += [hit for hit in _division_hits(analysis) if (hit.start, hit.end) not in spans]
    yield from sorted(_without_parallel_blocks(analysis, hits), key=lambda hit: hit.start)


_PARALLEL_METRICS = 3


def _without_parallel_blocks(analysis: Analysis, hits: list[Hit]) -> list[Hit]:
    """普通文科…计划招生23655人,上线40665人,缺额2789人 / 普通理科…计划招生27936人,上线78894人,
    缺额4054人: when three or more metrics of one paragraph all differ from the same metrics of
    one earlier paragraph, the two paragraphs describe two subjects side by side (a stale
    copy changes one figure, not every one); none of them is a conflict."""
    if len(hits) < _PARALLEL_METRICS:
        return hits
    pairs: dict[tuple[Any, int], list[Hit]] = {}
    for hit in hits:
        line, _ = analysis.text.locate(hit.start)
        pairs.setdefault((hit.values.get("first_line"), analysis.lines_before + line), []).append(hit)
    dropped = {id(hit) for (first, line), group in pairs.items() if first != line and len(group) >= _PARALLEL_METRICS
               and len({h.values.get("metric") for h in group}) >= _PARALLEL_METRICS for hit in group}
    return [hit for hit in hits if id(hit) not in dropped]


def _division_hits(analysis: Analysis) -> Iterator[Hit]:
    """全村辖5个村民组 … 辖6个村民组 / 村民组分别为 six names (auditor.divisions)."""
    for found in division_conflicts(analysis):
        line, _ = analysis.text.locate(found.first.start)
        yield Hit(found.second.start, found.second.end,
                  {"metric": found.noun, "first": found.first.shown, "second": found.second.shown,
                   "first_line": analysis.lines_before + line},
                  {"metric": found.noun, "values": [found.first.count, found.second.count]},
                  related=((found.first.start, found.first.end),))


def _rate_conflicts(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    generic = set(rule.options.generic_metrics)
    scope_words = tuple(sorted(rule.options.scope_words + _village_scope(analysis), key=len, reverse=True))
    state = analysis.state(rule.id + ":rates")  # the pieces of a long document share what was stated first
    first_seen: dict[str, _Stated] = state.setdefault("first_seen", {})
    reported: set[str] = state.setdefault("reported", set())
    levels: dict[str, str] = state.setdefault("levels", {})  # the administrative level of each first statement
    # keys first stated with a year opening the subject, and the periods their sentence names
    year_led: dict[str, frozenset[str]] = state.setdefault("year_led", {})
    # a rate given with its own numerator and denominator names its own population
    computed = {relation.rate.index for relation in analysis.relations.ratios}
    keys: dict[tuple[str, str], str] = {}
    for figure in analysis.figures:
        if figure.kind != "percent" or not figure.metric or figure.in_list or direction_of(figure.metric):
            continue
        if figure.qualifier in APPROXIMATE_WORDS:
            continue
        if figure.index in computed or is_listed(analysis, figure):
            continue
        if _RATE_TO_RE.search(analysis.text.norm, max(0, figure.number_start - 6), figure.number_start):
            continue  # 贫困发生率降至12.1%: the end of a change, of another time than a rate stated plainly
        if analysis.text.norm.startswith("的", figure.end) and not _BASE_AFTER_RE.match(analysis.text.norm, figure.end):
            continue  # 贫困发生率30%以上的村: a threshold that names a group, not the rate
        key = _cached_key(keys, figure.subject, figure.metric, scope_words)
        if key in generic or len(key) < 3 or key.startswith("占") or _SHARE_KEY_RE.search(key):
            continue  # 占…的比例, 对GDP增长的贡献率: one per subject, named clauses before
        # the count before only tells two rates apart (小学生…,入学率; 中学生…,入学率): a rate that
        # says nothing of its own (…毕业402人,完成率99.3%) is not compared by it
        count_subject = "" if figure.subject else _subject_of_count_before(analysis, figure)
        if count_subject:
            key = _cached_key(keys, count_subject, figure.metric, scope_words)
            if _bare_deed(count_subject):  # 受理执行类案件71件;…;结案10件,结案率14.08%: the cases' rate
                key += semicolon_frame(analysis, figure)
        earlier = first_seen.get(key)
        level = _level(figure.subject)
        if earlier is None:
            first_seen[key] = _stated(analysis, figure, _rate_period(analysis, figure))
            levels[key] = level
            if _SUBJECT_YEAR_RE.match(figure.subject):
                year_led[key] = _own_periods(analysis, figure)
            continue
        if level and levels.get(key) and level != levels[key]:
            continue  # 全市森林覆盖率45.3%,我县…63.8%: the city's and the county's
        period = _rate_period(analysis, figure)
        if earlier.when and period and not earlier.when & period:
            continue  # 2016年初…20.3% and 2017年…12.1%: two years, two rates
        if (key in year_led or _SUBJECT_YEAR_RE.match(figure.subject)) \
                and year_led.get(key) != _own_periods(analysis, figure):
            continue  # 2023年全区…率 and …率 of a sentence naming no year (or another): not told they are one year's
        if _part_of_year(earlier.when) != _part_of_year(period):
            continue  # 盈利面75% and 一季度…盈利面68%: the year's rate and a quarter's
        low_a, high_a = interval(earlier.written, earlier.decimals, 1, earlier.qualifier, rounded=True)
        low_b, high_b = interval(figure.written, figure.decimals, 1, figure.qualifier, rounded=True)
        if high_a < low_b or high_b < low_a:
            if key in reported:
                continue
            reported.add(key)
            yield _hit(analysis, key, earlier, figure)


# --- one change restated --------------------------------------------------------------------
#
# 全市火灾起数同比下降11.4% … 全市火灾起数同比下降14.1%: one change of one metric of
# one place against one base, written twice. Only a change that names its place (全市,
# 我县, 本区) and its base (同比, 比上年) in its own clause is keyed: a bare 起数同比下降
# may be a district's under its heading. 修正为, 核实后, 初步, 预计 say why two differ.

_NAMED_CHANGE_RE = re.compile(
    r"[^\u4e00-\u9fff\d]*(?P<head>[\u4e00-\u9fff\d][\u4e00-\u9fff\d\s]{2,30}?)\s*(?P<base>同比|环比|(?:比|较)(?:上年同期|去年同期|上年|去年|上一年|同期)"
    r"|与(?:上年同期|去年同期|上年|去年|上一年)相比)\s*[,,]?\s*(?:分别)?"
    rf"(?P<word>{DIRECTION_ALTERNATIVES})了?\s*"
)
_PLACE_HEAD_RE = re.compile(r"^(?:全|我|本)(?:国|省|市|州|盟|县|区|旗|镇|乡|村)")
_REVISED_RE = re.compile(r"修正|更正|订正|核实|核定|核准|调整为|实为|应为|有误|纠正|初步|预计|快报|预期|目标|力争|确保|争取")
_REVISION_RE = re.compile(r"修正|更正|订正|核实|核定|核准|核减|核增|实为|应为|有误|纠正|初步|快报|调整为|调整后")
_CHANGE_HEAD_NOISE_RE = re.compile(r"今年以来|一年来|以来|截至目前|截止目前|目前|总体|整体|累计|共|了|的")


def _change_key(analysis: Analysis, figure: Figure) -> tuple[str, str, str, str] | None:
    """(metric, base and direction, the words as a message names them, the level of its place
    or "") of a change that names its place or the report's whole year, and its base, in its
    clause."""
    text, norm = analysis.text, analysis.text.norm
    sentence_start, _ = text.sentence_span(figure.start)
    clause_start = max(text.clause_span(figure.start)[0], sentence_start)
    if figure.index and analysis.figures[figure.index - 1].end > clause_start:
        return None  # 发生火灾120起,同比下降: the change of the count before
    said = _NAMED_CHANGE_RE.fullmatch(norm, clause_start, figure.number_start)
    if said is not None:
        named = said.group("head")
    else:  # 政府采购规模共计12.8亿元,同比增长9.3%: the change of the quantity named in the clause before
        said = _BARE_CHANGE_RE.fullmatch(norm, clause_start, figure.number_start)
        named = _quantity_named_before(analysis, figure, sentence_start, clause_start) if said else None
        if named is None:
            return None
    head = _CHANGE_HEAD_NOISE_RE.sub("", _PERIOD_RE.sub("", named))
    if not head.isalpha():
        return None  # a figure's digits left in its name
    place = _PLACE_HEAD_RE.match(head)
    # 全年政府采购规模较上年增长: the report's own year names the report's own total, as a place would
    whole_year = place is None and _WHOLE_YEAR_HEAD_RE.match(named) is not None and len(head) >= _YEAR_HEAD_MIN
    if (place is None and not whole_year) or len(head) - (place.end() if place else 0) < 2 or "分别" in head \
            or _REVISED_RE.search(norm, max(sentence_start, figure.number_start - _FRAME_WINDOW), figure.number_start):
        return None
    base = "环比" if said.group("base") == "环比" else "同比"
    written_base, word = said.group("base") or "", said.group("word") or said.groupdict().get("bare", "")
    # 全市土地出让收入 and 全年土地出让收入: one total, the place keyed apart as its level (市)
    metric = head[place.end() :] if place else head
    # 减税降费规模较上年增长 and 减税降费…同比增长: 规模, 总额 name the quantity, not another one
    metric = _CHANGE_METRIC_TAIL_RE.sub("", metric) if len(_CHANGE_METRIC_TAIL_RE.sub("", metric)) >= 2 else metric
    return metric, base + direction_of(word), head + written_base + word, _level(head)


_CHANGE_METRIC_TAIL_RE = re.compile(r"(?:总规模|规模|总额|金额|总量|数量|总数)$")
_BARE_DIRECTIONS = "增长|下降|增加|减少|提高|降低|上升"  # two-character verbs only: a bare 增 or 减 may open a word
_BARE_CHANGE_RE = re.compile(
    r"\s*(?:(?P<base>同比|环比|(?:比|较)(?:上年同期|去年同期|上年|去年|上一年|同期)|与(?:上年同期|去年同期|上年|去年|上一年)相比)\s*[,,]?\s*"
    rf"(?P<word>{DIRECTION_ALTERNATIVES})|(?P<bare>{_BARE_DIRECTIONS}))了?\s*"
)  # 完成12.8亿元,增长9.3%: after a quantity a change with no base named is the year's over the year before
_WHOLE_YEAR_HEAD_RE = re.compile(r"[^\u4e00-\u9fff\d]*(?:全年|本年度|本年|(?:19|20)\d{2}\s*年(?:度|全年)?)")
_YEAR_HEAD_MIN = 4  # a name of four characters or more (政府采购规模), not a bare 收入
_NAMED_BEFORE_END_RE = re.compile(r"(?:共计|累计|合计|总计|共有|完成|实现|达到|达|为|是|共|约|近|有)+$")


def _quantity_named_before(analysis: Analysis, figure: Figure, sentence_start: int, clause_start: int) -> str | None:
    """The name of the quantity that ends the clause right before a bare change (全年政府采购规模共计
    12.8亿元,同比增长9.3%: 全年政府采购规模), or None."""
    if not figure.index:
        return None
    before = analysis.figures[figure.index - 1]
    if before.kind not in _QUANTITY_KINDS or before.start < sentence_start or before.qualifier:
        return None
    text, norm = analysis.text, analysis.text.norm
    own_start, own_end = text.clause_span(before.start)
    if own_end + 1 != clause_start or norm[before.end : own_end].strip() or norm[own_end] != ",":
        return None  # the quantity must end the clause just before
    own_start = max(own_start, sentence_start)
    if figure.index > 1 and analysis.figures[figure.index - 2].end > own_start:
        return None  # two figures in that clause: which one changed is not told
    return _NAMED_BEFORE_END_RE.sub("", norm[own_start : before.number_start].strip()) or None


def _own_periods(analysis: Analysis, figure: Figure) -> frozenset[str]:
    """The periods a figure's own sentence names before it (2024年, 1-6月), however written."""
    sentence_start, _ = analysis.text.sentence_span(figure.start)
    start = max(sentence_start, figure.number_start - _FRAME_WINDOW)
    norm = analysis.text.norm
    # 今年以来 is the report's own year to date, as a sentence that names none
    # 较上年, 与上年同期相比: the base a change is measured against, no period of its own
    named = [m for m in _PERIOD_RE.finditer(norm, start, figure.number_start)
             if not norm.startswith("以来", m.end()) and not _BASE_BEFORE_RE.search(norm, max(start, m.start() - 4), m.start())]
    periods = frozenset(_plain_year(m.group(0)) for m in named if m.group(0) not in _DEFAULT_PERIOD)
    if not periods and named and _title_year(analysis) is not None:
        return frozenset({_title_year(analysis)})  # 全年…率 in a report titled 2019年: that year's, as 2019年…率 is
    return periods


_BASE_BEFORE_RE = re.compile(r"[比较与]")


def _change_conflicts(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    state = analysis.state(rule.id + ":changes")
    first_seen: dict[tuple[str, str], tuple[_Stated, frozenset[str], str]] = state.setdefault("first_seen", {})
    reported: set[tuple[str, str]] = state.setdefault("reported", set())
    norm = analysis.text.norm
    for figure in analysis.figures:
        if figure.kind != "percent" or not figure.metric or not direction_of(figure.metric):
            continue
        if figure.qualifier or is_listed(analysis, figure):
            continue
        keyed = _change_key(analysis, figure)
        if keyed is None:
            continue
        key, label, level = keyed[:2], keyed[2], keyed[3]
        period = _period_of(analysis, figure)
        if period is None or period[1]:
            continue  # a target, or a value of a list
        own = _own_periods(analysis, figure)
        earlier, earlier_own, earlier_level = first_seen.get(key, (None, None, ""))
        if earlier is None:
            first_seen[key] = (_stated(analysis, figure, period[0]), own, level)
            continue
        if level and earlier_level and level != earlier_level:
            continue  # 全市… and 全县…: the city's change and the county's
        if own != earlier_own:
            continue  # 上半年,…下降9.3%。…下降3.9%: the second may be the year's, its sentence does not say
        if earlier.when and period[0] and not earlier.when & period[0]:
            continue  # 2023年 … 2024年, 过去一年 … 今年
        if _part_of_year(earlier.when) != _part_of_year(period[0]) or key in reported:
            continue  # the year's change and a quarter's
        if _REVISED_RE.search(norm, figure.end, min(analysis.text.clause_span(figure.start)[1], figure.end + _FRAME_WINDOW)):
            continue
        low_a, high_a = interval(earlier.written, earlier.decimals, 1, earlier.qualifier, rounded=True)
        low_b, high_b = interval(figure.written, figure.decimals, 1, figure.qualifier, rounded=True)
        if high_a < low_b or high_b < low_a:
            reported.add(key)
            yield _hit(analysis, label, earlier, figure)


def _standard_conflicts(analysis: Analysis, rule: Rule) -> list[Hit]:
    """每人每月发放护理补贴1 180元 … 护理补贴按每人每月1 810元标准发放 (auditor.standards)."""
    state = analysis.state(rule.id + ":standards")
    first_seen: dict[tuple[str, str, str], _Stated | Figure] = state.setdefault("first_seen", {})
    reported: set[tuple[str, str, str]] = state.setdefault("reported", set())
    hits = []
    for figure in analysis.figures:
        if figure.kind != "money" or figure.qualifier and figure.qualifier not in STANDARD_BOUNDS:
            continue
        keyed = standard_key(analysis, figure)
        if keyed is None:
            continue
        key, label, bound = keyed[:3], keyed[3], keyed[4]
        if bound and not figure.qualifier:
            figure = replace(figure, qualifier=bound)  # 标准不低于每人每月800元: the value is a floor
        if said_as_target(analysis, figure):
            continue
        earlier = first_seen.get(key)
        if earlier is None:
            first_seen[key] = figure  # its period read only when a second one comes
            continue
        if key in reported or not _apart(earlier, figure):
            continue
        if isinstance(earlier, Figure):
            earlier = first_seen[key] = _standard_stated(analysis, earlier)
        period = _period_of(analysis, figure)
        if period is None or earlier.when is None or earlier.when != period[0]:
            continue  # 2023年 … 2024年起: two years, two standards; or a value of a list
        reported.add(key)
        hits.append(_hit(analysis, label, earlier, figure, _bound_shown(analysis, figure)))
    if analysis.carry is not None:  # the next piece reads this one's figures as records
        for key, seen in first_seen.items():
            if isinstance(seen, Figure):
                first_seen[key] = _standard_stated(analysis, seen)
    return hits


def _bound_shown(analysis: Analysis, figure: Figure) -> str:
    """不低于800元 as a message quotes a standard's floor; 650元 as written."""
    shown = as_written(analysis, figure)
    if figure.qualifier not in STANDARD_BOUNDS:
        return shown
    if figure.qualifier in ("以上", "以下"):  # written after the value, and quoted with it when read there
        return shown if shown.endswith(figure.qualifier) else shown + figure.qualifier
    return figure.qualifier + shown


def _standard_stated(analysis: Analysis, figure: Figure) -> _Stated:
    stated = _stated(analysis, figure, _periods_only(analysis, figure))
    return replace(stated, shown=_bound_shown(analysis, figure))


def _periods_only(analysis: Analysis, figure: Figure) -> frozenset[str] | None:
    """The periods in force for a figure (None for a value of a list)."""
    period = _period_of(analysis, figure)
    return None if period is None else period[0]


def _cached_key(keys: dict[tuple[str, str], str], subject: str, metric: str, scope_words: tuple[str, ...]) -> str:
    """metric_key of a subject and metric, worked out once a document."""
    key = keys.get((subject, metric))
    if key is None:
        key = keys[(subject, metric)] = metric_key(subject, metric, scope_words)
    return key


def _subject_of_count_before(analysis: Analysis, figure: Figure) -> str:
    """小学生18人,入学率100%;中学生9人,入学率90%: a rate that opens its clause
    is the rate of the count in the clause just before it."""
    if not figure.index:
        return ""
    before = analysis.figures[figure.index - 1]
    text = analysis.text
    if before.kind != "count" or not before.subject:
        return ""
    clause_start, _ = text.clause_span(figure.start)
    if text.clause_span(before.start)[1] + 1 < clause_start or text.sentence_span(before.start) != text.sentence_span(figure.start):
        return ""
    return before.subject.removeprefix("其中")


_LEVEL_RE = re.compile(r"(?:全|本|我|该)(国|省|市|州|县|区|镇|乡|村)")


def _level(subject: str) -> str:
    """全市 → 市, 我县 → 县: the administrative level a rate is stated for, or ""."""
    levels = {match.group(1) for match in _LEVEL_RE.finditer(subject)}
    return levels.pop() if len(levels) == 1 else ""


_SHARE_KEY_RE = re.compile(r"比重|占比|比例|贡献率|拉动")
_RATE_TO_RE = re.compile(r"(?:降|减|压|缩|提|升|增|涨|上升|下降|提高|提升|增长|增加|减少|降低)(?:到|至)\s*$")


_PART_OF_YEAR_RE = re.compile(r"季度|月|半年")


def _part_of_year(periods: frozenset[str] | None) -> bool:
    return any(_PART_OF_YEAR_RE.search(p) for p in periods or ())


def _rate_period(analysis: Analysis, figure: Figure) -> frozenset[str]:
    """The periods a rate's sentence names before it (no report-year default): empty when none."""
    period = _period_of(analysis, figure, window=True)
    return period[0] if period else frozenset()


def _hit(analysis: Analysis, metric: str, earlier: _Stated, figure: Figure, shown: str | None = None) -> Hit:
    return Hit(
        figure.start,
        figure.end,
        {"metric": metric, "first": earlier.shown, "second": shown or as_written(analysis, figure), "first_line": earlier.line},
        {"metric": metric, "values": [earlier.written, figure.written]},
        related=((earlier.start - analysis.offset, earlier.end - analysis.offset),),
    )


# --- counts, money and other quantities ------------------------------------------------------
#
# 服务5826人 … 服务5862人; 投资1.62亿元 … 1.26亿元; 一百一十六个 … 116个. A
# quantity's key is what the text says it is: the words before it in its
# clause, the thing a measure word counts (116个村级服务站), the period named
# anywhere before it in the sentence (1-2月, 上半年, 上年), whether it is a
# target, and the clauses before it in the sentence when they name an event
# (开展义诊12次,服务群众580人). Two values under one key are a conflict only
# when their written intervals (1.62亿 is 1.615–1.625亿) cannot meet.

# verbs that say what was done to what is counted (conflict_restated keys a count by them)
DEED_VERBS = (
    "注册登记", "接收", "受理", "办理", "办结", "审结", "收到", "接待", "招引", "引进", "签约", "开工", "竣工", "建成",
    "新建", "改建", "扩建", "改造", "培育", "培训", "发放", "处置", "处理", "查处", "查办", "组织", "开展", "举办",
    "服务", "慰问", "救助", "帮扶", "资助", "登记", "注册", "调处", "化解", "排查", "整改", "评定", "创建", "发展",
    "招录", "录用", "招聘", "安置", "转移", "投入", "拨付", "落实", "征收", "出让", "供应", "检查", "抽检", "检测",
    "出版", "编纂", "接种", "救治", "收治", "调解", "惠及", "覆盖", "带动", "吸纳", "新增", "实施", "推出", "制定",
    "出台", "修订", "清理", "整治", "关闭", "取缔", "淘汰", "拆除", "收购", "销售", "出口", "进口", "生产", "回收",
    "认定", "命名", "表彰", "评选", "推荐", "申报", "获批", "立案", "结案", "破获", "抓获", "侦破", "起诉", "减免",
    "兑现", "支付", "筹集", "募集", "捐赠", "识别", "认证", "交办", "审批", "批准", "办件", "走访", "参与",
    "参加", "完成", "实现", "解决", "收集", "整理", "移交", "征集", "鉴定", "修复", "数字化", "提供", "吸引", "举行",
    "摸排", "核查", "清查", "普查", "巡查", "督查", "暗访", "回访", "挂牌", "收储", "认领", "结对", "签订", "备案",
    "审核", "审查", "核发", "颁发", "换发", "验收", "评估", "调查", "筛查", "体检", "义诊", "诊治", "接诊", "随访",
    "扣押", "没收", "收缴", "追回", "挽回", "退还", "返还", "清退", "追缴", "补缴", "理赔", "赔付", "报销", "安装",
    "更换", "维修", "铺设", "硬化", "修建", "修缮", "加固", "栽植", "种植", "补植", "造林", "出栏", "放流", "搬迁",
    "招收", "录取", "考取", "获得", "荣获", "授予", "创成", "打造", "培养", "引育", "输送", "选派", "派驻", "选聘",
    "聘用", "招募", "注销", "吊销", "撤销", "关停", "撤并", "开通", "接入", "发布", "编印", "印发", "制作", "播出",
    "刊发", "刊登", "承接", "受训", "安排", "下达", "分配", "看望", "帮助", "扶持", "孵化",
    "消耗", "耗用",
)
_QUANTITY_KINDS = frozenset({"count", "money", "area", "weight", "length", "volume", "concentration"})
_CN = "一二两三四五六七八九十"
# the lookahead lets the engine skip, at C speed, characters no period starts with
_PERIOD_RE = re.compile(
    rf"(?=[0-9{_CN}两上下全本今年过去前同近xX×Ｘ报])(?:"
    rf"(?:19|20)\d{{2}}\s*年(?:度)?|[xX×Ｘ]{{2,4}}\s*年(?:度)?|(?:\d{{2}}\s*世纪\s*)?\d{{2}}\s*年代|\d{{1,2}}\s*(?:[-—–~至到]\s*\d{{1,2}}\s*)?月(?:份|底|末|初|中旬|上旬|下旬)?"
    rf"|[{_CN}]{{1,2}}(?:[-—至到][{_CN}]{{1,2}})?月(?:份|底|末|初)?|[一二三四1-4]季度|前[{_CN}]季度|[上下]半年"
    rf"|全年|本年|今年|年内|一年来|过去一年|报告期内|(?:(?<=[\s,;:。])|^)年度(?!目标|计划|任务|考核|预算|工作|重点|指标)|上月(?:底|末|初)?|上个月|上季度末?|本月|上年|去年|上一年|前一年|前年|同期|年初|年中|(?:近|过去)[{_CN}\d]+年|[{_CN}\d]+年(?:来|间|中)|十[一二三四五]五|[{_CN}]五(?:期间|时期))"
)
_DEFAULT_PERIOD = frozenset({"全年", "本年", "年内", "一年来", "年度", "报告期内"})  # (年度 opening a clause, 报告期内: the report's year)  # the report's own year (今年 is next year's plan in a government work report)
_DONE_AGAINST_TARGET_RE = re.compile(r"[^。;\d]{0,4}?[,,]?\s*(?:完成|达到|为|占)了?[^\d,。;]{0,8}?(?:目标|计划|任务)")
# 主要指标, 经济指标, 统计指标, 各项指标: indicators reported, no target set
_TARGET_RE = re.compile(r"目标|计划|力争|预计|预期|确保|争取|任务|拟|规划|要求|(?<![要济计项])指标|下达|预算")
# a change or comparison, a before or after value, a part, a share: not the quantity itself
_NOT_A_STATE_RE = re.compile(r"比|较|同比|环比|增加|减少|增长|下降|提高|降低|上升|缩短|压缩|压减|新增了|由(?!于)|从(?![业事])|其中|分别|占|相当于|超出|差|^到|到$|至$|每")
_FRAME_WORDS = re.compile(r"今年以来|一年来|以来|截至目前|截止目前|截至|截止|目前|同时|此外|另外|据统计|经统计|总体来看|全年|今年|本年|年内|年底|年末|共计|累计|合计|总计|共|已|均")
_LEADING_FILLERS = ("各类", "各种", "各项", "特别是", "尤其是", "截至年底", "年底前", "年底", "年末", "共计", "累计", "合计", "总计", "共", "已", "均", "还", "先后", "全年", "今年", "本年", "年内", "目前", "实现", "达到", "完成", "现有", "拥有", "实有", "接待", "建成", "建有", "设有", "有", "发生",
                    # a clause's connective or the writer's own unit before the name: 尽管健康教育讲座…, 我单位手术台次…
                    "尽管", "虽然", "但是", "同时", "此外", "另外", "我单位", "本单位")
# 参保人数 / 参保, 造林面积 / 造林, 投资金额 / 投资: one metric
_METRIC_NOUN_RE = re.compile(r"(?:总人数|人数|人次数|总数|数量|总量|总面积|面积|总额|金额|规模)$")
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
# a name may hold letters and digits of its own: PM2.5 and PM10, SO2, 5G, 4A级 (never a bare number)
_NAME_RUN_RE = re.compile(r"[\u4e00-\u9fff]+|\d*[A-Za-z][A-Za-z\d]*(?:\.\d+)?")
_PLACEHOLDER_LETTERS_RE = re.compile(r"[xX×]+")


def name_runs(words: str) -> str:
    """The words of a name: its Chinese, and letters with digits that name a thing of their own
    (PM2.5, SO2, 5G; never one letter, nor x/X standing for a blank)."""
    return "".join(run for run in _NAME_RUN_RE.findall(words)
                   if run[0] >= "\u4e00" or (sum(c.isalpha() for c in run) >= 2 or any(c.isdigit() for c in run))
                   and not _PLACEHOLDER_LETTERS_RE.fullmatch(run))
_TAIL_RE = re.compile(r"[\u4e00-\u9fff]{1,10}")
_TAIL_STOP = "的和及与、或"
_GROUP_HEAD_TAILS = ("中", "当中", "之中")


# 共造成57人死亡, 导致死亡人数: the outcome an event caused, counted; the verb between says nothing more
_CAUSED_RE = re.compile(r"(?:共计|共|累计)?(?:造成|导致|致使|(?<![一导以大])致)了?(?=死亡|受伤|遇难|失踪|重伤|轻伤|伤亡|死伤|中毒|被困)")


@lru_cache(maxsize=1)
def _deed_count_re() -> re.Pattern:
    """A deed's count named as a noun: 立案数, 受理数 (the verbs conflict_restated knows)."""
    return re.compile("(?:" + "|".join(sorted(set(DEED_VERBS), key=lambda verb: (-len(verb), verb))) + ")数$")


def measure_named(words: str, figure: Figure) -> str:
    """A count's name without the measure word it ends on: 生产安全事故起数 (…64起) and 生产安全事故
    (…46起), 信访案件数 and 信访案件 (…件), 残疾人 and 残疾人数 (…人) name one count."""
    unit = figure.base_unit
    if figure.kind != "count" or not unit:
        return words
    if words.endswith(unit + "数") or words.endswith("数") and _deed_count_re().search(words):
        words = words[:-1]  # (刑事案件立案数: the count of a deed)
    if words.endswith(unit) and len(words) - len(unit) >= 2:
        words = words[: -len(unit)]
    return words


def _counted_thing(norm: str, figure: Figure, clause_end: int) -> str:
    """What a measure word counts, up to the clause end: 116个村级服务站. A
    predicate after it stays (116个村卫生室完成改造 counts another thing)."""
    if figure.kind != "count":
        return ""
    tail = _TAIL_RE.match(norm, figure.end, min(clause_end, figure.end + 10))
    thing = tail.group(0) if tail else ""
    for stop in _TAIL_STOP:
        thing = thing.split(stop, 1)[0]
    return "" if thing in _GROUP_HEAD_TAILS else thing  # 常住人口6.24万人中,…: the count of the group it opens
_FROM_RE = re.compile(r"(?:由|从)\s*$")
_TO_AFTER_RE = re.compile(rf"[\u4e00-\u9fff/]{{0,6}}?(?:{DIRECTION_ALTERNATIVES})?(?:到|至)")
_ANAPHORA_RE = re.compile(r"这些|这个|这项|这批|该|上述|此项|此类|以上|前述")
# 该村2022年农村经济总收入 on a village's page: the village the page is about, as 全村 says
_THE_VILLAGE_RE = re.compile(r"(?:该|本)(?:自然|行政)?村")
# 农村经济总收入 and 全村经济总收入 name one total on a village's page
_RURAL_ECONOMY_RE = re.compile(r"^(全村)?农村经济")
# a per-head figure is the whole population's: a clause before it does not say whose
_PER_HEAD_SUBJECT_RE = re.compile(r"人均")
_SUBJECT_WINDOW = 24
# 向2 143家企业发放稳岗返还资金1 268万元: a verb and the figure's own noun after the figure before
_OWN_NAME_AFTER_RE = re.compile(r"^[\u4e00-\u9fff]{0,4}(?P<verb>发放|投入|拨付|兑现|支付|落实|完成|实现|查处|接待|新增|建成|培训|救助)[\u4e00-\u9fff]{4,}$")
# a quantity named in full needs no frame from the clause before: 查处超限超载车辆, 常住人口, 市场主体
_STOCK_NOUN_RE = re.compile(r"(?:人口|主体|总值|总额|总量|余额|总收入|总产值|总产量|总支出)$")
# a state of the place (its built-up area, its population), no event's result
_STATE_NOUN_RE = re.compile(r"(?:建成区|常住人口|户籍人口|总人口)$")
_FRAME_WINDOW = 60
_PLACEHOLDER_YEAR_RE = re.compile(r"[xX×Ｘ]")
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
_COMPARED_RE = re.compile(r"(?:[较比与]|同)\s*$")  # 比上年 / 较2023年 (not 作为对比,上年: 比 closes its clause)
_EVENT_FRAME_RE = re.compile(r"(?:开展|举办|组织|举行|召开|实施|参加|参与|承办|启动|推进|落实)[\u4e00-\u9fff]{2,}")
_SAME_THING_FACTOR = 2  # one figure miscopied stays within this factor of the other
_YEAR_END_RE = re.compile(r"(?<![上去前])年(?:末|底)")
# 年末特困人员总数, 年底全县…: the year's end said with no year, no word of the name (2024年末 and 本年末 are
# periods _PERIOD_RE reads; 年底前 is a deadline)
BARE_YEAR_END_RE = re.compile(r"(?<![\d\s本上去今前当明])年(?:末|底)(?!前)")
_YEAR_BEFORE_WORDS = frozenset({"上年", "去年", "上一年", "前一年", "前年"})
_BASE_STATED_RE = re.compile(r"(?:末|底|同期)?(?:为|是)")  # 上年末为5.36万户: a base, in force for its own figure only
_PARAGRAPH_WINDOW = 300  # how far back in its paragraph a figure's period and target are looked for
# 截至12月底, 12月末, 12月31日: the end of the year named with it (or of the report's year), no month
# of its own (not 12月底前, a deadline)
_YEAR_END_DATE_RE = re.compile(r"12\s*月\s*(?:底|末|31\s*日)(?!前)")
_PARAGRAPH_END = "。!?;"
_PLAN_PERIOD_RE = re.compile(r"十[一二三四五]五|[一二三四五六七八九十]五(?:期间|时期)")
_HEADING_MAX = 40


def _paragraph_start(norm: str, line_start: int, floor: int) -> int:
    """Where a figure's paragraph starts: its line, and the lines before it that a hard wrap broke
    off (a line that ends with no 。, ;, !, ?), back to `floor` at most."""
    start = line_start
    while start > floor:
        previous_start = max(norm.rfind("\n", floor, start - 1) + 1, floor)
        previous = norm[previous_start : start - 1].rstrip()
        if not previous or previous[-1] in _PARAGRAPH_END:
            break
        start = previous_start
    return start


def _heading_line(norm: str, position: int) -> bool:
    """Whether the line at position is a heading (二、2023年工作回顾): short, with no sentence or clause in it."""
    start = norm.rfind("\n", max(0, position - _HEADING_MAX - 1), position) + 1
    end = norm.find("\n", position, position + _HEADING_MAX + 1)
    if (start == 0 and position > _HEADING_MAX) or (end < 0 and len(norm) - position > _HEADING_MAX):
        return False  # a line longer than a heading
    line = norm[start : end if end >= 0 else len(norm)].strip()
    return len(line) <= _HEADING_MAX and not any(mark in line for mark in "。,;!?")


# subject, counted thing, unit, kind, frame: a plain tuple hashes fastest
_QuantityKey = tuple[str, str, str, str, str]


def _quantity_conflicts(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    scope_words = tuple(sorted(rule.options.scope_words + _village_scope(analysis), key=len, reverse=True))
    marks = _Marks()
    report_year = _only_year(analysis, rule) or title_year(analysis, rule)
    # what a figure is, read cheaply; its period (a scan of its paragraph) only
    # once a second figure is read as the same thing
    state = analysis.state(rule.id + ":quantities")  # carried from piece to piece of a long document
    pending: dict[tuple, Figure | _Stated] = state.setdefault("pending", {})
    active: set[tuple] = state.setdefault("active", set())
    first_seen: dict[tuple, _Stated] = state.setdefault("first_seen", {})
    reported: set[tuple] = state.setdefault("reported", set())
    village_refs: set[int] = state.setdefault("village_refs", set())
    title_line = state.setdefault("title_line", _title_line(analysis))
    for figure in _rivals(analysis, rule):
        if _names_a_group(analysis.text.norm, figure):
            continue
        what = _quantity_key(analysis, figure, scope_words, marks)
        if what is None:
            continue
        if figure.index in marks.the_village:
            village_refs.add(analysis.offset + figure.start)
        if what in active:
            queue = [figure]
        elif what in pending:
            active.add(what)
            queue = [pending.pop(what), figure]
        else:
            pending[what] = figure
            continue
        for seen in queue:
            when = seen.when if isinstance(seen, _Stated) else _period_of(analysis, seen, report_year)
            if when is None:
                continue
            key = (what, when)
            earlier = first_seen.get(key)
            if earlier is None:  # (a pending figure of an earlier piece is always first: its key is new)
                first_seen[key] = seen if isinstance(seen, _Stated) else _stated(analysis, seen)
            elif _apart(earlier, seen) and (_alike(earlier, seen) or _headline_slip(earlier, seen, title_line)) \
                    and key not in reported and not _one_sentence(analysis, earlier, seen) \
                    and not (earlier.start in village_refs and _absolute(analysis, seen) in village_refs) \
                    and not _two_places(analysis, earlier, seen) and not sentences_of_two_places(analysis, earlier, seen):
                # 该村… and 该村… may be two villages of one report; 全村… and 该村… are the page's one
                reported.add(key)
                yield _hit(analysis, what[0], earlier, seen)
    if analysis.carry is not None:  # the next piece reads this one's pending figures as records
        for what, seen in pending.items():
            if isinstance(seen, Figure):
                pending[what] = _stated(analysis, seen, _period_of(analysis, seen, report_year))


def _two_places(analysis: Analysis, earlier: _Stated, seen: "Figure | _Stated") -> bool:
    """全市受理投诉2356件 … 全县受理投诉2536件: the scope words keyed alike name two places (a
    statement of an earlier piece of a long document: its place is not known here)."""
    levels = []
    for stated in (earlier, seen):
        start = stated.start - analysis.offset if isinstance(stated, _Stated) else stated.start
        if start < 0:
            return False
        clause_start = max(analysis.text.clause_span(start)[0], start - _SUBJECT_WINDOW)
        levels.append({match.group(1) for match in _LEVEL_RE.finditer(analysis.text.norm, clause_start, start)})
    return bool(levels[0] and levels[1] and levels[0] != levels[1])


# a sentence that opens on a place (after its period: 1—2月,): 北京市优良天数… / 长三角地区41个城市…
_SENTENCE_PLACE_RE = re.compile(r"\s*(?:[^,,。;:\n]{0,12}?[,,]\s*)?(?P<place>[\u4e00-\u9fff]{2,3}(?:省|市|县|州|盟|旗)(?![属级直场民委政内外区域])"
                                r"|[\u4e00-\u9fff]{2,6}(?:地区|平原|城市群|三角洲?))")


_PLACE_REACH = 200  # characters back to the full stop a statement opens after (a ; goes on with its subject)


def _sentence_place(analysis: Analysis, start: int) -> str:
    norm = analysis.text.norm
    floor = max(0, start - _PLACE_REACH)
    opened = max(norm.rfind("。", floor, start), norm.rfind("\n", floor, start))
    if opened < 0 and floor:
        return ""
    opening = _SENTENCE_PLACE_RE.match(norm, opened + 1, start)
    if opening is None or _NOT_A_PLACE_NAME_RE.search(opening.group("place")):
        return ""  # 今年全县 / 全市城区: the document's own place, said with a time or scope word
    return opening.group("place")


_NOT_A_PLACE_NAME_RE = re.compile(r"[年月日全本我该各其]|城市$|推进|加快|建设|开展|实施|完成|实现|新增|持续|全面|城乡|农村|城镇")


def sentences_of_two_places(analysis: Analysis, earlier: "Figure | _Stated", seen: "Figure | _Stated") -> bool:
    """…“2+26”城市…PM2.5浓度为68微克/立方米。北京市…PM2.5浓度为34微克/立方米: each sentence opens on
    a place of its own, so one metric has two subjects, not two values."""
    starts = [x.start - analysis.offset if isinstance(x, _Stated) else x.start for x in (earlier, seen)]
    if min(starts) < 0:
        return False
    places = [_sentence_place(analysis, start) for start in starts]
    return bool(places[0] and places[1] and places[0] != places[1])


_BULLET_ROW_RE = re.compile(r"[ \t]*[-•·▪●◆■][ \t]+[^\n]{0,6}?\d")


def row_line(norm: str, line_start: int, line_end: int, known: dict[int, bool]) -> bool:
    """A table row (tab or | between cells: its columns are years or places of their own) or a
    bulleted row (- 学校16.01万所: it names its item only, the heading above it names whose).
    Each line is looked at once (`known`, by its start): a document may be one long line."""
    row = known.get(line_start)
    if row is None:
        row = known[line_start] = "\t" in norm[line_start:line_end] or "|" in norm[line_start:line_end] \
            or _BULLET_ROW_RE.match(norm, line_start, line_end) is not None
    return row


def _village_scope(analysis: Analysis) -> tuple[str, ...]:
    """On a village's page (全村, 本村, 该村 and no town or county named as a
    subject) 全村耕地面积 and 耕地面积 are one figure: 全村 is its scope word.
    Where a town's or a county's figures stand too, 全村… is one village's."""
    levels = place_levels(analysis.text.norm)
    return _VILLAGE_SCOPE if "村" in levels and levels <= {"村", "组"} else ()


_VILLAGE_SCOPE = ("全村",)
_WHOLE_AREA_NAMES = frozenset({"总面积", "面积", "国土", "国土总", "国土总面积", "辖区", "辖区总", "辖区总面积", "行政区域", "行政区域总",
                               "区域总", "版图"})
_WHOLE_AREA_TAILS = ("总", "国土", "辖区", "区域", "版图")


_GROUP_AFTER_RE = re.compile(r"\s*(?:的|\d)")


def _names_a_group(norm: str, figure: Figure) -> bool:
    """人均纯收入1196元及以下81人 / 2000元以下的农户: a bound that names a group, not the value."""
    return figure.qualifier in ("以上", "以下", "以内") and bool(_GROUP_AFTER_RE.match(norm, figure.end))


_FILLER_CHARS = "为达到了是有共计约近已均累"
# verbs between a quantity's name and its value: 刑事警情186起 / 发生刑事警情 / 支出完成46.28亿元
_TRAILING_VERBS_RE = re.compile(r"(?:发生|实现|完成|共有|拥有|累计|共计|合计|总计)+$")


def _groups(analysis: Analysis) -> dict[tuple[str, str, str], list[Figure]]:
    """The quantities by their unit and the two characters before them."""
    norm = analysis.text.norm
    groups: dict[tuple[str, str, str], list[Figure]] = {}
    for figure in analysis.figures:
        if figure.kind not in _QUANTITY_KINDS or figure.value_high is not None or figure.derived:
            continue
        if figure.qualifier in APPROXIMATE_WORDS or figure.in_list or is_grade(norm, figure):
            continue
        # 面积合计 / 总面积为: the verb off before the filler characters, or 合计 would leave its 合
        words = _TRAILING_VERBS_RE.sub("", norm[max(0, figure.number_start - 8) : figure.number_start].rstrip().rstrip(":"))
        words = _TRAILING_VERBS_RE.sub("", words.rstrip(_FILLER_CHARS))
        thing = _counted_thing(norm, figure, figure.end + 10)
        before = (_METRIC_NOUN_RE.sub("", words if thing else measure_named(words, figure)) + thing)[-2:]
        if figure.kind == "area" and (before.endswith(_WHOLE_AREA_TAILS) or words.endswith("总面积")):
            # 总面积 and 国土面积: one group, keyed alike by _quantity_key; 耕地总面积 is in 耕地's too
            groups.setdefault((figure.base_unit, figure.kind, "总"), []).append(figure)
            if before.endswith(_WHOLE_AREA_TAILS) or len(before) < 2:
                continue
        groups.setdefault((figure.base_unit, figure.kind, before), []).append(figure)
    return groups


_DEED_VERB_SET = frozenset(DEED_VERBS)


def _bare_deed(name: str) -> bool:
    """结案, 办结: a deed named with no noun, done to what was named before."""
    return name in _DEED_VERB_SET


def semicolon_frame(analysis: Analysis, figure: Figure) -> str:
    """The words of the ;-parts before a figure's, in its sentence up to 。 (受理执行类案件71件,同比下降16.47%;
    受案数量占…;结案10件: what was received), or "" where its ;-part opens the sentence."""
    norm = analysis.text.norm
    part_start, _ = analysis.text.sentence_span(figure.start)
    if part_start == 0 or norm[part_start - 1] != ";":
        return ""
    floor = max(0, part_start - _PARAGRAPH_WINDOW)
    opened = max(norm.rfind("。", floor, part_start), norm.rfind("\n", floor, part_start), floor - 1) + 1
    first = norm[opened : part_start].split(";", 1)[0]
    return "".join(_CJK_RUN_RE.findall(_PERIOD_RE.sub("", first)))


def is_grade(norm: str, figure: Figure) -> bool:
    """三级医院, 二级响应: a grade named with 级 before its noun, no count."""
    return figure.base_unit == "级" and _CJK_RUN_RE.match(norm, figure.end) is not None


def _rivals(analysis: Analysis, rule: Rule) -> list[Figure]:
    """The quantities worth reading closely: those that share their unit and
    the two characters before them (服务5826人, 服务达5862人) with a quantity
    of another value. Most figures share them with none, and cost nothing more.
    A piece of a long document counts the values of this piece and those before it."""
    groups = _groups(analysis)
    if analysis.carry is not None:
        values = analysis.state(rule.id + ":groups")
        for key, group in groups.items():
            seen = values.setdefault(key, set())
            for figure in group:
                if len(seen) > 1:
                    break
                seen.add(figure.value)
        chosen = [f for key, group in groups.items() if len(values[key]) > 1 for f in group]
    else:
        chosen = [f for group in groups.values() if len(group) > 1 and len({f.value for f in group}) > 1 for f in group]
    return sorted({f.index: f for f in chosen}.values(), key=lambda f: f.index)


def _one_sentence(analysis: Analysis, earlier: _Stated, seen: "Figure | _Stated") -> bool:
    """…臭氧浓度为162微克/立方米,同比上升12.5%北京市…臭氧浓度为163微克/立方米: one metric twice in
    one sentence is a list over subjects (a lost line break, a place named between), not a slip."""
    start = earlier.start - analysis.offset
    if start < 0:
        return False
    position = _absolute(analysis, seen) - analysis.offset
    sentence_start, sentence_end = analysis.text.sentence_span(position)
    return sentence_start <= start < sentence_end and _PLACE_OPENS_RE.search(analysis.text.norm, earlier.end - analysis.offset, position) is not None


# a place opening a clause or glued after a figure: 12.5%北京市…, ,长三角41个城市…
_PLACE_OPENS_RE = re.compile(r"(?:^|(?<=[,;:%\d\s]))(?:[\u4e00-\u9fff]{2,4}(?:省|市|县|区|州|盟|旗)(?![属级直场民委政内外区域])"
                             r"|[\u4e00-\u9fff]{2,6}(?:地区|平原|城市群|三角洲?))")


def _absolute(analysis: Analysis, seen: "Figure | _Stated") -> int:
    return seen.start if isinstance(seen, _Stated) else analysis.offset + seen.start


def _years(analysis: Analysis) -> set[int]:
    return {date.year for date in analysis.dates if date.year is not None and date.year_written}


def _apart(a: Figure, b: Figure) -> bool:
    """Whether two written values cannot both hold (1.62亿 is 1.615–1.625亿; 以上 is a bound)."""
    low_a, high_a = interval(a.value, a.decimals, a.multiplier, a.qualifier)
    low_b, high_b = interval(b.value, b.decimals, b.multiplier, b.qualifier)
    return high_a < low_b or high_b < low_a


def _alike(a: Figure, b: Figure) -> bool:
    """在校生1.38亿人 and 在校生39.49万人 are two populations, not one miscopied figure."""
    return max(a.value, b.value) <= _SAME_THING_FACTOR * min(a.value, b.value)


_TITLE_MAX_CHARS = 60


def _title_line(analysis: Analysis) -> int | None:
    """The line number of the document's title: its first line with words, when
    short and no sentence (新增就业岗位10.6万个); None in a later piece."""
    if analysis.offset:
        return None
    norm = analysis.text.norm
    start = len(norm) - len(norm.lstrip())
    end = norm.find("\n", start)
    title = norm[start : end if end >= 0 else len(norm)].strip()
    if not title or len(title) > _TITLE_MAX_CHARS or end < 0 or re.search(r"[。;!?]", title):
        return None
    return analysis.lines_before + analysis.text.locate(start)[0]


def _headline_slip(a: "Figure | _Stated", b: "Figure | _Stated", title_line: int | None) -> bool:
    """新增就业岗位106万个 in the title, 10.6万个 in the body: one figure whose
    point slipped, when one stands in the title and the values differ by exactly
    a power of ten (the digits the same)."""
    if title_line is None or sum(_line(x) == title_line for x in (a, b)) != 1:
        return False
    low, high = sorted((Fraction(a.value), Fraction(b.value)))
    if low <= 0 or (high / low).denominator != 1:
        return False
    ratio = (high / low).numerator
    return ratio in (10, 100, 1000, 10000)


def _line(x: "Figure | _Stated") -> int:
    return x.line if isinstance(x, _Stated) else -1


class _Marks:
    """Which lines are table rows, each line looked at once."""

    def __init__(self) -> None:
        self.table_lines: dict[int, bool] = {}
        self.the_village: set[int] = set()  # figures named after 该村/本村: the page's own village

    def in_table(self, norm: str, line_start: int, line_end: int) -> bool:
        return row_line(norm, line_start, line_end, self.table_lines)


def figure_clause(analysis: Analysis, figure: Figure) -> tuple[int, int, int] | None:
    """The start of a figure's sentence and its clause's [start, end), the clause within the
    sentence; None for an ordinal (第3届), which states no quantity."""
    text, norm = analysis.text, analysis.text.norm
    if figure.number_start and norm[figure.number_start - 1] == "第":
        return None
    sentence_start, _ = text.sentence_span(figure.start)
    clause_start, clause_end = text.clause_span(figure.start)
    return sentence_start, max(clause_start, sentence_start), clause_end


def _quantity_key(analysis: Analysis, figure: Figure, scope_words: tuple[str, ...], marks: _Marks) -> _QuantityKey | None:
    text, norm = analysis.text, analysis.text.norm
    spans = figure_clause(analysis, figure)
    if spans is None:
        return None
    sentence_start, clause_start, clause_end = spans
    previous = analysis.figures[figure.index - 1] if figure.index else None
    head_start = clause_start
    events_of = ""
    if previous is not None and previous.end > clause_start:
        head_start = previous.end
        between = norm[head_start : figure.number_start]
        if between.lstrip().startswith("、") and previous.kind == "count" and previous.base_unit != figure.base_unit:
            # 道路交通发生事故665起、死亡220人: the deaths of the events counted just before
            events_of = "".join(_CJK_RUN_RE.findall(_PERIOD_RE.sub("", norm[max(clause_start, previous.number_start - _SUBJECT_WINDOW) : previous.number_start])))
        if not re.match(r"\s*[、,;和及与]", between):
            own_name = _OWN_NAME_AFTER_RE.search(between)
            if own_name is None:
                return None  # 六十斤到七十九斤的有一百零四个县: the words before it belong to the figure before
            head_start += own_name.start("verb")
    head = norm[max(head_start, figure.number_start - _SUBJECT_WINDOW) : figure.number_start]
    if head_start == clause_start > sentence_start and norm[clause_start - 1] == ":" and not head.strip():
        # 主要指标完成情况——城镇新增就业:6643人: the label before the colon names the value
        head = _LABEL_BREAK_RE.split(norm[max(sentence_start, clause_start - 1 - _SUBJECT_WINDOW) : clause_start - 1])[-1]
    head = head[head.rfind(":") + 1 :]  # 镇情:全镇辖区总面积: a heading before the colon names no part of it
    prefix_start = max(sentence_start, figure.number_start - _FRAME_WINDOW)
    prefix = norm[prefix_start : figure.number_start]
    if "其中" in prefix or "分别" in prefix or _NOT_A_STATE_RE.search(strip_fillers(head)) or _REVISION_RE.search(prefix):
        return None  # (初步统计… / 经核实…: a value said to be preliminary or revised differs for a reason)
    if _FROM_RE.search(head) or _TO_AFTER_RE.match(norm, figure.end, figure.end + 12):
        return None  # 由2.5个工作日缩短至3个: a value before a change, not the state now
    village = _THE_VILLAGE_RE.search(head)
    if _ANAPHORA_RE.search(_THE_VILLAGE_RE.sub("", prefix) if village else prefix):
        return None  # 这些项目中…的有三十五个: what it counts was named before
    if village:
        marks.the_village.add(figure.index)
        head = _THE_VILLAGE_RE.sub("全村", head)
    # (今年以来 is the year so far, a period; 2018年以来 a span of years, kept in the name)
    subject = same_subject(_RURAL_ECONOMY_RE.sub(r"\1经济", _core(_PERIOD_RE.sub("", _SO_FAR_RE.sub("", head)), scope_words)))
    if figure.kind == "area" and subject in _WHOLE_AREA_NAMES:
        subject = "总面积"  # 国土面积, 总面积, 辖区面积: the area of the place itself
    if subject.startswith("经济") and _VILLAGE_SCOPE[0] in scope_words:
        subject = "全村" + subject  # 农村经济总收入 and 全村经济总收入 on a village's page, named as the page does
    thing = _counted_thing(norm, figure, clause_end)
    if not thing:
        subject = measure_named(subject, figure)
    # 共有村卫生室120个 and 全县116个村卫生室 name one thing: the words before and after, read together
    if len(subject) < 2 and len(thing) < 2:
        return None
    if _CAUSED_RE.search(subject + thing):  # 交通事故共造成57人死亡 and 交通事故死亡人数为52人: one count of deaths
        subject, thing = _CAUSED_RE.sub("", subject + thing), ""
    line_start, line_end = text.line_span(figure.start)
    if marks.in_table(norm, line_start, line_end):
        # a table row: its columns are years or places of their own; a bulleted row (- 学校16.01万所)
        # names its item only, the heading above it names whose
        return None
    frame = ""
    if clause_start > sentence_start and not _WHOLE_PLACE_NOW_RE.match(norm, clause_start, figure.number_start):
        earlier = norm[max(sentence_start, clause_start - _FRAME_WINDOW) : clause_start]
        frame = _scope_words(scope_words).sub("", "".join(_CJK_RUN_RE.findall(_FRAME_WORDS.sub("", _PERIOD_RE.sub("", earlier)))))
        # 开展义诊12次,服务群众580人 and 电力部有101个项目,地方有18个: the clause before, with a
        # figure or an event, tells whose figure it is; 在经费保障方面, 经过两年努力 tell nothing
        if previous is None or previous.start < sentence_start:
            event = _EVENT_FRAME_RE.search(frame)
            # 推进城市更新,城区建成区面积…: a state of the place, whatever work the clause before names
            frame = event.group(0) if event and not _STATE_NOUN_RE.search(subject) else ""
        elif _STOCK_NOUN_RE.search(subject):
            frame = ""
        elif len("".join(_CJK_RUN_RE.findall(subject))) >= 6 and not _PER_HEAD_SUBJECT_RE.search(subject):
            # 全年检测货运车辆3.26万辆次,查处超限超载车辆1124辆: a name in full, whatever came before,
            # unless that names an event with a count of its own (开展义诊活动5场,受理群众申诉1860件; not
            # 落实援企稳岗政策,向2 143家企业发放…: the figure before is in the value's own clause)
            event = _EVENT_FRAME_RE.search(frame) if previous.end <= clause_start else None
            frame = _group_opening(earlier) + (event.group(0) if event else "")
        elif _PER_HEAD_SUBJECT_RE.search(subject) and not _EVENT_FRAME_RE.search(frame):
            frame = ""  # 全村经济总收入66.16万元,农民人均纯收入2186元: the village's, not the total's
    if _bare_deed(subject + thing):
        frame += semicolon_frame(analysis, figure)  # 受理执行类案件71件;…;结案10件: the cases received, closed
    if _RUNNING_DEED_RE.search(head) and not _YEAR_SAID_RE.search(prefix):
        # 全县累计筛查809人 and 全年筛查816人: every year's deeds and this year's (全年累计 is the year's;
        # 累计达到 a stock, as it stands)
        frame += "累计"
    return (subject + thing, events_of, figure.base_unit, figure.kind, frame)


# 城区实施临时救助…,支出救助资金468万元;农村实施临时救助…,支出救助资金612万元: the clause before opens
# on the group whose figures follow
_GROUP_OPENING_RE = re.compile(r"[\s,;:]*(?:城区|城市|城镇|市区|县城|农村|乡村|市级|县级|区级|镇级|乡级|村级|省级|本级|境内|境外|省内|省外)")
_CLAUSE_BREAK_RE = re.compile(r"[,;:]")


def _group_opening(earlier: str) -> str:
    """The group (城区, 农村) that opens the clause right before a figure's, or ""."""
    last = _CLAUSE_BREAK_RE.split(earlier.rstrip(" ,;:\n"))[-1]
    found = _GROUP_OPENING_RE.match(last)
    return found.group(0).strip(" ,;:\n") if found else ""


_SO_FAR_RE = re.compile(r"(?:今年|年初|本年)以来")
_LABEL_BREAK_RE = re.compile(r"[:,;]|——|—")
_RUNNING_DEED_RE = re.compile(r"累计(?!达到|达|为|有|共|\s*$)")
_YEAR_SAID_RE = re.compile(r"全年|年内|今年|本年|当年|一年来|(?:19|20)\d{2}\s*年|季度|半年|\d+\s*月")


# …新建基层工会联合会11个,目前全县工会会员6.82万人: a clause that opens on the place as it stands
# now states the place's own figure, whatever the clause before counted
_WHOLE_PLACE_NOW_RE = re.compile(r"\s*(?:目前|现|截至目前|截至年底|截至年末|到年底)\s*[,]?\s*(?:全县|全市|全区|全镇|全乡|全省|全州|全旗|全街道|全村)")


def _plain_year(period: str) -> str:
    """2023 年度 → 2023年: one year however it is written."""
    return "".join(period.split()).removesuffix("度") if _YEAR_RE.match(period) else period


def _year_named_before(analysis: Analysis, year: str, figure: Figure) -> bool:
    """Whether the document names `year` before the figure, or the figure stands on its headline
    (its first line, which speaks of the report's year). A piece of a long document remembers the
    first piece and the first piece that named the year."""
    norm = analysis.text.norm
    state = analysis.state("CF001:year_named")
    first_piece = state.setdefault("first", norm) is norm
    named_in = state.get(year)
    if named_in is None and year.removesuffix("年") in norm:
        named_in = state[year] = norm
    if named_in is not None and named_in is not norm:
        return True  # named in an earlier piece
    if 0 <= norm.find(year.removesuffix("年"), 0, figure.number_start):
        return True
    start = len(norm) - len(norm.lstrip())
    end = norm.find("\n", start)
    return first_piece and figure.number_start < (len(norm) if end < 0 else end)


def title_year(analysis: Analysis, rule: Rule) -> str | None:
    """The one year a document's title names (某县2024年工作总结): its 全年 is that year, whatever
    other year (2025年工作安排) the document names."""
    return _title_year(analysis)


def _title_year(analysis: Analysis) -> str | None:
    state = analysis.state("CF001:title_year")
    if "year" not in state:
        title = _title_line(analysis)
        norm = analysis.text.norm
        start = len(norm) - len(norm.lstrip())
        years = set(YEAR_NUMBER_RE.findall(norm[start : norm.find("\n", start)])) if title is not None else set()
        state["year"] = f"{years.pop()}年" if len(years) == 1 else None
    return state["year"]


def _only_year(analysis: Analysis, rule: Rule) -> str | None:
    """The one year a document names, if it names one: its 全年 is that year.
    A piece of a long document knows the years of this piece and those before it."""
    if analysis.carry is not None:
        named = analysis.state(rule.id + ":years")
        named.update(dict.fromkeys(_years(analysis)))
        years = set(named)
    else:
        years = _years(analysis)
    return f"{years.pop()}年" if len(years) == 1 else None


def _period_of(analysis: Analysis, figure: Figure, report_year: str | None = None,
               window: bool = False) -> tuple[frozenset[str], bool] | None:
    """The period in force for a figure: every one its sentence names before
    it, and its paragraph's last one (五年来…, 2017年…); and whether it is a
    target (计划, 目标 … in its paragraph before it or in its clause after it).
    None for a value of a 分别 list, which belongs to a subject of its own."""
    if is_listed(analysis, figure):
        return None
    text, norm = analysis.text, analysis.text.norm
    if _SUPERSEDED_RE.match(norm, figure.end, figure.end + _SUPERSEDED_REACH) or _SCOPE_BRACKET_RE.match(norm, figure.end):
        return None  # 142公里,更正为124公里: a value its sentence replaces; 142家(含民办机构): a scope of its own
    if _SCOPE_SAID_RE.search(norm, max(text.clause_span(figure.start)[0], figure.number_start - _FRAME_WINDOW), figure.number_start):
        return None  # 不含民办机构,全市共有养老机构124家
    sentence_start, _ = text.sentence_span(figure.start)
    line_start, _ = text.line_span(figure.start)
    prefix_start = max(sentence_start, figure.number_start - _FRAME_WINDOW)
    paragraph_start = max(line_start, figure.number_start - _PARAGRAPH_WINDOW)
    # the period in force may be stated lines before: a hard-wrapped page, a year heading
    window_start = max(0, figure.number_start - _PARAGRAPH_WINDOW)
    # (a rate, read with no year of the report's to fall back on, keeps every period of the window before
    # it: with none it would be compared with any other)
    floor = window_start if window else _paragraph_start(norm, line_start, window_start)
    # a paragraph ended with 。 says nothing of the next one's period, but for a heading line
    # (二、2023年工作回顾); 截至12月底 of the report's year says its year, as 年底 does
    # (a plan's period, 列入“十四五”规划的项目 … 规划内项目, holds for the paragraphs after it)
    found = [(m.start(), m.group(0)) for m in _PERIOD_RE.finditer(norm, window_start, figure.number_start)]
    named = [(start, word) for start, word in found
             if (start >= floor or _PLAN_PERIOD_RE.match(word) or _heading_line(norm, start)) and not _YEAR_END_DATE_RE.match(norm, start)]
    reported = said_done(analysis, figure)
    if reported:  # 2026年,将继续…。回顾全年,…累计达到26起: the plan's year is not the period of a figure said done
        named = [(start, word) for start, word in named
                 if start >= sentence_start or not (_YEAR_RE.match(word) and _in_a_plan(norm, start))]
    # a comparison's base (较上年增长) is no period in force; 全年 is the period named before it
    # 今年 in its own sentence, where it is the report's year, says its year as 全年 does
    own_year = _DEFAULT_PERIOD if not named or not _this_year_reported(analysis) else _REPORTED_PERIOD
    this_year_named = any(word == "今年" for _, word in found)  # (今年以来 a paragraph before: 全年 may be the next year)
    # 2023年,…总产值为10.85亿元。今年…总产值达到12.6亿元: a year named before is not the 今年 of a sentence
    this_year_own = "今年" in own_year and any(start >= prefix_start and word == "今年" for start, word in named)
    says_its_year = (any(start >= prefix_start and word in own_year for start, word in named)
                     or bool(_YEAR_END_RE.search(norm, prefix_start, figure.number_start))
                     or bool(_YEAR_END_DATE_RE.search(norm, prefix_start, figure.number_start)))
    clause_start = text.clause_span(figure.start)[0]
    if any(start >= clause_start and word in own_year for start, word in named):
        # 上年末A级景区48家,本年末A级景区共计56家: the year its own clause names, not the 上年 before
        # (2024年末…,全年出生人口: a year named before is the one 全年 is)
        named = [(start, word) for start, word in named if start >= clause_start or word not in _YEAR_BEFORE_WORDS]
    if _YEAR_END_RE.search(norm, max(clause_start, prefix_start), figure.number_start):
        # 年初各项贷款余额742.2亿元,年末各项贷款余额755.7亿元: the year's end its own clause names, not the
        # 年初 (or 上半年, 6月底) of a clause before; a year named before stays the year it is the end of
        named = [(start, word) for start, word in named
                 if start >= clause_start or _YEAR_RE.match(word) or word in own_year or word in _DEFAULT_PERIOD]
    named = [(start, _plain_year(word)) for start, word in named
             if word not in _DEFAULT_PERIOD and not (start >= prefix_start and word in own_year)
             and not _COMPARED_RE.search(norm, max(0, start - 2), start)
             and not (start < prefix_start and _BASE_STATED_RE.match(norm, start + len(word)))]
    # 全年 in its own sentence: the 下半年 of a line before is not in force (a year named before is: 全年 is that year)
    periods = frozenset(word for start, word in named
                        if start >= prefix_start or start == named[-1][0] and not this_year_own
                        and not (says_its_year and not _YEAR_RE.match(word)))
    if not periods and report_year is not None and not this_year_named \
            and _year_named_before(analysis, report_year, figure):
        # 2023年…5862人 and 全年…5826人 in a report of 2023 alone; after 今年以来 the year may be the next.
        # Only once the year has been named: 全年接待游客552.7万人次。2023年接待游客480.2万人次 may
        # well compare a later year with the one it names after it
        periods = frozenset({report_year})
    if report_year is not None and periods <= {"今年"} and report_year == _title_year(analysis) and _this_year_reported(analysis) \
            and any(start >= sentence_start and word == "今年" for start, word in found):
        periods = frozenset({report_year})  # 今年教育经费投入…, 据介绍,今年以来…共1072亩 in a report titled 2024年: that year
    if any(_PLACEHOLDER_YEAR_RE.match(period) for period in periods):
        return None  # xx年度 … xx年度: years left blank may be any two years
    _, clause_end = text.clause_span(figure.start)
    if _DONE_AGAINST_TARGET_RE.match(norm, figure.end, min(clause_end + 12, figure.end + 40)):
        return periods, False  # 新增就业4862人,完成目标的108%: the value done, measured against the target
    if reported:  # a target word of a sentence before frames no figure said done in its own
        return periods, reported != _ON_THE_BASE and bool(_own_target(analysis, sentence_start, figure))
    target = any(_a_target(norm, found) and not (found.start() < sentence_start and target_done(norm, found))
                 for found in _TARGET_RE.finditer(norm, paragraph_start, figure.number_start)) \
        or any(_a_target(norm, found) for found in _TARGET_RE.finditer(norm, figure.end, min(clause_end, figure.end + 40)))
    return periods, target


def _a_target(norm: str, found: re.Match) -> bool:
    """A target word, not 计划 or 规划 naming a programme or an office (营养改善计划。, 计划生育, 免疫规划疫苗, 规划局)."""
    word = found.group(0)
    if word == "计划":
        return not _NOT_A_TARGET_PLAN_RE.match(norm, found.start())
    if word == "规划":
        return not (norm.startswith("免疫", max(0, found.start() - 2)) or _PLANNING_OFFICE_RE.match(norm, found.end()))
    return True


_PLANNING_OFFICE_RE = re.compile(r"局|馆|设计|许可|部门|展览|疫苗")
# 相关工作已纳入年度目标责任考核。 / 工作经费足额纳入预算保障。 / 圆满完成董事会下达的目标任务。: a target word its
# clause says was reached or taken in (纳入, 完成 before it) states what was done, no plan for the sentences after
_TARGET_DONE_RE = re.compile(r"(?:纳入|列入|完成了?|实现了?|超额|圆满|达成|如期)[^,。;,:\d\n]{0,10}$")


def target_done(norm: str, found: re.Match) -> bool:
    """Whether a target word of a sentence before a figure's is the object of a deed done."""
    return _TARGET_DONE_RE.search(norm, max(0, found.start() - 12), found.start()) is not None


# --- a figure said done in a plan's paragraph ---------------------------------------------------------
#
# 2026年,将继续聚焦…,确保2026年各项目标任务全面完成。回顾全年,招商引资到位资金累计达到15.28亿元 / 特别是
# 出院人次达43038人次,创历史新高 / 在全年化解率84.2%的基础上继续巩固提升: a figure its own sentence says
# done (a look back, a source, an outcome said of it, the base a plan builds on) is a statement of what was
# done, not of the plan the sentence before states; the plan's year and target words are not in force for it.
# A figure whose own sentence names a plan word (将, 力争, 计划 …) stays a target.

_DONE_BEFORE_RE = re.compile(r"回顾|总计|共计|合计|目前|数据显示|统计显示|经统计|今年以来|年初以来|一年来|据介绍|据了解|据统计|负责人表示|完成情况|截至(?:目前|年底|年末)"
                             r"|(?<![\u4e00-\u9fff])已(?=建成|完成|达到|达|实现|累计|全部|覆盖)|已经(?=建成|完成|达到|实现)")
_DONE_AFTER_RE = re.compile(r"[^。;\n]{0,12}?(?:创[^。,;\n]{0,4}新高|最好水平|位居[^。,;\n]{0,6}前列|位列[^。,;\n]{0,6}前列|实现全覆盖|全部[^。,;\n]{0,4}到位"
                            r"|反映良好|满意度持续提升|来之不易|数据来源|带动[^。,;\n]{0,10}(?:增长|提升)|好评|超额完成|圆满完成"
                            r"|成效(?:明显|显著)|(?:同比|比上年|较上年)(?:增长|下降|提高|减少|增加|上升|降低))")
_BASE_AFTER_RE = re.compile(r"[^。;,\n\d]{0,4}?的基础上")  # 在…84.2%的基础上: the level reached, a plan's base
_ON_THE_BASE = "base"
_PLAN_WORDS_RE = re.compile(r"将|力争|确保|计划|目标|争取|预计|预期|拟|下一步|打算|展望|思路|努力方向|设想|安排|谋划|正在")
# 营养改善计划, 计划生育, 完成年度计划: 计划 that names a programme or a plan done, no target of a figure
_NOT_A_TARGET_PLAN_RE = re.compile(r"计划(?=生育|免疫|[,。;、)”])")  # (工作计划: and a heading's 工作计划 stay plans)


def _own_target(analysis: Analysis, sentence_start: int, figure: Figure) -> bool:
    """Whether a plan word stands in a figure's own sentence (read within _SAID_REACH of it)."""
    norm = analysis.text.norm
    sentence_end = min(analysis.text.sentence_span(figure.start)[1], analysis.text.line_span(figure.start)[1], figure.end + _SAID_REACH)
    for found in _PLAN_WORDS_RE.finditer(norm, max(sentence_start, figure.number_start - _SAID_REACH), sentence_end):
        if found.group(0) == "计划" and _NOT_A_TARGET_PLAN_RE.match(norm, found.start()):
            continue
        return True
    return False


def said_done(analysis: Analysis, figure: Figure) -> str:
    """Whether a figure's own sentence says it is done: "base" for the level a plan builds on (在…的基础上,
    whatever plan words its sentence names), "done" for a look back, a source or an outcome said of it
    and no plan word in its sentence, else ""."""
    norm = analysis.text.norm
    if _BASE_AFTER_RE.match(norm, figure.end):
        return _ON_THE_BASE
    sentence_start = max(analysis.text.sentence_span(figure.start)[0], analysis.text.line_span(figure.start)[0])
    if not (_DONE_BEFORE_RE.search(norm, max(sentence_start, figure.number_start - _SAID_REACH), figure.number_start)
            or _DONE_AFTER_RE.match(norm, figure.end)):
        return ""
    return "" if _own_target(analysis, sentence_start, figure) else "done"


_SAID_REACH = 120  # how far from a figure its own sentence is read for a word saying it done or planned


def _in_a_plan(norm: str, position: int) -> bool:
    """Whether the sentence (or heading line) at position states a plan: 2026年,将继续… / 四、2026年工作打算."""
    floor, ceiling = max(0, position - _SAID_REACH), min(len(norm), position + _SAID_REACH)
    start = max(norm.rfind("。", floor, position), norm.rfind("\n", floor, position), floor - 1) + 1
    ends = [end for end in (norm.find("。", position, ceiling), norm.find("\n", position, ceiling)) if end >= 0]
    end = min(ends) if ends else ceiling
    return any(not (found.group(0) == "计划" and _NOT_A_TARGET_PLAN_RE.match(norm, found.start()))
               for found in _PLAN_WORDS_RE.finditer(norm, start, end))


_SUPERSEDED_RE = re.compile(r"[^。;\n\d]{0,6}?(?:更正为|核定为|核实为|调整为|修正为|订正为|核减为|核增为|实为|应为)")
_SUPERSEDED_REACH = 16
_SCOPE_BRACKET_RE = re.compile(r"\s*[((]\s*(?:不?含|不?包括|除)")
_SCOPE_SAID_RE = re.compile(r"不含|不包括|除去|剔除")


# 去年, 过去一年: a document that looks back on a year before the one it calls 今年 (a government
# work report: 今年 is the year it plans); elsewhere 今年, stated as done, is the report's own year
_YEAR_BEFORE_RE = re.compile(r"去年|过去一年|过去的一年|政府工作报告")
_REPORTED_PERIOD = _DEFAULT_PERIOD | {"今年"}
_this_year_seen: list = [None, False]  # the last text asked about and its answer: asked for every figure


def _this_year_reported(analysis: Analysis) -> bool:
    """Whether 今年 in this text is the year it reports on, as 全年 is."""
    norm = analysis.text.norm
    if _this_year_seen[0] is not norm:
        _this_year_seen[:] = [norm, _YEAR_BEFORE_RE.search(norm) is None]
    return _this_year_seen[1]


def _core(head: str, scope_words: tuple[str, ...]) -> str:
    """The words that name a quantity, without scope, time and filler words
    and a closing 人数/面积/金额: 全年共服务 → 服务, 参保人数 → 参保."""
    subject = name_runs(strip_fillers(head))
    subject = strip_fillers(_leading_words(scope_words).sub("", subject, count=1))
    subject = _TRAILING_VERBS_RE.sub("", subject) or subject  # 初中毕业生共计, 森林火灾发生: the name alone
    shorter = _METRIC_NOUN_RE.sub("", subject)
    return shorter if len(shorter) >= 2 else subject


@lru_cache(maxsize=8)
def _scope_words(scope_words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(scope_words, key=len, reverse=True))) or "(?!)")


@lru_cache(maxsize=8)
def _leading_words(scope_words: tuple[str, ...]) -> re.Pattern:
    words = sorted(set(scope_words + _LEADING_FILLERS), key=lambda w: (-len(w), w))  # one order in every process: one cached pattern
    return re.compile("^(?:" + "|".join(map(re.escape, words)) + ")+")


class ConflictParams(Params):
    generic_metrics: tuple[str, ...] = ()  # metrics that say nothing without their subject (完成率 of what?)
    scope_words: tuple[str, ...] = ()  # leading words that do not change the subject (全县, 今年)


# the check itself is registered by auditor.checks.conflict_miscopied, which adds to what
# this module finds the restatements in other words (conflict_restated) and the values
# miscopied in a restatement (and reads the helpers of both)
