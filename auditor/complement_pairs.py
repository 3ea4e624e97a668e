"""A total, then its two sides in the two clauses right after it, with no 其中 to open them:
抽检样品426批次,合格415批次,不合格12批次; 应接种…,已接种…,未接种…; 受理…,办结…,未办结….
A thing and its negation (合格 / 不合格, 办结 / 未办结, 达标 / 不达标) split whatever they are
counted of between them, so the two sides must add up to the total before them."""

from __future__ import annotations

import re

from auditor.extract import Figure, strip_fillers
from auditor.model import Analysis

_QUANTITY_KINDS = ("count", "money", "area", "weight", "length", "volume")
# the clause of the negated side: 不合格12批次, 未办结的12件, 不达标为3家
_NEGATED_RE = re.compile(r"\s*(?:不|未|非)(?P<word>[\u4e00-\u9fff]{1,6}?)(?:的)?(?:为|有|达|共|计)*\s*$")
# the clause of the other side: 合格415批次, 已办结415件, 其中 excluded (a 其中 list is read elsewhere)
_SIDE_RE = re.compile(r"\s*(?:已经|已|实际)?(?P<word>[\u4e00-\u9fff]{1,6}?)(?:的)?(?:为|有|达|共|计)*\s*$")
_CLAUSE_MARKS = ",;"
# the total's clause says it counts a whole: a total word, a planned number, or a check over all of it
_WHOLE_CUE_RE = re.compile(r"共|总|合计|累计|应|抽检|抽查|抽样|检查|检测|检验|受理|排查|摸排|监测|调查|登记|申报|审核|评审|考核|验收|核查|巡查|接收|收到")
# …but not a grade of its own (评定优秀52家,合格31家,不合格3家: three grades, none the whole)
_GRADE_END_RE = re.compile(r"(?:优秀|良好|较好|一般|称职|优|良|中|差|满意|好评|差评|一等|二等|三等|甲级|乙级|丙级|A级|B级|C级)\s*(?:的)?(?:为|有|达|共|计)*\s*$")


def complementary_pairs(analysis: Analysis, read: set[int]) -> list[tuple[Figure, Figure, Figure, str]]:
    """(total, side, negated side, word) for each total followed at once by X N and 不X M."""
    norm = analysis.text.norm
    if "不" not in norm and "未" not in norm and "非" not in norm:
        return []
    figures, text = analysis.figures, analysis.text
    found = []
    for index in range(2, len(figures)):
        negated, side, total = figures[index], figures[index - 1], figures[index - 2]
        if norm[side.end : negated.number_start].strip(" ,")[:1] not in ("不", "未", "非"):
            continue  # most figures: no 不/未/非 opens the clause after the one before
        if total.index in read or not all(f.kind in _QUANTITY_KINDS and f.exact and f.value_high is None for f in (total, side, negated)):
            continue
        if len({(f.base_unit, f.kind) for f in (total, side, negated)}) != 1:
            continue
        clause_start = text.clause_span(negated.start)[0]
        side_start = text.clause_span(side.start)[0]
        if not (total.end <= side_start <= side.number_start and side.end <= clause_start <= negated.number_start):
            continue
        if text.sentence_span(total.start) != text.sentence_span(negated.start):
            continue
        if norm[total.end : side_start].strip() not in _CLAUSE_MARKS or norm[side.end : clause_start].strip() not in _CLAUSE_MARKS:
            continue  # words after a figure and before the clause mark: no bare clause
        total_words = norm[text.clause_span(total.start)[0] : total.number_start]
        if not _WHOLE_CUE_RE.search(total_words) or _GRADE_END_RE.search(strip_fillers(total_words)):
            continue
        negated_words = _NEGATED_RE.fullmatch(strip_fillers(norm[clause_start : negated.number_start]) + " ")
        side_words = _SIDE_RE.fullmatch(strip_fillers(norm[side_start : side.number_start]) + " ")
        if negated_words is None or side_words is None or negated_words.group("word") != side_words.group("word"):
            continue
        if side.value >= total.value or negated.value >= total.value:
            continue
        found.append((total, side, negated, side_words.group("word")))
    return found
