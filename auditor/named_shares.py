"""Shares whose part and whole are named in the share's own words, stated apart from it.

- 全年地区生产总值164.8亿元。第一产业增加值…,第三产业增加值84.9亿元,第三产业增加值占
  地区生产总值的比重为55.2%: the share's subject (第三产业增加值) names its part, the
  words after 占 (地区生产总值) its whole, each the nearest earlier figure whose words
  carry that name in full;
- 慈善会全年接收社会捐赠2 864万元。……助学项目支出768万元,占全年接收捐赠的31.6%: with
  no subject of its own, the part is the quantity right before the share and the whole
  the earlier figure the words after 占 name (their first and last two characters in
  order, a few characters apart).

Read only where no other reader spoke, and only when the whole is named (never 占总数的,
which any total is). Explain before accusing: any nearby pair of the unit that gives the
share keeps it silent (relate's _explained). A whole in another sentence makes the
reading inferred (a warning).
"""

from __future__ import annotations

import re

from dataclasses import replace
from fractions import Fraction

from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import (_CHANGE_CLAUSE_RE, unread_rates, Ratio, _explained, _generic_whole, _has_own_share, _is_quantity, _names,
                            _OTHER_YEAR_RE, _other_period, _same_unit, _without_measure, _words_before, pair_explains)

_SHARE_PHRASE_RE = re.compile(
    r"(?P<subject>[\u4e00-\u9fff]{0,14}?)(?P<about>约|大约|近)?(?:仅|已|共)?占(?P<whole>[^\d,。;:()%、]{2,14}?)的?(?:比重|比例|份额)?(?:为|达|达到|是)?\s*$")
_SUBJECT_NOISE_RE = re.compile(r"^(?:其中|全年|当年|年内|目前|分别|合计|共计|共)+")
_SCOPE_RE = re.compile(r"(?:全|本|该|我)(?:县|市|区|镇|乡|村|省)")
_PART_GAP_RE = re.compile(r"\s*[,,]?\s*")
ABOUT_SLACK = Fraction(1, 20)
_BACK_FIGURES = 24
_MAX_WHOLES = 4
_NAME_REACH = 40  # characters before a figure that name it
_SPELLING_GAP = 4
_BACK_CHARS = 400  # how far before the share's sentence a named whole may stand


def find_named_shares(analysis: Analysis, spoken: set[int]) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "占" not in norm:
        return []
    found: list[Ratio] = []
    for rate in unread_rates(figures, spoken):
        clause_start, _ = text.clause_span(rate.start)
        if "占" not in norm[max(clause_start, rate.number_start - 30) : rate.number_start]:
            continue
        phrase = _SHARE_PHRASE_RE.search(norm, max(clause_start, rate.number_start - 30), rate.number_start)
        if phrase is None or _CHANGE_CLAUSE_RE.search(norm, clause_start, rate.number_start):
            continue
        whole_name = phrase.group("whole").removesuffix("的")
        if (_generic_whole(whole_name) or len(whole_name.replace("总", "")) < 4) and not _DEED_FIRST_RE.match(whole_name):
            continue  # 占总数的, 占总收入的, 占劳动力的: a short name may be any total, or a narrower group (外出劳动力); relate's business
        if "分别" in norm[clause_start : rate.number_start]:
            continue  # 分别占…的57.9%和14.2%: one share per part listed, read by relate
        # 约占全区长者的16.3%: about so much, within a twentieth either way
        spread = ABOUT_SLACK if phrase.group("about") else Fraction(0)
        reading = _reading(text, figures, rate, phrase.group("subject"), whole_name, phrase.start(), spread)
        if reading is not None:
            found.append(replace(_explained(text, figures, rate, reading, spread=spread), kind="share"))
    return found


def _reading(text, figures, rate: Figure, subject: str, whole_name: str, phrase_start: int, spread: Fraction):
    norm = text.norm
    sentence_start, _ = text.sentence_span(rate.start)
    reach = max(0, sentence_start - _BACK_CHARS)
    earlier = [f for f in figures[max(0, rate.index - _BACK_FIGURES) : rate.index][::-1] if f.start >= reach]
    subject = _SUBJECT_NOISE_RE.sub("", subject)
    if len(subject) >= 2:
        # 第三产业增加值占地区生产总值的比重: the nearest figure whose words carry the subject in full
        parts = [f for f in earlier if _is_quantity(f) and f.exact and _words_before(text, f, 16).endswith(subject)]
    else:
        before = figures[rate.index - 1]
        parts = [before] if (_is_quantity(before) and before.start >= sentence_start
                             and _PART_GAP_RE.fullmatch(norm, before.end, phrase_start)) else []
    if not parts:
        return None
    part = parts[0]
    part_words = _words_before(text, part)
    if _CHANGE_CLAUSE_RE.search(part_words):
        return None
    scope = _SCOPE_RE.match(whole_name)
    core = whole_name[scope.end():] if scope is not None else whole_name
    wholes, deeds = [], []
    for whole in earlier:
        if (whole.index >= part.index or not _is_quantity(whole) or not _same_unit(whole, part) or whole.value < part.value
                or _other_period(text, part, whole) or _OTHER_YEAR_RE.search(part_words) and not _OTHER_YEAR_RE.search(_words_before(text, whole))):
            continue  # (上半年…收入 is no share of the year's 经济总收入)
        clause_start = text.clause_span(whole.start)[0]
        clause = norm[max(clause_start, whole.number_start - _NAME_REACH) : whole.number_start]
        if _CHANGE_CLAUSE_RE.search(clause) or _has_own_share(norm, whole) or norm[clause_start : clause_start + 8].lstrip().startswith("其中"):
            continue
        other_scope = _SCOPE_RE.search(clause) if scope is not None else None
        if other_scope is not None and other_scope.group()[-1] != scope.group()[-1]:
            continue  # 占全县劳动力的 is no share of 全村劳动力
        if (_names(whole_name, clause) or _names(_without_measure(whole_name), clause) or _spelled_within(whole_name, clause)
                or len(core) >= 2 and core != whole_name and (_names(core, clause) or _spelled_within(core, clause))):
            wholes.append(whole)
        elif _deed_named(whole_name, norm[max(clause_start, whole.number_start - 16) : whole.number_start]):
            deeds.append(whole)
    if not wholes and not deeds and part.start >= sentence_start:
        # 老年人9.86万人,占户籍人口的26.3%。全县户籍人口41.2万人。: the whole named in the next sentence
        after = _whole_named_after(text, figures, rate, part, whole_name, core)
        if after is not None:
            return None if pair_explains(part, after, rate, spread=spread) else (part, after, True, False)
    by_deed = not wholes and len(deeds) == 1
    if by_deed:
        wholes = deeds  # 占取证人数的 and 取得证书3.58万人次: the one earlier count of that deed, a likely reading
    if not wholes or len(wholes) > _MAX_WHOLES:
        return None
    # 财政总收入 may be named by two totals: the share is consistent when any gives it
    for whole in wholes:
        if pair_explains(part, whole, rate, spread=spread):
            return None
    whole = wholes[0]
    return part, whole, whole.start < sentence_start or part.start < sentence_start or by_deed, False


_NEXT_FIGURES = 6  # figures of the next sentence a whole named after the share may be
_NOT_THE_WHOLE_AFTER_RE = re.compile(r"上年|去年|同期|增|减|比|较|其中|占")


def _whole_named_after(text, figures, rate: Figure, part: Figure, whole_name: str, core: str) -> Figure | None:
    """The first quantity of the next sentence, of the part's unit and no smaller, whose own words
    name the whole (全县户籍人口41.2万人) and say nothing of another year or of a change."""
    norm = text.norm
    _, sentence_end = text.sentence_span(rate.start)
    if sentence_end >= len(norm):
        return None
    next_start, next_end = text.sentence_span(sentence_end + 1)
    for whole in figures[rate.index + 1 : rate.index + 1 + _NEXT_FIGURES]:
        if not next_start <= whole.start < next_end:
            continue
        if not _is_quantity(whole) or not _same_unit(whole, part) or whole.value < part.value or not whole.exact:
            continue
        clause = norm[max(text.clause_span(whole.start)[0], whole.number_start - _NAME_REACH) : whole.number_start]
        if _NOT_THE_WHOLE_AFTER_RE.search(clause) or _has_own_share(norm, whole):
            return None
        if _names(whole_name, clause) or _spelled_within(whole_name, clause) or len(core) >= 2 and core != whole_name and _names(core, clause):
            return whole
        return None
    return None


def _spelled_within(name: str, clause: str, gap: int = _SPELLING_GAP, shortest: int = 3) -> bool:
    """全年接收捐赠 in 全年接收社会捐赠, 财政总收入 in 公共财政预算总收入: every character of the
    name, in order, within `gap` more characters than the name has."""
    if len(name) < shortest:
        return False
    start = clause.find(name[0])
    while start >= 0:
        at = start
        for ch in name[1:]:
            at = clause.find(ch, at + 1, start + len(name) + gap)
            if at < 0:
                break
        else:
            return True
        start = clause.find(name[0], start + 1)
    return False


# the measure a whole's name ends on, which the count it names need not repeat
_MEASURE_END_RE = re.compile(r"(?:人数|人次|户数|件数|总量|总数|总额|数量|金额|项目|量|数)$")


def _deed_named(whole_name: str, clause: str) -> bool:
    """占办证总量的 and 办理各类公证事项1.36万件, 占已公开项目的 and 已公开2 806个: the name without
    its measure (办证, 已公开) is a deed whose characters stand in order, close together, in the
    words right before the count."""
    return _spelled_within(_MEASURE_END_RE.sub("", whole_name), clause, _DEED_GAP, 2)


_DEED_GAP = 5
# 办证总量, 结案总数: a deed (a verb and its object) and a measure, no group of people or things
_DEED_FIRST_RE = re.compile(r"(?:办|结|审|受|收|发|检|查|验|调|处|征|认|取|立|登|注|签|批)[\u4e00-\u9fff](?:总量|总数|总额)$")
