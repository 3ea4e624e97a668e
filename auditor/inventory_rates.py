"""Rates over an inventory stated a sentence or two earlier under the same noun.

全县登记在用电梯560部。……年度检验合格的电梯548部,检验合格率为98.9%: the rate
counts the things that did it (检验合格的电梯, 1198套终端能够正常鸣响, 能正常出水的
消火栓) over the inventory of those things (在用电梯, 安装…终端, 共有…消火栓) stated
up to two sentences before, or three lines apart (…548部。检验合格率为98.9%。).

The count is the last quantity before the rate (in its clause chain, or the
sentence before when the rate stands alone); its noun is the one next to its
number (…的电梯548部, 合格电梯548部, 1198套终端). The inventory is an earlier
quantity of the same unit, at least as large, whose words carry that noun.
Read only when the rate's verb is in the count's words (检验合格 and 合格率) or
the count is a 的-phrase of things in a state (能正常出水的消火栓 and 完好率);
only when one value of the inventory is stated there (a second one, 实际检验的
电梯520部, makes it no reading unless it gives the rate); only when the count
over it comes within a fifth of the rate. Always a warning: the pairing is
inferred. Other readers come first: this one only fills their gaps.
"""

from __future__ import annotations

import re

from auditor.arith import APPROXIMATE_WORDS
from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio, _counts_event, _is_quantity, _near_stated, _other_period, _same_unit, pair_explains

_STATE_RATE_RE = re.compile(r"(?:完好|合格|达标|到位|正常|在线|完成|接通|鸣响|响应|出勤|办结|满意|覆盖|通过|验收|整改|运行|使用)率$")
_NOUN_BEFORE_RE = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,8}?)(?:共计|共有|总数|数量|共|有|为|达|计)?\s*$")
_NOUN_AFTER_RE = re.compile(r"\s*(?P<noun>[\u4e00-\u9fff]{2})")
_OF_PHRASE_RE = re.compile(r"的(?P<noun>[\u4e00-\u9fff]{2,6})(?:共|有|为|达)?\s*$")
_RATE_NAME_LEAD_RE = re.compile(r"^(?:[,:\s]|为|达|是|全县|全市|全区|全镇|全乡|年度|全年|总体|整体|综合)+")
_NOT_A_LONE_RATE_RE = re.compile(r"其中|分别|平均|同比|增长|下降|提高|降低|比上年|较上年")
_CHANGE_RE = re.compile(r"增加|减少|增长|下降|新增|比上年|较上年|同比")
_INVENTORY_RE = re.compile(r"共有|共计|现有|登记|在用|在册|在运|安装|设置|建成|建有|布设|配备|辖区|全[县市区镇乡]|参加|参与|纳入|排查|总数|共|有")
_INVENTORY_TAIL_RE = re.compile(r"(?:共计|共有|总数|数量|共|有|为|达|计|\s)+$")
_DONE_RE = re.compile(r"完成|累计|实际|其中")
_PEOPLE_UNITS = frozenset({"人", "人次", "名", "例", "位", "户", "次"})
# activities, not things: 健康管理14641人 and 健康管理20632人 count services, not an inventory
_ACTIVITY_WORDS = frozenset({"管理", "服务", "治疗", "检查", "随访", "接种", "筛查", "体检", "培训", "救助", "办理", "处理",
                             "检测", "检验", "考核", "验收", "整改", "监测", "巡查", "排查", "评估", "审核", "受理"})
_WORDS_REACH = 24
_LOOKBACK_FIGURES = 12
_LOOKBACK_SENTENCES = 2


def find_inventory_rates(analysis: Analysis, claimed: set[int]) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    found: list[Ratio] = []
    for rate in figures:
        if (rate.index in claimed or rate.kind != "percent" or rate.in_list or rate.qualifier or not rate.metric.endswith("率")
                or rate.index == 0 or not 0 < rate.value <= 100):
            continue
        reading = _reading(text, figures, rate)
        if reading is not None:
            found.append(reading)
    return found


def _words(text, figure: Figure) -> str:
    clause_start, _ = text.clause_span(figure.start)
    return text.norm[max(clause_start, figure.number_start - _WORDS_REACH) : figure.number_start]


def _after(text, figure: Figure) -> str:
    _, clause_end = text.clause_span(figure.start)
    return text.norm[figure.end : min(clause_end, figure.end + _WORDS_REACH)]


def _count_of(text, figures, rate: Figure) -> Figure | None:
    """The last quantity before the rate: in its sentence's clauses, or ending the sentence before when the rate stands alone."""
    count = figures[rate.index - 1]
    if not _is_quantity(count) or count.kind != "count" or not count.exact:
        return None
    sentence_start, _ = text.sentence_span(rate.start)
    if count.start >= sentence_start:
        return count
    # 年度检验合格的电梯548部。检验合格率为98.9%。: the rate alone, the count ending the sentence before
    if text.sentence_span(count.start)[0] != text.previous_sentence_start(sentence_start):
        return None
    rest = text.norm[count.end : text.sentence_span(count.start)[1]]
    return count if not re.search(r"[,;:]", rest) else None


def _nouns(text, count: Figure) -> set[str]:
    """电梯 of 合格电梯548部 / …的电梯548部, 终端 of 1198套终端."""
    nouns = set()
    words = _words(text, count)
    before = _NOUN_BEFORE_RE.search(words)
    if before is not None:
        nouns.add(before.group("noun")[-2:])
    after = _NOUN_AFTER_RE.match(text.norm, count.end)
    if after is not None:
        nouns.add(after.group("noun"))
    return nouns


def _counts_done(text, rate: Figure, count: Figure) -> bool:
    words = _words(text, count) + _after(text, count)
    if _CHANGE_RE.search(words):
        return False
    if _counts_event(rate.metric, words, rate.subject[-4:]):
        return True
    return bool(_STATE_RATE_RE.search(rate.metric) and _OF_PHRASE_RE.search(_words(text, count)))


def _rate_names_no_other(text, rate: Figure, count: Figure, nouns: set[str]) -> bool:
    """终端鸣响率 and 检验合格率 name what the count counts; 其中住宅电梯检验合格率 names a part."""
    clause_start, _ = text.clause_span(rate.start)
    name = text.norm[clause_start : rate.number_start]
    if _NOT_A_LONE_RATE_RE.search(name):
        return False
    at = name.rfind(rate.metric)
    if at < 0:
        return False
    lead = _RATE_NAME_LEAD_RE.sub("", name[:at])  # the words before the rate's own name
    count_sentence_start, _ = text.sentence_span(count.start)
    known = text.norm[max(count_sentence_start, count.number_start - 2 * _WORDS_REACH) : count.number_start] + _after(text, count) + "".join(nouns)
    return all(char in known for char in lead if "\u4e00" <= char <= "\u9fff")


def _reading(text, figures, rate: Figure) -> Ratio | None:
    count = _count_of(text, figures, rate)
    if count is None or count.base_unit in _PEOPLE_UNITS or not _counts_done(text, rate, count):
        return None  # people: relate's readers know their wholes (在册, 应…); a service is no thing counted
    nouns = {noun for noun in _nouns(text, count) if noun not in _ACTIVITY_WORDS}
    if not nouns or not _rate_names_no_other(text, rate, count, nouns):
        return None
    sentence_start, _ = text.sentence_span(count.start)
    start = sentence_start
    for _ in range(_LOOKBACK_SENTENCES):
        if start:
            start = text.previous_sentence_start(start)
    inventories = []
    for figure in figures[max(0, count.index - _LOOKBACK_FIGURES) : count.index]:
        if figure.start < start or not _is_quantity(figure) or not _same_unit(figure, count):
            continue
        words = _words(text, figure)
        if _CHANGE_RE.search(words[-8:]) or not _INVENTORY_RE.search(words) or _DONE_RE.search(words):
            continue
        if not any(_INVENTORY_TAIL_RE.sub("", words).endswith(noun) or _after(text, figure).startswith(noun) for noun in nouns):
            continue  # 在用电梯共计560部 / 安装终端1240套 / 1240套终端: the noun is the thing counted
        if figure.value < count.value or _other_period(text, count, figure):
            continue
        inventories.append(figure)
    if not inventories:
        return None
    if any(pair_explains(count, whole, rate) for whole in inventories):
        return None
    if len({f.value for f in inventories}) != 1 or inventories[-1].start >= sentence_start:
        return None  # two inventories, or one in the count's own sentence (relate reads those)
    whole = inventories[-1]
    if not _near_stated(count, whole, rate):
        return None
    return Ratio(rate, count, whole, inferred=True)


# the people a count is of: 高血压患者, 老年人, 0-6岁儿童
_GROUP_RE = re.compile(r"(?P<g>患者|老年人|老人|儿童|孕产妇|产妇|妇女|学生|幼儿|新生儿|居民|职工|农民|病人|残疾人)")
_ALIKE = {"老人": "老年人", "产妇": "孕产妇", "病人": "患者"}
_AS_OF_RE = re.compile(r"截至|截止|到目前|至今")
_SCOPE_LEAD_RE = re.compile(r"^(?:[,:\s]|为|达|是|全[县市区镇乡省]|本[县市区镇乡]|年度|全年|今年|总体|整体|综合)+")


def misread_across_sentences(text, ratio: Ratio) -> bool:
    """An inferred rate whose whole stands in an earlier sentence that the words
    make no reading of: the whole of another year (2022年…560部。2023年…548部,
    合格率…), or a rate named for a kind of what the count counts (…合格的电梯548部,
    住宅电梯检验合格率…: 住宅 is nowhere in the count's words)."""
    rate, count, whole = ratio.rate, ratio.numerator, ratio.denominator
    if ratio.kind != "ratio" or not ratio.inferred or text.sentence_span(whole.start)[0] >= text.sentence_span(rate.start)[0]:
        return False
    count_sentence_start, _ = text.sentence_span(count.start)
    if _other_period(text, count, whole) and not _AS_OF_RE.search(text.norm, count_sentence_start, count.number_start):
        return True  # (截至8月31日,已落实…: a count as of a day of the whole's year, not another period)
    count_group, whole_group = _GROUP_RE.search(_words(text, count)), _GROUP_RE.search(_words(text, whole))
    if count_group and whole_group:
        if _ALIKE.get(count_group.group("g"), count_group.group("g")) != _ALIKE.get(whole_group.group("g"), whole_group.group("g")):
            return True  # 高血压患者健康管理14641人 is no part of 老年人健康管理20632人
    clause_start, _ = text.clause_span(rate.start)
    name = text.norm[clause_start : rate.number_start]
    at = name.rfind(rate.metric) if rate.metric else -1
    if at <= 0:
        return False
    lead = _SCOPE_LEAD_RE.sub("", name[:at])
    nouns = {noun for noun in _nouns(text, count) if noun not in _ACTIVITY_WORDS}
    for noun in nouns:
        at_noun = lead.find(noun)
        if at_noun > 0:
            count_sentence_start, _ = text.sentence_span(count.start)
            known = text.norm[max(count_sentence_start, count.number_start - 2 * _WORDS_REACH) : count.number_start] + _after(text, count)
            if any("\u4e00" <= char <= "\u9fff" and char not in known for char in lead[:at_noun]):
                return True
    return False
