"""One count restated in other words with another value (CF001).

年内新接收档案2.36万卷 … 全年接收档案3.26万卷; 全年受理申诉1286件 … 全年受理的1826件申诉
均已办结; 选举产生委员126名 … 委员共计136名; 规模以上工业企业42家 … 规上工业企业24家.
conflict.py keys a quantity by the words right before it, so a restatement in other
words (another verb form, the noun after the number, a total or scope word added, an
abbreviation) escapes it. Here a quantity is keyed by what it counts: its noun (the
words of its clause before it, or the noun after its measure word), its verb, its unit
and the event its sentence names, with the words that change nothing (全年, 全县, 共计,
新一届, 新…) left out. Whatever word is not known to change nothing stays in the key,
so an unknown wording keeps two statements apart: silence, never a guess.

A key names no part (其中), change (增加, 较上届), target (计划, 力争), revision (核实,
调整为) or approximate value; two statements of one key are compared only when their
periods are the same, their places (全市, 我县) do not differ, neither is a flow (新,
全年) where the other is a running total (累计), and their values lie within a factor
of two of each other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks import conflict as base
from auditor.checks.common import is_listed
from auditor.extract import Figure, strip_fillers
from auditor.lexicon import APPROXIMATE_WORDS, YEAR_NUMBER_RE as _TITLE_YEAR_RE
from auditor.model import Analysis, Hit
from auditor.rulepack import Rule

# verbs whose statement is the same as a bare one: 全镇辖行政村18个 / 全镇共有行政村16个 / 行政村16个,
# 选举产生委员126名 / 委员共计136名
_STATE_VERBS = ("登记在册", "选举产生", "下辖", "共辖", "管辖", "拥有", "共有", "现有", "实有", "建有", "设有", "产生",
                "当选", "选出", "确定", "纳入", "列入")
# verbs that say what was done to what is counted; two statements must name the same one
_DEED_VERBS = base.DEED_VERBS
# 服务业, 招聘会, 救助站, 组织部门: a verb that opens a noun is no verb
_VERB_RE = re.compile("(?:" + "|".join(sorted(set(_STATE_VERBS + _DEED_VERBS), key=lambda verb: (-len(verb), verb))) + ")"
                      r"(?![会业站所室点处办局队员费金款商线区园馆厂器车证者生物率量额]|中心|机构|部门|对象|基地|平台|体系|设备|人数|人次|户数)|辖(?![区市])|^有")
# 申诉受理量, 投资完成额, 标煤消耗量, 刑事案件立案数: the amount of a deed, named after what it was done to
_DEED_AMOUNT_RE = re.compile("(?:" + "|".join(sorted(set(_DEED_VERBS), key=lambda verb: (-len(verb), verb))) + ")[量额数]$")
_STATE_VERB_SET = frozenset(_STATE_VERBS + ("辖", "有"))
_NEW_VERBS = frozenset({"新增", "新建"})

# the place a figure is stated for: its level (全市 → 市) tells two places apart
_PLACE_RE = re.compile(r"(?:全|本|我|该)(?:街道|国|省|市|州|盟|县|区|旗|镇|乡|村)|^(?:街道|[市县区旗镇乡村])(?=下辖|共辖|辖|共有|现有|有)|辖区内?"
                       r"|^[县市镇]域(?!内外)")  # 县域网络零售总额: the county's, as 全县…
_PLACE_LEVEL_RE = re.compile(r"街道|[国省市州盟县区旗镇乡村]")
# words that change nothing of what is counted
_NEUTRAL_RE = re.compile(r"各类|各种|各项|特别是|尤其是|新一届|新一轮|本届|本轮|截至目前|截止目前|截至|截止|目前|现阶段|到目前为止|据统计|经统计|一共|总计|合计|共计|虽然|虽"
                         r"|(?<!公)共(?![同享建产青])|均|已经|已|先后|的")  # (公共充电桩 keeps its 共)
_CUMULATIVE_RE = re.compile(r"累计")
_STATE_OPENING_RE = re.compile(r"^(?:现有|拥有|实有|下辖|共辖|辖|有)")
# 县政协十二届一次会议选举产生…: the meeting that elected, no part of what it elected
_ELECTING_BODY_RE = re.compile(r"[\u4e00-\u9fff]*(?:会议|大会|全会)$")
_ELECTED = frozenset({"选举产生", "产生", "选出", "当选"})
_SUMMED_RE = re.compile(r"共计|总计|合计|一共|(?<!公)共(?![有同享建产青])")
_TOTAL_END_RE = re.compile(r"(?:共计|总计|合计|一共|共)$")
_YEAR_WORDS_RE = re.compile(r"全年|年内|今年|本年|当年|一年来|今年以来")
_THIS_YEAR_OPENING_RE = re.compile(r"\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:今年以来|年初以来|今年|全年|本年度|年内)\s*[,:]\s*$")
# what a statement must not be: a part, a change, a comparison, a share, a value before a change
_NOT_A_STATE_RE = re.compile(r"其中|分别|比|较|增加|减少|增长|下降|提高|降低|上升|缩短|压缩|压减|由(?!于)|从(?![业事])|占|相当于|超出|差|每|以上的|以下的|人均|户均|平均")
# a value said to be revised, estimated, planned or approximate: two of those may differ
_HEDGED_RE = re.compile(r"可以|可望|有望|能够|修正|更正|订正|核实|核定|核准|核减|核增|调整|实为|应为|有误|纠正|初步|预计|快报|预期|目标|力争|确保|争取|计划|拟|预算|估算|测算")
_ANAPHORA_RE = re.compile(r"这些|这个|这项|这批|该|上述|此项|此类|前述|以上")  # 该村: which village, said before
# 完工的有十四个, 达标的共有12家: the count of those that did, a part of what was named before
_THOSE_THAT_RE = re.compile(r"的(?:共有|有|达到|达|为|是|占)$")
# the event a clause before names: 开展义诊12次,服务群众580人 is the visits' count
# 全县共有卫生院18所,村卫生室216个: a place's stock listed, each noun with its own count
_STOCK_LIST_RE = re.compile(r"\s*(?:目前|现|截至目前|截至年底|截至年末)?\s*[,]?\s*(?:全|本|我)(?:街道|[省市州盟县区旗镇乡村])"
                            r"(?:共有|现有|拥有|共辖|下辖|辖|设有|建有|有)[^,;。]*\d[^,;。]*(?:[,、][^,;。\d]{2,12}\d[^,;。]*)*[,、]\s*$")
# a place and a verb of state opening a clause: 全镇辖…, 全县共有…
_STOCK_OPENING_RE = re.compile(r"\s*(?:目前|现|截至目前|截至年底|截至年末)?\s*[,]?\s*(?:全|本|我)(?:街道|[省市州盟县区旗镇乡村])"
                               r"(?:共有|现有|拥有|共辖|下辖|辖|设有|建有|有)")
_PLACE_OPENING_RE = re.compile(r"\s*(?:目前|现|截至目前|截至年底|截至年末)?\s*[,]?\s*(?:全|本|我)(?:街道|[省市州盟县区旗镇乡村])")
_LISTED_NOUN_RE = re.compile(r"\s*[、和及]\s*[\u4e00-\u9fff]{2,10}")
# 规模以上工业企业: a size class, no "the above"
_SIZE_CLASS_RE = re.compile(r"(?:规模|限额|[亿万]元|千万元)以上")
_EVENT_RE = re.compile(r"(?:开展|举办|组织|举行|召开|实施|参加|参与|承办|启动)[\u4e00-\u9fff]{2,}|[\u4e00-\u9fff]{2,}?(?:期间|活动|行动)"
                       r"|春节|中秋|国庆|元旦|端午|汛期|疫情")
# after a number, the noun it counts and what may follow it: nothing, 中 (the group it opens), 均/全部 (all of it)
_NOUN_AFTER_RE = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:(?:当中|之中|中)$|均|都|全部|全都|悉数|已全部|已经全部|已全|$|(?=已经?[\u4e00-\u9fff]{1,6}?\d)"
                            r"|(?=(?:按期|按时|及时)?[\u4e00-\u9fff]{1,3}率))")  # 826件信访事项按期办结率: the rate's base, all of them
_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")
# 接待游客人次总量: 游客; 办理不动产登记业务: 办理不动产登记
_METRIC_TAIL_RE = re.compile(r"(?:总人数|人数|人次数|总数|数量|总量|总额|金额|总规模|规模|(?<=[\u4e00-\u9fff]{2})(?:人次|业务))$")
# one noun, two spellings: the short form as a report writes it and the full one
_ABBREVIATIONS = (("规上", "规模以上"), ("限上", "限额以上"), ("规划内", "规划"), ("高企", "高新技术企业"),
                  ("专精特新企业", "专精特新中小企业"), ("人大代表议案", "代表议案"), ("人大代表建议", "代表建议"))
_PERSONS = {"名": "人", "位": "人"}  # 1620名农民 and 1260人: one count of persons
_TAIL_WINDOW = 40
_TAIL_END_RE = re.compile(r"[、(\[]")
_GROUP_MAX = 4  # statements kept per key: a few readings (places, periods) of one noun
_HEAD_WINDOW = 24
_FRAME_WINDOW = 60


@dataclass(frozen=True)
class _Reading:
    """What a quantity counts, as far as its wording tells."""

    noun: str
    unit: str  # its base unit, 场次 where the extractor read 场 and a 次 follows
    verb: str  # "" for a bare statement or a verb of state (有, 下辖, 选举产生)
    aspect: str  # "new" (新…, 全年…), "total" (累计…) or ""
    fresh: bool  # 新…, 新增, 新建: what the year added, not what there is
    summed: bool  # 共, 共计, 合计, 总计: a total said
    level: str  # the place's level (市, 县, 街道) or ""
    frame: str  # the event its sentence names before it, or ""
    named: str = ""  # its name as a message quotes it: 发放稳岗返还资金
    registered: bool = False  # 登记在册, 注册, 备案: a register's count, not what was built or done


def _reading(analysis: Analysis, figure: Figure, table_lines: dict[int, bool]) -> _Reading | None:
    text, norm = analysis.text, analysis.text.norm
    spans = base.figure_clause(analysis, figure)
    if spans is None:
        return None
    sentence_start, clause_start, clause_end = spans
    listed_stock = False
    if figure.index:
        previous = analysis.figures[figure.index - 1]
        if previous.end > clause_start and not (previous.chinese and previous.value < 10 and _CJK_RE.match(norm, previous.end)):
            # (二轮修志规划确定的38部志书: a numeral inside a name is no figure of its own)
            listed = _LISTED_NOUN_RE.fullmatch(norm, previous.end, figure.number_start)
            if listed is None or not _STOCK_OPENING_RE.match(norm, clause_start, previous.number_start):
                return None  # a second figure in its clause: its words may be the first's
            clause_start = previous.end + 1  # 全镇辖居委会5个、行政村17个: a place's stock, listed
            listed_stock = True  # a second figure in its clause: its words may be the first's
    line_start, line_end = text.line_span(figure.start)
    if base.row_line(norm, line_start, line_end, table_lines):
        return None  # a table row: its columns are years or places of their own
    head = norm[max(clause_start, figure.number_start - _HEAD_WINDOW) : figure.number_start]
    prefix = norm[max(sentence_start, figure.number_start - _FRAME_WINDOW) : figure.number_start]
    if _NOT_A_STATE_RE.search(head) or _HEDGED_RE.search(prefix) or "其中" in prefix or "分别" in prefix \
            or _ANAPHORA_RE.search(_SIZE_CLASS_RE.sub("", prefix)) or _THOSE_THAT_RE.search("".join(head.split())):
        return None
    tail = "".join(norm[figure.end : min(clause_end, figure.end + _TAIL_WINDOW)].split())
    if clause_end > figure.end + _TAIL_WINDOW:
        tail += "\x00"  # the clause goes on: no end of it to read
    tail = _TAIL_END_RE.split(tail, 1)[0]  # 行政村11个、社区2个 / 1286件(其中…): the next item, a bracket
    unit = _PERSONS.get(figure.base_unit, figure.base_unit)
    if tail.startswith("次") and not unit.endswith("次"):
        unit, tail = unit + "次", tail[1:]  # 126场次: a measure word the extractor reads as 场
    if _HEDGED_RE.match(tail) or tail.startswith(("以上", "以下", "以内", "多", "余")):
        return None
    modifies_after = head.rstrip().endswith("的")  # 规划确定的38部志书: the words before name the noun after
    words = base.name_runs(base._PERIOD_RE.sub("", base.BARE_YEAR_END_RE.sub("", head).replace("年度", "年").replace("以来", "").replace("年末", "年").replace("年底", "年")))
    # 本年末…共计56家: a stock as of the year's end, not what the year added
    aspect = "new" if _YEAR_WORDS_RE.search(head) and not base._YEAR_END_RE.search(head) \
        else "total" if _CUMULATIVE_RE.search(words) else ""
    if aspect == "total" and _THIS_YEAR_OPENING_RE.match(norm, sentence_start, clause_start):
        aspect = "new"  # 今年以来,全县累计接待游客…: the year's running total, what 全年 gives
    words = _CUMULATIVE_RE.sub("", words)
    levels = {_PLACE_LEVEL_RE.search(m.group(0)).group(0) for m in _PLACE_RE.finditer(words) if not m.group(0).startswith("辖区")}
    if len(levels) > 1:
        return None
    level = levels.pop() if levels else ""
    words = _PLACE_RE.sub("", words)
    words = _strip_end(words)
    named = _STATE_OPENING_RE.sub("", _NEUTRAL_RE.sub("", words).removeprefix("新").removeprefix("在"))  # as a message names it
    words, verbs, fresh = _split_verbs(words)
    words = _NEUTRAL_RE.sub("", words).removeprefix("在")  # 在招引的25个项目中
    if tail:
        if words and not modifies_after:
            return None  # 规上工业企业24家完成技术改造: the count of those that did, a part
        after = _NOUN_AFTER_RE.match(tail)
        if after is None:
            return None  # 38个项目完成验收: the count of those that did
        noun, verbs_after, _ = _split_verbs(after.group(1))  # 发放的428.9万元稳岗返还资金: 返还 as in 发放稳岗返还资金
        words, verbs = words + noun, verbs | verbs_after
        named += after.group(1)
    if fresh:
        aspect = aspect or "new"
    verb = "+".join(sorted(one_event_verb(verbs, unit)))
    words = event_named(_canonical(words), unit)
    if len(words) < 2:
        return None
    # 开展人居环境整治,全乡16个行政村均…: a clause opening on the place counts the place's own
    frame = "" if listed_stock or not verb and (level and _PLACE_OPENING_RE.match(norm, clause_start, figure.number_start)
                                                 or clause_start - sentence_start <= _FRAME_WINDOW * 2
                                                 and _STOCK_LIST_RE.match(norm, sentence_start, clause_start)) \
        else _frame(analysis, figure, sentence_start, clause_start, words)
    return _Reading(words, unit, verb, aspect, fresh, _SUMMED_RE.search(head) is not None, level, frame, named,
                    _REGISTERED_RE.search(head) is not None)


# 组织应急演练312场次 and 开展应急演练321场次, 举办 and 举行 讲座: verbs that only say an event took place,
# one deed where the unit counts events (场, 次, 期); 参加, 承办, 观摩 say another deed
_LIGHT_VERBS = frozenset({"开展", "组织", "举办", "举行", "实施", "进行", "召开"})
_EVENT_UNITS = frozenset({"场", "场次", "次", "期", "批", "批次", "轮", "轮次", "届", "堂"})


def event_named(noun: str, unit: str) -> str:
    """消防宣传活动236场 and 消防宣传263场: 活动 after an event counted in 场/次/期 names nothing more."""
    return noun[:-2] if unit in _EVENT_UNITS and noun.endswith("活动") and len(noun) >= 4 else noun


def one_event_verb(verbs: set[str], unit: str) -> set[str]:
    """The verbs of a count, the light verbs of an event (组织, 开展, 举办 …) read as one where it counts events."""
    if unit not in _EVENT_UNITS or not verbs & _LIGHT_VERBS:
        return verbs
    return {"开展" if verb in _LIGHT_VERBS else verb for verb in verbs}


def _split_verbs(words: str) -> tuple[str, set[str], bool]:
    """The words without their verbs, the verbs that say what was done (not 有, 下辖, 选举产生) and
    whether one is said new (新接收, 新增). Every verb goes, wherever it stands: 发放稳岗返还资金 and
    稳岗返还资金发放总额 read alike."""
    pieces, verbs, fresh, last = [], set(), False, 0
    for found in _VERB_RE.finditer(words):
        piece = words[last : found.start()]
        if piece.endswith("新"):
            piece, fresh = piece[:-1], True
        if found.group(0) in _ELECTED:
            piece = _ELECTING_BODY_RE.sub("", piece)
        pieces.append(piece)
        last = found.end()
        verb = found.group(0)
        fresh = fresh or verb in _NEW_VERBS
        if verb not in _STATE_VERB_SET:
            verbs.add(verb)
    pieces.append(words[last:])
    return "".join(pieces), verbs, fresh


def _strip_end(words: str) -> str:
    """全年创业担保贷款发放总额达 → 全年创业担保贷款发放: the fillers and metric nouns off its end."""
    while True:
        shorter = strip_fillers(_METRIC_TAIL_RE.sub("", _TOTAL_END_RE.sub("", strip_fillers(words))))
        if _DEED_AMOUNT_RE.search(shorter):
            shorter = shorter[:-1]  # 申诉受理量: the count of what was received
        if shorter == words:
            return words
        words = shorter


def _canonical(noun: str) -> str:
    for short, full in _ABBREVIATIONS:
        if short in noun:
            noun = noun.replace(short, full)
    if len(noun) > 3 and noun.endswith(("总额", "总量")):
        noun = noun[:-2] + noun[-1]  # 网络零售总额 and 网络零售额: one amount
    return noun


def _frame(analysis: Analysis, figure: Figure, sentence_start: int, clause_start: int, noun: str = "") -> str:
    """What the clauses before in its sentence say it is part of, or "": the event they name
    (开展义诊活动,服务群众580人), or all their words when they hold figures of their own (立案查处5件,
    罚款人民币12900元: one check's fine, and each check of a list has its own). Clauses that
    count the same noun (年内新建公共充电桩2416台,累计建成公共充电桩1.86万台) are statements
    beside it, no event it is part of."""
    if clause_start <= sentence_start:
        return ""
    norm = analysis.text.norm
    window_start = max(sentence_start, clause_start - _FRAME_WINDOW)
    frame = _frame_in(analysis, figure, norm, window_start, clause_start)
    if frame and len(noun) >= 3:  # (read only where a frame would be kept: most figures have none)
        narrowed = _after_clauses_of(norm, window_start, clause_start, noun[-3:])
        if narrowed >= clause_start:
            return ""
        if narrowed != window_start:
            return _frame_in(analysis, figure, norm, narrowed, clause_start)
    return frame


def _frame_in(analysis: Analysis, figure: Figure, norm: str, window_start: int, clause_start: int) -> str:
    """_frame's reading of the words from window_start to the figure's clause."""
    earlier = "".join(_CJK_RE.findall(norm[window_start:clause_start]))
    if figure.index and analysis.figures[figure.index - 1].end > window_start \
            and not base._WHOLE_PLACE_NOW_RE.match(norm, clause_start, figure.number_start):
        return earlier
    event = _EVENT_RE.search(earlier)
    return event.group(0) if event else ""


_CLAUSE_MARK_RE = re.compile(r"[,;:]")
_REGISTERED_RE = re.compile(r"在册|注册|备案|登记")


def _after_clauses_of(norm: str, start: int, end: int, noun_end: str) -> int:
    """Where the words before a clause begin once the clauses that count the same noun are left
    out (年内新建公共充电桩2416台,累计建成公共充电桩1.86万台: statements beside it, no event it is
    part of): after the last such clause."""
    bounds = [start] + [m.end() for m in _CLAUSE_MARK_RE.finditer(norm, start, end)]
    noun_end = _canonical(noun_end)
    for clause_begin, clause_end in reversed(list(zip(bounds, bounds[1:]))):
        if noun_end in _canonical(norm[clause_begin:clause_end].replace("年末", "年")):
            return clause_end
    return start


# 完成新开工保障性住房612套 and 保障性住房开工490套: 完成, 实现 beside another verb say that deed was done, no deed of their own
_DONE_VERBS = frozenset({"完成", "实现"})


def _compatible(a: _Reading, b: _Reading) -> bool:
    """Whether two readings of one noun may be one statement."""
    if a.level and b.level and a.level != b.level:
        return False  # 全市… and 我县…
    if {a.aspect, b.aspect} == {"new", "total"}:
        return False  # 全年新增… and 累计…: this year's and every year's
    if a.registered != b.registered and (a if b.registered else b).verb:
        return False  # 登记在册的养老机构58家 and 累计建成养老机构55家: a register's count and a deed's
    verbs_a, verbs_b = set(a.verb.split("+")) - {""}, set(b.verb.split("+")) - {""}
    verbs_a, verbs_b = (verbs - _DONE_VERBS if verbs - _DONE_VERBS else verbs for verbs in (verbs_a, verbs_b))
    if verbs_a == verbs_b:
        # 全年新纳入低保对象200人 and 低保对象共计210人: what the year added is not what there is
        return bool(verbs_a) or a.fresh == b.fresh
    # 累计培育家庭农场215家 and 家庭农场总计251家: a running total is the stock a bare statement gives;
    # 全年组织消防演练126场次 and 全年消防演练共计162场次, 全年新摸排隐患点1452处 and 全年隐患点共1542处:
    # the year's deeds, with their verb or without (a verb kept in a noun, 稳岗返还资金, is in both)
    if verbs_a < verbs_b:
        bare, done, added = a, b, verbs_b - verbs_a
    elif verbs_b < verbs_a:
        bare, done, added = b, a, verbs_a - verbs_b
    else:
        return False
    return done.aspect == "total" or bare.aspect == done.aspect == "new" \
        and (not done.fresh or bare.summed and not _NEW_VERBS & added)


def _title_year(analysis: Analysis, rule: Rule) -> str | None:
    return base.title_year(analysis, rule)




# a heading line that names whose figures follow: a place or an institution
_SUBJECT_HEADING_RE = re.compile(
    r"[ \t]*(?:[一二三四五六七八九十]+[、.]|[((][一二三四五六七八九十\d]+[))]|\d+[、.．]|第[一二三四五六七八九十]+[部分章节])?[ \t]*"
    r"(?P<name>[\u4e00-\u9fff]{2,16}?(?:镇|乡|街道|村|社区|医院|卫生院|学校|中学|小学|幼儿园|中心|局|站|所|公司|集团|委员会|办公室|办)"
    r"|(?:普通)?(?:小学|初中|高中|中职|中等职业教育|学前教育|特殊教育|高等教育|义务教育|普通高校)|城市|农村|城镇|乡村|城区)"  # 1.小学 … 2.初中
    r"[ \t]*[:]?[ \t]*$")
_HEADING_MAX = 24


def _subject_headings(norm: str) -> tuple[list[int], list[str]]:
    """The start of each subject heading line and its name, in order."""
    starts, names = [], []
    line_start = 0
    while line_start <= len(norm):
        line_end = norm.find("\n", line_start)
        if line_end < 0:
            line_end = len(norm)
        if line_end - line_start <= _HEADING_MAX:
            named = _SUBJECT_HEADING_RE.fullmatch(norm, line_start, line_end)
            if named is not None:
                starts.append(line_start)
                names.append(named.group("name"))
        line_start = line_end + 1
    return starts, names


def _under_two_subjects(headings: tuple[list[int], list[str]], hit: Hit) -> bool:
    """Whether a hit and the statement it differs from stand under headings naming two subjects."""
    starts, names = headings
    if not starts or not hit.related or hit.related[0][0] < 0:
        return False  # (a statement of an earlier piece of a long document: its heading is not known here)
    first, second = bisect_right(starts, hit.related[0][0]), bisect_right(starts, hit.start)
    if first == 0 and second > 0 and _GROUP_HEADING_RE.fullmatch(names[second - 1]):
        return True  # 全国…在校生1.38亿人 … 1.小学 … 在校生9360.55万人: the whole's, then a group's
    return first != second and first > 0 and names[first - 1] != names[second - 1]


_GROUP_HEADING_RE = re.compile(r"(?:普通)?(?:小学|初中|高中|中职|中等职业教育|学前教育|特殊教育|高等教育|义务教育|普通高校)|城市|农村|城镇|乡村|城区")


def restated_conflicts(analysis: Analysis, rule: Rule, report_year: str | None, taken: set[tuple[int, int]]) -> Iterator[Hit]:
    """Conflicts between a quantity and the same quantity restated in other words."""
    state = analysis.state(rule.id + ":restated")  # carried from piece to piece of a long document
    seen: dict[tuple, list[_Entry]] = state.setdefault("seen", {})
    reported: set[tuple] = state.setdefault("reported", set())
    fresh: dict[tuple, list[tuple[_Reading, Figure]]] = {}
    table_lines: dict[int, bool] = {}
    for figure in analysis.figures:
        if figure.kind not in base._QUANTITY_KINDS or figure.value_high is not None or figure.derived or figure.in_list:
            continue
        if figure.qualifier in APPROXIMATE_WORDS or base._names_a_group(analysis.text.norm, figure) or base.is_grade(analysis.text.norm, figure):
            continue
        reading = _reading(analysis, figure, table_lines)
        if reading is not None:
            fresh.setdefault((reading.noun, reading.unit, figure.kind, reading.frame), []).append((reading, figure))
    for key, found in fresh.items():
        kept = seen.get(key)
        if kept is None and len({figure.value for _, figure in found}) < 2 and analysis.carry is None:
            continue  # one value under this key: nothing to compare
        kept = seen.setdefault(key, [])
        for reading, figure in found:
            entry = _Entry(reading, figure)
            # a period (a scan of the paragraph) is read only for two values that cannot both hold
            match = next((other for other in kept if other.stated.value != figure.value and _compatible(other.reading, reading)
                          and base._alike(other.stated, figure) and base._apart(other.stated, figure)
                          and other.when(analysis, report_year) is not None
                          and other.when(analysis, report_year) == entry.when(analysis, report_year)), None)
            if match is None:
                if len(kept) < _GROUP_MAX:
                    kept.append(entry)
            elif key not in reported and (figure.start, figure.end) not in taken \
                    and not base.sentences_of_two_places(analysis, match.stated, figure):
                reported.add(key)
                yield base._hit(analysis, _shown_noun(reading), match.record(analysis, report_year), figure)
    if analysis.carry is not None:  # the next piece compares with this one's figures as records
        for kept in seen.values():
            for entry in kept:
                entry.record(analysis, report_year)


class _Entry:
    """A statement kept under its key: its reading, its figure (a record once its piece is read)
    and its period, read when first asked for."""

    __slots__ = ("reading", "stated", "_when")

    def __init__(self, reading: _Reading, figure: Figure) -> None:
        self.reading = reading
        self.stated: Figure | base._Stated = figure
        self._when: frozenset[str] | None | bool = False  # False: not read yet

    def when(self, analysis: Analysis, report_year: str | None) -> frozenset[str] | None:
        if self._when is False:
            self._when = self.stated.when if isinstance(self.stated, base._Stated) else _when(analysis, self.stated, report_year)
        return self._when

    def record(self, analysis: Analysis, report_year: str | None) -> base._Stated:
        if isinstance(self.stated, Figure):
            self.stated = base._stated(analysis, self.stated, self.when(analysis, report_year))
        return self.stated


def _when(analysis: Analysis, figure: Figure, report_year: str | None) -> frozenset[str] | None:
    """A figure's period, or None for a target or a value of a list."""
    if is_listed(analysis, figure):
        return None
    period = base._period_of(analysis, figure, report_year)
    if period is None or period[1] and _target_said(analysis, figure):
        return None
    if period[0] == _THIS_YEAR and _SO_FAR_RE.search(analysis.text.norm, max(0, figure.number_start - base._FRAME_WINDOW), figure.number_start):
        return frozenset({report_year}) if report_year else frozenset()  # 今年以来: the report's own year so far, as 全年 is
    return period[0]


_THIS_YEAR = frozenset({"今年"})
_SO_FAR_RE = re.compile(r"今年以来")


# 规划确定的志书, 规划内志书: a plan's contents named, no target
# 各项任务圆满完成: tasks said done, no target for the figures after
# 一般公共预算收入, 预算支出: a fiscal account named, no plan
_BUDGET_NAME_RE = re.compile(r"收入|支出")
_TASK_DONE_RE = re.compile(r"(?:均已|已经|已|都|全部)?(?:圆满|全面|超额|顺利)?完成")
_PLAN_CONTENTS_RE = re.compile(r"规划(?=确定|内|中|明确|范围|许可|局|部门|设计|馆|区)")
_PLAN_NAMED_RE = re.compile(r"(?:纳入|列入|制定了?|编制了?|修编了?|出台了?)[“”\"]?[\u4e00-\u9fff]{0,8}[“”\"]?[\u4e00-\u9fff]{0,4}$")


def _target_said(analysis: Analysis, figure: Figure) -> bool:
    """Whether a target word (计划, 力争 …) stands before a figure in its paragraph or after it in its
    clause, other than a plan's contents named (conflict._period_of's reading, narrowed)."""
    text, norm = analysis.text, analysis.text.norm
    line_start, _ = text.line_span(figure.start)
    _, clause_end = text.clause_span(figure.start)
    sentence_start, _ = text.sentence_span(figure.start)
    windows = ((max(line_start, figure.number_start - base._PARAGRAPH_WINDOW), figure.number_start),
               (figure.end, min(clause_end, figure.end + 40)))
    return any(not (found.group(0) == "规划" and (_PLAN_CONTENTS_RE.match(norm, found.start())
                                                  or _PLAN_NAMED_RE.search(norm, max(0, found.start() - 16), found.start()))
                    or found.group(0) == "任务" and _TASK_DONE_RE.match(norm, found.end())
                    or found.group(0) == "预算" and _BUDGET_NAME_RE.match(norm, found.end())
                    or found.group(0) == "指标" and _TASK_DONE_RE.match(norm, found.end())  # 主要指标完成情况: what was done
                    or not base._a_target(norm, found)  # 营养改善计划。: a programme's name
                    or found.start() < sentence_start and base.target_done(norm, found))  # 已纳入年度目标考核。
               for start, end in windows for found in base._TARGET_RE.finditer(norm, start, end))


def _shown_noun(reading: _Reading) -> str:
    return reading.named if len(reading.named) >= 2 else reading.verb.replace("+", "") + reading.noun

