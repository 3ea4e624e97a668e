"""Pull every figure and every date out of the normalised text.

A figure is a number as written with what gives it meaning: its unit or
measure word, the multiplier (万, 亿), a qualifier that turns it into a bound
(以上, 约, 余 …), and for rates the metric it belongs to. Values are exact
`Decimal`s; nothing here rounds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate

from auditor.cnnum import NUMERAL_CHARS
from auditor.lexicon import DIRECTION_VERB_ALTERNATIVES, METRIC_TAILS, PRE_QUALIFIERS, RATE_NOUN_PATTERN
from auditor.recache import compile_scanning
from auditor.regexscan import finditer_from, may_match
from auditor.spans import Text

CJK = "\u4e00-\u9fff"

MULTIPLIERS = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "亿": 10**8, "千": 10**3}

# unit as written → (kind, base unit, factor to the base unit)
UNITS: dict[str, tuple[str, str, int]] = {
    "%": ("percent", "%", 1),
    "‰": ("permille", "‰", 1),
    "/10万": ("per100k", "/10万", 1),
    "/十万": ("per100k", "/10万", 1),
    "/万": ("per10k", "/万", 1),
    "个百分点": ("points", "个百分点", 1),
    "元": ("money", "元", 1),
    "美元": ("money", "美元", 1),
    "平方公里": ("area", "平方公里", 1),
    "平方千米": ("area", "平方公里", 1),
    "千克": ("weight", "公斤", 1),
    "千米": ("length", "公里", 1),
    "km²": ("area", "平方公里", 1),
    "km2": ("area", "平方公里", 1),
    "平方米": ("area", "平方米", 1),
    "公顷": ("area", "公顷", 1),
    "立方米": ("volume", "立方米", 1),
    # concentrations (PM2.5, 化学需氧量): a per-volume unit, never a volume
    "微克/立方米": ("concentration", "微克/立方米", 1),
    "μg/m³": ("concentration", "微克/立方米", 1),
    "μg/m3": ("concentration", "微克/立方米", 1),
    "ug/m3": ("concentration", "微克/立方米", 1),
    "毫克/立方米": ("concentration", "毫克/立方米", 1),
    "mg/m³": ("concentration", "毫克/立方米", 1),
    "mg/m3": ("concentration", "毫克/立方米", 1),
    "毫克/升": ("concentration", "毫克/升", 1),
    "mg/L": ("concentration", "毫克/升", 1),
    "m2": ("area", "平方米", 1),
    "m²": ("area", "平方米", 1),
    "㎡": ("area", "平方米", 1),
    "亩": ("area", "亩", 1),
    "公里": ("length", "公里", 1),
    "km": ("length", "公里", 1),
    "米": ("length", "米", 1),
    "毫米": ("length", "毫米", 1),  # 降水量552.7毫米: rainfall, its own measure (not a thousandth of a 米 figure)
    "厘米": ("length", "厘米", 1),
    "kg": ("weight", "公斤", 1),
    "公斤": ("weight", "公斤", 1),
    "吨": ("weight", "吨", 1),
    "小时": ("duration", "小时", 1),
    "学时": ("duration", "学时", 1),
    "分钟": ("duration", "分钟", 1),
    "个月": ("duration", "个月", 1),
    "天": ("duration", "天", 1),
    "周岁": ("age", "岁", 1),
    "岁": ("age", "岁", 1),
    "月龄": ("age", "月龄", 1),
    "分": ("score", "分", 1),
    # electricity: 用电量24.6亿千瓦时, 装机容量12万千瓦
    "千瓦时": ("energy", "千瓦时", 1),
    "kWh": ("energy", "千瓦时", 1),
    "千瓦": ("power", "千瓦", 1),
    "兆瓦": ("power", "千瓦", 1000),
}
COUNT_WORDS = (
    "人次 针次 剂次 户次 条次 场次 床日 人 例 所 家 个 张 台 份 座 对 户 种 类 项 名 次 件 条 期 批 支 辆 箱 幅 "
    "瓶 剂 床 间 套 册 本 处 起 篇 场 轮 组 队 块 只 头 株 枚 部 位 盒 袋 斤 级 大 针 剂 片 栋 层 村 乡镇 镇 乡 县 卷"
).split()
UNITS["场次"] = ("count", "场", 1)  # 214场次 and its parts 6场、23场: one measure of events
# 信访4 126件次, 检查2 615家次, 抽检186批次: the count of the thing each time it is counted again; read
# with its 次 so the words after it are read from there, and as the thing's count (its parts may drop 次)
for _word in ("件次", "家次", "批次", "项次", "起次", "台次", "辆次", "所次"):
    UNITS[_word] = ("count", _word[0], 1)
for _word in COUNT_WORDS:
    UNITS.setdefault(_word, ("count", _word, 1))
# 全港18区, 全市6区3县: districts counted after digits; not after Chinese numerals, where
# 三区三州 and 两区建设 name programmes
UNITS.setdefault("区", ("count", "区", 1))
UNITS.setdefault("宗", ("count", "宗", 1))  # 處理投訴312宗: Hong Kong's count of cases
# 路灯46 820盏, 杆件1 200基, 船舶86艘, 担保业务2 416笔: counts after digits only (一笔, 一眼 are words)
for _word in ("盏", "盞", "基", "艘", "架", "棵", "眼", "笔", "筆"):
    UNITS.setdefault(_word, ("count", _word, 1))
# 2基地, 3基层: 基 opening a word, no count of poles or towers
_UNIT_GUARDS = {"基": "(?![地层層础礎金因督数數准準线線站])"}


CN_DIGITS = NUMERAL_CHARS


@dataclass(eq=False, slots=True)
class Figure:  # not frozen: built by the thousand, and a frozen __init__ is slow; never changed after
    index: int
    start: int
    end: int
    number_start: int
    number_end: int
    value: Decimal  # in the base unit: 2万座 → 20000, 1.2亿元 → 120000000
    value_high: Decimal | None  # the top of a range (1500—2000人)
    written: Decimal  # the number as written, before the multiplier
    unit: str  # as written, multiplier included: 万元, 万份, %, 人次
    base_unit: str
    kind: str
    decimals: int
    multiplier: int
    qualifier: str
    chinese: bool
    metric: str = ""
    subject: str = ""
    in_list: bool = False  # a later value in "96%、100%" or "5人和6人"
    derived: bool = False  # not written but implied (N − the stated difference); quoted as a number

    @property
    def exact(self) -> bool:
        return not self.qualifier and self.value_high is None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    year_written: bool


def _units_pattern() -> str:
    names = sorted(UNITS, key=len, reverse=True)
    return "|".join(re.escape(n) + _UNIT_GUARDS.get(n, "") for n in names)


# 1,788 and, as PDF exports and typeset reports write them, 1 788 or 1\u2009788
_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d{1,3}(?:[ \u2009\u202f]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
# 420千克, 5千米, 800千瓦: units, never 420 thousand 克
_MULT = "|".join(m + "(?![克米瓦])" if m == "千" else m for m in sorted(MULTIPLIERS, key=len, reverse=True))
# No lookbehind at the start: it would stop the regex engine from scanning
# ahead for a digit at C speed. What may not precede a number is checked in
# extract_figures instead.
_NOT_BEFORE_NUMBER = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./@_#-")
_FIGURE_RE = re.compile(
    rf"(?P<num>{_NUMBER})"
    rf"(?:\s*(?P<sep>[-—–~至到])\s*(?P<num2>{_NUMBER}))?"
    rf"(?:[ \u2009\u202f](?=(?:余|多)?(?:{_MULT}|{_units_pattern()})))?"  # 38210 剂次, 1.4 %
    rf"(?P<approx1>余|多)?(?P<mult>{_MULT})?(?P<approx2>余|多)?"
    rf"(?P<unit>{_units_pattern()})?"
    rf"(?P<post>及?以上|及?以下|左右|以内)?"
)
_CN_FIGURE_RE = re.compile(
    rf"(?:百分之(?P<pct>[{CN_DIGITS}点]+)"
    rf"|(?P<cn>[一二两三四五六七八九十][{CN_DIGITS}]*)(?P<cnunit>个百分点|个月|{'|'.join(w for w in COUNT_WORDS if len(w) <= 2)}))"
)
_FIGURE_STARTS = re.compile(r"\d")  # where every match of _FIGURE_RE begins
_CN_FIGURE_STARTS = re.compile(r"[百一二两三四五六七八九十]")  # and of _CN_FIGURE_RE
_DATE_RE = compile_scanning(
    r"(?<![\d.])(?:(?P<y>(?:19|20)\d{2}) ?年(?:(?P<m>\d{1,3})月(?:(?P<d>\d{1,2})[日号])?)?"
    r"|(?P<iy>(?:19|20)\d{2})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?!\d)"
    r"|(?P<m2>\d{1,2})月(?!龄)(?:(?P<d2>\d{1,2})[日号])?"
    r"|(?<=[至到—\-~、])(?P<d3>\d{1,2})[日号])"
)
_DATE_STARTS = compile_scanning(r"(?<![\d.])\d")  # where every match of _DATE_RE begins
_NOT_BEFORE_CN = set("第" + CN_DIGITS)
@lru_cache(maxsize=8)
def _addresses(patterns: tuple[str, ...]) -> re.Pattern:
    """Web and e-mail addresses (the pack's address_patterns): no figure is read inside one."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")


_MAX_CN_NUMERAL = 40


@lru_cache(maxsize=4096)
def cn_number(text: str) -> Decimal | None:
    """A Chinese numeral as a Decimal (十二 → 12, 五点五 → 5.5), or None."""
    from auditor.cnnum import standard_number

    if len(text) > _MAX_CN_NUMERAL:  # 一一一… thousands long: no figure, and past int's 4,300-digit limit
        return None
    value = standard_number(text)
    if value is not None:  # the standard form, read without importing cn2an (slow to import)
        return value
    import cn2an

    try:
        value = cn2an.cn2an(text.replace("〇", "零"), "strict")
    except (ValueError, KeyError, IndexError):
        try:
            value = cn2an.cn2an(text.replace("〇", "零"), "normal")
        except (ValueError, KeyError, IndexError):
            return None
    return Decimal(str(value))


def _decimals(number: str) -> int:
    return len(number.split(".", 1)[1]) if "." in number else 0


def _to_decimal(number: str) -> Decimal:
    return Decimal(number.replace(",", "").replace(" ", "").replace("\u2009", "").replace("\u202f", ""))


# 二〇二二年五月一日, 四月三十日: dates in Chinese numerals (a month alone needs its day)
_CN_DATE_RE = compile_scanning(
    r"(?<![〇零一二三四五六七八九十第])(?:(?P<y>[〇零一二三四五六七八九]{4})年(?:(?P<m>[一二三四五六七八九十]{1,3})月"
    r"(?:(?P<d>[一二三四五六七八九十]{1,3})[日号])?)?"
    r"|(?P<m2>[一二三四五六七八九十]{1,2})月(?P<d2>[一二三四五六七八九十]{1,3})[日号])"
)
_CN_DATE_STARTS = compile_scanning(r"(?<![〇零一二三四五六七八九十第])[〇零一二三四五六七八九十]")  # where its matches begin
_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _cn_dates(norm: str) -> Iterator[DateMention]:
    for m in finditer_from(_CN_DATE_RE, _CN_DATE_STARTS, norm):
        year = int(m.group("y").translate(_CN_YEAR_DIGITS)) if m.group("y") else None
        month = _cn_int(m.group("m") or m.group("m2"))
        day = _cn_int(m.group("d") or m.group("d2"))
        if year is None and (month is None or day is None):
            continue
        yield DateMention(m.start(), m.end(), year, month, day, year is not None)


def _cn_int(text: str | None) -> int | None:
    if not text:
        return None
    value = cn_number(text)
    return int(value) if value is not None else None


def find_dates(norm: str) -> list[DateMention]:
    dates = _arabic_dates(norm)
    if any(c in norm for c in "年月"):
        chinese = list(_cn_dates(norm))
        if chinese:
            dates = sorted(dates + chinese, key=lambda d: d.start)
    return dates


def _arabic_dates(norm: str) -> list[DateMention]:
    dates: list[DateMention] = []
    last_month: int | None = None
    for m in finditer_from(_DATE_RE, _DATE_STARTS, norm):
        if m.group("y"):
            year, month, day = int(m.group("y")), _int(m.group("m")), _int(m.group("d"))
            written = True
        elif m.group("iy"):
            year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
            written = True
        elif m.group("m2"):
            if norm[max(0, m.start() - 1) : m.start()] in ("个", "第") or _preceded_by_digit(norm, m.start()):
                continue  # 第13月: the 13th month of a project, not a date
            year, month, day = None, int(m.group("m2")), _int(m.group("d2"))
            written = False
        else:
            if last_month is None:
                continue
            year, month, day = None, last_month, int(m.group("d3"))
            written = False
        dates.append(DateMention(m.start(), m.end(), year, month, day, written))
        last_month = month if month is not None else last_month
    return dates


def _preceded_by_digit(norm: str, pos: int) -> bool:
    return pos > 0 and norm[pos - 1].isdigit()


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _covered(spans: list[tuple[int, int]], reach: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the spans (sorted by start);
    reach[i] is the furthest end among spans[: i + 1]."""
    index = bisect_left(spans, (end,)) - 1
    return index >= 0 and reach[index] > start


def extract_figures(text: Text, dates: list[DateMention], metric_words: tuple[str, ...] = (),
                    address_patterns: tuple[str, ...] = ()) -> list[Figure]:
    norm = text.norm
    addresses = _addresses(address_patterns)
    spans = [m.span() for m in addresses.finditer(norm)] if may_match(addresses, norm) else []
    blocked = sorted([(d.start, d.end) for d in dates] + spans)
    starts = list(accumulate((b[1] for b in blocked), max))
    raw: list[dict] = []
    for m in finditer_from(_FIGURE_RE, _FIGURE_STARTS, norm):
        start = m.start()
        negative = False
        if start and norm[start - 1] in _NOT_BEFORE_NUMBER:
            # -5% after 为/是/达…: a negative value; after a letter, dot or dash: part of a code
            if norm[start - 1] != "-" or (start > 1 and norm[start - 2] in _NOT_BEFORE_NUMBER):
                continue
            negative = True
        if _covered(blocked, starts, m.start("num"), m.end("num")):
            continue
        after = norm[m.end() : m.end() + 1]
        if after and (after.isascii() and after.isalpha()) and not m.group("unit"):
            continue  # part of a model name such as DC-8A
        raw.append(_arabic(m, negative))
    for m in finditer_from(_CN_FIGURE_RE, _CN_FIGURE_STARTS, norm):
        if m.start() and norm[m.start() - 1] in _NOT_BEFORE_CN:
            continue
        if _covered(blocked, starts, m.start(), m.end()):
            continue
        item = _chinese(m)
        if item:
            raw.append(item)
    raw.sort(key=lambda r: r["start"])
    raw = _join_yi_wan(raw)
    for item in raw:
        if item["kind"] == "number" and not item["unit"] and _lost_percent_sign(norm, item):
            item.update(kind="percent", unit="%", base_unit="%")
        elif item["kind"] == "number" and item["unit"] in ("万", "亿") and _MONEY_WORD_BEFORE_RE.search(
                norm, max(0, item["number_start"] - 6), item["number_start"]):
            item.update(kind="money", unit=item["unit"] + "元", base_unit="元")  # 增收4 376万: 万元 said as 万
    figures: list[Figure] = []
    previous: Figure | None = None
    for index, item in enumerate(raw):
        metric, subject, in_list = "", "", False
        if item["kind"] in ("percent", "permille", "per100k", "per10k", "points") or item["kind"] == "count":
            metric, subject, in_list = _metric(text, item, previous, metric_words)
        elif not item["qualifier"] and item["kind"] in ("money", "area", "length", "weight"):
            _qualify(text.norm, item)
        figure = Figure(index=index, metric=metric, subject=subject, in_list=in_list, **item)
        figures.append(figure)
        previous = figure
    if text.moves:  # a figure whose unit a wrap carried over the break (8650万⏎元) ends where the original does
        for figure in figures:
            figure.start, figure.end = text.original_span(figure.start, figure.end)
            figure.number_start, figure.number_end = text.original_span(figure.number_start, figure.number_end)
    return figures


# words that only money follows: 增收4 376万, 税收收入2.3亿
_MONEY_WORD_BEFORE_RE = re.compile(r"(?:增收|减收|增支|减支|节支|创收|税收|营收|收入|支出|利润|营业额|销售额)(?:了|为|达到|达|约|近|超)?\s*$")


def _join_yi_wan(raw: list[dict]) -> list[dict]:
    """12亿8894.7万人 is one figure (1288947000 people), not 12亿 beside 8894.7万人."""
    joined: list[dict] = []
    for item in raw:
        head = joined[-1] if joined else None
        if (head is not None and head["end"] == item["start"] and head["unit"] == "亿" and head["decimals"] == 0
                and not head["qualifier"] and head["value_high"] is None and not head["chinese"] and not item["chinese"]
                and item["multiplier"] == 10**4 and 0 <= item["written"] < 10**4 and item["value_high"] is None):
            joined[-1] = dict(item, start=head["start"], number_start=head["number_start"],
                              value=head["value"] + item["value"], written=head["written"] * 10**4 + item["written"])
            continue
        joined.append(item)
    return joined


# 占总数的60, / 占GDP的比重为12.5。: a share whose % a web copy dropped
_BARE_SHARE_HEAD_RE = re.compile(r"占[^\d,。;:!?\n]{0,12}?(?:的(?:比重|比例)?|比重|比例)(?:为|是|达|达到)?\s*$")
_BARE_SHARE_AFTER = frozenset(",。;、)!?\n")


def _lost_percent_sign(norm: str, item: dict) -> bool:
    """A bare number of at most 100 right after 占…的 or 占…比重 and right before punctuation."""
    if not 0 <= item["value"] <= 100 or item["value_high"] is not None or item["qualifier"]:
        return False
    after = norm[item["end"] : item["end"] + 1]
    if after and after not in _BARE_SHARE_AFTER:
        return False
    return _BARE_SHARE_HEAD_RE.search(norm, max(0, item["number_start"] - 20), item["number_start"]) is not None


def _arabic(m: re.Match, negative: bool) -> dict:
    number, _sep, number2, approx1, mult_word, approx2, unit_word, post = m.groups()
    mult_word, unit_word = mult_word or "", unit_word or ""
    written = _to_decimal(number)
    if negative:
        written = -written
    per_100k = unit_word == "/10万"
    multiplier = 1 if per_100k else MULTIPLIERS.get(mult_word, 1)
    kind, base, factor = UNITS.get(unit_word, ("number", "", 1))
    scale = multiplier * factor
    value = written * scale if scale != 1 else written
    high = _to_decimal(number2) * scale if number2 else None
    shift = 1 if negative else 0
    return dict(
        start=m.start() - shift,
        end=m.end(),
        number_start=m.start(1) - shift,
        number_end=m.end(3) if number2 else m.end(1),
        value=value,
        value_high=high,
        written=written,
        unit=unit_word if per_100k else mult_word + unit_word,
        base_unit=base,
        kind="range" if high is not None else kind,
        decimals=_decimals(number),
        multiplier=multiplier,
        qualifier=(post or approx1 or approx2 or "").lstrip("及"),
        chinese=False,
    )


def _chinese(m: re.Match) -> dict | None:
    if m.group("pct"):
        value = cn_number(m.group("pct"))
        if value is None:
            return None
        decimals = len(m.group("pct").split("点", 1)[1]) if "点" in m.group("pct") else 0
        return dict(
            start=m.start(), end=m.end(), number_start=m.start(), number_end=m.end(),
            value=value, value_high=None, written=value, unit="%", base_unit="%", kind="percent",
            decimals=decimals, multiplier=1, qualifier="", chinese=True,
        )
    numeral = m.group("cn")
    if numeral in ("一",) or numeral.endswith(("万", "亿")) and len(numeral) == 1:
        return None
    value = cn_number(numeral)
    if value is None:
        return None
    unit = m.group("cnunit")
    kind, base, _ = UNITS.get(unit, ("count", unit, 1))
    return dict(
        start=m.start(), end=m.end(), number_start=m.start("cn"), number_end=m.end("cn"),
        value=value, value_high=None, written=value, unit=unit, base_unit=base, kind=kind,
        decimals=0, multiplier=1, qualifier="", chinese=True,
    )


_JOINER_RE = re.compile(r"\s*(?:、|和|及|与|以及|,)\s*")
FILLERS = tuple(sorted(
    "均 已 仅 只有 分别 同比 也 都 还 共 累计 达到 到达 达至 达 为 是 提高到 提高至 提升到 提升至 上升到 上升至 下降到 下降至 "
    "降低到 降低至 降至 降到 升至 增至 增加到 保持在 稳定在 控制在 超过 不低于 不少于 不足 不到 接近 高达 突破 在 由 从 "
    "约 近 逾 占 了".split(), key=len, reverse=True))
_METRIC_TAIL_RE = re.compile(rf"([{CJK}A-Za-z0-9]{{0,12}}?(?:{'|'.join(METRIC_TAILS)}|{RATE_NOUN_PATTERN}))$")
_CHANGE_TAIL_RE = re.compile(rf"({DIRECTION_VERB_ALTERNATIVES}|降)(了)?$")
_PRE_QUALIFIER_RE = re.compile("(" + "|".join(PRE_QUALIFIERS) + r")$")
_WINDOW = 40  # characters before a figure that can name its metric


# matched on the reversed text, so the fillers are stripped from the end in one pass
_FILLERS_REVERSED_RE = re.compile(r"(?:\s*(?:" + "|".join(re.escape(w[::-1]) for w in FILLERS) + r"))+\s*")
_BRACKETS_RE = re.compile(r"[()“”《》\[\]]")


# 签约, 履约, 预约 … end in 约 and 最近, 附近 … in 近 without meaning "about"
_NOT_QUALIFYING = {"约": set("签履节预制公合邀特违解条契婚相赴立失守践缔隐"), "近": set("最附邻亲靠贴就")}


def _is_word_ending(before: str, qualifier: str) -> bool:
    preceding = before[-len(qualifier) - 1 : -len(qualifier)]
    return preceding in _NOT_QUALIFYING.get(qualifier, ())


def _qualify(norm: str, item: dict) -> None:
    """超过1.9万公里, 约550万元: the qualifier before a quantity that has no metric."""
    before = norm[max(0, item["number_start"] - 3) : item["number_start"]]
    match = _PRE_QUALIFIER_RE.search(before)
    if match and not _is_word_ending(before, match.group(1)):
        item["qualifier"] = match.group(1)


def strip_fillers(head: str) -> str:
    """Drop the verbs and adverbs between a metric and its value: 均已达到, 分别为."""
    match = _FILLERS_REVERSED_RE.match(head[::-1])
    return head[: len(head) - match.end()] if match else head.rstrip()


def _metric(text: Text, item: dict, previous: Figure | None, metric_words: tuple[str, ...]) -> tuple[str, str, bool]:
    """The metric a figure belongs to and the words before it in its clause."""
    norm = text.norm
    start, _ = text.clause_span(item["start"])
    if previous is not None and previous.end > start:
        # a value after a joiner continues the previous figure's list: 96%、100%
        gap = norm[previous.end : item["number_start"]]
        if previous.kind == item["kind"] and _JOINER_RE.fullmatch(gap):
            return previous.metric, previous.subject, True
        start = previous.end
    before = norm[max(start, item["number_start"] - _WINDOW) : item["number_start"]]
    brackets = _BRACKETS_RE.findall(before)
    if brackets:
        before = before[before.rfind(brackets[-1]) + 1 :]
    qualifier_match = _PRE_QUALIFIER_RE.search(before[-3:])
    if qualifier_match and not item["qualifier"] and not _is_word_ending(before, qualifier_match.group(1)):
        item["qualifier"] = qualifier_match.group(1)
    if item["kind"] == "count":
        return "", before.strip(" ,、:的"), False
    head = strip_fillers(before)
    change = _CHANGE_TAIL_RE.search(head[-3:])
    if change:
        return change.group(1), head[: change.start()].strip(), False
    tail = _METRIC_TAIL_RE.search(head[-16:])
    if not tail:
        return "", head.strip(), False
    metric = _known_metric(tail.group(1), metric_words)
    rest = head[: len(head) - len(metric)]
    if rest.endswith(_NEGATIONS) and not metric.startswith(_NEGATIONS):
        metric, rest = rest[-1] + metric, rest[:-1]  # 不合格率: the known word 合格率 with its negation, another rate
    return metric, rest.strip(" ,、"), False


_NEGATIONS = ("不", "未")


@lru_cache(maxsize=8)
def _by_last_character(words: tuple[str, ...]) -> dict[str, tuple[str, ...]] | None:
    """The words by their last character, each group in the order given: the words a phrase
    can end with (None with an empty word among them, which every phrase ends with)."""
    if "" in words:
        return None
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[-1:], []).append(word)
    return {last: tuple(group) for last, group in index.items()}


def _known_metric(phrase: str, metric_words: tuple[str, ...]) -> str:
    index = _by_last_character(metric_words)
    for word in index.get(phrase[-1:], ()) if index is not None else metric_words:  # longest first
        if phrase.endswith(word):
            return word
    short = re.search(rf"[{CJK}]{{2}}(?:比率|率|比例|比重)$|占比$", phrase)
    return short.group(0) if short else phrase
