"""One metric for one subject, stated twice with values that cannot both hold."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.arith import interval
from auditor.checks.base import Check, Params
from auditor.checks.common import as_written, is_listed
from auditor.extract import Figure, strip_fillers
from auditor.lexicon import APPROXIMATE_WORDS
from auditor.model import Analysis, Hit
from auditor.relate import direction_of
from auditor.rulepack import Rule

_LEADING_RE = re.compile(r"^(?:截至|截止|到)?(?:目前|今年|本年|年底|\d+月底?)?[,]?")


def metric_key(subject: str, metric: str, scope_words: tuple[str, ...]) -> str:
    subject = re.sub(r"[\s,、:“”\"]", "", subject)
    subject = _LEADING_RE.sub("", subject)
    for word in scope_words:
        if subject.startswith(word):
            subject = subject[len(word) :]
            break
    return subject + metric


def conflict(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    hits = list(_rate_conflicts(analysis, rule)) + list(_quantity_conflicts(analysis, rule))
    yield from sorted(hits, key=lambda hit: hit.start)


def _rate_conflicts(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    generic = set(rule.options.generic_metrics)
    scope_words = tuple(sorted(rule.options.scope_words, key=len, reverse=True))
    first_seen: dict[str, object] = {}
    # a rate given with its own numerator and denominator names its own population
    computed = {relation.rate.index for relation in analysis.relations.ratios}
    reported: set[str] = set()
    keys: dict[tuple[str, str], str] = {}
    for figure in analysis.figures:
        if figure.kind != "percent" or not figure.metric or figure.in_list or direction_of(figure.metric):
            continue
        if figure.qualifier in APPROXIMATE_WORDS:
            continue
        if figure.index in computed or is_listed(analysis, figure):
            continue
        key = keys.get((figure.subject, figure.metric))
        if key is None:
            key = keys[(figure.subject, figure.metric)] = metric_key(figure.subject, figure.metric, scope_words)
        if key in generic or len(key) < 3:
            continue
        earlier = first_seen.get(key)
        if earlier is None:
            first_seen[key] = figure
            continue
        low_a, high_a = interval(earlier.written, earlier.decimals, 1, earlier.qualifier, rounded=True)
        low_b, high_b = interval(figure.written, figure.decimals, 1, figure.qualifier, rounded=True)
        if high_a < low_b or high_b < low_a:
            if key in reported:
                continue
            reported.add(key)
            yield _hit(analysis, key, earlier, figure)


def _hit(analysis: Analysis, metric: str, earlier: Figure, figure: Figure) -> Hit:
    first_line, _ = analysis.text.locate(earlier.start)
    return Hit(
        figure.start,
        figure.end,
        {"metric": metric, "first": as_written(analysis, earlier), "second": as_written(analysis, figure), "first_line": first_line},
        {"metric": metric, "values": [earlier.written, figure.written]},
        related=((earlier.start, earlier.end),),
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

_QUANTITY_KINDS = frozenset({"count", "money", "area", "weight", "length", "volume"})
_CN = "一二两三四五六七八九十"
_PERIOD_RE = re.compile(
    rf"(?:19|20)\d{{2}}\s*年(?:度)?|\d{{1,2}}\s*(?:[-—–~至到]\s*\d{{1,2}}\s*)?月(?:份|底|末|初|中旬|上旬|下旬)?"
    rf"|[{_CN}]{{1,2}}(?:[-—至到][{_CN}]{{1,2}})?月(?:份|底|末|初)?|[一二三四1-4]季度|前[{_CN}]季度|[上下]半年"
    rf"|全年|本年|今年|年内|一年来|过去一年|上年|去年|上一年|前一年|前年|同期|年初|年中|(?:近|过去)[{_CN}\d]+年|[{_CN}\d]+年(?:来|间|中)|十[一二三四五]五|[{_CN}]五(?:期间|时期)"
)
_DEFAULT_PERIOD = frozenset({"全年", "本年", "年内", "一年来"})  # the report's own year (今年 is next year's plan in a government work report)
_TARGET_RE = re.compile(r"目标|计划|力争|预计|预期|确保|争取|任务|拟|规划|要求|指标|下达|预算")
# a change or comparison, a before or after value, a part, a share: not the quantity itself
_NOT_A_STATE_RE = re.compile(r"比|较|同比|环比|增加|减少|增长|下降|提高|降低|上升|缩短|压缩|压减|新增了|由|从|其中|分别|占|相当于|超出|差|^到|到$|至$|每")
_FRAME_WORDS = re.compile(r"今年以来|一年来|以来|截至目前|截止目前|截至|截止|目前|同时|此外|另外|据统计|经统计|总体来看|全年|今年|本年|年内|年底|年末|共计|累计|合计|总计|共|已|均")
_LEADING_FILLERS = ("截至年底", "年底前", "年底", "年末", "共计", "累计", "合计", "总计", "共", "已", "均", "还", "先后", "全年", "今年", "本年", "年内", "目前", "实现", "达到")
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
_TAIL_RE = re.compile(r"[\u4e00-\u9fff]{1,6}")
_TAIL_STOP = "的和及与、或"
_ANAPHORA_RE = re.compile(r"这些|这个|这项|这批|该|上述|此项|此类|以上|前述")
_SUBJECT_WINDOW = 24
_FRAME_WINDOW = 60
_PARAGRAPH_WINDOW = 300  # how far back in its paragraph a figure's period and target are looked for


@dataclass(frozen=True)
class _QuantityKey:
    subject: str
    thing: str
    unit: str
    kind: str
    periods: frozenset[str]
    target: bool
    frame: str


def _quantity_conflicts(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    scope_words = tuple(sorted(rule.options.scope_words, key=len, reverse=True))
    first_seen: dict[_QuantityKey, Figure] = {}
    reported: set[_QuantityKey] = set()
    table_rows: dict[int, bool] = {}  # line start → a table row; once a line: a one-line document is one long line
    for figure in analysis.figures:
        if figure.kind not in _QUANTITY_KINDS or figure.value_high is not None or figure.derived:
            continue
        if figure.qualifier in APPROXIMATE_WORDS or figure.in_list:
            continue
        key = _quantity_key(analysis, figure, scope_words, table_rows)
        if key is None:
            continue
        earlier = first_seen.get(key)
        if earlier is None:
            first_seen[key] = figure
            continue
        low_a, high_a = interval(earlier.value, earlier.decimals, earlier.multiplier, earlier.qualifier)
        low_b, high_b = interval(figure.value, figure.decimals, figure.multiplier, figure.qualifier)
        if (high_a < low_b or high_b < low_a) and key not in reported:
            reported.add(key)
            yield _hit(analysis, key.subject + key.thing, earlier, figure)


def _quantity_key(analysis: Analysis, figure: Figure, scope_words: tuple[str, ...],
                  table_rows: dict[int, bool] | None = None) -> _QuantityKey | None:
    text, norm = analysis.text, analysis.text.norm
    line_start, line_end = text.line_span(figure.start)
    table_rows = {} if table_rows is None else table_rows
    row = table_rows.get(line_start)
    if row is None:
        row = table_rows[line_start] = norm.find("\t", line_start, line_end) >= 0 or norm.find("|", line_start, line_end) >= 0
    if row:
        return None  # a table row: its columns are years or places of their own
    if figure.number_start and norm[figure.number_start - 1] == "第":
        return None
    sentence_start, _ = text.sentence_span(figure.start)
    clause_start, clause_end = text.clause_span(figure.start)
    clause_start = max(clause_start, sentence_start)
    previous = analysis.figures[figure.index - 1] if figure.index else None
    head_start = clause_start
    if previous is not None and previous.end > clause_start:
        head_start = previous.end
        if not re.match(r"\s*[、,;和及与]", norm[head_start : figure.number_start]):
            return None  # 六十斤到七十九斤的有一百零四个县: the words before it belong to the figure before
    head = norm[max(head_start, figure.number_start - _SUBJECT_WINDOW) : figure.number_start]
    prefix = norm[max(sentence_start, figure.number_start - _FRAME_WINDOW) : figure.number_start]
    if "其中" in prefix or "分别" in prefix or _NOT_A_STATE_RE.search(strip_fillers(head)):
        return None
    if _ANAPHORA_RE.search(prefix) or is_listed(analysis, figure):
        return None  # 这些项目中…的有三十五个: what it counts was named before
    paragraph = norm[max(line_start, figure.number_start - _PARAGRAPH_WINDOW) : figure.number_start]
    stated_periods = _PERIOD_RE.findall(paragraph)
    # the period in force: every one the sentence names, and the paragraph's last one (五年来…, 2017年…)
    periods = (frozenset(_PERIOD_RE.findall(prefix)) | frozenset(stated_periods[-1:])) - _DEFAULT_PERIOD
    subject = _core(_PERIOD_RE.sub("", head), scope_words)
    if len(subject) < 2:
        return None
    tail = _TAIL_RE.match(norm, figure.end, min(clause_end, figure.end + 6)) if figure.kind == "count" else None
    thing = tail.group(0) if tail else ""
    for stop in _TAIL_STOP:
        thing = thing.split(stop, 1)[0]
    frame = ""
    if clause_start > sentence_start:
        earlier = norm[max(sentence_start, clause_start - _FRAME_WINDOW) : clause_start]
        frame = "".join(_CJK_RUN_RE.findall(_FRAME_WORDS.sub("", _PERIOD_RE.sub("", earlier))))
        for word in scope_words:
            frame = frame.replace(word, "")
    target = bool(_TARGET_RE.search(paragraph) or _TARGET_RE.search(norm, figure.end, clause_end))
    return _QuantityKey(subject, thing, figure.base_unit, figure.kind, periods, target, frame)


def _core(head: str, scope_words: tuple[str, ...]) -> str:
    """The words that name a quantity, without scope, time and filler words: 全年共服务 → 服务."""
    subject = "".join(_CJK_RUN_RE.findall(strip_fillers(head)))
    changed = True
    while changed and subject:
        changed = False
        for word in scope_words + _LEADING_FILLERS:
            if subject.startswith(word):
                subject = subject[len(word) :]
                changed = True
    return strip_fillers(subject)


class ConflictParams(Params):
    generic_metrics: tuple[str, ...] = ()  # metrics that say nothing without their subject (完成率 of what?)
    scope_words: tuple[str, ...] = ()  # leading words that do not change the subject (全县, 今年)


CHECKS = (Check("conflict", conflict, ConflictParams, frozenset({"metric", "first", "second", "first_line"})),)
