"""Figures per so many people, read against the count and the people stated beside them.

- 每千人口床位数6.8张 (每万人口…): beds over the population, times a thousand.
- 报告发病率为51.6/10万: cases over the population, times a hundred thousand.
- 发放救助资金1236.5万元,惠及8214人,人均救助1650元 (户均…): money handed
  out over the people or households it reached. Unlike 人均纯收入 or 人均GDP,
  money handed out is the quotient of the sum stated: that is what 人均 says.

Each is read only when its sentence (or, for the population, the sentence
before) states exactly what the quotient needs; every reading is inferred (a
warning), and any pair of candidates that gives the figure keeps it silent.
A per-head sum paid by the month (人均月补差) is left alone: the caseload of
a year changes month by month.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio, _skip_blanks, pair_explains

# 每千名老年人拥有养老床位48.6张: the people may be a group (老年人, 长者, 学生), counted over that group
_PER_THOUSAND_RE = re.compile(r"每(?P<per>百万|100\s*万|百|千|万|十万|1\s*0{2,6}|1\s*万|10\s*万|一万|十万)"
                              r"(?:(?P<who>(?:常住|户籍|农业|农村|城镇|服务)?人口?|户)|(?:名|位)?(?P<group>老年人|老人|长者|儿童|学生|居民|职工|妇女|农民|残疾人)口?)"
                              r"(?:平均)?(?:拥有|有)?(?P<noun>[\u4e00-\u9fff()]{1,10}?)(?:数|数量)?(?:为|达|达到|是)?约?(?:为|达)?\s*$")
_PER_FACTOR = {"百": 100, "千": 1000, "万": 10000, "十万": 100000, "一万": 10000, "1万": 10000, "10万": 100000,
               "百万": 1000000, "100万": 1000000,
               "100": 100, "1000": 1000, "10000": 10000, "100000": 100000, "1000000": 1000000}
# 全村共有农户1250户: the households a figure per hundred households is counted over
_HOUSEHOLDS_LABEL_RE = re.compile(r"(?:农户|居民户|住户|家庭户|总户数|户数|户籍户)(?:数)?(?:为|达|约|共|计算|按)?$")
# 约3.6人, 户均约2650元: a rounded figure, read against totals and people with a tenth of slack
_APPROXIMATE = ("约", "左右", "近")
SLACK = Fraction(1, 10)
# 村集体经营收入52.8万元,折合人均约412元 / 总产值6.15亿元,人均约2.8万元: the money right before, per head of the place
_PER_HEAD_OF_TOTAL_RE = re.compile(r"(?:折合|合)?(?P<who>人均|户均)(?:约|为|达)?\s*$")
_TOTAL_JUST_BEFORE_RE = re.compile(r"\s*[,,]\s*(?:折合|合)?(?:人均|户均)(?:约|为|达)?\s*")
_PLACE_RE = re.compile(r"(?:全|本|该)(村|组|镇|乡|县|区|市)|村集体|镇集体|乡集体")
_SUM_WORDS_RE = re.compile(r"收入|产值|总值|总额|资金|金额|分红|总量|增加值|经费")
_OWN_SHARE_WORDS_RE = re.compile(r"可支配|纯收入|消费|支出|储蓄|存款|工资|住房|GDP|生产总值")
_POPULATION_LOOKBACK = 3000  # characters back a population of the place may be stated (a profile's first paragraph)
_RATE_PER_100K_RE = re.compile(r"(?:发病率|患病率|死亡率|发生率|报告率|检出率)(?:为|达|是)?\s*$")
_PER_PERSON_RE = re.compile(r"(?P<who>人均|户均|每人|每户)(?P<words>[\u4e00-\u9fff]{0,6}?)(?:为|达|达到|约)?\s*$")
_HANDED_OUT_RE = re.compile(r"发放|救助|补助|补贴|资助|慰问|拨付|兑现|支付|奖补|奖励|分红|赔付|报销")
_REACHED_RE = re.compile(r"惠及|救助|资助|慰问|覆盖|发放给|补助|帮扶|受益|涉及|共|计")
_POPULATION_LABEL_RE = re.compile(r"(?:常住|户籍|农业|农村|城镇|服务|总|年末|辖区|全县|全市|全区|全镇|全乡)?人口(?:数)?(?:为|达|约|计算|按)?$")
# 万车死亡率1.56: deaths per ten thousand vehicles
_PER_VEHICLES_RE = re.compile(r"万车死亡率(?:为|达|是)?\s*$")
_VEHICLES_LABEL_RE = re.compile(r"(?:机动车|汽车|车辆)(?:保有量|拥有量|总数)?(?:为|达|达到|约)?$")
_DEATHS_LABEL_RE = re.compile(r"死亡(?:人数)?(?:为|达)?$")
# (农业人口按41.5万人计): the population a figure is counted over, in a bracket right after it
_BRACKET_AFTER_RE = re.compile(r"\s*\(")
_MAX_BACK = 8  # figures back from the per-unit figure a count may stand


def _words_before(text, pattern: re.Pattern, figure: Figure, reach: int) -> re.Match | None:
    """The pattern's match in the figure's clause, within reach characters before its number."""
    clause_start, _ = text.clause_span(figure.start)
    return pattern.search(text.norm, max(clause_start, figure.number_start - reach), figure.number_start)


def find_per_unit(analysis: Analysis) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    if "每" not in norm and "均" not in norm and "/10万" not in norm and "万车" not in norm and "千人口" not in norm:
        return []
    found: list[Ratio] = []
    for figure in figures:
        if not (figure.exact or figure.qualifier in _APPROXIMATE and figure.value_high is None) or figure.value <= 0:
            continue
        reading = None
        if figure.kind == "per100k":
            reading = _per_100k(text, figures, figure)
        elif figure.kind in ("count", "area"):  # 每万人口拥有公共文化设施面积1 260平方米: an area per head too
            reading = _per_thousand(text, figures, figure) or _per_named(text, figures, figure) or _per_counted(text, figures, figure)
        elif figure.kind == "permille":
            reading = _per_thousand_people_rate(text, figures, figure)
        elif figure.kind == "money":
            reading = (_per_person(text, figures, figure) or _per_head_of_total(text, figures, figure) or _per_named(text, figures, figure)
                       or _per_counted(text, figures, figure))
        elif figure.kind == "weight":
            reading = _per_named(text, figures, figure)
        elif figure.kind == "number" and not figure.multiplier > 1:
            reading = _per_vehicles(text, figures, figure)
        if reading is not None:
            found.append(reading)
    return found


def per_unit_words(text, figure: Figure) -> str:
    """每千人口床位数, 报告发病率, 人均救助 as the writer wrote them, for the message."""
    clause_start, _ = text.clause_span(figure.start)
    start = max(clause_start, figure.number_start - 20)
    for pattern in (_PER_VEHICLES_RE, _PER_THOUSAND_RATE_RE, _PER_THOUSAND_RE, _PER_PERSON_RE, _PER_NAMED_RE, _PER_COUNTED_RE):
        words = pattern.search(text.norm, start, figure.number_start)
        if words is not None and pattern is _PER_COUNTED_RE and not _counted_words(text.norm, words):
            words = None
        if words is not None:
            # the original's words, cut where the normalised copy's 为/达 start (為 in Traditional)
            kept = len(text.norm[words.start() : words.end()].rstrip("为达到是约 "))
            return text.original[words.start() : words.start() + kept]
    if figure.kind == "per100k":
        return (figure.subject[-4:] + figure.metric) or ""
    return ""


def _sentence_before(text, figures, figure: Figure, previous: bool) -> list[Figure]:
    """Figures of figure's sentence before it, and of the sentence before that too."""
    sentence_start, _ = text.sentence_span(figure.start)
    start = text.previous_sentence_start(sentence_start) if previous and sentence_start else sentence_start
    return [f for f in figures[max(0, figure.index - _MAX_BACK) : figure.index] if f.start >= start]


def _label(text, figure: Figure) -> str:
    clause_start, _ = text.clause_span(figure.start)
    return text.norm[max(clause_start, figure.number_start - 24) : figure.number_start]


def _group_people(text, candidates: list[Figure], group: str) -> list[Figure]:
    """60岁及以上老年人42.6万人 / 老年人口13.5万人: the people of the group a figure is counted per."""
    return [f for f in candidates if f.kind == "count" and f.base_unit == "人" and f.exact and f.value > 0
            and _label(text, f).rstrip(" ,按").endswith(tuple(group + tail for tail in ("", "口", "人口", "人数", "数")))]


def _populations(text, candidates: list[Figure]) -> list[Figure]:
    return [f for f in candidates if f.kind == "count" and f.base_unit == "人" and f.exact and f.value > 0
            and _POPULATION_LABEL_RE.search(_label(text, f).rstrip(" ,按"))]


def _per_thousand(text, figures, figure: Figure) -> Ratio | None:
    """每千人口床位数6.8张: 床位2206张 over 常住人口36.8万人, times a thousand."""
    words = _words_before(text, _PER_THOUSAND_RE, figure, 20)
    if words is None:
        return None
    noun = words.group("noun").removesuffix("数")
    candidates = _sentence_before(text, figures, figure, previous=True)
    bracketed = _in_bracket_after(text, figures, figure)  # …约72人(全县卫生技术人员2 413人)
    counts = [f for f in candidates + bracketed if f.kind == figure.kind and f.base_unit == figure.base_unit and f.exact
              and noun[-2:] in _label(text, f) and "每" not in _label(text, f)]
    group = words.group("group")
    if words.group("who") == "户":  # 每百户拥有家用汽车45辆: over the households
        people = [f for f in candidates if f.kind == "count" and f.base_unit == "户" and f.exact and f.value > 0
                  and _HOUSEHOLDS_LABEL_RE.search(_label(text, f).rstrip(" ,按"))]
    elif group:
        people = _group_people(text, candidates + bracketed, group)
    else:
        people = _populations(text, candidates + bracketed)
    # 每千常住人口执业医师3.41人(常住人口52.6万人,执业医师1 794人): the population counts no doctors
    counts = [f for f in counts if f not in people]
    factor = _PER_FACTOR[re.sub(r"\s", "", words.group("per"))]
    if (not counts or not people) and words.group("who") != "户":
        return _per_thousand_apart(text, figures, figure, noun, factor, group)
    return _reading(figure, counts, people, factor)


def _same_count_unit(a: Figure, b: Figure) -> bool:
    """医师1 046人 and 每万人拥有医师27.2名: people counted in 人 or 名 alike."""
    return a.base_unit == b.base_unit or {a.base_unit, b.base_unit} == {"人", "名"}


def _per_thousand_apart(text, figures, figure: Figure, noun: str, factor: int, group: str | None = None) -> Ratio | None:
    """现有执业医师1 046名。常住人口38.5万人。每万人拥有执业医师32.6名 / 每10万人拥有场馆8.2个,
    以常住人口42.6万人计。全县现有场馆31个: the count, the people and the figure in
    sentences of their own (two before it, one after). Read only when one value of
    each is stated there: a warning."""
    window = _sentences_around(text, figures, figure)
    sentence_start, _ = text.sentence_span(figure.start)

    def names(f: Figure) -> bool:
        # 立案86起,每10万人发案16.7起: in the figure's own sentence, the noun's last character names the count
        label = _label(text, f)
        return noun[-2:] in label or f.start >= sentence_start and f.index < figure.index and noun[-1] not in "数量率" and noun[-1] in label[-6:]
    counts = [f for f in window if f.kind == figure.kind and _same_count_unit(f, figure) and f.exact and f.value > 0
              and f is not figure and names(f) and not _PER_WORD_RE.search(_label(text, f))
              and not _CHANGE_NEAR_RE.search(_label(text, f)[-8:])]
    people = [f for f in (_group_people(text, window, group) if group else _populations(text, window)) if f not in counts]
    counts = [f for f in counts if f not in people]
    if len({f.value for f in counts}) != 1 or len({f.value for f in people}) != 1:
        return None
    reading = _reading(figure, counts, people, factor)
    if reading is None:
        return None
    def nearest(found: list[Figure]) -> Figure:  # the statement nearest before the figure, else after it
        return min(found, key=lambda f: (f.index > figure.index, abs(f.index - figure.index)))
    return replace(reading, numerator=nearest(counts), denominator=nearest(people))


# 千人口献血率7.8‰ / 每千常住人口献血率: people (or visits) doing it over the population, per thousand
_PER_THOUSAND_RATE_RE = re.compile(r"(?:每)?千(?:常住|户籍|服务)?人口(?P<noun>[\u4e00-\u9fff]{2,8}?)率(?:为|达|达到|是)?\s*$")


def _per_thousand_people_rate(text, figures, figure: Figure) -> Ratio | None:
    """全年无偿献血12 480人次,常住人口186万人,千人口献血率为7.8‰: 12480/1860000 × 1000."""
    words = _words_before(text, _PER_THOUSAND_RATE_RE, figure, 20)
    if words is None or figure.qualifier:
        return None
    stem = words.group("noun")[-2:]
    window = _sentences_around(text, figures, figure)
    people = _populations(text, window)
    done = [f for f in window if f.kind == "count" and f.base_unit in ("人次", "人") and f.exact and f.value > 0
            and f not in people and stem in text.norm.__getitem__(slice(*text.clause_span(f.start)))
            and not _CHANGE_NEAR_RE.search(_label(text, f)[-8:])]
    if len({f.value for f in done}) != 1 or len({f.value for f in people}) != 1:
        return None
    return _reading(figure, done, people, 1000)


_PER_WORD_RE = re.compile(r"每|人均|户均|新增|增加|减少")
_CHANGE_NEAR_RE = re.compile(r"增加|减少|增长|下降|比上年|较上年")
_AROUND_FIGURES = 10


def _sentences_around(text, figures, figure: Figure) -> list[Figure]:
    """Figures of the two sentences before figure's, its own and the one after (no further than a few figures)."""
    sentence_start, sentence_end = text.sentence_span(figure.start)
    start = sentence_start
    for _ in range(2):
        if start:
            start = text.previous_sentence_start(start)
    following = _skip_blanks(text.norm, sentence_end + 1, min(len(text.norm), sentence_end + 8))
    end = text.sentence_span(following)[1] if following < len(text.norm) else sentence_end
    return [f for f in figures[max(0, figure.index - _AROUND_FIGURES) : figure.index + _AROUND_FIGURES]
            if start <= f.start < end and f is not figure]


def _per_100k(text, figures, figure: Figure) -> Ratio | None:
    """报告肺结核186例,按常住人口45.2万人计算,报告发病率为51.6/10万."""
    if not _words_before(text, _RATE_PER_100K_RE, figure, 10):
        return None
    candidates = _sentence_before(text, figures, figure, previous=False)
    cases = [f for f in candidates if f.kind == "count" and f.base_unit in ("例", "人") and f.exact
             and not _POPULATION_LABEL_RE.search(_label(text, f).rstrip(" ,按"))]
    # the population may be stated in the sentence before (全县常住人口58.6万人。全年报告…)
    people = _populations(text, _sentence_before(text, figures, figure, previous=True) + _in_bracket_after(text, figures, figure))
    return _reading(figure, cases, people, 100000)


def _per_vehicles(text, figures, figure: Figure) -> Ratio | None:
    """机动车保有量21.6万辆,…道路交通事故死亡38人,万车死亡率为1.56: deaths over vehicles, times ten thousand."""
    if not _words_before(text, _PER_VEHICLES_RE, figure, 10):
        return None
    candidates = _sentence_before(text, figures, figure, previous=True)
    deaths = [f for f in candidates if f.kind == "count" and f.base_unit == "人" and f.exact
              and _DEATHS_LABEL_RE.search(_label(text, f))]
    vehicles = [f for f in candidates if f.kind == "count" and f.base_unit == "辆" and f.exact
                and _VEHICLES_LABEL_RE.search(_label(text, f))]
    return _reading(figure, deaths, vehicles, 10000)


def _in_bracket_after(text, figures, figure: Figure) -> list[Figure]:
    """The figures of a bracket right after figure (农业人口按41.5万人计)."""
    opened = _BRACKET_AFTER_RE.match(text.norm, figure.end)
    if opened is None:
        return []
    closed = text.norm.find(")", opened.end(), opened.end() + 40)
    return [f for f in figures[figure.index + 1 : figure.index + 4] if opened.end() <= f.start and f.end <= closed] if closed > 0 else []


def _per_person(text, figures, figure: Figure) -> Ratio | None:
    """发放救助资金1236.5万元,惠及8214人,人均救助1650元 (户均 over 户)."""
    words = _words_before(text, _PER_PERSON_RE, figure, 12)
    if words is None or "月" in words.group(0) or "年" in words.group(0):
        return None
    unit = "户" if words.group("who") in ("户均", "每户") else "人"
    candidates = _sentence_before(text, figures, figure, previous=False)
    sums = [f for f in candidates if f.kind == "money" and f.exact and _HANDED_OUT_RE.search(_label(text, f))]
    reached = [f for f in candidates if f.kind == "count" and (f.base_unit == unit or unit == "人" and f.base_unit == "名") and f.exact
               and (_REACHED_RE.search(_label(text, f)) and not any(s.index > f.index for s in sums)
                    or _paid_to(text, f, sums))]
    sentence_start, _ = text.sentence_span(figure.start)
    if len(sums) != 1 or len(reached) != 1 or "月" in text.norm[max(sentence_start, sums[0].start - 12) : figure.start]:
        return None
    return _reading(figure, sums, reached, 1)


_PAID_TO_HEAD_RE = re.compile(r"(?:向|为|给)(?:全[县市区镇乡村]|本[县市区镇乡村])?$")
_PAID_TO_RE = re.compile(r"\s*[^\d,。;]{0,12}?(?:发放|拨付|支付|兑现|发给)")


def _paid_to(text, count: Figure, sums: list[Figure]) -> bool:
    """向1830户困难家庭发放…412万元: the households or people money is paid to, named before the sum."""
    norm = text.norm
    return (_PAID_TO_HEAD_RE.search(norm, max(0, count.number_start - 8), count.number_start) is not None
            and _PAID_TO_RE.match(norm, count.end) is not None
            and any(s.index > count.index for s in sums))


def _per_head_of_total(text, figures, figure: Figure) -> Ratio | None:
    """村集体经营收入52.8万元,折合人均约412元 with 全村常住人口1742人 stated earlier:
    the money total right before over the place's population, with a tenth of
    slack (a year's average population, a rounded per-head figure)."""
    norm = text.norm
    clause_start, _ = text.clause_span(figure.start)
    words = _PER_HEAD_OF_TOTAL_RE.search(norm, max(clause_start, figure.number_start - 8), figure.number_start)
    if words is None or figure.index == 0 or words.start() != clause_start + (len(norm[clause_start:words.start()]) - len(norm[clause_start:words.start()].lstrip())):
        return None  # 人均 opens its clause: no noun of its own (人均可支配收入 is not total / people)
    total = figures[figure.index - 1]
    if not (total.kind == "money" and total.exact and total.value > figure.value
            and _TOTAL_JUST_BEFORE_RE.fullmatch(norm, total.end, figure.number_start)):
        return None
    label = _label(text, total)
    if not _SUM_WORDS_RE.search(label) or _OWN_SHARE_WORDS_RE.search(label) or "人均" in label or "户均" in label:
        return None
    sentence_start, _ = text.sentence_span(total.start)
    if _HANDED_OUT_RE.search(label):
        return None  # money handed out is _per_person's
    place = _PLACE_RE.search(norm, max(sentence_start, total.number_start - 40), total.number_start)
    level = (place.group(1) or place.group()[0]) if place is not None else ""
    levels = set()
    unit = "户" if words.group("who") == "户均" else "人"
    people = []
    for candidate in figures[max(0, total.index - 200) : total.index][::-1]:
        if candidate.start < sentence_start - _POPULATION_LOOKBACK:
            break
        if candidate.kind != "count" or candidate.base_unit != unit or not candidate.exact or candidate.value <= 0:
            continue
        candidate_label = _label(text, candidate).rstrip(" ,按")
        if unit == "人" and not _POPULATION_LABEL_RE.search(candidate_label):
            continue
        if unit == "户" and not _HOUSEHOLDS_LABEL_RE.search(candidate_label):
            continue
        scope = _PLACE_RE.search(candidate_label)
        if scope is None or level and (scope.group(1) or scope.group()[0]) != level:
            return None  # the population of another place comes first: which one is not said
        levels.add(scope.group(1) or scope.group()[0])
        people.append(candidate)
    if len(levels) > 1:
        return None  # populations of two places and a total that names neither
    return _reading(figure, [total], people, 1, SLACK)


def _reading(figure: Figure, totals: list[Figure], people: list[Figure], scale: int | Fraction,
             spread: Fraction = Fraction(0), approximate: Fraction = SLACK) -> Ratio | None:
    """A warning when no total over no population gives the figure; None otherwise.
    A rounded figure (约) is read with a tenth of slack (`approximate`)."""
    if not totals or not people:
        return None
    if figure.qualifier:
        spread = max(spread, approximate)
    if figure.multiplier != 1:
        scale = Fraction(scale, figure.multiplier)  # 人均约2.8万元: the quotient in the figure's own 万
    if any(pair_explains(total, population, figure, scale=scale, spread=spread) for total in totals for population in people):
        return None
    total = max(totals, key=lambda f: f.index)
    population = max(people, key=lambda f: f.index)
    return Ratio(figure, total, population, inferred=True, kind="per_head", scale=scale, spread=spread)


# 人均农业产值约为2.6万元 / 亩均税收22.6万元 / 平均每名联络住户约26户 / 折合村集体收入人均约386元:
# a figure per head, per household, per mu or per person of a team, whose words name the total it divides
_PER_NAMED_RE = re.compile(
    r"(?:(?P<pre>[\u4e00-\u9fff]{2,8}?)(?P<base1>人|户|亩)均(?:约|为|达)?"
    r"|(?:(?P<base2>人|户|亩)均|平均每(?P<base3>名|位|人|户|亩)|每(?P<base4>名|位))(?P<noun>[\u4e00-\u9fff]{2,8}?)(?:约为|约|为|达到|达|是)?)\s*$")
# income and output per head are not stated totals over stated people: 纯收入 ≠ 总收入, GDP is over the year's average
_NOT_A_QUOTIENT_RE = re.compile(r"可支配|纯收入|消费|支出|储蓄|存款|工资|薪|GDP|生产总值|寿命|年龄|住房|月|日|天|次|标准|补助|补贴|救助|发放")
_NAMED_KINDS = frozenset({"money", "weight", "count"})
_WEIGHT_FACTOR = {("吨", "公斤"): 1000, ("吨", "斤"): 2000, ("公斤", "斤"): 2}
NAMED_SLACK = Fraction(1, 20)  # 约26户: a figure said to be about so much, within a twentieth


def _per_named(text, figures, figure: Figure) -> Ratio | None:
    """全镇户籍人口3.46万人。完成农业总产值7.82亿元,人均农业产值约为2.6万元: the total
    whose words carry the per-head figure's noun (产值), over the people, households,
    land or team members stated in its sentence or the two before; a warning, and only
    when no pair of them gives the figure."""
    if figure.kind not in _NAMED_KINDS or figure.value_high is not None:
        return None
    if figure.qualifier and figure.qualifier not in _APPROXIMATE:
        return None
    norm = text.norm
    words = _words_before(text, _PER_NAMED_RE, figure, 16)
    if words is None:
        return None
    noun = (words.group("pre") or words.group("noun")).removeprefix("折合").removeprefix("合")
    base = words.group("base1") or words.group("base2") or words.group("base3") or words.group("base4")
    if _NOT_A_QUOTIENT_RE.search(noun) or len(noun) < 2:
        return None
    core = noun.replace("总", "").removesuffix("数").removesuffix("量")
    window = [f for f in _sentences_around(text, figures, figure) if f.index < figure.index]
    totals = [f for f in window if f.exact and f.value > 0 and _same_measure(f, figure) and core[-2:] in _label(text, f)
              and not _PER_WORD_RE.search(_label(text, f)) and not _CHANGE_NEAR_RE.search(_label(text, f)[-8:])]
    if base == "人":
        people = _populations(text, window)
    elif base == "户":
        people = [f for f in window if f.kind == "count" and f.base_unit == "户" and f.exact and f.value > 0
                  and _HOUSEHOLDS_LABEL_RE.search(_label(text, f).rstrip(" ,按"))]
    elif base == "亩":
        people = [f for f in window if f.kind == "area" and f.base_unit == "亩" and f.exact and f.value > 0
                  and not _PER_WORD_RE.search(_label(text, f))]
    else:  # 每名: the members of a team counted in 名 (人)
        people = [f for f in window if f.kind == "count" and f.base_unit in ("名", "人", "位") and f.exact and f.value > 0
                  and not _PER_WORD_RE.search(_label(text, f)) and f not in totals]
    people = [f for f in people if f not in totals]
    if not totals or not people or len(totals) > 3 or len(people) > 3:
        return None
    factor = _WEIGHT_FACTOR.get((totals[0].base_unit, figure.base_unit), 1) if figure.kind == "weight" else 1
    spread = NAMED_SLACK if figure.qualifier else Fraction(0)
    if figure.kind == "money" and base == "人":
        spread = SLACK if figure.qualifier else spread  # a year's income over the year's average population
    ratio = _reading(figure, totals, people, factor, spread, spread or NAMED_SLACK)
    named = [f for f in totals if core[:2] in _label(text, f)]  # 村集体经济收入 before 经营性收入 for 村集体收入
    return replace(ratio, numerator=named[-1]) if ratio is not None and named else ratio


def _same_measure(total: Figure, figure: Figure) -> bool:
    """A total the figure can be a quotient of: money with money, tonnes with kilograms, households with households."""
    if total.kind != figure.kind:
        return False
    if total.kind == "weight":
        return total.base_unit == figure.base_unit or (total.base_unit, figure.base_unit) in _WEIGHT_FACTOR
    return total.base_unit == figure.base_unit


# 次均赔付5 415元 / 件均… / 企业平均从业人员约46人: a figure per occasion, case or unit counted
# (the 人次, 件 or 家 of a count in the same or nearby sentences), its noun naming the total it divides
_PER_COUNTED_RE = re.compile(
    r"(?:(?P<base>人次|次|件|笔|单|例|宗|批)均|(?P<who>[\u4e00-\u9fff]{2,6}?)平均(?:每[家个所])?)"
    r"(?P<noun>[\u4e00-\u9fff]{2,8}?)(?:约为|约|为|達到|达到|达|達|是)?\s*$")
_BASE_UNITS = {"人次": ("人次",), "次": ("人次", "次"), "件": ("件",), "笔": ("笔", "筆"), "单": ("单", "單"),
               "例": ("例",), "宗": ("宗",), "批": ("批",)}
_WHO_UNITS = ("家", "个", "個", "所", "户", "戶", "座", "处", "處", "支", "村", "所")
# 全年平均… / 月平均… / 日均: a mean over time, not over a count; 年龄, 工资 … are no quotients of a stated total
_NOT_A_WHO_RE = re.compile(r"年|月|日|天|周|週|人|全|总|總|每|其中|同比|比")
_NOT_COUNTED_RE = re.compile(r"可支配|纯收入|純收入|消费|消費|工资|工資|薪|年龄|年齡|寿命|壽命|标准|標準|增长|增長|月|日|天|率")


def _per_counted(text, figures, figure: Figure) -> Ratio | None:
    """理赔4.12万人次,赔付金额1.86亿元,次均赔付5 415元 / 企业412家、从业人员2.64万人 … 企业平均从业
    人员约46人: the total whose words hold the figure's noun (赔付, 从业人员) over the count of the
    occasions (人次) or of the units named before 平均 (企业…家), in the sentence, the two before or
    the one after; a warning, and only when no pair of them gives the figure."""
    if figure.value_high is not None or figure.qualifier and figure.qualifier not in _APPROXIMATE:
        return None
    norm = text.norm
    words = _words_before(text, _PER_COUNTED_RE, figure, 16)
    if words is None:
        return None
    if not _counted_words(norm, words):
        return None
    noun = words.group("noun").removeprefix("金额").removeprefix("金額")
    who = words.group("who") or ""
    core = noun.replace("总", "").replace("總", "").removesuffix("数").removesuffix("數").removesuffix("量")
    if len(core) < 2:
        return None
    window = [f for f in _sentences_around(text, figures, figure) if f.index < figure.index]
    totals = [f for f in window if f.exact and f.value > 0 and _same_measure(f, figure) and core in _label(text, f)
              and not _PER_WORD_RE.search(_label(text, f)) and "均" not in _label(text, f)
              and not _CHANGE_NEAR_RE.search(_label(text, f)[-8:])]
    if who:
        counts = [f for f in window if f.kind == "count" and f.base_unit in _WHO_UNITS and f.exact and f.value > 0
                  and _label(text, f).rstrip(" ,、共计有为达").endswith(who)]
    else:
        units = _BASE_UNITS[words.group("base")]
        counts = [f for f in window if f.kind == "count" and f.base_unit in units and f.exact and f.value > 0
                  and not _PER_WORD_RE.search(_label(text, f)) and "均" not in _label(text, f)]
    counts = [f for f in counts if f not in totals]
    if not totals or not counts or len(totals) > 2 or len(counts) > 2:
        return None
    spread = NAMED_SLACK if figure.qualifier else Fraction(0)
    return _reading(figure, totals, counts, 1, spread, spread or NAMED_SLACK)


def _counted_words(norm: str, words: re.Match) -> bool:
    """次均赔付 / 企业平均从业人员, not 每平方公里平均居住 or 全年平均: a count's unit before 平均."""
    who = words.group("who") or ""
    if _NOT_COUNTED_RE.search(words.group("noun")):
        return False
    return not who or not _NOT_A_WHO_RE.search(who) and not norm[max(0, words.start() - 1) : words.start()] == "每"
