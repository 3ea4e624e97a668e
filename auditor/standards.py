"""A standard (每人每月 N元, 每亩 N元) of one named payment for one group: what it is keyed by.

每人每月发放护理补贴1 180元 … 护理补贴按每人每月1 810元标准发放: one standard, two values.
The key is the payment's name (two characters and its noun: 护理补贴, 低保标准), the
per-unit phrase (每人每月) and the words left in its clause once verbs, the scope and
the name are taken out: the group it is paid to (一级/二级, 城市/农村, 困难残疾人). A
standard said to change (由…提高到…, 调整为, 上调) or listed (分别) has no key."""

from __future__ import annotations

import re

from auditor.extract import Figure
from auditor.model import Analysis

_PER_RE = re.compile(r"每\s*(?P<unit>人|户|名|生|亩|床|位|人次|座|公里|吨|头)\s*(?:每\s*(?P<time>月|年|天|日|学年|学期))?")
_PAYMENT_RE = re.compile(
    r"(?:补助金|救助金|保障金|生活费|抚恤金|养老金|低保金|慰问金|护理费|救济金|供养金|补贴|补助|津贴|奖补|奖励|低保标准|保障标准|补助标准|救助标准|供养标准)"
)
# a standard said to change, a list, a target or a range: not one standard stated twice
_CHANGED_RE = re.compile(r"由|从|提高|提标|上调|下调|调整|调增|增加|增至|提至|提升|降至|降低|减少|增长|比|较|分别|不低于|不高于|不超过|最高|最低|以上|以下|至少|平均|人均|累计|共计|合计|其中")
_CLAUSE_NOISE_RE = re.compile(
    r"(?:19|20)\d{2}\s*年度?|全年|今年|本年|年内|救助|资助|"
    r"全(?:国|省|市|州|县|区|镇|乡|村)|我(?:省|市|县|区|镇)|本(?:市|县|区|镇)|对|为|向|给|给予|按照|按|以|发放|兑现|落实|执行|拨付|"
    r"标准|达到|达|元|名|人|的|了|和|及|共|均|已|为|\s|[^\u4e00-\u9fff\d]"
)
# 为1 200名重度残疾人: how many are paid is no part of whom; 80-89周岁, 一级 are
_HEADCOUNT_RE = re.compile(r"\d[\d.\s]*(?=[名人户个位])")
_WINDOW = 40  # characters before a value its clause may take
_TARGET_RE = re.compile(r"目标|计划|力争|预计|预期|争取|拟|规划|将")


def said_as_target(analysis: Analysis, figure: Figure) -> bool:
    """力争…每人每月N元 / 拟将…: a standard planned, in its own sentence."""
    sentence_start, _ = analysis.text.sentence_span(figure.start)
    return bool(_TARGET_RE.search(analysis.text.norm, max(sentence_start, figure.number_start - 2 * _WINDOW), figure.number_start))


_NOT_A_NAME = frozenset("每人员户亩月年天日发放按照给予对为向的兑现落实拨付执行以标准元")


def _named(norm: str, noun_start: int, floor: int) -> str:
    """The two characters that name a payment before its noun, for a message (护理补贴),
    without the verbs and per-unit words that may stand there (发放供养金, 每月补贴)."""
    prefix = norm[max(floor, noun_start - 2) : noun_start]
    named = len(prefix) == 2 and all("\u4e00" <= ch <= "\u9fff" and ch not in _NOT_A_NAME for ch in prefix)
    return prefix if named else ""


def standard_key(analysis: Analysis, figure: Figure) -> tuple[str, str, str, str, str] | None:
    """(payment, per-unit phrase, group words, the name a message gives it, the bound word
    when the value is a floor or a ceiling, else "") of a 元 value stated as a standard, or None."""
    if figure.kind != "money" or figure.base_unit != "元" or figure.multiplier != 1 \
            or not (figure.exact or figure.qualifier in STANDARD_BOUNDS):
        return None
    text, norm = analysis.text, analysis.text.norm
    if norm.find("每", max(0, figure.number_start - _WINDOW), figure.number_start) < 0:
        return None  # most sums name no per-unit standard: one look at C speed
    sentence_start, _ = text.sentence_span(figure.start)
    clause_start, clause_end = text.clause_span(figure.start)
    start = max(clause_start, sentence_start, figure.number_start - _WINDOW)
    previous = analysis.figures[figure.index - 1] if figure.index else None
    if previous is not None and previous.end > start and previous.kind == figure.kind:
        return None  # a second sum in its clause: a list, a range, a before and after
    head = norm[start : figure.number_start]
    tail = norm[figure.end : min(clause_end, figure.end + 12)]
    bound = figure.qualifier if figure.qualifier in STANDARD_BOUNDS else ""
    if bound:  # 每人每月不低于800元, 每人每月800元以上: a floor of the standard, keyed as the standard
        head = head.removesuffix(bound)
        tail = tail.removeprefix(bound)
        if tail.startswith("的") and not tail.startswith("的标准"):
            return None  # 收入每人每月800元以下的家庭: a bound that names a group, no standard
    elif not figure.qualifier:
        before_per = _BOUND_BEFORE_PER_RE.search(head)
        if before_per is not None:  # 标准不低于每人每月800元: the floor said before the per-unit phrase
            bound = before_per.group("word")
            head = head[: before_per.start()] + head[before_per.end("word") :]
    per = None
    for per in _PER_RE.finditer(head):
        pass
    if per is None or len(head) - per.end() > 12:
        return None
    payment = _PAYMENT_RE.search(norm, start, clause_end)
    if payment is None or _CHANGED_RE.search(head) or _CHANGED_RE.search(tail) \
            or _CHANGED_RE.search(norm, max(sentence_start, start - _WINDOW), start):
        return None
    named = _named(norm, payment.start(), start)
    # the name (生活补贴, 护理补贴) and the words before it (农村特困人员供养金) tell two apart, the name
    # keyed with its noun: 生活补助 before the value or after it (按…标准发放生活补助) is one name
    group = _CLAUSE_NOISE_RE.sub("", _HEADCOUNT_RE.sub("", head.replace(per.group(0), "").replace(named + payment.group(0), "").replace(payment.group(0), "")))
    if payment.start() >= figure.end:  # 按每人每月800元的标准为特困人员发放生活补助: the group named after the value
        group += _CLAUSE_NOISE_RE.sub("", _HEADCOUNT_RE.sub("", norm[figure.end : payment.start() - len(named)]))
    label = named + payment.group(0)
    return label, per.group("unit") + (per.group("time") or ""), group, f"{label}({''.join(per.group(0).split())})", bound


# a floor or a ceiling of a standard (不低于800元), compared with a standard as an interval
STANDARD_BOUNDS = ("不低于", "不少于", "不高于", "不超过", "以上", "以下")
_BOUND_BEFORE_PER_RE = re.compile(r"(?P<word>不低于|不少于|不高于|不超过)\s*(?=每\s*(?:人|户|名|生|亩|床|位|人次|座|公里|吨|头)\s*(?:每\s*(?:月|年|天|日|学年|学期))?\s*$)")
