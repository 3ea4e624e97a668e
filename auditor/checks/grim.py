"""GR001: a rate over a stated sample that no whole number of cases can give
(抽查病历1327份,甲级病历率93.26%: 1237 → 93.22%, 1238 → 93.29%). The GRIM
test (granularity-related inconsistency of means, Brown and Heathers 2017)."""

from __future__ import annotations

import re

from collections.abc import Mapping
from fractions import Fraction
from math import ceil, floor
from typing import Any

from auditor.arith import rate_interval
from auditor.checks.base import NumericCheck, Params
from auditor.checks.common import as_written
from auditor.extract import Figure
from auditor.lexicon import RATE_WORDS
from auditor.model import Hit
from auditor.prospect import spoken_of_as_to_come

_RATE_ENDINGS = RATE_WORDS


class GrimParams(Params):
    # words that make a count the sample a rate is taken over
    sample_words: tuple[str, ...] = ("抽查", "抽检", "抽样", "抽取", "调查", "问卷", "测评", "暗访")
    # words that make the count the cases found rather than the sample (完成检查1401对)
    done_words: tuple[str, ...] = ("完成", "已", "实际", "累计", "其中")
    largest_sample: int = 100000  # beyond it every rate of two decimals is possible


# 参加复训的驾驶员53人中,考核合格的占62.4%: a group head, its members' share right after
# (48个接种门诊中达到标准的占…: the comma after 中 may be left out, 中心 and 中学 are no group head;
# 32个登记大厅全部实现…,其中…的大厅占…: a clause of the group's own before 其中, the share naming its noun)
_GROUP_SHARE_RE = re.compile(
    r"(?:[\u4e00-\u9fff]{0,8}?(?:之|当)?中(?:\s*[,:]|(?![心学医药国央部期小级型等断]))"
    r"|\s*[,:]\s*其中[,:]?|(?P<clause>[^\d。;:]{1,30}?[,:]\s*其中[,:]?))"
    r"\s*(?P<words>[^\d,。;:()%]{1,20}?)(?:(?:的)?占(?:比)?|(?<=[\u4e00-\u9fff])率)(?:为|达|是)?\s*")
_GROUP_NOUN_RE = re.compile(r"[\u4e00-\u9fff]{2,10}?(?=全部|均|已|都|实现|,|中)")
_GROUP_UNITS = frozenset({"人", "名", "户", "家", "所", "个", "村", "位"})
_SOFT_RE = re.compile(r"约|近|接近|将近|左右|超过|以上|不足|不到|大约|大概|逾")
# a share of something other than the group's members: money, land, visits, other kinds of things
_OTHER_MEASURE_RE = re.compile(r"人次|次|用时|时长|工时|元|亩|面积|金额|资金|收入|产值|吨|公斤|时间|天数|比重|比例")
_PEOPLE = frozenset({"人", "名", "位"})
_NOT_A_MEMBER_RATE_RE = re.compile(r"覆盖|增长|增速|利用|使用|出生|死亡|自然|发病|患病|贡献|负债|收益|利润|转化|周转|空置|入住|人均")


def _group_sample(analysis, rate: Figure) -> Figure | None:
    """The count of a group head (N人中,) right before a share of its members."""
    if rate.kind != "percent" or rate.in_list or rate.qualifier or rate.index == 0 or not 0 < rate.value < 100:
        return None
    sample = analysis.figures[rate.index - 1]
    norm = analysis.text.norm
    sentence_start, _ = analysis.text.sentence_span(rate.start)
    if (sample.start < sentence_start or sample.kind != "count" or not sample.exact or sample.multiplier != 1
            or sample.decimals or sample.base_unit not in _GROUP_UNITS or not 0 < sample.value <= 100000):
        return None
    between = _GROUP_SHARE_RE.fullmatch(norm, sample.end, rate.number_start)
    if between is None:
        return None
    words = between.group("words")
    if between.group("clause") is not None:
        noun = _GROUP_NOUN_RE.match(norm, sample.end)
        if noun is None or noun.group(0)[-2:] not in words:
            return None  # the share must name the group's noun again (…的大厅占40.5%)
    if "占" not in norm[between.start("words") : rate.number_start] and (
            sample.base_unit not in _PEOPLE | {"户"} or _NOT_A_MEMBER_RATE_RE.search(words)):
        return None  # 216个村中,森林覆盖率…: a rate of something other than the group's members
    head = norm[analysis.text.clause_span(sample.start)[0] : sample.number_start]
    if _SOFT_RE.search(words) or _SOFT_RE.search(head) or _OTHER_MEASURE_RE.search(words):
        return None
    if sample.base_unit not in _PEOPLE and re.search(r"人|户", words) and sample.base_unit != "户":
        return None  # 53个班组中,合格人员占…: a share of people, not of the groups
    if sample.base_unit == "户" and "人" in words:
        return None
    return sample


def _sample(analysis, rule, rate: Figure) -> Figure | None:
    """The one count before a rate in its sentence, cued as a sample, with no other figure between."""
    return (_stated_sample(analysis, rule, rate) or _group_sample(analysis, rate) or _noun_sample(analysis, rate)
            or _rate_first_sample(analysis, rate) or _inventory_sample(analysis, rule, rate))


# 受访的48家企业中,38.6%反映融资难 / 走访企业48家,其中38.6%的企业反映…: the share before what its members did
_RATE_FIRST_HEAD_RE = re.compile(r"(?P<head>[\u4e00-\u9fff]{0,6}?)(?P<among>之中|中)?\s*[,:]\s*(?:其中\s*[,:]?\s*)?")
_RATE_FIRST_TAIL_RE = re.compile(r"\s*(?:的(?P<noun>[\u4e00-\u9fff]{2,6}?)(?:[\u4e00-\u9fff]{2})|(?P<verb>[\u4e00-\u9fff]{2}))")
_NOT_MEMBERS_AFTER_RE = re.compile(r"^\s*(?:以上|以下|左右|上下|的(?:比例|比重|份额|资金|面积|金额|人|户|产值|收入|增长|水平))")


def _rate_first_sample(analysis, rate: Figure) -> Figure | None:
    if rate.kind != "percent" or rate.in_list or rate.qualifier or rate.index == 0 or not 0 < rate.value < 100 or rate.metric:
        return None
    sample = analysis.figures[rate.index - 1]
    text, norm = analysis.text, analysis.text.norm
    sentence_start, _ = text.sentence_span(rate.start)
    if (sample.start < sentence_start or sample.kind != "count" or not sample.exact or sample.multiplier != 1
            or sample.decimals or sample.base_unit not in _GROUP_UNITS or not 0 < sample.value <= 100000):
        return None
    head = _RATE_FIRST_HEAD_RE.fullmatch(norm, sample.end, rate.number_start)
    if head is None:
        return None
    tail = _RATE_FIRST_TAIL_RE.match(norm, rate.end)
    if tail is None or _NOT_MEMBERS_AFTER_RE.match(norm, rate.end) or _OTHER_MEASURE_RE.match(norm, rate.end + 1):
        return None
    clause_start, _ = text.clause_span(sample.start)
    before = _NOUN_BEFORE_RE.search(norm, max(clause_start, sample.number_start - 8), sample.number_start)
    own = head.group("head") or (before.group("noun") if before else "")
    if tail.group("noun") is not None:
        noun = tail.group("noun")
        if not (own.endswith(noun) or len(own) >= 2 and noun.endswith(own[-2:])):
            return None  # 48家企业,38.6%的农户…: of other things
    elif head.group("among") is None or _CHANGE_AFTER_RE.match(norm, rate.end):
        return None  # 48家,38.6%增长…: only 中 makes the share one of the group's members
    if _SOFT_RE.search(norm, clause_start, sample.number_start) or _SOFT_RE.match(norm, max(0, rate.number_start - 2), rate.number_start):
        return None
    return sample


_CHANGE_AFTER_RE = re.compile(r"\s*(?:的)?(?:增长|下降|提高|降低|增加|减少|同比|比上年|较上年|用于|来自|集中|分布)")


# 走访企业48家,反映融资难的企业占38.6% / 46个园区中,已实现…的园区覆盖率达93.6%: the share names the
# counted things' own noun after 的, so it is a share of them
_NOUN_SHARE_RE = re.compile(
    r"(?P<head>[\u4e00-\u9fff]{0,6}?)(?:之中|中)?\s*[,:。]\s*(?P<words>[^\d,。;:()%]{1,24}?)的(?P<noun>[\u4e00-\u9fff]{2,6}?)"
    r"(?:(?:数)?占(?:比)?|(?P<rate>[\u4e00-\u9fff]{0,4}率))(?:为|达|达到|是)?\s*")
_NOUN_BEFORE_RE = re.compile(r"(?P<noun>[\u4e00-\u9fff]{1,6})(?:共|有|数|总数)?\s*$")
_NOUN_RATE_NAMES = ("覆盖率", "达标率", "合格率", "通过率", "完成率", "占比", "比例", "实现率", "到位率", "满意率", "知晓率", "参与率", "通达率")


def _group_before(analysis, rate: Figure, units: frozenset[str] | set[str], least: int, most: int) -> Figure | None:
    """The whole-number count of a group right before a plain rate (its figure just before),
    in the rate's sentence or closing the sentence before (本次调查覆盖企业48家。反映…的企业占38.6%)."""
    if rate.kind != "percent" or rate.in_list or rate.qualifier or rate.index == 0 or not 0 < rate.value < 100:
        return None
    sample = analysis.figures[rate.index - 1]
    sentence_start, _ = analysis.text.sentence_span(rate.start)
    reach = analysis.text.previous_sentence_start(sentence_start) if sentence_start else sentence_start
    if (sample.start < reach or sample.kind != "count" or not sample.exact or sample.multiplier != 1
            or sample.decimals or sample.base_unit not in units or not least < sample.value <= most):
        return None
    return sample


def _noun_sample(analysis, rate: Figure) -> Figure | None:
    sample = _group_before(analysis, rate, _GROUP_UNITS, 0, 100000)
    if sample is None:
        return None
    text, norm = analysis.text, analysis.text.norm
    between = _NOUN_SHARE_RE.fullmatch(norm, sample.end, rate.number_start)
    if between is None:
        return None
    noun, words = between.group("noun"), between.group("words")
    named_rate = between.group("rate") or ""
    if named_rate and (not named_rate.endswith(_NOUN_RATE_NAMES) or _OTHER_MEASURE_RE.search(named_rate) or "面积" in named_rate):
        return None  # 园区面积覆盖率: a share of land, not of the parks
    clause_start, _ = text.clause_span(sample.start)
    before = _NOUN_BEFORE_RE.search(norm, max(clause_start, sample.number_start - 8), sample.number_start)
    own = between.group("head") or (before.group("noun") if before else "")
    if len(noun) < 2 or not own.endswith(noun) and not (len(own) >= 2 and noun.endswith(own[-2:])):
        return None  # 48家企业,…的农户占: the share is of other things than those counted
    head = norm[clause_start : sample.number_start]
    if "其中" in head or _SOFT_RE.search(words) or _SOFT_RE.search(head) or _OTHER_MEASURE_RE.search(words):
        return None
    if re.search(r"人|户", noun) and sample.base_unit not in _PEOPLE | {"户"}:
        return None
    return sample


def _stated_sample(analysis, rule, rate: Figure) -> Figure | None:
    if rate.kind != "percent" or rate.in_list or rate.qualifier or not rate.metric.endswith(_RATE_ENDINGS):
        return None
    if rate.index == 0 or not 0 < rate.value < 100:
        return None  # 0, 100 and beyond: any sample gives them, or RB001 speaks
    sample = analysis.figures[rate.index - 1]
    text = analysis.text
    sentence_start, _ = text.sentence_span(rate.start)
    if sample.start < sentence_start or sample.kind != "count" or not sample.exact or sample.multiplier != 1 or sample.decimals:
        return None
    if not 0 < sample.value <= rule.options.largest_sample:
        return None
    if rate.index >= 2 and analysis.figures[rate.index - 2].start >= sentence_start and analysis.figures[rate.index - 2].kind == "count":
        return None  # a second count: a numerator may be stated, RT001's business
    clause_start, _ = text.clause_span(sample.start)
    head = text.norm[clause_start : sample.number_start]
    if not any(word in head for word in rule.options.sample_words) or any(word in head for word in rule.options.done_words):
        return None
    return sample


def possible(rate: Figure, sample: Figure) -> bool:
    """Whether some whole k of n gives the stated rate (rounded or truncated)."""
    low, high = rate_interval(rate.written, rate.decimals, rate.qualifier)
    n = int(sample.value)
    k_low = max(0, ceil(low * n / 100))
    k_high = min(n, floor(high * n / 100))
    return any(low <= Fraction(100 * k, n) < high for k in range(k_low, k_high + 1))


class Grim(NumericCheck):
    """A rate over a stated sample that no whole number of cases can give."""

    name = "grim"
    params = GrimParams
    provides = frozenset({"metric", "stated", "sample", "nearest"})

    def columns(self, rule) -> tuple[str, ...]:
        return ("grim_possible",)

    def judged(self, analysis, rule) -> Mapping[int, tuple[Figure, Figure]]:
        with_parts = {r.rate.index for r in analysis.relations.ratios}
        judged = {}
        for figure in analysis.figures:
            if figure.kind == "percent" and figure.index not in with_parts:
                sample = _sample(analysis, rule, figure)
                if sample is not None and spoken_of_as_to_come(analysis.text, figure.number_start):
                    continue
                if sample is not None:
                    judged[figure.index] = (figure, sample)
        return judged

    def row(self, analysis, rule, subject) -> dict[str, Any]:
        rate, sample = subject
        return {"grim_possible": possible(rate, sample)}

    def holds(self, row, rule) -> bool:
        return row.get("grim_possible") is not False

    def expectations(self, rule) -> list[Any]:
        import great_expectations.expectations as gxe

        return [gxe.ExpectColumnValuesToBeInSet(column="grim_possible", value_set=[True],
                                                 meta={"rule": rule.id, "role": "grim"})]

    def hit(self, analysis, rule, subject, row, failed_roles) -> Hit:
        rate, sample = subject
        n = int(sample.value)
        k = floor(Fraction(rate.written) * n / 100)
        neighbours = [j for j in (k, k + 1) if 0 <= j <= n]
        shown = "、".join(f"{j}/{n}={_two(Fraction(100 * j, n), rate.decimals)}%" for j in neighbours)
        return Hit(rate.start, rate.end,
                   {"metric": rate.metric or "占比", "stated": as_written(analysis, rate), "sample": as_written(analysis, sample),
                    "nearest": shown},
                   {"metric": rate.metric, "stated": rate.written, "sample": sample.value, "nearest": shown},
                   related=((sample.start, sample.end),), severity="")


def _two(value: Fraction, decimals: int) -> str:
    from auditor.arith import round_half_up

    return format(round_half_up(value, max(decimals, 2)), "f")


CHECKS = (Grim(),)


# 全县适龄残疾儿童少年52人,入学率为97.8% / 对区内41间学校饭堂进行专项抽查,合格率为96.3% /
# 抽查定点机构23家,发现存在违规问题的占56.3% / 现有批发企业37家,全部接受复查,首次复查即通过的占83.5%:
# a whole (a sample, an inventory, the eligible) closing its clause, the rate of its members in the clause after
_INVENTORY_SAMPLE_RE = re.compile(
    r"(?P<rest>[^\d,。;:()%]{0,12}?)\s*[,,]\s*(?:(?P<all>全部|均|都)[^\d,。;:()%]{1,12}?\s*[,,]\s*)?"
    r"(?:(?P<share>[^\d,。;:()%]{1,24}?)的(?P<noun>[\u4e00-\u9fff]{1,4}?)?占(?:比)?|(?:年内|目前|其|全年)?(?P<rate>[\u4e00-\u9fff]{2,6}?率))(?:为|达|达到|是)?\s*")
_SAMPLE_UNITS = _GROUP_UNITS | {"间", "座", "批", "批次", "项"}
_ORDINAL_TIMES_RE = re.compile(r"[首初再一]次")
_CHECKED_RE = re.compile(r"抽查|抽检|抽样|抽取|检查|复查|检测|督查|暗访|核查|评估|验收|巡查")
_WHOLE_CUE_RE = re.compile(r"适龄|在册|登记|现有|辖区|建成|建有|共有|设有|拥有")
# rates of the counted members themselves, not of land, money, visits or another population
_MEMBER_RATES = ("合格率", "达标率", "通过率", "联网率", "入学率", "入园率", "完好率", "验收率", "在线率", "开通率", "接入率", "正常率", "运行率", "上线率")


def _inventory_sample(analysis, rule, rate: Figure) -> Figure | None:
    # (…企业37家,\n全部接受复查,…: a wrapped line may end the sentence; the match below allows no 。 or ; between)
    sample = _group_before(analysis, rate, _SAMPLE_UNITS, 1, 1000) if rate.decimals else None
    if sample is None:
        return None
    text, norm = analysis.text, analysis.text.norm
    between = _INVENTORY_SAMPLE_RE.fullmatch(norm, sample.end, rate.number_start)
    if between is None:
        return None
    clause_start, _ = text.clause_span(sample.start)
    head = norm[clause_start : sample.number_start]
    if any(word in head for word in rule.options.done_words) or _SOFT_RE.search(head):
        return None  # 已治愈38人,治愈率…: the count is the cases, not the whole
    checked = _CHECKED_RE.search(head + between.group("rest"))
    named_rate = between.group("rate")
    if named_rate is not None:
        if not named_rate.endswith(_MEMBER_RATES) or named_rate[:-1] in head:
            return None
        if not (checked or _WHOLE_CUE_RE.search(head)):
            return None
    else:
        words = between.group("share") + "的" + (between.group("noun") or "")
        if not (checked or between.group("all") and _WHOLE_CUE_RE.search(head)):
            return None  # 发现…的占: only of a sample checked, or of all of an inventory
        if _OTHER_MEASURE_RE.search(_ORDINAL_TIMES_RE.sub("", words)) or _SOFT_RE.search(words):
            return None  # (首次复查即通过的: the first time, not a count of visits)
    if re.search(r"人|户", between.group(0)) and sample.base_unit not in _PEOPLE | {"户"}:
        return None
    return sample
