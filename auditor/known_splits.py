"""Parts named by the sides of a split the rule pack knows (partition_groups): 在职职工、离退休人员
of 参保人数, 专职督学、兼职督学 of 督学. Used by the 其中 lists (relate) and the declared splits."""

from __future__ import annotations

import re

_PLAIN_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,16}")
# the heads a side of a known split may carry: 在职职工、离退休人员 of 参保人数; 本地户籍家庭、外来租住家庭
_SIDE_HEADS = frozenset({"职工", "人员", "人口", "居民", "群众", "家庭", "农户", "住户", "户", "人", "学生", "患者", "企业", "单位"})


def leading_sides(labels: list[str], groups) -> str:
    """Each part named by a different side of a known split, all its sides there (在职职工、
    离退休人员: 在职|离退休), the rest of each name a different bare head of people or
    households, or one such head after a short qualifier (户籍家庭 and 租住家庭 share 家庭): the whole."""
    names = [label.removeprefix("其中").strip(" ,、:;") for label in labels]
    if not all(_PLAIN_NAME_RE.fullmatch(name) for name in names):
        return ""
    for group in groups:
        if len(group) != len(names) or not all(name.startswith(group) for name in names):
            continue
        sides = [max((m for m in group if name.startswith(m)), key=len, default="") for name in names]
        if "" in sides or set(sides) != set(group):
            continue
        rests = [name[len(side):] for name, side in zip(names, sides)]
        if len(set(rests)) == 1:
            continue  # 城镇居民、农村居民 of 困难群众: one head the whole does not name (two_sides_of_the_whole)
        if all(rest in _SIDE_HEADS for rest in rests):
            return "partition"
        if len(rests) == 2 and all(rests):
            shared = 0
            while shared < min(map(len, rests)) and rests[0][-1 - shared] == rests[1][-1 - shared]:
                shared += 1
            head = rests[0][len(rests[0]) - shared :]
            if head in _SIDE_HEADS and all(len(rest) - shared <= 2 for rest in rests):
                return "partition"
    return ""


def two_sides_of_the_whole(labels: list[str], whole_label: str, groups) -> str:
    """共配备督学286名,其中专职督学48名、兼职督学226名: the two sides of a known two-sided group
    before one head noun, the whole naming that noun too. (A head that narrows the
    whole, 城市低保户、农村低保户 of 困难家庭, lists a subset; grades of one head, 一级医院、二级医院,
    may leave some out: only two-sided groups.)"""
    names = [label.removeprefix("其中").strip() for label in labels]
    if len(names) != 2 or not all(_PLAIN_NAME_RE.fullmatch(name) for name in names):
        return ""  # (a label holding another column's figure, 城市低保户512户, names no kind)
    shared = 0
    while shared < min(map(len, names)) - 1 and names[0][-1 - shared] == names[1][-1 - shared]:
        shared += 1
    for length in range(shared, 1, -1):  # 专职督学、兼职督学: the head is 督学, not 职督学
        head = names[0][len(names[0]) - length :]
        if head not in whole_label:
            continue
        stems = [name[: len(name) - length] for name in names]
        for group in groups:
            if len(group) == 2 and set(stems) == set(group):  # 专职 and 兼职 督学; not 住院统筹 (a narrower head)
                return "partition"
    return ""
