"""One 分别占 list with two wholes: households with households, people with people.

农业户3200户、农业人口12000人,分别占总户数和总人口的80.5%、82.3% (or 分别占全镇
总户数的80.5%、总人口的82.3%): the first share is the households over all
households, the second the people over all people. Each whole is looked for
among the counts of its own unit stated before the list (全镇共有4000户15000人,
总户数4000户, 户籍人口15000人), in earlier sentences or before 其中 in the list's
own; a share any of them gives is consistent. Only when none does is the
nearest reported, always as an inferred reading (a warning), and only when
the document states few such wholes (a profile of many villages states one
per village: whose is unknown).
"""

from __future__ import annotations

import re

from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import (
    _CHANGE_CLAUSE_RE,
    Ratio,
    _listed_parts,
    _shares_from,
    _year_of,
    pair_explains,
    respective_share_clauses,
)

_HOUSEHOLDS = "户"
_PEOPLE = ("人", "口")
_NAMED_WHOLE_RE = {
    "户": re.compile(r"(?:全|本|该)?(?:村|镇|乡|县|区|市)?(?:总户数|户数|总农户数?|农户总数|农户数|总户)"),
    "人": re.compile(r"(?:全|本|该)?(?:村|镇|乡|县|区|市)?(?:总人口|人口总数|人口|户籍人口|常住人口|户籍总人口|总人数|人口数)"),
}
_SECOND_WHOLE_RE = re.compile(r"\s*[、,和]\s*(?P<whole>[\u4e00-\u9fff]{2,10}?)的?(?:比重|比例)?(?:为|是)?\s*")
_WHOLE_JOIN_RE = re.compile(r"和|与|及|、")
_LEAD_RE = re.compile(
    r"^(?:其中|截至|截止|到)?(?:(?:19|20)\d{2}\s*年(?:末|底)?)?(?:年末|年底|目前|现)?"
    r"(?:(?:全|本|该)(?:村|镇|乡|县|区|市|街道))?(?:辖区|境内)?(?:共有|现有|拥有|共计|共|有|计)?")
_WHOLE_LABEL_RE = {
    "户": re.compile(r"(?:总|农|居民|家庭|住)?户?(?:总数|数)?(?:为|达|是)?"),
    "人": re.compile(r"(?:总|户籍|常住|年末|辖区|乡村|农村)?(?:总)?(?:人口|人数)?(?:总数|数)?(?:为|达|是)?"),
}
_TRAILING_WORDS_RE = re.compile(r"[\u4e00-\u9fff]*$")
_LOOKBACK_FIGURES = 200
_LOOKBACK_CHARS = 6000
_MAX_VALUES = 3  # distinct wholes of one unit: more are many places' counts
_MAX_EXAMINED = 40  # counts of the unit looked at: bounded when every figure of a long line is one


def find_share_pairs(analysis: Analysis) -> list[Ratio]:
    """The readings of every 分别占 clause whose parts are a household count and a head count."""
    text, figures = analysis.text, analysis.figures
    if "分别" not in text.norm:
        return []
    found: list[Ratio] = []
    for first, words in respective_share_clauses(text, figures):
        shares = _shares_from(figures, first)
        if len(shares) > 2 or len(shares) == 2 and _listed_parts(text, figures, first, 2, words.start()) is not None:
            continue  # parts of one unit: relate reads them against one whole
        found.extend(shares_of_two_wholes(text, figures, shares, words))
    return found


def shares_of_two_wholes(text, figures, shares: list[Figure], words: re.Match) -> list[Ratio]:
    """The readings of 分别占A和B的a%、b% over a household count and a head count."""
    first = shares[0]
    if len(shares) == 1:
        second = _second_share(text, figures, first)
        if second is None:
            return []
        shares, wholes = [first, second[0]], [words.group("whole").strip().removesuffix("的"), second[1]]
    else:
        wholes = [w for w in _WHOLE_JOIN_RE.split(words.group("whole").strip().removesuffix("的")) if w]
    if len(shares) != 2 or len(wholes) != 2 or first.index < 2:
        return []
    parts = list(figures[first.index - 2 : first.index])
    units = [_unit_of(p) for p in parts]
    if units != ["户", "人"] and units != ["人", "户"] or not _listed(text, parts, words.start()):
        return []
    readings = []
    for part, share, unit, whole in zip(parts, shares, units, wholes):
        if not _NAMED_WHOLE_RE[unit].fullmatch(whole):
            return []  # 分别占总户数和劳动力的: a whole of another kind than the part
        candidates = _wholes(text, figures, part, unit, text.clause_span(parts[0].start)[0])
        if not candidates or len({c.value for c in candidates}) > _MAX_VALUES:
            return []
        giving = next((c for c in candidates if pair_explains(part, c, share)), candidates[0])
        readings.append(Ratio(share, part, giving, inferred=True, kind="share"))
    return readings


def _unit_of(figure: Figure) -> str:
    if figure.kind != "count" or not figure.exact or figure.value <= 0:
        return ""
    return "户" if figure.base_unit == _HOUSEHOLDS else "人" if figure.base_unit in _PEOPLE else ""


def _second_share(text, figures, first: Figure) -> tuple[Figure, str] | None:
    """分别占全镇总户数的80%、总人口的82.3%: the share after the first, and the whole it names."""
    if first.index + 1 >= len(figures):
        return None
    second = figures[first.index + 1]
    if second.kind != "percent" or text.sentence_span(second.start) != text.sentence_span(first.start):
        return None
    words = _SECOND_WHOLE_RE.fullmatch(text.norm, first.end, second.number_start)
    return (second, words.group("whole")) if words else None


def _listed(text, parts: list[Figure], words_start: int) -> bool:
    """农业户3200户、农业人口12000人,分别占: two items of one sentence, no change among them."""
    norm = text.norm
    earlier, later = parts
    sentence_start, _ = text.sentence_span(words_start)
    if earlier.start < sentence_start:
        return False
    gap = norm[earlier.end : later.number_start]
    if not re.search(r"[、,和及与]", gap) and not re.fullmatch(r"[\u4e00-\u9fff]{0,6}", gap):
        return False
    between = norm[later.end : words_start]
    if len(re.sub(r"[^\u4e00-\u9fff]", "", between)) > 2 or _CHANGE_CLAUSE_RE.search(gap + between):
        return False
    return not any(_CHANGE_CLAUSE_RE.search(norm, max(text.clause_span(p.start)[0], p.number_start - 12), p.number_start)
                   for p in parts)


def _wholes(text, figures, part: Figure, unit: str, list_start: int) -> list[Figure]:
    """Counts of the part's unit stated before the list that may be its whole, nearest first:
    in earlier sentences or earlier clauses of its own (全镇4000户15000人,其中…); of the part's year."""
    year = _year_of(text, part.start)
    found = []
    seen = set()
    examined = 0
    for figure in figures[max(0, part.index - _LOOKBACK_FIGURES) : part.index][::-1]:
        if figure.start < part.start - _LOOKBACK_CHARS or len(found) > _MAX_VALUES:
            break
        if _unit_of(figure) != unit or figure.value < part.value or figure.qualifier:
            continue
        examined += 1
        key = (figure.written, figure.multiplier, figure.decimals)
        if examined > _MAX_EXAMINED:
            break
        if key in seen:
            continue  # a whole restated changes no reading
        seen.add(key)
        if figure.end > list_start:
            continue  # a count of the list itself
        if not _is_whole_label(text, figures, figure, unit):
            continue
        figure_year = _year_of(text, figure.start)
        if year and figure_year and year != figure_year:
            continue
        found.append(figure)
    return found


def _is_whole_label(text, figures, figure: Figure, unit: str) -> bool:
    clause_start, _ = text.clause_span(figure.start)
    before = text.norm[max(clause_start, figure.number_start - 24) : figure.number_start].rstrip(" (:")
    trailing = _TRAILING_WORDS_RE.search(before)
    # 4000户15000人: the words before 15000 are the unit of the count before it
    words = "" if trailing.start() and before[trailing.start() - 1].isdigit() else trailing.group(0)
    if _CHANGE_CLAUSE_RE.search(before):
        return False
    if not words:
        # 共有4000户15000人: the people of the households just named
        previous = figures[figure.index - 1] if figure.index else None
        return (unit == "人" and previous is not None and previous.base_unit == "户"
                and previous.end >= figure.number_start - 1)
    return _WHOLE_LABEL_RE[unit].fullmatch(_LEAD_RE.sub("", words, count=1)) is not None
