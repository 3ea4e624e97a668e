"""One count copied twice with two of its digits swapped (CF001).

全年受理电信用户申诉1286件 … 全年受理的1826件申诉; 本轮选派援派干部人才236名 … 援派干部人才
共计263名; 全年外贸进出口268.3亿元 … 全年全市进出口总值为286.3亿元; 企业退休人员月人均基本
养老金3126元 … 月人均养老金达到3216元.

conflict.py and conflict_restated.py compare two statements only when their words name one
thing exactly. A restatement often names it with fewer words (申诉 for 电信用户申诉, 养老金 for
基本养老金, 进出口总值 for 外贸进出口): read alone, that identity is loose, and a reader that
trusted it would pair a part with its whole (农民 and 新型职业农民). What makes such a pair a
miscopied figure is the figure itself: a transposition (1286 ↔ 1826, 3.86 ↔ 3.68) is the
commonest slip in retyping, and two different counts of two different things rarely share all
their digits. So a pair is read only when the two values hold the same digits in another order
(three digits or more, the same unit, multiplier and decimals), and it is reported only when
one name is the other with words left out (the same last character, no word that names a
subgroup, a level or a per-head value left out), their verbs agree, their places and periods
are the same, and neither is a part, a change, a target, a revision or a running total where
the other is the year's.

Figures are grouped by their digits first, at the cost of one sort of a few characters each:
only a figure whose digits another figure of the document shares is read further.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from auditor.checks import conflict as base
from auditor.checks import conflict_restated as restated
from auditor.checks.base import Check
from auditor.checks.common import as_written, is_listed
from auditor.lexicon import APPROXIMATE_WORDS
from auditor.model import Analysis, Hit
from auditor.extract import Figure
from auditor.rulepack import Rule

_MIN_DIGITS = 3  # 42 and 24 may be two counts of anything; 1286 and 1826 are rarely two things
_GROUP_MAX = 6
_HEAD_WINDOW = 30
_PREFIX_WINDOW = 60
_TAIL_WINDOW = 40
_SAID_WINDOW = 120  # how far back in its sentence the words a restatement leaves out are looked for

# a part, a change, a comparison, a share, a value before a change: not the quantity itself
_NOT_A_STATE_RE = re.compile(r"其中|分别|比|较|增加|减少|增长|下降|提高|降低|上升|缩短|压缩|压减|由(?!于)|从(?![业事])|占|相当于|超出|差|以上的|以下的")
# a value said to be revised, estimated, planned: two of those may differ
_HEDGED_RE = re.compile(r"可以|可望|有望|能够|修正|修订|更正|订正|核实|核定|核准|核减|核增|调整|实为|应为|有误|纠正|初步|预计|快报|预期"
                        r"|目标|力争|确保|争取|计划|拟|预算|估算|测算|任务")
_ANAPHORA_RE = re.compile(r"这些|这个|这项|这批|该|上述|此项|此类|前述")
_SIZE_CLASS_RE = re.compile(r"(?:规模|限额|[亿万]元|千万元)以上")
# after the value: all of what it counts (均, 全部), the noun it modifies (的设备维修), the group it opens (中)
_ALL_OF_IT_RE = re.compile(r"(?:均|都|全部|全都|悉数|已全部|已经全部|已全|一律)")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")
_LEADING_PREPOSITIONS_RE = re.compile(r"^(?:按照|按|对|为|向|给|在|据)")
# per-unit phrase: 每人每月 is part of what the value measures, kept with its unit
_PER_RE = re.compile(r"每\s*(?:人|户|名|生|亩|床|位|人次|座|公里|吨|头|桌|家|所|个)\s*(?:每\s*(?:月|年|天|日|学年|学期))?")
# one metric, several names of its measure: 总产量 / 总产 / 产量, 进出口总值 / 进出口, 罚没款 / 罚没金额
_MEASURE_TAIL_RE = re.compile(r"(?:总人数|人数|人次数|总数|数量|总量|总额|金额|总值|总规模|规模|标准)$")
_OUTPUT_TAIL_RE = re.compile(r"(?:总产量|总产|产量)$")
# words that, left out of a name, leave another population: a level, an area, a subgroup, a per-head value
_SUBGROUP_RE = re.compile(
    r"县级|市级|省级|乡级|镇级|村级|区级|乡镇|街道|社区|城市|城镇|城区|县城|市区|农村|乡村|城乡|重点|新型|困难|特困|低收入|贫困|留守|残疾"
    r"|老年|女性|男性|妇女|儿童|学生|党员|少数民族|外来|流动|境外|国外|境内|国内|省外|省内|县外|县内|市外|市内|其他|其它|民营|国有|私营"
    r"|个体|小微|中小|大型|中型|小型|高新|新兴|一般|主要|重大|特大|较大|一级|二级|三级|四级|本地|外地|新|人均|户均|平均|每|净|纯|毛|实际|直接|间接"
    r"|小学|初中|高中|中职|幼儿园|学前|高校|大学|本科|专科|研究生"  # 初中在校学生 of 在校学生
    r"|景区|景点|园区|医院|学校|机构|企业|线上|线下|网上|窗口|县区|区县|县市区|市本级|本级|市直|县直|省直"  # 景区接待游客 of 接待游客: where, not how many
)
# 累计 said before a value: every year's, unless the year is named with it (全年累计)
_RUNNING_RE = re.compile(r"累计")
_PLACE_RE = restated._PLACE_RE
_PLACE_LEVEL_RE = restated._PLACE_LEVEL_RE
_THIS_YEAR = frozenset({"今年"})
# words that change nothing of what is counted (conflict_restated's, but 人均 keeps its 均)
_NEUTRAL_RE = re.compile(restated._NEUTRAL_RE.pattern.replace("|均|", "|(?<![人户月年日平])均|"))
_STANDARD_AFTER_RE = re.compile(r"的?标准")
# a clause that opens on the whole year or the whole place states the whole's figure, whatever event the clause before names
_WHOLE_OPENING_RE = re.compile(r"\s*(?:与|和|同|按照|按)?(?:汛期|今年|全年|年内|一年来)?(?:全年|今年|年内|本年度?|目前|截至目前|截至年底|截至年末|(?:全|本|我)(?:街道|[省市州盟县区旗镇乡村]))")


# a clause opening on 其中, and the words of the part it names
_PART_OPENING_RE = re.compile(r"\s*其中\s*[,:]?\s*(?P<words>)")
# a whole said of a group (城区学校32所,其中…): its part is the group's, not the place's
_GROUP_WHOLE_RE = re.compile(r"城区|城市|城镇|市区|县城|农村|乡村|乡镇|街道|社区|市级|县级|区级|镇级|乡级|村级|省级|本级|境内|境外|省内|省外")
# verbs of a deed the shared verb list does not hold, read where they open a name (救护野生动物, 领取补贴)
_RECEIVING_VERB_RE = re.compile(r"兑付|领取|涉及|救护|放归|劝阻|止付|冻结|发行|办件")
# verbs that name one deed from its two ends, or in two words: 发放 and 兑付 of 助学金, 涉及 and 惠及 居民
_VERB_FAMILY = {"兑付": "发放", "兑现": "发放", "领取": "发放", "涉及": "惠及", "核发": "发放", "颁发": "发放"}
# measure words of one thing: 1620名农民 and 1260人, 驾驶员证4215张 and 4251本
_UNIT_FAMILY = {"名": "人", "位": "人", "本": "张"}
# 按照“应转尽转”的原则, 根据省里的部署: how a deed was done, no part of what it counts
_MANNER_RE = re.compile(r"(?:按照|依照|依据|根据|按)[^,。;:\d]{1,24}?(?:原则|要求|标准|规定|部署|安排|办法)")
# 各镇街, 各部门: every unit of the place, the place's total
_EVERY_UNIT_RE = re.compile(r"各(?:镇街|乡镇|街道|县区|县市区|区县|部门|单位|地|级|村|社区)")
_DEED_ONLY = "\x01"
_PART_OR_DONE_TO_RE = re.compile(r"其中|对")
_PART_REACH = 24
_NEW_OR_STATE_VERBS = frozenset({"新增", "新建", "建成", "实现", "完成"})
# a value a change reached (下降至, 提高到), with no base (由, 比, 较) in its clause: the state at the period's end
_REACHED_RE = re.compile(r"(?:下降|降低|提高|提升|上升|增加|增长|减少|压减|压缩|缩短|缩减|扩大)(?:到|至)\s*$")
_CHANGE_BASE_RE = re.compile(r"由|从|比|较|同比|环比")
_PERSON_TAIL_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:人员|人数)$")
# an item of a 、 list after a figure, with a noun of its own: 、期满解除
_LIST_ITEM_RE = re.compile(r"\s*、\s*(?P<words>[\u4e00-\u9fff]{2,12})\s*$")
# a deed done to a counted thing named after its value: 共对241个停车场开展了检查, 對 26 家企業進行了抽查
_DONE_TO_RE = re.compile(r"对\s*(?P<place>(?:全|本|我)(?:街道|[省市州盟县区旗镇乡村]))?\s*$")
_DONE_TO_KEPT_RE = re.compile(r"累计|全年|今年|年内|共计|共|新")
_DONE_TO_TAIL_RE = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,10}?)(?:开展|进行|实施|组织)了?[\u4e00-\u9fff]{0,8}?(?P<verb>"
                              + "|".join(sorted(set(restated._DEED_VERBS), key=lambda verb: (-len(verb), verb))) + ")(?=(?:工作|活动|行动)?$)")
# target words: a figure of its own clause led by 实际 is the actual beside a budget or plan said before it
_TARGET_WORDS_RE = re.compile(r"目标|力争|确保|争取|计划|拟|预算|估算|测算|任务|预期|预计|可以|可望|有望|能够")
_ACTUAL_RE = re.compile(r"实际")


def _hedged(prefix: str, head: str) -> bool:
    """Whether a value is said revised, estimated or planned; 预算金额236.8亿元,实际采购金额224.3亿元: a
    target word in a clause before is the budget's, not the actual's its own clause names."""
    found = _HEDGED_RE.search(prefix)
    if found is None:
        return False
    if not _ACTUAL_RE.search(head) or _HEDGED_RE.search(head):
        return True
    own = len(prefix) - len(head)
    return any(not _TARGET_WORDS_RE.fullmatch(m.group(0)) or m.start() >= own for m in _HEDGED_RE.finditer(prefix))


@dataclass(frozen=True)
class _Loose:
    """What a value counts, as loosely as a restatement names it."""

    noun: str
    verbs: frozenset[str]
    unit: str  # the base unit, with its per-unit phrase (每人每月) and a 次 the extractor left after it
    level: str
    running: bool
    fresh: bool
    sentence: int  # where its sentence starts
    said: str  # its sentence up to the value: the words a restatement leaves out may stand there
    named: str  # its name as a message quotes it, verbs and all: 汽车维修企业
    frame: str  # the event its sentence names before its clause (开展送法下乡活动12场,受理咨询1460件), or ""
    part: bool = False  # named after 其中: a part of the whole the clause before states
    done_to: bool = False  # 对N个X开展了检查: the deed named after its count


def miscopied_conflicts(analysis: Analysis, rule: Rule, report_year: str | None, taken: set[tuple[int, int]],
                        named: frozenset[str] = frozenset()) -> Iterator[Hit]:
    """Pairs of values with the same digits in another order, stated for one thing named loosely;
    none for a name another reading has already found stated twice (named)."""
    groups: dict[tuple, list[Figure]] = {}
    for figure in analysis.figures:
        if figure.kind not in base._QUANTITY_KINDS or figure.value_high is not None or figure.derived or figure.in_list \
                or base.is_grade(analysis.text.norm, figure):
            continue
        digits = str(figure.written).replace(".", "").lstrip("0-")
        if len(digits) < _MIN_DIGITS and not (len(digits) == 2 and digits[0] != digits[1] and "0" not in digits) \
                or figure.qualifier in APPROXIMATE_WORDS:
            continue  # (two digits: 42 and 24 only where the names leave no doubt, below)
        # keyed by the digits of its value other than 0: 1.28万 and 12 080, 48.6亿 and 468 000万 meet
        key = (figure.kind, _UNIT_FAMILY.get(figure.base_unit, figure.base_unit), "".join(sorted(_nonzero_digits(figure))))
        group = groups.get(key)
        if group is None:
            groups[key] = [figure]
        elif len(group) < _GROUP_MAX:
            group.append(figure)
    reported: set[tuple] = set()
    table_lines: dict[int, bool] = {}
    for key, group in groups.items():
        if len(group) < 2 or len({figure.written for figure in group}) < 2:
            continue  # most figures share their digits with no other: nothing more is read
        if len({analysis.text.sentence_span(figure.start)[0] for figure in group}) < 2:
            continue  # one sentence: a list of values, each of its own
        if all(len(str(figure.written).replace(".", "").lstrip("0-")) < _MIN_DIGITS for figure in group) and not any(_PART_OR_DONE_TO_RE.search(analysis.text.norm, max(0, figure.number_start - _PART_REACH),
                                                                            figure.number_start) for figure in group):
            continue  # two digits: read only where a 其中 part or a 对…开展 deed may be one of them (below)
        readings = [(figure, _loose_reading(analysis, figure, table_lines)) for figure in group]
        for later_index, (figure, reading) in enumerate(readings):
            if (figure.start, figure.end) in taken or key in reported:
                continue
            for earlier, earlier_reading in readings[:later_index]:
                if earlier.written == figure.written or not base._alike(earlier, figure) or not base._apart(earlier, figure) \
                        or not _digits_swapped(earlier, figure):
                    continue
                two_digits = len(str(figure.written).replace(".", "").lstrip("0-")) < _MIN_DIGITS
                if two_digits and not (reading is not None and earlier_reading is not None and _surely_same(earlier_reading, reading)):
                    continue  # 42 and 24 may be two counts of anything named alike
                if reading is not None and earlier_reading is not None and _same_thing(earlier_reading, reading):
                    # the shorter name, or the longer where it says what the shorter's clause before named
                    shown = min((earlier_reading, reading), key=lambda loose: (earlier_reading.frame != reading.frame and bool(loose.frame),
                                                                             len(loose.noun))).named
                    if len(earlier_reading.noun) == len(reading.noun) and earlier_reading.noun != reading.noun:
                        shown = _last_shared(earlier_reading.named, reading.named) or shown  # its words in another order: the noun both end on
                else:
                    shown = _restated_in_a_summary(analysis, earlier, figure, table_lines)
                    if shown is None:
                        continue
                when_earlier, when_later = _when(analysis, earlier, report_year), _when(analysis, figure, report_year)
                if when_earlier is None or when_earlier != when_later:
                    continue
                reported.add(key)
                if shown in named or any(loose is not None and loose.noun in named for loose in (earlier_reading, reading)):
                    break  # one finding a metric: the other reading has told it
                yield base._hit(analysis, shown, base._stated(analysis, earlier), figure)
                break


def _nonzero_digits(figure: Figure) -> str:
    return "".join(digit for digit in str(figure.value) if digit in "123456789")


def _digits_swapped(a: Figure, b: Figure) -> bool:
    """The same digits in another order as written (1286 and 1826, 3.86万 and 3.68万), or one value
    written in 万/亿 and the other in full with the same digits but 0 (1.28万 and 12 080): a digit
    moved in retyping, not two values rounded apart."""
    if a.multiplier == b.multiplier and a.decimals == b.decimals:
        return sorted(str(a.written).replace(".", "").lstrip("0-")) == sorted(str(b.written).replace(".", "").lstrip("0-"))
    return a.multiplier != b.multiplier and len(_nonzero_digits(a)) >= _MIN_DIGITS


# --- a table's total restated in prose ---------------------------------------------------------------
#
# 表1 … 合计 136 … 全市保留政务新媒体账号163个; 分县区治理面积(平方公里): … 合计 126.4 … 新增水土流失治理
# 面积124.6平方公里; 投放量(辆) … 合计 78 000 … 共投放互联网租赁自行车8.7万辆. A table's 合计 row gives the
# total of the column its header (or the line above the table, for a table of one column) names; prose that
# names that column in its own words, in its unit, with the total's digits in another order (or the same
# digits in 万 and in full) has miscopied one of them. The column must name no period (上年, 同期) or rate,
# and the prose value must be a plain statement of the year (no part, change, target or bound).

_TOTAL_LABEL_RE = re.compile(r"(?:合计|总计|共计|全市合计|全县合计|全区合计)")
_COLUMN_UNIT_RE = re.compile(r"[((]\s*([^()()\d]{1,6}?)\s*[))]")
_COLUMN_TAIL_RE = re.compile(r"(?:总数|数量|总量|数|量)$")
_COLUMN_NOT_A_TOTAL_RE = re.compile(r"上年|去年|同期|上期|增减|增长|同比|环比|率|比重|占比|比例|平均|均|排名|序号|年度|月份|%")
_GROUP_BY_RE = re.compile(r"^(?:分|各)(?:县市区|县区|区县|乡镇|镇街|街道|部门|单位|地区|区域|类别|行业|项目|企业|月份|季度|县|区|镇|市|月|类)")
_CELL_NUMBER_RE = re.compile(r"\s*(\d{1,3}(?:[ ,\u2009\u202f]\d{3})+|\d+)(?:\.(\d+))?\s*")
_PROSE_NEUTRAL_VERBS = frozenset({"新增", "完成", "实现", "建成", "建有", "设有", "拥有", "现有", "共有"})
_OTHER_YEAR_WORDS = frozenset({"上年", "去年", "上一年", "前一年", "前年", "同期"})


def table_total_conflicts(analysis: Analysis, report_year: str | None, taken: set[tuple[int, int]]) -> Iterator[Hit]:
    """A table's 合计 against the same total restated in prose with its digits moved."""
    norm = analysis.text.norm
    if "计" not in norm:
        return
    from auditor.text_tables import text_tables  # (a plain text's tables are read only where a 合计 is)
    tables = [table.rows for table in analysis.tables] + [table.rows for table in text_tables(analysis.text.original)]
    table_lines: dict[int, bool] = {}
    by_digits: dict[str, list[Figure]] | None = None
    for rows in tables:
        for column_name, unit, total in _column_totals(analysis, rows):
            if by_digits is None:  # each total looks up the figures of its digits, not every figure
                by_digits = {}
                for figure in analysis.figures:
                    if figure.kind in base._QUANTITY_KINDS and not (figure.in_list or figure.derived or figure.qualifier) \
                            and figure.value_high is None:
                        by_digits.setdefault("".join(sorted(_nonzero_digits(figure))), []).append(figure)
            for figure in by_digits.get("".join(sorted(_nonzero_digits(total))), ())[:_GROUP_MAX * 4]:
                if (figure.start, figure.end) in taken or _in_rows(rows, figure):
                    continue
                if unit and figure.unit.lstrip("万亿千百十") != unit or not unit and figure.kind != "count":
                    continue
                if not _digits_swapped_apart(total, figure):
                    continue
                reading = _loose_reading(analysis, figure, table_lines)
                if reading is None or reading.part or reading.running or column_name not in reading.named + reading.said[-_TAIL_WINDOW:] \
                        and column_name not in norm[figure.end : figure.end + 12]:
                    continue
                if any(verb not in column_name for verb in reading.verbs - _PROSE_NEUTRAL_VERBS):
                    continue  # 关停注销账号: another deed than the column counts
                own = base._own_periods(analysis, figure)  # (a date over the table is the table's, not the prose's)
                if _when(analysis, figure, report_year) is None or base._part_of_year(own) or own & _OTHER_YEAR_WORDS:
                    continue  # a target, a quarter's figure, the year before's
                earlier, later = sorted((total, figure), key=lambda x: x.start)
                taken.add((later.start, later.end))
                shown = reading.named if column_name in reading.named else column_name
                yield base._hit(analysis, shown, base._stated(analysis, earlier), later)
                return


def _in_rows(rows, figure: Figure) -> bool:
    return rows[0][0].start <= figure.start <= rows[-1][-1].start + len(rows[-1][-1].text)


def _column_totals(analysis: Analysis, rows) -> Iterator[tuple[str, str, Figure]]:
    """(the column's name, its unit or "", the figure of its 合计 cell) for each column of a table's total row."""
    norm = analysis.text.norm
    first = rows[0]
    header = first if all(_CELL_NUMBER_RE.fullmatch(cell.text) is None for cell in first[1:]) and len(rows) > 2 else None
    caption = ""
    if header is None or len(first) == 2:
        line_start = norm.rfind("\n", 0, max(0, first[0].start - 1)) + 1
        caption = norm[line_start : max(line_start, first[0].start - 1)].strip()
    by_start = {figure.number_start: figure for figure in analysis.figures}
    for row in rows:
        if not _TOTAL_LABEL_RE.fullmatch("".join(norm[row[0].start : row[0].start + len(row[0].text)].split())):
            continue
        for column in range(1, len(row)):
            name = norm[first[column].start : first[column].start + len(first[column].text)] if header is not None else caption
            if not name or header is None and len(row) != 2:
                continue
            found = _COLUMN_UNIT_RE.search(name)
            unit = found.group(1).strip() if found else ""
            name = _COLUMN_TAIL_RE.sub("", _GROUP_BY_RE.sub("", "".join(_CJK_RE.findall(_COLUMN_UNIT_RE.sub("", name)))))
            if len(name) < 2 or _COLUMN_NOT_A_TOTAL_RE.search(name) or _COLUMN_NOT_A_TOTAL_RE.search(norm[first[column].start : first[column].start + len(first[column].text)]):
                continue
            cell = row[column]
            number = _CELL_NUMBER_RE.fullmatch(cell.text)
            if number is None:
                continue
            figure = next((by_start[position] for position in range(cell.start, cell.start + len(cell.text)) if position in by_start), None)
            if figure is not None and not figure.qualifier:
                yield name, unit, figure


def _digits_swapped_apart(total: Figure, figure: Figure) -> bool:
    """The table's total and a prose value: the same digits in another order, or in 万 and in full."""
    if total.value == figure.value or not base._alike(total, figure) or not base._apart(total, figure):
        return False
    if total.multiplier == figure.multiplier:
        return _digits_swapped(total, figure) or total.decimals == figure.decimals == 0 and \
            sorted(str(total.written).lstrip("0")) == sorted(str(figure.written).lstrip("0"))
    return sorted(_nonzero_digits(total)) == sorted(_nonzero_digits(figure)) and len(_nonzero_digits(figure)) >= 2


# --- a rate restated under a longer name -------------------------------------------------------------
#
# 列车执行图兑现率99.98%,正点率99.96% … 列车正点率为99.50%; 受理审查逮捕…193人,不批准逮捕74人,不捕率
# 为38.3% … 审查逮捕环节不捕率为38.8%. conflict.py keys a rate by its subject's exact words; a
# restatement that names the rate in full, where the first statement named it after what its sentence
# had said, escapes it. Here two rates of one name (正点率) are one statement when the longer name adds
# only words the shorter one's sentence has already said (列车, 审查逮捕), or 环节 and its kind: the
# shorter rate is the rate of what its sentence is about, and the longer says so. A word its sentence
# has not said (户籍人口城镇化率 against 城镇化率, 农村学校巩固率 against 巩固率) may name a subgroup: silence.

_NEUTRAL_RATE_WORDS_RE = re.compile(r"环节|工作|方面|总体|整体")
_RATE_END_RE = re.compile(r"率$")
_STAGE_RE = re.compile(r"阶段|年级|学段|时段|期间|片区|辖区|城区|园区|景区")


def rate_restated_conflicts(analysis: Analysis, rule: Rule, report_year: str | None, taken: set[tuple[int, int]]) -> Iterator[Hit]:
    """Rates of one name stated twice, the second naming in full what the first's sentence said."""
    generic = set(rule.options.generic_metrics)
    groups: dict[str, list[Figure]] = {}
    for figure in analysis.figures:
        if figure.kind != "percent" or not _RATE_END_RE.search(figure.metric) or figure.in_list or figure.qualifier in APPROXIMATE_WORDS:
            continue
        group = groups.get(figure.metric)
        if group is None:
            groups[figure.metric] = [figure]
        elif len(group) < _GROUP_MAX:
            group.append(figure)
    table_lines: dict[int, bool] = {}
    norm = analysis.text.norm
    for metric, group in groups.items():
        if len(group) < 2 or len({figure.written for figure in group}) < 2 or metric in generic and len(metric) < 3:
            continue  # most rates are named once: nothing more is read
        readings = [None if norm.startswith("的", figure.end) else _loose_reading(analysis, figure, table_lines) for figure in group]
        # (a threshold that names a group: 30%以上的村)
        for later_index, (figure, reading) in enumerate(zip(group, readings)):
            if reading is None or (figure.start, figure.end) in taken:
                continue
            for earlier, earlier_reading in zip(group[:later_index], readings[:later_index]):
                if earlier_reading is None:
                    continue
                reached = [bool(base._RATE_TO_RE.search(norm, max(0, x.number_start - 6), x.number_start)) for x in (earlier, figure)]
                if any(reached) and (not _rate_digits_swapped(earlier, earlier_reading, figure, reading) or _both_computed(analysis, earlier, figure)):
                    continue  # the end of a change (降至12.1%) may be of another time, unless a digit moved
                if not (_rate_named_in_full(earlier_reading, reading) or _rate_digits_swapped(earlier, earlier_reading, figure, reading)
                        and not _both_computed(analysis, earlier, figure)
                        or _computed_rate_restated(analysis, earlier, earlier_reading, figure, reading)):
                    continue
                if not _rates_apart(earlier, figure) or base.sentences_of_two_places(analysis, earlier, figure):
                    continue
                when_earlier, when_later = _when(analysis, earlier, report_year), _when(analysis, figure, report_year)
                if when_earlier is None or when_earlier != when_later:
                    continue
                shown = max((earlier_reading, reading), key=lambda loose: len(loose.noun)).named
                yield base._hit(analysis, shown, base._stated(analysis, earlier), figure)
                taken.add((figure.start, figure.end))
                break


def _both_computed(analysis: Analysis, a: Figure, b: Figure) -> bool:
    """Two rates each given with its own numerator and denominator: each names its own population
    (东坝镇应接种…接种率99.45% … 东坝镇应接种…接种率94.99%: two rounds, two rates), whatever their digits."""
    computed = {relation.rate.index for relation in analysis.relations.ratios}
    return a.index in computed and b.index in computed


def _rate_digits_swapped(earlier: Figure, earlier_reading: _Loose, later: Figure, reading: _Loose) -> bool:
    """湿地保护率提高到58.6% … 截至年底,全市湿地保护率为56.8%: one rate, two of its digits swapped."""
    return earlier_reading.noun == reading.noun and earlier_reading.sentence != reading.sentence \
        and not (earlier_reading.level and reading.level and earlier_reading.level != reading.level) \
        and earlier_reading.running == reading.running and earlier.decimals == later.decimals \
        and len(str(later.written).replace(".", "").lstrip("0")) >= _MIN_DIGITS and _digits_swapped(earlier, later)


def _computed_rate_restated(analysis: Analysis, earlier: Figure, earlier_reading: _Loose, later: Figure, reading: _Loose) -> bool:
    """受理纠纷18632件,调解成功17905件,调解成功率96.1% … 虽然调解成功率达到95.7%,但…: a rate its sentence
    computes, named again alone in a sentence with no other figure (conflict.py leaves a computed rate alone:
    another sentence's counts may give the same name another population)."""
    if earlier_reading.noun != reading.noun or earlier_reading.sentence == reading.sentence or earlier_reading.level != reading.level \
            or earlier_reading.running != reading.running or reading.frame or reading.verbs - earlier_reading.verbs:
        return False
    computed = {relation.rate.index for relation in analysis.relations.ratios}
    if earlier.index not in computed or later.index in computed:
        return False
    sentence_start, sentence_end = analysis.text.sentence_span(later.start)
    figures = analysis.figures
    alone = (later.index == 0 or figures[later.index - 1].end <= sentence_start) \
        and (later.index + 1 >= len(figures) or figures[later.index + 1].start >= sentence_end)
    return alone


def _rate_named_in_full(a: _Loose, b: _Loose) -> bool:
    """Whether one rate's name is the other's with words its own sentence said before it."""
    if a.sentence == b.sentence or a.noun == b.noun or a.running != b.running:
        return False
    if a.level and b.level and a.level != b.level:
        return False  # 全市… and 我县…
    short, long = sorted((a.noun, b.noun), key=len)
    if len(short) == len(long) or not _is_subsequence(short, long):
        return False
    shorter = a if short is a.noun else b
    longer = b if shorter is a else a
    if shorter.verbs - longer.verbs:
        return False  # a deed the longer name does not name
    left_out = _left_out(short, long)
    if _SUBGROUP_RE.search(left_out) or _STAGE_RE.search(left_out):
        return False  # 小学阶段检出率 of 检出率, whatever the sentence before said (中小学)
    pieces = [piece for piece in _NEUTRAL_RATE_WORDS_RE.sub("\x00", left_out).split("\x00") if piece]
    said = shorter.said + "\x00" + shorter.frame
    return all(piece in said for piece in pieces) \
        and all(verb in said for verb in longer.verbs - shorter.verbs)


def _rates_apart(a: Figure, b: Figure) -> bool:
    low_a, high_a = base.interval(a.written, a.decimals, 1, a.qualifier, rounded=True)
    low_b, high_b = base.interval(b.written, b.decimals, 1, b.qualifier, rounded=True)
    return (high_a < low_b or high_b < low_a) and base._alike(a, b)


# --- a figure restated in a summary, with its digits in another order -----------------------------
#
# 全季消耗标煤62.4万吨 … 在供热总结的附表中,全季标煤消耗量为64.2万吨; 全市高龄津贴发放对象为21.6万人 …
# 在高龄津贴发放情况说明中,享受高龄津贴的老人共计26.1万人; 368家民营企业结对帮扶… 总结全年,参与行动的
# 民营企业共386家. A sentence that says it restates (a summary, a review, a table or a paper it quotes)
# names the figure in its own words; its digits in another order, and a word of two characters or more
# that both statements name, tell the miscopied figure.

_RESTATING_OPENING_RE = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:在[^,。;:\d]{2,24}?中|总结全年|回顾全年|全年回顾中?|年度回顾中?|回顾一年来|综上所述|综上"
    r"|总的来看|总体来看|总体上看|汇总来看|概括起来|据汇总|经汇总|从[^,。;:\d]{2,16}?(?:来看|看)"
    r"|据[^,。;:\d]{1,16}?(?:统计|显示|汇总|通报)|(?:附表|报表|统计表|台账)显示)\s*[,:]")
_GENERIC_BIGRAMS_RE = re.compile(r"全年|今年|年内|本年|全市|全县|全区|全镇|全乡|全省|本市|本县|我市|我县|我区|共计|合计|总计|累计"
                                 r"|达到|完成|实现|情况|工作|总量|总数|总额|数量|各类|一共|共有|全部|目前|其中|主要|开展|进行")
_SUMMARY_TAIL = 12
_SUMMARY_HEAD = 40
_AGE_UNITS = frozenset({"岁", "周岁"})


def _restated_in_a_summary(analysis: Analysis, a: Figure, b: Figure, table_lines: dict[int, bool]) -> str | None:
    """The word two statements share, when one of their sentences opens by saying it restates, or None."""
    text, norm = analysis.text, analysis.text.norm
    sentences = [text.sentence_span(x.start)[0] for x in (a, b)]
    if sentences[0] == sentences[1] or not any(_RESTATING_OPENING_RE.match(norm, start) for start in sentences):
        return None
    words = [_summary_words(analysis, x, table_lines) for x in (a, b)]
    if words[0] is None or words[1] is None:
        return None
    (words_a, level_a), (words_b, level_b) = words
    if level_a and level_b and level_a != level_b:
        return None  # 全市… and 我县…
    shared = _last_shared(words_a, words_b)
    if shared is None or _groups_named(words_a, shared) != _groups_named(words_b, shared):
        return None  # 小学在校学生 … 初中在校学生: the shared words name two groups
    return shared


def _summary_words(analysis: Analysis, figure: Figure, table_lines: dict[int, bool]) -> tuple[str, str] | None:
    """The words of a figure's clause before it and the noun after its measure word (with no period,
    place, frame or generic word), and its place's level; None for a part, a change, a target, a
    revision, a bound, a table row or a second figure of its clause."""
    text, norm = analysis.text, analysis.text.norm
    spans = base.figure_clause(analysis, figure)
    if spans is None or base._names_a_group(norm, figure):
        return None
    sentence_start, clause_start, clause_end = spans
    if figure.index and analysis.figures[figure.index - 1].end > clause_start \
            and analysis.figures[figure.index - 1].base_unit not in _AGE_UNITS:
        return None  # a second figure in its clause (80周岁以上高龄津贴发放对象…: an age names whose it is)
    line_start, line_end = text.line_span(figure.start)
    if base.row_line(norm, line_start, line_end, table_lines):
        return None
    head = norm[max(clause_start, figure.number_start - _SUMMARY_HEAD) : figure.number_start]
    prefix = norm[max(sentence_start, figure.number_start - _PREFIX_WINDOW) : figure.number_start]
    if _NOT_A_STATE_RE.search(head) or _HEDGED_RE.search(prefix) or "其中" in prefix or "分别" in prefix:
        return None
    tail = "".join(norm[figure.end : min(clause_end, figure.end + _SUMMARY_TAIL)].split())
    if _HEDGED_RE.match(tail) or tail.startswith(("以上", "以下", "以内", "多", "余", "左右")):
        return None
    after = _CJK_RE.match(tail)
    words = "".join(_CJK_RE.findall(base._PERIOD_RE.sub("", head))) + (after.group(0) if after else "")
    levels = {_PLACE_LEVEL_RE.search(m.group(0)).group(0) for m in _PLACE_RE.finditer(words) if not m.group(0).startswith("辖区")}
    if len(levels) > 1:
        return None
    return _PLACE_RE.sub("\x00", words), (levels.pop() if levels else "")


_GROUP_WORDS_RE = _SUBGROUP_RE


def _groups_named(words: str, shared: str) -> frozenset[str]:
    """The words naming a group (县级, 农村, 小学 …) a statement says besides the words it shares."""
    return frozenset(_GROUP_WORDS_RE.findall(words.replace(shared, "\x02")))


def _last_shared(earlier: str, later: str) -> str | None:
    """The run of two characters or more both statements name that ends last in the later one (its
    noun: 纠纷 of 村级调解组织共调解纠纷), generic words (全年, 完成, 总量) and breaks left out; None if none."""
    earlier, later = _GENERIC_BIGRAMS_RE.sub("\x00", earlier), _GENERIC_BIGRAMS_RE.sub("\x01", later)
    later = later.replace("\x00", "\x01")  # a place left out in both is no word they share
    for end in range(len(later), 1, -1):
        start = end - 2
        if later[start:end] not in earlier:
            continue
        while start > 0 and later[start - 1 : end] in earlier:
            start -= 1
        return later[start:end]
    return None


# --- one quantity spelt two ways ---------------------------------------------------------------------
#
# 全年粮食总产量达到17.62万吨 … 2019年粮食总产16.04万吨; 全年完成各类手术17669台次 … 全年手术量19082台次;
# 全年新增城镇就业3370人 … 城镇新增就业人员3303人; 在校生29731人 … 在校学生总数30325人; 共接报火灾262起 …
# 火灾起数为280起. A writer who states one quantity twice names it with the same words, but not always
# in the same form: the measure said or not (量, 总数, 人员, 起数), the verb that only says it was done (完成,
# 实现, 发生, 接报), the words in another order, 学生 shortened to 生. Read loosely as above, and then
# spelt with those left out and its characters in order, two such names are one: every word either name
# holds, the other holds too (a part, 新型职业农民 of 农民, keeps words of its own and stays apart). The
# two values are then compared as a name stated twice is: the same period, the same frame, running
# total and flow apart, no place of another level, within a factor of two.

# verbs that say only that a quantity came about, nothing of what it counts
_LIGHT_VERBS = frozenset({"完成", "实现", "发生", "接报"})
_SPELT_TAIL_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:总人数|人数|人员|人次数|总数|数量|总量|总额|金额|总值|规模|[量额数])$")
_SPELT_OPENING_RE = re.compile(r"^(?:共接报|接报|共发生|发生)")
_ENDS_CLAUSE_RE = re.compile(r"[ \t]*(?:[,,。;;:!?)\n]|$)")


def _spelling(reading: _Loose, unit: str) -> str | None:
    """A loose name's words as a set of characters in order: the measure, light verbs and 学生's 学 left out."""
    if reading.part or reading.done_to or reading.noun.startswith(_DEED_ONLY):
        return None
    noun = _SPELT_OPENING_RE.sub("", reading.noun)
    if unit and noun.endswith(unit + "数") and len(noun) > len(unit) + 2:
        noun = noun[: -len(unit) - 1]  # 火灾起数: the fires counted in 起
    noun = _SPELT_TAIL_RE.sub("", noun).replace("学生", "生")
    verbs = "".join(sorted(reading.verbs - _LIGHT_VERBS))
    if len(noun) < 2:
        return None
    return "".join(sorted(noun + verbs))


@dataclass
class _Spelt:
    """A statement of a quantity as a later one spelt alike is compared with it; figure is None once its
    piece of a long document is read (its period then read in that piece)."""

    stated: base._Stated
    level: str
    sentence: int  # where its sentence starts, in the document
    named: str
    noun: str
    figure: Figure | None


def alike_named_conflicts(analysis: Analysis, rule: Rule, report_year: str | None, taken: set[tuple[int, int]],
                          named: frozenset[str] = frozenset()) -> Iterator[Hit]:
    """Two values of one quantity whose names differ only in their spelling (above). The pieces of a long
    document share what was stated first."""
    norm = analysis.text.norm
    state = analysis.state(rule.id + ":alike")
    groups: dict[tuple, list[_Spelt]] = state.setdefault("groups", {})
    reported: set[tuple] = state.setdefault("reported", set())
    named = state.setdefault("named", set()) | named if analysis.carry is not None else named
    if analysis.carry is not None:
        state["named"] = named  # (a metric another reading told in an earlier piece)
    table_lines: dict[int, bool] = {}
    added: list[_Spelt] = []  # this piece's statements: only they are given their periods for the next piece
    for figure in analysis.figures:
        if figure.kind not in base._QUANTITY_KINDS or figure.value_high is not None or figure.derived or figure.in_list \
                or figure.qualifier or base.is_grade(norm, figure) or not _ENDS_CLAUSE_RE.match(norm, figure.end) \
                or figure.index and analysis.figures[figure.index - 1].end > analysis.text.clause_span(figure.start)[0]:
            continue  # a bound (不低于120元); a name after the value (527家企业参与…); an item after another (…286起、死亡64人)
        reading = _loose_reading(analysis, figure, table_lines)
        if reading is None:
            continue
        spelt = _spelling(reading, figure.base_unit)
        if spelt is None:
            continue
        # PM2.5 and PM10, 5G: the letters and digits of a name, which the loose reading (its Chinese) leaves out
        clause_start = max(analysis.text.clause_span(figure.start)[0], figure.number_start - _HEAD_WINDOW)
        letters = "".join(run for run in base._NAME_RUN_RE.findall(norm, clause_start, figure.number_start) if run[0] < "\u4e00")
        key = (figure.kind, reading.unit, spelt, letters, reading.running, reading.fresh, reading.frame)
        if key in reported:
            continue
        group = groups.setdefault(key, [])
        shown = reading.named
        at = norm.rfind(shown, clause_start, figure.number_start)
        if at > 0 and norm[at - 1] == "在":
            shown = "在" + shown  # 在校生, 在岗职工: 在 is a word of the name, not the preposition the loose reading drops
        this = _Spelt(base._stated(analysis, figure), reading.level, analysis.offset + reading.sentence, shown, reading.noun, figure)
        if (figure.start, figure.end) not in taken:
            hit = _alike_hit(analysis, report_year, group, this, named)
            if hit is not None:
                reported.add(key)
                yield hit
                continue
        if len(group) < _GROUP_MAX:
            group.append(this)
            added.append(this)
    if analysis.carry is not None:  # the next piece reads this one's statements with their periods
        for seen in added:
            when = restated._when(analysis, seen.figure, report_year)
            seen.stated, seen.figure = replace(seen.stated, when=when if when is not None else _NO_PERIOD), None


_NO_PERIOD = frozenset({"\x00"})  # a target or a list's value: compared with nothing


def _alike_hit(analysis: Analysis, report_year: str | None, group: list[_Spelt], this: _Spelt, named: frozenset[str]) -> Hit | None:
    figure = this.figure
    when_later = None
    for earlier in group:
        if earlier.stated.value == figure.value or earlier.sentence == this.sentence \
                or not base._alike(earlier.stated, figure) or not base._apart(earlier.stated, figure):
            continue
        if earlier.level and this.level and earlier.level != this.level:
            continue  # 全市… and 全县…
        if earlier.figure is not None and (base.sentences_of_two_places(analysis, earlier.figure, figure)):
            continue
        # (the periods as a name stated twice reads them: 今年 of a government work report is the year ahead)
        when_earlier = earlier.stated.when if earlier.figure is None else restated._when(analysis, earlier.figure, report_year)
        if when_later is None:
            when_later = restated._when(analysis, figure, report_year)
            if when_later is None:
                return None
        if when_earlier is None or when_earlier != when_later:
            continue
        shown = min((earlier.named, this.named), key=len)
        if shown in named or earlier.noun in named or this.noun in named:
            return None
        return base._hit(analysis, shown, earlier.stated, figure)
    return None


def _when(analysis: Analysis, figure: Figure, report_year: str | None) -> frozenset[str] | None:
    """A figure's period (None for a target or a value of a list); a 今年 stated as done is the report's year."""
    period = restated._when(analysis, figure, report_year)
    if period is None and _actual_beside_plan(analysis, figure):
        period = base._period_of(analysis, figure, report_year)
        period = None if period is None else period[0]
    if period == _THIS_YEAR:
        return frozenset({report_year}) if report_year else frozenset()
    return period


def _surely_same(a: _Loose, b: _Loose) -> bool:
    """One name for one deed: the same noun and verbs under the same frame (县统计局对全县42家规模以上工业企业开展了
    核查 … 全年共核查规上工业企业24家), or a 其中 part named again with only words its sentence said (全市家政企业
    412家,其中员工制企业86家 … 员工制家政企业数量达到68家)."""
    if not (a.part or b.part or a.done_to or b.done_to):
        return False  # a plain name stated twice is conflict.py's to compare, whatever its digits
    if a.noun.startswith(_DEED_ONLY) or b.noun.startswith(_DEED_ONLY) or a.verbs != b.verbs or not _same_thing(a, b):
        return False
    if a.noun == b.noun:
        return a.frame == b.frame
    short, long = sorted((a, b), key=lambda loose: len(loose.noun))
    if not short.part or not _is_subsequence(short.noun, long.noun):
        return False
    return all(piece in short.said for piece in _left_out(short.noun, long.noun).split("\x00") if piece)


def _actual_beside_plan(analysis: Analysis, figure: Figure) -> bool:
    """预算金额236.8亿元,实际采购金额224.3亿元: a value its own clause calls 实际, with no target or
    revision word in that clause, is the actual, whatever plan the clauses before state."""
    text, norm = analysis.text, analysis.text.norm
    if is_listed(analysis, figure):
        return False
    clause_start, clause_end = text.clause_span(figure.start)
    own = norm[clause_start : figure.number_start]
    after = norm[figure.end : min(clause_end, figure.end + _TAIL_WINDOW)]
    return _ACTUAL_RE.search(own) is not None and _HEDGED_RE.search(own) is None and _HEDGED_RE.search(after) is None \
        and base._TARGET_RE.search(own) is None and base._TARGET_RE.search(after) is None


def _same_thing(a: _Loose, b: _Loose) -> bool:
    if a.sentence == b.sentence or a.unit != b.unit or a.part and b.part:
        return False  # (two parts may be parts of two wholes)
    if a.noun.startswith(_DEED_ONLY) or b.noun.startswith(_DEED_ONLY):
        # 立案审查调查412件 and 全年共立案421件: deeds with no noun, one named by a verb the other names;
        # 全年救护野生动物1137只 and 全年救护1173只: a deed and the same deed with what it was done to
        if a.frame != b.frame or a.level != b.level or a.running != b.running or a.fresh != b.fresh:
            return False
        if a.noun.startswith(_DEED_ONLY) and b.noun.startswith(_DEED_ONLY):
            return a.verbs <= b.verbs or b.verbs <= a.verbs
        return a.verbs == b.verbs and not a.part and not b.part \
            and not _SUBGROUP_RE.search(b.noun if a.noun.startswith(_DEED_ONLY) else a.noun)
    if a.level and b.level and a.level != b.level:
        return False  # 全市… and 我县…
    if a.running != b.running or a.fresh != b.fresh and not (a.verbs & b.verbs - _NEW_OR_STATE_VERBS):
        return False  # 累计… and 全年…, 新增… and what there is (新增核发 and 发放 name one deed)
    if a.verbs and b.verbs and not a.verbs & b.verbs:
        return False  # 受理… and 办结…: two deeds
    short, long = sorted((a.noun, b.noun), key=len)
    plain = sorted((_PERSON_TAIL_RE.sub("", a.noun), _PERSON_TAIL_RE.sub("", b.noun)), key=len)
    if plain[0] != plain[1] and sorted(plain[0]) == sorted(plain[1]) and a.frame == b.frame:
        # 高校毕业生留本市就业 and 留本市就业的高校毕业生, 评审通过高级职称 and 高级职称评审通过人员: one noun,
        # its words in another order
        return _reordered(*plain)
    shorter = a if short is a.noun else b
    if shorter.part and long.startswith(short) and set(long[len(short) :]) <= set(shorter.said):
        # 药品集中带量采购3.62亿元,其中化学药品2.14亿元 … 化学药品集中采购金额2.41亿元: the part named with its whole
        return not _SUBGROUP_RE.search(long[len(short) :])
    if short[-1] != long[-1] or not _is_subsequence(short, long):
        return False
    if a.frame != b.frame and not _frame_named(shorter, b if shorter is a else a, _left_out(short, long)):
        return False
    # 全县事实无人抚养儿童286名,每人每月发放基本生活补贴1420元 … 事实无人抚养儿童基本生活补贴按每人每月
    # 1240元标准发放: words the shorter name leaves out, said in its own sentence, are not left out
    left_out = "\x00".join(piece for piece in _left_out(short, long).split("\x00") if piece and piece not in shorter.said)
    return not _SUBGROUP_RE.search(left_out)


def _reordered(one: str, other: str) -> bool:
    """Whether two names of the same characters are the same words in another order, cut at one or two
    places (高校毕业生留就业创业 and 留就业创业高校毕业生), not characters shuffled one by one."""
    missing = sum(one[i : i + 2] not in other for i in range(len(one) - 1))
    return len(one) >= 4 and missing <= 2


def _frame_named(shorter: _Loose, longer: _Loose, left_out: str) -> bool:
    """累计筹集人才公寓8642套,已配租7918套 … 人才公寓配租总数7198套: the longer name says what the shorter's
    frame (the clause before it) names, and itself opens a clause with no frame."""
    pieces = [piece for piece in left_out.split("\x00") if piece]
    return bool(shorter.frame) and not longer.frame and bool(pieces) and all(piece in shorter.frame for piece in pieces)


def _is_subsequence(short: str, long: str) -> bool:
    characters = iter(long)
    return all(character in characters for character in short)


def _left_out(short: str, long: str) -> str:
    """The characters of long that short leaves out, matched from the end (short a subsequence of long)."""
    kept, position = [], len(short) - 1
    for character in reversed(long):
        if position >= 0 and character == short[position]:
            position -= 1
            kept.append("\x00")  # a break: 县…级 left out apart is no 县级
        else:
            kept.append(character)
    return "".join(reversed(kept))


def _loose_reading(analysis: Analysis, figure: Figure, table_lines: dict[int, bool]) -> _Loose | None:
    text, norm = analysis.text, analysis.text.norm
    spans = base.figure_clause(analysis, figure)
    if spans is None or base._names_a_group(norm, figure):
        return None
    sentence_start, clause_start, clause_end = spans
    list_clause = clause_start
    if figure.index and analysis.figures[figure.index - 1].end > clause_start:
        # 新收1126名、期满解除1084名: an item of a 、 list names its own noun; any other second figure
        # of a clause may have its words from the first
        item = _LIST_ITEM_RE.match(norm, analysis.figures[figure.index - 1].end, figure.number_start)
        if item is None:
            return None
        clause_start = item.start("words")
    line_start, line_end = text.line_span(figure.start)
    if base.row_line(norm, line_start, line_end, table_lines):
        return None  # a table row: its columns are years or places of their own
    head = norm[max(clause_start, figure.number_start - _HEAD_WINDOW) : figure.number_start]
    head = head[head.rfind(":") + 1 :]  # 药品流通环节监管:全年检查…: a heading before the colon
    prefix = norm[max(sentence_start, figure.number_start - _PREFIX_WINDOW) : figure.number_start]
    part = False
    if "其中" in prefix:
        # 其中化学药品2.14亿元、中成药0.87亿元: a part named in its own clause counts what it names
        opening = _PART_OPENING_RE.match(norm, list_clause, figure.number_start)
        if opening is None or "其中" in norm[max(sentence_start, figure.number_start - _PREFIX_WINDOW) : opening.start()] \
                or _GROUP_WHOLE_RE.search(norm, max(sentence_start, list_clause - _PREFIX_WINDOW), list_clause):
            return None  # a part of a part, or of a group's whole (城区学校…,其中…)
        part = True
        head = head.replace("其中", "")
        prefix = norm[opening.start("words") : figure.number_start]
    reached = _REACHED_RE.search(head)
    if reached is not None and not _CHANGE_BASE_RE.search(head):
        head = head[: reached.start()]  # 万元GDP用水量下降至28.6立方米: the value the year ended on
    if _NOT_A_STATE_RE.search(head) or _hedged(prefix, head) or "其中" in prefix or "分别" in prefix \
            or _ANAPHORA_RE.search(_SIZE_CLASS_RE.sub("", prefix)):
        return None
    tail = "".join(norm[figure.end : min(clause_end, figure.end + _TAIL_WINDOW)].split())
    # 受理投诉5362件、挽回损失…: the next item; 1137只(头): a bracket after the value
    tail = restated._TAIL_END_RE.split(tail, 1)[0] if tail.startswith(("、", "(")) else tail
    deed = _DONE_TO_RE.search(head)
    done_to = False
    if deed is not None:
        done = _DONE_TO_TAIL_RE.match(tail)
        if done is not None:  # 共对241个停车场开展了检查: 检查停车场, the deed's verb after its noun
            # (县统计局对全县…: the agent before 对 is no part of what was counted; its time and total words are)
            kept = "".join(_DONE_TO_KEPT_RE.findall(head[: deed.start()]))
            head = kept + (deed.group("place") or "") + done.group("verb") + done.group("noun")
            tail, done_to = tail[done.end() :], True
    unit = _UNIT_FAMILY.get(figure.base_unit, figure.base_unit)
    if tail.startswith("次") and not unit.endswith("次"):
        unit, tail = unit + "次", tail[1:]
    if _HEDGED_RE.match(tail) or tail.startswith(("以上", "以下", "以内", "多", "余", "左右")):
        return None
    per = None
    for per in _PER_RE.finditer(head):
        pass
    if per is not None:
        unit += "/" + "".join(per.group(0).split())
        head = head[: per.start()] + head[per.end() :]
    modifies_after = head.rstrip().endswith("的")
    head = _EVERY_UNIT_RE.sub("", _MANNER_RE.sub("", head))
    words = "".join(_CJK_RE.findall(base._PERIOD_RE.sub("", base.BARE_YEAR_END_RE.sub("", head).replace("年度", "年").replace("以来", ""))))
    running = _RUNNING_RE.search(words) is not None
    levels = {_PLACE_LEVEL_RE.search(m.group(0)).group(0) for m in _PLACE_RE.finditer(words) if not m.group(0).startswith("辖区")}
    if len(levels) > 1:
        return None
    level = levels.pop() if levels else ""
    words = _PLACE_RE.sub("", words)
    words = _NEUTRAL_RE.sub("", _RUNNING_RE.sub("", words))
    words = _LEADING_PREPOSITIONS_RE.sub("", restated._STATE_OPENING_RE.sub("", words))
    words = restated._strip_end(words)
    named = words
    words, verbs, fresh = restated._split_verbs(words.replace("进出口", "\x02"))
    words = words.replace("\x02", "进出口")
    words = _LEADING_PREPOSITIONS_RE.sub("", words.removeprefix("在"))
    if per is not None and _STANDARD_AFTER_RE.match(tail):
        tail = ""  # 按每人每月1240元标准发放: the standard, named before
        words = words.removesuffix("按照").removesuffix("按")
    if tail and not tail.startswith("的") and not _ALL_OF_IT_RE.match(tail):
        if words and not modifies_after:
            return None  # 规上工业企业24家完成技术改造: the count of those that did, a part
        after = restated._NOUN_AFTER_RE.match(tail)
        if after is None:
            return None
        noun, verbs_after, _ = restated._split_verbs(after.group(1))
        words, verbs, named = words + noun, verbs | verbs_after, named + after.group(1)
    found = _RECEIVING_VERB_RE.match(words)
    if found is not None:  # 兑付国家助学金, 领取租赁补贴: one deed as the payer or the payee says it
        words, verbs = words[found.end() :], verbs | {found.group(0)}
    verbs = restated.one_event_verb({_VERB_FAMILY.get(verb, verb) for verb in verbs}, unit)
    words = restated.event_named(_OUTPUT_TAIL_RE.sub("产量", _MEASURE_TAIL_RE.sub("", restated._canonical(words.replace("的", "")))), unit)
    if not words and verbs:
        words = _DEED_ONLY + "+".join(sorted(verbs))  # 全年共立案421件: a deed with no noun, named by its verbs
        words += base.semicolon_frame(analysis, figure)  # 受理执行类案件71件;…;结案10件: what was received, closed
    if len(words) < 2:
        return None
    sentence = text.sentence_span(figure.start)[0]
    said = "".join(_CJK_RE.findall(norm[max(sentence, figure.number_start - _SAID_WINDOW) : figure.number_start]))
    named = _MEASURE_TAIL_RE.sub("", _LEADING_PREPOSITIONS_RE.sub("", named.replace("的", "")))
    # 城关镇应接种4953剂次,实际接种4395剂次: a clause before with a figure of its own tells whose the value is
    # (its words), or an event it names (开展送法下乡活动12场,受理咨询1460件); 全年…, 全县… open a whole's own
    # (今年全镇粮食播种面积6.42万亩,总产量2.68万吨: a sentence that opens on the whole says the whole's figures)
    frame = "" if _WHOLE_OPENING_RE.match(norm, list_clause, figure.number_start) or _WHOLE_OPENING_RE.match(norm, sentence, list_clause) \
        else restated._frame(analysis, figure, sentence, list_clause)
    if frame and _ACTUAL_RE.search(head) and _TARGET_WORDS_RE.search(frame):
        frame = ""  # 预算金额236.8亿元,实际采购金额224.3亿元: the plan it is measured against, no event it is part of
    if part:
        frame = ""  # the whole it is a part of is the clause before: it names no event of its own
    return _Loose(words, frozenset(verbs), unit, level, running, fresh, sentence, said, named if len(named) >= 2 else words, frame, part, done_to)



# --- households and persons, the one anchoring the other -----------------------------------------
#
# 全村共有农户486户1732人 … 全村486户1823人中: a place's households and persons stated as a pair, twice;
# the households agree, so the pair names one population, and the persons cannot both hold.

_PERSON_UNITS = frozenset({"人", "名"})
_PAIR_TAIL_RE = re.compile(r"\s*(?:$|中|当中|之中|均|都|全部|,|。|;)")
# a group of households (脱贫户, 搬迁户, 低保户): not the place's whole population
# a group's households that the year moved or added, or a part: no stock
_HOUSEHOLD_FLOW_RE = re.compile(r"新|其中|分别|外出|返乡|易地|搬迁|移民|累计|全年|年内|今年")
_HOUSEHOLD_GROUP_RE = re.compile(r"贫|低保|五保|特困|监测|搬迁|移民|残疾|困难|留守|优抚|军属|烈属|党员|少数民族|新增|其中|分别|外出|返乡|易地|边缘")


@dataclass(frozen=True)
class _Pair:
    noun: str
    level: str
    sentence: int


def household_conflicts(analysis: Analysis, report_year: str | None, taken: set[tuple[int, int]]) -> Iterator[Hit]:
    """Two statements of a population as households and persons whose households agree and persons do not."""
    figures, norm = analysis.figures, analysis.text.norm
    by_households: dict[tuple, list[tuple[Figure, Figure]]] = {}
    for households, persons in zip(figures, figures[1:]):
        if households.base_unit != "户" or persons.base_unit not in _PERSON_UNITS or norm[households.end : persons.number_start].strip():
            continue  # most figures are no 户 followed at once by 人: one look each
        if households.qualifier or persons.qualifier or persons.value_high is not None or households.value_high is not None:
            continue
        group = by_households.setdefault((households.value, households.multiplier), [])
        if len(group) < _GROUP_MAX:
            group.append((households, persons))
    for pairs in by_households.values():
        if len(pairs) < 2 or len({persons.value for _, persons in pairs}) < 2:
            continue
        read = [(households, persons, _pair_reading(analysis, households, persons)) for households, persons in pairs]
        for later_index, (households, persons, reading) in enumerate(read):
            if reading is None or (persons.start, persons.end) in taken:
                continue
            match = next((earlier_persons for _, earlier_persons, earlier in read[:later_index]
                          if earlier is not None and earlier.sentence != reading.sentence and _same_population(earlier, reading)
                          and base._apart(earlier_persons, persons) and base._alike(earlier_persons, persons)
                          and _when(analysis, earlier_persons, report_year) is not None
                          and _when(analysis, earlier_persons, report_year) == _when(analysis, persons, report_year)), None)
            if match is not None:
                name = f"全{reading.level}{reading.noun}{as_written(analysis, households)}的人口"
                yield base._hit(analysis, name, base._stated(analysis, match), persons)
                break


def _same_population(a: _Pair, b: _Pair) -> bool:
    if a.level != b.level:
        return False  # 全村… and 全镇…, or one with its place and one without
    short, long = sorted((a.noun, b.noun), key=len)
    if not _is_subsequence(short, long):
        return False
    return not _HOUSEHOLD_GROUP_RE.search(_left_out(short, long))


def _pair_reading(analysis: Analysis, households: Figure, persons: Figure) -> _Pair | None:
    text, norm = analysis.text, analysis.text.norm
    spans = base.figure_clause(analysis, households)
    if spans is None:
        return None
    sentence_start, clause_start, clause_end = spans
    if households.index and analysis.figures[households.index - 1].end > clause_start:
        return None  # a figure before it in its clause: a list, a before and after
    if not _PAIR_TAIL_RE.match(norm, persons.end):
        return None  # 486户1823人完成搬迁: those that did, a part
    head = norm[max(clause_start, households.number_start - _HEAD_WINDOW) : households.number_start]
    prefix = norm[max(sentence_start, households.number_start - _PREFIX_WINDOW) : households.number_start]
    if _NOT_A_STATE_RE.search(head) or _HEDGED_RE.search(prefix) or _ANAPHORA_RE.search(prefix) or "每" in head:
        return None
    words = "".join(_CJK_RE.findall(base._PERIOD_RE.sub("", base.BARE_YEAR_END_RE.sub("", head))))
    if _HOUSEHOLD_GROUP_RE.search(head) and (_HOUSEHOLD_FLOW_RE.search(head) or restated._split_verbs(words)[1:] != (set(), False)):
        return None  # 新纳入低保对象, 累计救助困难群众, 搬迁户: a flow or a deed; 现有低保对象…户…人 is a group's stock
    levels = {_PLACE_LEVEL_RE.search(m.group(0)).group(0) for m in _PLACE_RE.finditer(words) if not m.group(0).startswith("辖区")}
    if len(levels) != 1:
        return None  # a pair with no place of its own may be any group's
    words = _NEUTRAL_RE.sub("", restated._STATE_OPENING_RE.sub("", _PLACE_RE.sub("", words)))
    words = restated._STATE_OPENING_RE.sub("", words).removesuffix("农户").removesuffix("户籍").removesuffix("总户数")
    return _Pair(words, levels.pop(), text.sentence_span(households.start)[0])

def conflict(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """CF001: what auditor.checks.conflict finds, the counts restated in other words it misses
    (conflict_restated) and the values miscopied in a restatement (above), but for two statements
    under headings naming two subjects (一、县人民医院 … 二、县中医院)."""
    hits = list(base.conflict(analysis, rule))
    spans = {(hit.start, hit.end) for hit in hits}
    report_year = base._only_year(analysis, rule) or restated._title_year(analysis, rule)
    hits += restated.restated_conflicts(analysis, rule, report_year, spans)
    spans.update((hit.start, hit.end) for hit in hits)
    hits += miscopied_conflicts(analysis, rule, report_year, spans, frozenset(hit.values["metric"] for hit in hits))
    spans.update((hit.start, hit.end) for hit in hits)
    hits += household_conflicts(analysis, report_year, spans)
    spans.update((hit.start, hit.end) for hit in hits)
    hits += rate_restated_conflicts(analysis, rule, report_year, spans)
    spans.update((hit.start, hit.end) for hit in hits)
    hits += table_total_conflicts(analysis, report_year, spans)
    spans.update((hit.start, hit.end) for hit in hits)
    hits += alike_named_conflicts(analysis, rule, report_year, spans, frozenset(hit.values["metric"] for hit in hits))
    if hits:
        headings = restated._subject_headings(analysis.text.norm)
        hits = [hit for hit in hits if not restated._under_two_subjects(headings, hit)]
    yield from sorted(hits, key=lambda hit: hit.start)


CHECKS = (Check("conflict", conflict, base.ConflictParams, frozenset({"metric", "first", "second", "first_line"})),)
