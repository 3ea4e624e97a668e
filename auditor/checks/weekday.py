"""A date with its day of the week, where the calendar gives another day:
2024年12月2日(星期二) — 2 December 2024 was a Monday."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from auditor.checks.base import Check, Params
from auditor.model import Analysis, Hit
from auditor.rulepack import Rule

# (星期二), （周二）, 星期日/星期天, 礼拜三: right after the date, bracketed or not
_WEEKDAY_RE = re.compile(r"\s*[(]?\s*(?P<word>星期|周|礼拜)(?P<day>[一二三四五六日天])\s*\)?")
_DAY_NUMBER = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_NAMES = "一二三四五六日"


def weekday(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    norm = analysis.text.norm
    if "星期" not in norm and "周" not in norm and "礼拜" not in norm:
        return
    for date in analysis.dates:
        if date.year is None or date.month is None or date.day is None:
            continue
        said = _WEEKDAY_RE.match(norm, date.end)
        if said is None or said.group("word") == "周" and not _bracketed(said.group(0)):
            continue  # 周 unbracketed may begin another word (周末, 周边)
        try:
            actual = datetime.date(date.year, date.month, date.day).weekday()
        except ValueError:
            continue  # a date that does not exist: DT001 says so
        if actual == _DAY_NUMBER[said.group("day")]:
            continue
        end = said.end() if said.group(0).rstrip().endswith(")") else said.start("day") + 1
        yield Hit(date.start, end,
                  {"date": analysis.text.original[date.start : date.end], "said": said.group("word") + said.group("day"),
                   "actual": said.group("word") + _NAMES[actual] if said.group("word") != "礼拜" else "星期" + _NAMES[actual]},
                  {"year": date.year, "month": date.month, "day": date.day, "weekday": actual + 1})


def _bracketed(text: str) -> bool:
    return "(" in text


CHECKS = (Check("weekday", weekday, Params, frozenset({"date", "said", "actual"})),)
