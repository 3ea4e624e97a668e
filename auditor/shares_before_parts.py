"""A share stated before its part, the whole earlier in the sentence (or the one before).

    全市巡游出租车3 620辆,累计新能源出租车占比达到68.6%,全市新能源出租车共计2 685辆。
    全市巡游出租车3 620辆,新能源出租车占比68.6%,共计2 685辆。

The share's subject (新能源出租车) names its part: the figure right after the
share, its clause either bare (共计2 685辆) or naming the subject again. The
whole is the nearest earlier quantity of the part's unit, larger than it, whose
words do not name the subject (本年度更新为新能源车辆1 246辆 is a part, not the
whole). Read only where no other reader spoke; any nearby pair of the unit that
gives the share keeps it silent (relate's _explained). Always a warning: the
pairing is inferred from the order of the words.
"""

from __future__ import annotations

import re

from dataclasses import replace

from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import _CHANGE_CLAUSE_RE, Ratio, _explained, _has_own_share, _is_quantity, _same_unit, _words_before

# 新能源出租车占比达到 / 其中女性占比为 / 新能源车辆所占比重为: a share named by its subject, no whole named
_SHARE_HEAD_RE = re.compile(r"(?P<subject>[\u4e00-\u9fff]{2,14}?)(?:所)?占(?:比|比重|比例)(?:达到|达|为|是)?\s*$")
_SUBJECT_NOISE_RE = re.compile(r"^(?:其中|累计|目前|全年|当年|年内|现有|全县|全市|全区|全镇|全乡|全省|本年度|今年)+")
# ,共计2 685辆 / ,全市新能源出租车共计2 685辆 / ,总数达2 685辆: the part after the share
_PART_AFTER_RE = re.compile(
    r"\s*[,,]\s*(?P<named>[\u4e00-\u9fff]{0,16}?)(?:共计|共有|合计|总数为?|总量为?|数量为?|共|达到|达|有|为)\s*")
_SCOPE_NOISE_RE = re.compile(r"^(?:累计|目前|全县|全市|全区|全镇|全乡|全省|现有)+")
_BACK_FIGURES = 12


def find_shares_before_parts(analysis: Analysis, spoken: set[int]) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "占" not in norm:
        return []
    found = []
    for rate in figures:
        if rate.kind != "percent" or rate.index in spoken or not rate.index or rate.in_list or rate.qualifier:
            continue
        if rate.index + 1 >= len(figures) or "占" not in norm[max(0, rate.number_start - 6) : rate.number_start]:
            continue
        clause_start, _ = text.clause_span(rate.start)
        head = _SHARE_HEAD_RE.search(norm, max(clause_start, rate.number_start - 24), rate.number_start)
        if head is None or _CHANGE_CLAUSE_RE.search(norm, clause_start, rate.number_start):
            continue
        subject = _SUBJECT_NOISE_RE.sub("", head.group("subject"))
        if len(subject) < 2:
            continue
        part = figures[rate.index + 1]
        sentence_start, sentence_end = text.sentence_span(rate.start)
        after = _PART_AFTER_RE.fullmatch(norm, rate.end, part.number_start)
        if part.start >= sentence_end or after is None or not _is_quantity(part) or not part.exact:
            continue
        named = _SCOPE_NOISE_RE.sub("", after.group("named"))
        if "其中" in named or _CHANGE_CLAUSE_RE.search(named):
            continue  # …占比68.6%,其中纯电动…共计 / 比上年增加的有…: not the part the share is of
        if named and subject not in named and named not in subject:
            continue  # …占比68.6%,燃油出租车共计…: another kind
        whole = _whole_before(text, figures, rate, part, subject, sentence_start)
        if whole is None:
            continue
        reading = (part, whole, True, False)
        found.append(replace(_explained(text, figures, rate, reading), kind="share", inferred=True))
    return found


def _whole_before(text, figures, rate: Figure, part: Figure, subject: str, sentence_start: int) -> Figure | None:
    """The nearest quantity before the share, of the part's unit and no smaller, whose words name
    neither the subject nor a change, in the share's sentence or the one before."""
    floor = text.previous_sentence_start(sentence_start) if sentence_start else 0
    for index in range(rate.index - 1, max(-1, rate.index - 1 - _BACK_FIGURES), -1):
        figure = figures[index]
        if figure.start < floor:
            return None
        if not _is_quantity(figure) or not _same_unit(figure, part):
            continue
        words = _words_before(text, figure)
        if subject in words or subject[:2] in words or _CHANGE_CLAUSE_RE.search(words) or _has_own_share(text.norm, figure):
            continue  # 本年度更新为新能源车辆1 246辆: a part of the same kind, not the whole
        return figure if figure.value >= part.value and figure.exact else None
    return None
