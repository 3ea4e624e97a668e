"""RT002: a ratio written 1:N or N:1 against the two quantities it is of.

新增创业主体1 120户,带动就业3 150人,创业带动就业比为1:3.4: 3150/1120 is 2.81,
not 3.4. 城乡居民收入比2.05:1 against the two incomes stated before it. The
ratio's term other than 1 is the interval of its rounding (and truncation):
1:3 allows 2.45 to 4, so 2.9 to one is 1:3. Either order of the two
quantities is a reading (the larger over the smaller is what a 1:N with N ≥ 1
says, the smaller over the larger one with N < 1), each quantity an interval
of its own rounding.

The two quantities are those of the ratio's sentence (or, with fewer than two
there, of the sentence before: a warning) that the ratio's name speaks of
(创业 and 就业 in 创业带动就业比, 医 and 护 in 医护比), of one kind (two counts,
or money in one currency), neither a change (比上年增加…). Any two of them
that give the ratio make it consistent; with more than two, and none giving
it, nothing is said: which two is not known.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from auditor.arith import ratio_representative, rate_interval, shown
from auditor.checks.base import Check
from auditor.checks.common import as_written, first_figure_at
from auditor.extract import Figure
from auditor.model import Hit
from auditor.prospect import spoken_of_as_to_come
from auditor.relate import _words_before as relate_words_before

# 比为1:3.4 / 之比是2.05:1 / 收入比缩小到1.92:1; never three terms (25:45:30) nor a time (10:30)
_COLON_RATIO_RE = re.compile(
    r"比(?:例|值)?(?:为|是|达|达到|约为|保持在|缩小[到至]|缩小为|降[到至]|下降[到至]|调整[到至]|优化[到至])?\s*"
    r"(?P<a>\d+(?:\.\d+)?)\s*:\s*(?P<b>\d{1,3}(?: \d{3})+(?![\d.])|\d+(?:\.\d+)?)(?!\s*:\s*\d|\d|\.\d)")
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,16}$")
_CHANGE_RE = re.compile(r"(?:增加|减少|增长|下降|提高|降低|比上年|较上年|同比)[^,。;]{0,6}$")
_WHOLE_RE = re.compile(r"全体|全(?:市|县|区|省|镇|乡|国)(?:居民|人均)")
_GENERIC = frozenset({"居民", "全县", "全市", "全区", "全年", "今年", "人均", "年度", "工作", "新增", "累计", "比例"})
_QUANTITY_KINDS = ("count", "money")
_MAX_LOOKBACK = 12  # figures before the ratio looked at
_WORDS_REACH = 24


def _name_words(name: str) -> tuple[set[str], set[str]]:
    """The pairs of characters of the ratio's name, and for a short name
    (医护比, 师生比) its characters: what a quantity's words must share."""
    pairs = {name[i : i + 2] for i in range(len(name) - 1)} - _GENERIC
    return pairs, set(name) if len(name) <= 3 else set()


def _named(words: str, pairs: set[str], chars: set[str]) -> bool:
    return any(p in words for p in pairs) or any(c in words for c in chars)


def _covers(first: str, second: str, sides: str) -> bool:
    return sides[0] in first and sides[1] in second or sides[1] in first and sides[0] in second


_ELLIPTIC_WORDS_RE = re.compile(r"\s*[\u4e00-\u9fff]{2,6}(?:为|达|是)?\s*")
_YEAR_WORDS_RE = re.compile(r"(?:19|20)\d{2}\s*年|上年|去年|上一年|前年|今年|当年")


def _clause_words(text, figure: Figure) -> str:
    clause_start, _ = text.clause_span(figure.start)
    return text.norm[clause_start : figure.number_start]


def _year_words(text, figure: Figure) -> str:
    """The year a quantity's clause names ("" for none, as most do)."""
    found = _YEAR_WORDS_RE.findall(_clause_words(text, figure))
    year = found[-1].replace(" ", "") if found else ""
    return "" if year in ("今年", "当年") else year


def _words_before(text, figure: Figure) -> str:
    return relate_words_before(text, figure, _WORDS_REACH)


def _quantities(analysis, start: int, end: int, before: int, kinds: tuple[str, ...] = _QUANTITY_KINDS) -> list[Figure]:
    """Exact positive counts and money (or `kinds`) from `start` up to `end`, among the figures before index `before`."""
    figures = analysis.figures
    found = []
    for figure in figures[max(0, before - _MAX_LOOKBACK) : before]:
        if start <= figure.start < end and figure.kind in kinds and figure.exact and figure.unit and figure.value > 0:
            found.append(figure)
    return found


# 抢修人员与线路长度之比: two named quantities, each its own side, of any kinds
_SIDES_RE = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,8}?)(?:与|和|同|对)(?P<b>[\u4e00-\u9fff]{2,8}?)(?:之)?$")
_SIDE_KINDS = ("count", "money", "area", "length", "weight", "volume", "energy")


def _side_pairs(side: str) -> set[str]:
    return {side[i : i + 2] for i in range(len(side) - 1)} - _GENERIC


def _named_sides(text, quantities: list[Figure], name: str) -> tuple[Figure, Figure] | None:
    """The one quantity each side of 甲与乙之比 names best (most pairs of its characters in the
    quantity's words); None when a side names none, or two alike."""
    sides = _SIDES_RE.search(name)
    if sides is None:
        return None
    chosen = []
    for side in (sides.group("a"), sides.group("b")):
        pairs = _side_pairs(side)
        scored = sorted(((sum(p in _words_before(text, q) for p in pairs), q.index, q) for q in quantities), key=lambda t: (-t[0], -t[1]))
        if not scored or scored[0][0] == 0 or len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][2].value != scored[0][2].value:
            return None
        chosen.append(scored[0][2])
    return (chosen[0], chosen[1]) if chosen[0] is not chosen[1] else None


def _same_kind(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and (a.kind == "count" or a.base_unit == b.base_unit)


def _term(written: str) -> tuple[Fraction, Fraction]:
    decimals = len(written.split(".")[1]) if "." in written else 0
    return rate_interval(Decimal(written), decimals)


def _interval(figure: Figure) -> tuple[Fraction, Fraction]:
    from auditor.relate import quantity_interval

    return quantity_interval(figure)


def _gives(larger: Figure, smaller: Figure, target: tuple[Fraction, Fraction]) -> Fraction | None:
    """larger/smaller at the value of their intervals closest to target; None if it is inside."""
    closest = ratio_representative(_interval(larger), _interval(smaller), target, 1)
    if closest is None:
        return None
    return None if target[0] <= closest < target[1] else closest


# 城乡收入比为1.72: a ratio of two incomes written as one number, N to one
_BARE_RATIO_RE = re.compile(
    r"(?<=收入|消费|支出|工资)(?:之)?比(?:值)?(?:为|是|达|达到|缩小[到至]|缩小为|降[到至]|下降[到至])?\s*"
    r"(?P<a>\d+\.\d+)(?P<b>)(?![\d.%‰倍:∶]|\s*[:∶]|个百分点)")


_APPROXIMATE_RE = re.compile(r"(?:约|大约|近|左右)(?:为|是)?\s*$")


def _loosened(written: str, target: tuple[Fraction, Fraction]) -> tuple[Fraction, Fraction]:
    decimals = len(written.split(".")[1]) if "." in written else 0
    unit = Fraction(1, 10**decimals)
    return max(Fraction(0), target[0] - unit), target[1] + unit


_COUNTS_NAMED_RE = re.compile(r"(?:户|人|个|件|次|家|所|项)数")


def colon_ratios(analysis, rule):
    text = analysis.text
    norm = text.norm
    if "比" not in norm:
        return
    for match in _BARE_RATIO_RE.finditer(norm):
        other = match.group("a")
        target = _term(other)
        if target[0] < 1:
            continue  # 0.58: which of the two is over which is not said
        hit = _judge(analysis, match, other, target, larger_first=True)
        if hit is not None:
            yield hit
    if ":" not in norm:
        return
    for match in _COLON_RATIO_RE.finditer(norm):
        a, b = match.group("a"), match.group("b").replace(" ", "")  # 1:1 490: thousands spaced out
        if (a == "1") == (b == "1"):
            continue  # 1:1, or two terms neither of them one (3:2): not read
        other = b if a == "1" else a
        target = _term(other)
        if _APPROXIMATE_RE.search(norm, max(0, match.start() - 2), match.start("a")):
            target = _loosened(other, target)  # 约为1:62: a unit of the last place either side
        if target[0] <= 0:
            continue
        hit = _judge(analysis, match, other, target, larger_first=a != "1")
        if hit is not None:
            yield hit


_URBAN_RE = re.compile(r"城镇|城市|城区")
_MEASURE_RE = re.compile(r"收入|消费|支出|存款|储蓄|工资|住房|面积|产值")
_RURAL_RE = re.compile(r"农村|乡村|农民")


def _urban_rural(text, quantities: list[Figure]) -> list[Figure] | None:
    """The one towns' figure and the one villages' figure among quantities of one unit."""
    urban = [q for q in quantities if _URBAN_RE.search(_words_before(text, q)) and not _RURAL_RE.search(_words_before(text, q))]
    rural = [q for q in quantities if _RURAL_RE.search(_words_before(text, q)) and not _URBAN_RE.search(_words_before(text, q))]
    if len(urban) != 1 or len(rural) != 1 or urban[0].base_unit != rural[0].base_unit:
        return None
    return sorted(urban + rural, key=lambda q: q.index)


def _judge(analysis, match: re.Match, other: str, target, larger_first: bool) -> Hit | None:
    text, figures = analysis.text, analysis.figures
    if spoken_of_as_to_come(text, match.start()):
        return None  # 计划到2025年医护比达到1:1.5: a target
    clause_start, _ = text.clause_span(match.start())
    named = _NAME_RE.search(text.norm, max(clause_start, match.start() - 16), match.start())
    if named is None:
        return None
    name = named.group().removesuffix("之")  # 两者之比
    pairs, chars = _name_words(name.removesuffix("的"))
    before = first_figure_at(figures, named.start())
    sentence_start, _ = text.sentence_span(match.start("a"))
    inferred = False
    if _SIDES_RE.search(name):
        sided = _sided(analysis, name, sentence_start, named.start(), before)
        if sided is not None:
            (first, second), inferred = sided
            return _judge_pair(analysis, match, other, target, larger_first, name, first, second, inferred)
    quantities = _quantities(analysis, sentence_start, named.start(), before)
    if len(quantities) < 2:
        previous_start = text.previous_sentence_start(sentence_start)
        if "其中" in text.norm[text.line_span(previous_start)[0] : sentence_start]:  # its line: ; splits sentences
            return None  # 其中小学生…,初中生…。现有专任教师…,生师比…: the whole the ratio needs is further back
        quantities = _quantities(analysis, previous_start, named.start(), before)
        inferred = True
        if len(quantities) < 2 and previous_start:
            # 开放床位820张。在岗护士402名。床护比为1:0.6: one figure a sentence, two sentences back
            earlier = text.previous_sentence_start(previous_start)
            if "其中" not in text.norm[earlier:previous_start]:
                quantities = _quantities(analysis, earlier, named.start(), before)
    named_ones = [q for q in quantities if _named(_words_before(text, q), pairs, chars) and not _CHANGE_RE.search(_words_before(text, q))]
    if "城乡" in name:
        # 城乡居民收入比为1.92 after 城镇居民43 518元…;农村居民21 476元: 城 is the towns' side, 乡 the villages'
        sides = _urban_rural(text, quantities)
        if sides is not None and any(_MEASURE_RE.search(_words_before(text, q)) and not any(
                measure in name for measure in _MEASURE_RE.findall(_words_before(text, q))) for q in sides):
            sides = None  # 城镇居民人均消费支出…,农村居民…: another measure than the ratio's (收入比)
        if sides is None:
            return None  # (农村居民…收入24 310元,人均消费支出19 800元: no towns' figure among them)
        named_ones = sides
    # 城镇居民人均可支配收入46 210元,农村居民24 380元: the second names only whose it is
    elliptic = [q for q, previous in zip(quantities[1:], quantities) if previous in named_ones and q not in named_ones
                and _same_kind(q, previous) and q.base_unit == previous.base_unit and _ELLIPTIC_WORDS_RE.fullmatch(_clause_words(text, q))]
    quantities = [q for q in quantities if q in named_ones or q in elliptic]
    if _COUNTS_NAMED_RE.search(name):
        quantities = [q for q in quantities if q.kind == "count"]  # 办结户数与申请户数之比: counts, not the money paid
    if len({_year_words(text, q) for q in quantities}) > 1:
        return None  # 2023年城镇…,2022年农村…: values of two years
    if len(quantities) > 2:
        quantities = [q for q in quantities if not _WHOLE_RE.search(_words_before(text, q))]
    if len(quantities) < 2:
        return None
    candidates = [(x, y) for i, x in enumerate(quantities) for y in quantities[i + 1 :] if _same_kind(x, y) or x.kind == y.kind == "count"]
    core = name.removesuffix("的")
    if len(core) == 2:  # 生师比: one figure the students', the other the teachers' (专任教师…,外聘教师… are neither pair)
        candidates = [(x, y) for x, y in candidates if _covers(_words_before(text, x), _words_before(text, y), core)]
    if not candidates:
        return None
    misses = []
    for x, y in candidates:
        larger, smaller = (x, y) if x.value >= y.value else (y, x)
        big_over_small = _gives(larger, smaller, target)
        small_over_big = _gives(smaller, larger, target)
        if big_over_small is None or small_over_big is None:
            return None  # some reading gives the stated ratio
        misses.append((larger, smaller))
    if len(misses) != 1:
        return None
    larger, smaller = misses[0]
    return _hit(analysis, match, other, larger_first, name, larger, smaller, inferred)


def _sided(analysis, name: str, sentence_start: int, name_start: int, before: int):
    """The two sides of 甲与乙之比 in the ratio's sentence, else with the sentence before, else two before (a warning)."""
    text = analysis.text
    start = sentence_start
    for step in range(3):
        if step:
            if not start:
                return None
            start = text.previous_sentence_start(start)
        quantities = _quantities(analysis, start, name_start, before, _SIDE_KINDS)
        quantities = [q for q in quantities if not _CHANGE_RE.search(_words_before(text, q))]
        pair = _named_sides(text, quantities, name) if len(quantities) >= 2 else None
        if pair is not None:
            return pair, step > 0
    return None


def _judge_pair(analysis, match: re.Match, other: str, target, larger_first: bool, name: str,
                first: Figure, second: Figure, inferred: bool) -> Hit | None:
    """Either order of the two sides: any that gives the stated ratio keeps it silent."""
    if _year_words(analysis.text, first) != _year_words(analysis.text, second):
        return None
    larger, smaller = (first, second) if first.value >= second.value else (second, first)
    if _gives(larger, smaller, target) is None or _gives(smaller, larger, target) is None:
        return None
    return _hit(analysis, match, other, larger_first, name, larger, smaller, inferred)


def _hit(analysis, match: re.Match, other: str, larger_first: bool, name: str, larger: Figure, smaller: Figure,
         inferred: bool) -> Hit:
    text = analysis.text
    stated_value = Fraction(Decimal(other))
    # the quantities in the order the ratio is written: 1:N with N ≥ 1 is smaller:larger
    first, second = (larger, smaller) if (stated_value >= 1) == larger_first else (smaller, larger)
    exact = Fraction(larger.value) / Fraction(smaller.value) if (stated_value >= 1) else Fraction(smaller.value) / Fraction(larger.value)
    decimals = max(2, len(other.split(".")[1]) + 1 if "." in other else 1)
    recomputed = shown(exact, decimals)
    original = text.original
    shown_ratio = recomputed if not match.group("b") else f"{recomputed}∶1" if larger_first else f"1∶{recomputed}"
    stated = original[match.start("a") : match.end("b")]
    return Hit(
        match.start("a"),
        match.end("b"),
        {"metric": name + "比", "stated": stated, "first": as_written(analysis, first), "second": as_written(analysis, second),
         "recomputed": shown_ratio},
        {"stated": [match.group("a"), match.group("b")], "first": first.value, "second": second.value, "recomputed": recomputed},
        related=((first.start, first.end), (second.start, second.end)),
        severity="warning" if inferred else "",
    )


CHECKS = (Check("colon_ratio", colon_ratios, provides=frozenset({"metric", "stated", "first", "second", "recomputed"})),)
