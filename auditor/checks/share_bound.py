"""SH004: a share stated as a bound or in words against its part and whole.

全区家庭农场86家,其中示范家庭农场23家,占比超过三成: 23/86 is 26.74%, not over 30%.
The share is words (三成, 过半, 半数以上, 四分之一) or a percent under a bound
(不低于40%, 超过30%, 不足两成) that the ratio reader leaves alone. Its part is the
quantity just before it; its whole the larger quantity of that unit before the
part with 其中 between them (全区…86家,其中…23家). Any smaller-over-larger pair of
that unit in the sentence that meets the bound explains it. The whole may also
head a group (全县86个村中已有55个…,占比超过七成), end the sentence before one
that opens with 其中 (a warning), or the counts stand in a bracket right after
a rate (覆盖率不低于八成(24个街道中已有17个建成)). A target (确保, 到2025年) is
not a claim of what was done and is left alone.

Bounds: 超过/不低于/以上/过半 from below, 不足/不到/低于/以下 from above, each
with a margin of 2% of the bound (a writer rounds 29.6% to 三成); a bare 三成 is a
tenth rounded or truncated (25% to 40%). 近/接近/约/左右 are soft: only a share
far from them (under two thirds or over 1.1 times for 近, outside 0.8–1.2 times
for 约) is reported, and as a warning.
"""

from __future__ import annotations

import re
from fractions import Fraction

from auditor.arith import ratio_representative, shown
from auditor.checks.base import Check
from auditor.checks.common import as_written, first_figure_at
from auditor.extract import Figure
from auditor.model import Hit
from auditor.relate import _other_period as other_period

_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_SHARE_HEAD = (r"(?:占比|占(?P<whole>[^\d,。;:、]{0,12}?)的?(?:比重|比例)|占(?P<whole2>[^\d,。;:、]{0,12}?)的"
               r"|(?<![\u4e00-\u9fff])(?:比例|比重)|(?P<rate>[\u4e00-\u9fff]{1,8}(?:率|比例)))(?P<own>(?!))?(?:为|达|达到|是|已经|已)?")
_BOUND = (r"(?P<word>超过|超|不低于|不少于|高于|逾|达到|近|接近|将近|约|不足|不到|低于|少于)?"
          r"(?P<value>[一二两三四五六七八九]成|过半|半数|一半|[二三四五六七八九十]分之[一二三四五六七八九]|(?P<percent>\d+(?:\.\d+)?)%)"
          r"(?P<tail>以上|以下|左右|多)?(?![\d.%])")
_BOUND_RE = re.compile(_SHARE_HEAD + _BOUND)
# 其中开展集体协商的超过半数(…618家): a part named by its 的 and the bound, its count in a bracket after;
# scanned only where a bound in words stands (the 的 alone would be tried all over the text)
_OWN_BOUND_RE = re.compile(
    r"(?P<own>(?<=[\u4e00-\u9fff])的[\u4e00-\u9fff]{0,2}?)(?P<whole>(?!))?(?P<whole2>(?!))?(?P<rate>(?!))?"
    + _BOUND.replace("|(?P<percent>\\d+(?:\\.\\d+)?)%", "|(?P<percent>(?!))") + r"(?=\s*\()")
# 其中外出务工468人,外出务工人员过半: a bound in words after the part named again, no 占 at all
_SUBJECT_BOUND_RE = re.compile(
    r"[,,]\s*(?P<subject>[\u4e00-\u9fff]{2,10}?)(?P<own>(?!))?(?P<whole>(?!))?(?P<whole2>(?!))?(?P<rate>(?!))?(?:均|已经|已)?"
    + _BOUND.replace("|(?P<percent>\\d+(?:\\.\\d+)?)%", "|(?P<percent>(?!))") + r"(?=\s*[,,。;]|\s*$)")
_LOWER = ("超过", "超", "不低于", "不少于", "高于", "逾", "以上", "多")
_UPPER = ("不足", "不到", "低于", "少于", "以下")
_NEAR = ("近", "接近", "将近")
_ABOUT = ("约", "左右")
_MARGIN = Fraction(2, 100)
_QUANTITY_KINDS = ("count", "money", "area", "weight", "length", "number")
_MAX_LOOKBACK = 8
_GAP_RE = re.compile(r"\s*[,,]?\s*$")  # nothing between the part and its share: no other measure (营业收入占比)
_SCOPE_RE = re.compile(r"全[省市县区镇乡村国]|本[省市县区镇乡村]|[省市县区]级")
_GENERIC_PAIRS = frozenset({"全县", "全市", "全区", "全省", "全镇", "全乡", "总数", "总量"})
_WORDS_REACH = 24
# 全县86个村中已有55个: the whole a group head (N个X中) names, its part counted after it
# (286个建制村中,已开通公交化运营的有173个: the part's own words may follow the opener)
_AMONG_RE = re.compile(r"[^\d,。;]{0,12}?中\s*[,,]?\s*(?:(?:已有|已|有|共有|共|累计|其中)[^\d,。;]{0,20}|[^\d,。;]{0,20}?的有)")
_TARGET_RE = re.compile(r"确保|力争|争取|要求|目标|计划|预计|到20\d\d年|将|应|须|需")
_BRACKET_COUNTS_RE = re.compile(r"\s*\((?P<inner>[^()]{4,60})\)")
_PART_CLAUSE_TAIL_RE = re.compile(r"[^\d,。;、()]{0,20}[,,]\s*")  # 151个实现集中供水,占比…: the part's own clause ends first


def _value(match: re.Match) -> Fraction | None:
    value = match.group("value")
    if match.group("percent"):
        return Fraction(match.group("percent")) / 100
    if value.endswith("成"):
        return Fraction(_DIGITS[value[0]], 10)
    if value in ("过半", "半数", "一半"):
        return Fraction(1, 2)
    denominator, numerator = value.split("分之")
    return Fraction(_DIGITS[numerator], _DIGITS[denominator])


def _bound(match: re.Match, value: Fraction) -> tuple[Fraction, Fraction, bool] | None:
    """[low, high] a share must lie in, and whether the bound is soft (a warning)."""
    word, tail, written = match.group("word") or "", match.group("tail") or "", match.group("value")
    if written in ("过半", "半数") and not word:
        word = "超过" if written == "过半" or tail == "以上" else word
    if word in _LOWER or tail in _LOWER:
        return value * (1 - _MARGIN), Fraction(10**9), False
    if word in _UPPER or tail in _UPPER:
        return Fraction(0), value * (1 + _MARGIN), False
    if word in _NEAR:
        return value * 2 / 3, value * Fraction(11, 10), True
    if word in _ABOUT or tail in _ABOUT:
        return value * Fraction(8, 10), value * Fraction(12, 10), True
    if written.endswith("成") and word in ("", "达到"):
        return value - Fraction(5, 100), value + Fraction(10, 100), False
    return None  # 达到四分之一, a bare fraction or percent: not a bound this rule reads


def _is_quantity(figure: Figure) -> bool:
    return figure.kind in _QUANTITY_KINDS and figure.exact and bool(figure.unit) and figure.value > 0


def _same_unit(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and a.base_unit == b.base_unit


def _interval(figure: Figure) -> tuple[Fraction, Fraction]:
    from auditor.relate import quantity_interval

    return quantity_interval(figure)


def _names_whole(named: str, words: str) -> bool:
    """占全县民宿的 names 全县民宿54家: a pair of its characters in the whole's words,
    and no scope (全市) the whole's words do not have."""
    if any(scope not in words for scope in _SCOPE_RE.findall(named)):
        return False
    core = _SCOPE_RE.sub("", named)
    if core in ("", "总数", "总量", "总体", "全部", "总"):
        return True
    pairs = {core[i : i + 2] for i in range(len(core) - 1)} - _GENERIC_PAIRS
    return any(pair in words for pair in pairs)


def _meets(part: Figure, whole: Figure, low: Fraction, high: Fraction) -> bool:
    closest = ratio_representative(_interval(part), _interval(whole), (low, high), 1)
    return closest is not None and low <= closest <= high


# a share in words with no 占/率/比 about (…协商的超过半数(…618家)): worth the whole scan
_TENTHS_RE = re.compile(r"[一二两三四五六七八九]成(?!本|员|果|效|立|为|功|熟|绩|交|都|长)")


# a bound's value: where a share in words or a percent stands, the head is looked for just before it
_VALUE_RE = re.compile(r"[一二两三四五六七八九]成|过半|半数|一半|分之[一二三四五六七八九]|%")
_HEAD_REACH = 40  # characters before a value its head may start at (占 + a whole's name + 的比重为 + 超过)


def _bound_matches(norm: str):
    """_BOUND_RE's matches, searched only in a window before each value: its heads (…率, 占…的)
    open with no literal, and a scan of the whole text would try them at every character."""
    last_end = 0
    for value in _VALUE_RE.finditer(norm):
        if value.start() < last_end:
            continue
        window = max(last_end, value.start() - _HEAD_REACH)
        for match in _BOUND_RE.finditer(norm, window, min(len(norm), value.end() + 4)):
            if match.start("value") <= value.start() < match.end("value"):
                last_end = match.end()
                yield match
                break


def share_bounds(analysis, rule):
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    shares = "占" in norm or "率" in norm or "比" in norm
    in_words = any(word in norm for word in ("过半", "半数", "一半", "分之")) or _TENTHS_RE.search(norm) is not None
    if not shares and not in_words:
        return
    hosted = {r.rate.index for r in analysis.relations.ratios} if analysis.relations else set()
    matches = list(_bound_matches(norm)) if shares else []
    if in_words:
        subjects = [m for m in _SUBJECT_BOUND_RE.finditer(norm) if not _NOT_A_SUBJECT_RE.search(m.group("subject"))]
        matches = sorted(matches + list(_OWN_BOUND_RE.finditer(norm)) + subjects, key=lambda m: m.start())
    for match in matches:
        if _rate_named(match) and match.group("percent"):
            continue  # 覆盖率不低于90%: the ratio reader's, not this rule's
        if match.group("percent"):
            rate_index = first_figure_at(figures, match.start("percent"))
            if rate_index < len(figures) and rate_index in hosted:
                continue  # the ratio reader read it: SH001 judges it
            if not (match.group("word") or match.group("tail")):
                continue
        value = _value(match)
        bound = _bound(match, value) if value else None
        if bound is None:
            continue
        hit = _judge(analysis, match, bound)
        if hit is not None:
            yield hit


def _rate_named(match: re.Match) -> bool:
    """覆盖率不低于90%, 就业比例: a rate of its own; 幼儿所占比例 is a share (占) like 占比."""
    rate = match.group("rate")
    return rate is not None and "占" not in rate


def _whole_of(norm: str, whole: Figure, part: Figure) -> bool:
    """其中 between them (全区…86家,其中…23家), or the whole a group head (86个村中已有…)."""
    between = norm[whole.end : part.number_start]
    return "其中" in between or _AMONG_RE.fullmatch(between) is not None


def _in_bracket_after(analysis, match: re.Match) -> tuple[list[Figure], tuple[int, int]] | None:
    """覆盖率不低于八成(全市24个街道中已有17个建成): the counts the bracket right after gives."""
    bracket = _BRACKET_COUNTS_RE.match(analysis.text.norm, match.end())
    if bracket is None:
        return None
    figures = analysis.figures
    first = first_figure_at(figures, bracket.start("inner"))
    inside = [f for f in figures[first : first + _MAX_LOOKBACK] if f.end <= bracket.end("inner")]
    return [f for f in inside if _is_quantity(f)], bracket.span("inner")


def _pair(analysis, match: re.Match) -> tuple[Figure, Figure, list[Figure], bool] | None:
    """(part, whole, the quantities any pair of which may explain the bound, inferred)."""
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    sentence_start, _ = text.sentence_span(match.start())
    if _TARGET_RE.search(norm, max(sentence_start, match.start() - 30), match.start()):
        return None  # 确保覆盖率不低于八成: a target, not what was done
    bracketed = _in_bracket_after(analysis, match)
    if bracketed is not None and len(bracketed[0]) >= 2:
        quantities = bracketed[0]
        part = quantities[-1]
        wholes = [f for f in quantities[:-1] if _same_unit(f, part) and f.value >= part.value and _whole_of(norm, f, part)]
        return (part, wholes[0], quantities, False) if len(wholes) == 1 else None
    if match.group("own") is not None:
        # 其中开展集体协商的超过半数(开展协商的企业618家): the part in the bracket, its whole before 其中
        if bracketed is None or len(bracketed[0]) != 1:
            return None
        part = bracketed[0][0]
        before = [f for f in figures[max(0, part.index - _MAX_LOOKBACK) : part.index] if f.start >= sentence_start]
        wholes = [f for f in before if _is_quantity(f) and _same_unit(f, part) and f.value >= part.value and _whole_of(norm, f, part)]
        return (part, wholes[-1], [part, wholes[-1]], False) if len(wholes) == 1 else None
    if not _rate_named(match) and bracketed is not None:
        return None  # 占比超过三成(其中…): the bracket says what the share is of
    before = first_figure_at(figures, match.start())
    quantities = [f for f in figures[max(0, before - _MAX_LOOKBACK) : before] if f.start >= sentence_start and _is_quantity(f)]
    if not quantities or "分别" in norm[quantities[-1].end : match.start()]:
        return None
    part = quantities[-1]
    if match.groupdict().get("subject") and not _names_part(text, part, match.group("subject")):
        return None  # 其中女性…,外出务工人员过半: the bound is of another kind than the part
    if text.clause_span(match.start())[0] > text.clause_span(part.start)[1] + 1:
        return None  # the part must be in the clause just before the share
    if not (_GAP_RE.match(norm, part.end, match.start()) or _PART_CLAUSE_TAIL_RE.fullmatch(norm, part.end, match.start())
            or _part_named_again(text, part, match.start())):
        return None
    if _rate_named(match):
        from auditor.relate import _counts_event

        rate_name = match.group("rate").removesuffix("比例") + ("率" if match.group("rate").endswith("比例") else "")
        if not _counts_event(rate_name, norm[text.clause_span(part.start)[0] : match.start()]):
            return None  # 已有55个完成改造,满意率超过七成: the rate counts something else
    wholes = [f for f in quantities[:-1] if _same_unit(f, part) and f.value >= part.value and _whole_of(norm, f, part)]
    if len(wholes) == 1:
        return part, wholes[0], quantities, False
    named = _named_whole(analysis, match, part, quantities[:-1], sentence_start)
    if named is not None:
        return named
    if len(quantities) == 1 and norm[sentence_start:part.number_start].lstrip().startswith("其中"):
        whole = _whole_ending_sentence_before(analysis, part, sentence_start)
        if whole is not None:
            return part, whole, [part, whole], True
    return None


# 其中新能源车辆156辆,新能源车辆占比不低于40% / …就读1.52万人,在普惠园就读幼儿所占比例已超过85%:
# the share's clause opens by naming the part again
_SUBJECT_AFTER_PART_RE = re.compile(r"\s*[,,]\s*(?P<subject>[\u4e00-\u9fff]{2,16}?)所?")


_NOT_A_SUBJECT_RE = re.compile(r"占|比|率|其中|目标|确保|力争|计划")


def _part_named_again(text, part: Figure, share_start: int) -> bool:
    subject = _SUBJECT_AFTER_PART_RE.fullmatch(text.norm, part.end, share_start)
    return subject is not None and _names_part(text, part, subject.group("subject"))


def _names_part(text, part: Figure, subject: str) -> bool:
    words = text.norm[max(text.clause_span(part.start)[0], part.number_start - _WORDS_REACH) : part.number_start]
    part_name = re.split(r"其中|[::]", words)[-1].strip()
    # (纯电动车辆占比 after 其中新能源车辆142辆: another kind, whose count is not stated)
    opening = subject[:2]
    return part_name.startswith(opening) and opening not in _GENERIC_PAIRS


def _named_whole(analysis, match: re.Match, part: Figure, earlier: list[Figure],
                 sentence_start: int) -> tuple[Figure, Figure, list[Figure], bool] | None:
    """储存三年以内的粮食2.46万吨,占库存的三分之二以上 after 库存总量3.87万吨: the one larger
    quantity of the part's unit, in its sentence or the one before, whose words carry the
    name the share gives its whole (总 and 的 aside); the sentence before makes it inferred."""
    name = (match.group("whole") or match.group("whole2") or "").replace("总", "").replace("的", "").strip()
    if len(name) < 2:
        return None
    text, figures = analysis.text, analysis.figures
    previous_start = text.previous_sentence_start(sentence_start) if sentence_start else sentence_start
    before = [f for f in figures[max(0, part.index - _MAX_LOOKBACK) : part.index] if f.start >= previous_start]
    named = [f for f in before if _is_quantity(f) and _same_unit(f, part) and f.value > part.value
             and name in text.norm[max(text.clause_span(f.start)[0], f.number_start - _WORDS_REACH) : f.number_start].replace("总", "")
             and not other_period(text, part, f)]  # “九五”初期…占农业人口的 beside today's 农业人口
    if len(named) != 1:
        return None
    whole = named[0]
    return part, whole, [part, whole], whole.start < sentence_start


def _whole_ending_sentence_before(analysis, part: Figure, sentence_start: int) -> Figure | None:
    """林地总面积97.3万亩。其中生态林42.6万亩,占…过半: the quantity that ends the sentence before 其中."""
    figures, norm = analysis.figures, analysis.text.norm
    if part.index == 0:
        return None
    whole = figures[part.index - 1]
    if not (_is_quantity(whole) and _same_unit(whole, part) and whole.value >= part.value):
        return None
    if not re.fullmatch(r"[\s。]*", norm[whole.end : sentence_start]) or norm[sentence_start - 1] != "。":
        return None
    return whole


def _judge(analysis, match: re.Match, bound) -> Hit | None:
    text = analysis.text
    norm = text.norm
    low, high, soft = bound
    paired = _pair(analysis, match)
    if paired is None:
        return None
    part, whole, quantities, inferred = paired
    named = (match.group("whole") or match.group("whole2") or "").strip()
    if named and not _names_whole(named, norm[max(text.clause_span(whole.start)[0], whole.number_start - _WORDS_REACH) : whole.number_start]):
        return None  # 占全市…的: a whole other than the one stated
    same = [f for f in quantities if _same_unit(f, part)]
    if any(_meets(x, y, low, high) for x in same for y in same if x is not y and x.value <= y.value):
        return None  # some part and whole of the sentence meet the bound
    exact = Fraction(part.value) / Fraction(whole.value)
    stated = text.original[match.start("word") if match.group("word") else match.start("value") : match.end()]
    head = norm[match.start("subject") if match.groupdict().get("subject") else match.start() : match.start("word") if match.group("word") else match.start("value")]
    if match.groupdict().get("subject"):  # the part's name as the writer wrote it (外出務工人員)
        head = text.original[match.start("subject") : match.start("word") if match.group("word") else match.start("value")]
    metric = "占比" if head.startswith("占比") or match.group("rate") and not _rate_named(match) else re.sub(r"(?:为|达|达到|是|已)$", "", head)
    return Hit(
        match.start("word") if match.group("word") else match.start("value"),
        match.end(),
        {"metric": metric, "stated": stated, "part": as_written(analysis, part), "whole": as_written(analysis, whole),
         "recomputed": shown(exact * 100, 2) + "%"},
        {"stated": stated, "low": str(low), "high": str(high), "part": part.value, "whole": whole.value,
         "recomputed": shown(exact * 100, 2)},
        related=((part.start, part.end), (whole.start, whole.end)),
        severity="warning" if soft or inferred else "",
    )


CHECKS = (Check("share_bound", share_bounds, provides=frozenset({"metric", "stated", "part", "whole", "recomputed"})),)
