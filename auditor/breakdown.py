"""Breakdowns of a total written without a part-by-part 其中 list.

- a 分别为 list: 全县户籍人口N人,其中0-14岁、15-59岁、60岁及以上人口分别为a人、b人、c人
  (the labels first, then the values in their order);
- a labelled list right after the total: 全镇总人口N人,男性a人,女性b人 /
  常住人口N万人。按年龄分,0-14岁人口a万人,15-64岁人口b万人,65岁及以上人口c万人.

The parts are the whole only when their labels say so: age bands that tile
every age (0-14, 15-59, 60 and over) or every member of a partition group of
the rule pack (男性|女性, 城镇|乡村, 第一产业|第二产业|第三产业). Bands that overlap
(60岁以上 and 65岁以上) are no breakdown at all. A 分别为 list after 其中 whose
labels are not known to split the whole is judged only for an excess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal

from auditor.extract import Figure
from auditor.model import Analysis

_RESPECTIVE_RE = re.compile(r"(?:分别|依次)(?:为|是|达到|达|有|占有)?")
_VALUE_GAP_RE = re.compile(r"\s*(?:、|,|和|及|以及|与)\s*")
_LABEL_SPLIT_RE = re.compile(r"、|和|及|与|以及")
_AMONG_HEAD_RE = re.compile(r"^\s*[,;]?\s*(?:其中|其中的)?\s*[,:]?\s*$")
_BY_HEAD_RE = re.compile(r"^\s*(?:[,;]\s*)?(?:其中\s*[,:]?\s*)?(?:按[\u4e00-\u9fff]{1,6}(?:分|划分|统计)\s*[,:]?\s*)?$")
_OTHER_PERIOD_RE = re.compile(r"(?:19|20)\d{2}\s*年|上年|去年|上一年|同期|年初")
_MEASURE_SUFFIX_RE = re.compile(r"(?:人口|人数|居民|常住人口|户籍人口|户数|增加值|产值|从业人员|就业人员|的|)$")
_ITEM_NOISE_RE = re.compile(r"^(?:其中|其中的|的|有|为|是|达|共|计)+|(?:的|有|为|是|达|共|计)+$")
_MAX_ITEMS = 8
_MAX_LABEL_CHARS = 40  # characters a label list may take between the total and 分别
_QUANTITY_KINDS = ("count", "money", "area", "length", "weight", "number", "duration")


@dataclass(frozen=True)
class Breakdown:
    total: Figure
    parts: tuple[Figure, ...]
    labels: tuple[str, ...]
    complete: bool
    reason: str
    inferred: bool


def find_breakdowns(analysis: Analysis) -> list[Breakdown]:
    text, figures = analysis.text, analysis.figures
    groups = [("", tuple(g.split("|"))) for g in analysis.pack.words("partition_groups")]
    # the parts of a whole the pack knows (生产总值=第一产业|第二产业|第三产业), when the total names it
    groups += [(w.split("=", 1)[0], tuple(w.split("=", 1)[1].split("|"))) for w in analysis.pack.words("whole_partitions") if "=" in w]
    complement = analysis.pack.words("complement_words")
    found = []
    if "分别" in text.norm or "依次" in text.norm:
        found.extend(_respective_lists(text, figures, groups, complement))
    claimed = {b.total.index for b in found}
    found.extend(b for b in _labelled_lists(text, figures, groups, complement) if b.total.index not in claimed)
    return [b for b in found if not b.complete or _near_whole(b)]


def _near_whole(breakdown: Breakdown) -> bool:
    """Parts said to be the whole add up to somewhere near it: a sum twice the
    "total" says the figure before the list was one more item (高中1万人,初中18万人,…)."""
    listed = sum((p.value for p in breakdown.parts), Decimal(0))
    total = breakdown.total.value
    return total / 2 <= listed <= total * 3 / 2


# --- age bands ----------------------------------------------------------------------

def age_band(figure: Figure) -> tuple[int, int | None] | None:
    """The ages a 岁 figure names: 0-14岁 → (0, 14), 60岁及以上 → (60, None), 14岁以下 → (0, 14)."""
    if figure.base_unit != "岁" or figure.kind not in ("range", "age"):
        return None
    low = int(figure.value)
    if figure.kind == "range" and figure.value_high is not None:
        return low, int(figure.value_high)
    if figure.qualifier == "以上":
        return low, None
    if figure.qualifier == "以下":
        return 0, low
    return None


def bands_fit(bands: list[tuple[int, int | None]]) -> str:
    """"tile" when the bands cover every age once (a year's overlap at a
    boundary is how 15-60岁、60岁以上 is written), "disjoint" when they do not
    overlap but leave ages out, "" when they overlap."""
    ordered = sorted(bands, key=lambda band: band[0])
    for (low, high), (next_low, _) in zip(ordered, ordered[1:]):
        if high is None or next_low < high:
            return ""
    tiles = ordered[0][0] == 0 and ordered[-1][1] is None and all(
        next_low - high in (0, 1) for (_, high), (next_low, _) in zip(ordered, ordered[1:]))
    return "tile" if tiles else "disjoint"


def _age_labels(figures, start: int, stop: int, norm: str) -> list[Figure] | None:
    """The 岁 figures between start and stop, if the text there is nothing but them,
    separators and a noun after the last (0-14岁、15-59岁、60岁及以上人口)."""
    ages = [f for f in figures if start <= f.start and f.end <= stop]
    if not ages or any(age_band(f) is None for f in ages):
        return None
    for earlier, later in zip(ages, ages[1:]):
        if not re.fullmatch(r"\s*(?:、|,|和|及|与)\s*(?:人口)?\s*", norm[earlier.end : later.number_start]):
            return None
    head = norm[start : ages[0].number_start]
    tail = norm[ages[-1].end : stop]
    if not re.fullmatch(r"[\s,:]*(?:其中)?[\s,:]*(?:按年龄分[\s,:]*)?", head):
        return None
    if not re.fullmatch(r"\s*(?:的)?(?:人口|人|居民|常住人口|户籍人口|参保人员|人员|老年人)?(?:数|人数)?\s*", tail):
        return None
    return ages


# --- named labels -------------------------------------------------------------------

def _strip_measure(label: str) -> str:
    label = _ITEM_NOISE_RE.sub("", label.strip(" ,:;()"))
    return _MEASURE_SUFFIX_RE.sub("", label) or label


def _partition(labels: list[str], groups: list[tuple[str, tuple[str, ...]]], whole_label: str, heads: bool = False) -> str:
    """"whole" when the labels are every member of one group, "some" when they are
    members of one group but not all of it, "" otherwise. A group the pack gives
    as the parts of a named whole counts only when the total names that whole."""
    names = [_strip_measure(label) for label in labels]
    head = _shared_head(names) if heads else ""
    if head and head in whole_label:
        names = [name[: len(name) - len(head)] for name in names]  # 省内游客、省外游客 of 游客: 省内, 省外
    for whole, group in groups:
        if whole and whole not in whole_label:
            continue
        matched = [next((m for m in group if name == m or name.endswith(m)), None) for name in names]
        if all(matched) and len(set(matched)) == len(matched):
            return "whole" if set(matched) == set(group) else "some"
    return ""


def _shared_head(names: list[str]) -> str:
    """The noun every name ends with, each keeping a word before it (省内游客、省外游客: 游客), or ""."""
    if len(names) < 2 or min(map(len, names)) < 3:
        return ""
    shared = 0
    while shared < min(map(len, names)) - 1 and len({name[-1 - shared] for name in names}) == 1:
        shared += 1
    return names[0][len(names[0]) - shared :] if shared >= 2 else ""


# --- 分别为 lists -------------------------------------------------------------------

def _values_after(figures, starts: list[int], norm: str, position: int, sentence_end: int) -> list[Figure]:
    """The list of values that starts right after 分别为: one unit, joined by 、 , 和."""
    index = bisect_left(starts, position)
    if index >= len(figures) or not re.fullmatch(r"\s*", norm[position : figures[index].number_start]):
        return []
    values = [figures[index]]
    while len(values) <= _MAX_ITEMS and index + 1 < len(figures):
        figure = figures[index + 1]
        last = values[-1]
        if (figure.start >= sentence_end or figure.base_unit != last.base_unit or figure.kind != last.kind
                or not _VALUE_GAP_RE.fullmatch(norm[last.end : figure.number_start])):
            break
        values.append(figure)
        index += 1
    if len(values) > _MAX_ITEMS or any(not v.exact or v.kind not in _QUANTITY_KINDS for v in values):
        return []
    return values


def _closed_by_other(labels: list[str], complement: tuple[str, ...]) -> bool:
    """传染病疫情9起,食物中毒2起,其他2起: a list whose last item is 其他… is all of it."""
    return len(labels) >= 3 and labels[-1].startswith(complement) and not any(l.startswith(complement) for l in labels[:-1])


def _respective_lists(text, figures, groups, complement) -> list[Breakdown]:
    norm = text.norm
    starts = [f.start for f in figures]
    ends = [f.end for f in figures]
    found = []
    for match in _RESPECTIVE_RE.finditer(norm):
        sentence_start, sentence_end = text.sentence_span(match.start())
        values = _values_after(figures, starts, norm, match.end(), sentence_end)
        if len(values) < 2:
            continue
        whole = _total_before(text, figures, ends, values[0], max(sentence_start, match.start() - _MAX_LABEL_CHARS), match.start())
        if whole is None or whole[3]:  # none in the sentence: the population the bands name before a guess across ;
            whole = _population_named_by_bands(text, figures, ends, values[0], match.start()) or whole
        if whole is None:
            continue
        total, labels_start, among, inferred = whole
        if total.value < max(v.value for v in values) or _OTHER_PERIOD_RE.search(norm, total.end, match.start()):
            continue
        ages = _age_labels(figures[total.index + 1 : values[0].index], labels_start, match.start(), norm)
        if ages is not None:
            if len(ages) != len(values):
                continue
            fit = bands_fit([age_band(a) for a in ages])
            if not fit:
                continue  # 60岁以上 and 65岁以上: one inside the other, no breakdown
            labels = [norm[a.start : a.end] for a in ages]
            found.append(Breakdown(total, tuple(values), tuple(labels), fit == "tile", "partition" if fit == "tile" else "", inferred))
            continue
        if any(labels_start <= f.start < match.start() for f in figures[total.index + 1 : values[0].index]):
            continue  # figures among the labels: not a list of names
        region = norm[labels_start : match.start()].strip(" ,:")
        region = re.sub(r"^其中\s*[,:]?", "", region)
        labels = [label.strip() for label in _LABEL_SPLIT_RE.split(region)]
        if len(labels) != len(values) or any(not label or len(label) > 12 or not re.search(r"[\u4e00-\u9fffA-Za-z]", label) for label in labels):
            continue
        kind = _partition(labels, groups, norm[text.clause_span(total.start)[0] : total.number_start], heads=True)
        if kind == "whole":
            found.append(Breakdown(total, tuple(values), tuple(labels), True, "partition", inferred))
        elif complement and _closed_by_other(labels, complement):
            found.append(Breakdown(total, tuple(values), tuple(labels), True, "complement", inferred))
        elif among and not inferred:
            found.append(Breakdown(total, tuple(values), tuple(labels), False, "", inferred))
    return found


def _total_before(text, figures, ends: list[int], first_value: Figure, floor: int, words_start: int):
    """(total, where its labels start, after 其中, inferred): the last figure of the
    first value's unit before the labels, in the sentence (…N人,其中…分别为) or ending
    the sentence before (…N人。其中/按年龄分,…分别为, inferred without 其中)."""
    norm = text.norm
    sentence_start, _ = text.sentence_span(words_start)
    index = bisect_right(ends, words_start) - 1
    while index >= 0 and figures[index].start >= floor:
        figure = figures[index]
        if figure.base_unit == first_value.base_unit and figure.kind == first_value.kind:
            if not figure.exact or figure.end > words_start:
                return None
            labels_start = figure.end
            between = norm[labels_start:words_start]
            if not re.match(r"\s*(?:[,;]\s*)?(?:其中\s*[,:]?\s*)?(?:按[\u4e00-\u9fff]{1,6}分\s*[,:]?\s*)?(?!\d)", between):
                return None
            head = re.match(r"\s*[,;]?\s*(?:其中\s*[,:]?\s*)?(?:按[\u4e00-\u9fff]{1,6}分\s*[,:]?\s*)?", between)
            if "," in between[head.end():] or ";" in between[head.end():]:
                return None  # another clause between the total and the labels
            return figure, labels_start + head.end(), "其中" in head.group(0), False
        index -= 1
    if not sentence_start or floor > sentence_start:
        return None
    # the total ends the sentence before: 全县户籍人口N人。其中/按年龄分,…分别为
    head = re.match(r"\s*(?:其中\s*[,:]?\s*)?(?:按[\u4e00-\u9fff]{1,6}分\s*[,:]?\s*)?", norm[sentence_start:words_start])
    if head is None or head.end() == 0 and not norm[sentence_start:words_start].strip():
        return None
    index = bisect_right(ends, sentence_start) - 1
    if index < 0:
        return None
    total = figures[index]
    if (total.base_unit != first_value.base_unit or total.kind != first_value.kind or not total.exact
            or not re.fullmatch(r"\s*[。;]?\s*", norm[total.end : sentence_start])):
        return None
    among = "其中" in head.group(0)
    return total, sentence_start + head.end(), among, not among


_BANDS_CLAUSE_RE = re.compile(r"[;。,]\s*(?=[^;。,]*$)")
_BANDS_NOUN_RE = re.compile(r"(?P<noun>户籍人口|常住人口|总人口)\s*$")
_POPULATION_REACH = 300  # characters back a population the bands name may stand, in its paragraph


def _population_named_by_bands(text, figures, ends: list[int], first_value: Figure, words_start: int):
    """…户籍人口为112635人。其中,城镇…;男性…;0-17岁、…、60岁及以上户籍人口分别为…: age bands that
    name a population (户籍人口) after other splits of it, over that population stated last before them
    in the paragraph, from the sentence before at most (inferred: a warning; the bands must tile every age)."""
    norm = text.norm
    clause = _BANDS_CLAUSE_RE.search(norm, max(0, words_start - _MAX_LABEL_CHARS), words_start)
    if clause is None:
        return None
    labels_start = clause.end()
    noun = _BANDS_NOUN_RE.search(norm, labels_start, words_start)
    if noun is None:
        return None
    # the figures between the clause's start and the noun, found by position, not by a walk over all of them
    first, last = bisect_left(ends, labels_start), bisect_right(ends, noun.start())
    ages = [f for f in figures[first:last] if f.start >= labels_start]
    if not ages or any(age_band(f) is None for f in ages) or bands_fit([age_band(a) for a in ages]) != "tile":
        return None
    floor = max(norm.rfind("\n", 0, labels_start) + 1, labels_start - _POPULATION_REACH)
    stop = norm.rfind("。", 0, labels_start)  # the full stop ending the sentence before (; parts none)
    floor = max(floor, norm.rfind("。", 0, stop) + 1 if stop >= 0 else 0)
    index = bisect_right(ends, labels_start) - 1
    while index >= 0 and figures[index].start >= floor:
        figure = figures[index]
        if figure.base_unit == first_value.base_unit and figure.kind == first_value.kind:
            before = norm[max(floor, figure.number_start - 12) : figure.number_start]
            if noun.group("noun") in before and figure.exact and not _OTHER_PERIOD_RE.search(before):
                return figure, labels_start, False, True
        index -= 1
    return None


# --- labelled lists (男性a人,女性b人) -------------------------------------------------

_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{1,10}$")


def _labelled_lists(text, figures, groups, complement) -> list[Breakdown]:
    """A total followed at once by labelled values of its unit whose labels split it."""
    norm = text.norm
    found = []
    for total in figures:
        if total.kind not in _QUANTITY_KINDS or not total.exact or total.index + 2 >= len(figures):
            continue
        sentence_start, sentence_end = text.sentence_span(total.start)
        inferred = False
        following = total.index + 1
        gap_end = figures[following].start
        if _SENTENCE_TAIL_RE.fullmatch(norm, total.end, sentence_end + 1) and sentence_end < len(norm):
            # the next sentence opens with 按年龄分 / 从年龄构成看 / 全县户籍人口中
            next_start = sentence_end + 1
            opener = _OPENER_RE.match(norm, next_start, min(len(norm), next_start + 24))
            if opener is None:
                if not (age_band(figures[following]) and not norm[next_start : figures[following].start].strip()) \
                        and not _members_follow(text, total, next_start, groups):
                    continue  # …人口52.3万人。0-14岁人口为…: the bands alone say the list splits a population
            elif opener.group("group") and not _names_group(opener.group("group"), text, total):
                continue
            inferred = True
        elif not re.match(r"\s*[,;]", norm[total.end : gap_end]):
            continue
        sentence_end = _list_end(norm, total.end)
        if "其中" in norm[total.end : gap_end]:
            continue  # a 其中 list: relate.find_parts reads it
        items = _items_after(text, figures, total, sentence_end)
        if items is None:
            continue
        parts, labels, ages = items
        if ages:
            if bands_fit(ages) != "tile":
                continue
        elif complement and _closed_by_other(labels, complement):
            # no 其中 says the list is of the total: a likely reading, a warning
            found.append(Breakdown(total, tuple(parts), tuple(labels), True, "complement", True))
            continue
        elif _partition(labels, groups, norm[text.clause_span(total.start)[0] : total.number_start]) != "whole":
            if _DECLARED_SPLIT_RE.search(norm, total.end, parts[0].start) and not rest_unlisted(norm, parts, labels, sentence_end):
                # 执业医师1526人,按执业类别分:临床…、中医…: the list says it splits the total by one measure
                found.append(Breakdown(total, tuple(parts), tuple(labels), True, "declared", True))
            continue
        found.append(Breakdown(total, tuple(parts), tuple(labels), True, "partition", inferred))
    return found


_REST_RE = re.compile(r"其他|其它|其余")


# the total ends its sentence, maybe with its own growth (…326.48亿元,可比价增速5.3%。)
_OWN_GROWTH = r"(?:\s*[,(]\s*[\u4e00-\u9fff]{0,6}?(?:增长|增速|增幅|下降|降幅)(?:为|达)?\s*\d+(?:\.\d+)?%\)?)?"
_SENTENCE_TAIL_RE = re.compile(_OWN_GROWTH + r"\s*[。;]\s*")
_TOTAL_TAIL_RE = re.compile(_OWN_GROWTH + r"[ 。,;]*")


def _members_follow(text, total, next_start: int, groups) -> bool:
    """地区生产总值326.48亿元。第一产业…,第二产业…,第三产业…: the next sentence names
    every member of the whole the total names (whole_partitions)."""
    whole_label = text.norm[text.clause_span(total.start)[0] : total.number_start]
    following = text.norm[next_start : _list_end(text.norm, total.end)]
    return any(whole and whole in whole_label and all(member in following for member in members)
               for whole, members in groups)


def rest_unlisted(norm: str, parts, labels, list_end: int) -> bool:
    """…听力残疾1 902人;其余为言语、智力残疾: the rest is named after the last part with
    no figure of its own, so the parts need not make up the total."""
    return bool(_REST_RE.search(norm, parts[-1].end, min(len(norm), list_end + 8))) \
        and not any(_REST_RE.search(label) for label in labels)


_OPENER = (r"(?:按[\u4e00-\u9fff]{1,6}(?:分|划分|统计)|从[\u4e00-\u9fff]{1,6}(?:看|上看|来看)"
           r"|(?P<group>[\u4e00-\u9fff]{2,12}?)(?:之)?中)")
_OPENER_RE = re.compile(r"\s*" + _OPENER + r"\s*[,:]")
_DECLARED_SPLIT_RE = re.compile(r"按[\u4e00-\u9fff]{1,6}(?:分|划分)\s*[,:]")
_SEPARATOR = r"\s*[,;、。]\s*(?:" + _OPENER.replace("?P<group>", "") + r"\s*[,:]?\s*)?"
_SHARE_AFTER_RE = re.compile(r"\s*[,(]\s*占[^\d,;。]{0,12}?(?:的)?(?:比重|比例)?(?:为|达|是)?\s*")
_LIST_REACH = 400  # characters a list of items separated by ; may run over


def _list_end(norm: str, position: int) -> int:
    """Where a list of items that starts at position ends: the next 。 or line break
    (its items may be separated by ;), at most _LIST_REACH characters on."""
    stop = min(len(norm), position + _LIST_REACH)
    ends = [e for e in (norm.find("。", position + 1, stop), norm.find("\n", position + 1, stop)) if e >= 0]
    if not ends:
        return stop
    end = min(ends)
    if _TOTAL_TAIL_RE.fullmatch(norm, position, end) and end + 1 < stop:  # (1526人,⏎按执业类别分:… goes on too)  # the total ends its sentence: the list is the next one
        after = end + 1
        while after < stop and norm[after] in " \t\n":
            after += 1  # the next sentence may open the next line
        following = [e for e in (norm.find("。", after, stop), norm.find("\n", after, stop)) if e >= 0]
        return min(following) if following else stop
    return end


def _names_group(group: str, text, total: Figure) -> bool:
    """全县户籍人口中 after …户籍人口52368人: the group is what the total counts."""
    label = text.norm[text.clause_span(total.start)[0] : total.number_start]
    core = re.sub(r"^(?:全国|全省|全市|全县|全区|全镇|全乡|全村|年末|年底|本地|辖区)+", "", group)
    return len(core) >= 2 and core in label
# ,增长3.1% / ,可比价增速5.3% / ,比上年下降1.2%: a growth said of the value before it
_GROWTH_AFTER_RE = re.compile(r"\s*[,(]\s*[\u4e00-\u9fff]{0,6}?(?:增长|增速|增幅|下降|降幅)(?:为|达)?\s*")
_NAMED_GAP_RE = re.compile(_SEPARATOR + r"(?P<label>[\u4e00-\u9fff]{1,10}?)(?:为|有|达)?\s*")
_AGE_GAP_RE = re.compile(_SEPARATOR)
_AGE_NOUN_RE = re.compile(r"\s*(?:的)?(?:人口|人|居民|常住人口|户籍人口|人数)?(?:为|有|达)?\s*")


def _items_after(text, figures, total: Figure, sentence_end: int):
    """(parts, labels, age bands) of the labelled values after total: each value
    of total's unit after a label (男性) or an age band (0-14岁人口), the items joined
    by , 、 ; the list ends the sentence."""
    norm = text.norm
    parts: list[Figure] = []
    labels: list[str] = []
    ages: list[tuple[int, int | None]] = []
    cursor = total.end
    index = total.index + 1
    while index < len(figures) and figures[index].start < sentence_end:
        if len(parts) > _MAX_ITEMS:
            return None
        figure = figures[index]
        if parts and figure.kind == "percent" and _SHARE_AFTER_RE.fullmatch(norm, cursor, figure.number_start):
            cursor = figure.end + (1 if norm[figure.end : figure.end + 1] == ")" else 0)
            index += 1
            continue  # 15-59岁人口为33.1万人,占63.5%: the item's share, no item
        if figure.kind == "percent" and _GROWTH_AFTER_RE.fullmatch(norm, cursor, figure.number_start):
            cursor = figure.end
            index += 1
            continue  # 第一产业增加值40.1亿元,增长3.1%: the item's growth, no item
        if ages and re.match(r"\s*[,;]\s*其中", norm[cursor : cursor + 8]):
            break  # 其中65岁及以上…: inside the last band, the list is over
        band = age_band(figure)
        if band is not None:
            value = figures[index + 1] if index + 1 < len(figures) else None
            if ((parts and not ages) or value is None or not _AGE_GAP_RE.fullmatch(norm[cursor : figure.number_start])
                    or not _AGE_NOUN_RE.fullmatch(norm[figure.end : value.number_start])):
                return None
            ages.append(band)
            label = norm[figure.start : figure.end]
            figure = value
            index += 1
        else:
            if ages:
                return None
            gap = _NAMED_GAP_RE.fullmatch(norm[cursor : figure.number_start])
            if gap is None:
                return None
            label = _ITEM_NOISE_RE.sub("", gap.group("label")) or gap.group("label")
        if figure.base_unit != total.base_unit or figure.kind != total.kind or not figure.exact:
            return None
        parts.append(figure)
        labels.append(label)
        cursor = figure.end
        index += 1
    if len(parts) < 2:
        return None
    rest = norm[cursor:sentence_end].strip(" 。;")
    if rest and not (ages and re.match(r"[,;]\s*其中", rest)):
        return None  # the sentence goes on: more than the list
    return parts, labels, ages
