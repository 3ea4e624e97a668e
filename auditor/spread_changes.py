"""Changes whose pieces stand in different sentences:

    上年全市快递业务量为5.86亿件。今年完成6.82亿件。同比增长16.4%。
    去年全县税收收入为18.4亿元,今年实现税收收入21.3亿元。比上年增长15.8%。

A stated change that opens its own sentence (同比增长p%, 比上年下降p%) speaks of
the value that ends the sentence before. Its base is the one value of that unit
said to be last year's (上年/去年/去年同期/the year before): in the same sentence
as the new value, or in the sentence before it. The pairing is inferred across
sentences: a warning. Nothing is read when the sentence before holds other
values of the unit, or when the periods (上半年 against 上年) or the metrics
(粮食 against 蔬菜) differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.extract import Figure
from auditor.lexicon import DIRECTION_VERB_ALTERNATIVES, YEAR_NUMBER_RE as _YEAR_NUMBER_RE

QUANTITY_KINDS = ("count", "money", "area", "length", "weight", "number", "duration", "volume", "energy", "power")  # the kinds of figure that count or measure something

_BASES = r"(?:上年同期|去年同期|上年|去年|上一年|同期)"
PART_OF_YEAR_RE = re.compile(r"[一二三四1-4]季度|前[一二三]季度|[上下]半年|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|[一二三四五六七八九十]{1,2}至[一二三四五六七八九十]{1,2}月|\d{1,2}\s*月份?")
# 同比增长p% / 比上年下降了p% / 与上年相比,增长p%: a change that names no value of its own
_ALONE_CHANGE_RE = re.compile(
    r"^\s*(?:(?:今年|本年|当年|全年)\s*)?(?:(?P<name>[\u4e00-\u9fff]{2,10}?)\s*(?=同比|比|较|与))?"
    rf"(?:(?:同比|(?:比|较)(?:{_BASES}|(?P<year>(?:19|20)\d{{2}})\s*年)|与(?:{_BASES}|(?P<with_year>(?:19|20)\d{{2}})\s*年)相比)\s*(?:[,]\s*)?)?"
    rf"(?:(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?|(?P<rate>增幅|增长率|降幅|下降率)(?:为|达|达到|是)?)\s*$"
)
# 上年为N / 去年同期N name a base; 比上年增长 compares with one
_BASE_LABEL_RE = re.compile(rf"(?:比|较|与){_BASES}|(?P<base>{_BASES})")
# 上年同期,全区共办理…N件: the period opens the sentence in a clause of its own
_PERIOD_CLAUSE_RE = re.compile(rf"\s*{_BASES}\s*,")
_REVISED_RE = re.compile(r"修订|修正|调整后|核实后|核定|快报|初步统计")
_ALONE_REACH = 24  # characters of change words a change naming no value opens its sentence with
_MAX_BACK = 12
_WORDS_REACH = 60  # characters before (and after) a value its words are looked for in  # figures looked at before the change: bounded on one-line documents


def is_quantity(figure: Figure) -> bool:
    return figure.kind in QUANTITY_KINDS and figure.exact and bool(figure.unit) and figure.value > 0


def same_unit(a: Figure, b: Figure) -> bool:
    return a.base_unit == b.base_unit and a.kind == b.kind


def rates_after_a_value(text, figures, claimed: set[int]) -> Iterator[tuple[Figure, Figure, int]]:
    """Each percent not yet claimed whose figure just before it, in its sentence, is a quantity:
    the rate, that value and the sentence's start (…M,增长p% / …M,上年为N,增长p%)."""
    for stated in figures:
        if stated.kind != "percent" or stated.index in claimed or not stated.index:
            continue
        old = figures[stated.index - 1]
        sentence_start, _ = text.sentence_span(stated.start)
        if old.start >= sentence_start and is_quantity(old):
            yield stated, old, sentence_start


def spread_changes(text, figures, claimed: set[int]) -> list[tuple[Figure, Figure, Figure, str]]:
    """(old, new, stated change, its word) for each change that opens its own sentence."""

    norm = text.norm
    found = []
    for stated in figures:
        if stated.kind != "percent" or stated.index in claimed:
            continue
        sentence_start, _ = text.sentence_span(stated.start)
        if stated.number_start - sentence_start > _ALONE_REACH:
            continue
        says = _ALONE_CHANGE_RE.match(norm[sentence_start : stated.number_start])
        if says is None:
            continue
        ahead = _pair_in_next_sentence(text, figures, stated, says)
        if ahead is not None:  # 事故起数同比下降p%。全年共发生事故M起,去年同期为N起。
            found.append((*ahead, stated, says.group("word") or says.group("rate")))
            continue
        if not sentence_start or not stated.index:
            continue
        last = figures[stated.index - 1]
        if last.start >= sentence_start or not is_quantity(last):
            continue
        previous_start = text.previous_sentence_start(sentence_start)
        if last.start < previous_start or not _ends_its_sentence(norm, last, sentence_start):
            continue
        pair = _pair_in_sentence(text, figures, last, previous_start)
        if pair is None:
            year = says.group("year") or says.group("with_year") or ""
            if label_of(text, last, previous_start) == "now":
                old = (base_in_sentence_before(text, figures, last, previous_start, year)
                       or (None if year else _base_in_next_sentence(text, figures, last, stated)))
                new = last
            else:  # 全县…12.46亿元。上年为10.38亿元。同比增长p%
                old, new = last, now_in_sentence_before(text, figures, last, previous_start)
            if old is None or new is None or not same_period(text, old, new):
                continue
        else:
            old, new = pair
        if says.group("name") and not named_as(says.group("name"), text, old, new):
            continue  # 其中农村快递同比增长p%: the change of a part, or of another metric
        year = says.group("year") or says.group("with_year")
        if year and year not in _YEAR_NUMBER_RE.findall(words_before(text, old, text.sentence_span(old.start)[0])):
            continue  # 较2023年增长p%: the base must be 2023's
        old_start, old_end = text.sentence_span(old.start)
        if _REVISED_RE.search(norm, max(old_start, old.number_start - _WORDS_REACH), min(old_end, old.end + _WORDS_REACH)):
            continue
        if not plain_value(text, new) or not plain_value(text, old):
            continue
        found.append((old, new, stated, says.group("word") or says.group("rate")))
    return found


_TRAILING_RE = re.compile(r"[^\d]{0,12}")
_RATE_ENDS_RE = re.compile(r"\s*(?:[。;]|$)")
_MEASURE_TAIL_RE = re.compile(r"(?:总数|数量|总量|总额|人数|人次)$")


def _pair_in_next_sentence(text, figures, stated: Figure, says: re.Match) -> tuple[Figure, Figure] | None:
    """道路交通事故起数同比下降24.9%。全年共发生道路交通事故110起,去年同期为147起。: a change that
    is its whole sentence, naming its metric, read with the sentence after it when that sentence
    holds exactly the metric's value and its base (said to be last year's), named alike. The
    sentence before must not end on a value of that unit (the change would then be read as its)."""
    name = says.group("name")
    if not name or says.group("year") or says.group("with_year"):
        return None
    norm = text.norm
    _, sentence_end = text.sentence_span(stated.start)
    if not _RATE_ENDS_RE.match(norm, stated.end) or stated.index + 2 >= len(figures):
        return None
    first = figures[stated.index + 1]
    next_start, next_end = text.sentence_span(first.start)
    if next_start != sentence_end + 1 or not is_quantity(first):
        return None
    pair = None
    alike = [f for f in figures[stated.index + 1 : stated.index + 1 + _MAX_BACK] if f.start < next_end and same_unit(f, first)]
    if len(alike) == 2:
        pair = _pair_in_sentence(text, figures, alike[-1], next_start)
    if pair is None:
        return None
    # 事故起数 names the events counted in 起 (…发生事故110起): the measure word and 数 go
    unit = first.base_unit
    name = name[: -len(unit) - 1] if first.kind == "count" and unit and name.endswith(unit + "数") else _MEASURE_TAIL_RE.sub("", name)
    if not named_as(name, text, *pair):
        return None
    if stated.index:
        before = figures[stated.index - 1]
        previous_start = text.previous_sentence_start(text.sentence_span(stated.start)[0])
        if before.start >= previous_start and same_unit(before, first) and _ends_its_sentence(norm, before, text.sentence_span(stated.start)[0]):
            return None
    if not same_period(text, *pair) or not plain_value(text, pair[0]) or not plain_value(text, pair[1]):
        return None
    return pair


def _ends_its_sentence(norm: str, figure: Figure, sentence_end: int) -> bool:
    """Nothing but a few words (件, 次) between the value and the end of its sentence."""
    return _TRAILING_RE.fullmatch(norm, figure.end, max(figure.end, sentence_end - 1)) is not None


def words_before(text, figure: Figure, floor: int) -> str:
    """The words of a value's clause before it (bounded: a clause may run a whole line)."""
    start = max(text.clause_span(figure.start)[0], floor, figure.number_start - _WORDS_REACH)
    return text.norm[start : figure.number_start]


def label_of(text, figure: Figure, sentence_start: int) -> str:
    """"base" for a value said to be last year's (上年为N, 去年同期N), "now" otherwise."""
    norm = text.norm
    clause_start = max(text.clause_span(figure.start)[0], sentence_start)
    head = words_before(text, figure, sentence_start)
    if any(m.group("base") for m in _BASE_LABEL_RE.finditer(head)):
        return "base"
    opening = _PERIOD_CLAUSE_RE.match(norm, sentence_start)
    if opening is not None and opening.end() >= clause_start - 1:
        return "base"
    return "now"


def _pair_in_sentence(text, figures, last: Figure, sentence_start: int) -> tuple[Figure, Figure] | None:
    """今年M,上年为N / 去年N,今年M: the two values of last's unit in its sentence, one of them
    said to be last year's; None unless exactly two such values stand there."""
    alike = []
    for index in range(last.index, max(-1, last.index - _MAX_BACK), -1):
        figure = figures[index]
        if figure.start < sentence_start:
            break
        if same_unit(figure, last):
            alike.append(figure)
    if len(alike) != 2 or not all(f.exact for f in alike):
        return None
    labels = [label_of(text, f, sentence_start) for f in alike]
    if sorted(labels) != ["base", "now"]:
        return None
    old, new = (alike[0], alike[1]) if labels[0] == "base" else (alike[1], alike[0])
    norm = text.norm
    old_head, new_head = words_before(text, old, sentence_start), words_before(text, new, sentence_start)
    if not names_alike(old_head, new_head) or not same_period(text, old, new):
        return None
    return old, new


def base_in_sentence_before(text, figures, new: Figure, sentence_start: int, year: str = "") -> Figure | None:
    """The one value of new's unit in the sentence before new's (or the one before that, when
    the sentence between holds none of the unit), said to be last year's (上年为N, 上年同期,…N)
    or the year before the one new's sentence names."""
    if not sentence_start:
        return None
    previous_start = text.previous_sentence_start(sentence_start)
    floor = text.previous_sentence_start(previous_start) if previous_start else 0
    norm = text.norm
    candidates = []
    for index in range(new.index - 1, max(-1, new.index - 1 - _MAX_BACK), -1):
        figure = figures[index]
        if figure.start >= sentence_start:
            if same_unit(figure, new):
                return None  # another value of its unit before it in its own sentence
            continue
        if figure.start < previous_start:
            if candidates or figure.start < floor:
                break
            previous_start = text.sentence_span(figure.start)[0]  # the sentence between holds none of the unit
        if same_unit(figure, new):
            candidates.append(figure)
    if len(candidates) != 1 or not candidates[0].exact:
        return None
    base = candidates[0]
    base_head = words_before(text, base, previous_start)
    new_words = norm[max(sentence_start, new.number_start - _WORDS_REACH) : new.number_start]
    if year:  # 较2023年增长p%: the base names 2023
        if year not in _YEAR_NUMBER_RE.findall(base_head):
            return None
    elif label_of(text, base, previous_start) != "base" and not year_before(base_head, new_words):
        return None
    return base if names_alike(base_head, words_before(text, new, sentence_start)) else None


# 上年为N。 / 去年同期全市快递业务量为N。: a base opening the sentence after the change
_NEXT_BASE_RE = re.compile(rf"\s*{_BASES}(?:全年)?(?P<name>[\u4e00-\u9fff]{{0,10}}?)(?:为|是|:)?\s*")


def _base_in_next_sentence(text, figures, new: Figure, stated: Figure) -> Figure | None:
    """今年完成N亿件。同比增长p%。上年为M亿件。: the base the sentence after the change opens with."""
    return base_opening_next_sentence(text, figures, new, stated.index + 1, text.sentence_span(stated.start)[1])


def base_opening_next_sentence(text, figures, new: Figure, index: int, sentence_end: int) -> Figure | None:
    """The value figures[index] when it is last year's opening the sentence after sentence_end."""
    if index >= len(figures):
        return None
    old = figures[index]
    if text.norm[sentence_end : sentence_end + 1] not in ("。", ";") or not same_unit(old, new) or not is_quantity(old):
        return None
    opening = _NEXT_BASE_RE.fullmatch(text.norm, sentence_end + 1, old.number_start)
    if opening is None or not _ends_its_sentence(text.norm, old, text.sentence_span(old.start)[1] + 1):
        return None
    name = opening.group("name")
    if name and not named_as(name, text, new):
        return None
    return old


def named_as(name: str, text, *figures: Figure) -> bool:
    """快递业务量 for 上年全市快递业务量为N: a name found whole among the words of the
    values given (农村快递业务量 names a part, 冷库面积 another metric)."""
    core = _NAME_NOISE_RE.sub("", name)
    if len(core) < 2:
        return not name.startswith(("其中", "其", "含"))
    return any(_in_order(core, words_before(text, f, text.sentence_span(f.start)[0])) for f in figures)


def _in_order(core: str, words: str) -> bool:
    """新增就业 within 新增城镇就业: every character of the name, in its order, among the words."""
    remaining = iter(words)
    return all(character in remaining for character in core)


def now_in_sentence_before(text, figures, base: Figure, sentence_start: int) -> Figure | None:
    """全县一般公共预算收入12.46亿元。上年为10.38亿元: the one value of the base's unit in the
    sentence before the base's, not itself said to be last year's."""
    if not sentence_start:
        return None
    previous_start = text.previous_sentence_start(sentence_start)
    candidates = []
    for index in range(base.index - 1, max(-1, base.index - 1 - _MAX_BACK), -1):
        figure = figures[index]
        if figure.start >= sentence_start:
            if same_unit(figure, base):
                return None
            continue
        if figure.start < previous_start:
            break
        if same_unit(figure, base):
            candidates.append(figure)
    if len(candidates) != 1 or not is_quantity(candidates[0]) or label_of(text, candidates[0], previous_start) != "now":
        return None
    new = candidates[0]
    if not _ends_its_sentence(text.norm, new, sentence_start):
        return None
    return new if names_alike(words_before(text, base, sentence_start), words_before(text, new, previous_start)) else None


def same_period(text, old: Figure, new: Figure) -> bool:
    """上年同期 for 1—6月, 上年 for 今年: not 上年 for 一季度."""
    norm = text.norm
    old_words = norm[max(text.sentence_span(old.start)[0], old.number_start - _WORDS_REACH) : old.number_start]
    new_words = norm[max(text.sentence_span(new.start)[0], new.number_start - _WORDS_REACH) : new.number_start]
    old_parts, new_parts = set(PART_OF_YEAR_RE.findall(old_words)), set(PART_OF_YEAR_RE.findall(new_words))
    if old_parts:
        return old_parts == new_parts
    return not new_parts or "同期" in old_words


def year_before(base_head: str, new_prefix: str) -> bool:
    """2023年门诊量为N。2024年门诊量M: the base is the year before the one the new value names."""
    base_year = _YEAR_NUMBER_RE.search(base_head)
    return bool(base_year) and any(int(y) == int(base_year.group(1)) + 1 for y in _YEAR_NUMBER_RE.findall(new_prefix))


_NAME_NOISE_RE = re.compile(rf"(?:19|20)\d{{2}}\s*年(?:底|末|初)?|{PART_OF_YEAR_RE.pattern}|(?:发展|增加|增长|提高|上升|提升|扩大|下降|减少|降低)(?:到|至)|[增降]至|到|{_BASES}|今年|本年|全年|全县|全市|全区|全镇|全乡|全省|我县|我市|我区|实现|完成|达到|累计|共|为|是|达|的|有|(?:这一|该|此|这个)(?:数字|数据|数值|指标|数)|[^\u4e00-\u9fff]")  # 上年这一数字为N: names nothing
# two-character words many metrics end with: 粮食总产量 and 蔬菜产量 share one and are two metrics
_MEASURE_BIGRAMS = frozenset({"产量", "总量", "数量", "总额", "金额", "收入", "人数", "面积", "规模", "总数", "产值", "总产"})


def names_alike(base_head: str, new_head: str) -> bool:
    """上年全县门诊量为 and 今年门诊量: one metric (a two-character word in
    common that is not only a measure word), or a base or a new value that
    names nothing (上年为, 今年完成)."""
    base_words = _NAME_NOISE_RE.sub("", base_head)
    if len(base_words) < 2 or len(_NAME_NOISE_RE.sub("", new_head)) < 2:
        return True
    shared = {base_words[i : i + 2] for i in range(len(base_words) - 1) if base_words[i : i + 2] in new_head}
    return bool(shared - _MEASURE_BIGRAMS)


# 2024年…552.7万人次,2023年为486.2万人次,增长p%: a base named by the year before the new value's
_YEAR_BASE_HEAD_RE = re.compile(r"[,;]\s*(?P<year>(?:19|20)\d{2})\s*年(?:全年)?(?:同期)?(?:为|是|:)?\s*$")
_YEAR_BASE_TAIL_RE = re.compile(
    rf"\s*[,]\s*(?:同比)?(?:(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?|(?P<rate>增幅|降幅|增长率|下降率)(?:为|达|达到|是)?)\s*"
)


def year_base_changes(text, figures, claimed: set[int], earlier_like) -> list[tuple[Figure, Figure, Figure, str]]:
    norm = text.norm
    found = []
    for stated, old, sentence_start in rates_after_a_value(text, figures, claimed):
        if stated.number_start - old.end > _ALONE_REACH:
            continue
        tail = _YEAR_BASE_TAIL_RE.fullmatch(norm, old.end, stated.number_start)
        head = tail and _YEAR_BASE_HEAD_RE.search(norm, max(sentence_start, old.number_start - 16), old.number_start)
        new = earlier_like[old.index]
        if not head or new is None or new.start < sentence_start or not is_quantity(new) or not same_unit(new, old):
            continue
        new_years = _YEAR_NUMBER_RE.findall(norm[max(sentence_start, new.number_start - _WORDS_REACH) : new.number_start])
        if not new_years or int(new_years[-1]) != int(head.group("year")) + 1:
            continue
        found.append((old, new, stated, tail.group("word") or tail.group("rate")))
    return found


# 同比增长p%,达到M(上年N) / 比上年增长p%,达M,上年为N: the change first, then the value and its base
_CHANGE_BEFORE_RE = re.compile(
    rf"(?:同比|(?:比|较){_BASES}|与{_BASES}相比\s*,?\s*[\u4e00-\u9fff]{{0,14}}?)?\s*(?:(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?|(?P<rate>增幅|增速|增长率|降幅)(?:为|达|达到)?)\s*$"
)
VALUE_AFTER_RE = re.compile(r"\s*,\s*(?:今年|全年|本年|当年)?(?:总量|规模|总额|总数)?(?:达到|达|为|增至|降至|增加到|减少到|实现|完成|共)?\s*")
BASE_AFTER_VALUE_RE = re.compile(rf"\s*(?:(?P<open>\()|,)\s*{_BASES}(?:为|是|:)?\s*")
_BASE_AFTER_SEMICOLON_RE = re.compile(rf"(?P<open>(?!))?\s*;\s*{_BASES}(?:为|是|:)?\s*")


def changes_stated_first(text, figures, claimed: set[int]) -> list[tuple[Figure, Figure, Figure, str]]:
    """增长8.2%,达1 286件(上年1 152件) / 同比下降p%,全年…N,上年同期为M: the change said before the
    value and the base named after it (the base's 上年 says what the change compares, 同比 or not)."""
    norm = text.norm
    found = []
    for stated in figures:
        if stated.kind != "percent" or stated.index in claimed or stated.index + 1 >= len(figures):
            continue
        sentence_start, sentence_end = text.sentence_span(stated.start)
        says = _CHANGE_BEFORE_RE.search(norm, max(sentence_start, stated.number_start - _ALONE_REACH), stated.number_start)
        if says is None:
            continue
        before = _base_bracketed_before(text, figures, stated, says, sentence_start, sentence_end)
        if before is not None:  # 营业收入(上年77178万元)比上年下降p%,降至M
            found.append((*before, stated, says.group("word") or says.group("rate")))
            continue
        if stated.index + 2 >= len(figures):
            continue
        new, old = figures[stated.index + 1], figures[stated.index + 2]
        if norm[sentence_end : sentence_end + 1] == ";" and new.start < sentence_end <= old.start:
            sentence_end = text.sentence_span(sentence_end + 1)[1]  # …达到4.01亿元;上年同期为3.55亿元: ; joins the base
        if old.start >= sentence_end or not is_quantity(new) or not is_quantity(old) or not same_unit(new, old):
            continue
        if not VALUE_AFTER_RE.fullmatch(norm, stated.end, new.number_start) and not (
                _opens_its_clause(norm, says.start(), sentence_start)
                and _NAMED_VALUE_AFTER_RE.fullmatch(norm, stated.end, new.number_start)):
            continue
        base = BASE_AFTER_VALUE_RE.fullmatch(norm, new.end, old.number_start) or _BASE_AFTER_SEMICOLON_RE.fullmatch(norm, new.end, old.number_start)
        if base is None or not closes_base(norm, old, bool(base.group("open"))):
            continue
        found.append((old, new, stated, says.group("word") or says.group("rate")))
    return found


_BRACKET_BASE_BEFORE_RE = re.compile(rf"\(\s*{_BASES}(?:为|是|:)?\s*$")
_BRACKET_CLOSE_RE = re.compile(r"\s*\)\s*")


def _base_bracketed_before(text, figures, stated: Figure, says: re.Match, sentence_start: int, sentence_end: int):
    """开展教研活动(上年96次)比上年增长p%,达到124次: the base in a bracket right before the change, the
    value after it; (old, new) or None."""
    if not stated.index or stated.index + 1 >= len(figures):
        return None
    norm = text.norm
    old, new = figures[stated.index - 1], figures[stated.index + 1]
    if old.start < sentence_start or new.start >= sentence_end or not is_quantity(old) or not is_quantity(new) \
            or not same_unit(old, new):
        return None
    if not _BRACKET_BASE_BEFORE_RE.search(norm, max(sentence_start, old.number_start - 12), old.number_start) \
            or not _BRACKET_CLOSE_RE.fullmatch(norm, old.end, says.start()):
        return None
    if not VALUE_AFTER_RE.fullmatch(norm, stated.end, new.number_start) or not closes_base(norm, new, False):
        return None
    return old, new


# 同比下降12.6%,全年共发生道路交通事故286起,上年同期为318起: a change that opens its sentence
# speaks of the value named after it
_NAMED_VALUE_AFTER_RE = re.compile(
    r"\s*,\s*(?:今年|全年|本年|当年)?(?:全县|全市|全区|全镇|全乡|全省)?(?!其中)[\u4e00-\u9fff]{0,14}?"
    r"(?:达到|达|为|增至|降至|增加到|减少到|实现|完成|共|发生|有)?\s*")


def _opens_its_clause(norm: str, position: int, sentence_start: int) -> bool:
    """Nothing but blanks (or a comma) between the sentence's start and position."""
    return position - sentence_start <= 4 and not norm[sentence_start:position].strip(" ,\n\t")


def closes_base(norm: str, old: Figure, bracketed: bool) -> bool:
    """(上年N) closed by its bracket; ,上年为N ending its clause."""
    after = norm[old.end : old.end + 1]
    return after == ")" if bracketed else after in (",", "。", ";", "")


# 增长12.1%,由上年的29.8万人次增至32.6万人次: the change said before its from/to values
_STATED_BEFORE_FROM_RE = re.compile(r"\s*,\s*(?:由|从)")
_WORD_BEFORE_STATED_RE = re.compile(
    rf"(?:(?P<word>{DIRECTION_VERB_ALTERNATIVES})了?|(?P<rate>增幅|增速|增长率|降幅)(?:为|达|达到)?)\s*$"
)


def stated_before_from(text, figures, old: Figure) -> tuple[Figure | None, str]:
    """The percent change right before 由/从 old, said with its direction word; (None, "") if none."""
    if not old.index:
        return None, ""
    stated = figures[old.index - 1]
    sentence_start, _ = text.sentence_span(old.start)
    norm = text.norm
    if stated.kind != "percent" or stated.start < sentence_start or old.number_start - stated.end > 12:
        return None, ""
    if not _STATED_BEFORE_FROM_RE.match(norm, stated.end) or _STATED_BEFORE_FROM_RE.match(norm, stated.end).end() > old.number_start:
        return None, ""
    says = _WORD_BEFORE_STATED_RE.search(norm, max(sentence_start, stated.number_start - 8), stated.number_start)
    if says is None:
        return None, ""
    return stated, says.group("word") or says.group("rate")


_WHOLE_YEAR_BASE_RE = re.compile(r"(?:上年|去年|上一年)(?!同期)")


def part_against_whole(text, old: Figure, new: Figure) -> bool:
    """一季度…M against 上年为N / 上年全年为N: a part of this year against the whole of the last;
    not 去年同期, nor a base naming the same part (上年1—9月)."""
    norm = text.norm
    new_words = norm[max(text.sentence_span(new.start)[0], new.number_start - _WORDS_REACH) : new.number_start]
    new_parts = set(PART_OF_YEAR_RE.findall(new_words))
    if not new_parts or old.derived:
        return False
    old_words = words_before(text, old, text.sentence_span(old.start)[0])
    if "同期" in old_words or set(PART_OF_YEAR_RE.findall(old_words)) == new_parts:
        return False
    return bool(_WHOLE_YEAR_BASE_RE.search(old_words))


# 减产2.1万吨 / 净增1.2亿件 / 预计完成…: a difference or a target, not the value of the year (新增 names
# a metric as often: 上年新增3 920人)
_NOT_THE_VALUE_RE = re.compile(
    r"(?:增加|减少|增长|下降|提高|降低|增产|减产|增收|减收|净增|净减|多|少)了?\s*$|计划|预计|力争|目标|预期|争取|确保"
)


def plain_value(text, figure: Figure) -> bool:
    """A value as stated for its period: not a difference (减产2.1万吨), not a target (预计完成…)."""
    return not _NOT_THE_VALUE_RE.search(words_before(text, figure, text.sentence_span(figure.start)[0]))
