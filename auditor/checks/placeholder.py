"""Unfilled template slots: x%, XX年, ____, 达到个, 由人增加到人, 年是…, (-)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from auditor.model import Analysis, Hit
from auditor.rulepack import Rule
from auditor.checks.base import Check, Params

_LETTER_SLOT_RE = re.compile(r"(?<![A-Za-z])(?:[xX]{1,3}(?=m2|m²|km|kg|[^A-Za-z]|$)|×{1,3}|某某|某(?=[年月日%]))")
_UNDERSCORE_RE = re.compile(r"(?<![A-Za-z0-9])_+(?![A-Za-z0-9])")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def letter_slots(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """x / X / xx / × / 某 standing where digits must be: one finding per slot."""
    norm = analysis.text.norm
    not_slots = rule.options.not_placeholders + analysis.pack.words("not_placeholders")
    for match in _LETTER_SLOT_RE.finditer(norm):
        start, end = match.span()
        if any(norm.startswith(word, start) for word in not_slots):
            continue
        before = norm[start - 1 : start]
        after = norm[end : end + 1]
        slot = match.group(0)
        if slot == "×":
            # 4×1% and ×人 are slots; 3×4 and 长×宽 are multiplication
            if not (re.match(r"\d+(?:\.\d+)?[%‰]", norm[end:]) or after in "%‰年月日人个元万份例次所家张台名项户种座"):
                continue
        elif not (_is_slot_neighbour(before) or _is_slot_neighbour(after)):
            continue
        yield Hit(start, end, {"slot": analysis.text.original[start:end]}, {"slot": slot})


def _is_slot_neighbour(char: str) -> bool:
    return bool(char) and (char.isdigit() or char in "%‰、" or bool(_CJK_RE.match(char)))


def underscores(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    norm = analysis.text.norm
    for match in _UNDERSCORE_RE.finditer(norm):
        start, end = match.span()
        near = norm[max(0, start - 1) : end + 1]
        if not _CJK_RE.search(near) and not re.search(r"[%,。;:、]", near):
            continue
        yield Hit(start, end, {"slot": match.group(0)}, {"slot": match.group(0)})


@lru_cache(maxsize=32)
def _blank_number_patterns(words: tuple[str, ...]) -> tuple[tuple[re.Pattern, str | int], ...]:
    measure = "|".join(sorted(words, key=len, reverse=True))
    change = "增加|提高|上升|增长|下降|减少|降低|扩大|提升|缩减"
    boundary = r"(?=[,。;、)\s]|$)"
    return (
        # 由增加到: nothing at all after 由
        (re.compile(rf"(?:由|从)(?=(?:{change})(?:到|至))"), 0),
        # 由台增加到 / 由年的人增加到: a measure word right after 由
        (re.compile(rf"(?:由|从)(?:年)?的?(?P<slot>{measure})(?=(?:{change}|降|增|升)?(?:到|至))"), "slot"),
        # 增加到人; / 降至张,
        (re.compile(rf"(?:{change}|降|增|升)(?:到|至)(?P<slot>{measure}){boundary}"), "slot"),
        # 达到个, / 新增康复床位张。/ 招聘医学类毕业生名,
        (re.compile(
            rf"(?:达到|达|共有|共计|合计|总计|新增|增设|招聘|配备|建成|救治|发放|购置|打造)"
            rf"(?P<lead>[^\d,。;:、()\[\]“”xX×_一二两三四五六七八九十百千万余多几]{{0,10}}?)(?P<slot>{measure}){boundary}"
        ), "slot"),
        # 划走个医疗机构: 个 after a verb, with no number or determiner before it
        (_LONE_GE_RE, "slot"),
    )


_LONE_GE_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?P<slot>个)(?=[\u4e00-\u9fff])")


def blank_numbers(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A measure word where a number must stand: 达到个, 由台增加到台, 新增床位张."""
    norm = analysis.text.norm
    not_blank = set(analysis.pack.words("not_blank_words"))
    seen: set[int] = set()
    determiners = set(rule.options.determiners)
    for pattern, group in _blank_number_patterns(analysis.pack.words("measure_words")):
        for match in pattern.finditer(norm):
            start, end = match.span(group) if group else (match.start(), match.end())
            if start in seen:
                continue
            slot = norm[start:end]
            if norm[start - 1 : end] in not_blank or norm[start : end + 1] in not_blank:
                continue
            if pattern is _LONE_GE_RE and norm[start - 1 : start] in determiners:
                continue
            seen.add(start)
            yield Hit(start, max(end, start + 1), {"slot": analysis.text.original[start:max(end, start + 1)]}, {"slot": slot})


_YEAR_RE = re.compile(r"(?:^|(?<=[\s,。;:、“”\"()《》【】\[\]由从至到于的]))年")


def blank_years(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """年 where a year number must stand: 年是“十四五”开局之年, 由年的."""
    norm = analysis.text.norm
    followers = set(analysis.pack.words("year_word_followers"))
    for match in _YEAR_RE.finditer(norm):
        start = match.start()
        if norm[start + 1 : start + 2] in followers:
            continue
        yield Hit(start, start + 1, {"slot": "年"}, {"slot": "年"})


_RANGE_RE = re.compile(r"[(]\s*年?\s*[-—–~至]{1,2}\s*年?\s*[)]")


def blank_ranges(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A year range with both years missing, as left in a title: 规划(-)."""
    for match in _RANGE_RE.finditer(analysis.text.norm):
        original = analysis.text.original[match.start() : match.end()]
        yield Hit(match.start(), match.end(), {"slot": original}, {"slot": original})


class LetterSlotParams(Params):
    not_placeholders: tuple[str, ...] = ()  # words whose letters are not slots (X光机), on top of the vocabulary


class BlankNumberParams(Params):
    # characters that, right before a lone 个, make it a word (这个, 每个) rather than a blank
    determiners: str = "这那每各某几整半哪多数若上下单真两一二三四五六七八九十百千万零〇"


SLOT = frozenset({"slot"})
CHECKS = (
    Check("letter_slot", letter_slots, LetterSlotParams, SLOT),
    Check("underscore", underscores, Params, SLOT),
    Check("blank_number", blank_numbers, BlankNumberParams, SLOT),
    Check("blank_year", blank_years, Params, SLOT),
    Check("blank_range", blank_ranges, Params, SLOT),
)
