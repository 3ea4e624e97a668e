"""Lists against numbers: 分别 (subjects vs values) and N种(a、b、c)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from auditor.model import Analysis, Hit
from auditor.rulepack import Rule
from auditor.spans import ends_with
from auditor.checks.base import Check, Params

# 分别 and the words up to the first value: 分别为, 分别完成签约, 分別完成投資
_RESPECTIVELY_RE = re.compile(r"分别[\u4e00-\u9fff]{0,8}\s*$")
_JOIN_RE = re.compile(r"、")
# 及 inside a word (普及, 涉及, 及时) joins nothing
_LAST_JOIN_RE = re.compile(r"以及|和|(?<![普涉危波提顾来企触])及(?![时格早]|以[上下])|与|或")
# 甲、乙、丙三个园区 / 入学、巩固、毕业和普及这“四率”: the count the list's summary names
_SUMMARY_COUNT_RE = re.compile(r"(?:这|此|等)?“?(?<![\d.])(?P<n>[一二两三四五六七八九十]{1,3}|\d{1,2})(?:个|项|类|种|大|率|所|家|条|支|座|片|批)[\u4e00-\u9fff]{0,6}”?$")


# a title, or a quoted name: set side by side they need no 、 between them
_TITLE_RE = re.compile(r"《[^《》\n]{1,40}》|“[^“”\n]{1,20}”|「[^「」\n]{1,20}」")


def _only_titles(listing: str) -> bool:
    """《甲》《乙》《丙》 (or 《甲》、《乙》和《丙》, or “甲工程”“乙工程”): titles or quoted names
    and their joints, nothing else."""
    return len(_TITLE_RE.findall(listing)) >= 2 and not _TITLE_RE.sub("", listing).strip(" 、,和及与等。")


def _joined_items(listing: str) -> bool:
    return "、" in listing or _only_titles(listing)


def item_counts(listing: str) -> set[int]:
    """The plausible numbers of items in a list joined by 、 / 和 / 及 / 与.

    "A、B、C和D" is four items; "A与B的衔接" inside an item is one. Every
    reading that could be meant is returned, so a check can stay silent
    when any of them fits.
    """
    if _only_titles(listing.strip(" ,:")):
        return {len(_TITLE_RE.findall(listing))}  # 《甲》《乙》《丙》: titles set side by side need no 、
    listing = listing.strip(" ,:“”\"")
    pieces = [p for p in _JOIN_RE.split(listing) if p.strip()]
    counts = {len(pieces)}
    last_split = [p for p in _LAST_JOIN_RE.split(pieces[-1]) if p.strip()] if pieces else []
    if len(last_split) > 1 and len(pieces) > 1 and any(len(p.strip()) == 1 for p in last_split) \
            and all(len(p.strip()) >= 2 for p in pieces[:-1]):
        last_split = []  # 东山乡、…、中和乡: a 和 inside a name of several characters joins nothing
    if len(last_split) > 1:
        # A、B和C: the 和 joins the last item; A、B、C的X和Y: a 和 after the list's 的 joins
        # the nouns of what the items have (违规和管理不规范问题金额), not another item
        if len(pieces) > 1 and "的" not in last_split[-1] and "的" not in last_split[0]:
            counts = set()
        counts.add(len(pieces) - 1 + len(last_split))
    if len(pieces) == 1:
        whole = [p for p in _LAST_JOIN_RE.split(listing) if p.strip()]
        counts.add(len(whole))
    first_split = [p for p in _LAST_JOIN_RE.split(pieces[0]) if p.strip()] if len(pieces) > 1 else []
    if len(first_split) == 2:
        # 中央和省、市、自治区: one item and a group (两级), or every item on its own
        counts.update({2, len(pieces) + 1})
    verbs = 0
    while verbs < len(pieces) - 1 and _VERB_ITEM_RE.fullmatch(pieces[verbs].strip()):
        verbs += 1
    if verbs:
        # 新建、改扩建幼儿园、小学和初中: verbs done to every item, no items themselves
        counts.update(n - verbs for n in list(counts) if n - verbs >= 1)
    return counts


_VERB_ITEM_RE = re.compile(r"(?:全年|今年|年内|共|累计|已)?(?:新建|改建|扩建|改扩建|新改建|新扩建|翻建|维修|改造|提升|新增|建设|修缮|整治)")


_VALUE_RE = re.compile(
    r"(?:\d+(?:[ \u2009\u202f,]\d{3})*(?:\.\d+)?(?:万亿|千万|百万|万|亿|千)?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿点]*)"
    r"(?:\s*[:∶]\s*\d+(?:\.\d+)?)?"  # a ratio 13.5:1 is one value
    r"(?:/(?:10万|十万|万|千|百))?"  # 186.2/10万 is one value
)
# 分别下降4.80%、50.00%及减少8.22个百分点: the last value may bring its own change word
_VALUE_JOIN_RE = re.compile(r"^[^、,。;:\d]{0,8}?(?:、|和|及|以及|与|或)(?:分别)?"
                            r"(?:(?:减少|增加|提高|下降|上升|降低|增长|回落|扩大|缩小|下滑|上涨)了?)?\s*$")
# between the two ends of a range: a unit or % after the lower end may stand before the dash
# (a unit, no verb: 从12人、15人减少到3人、4人 pairs a start and an end per subject, read as values in turn)
_RANGE_JOIN_RE = re.compile(r"^(?:%|‰|(?:(?![增加提高降低减少升长扩缩降至到])[\u4e00-\u9fff]){1,2})?\s*(?:-|—{1,2}|–|~|～|至|到)\s*$")


def value_count(tail: str) -> int:
    """How many values a 分别 clause gives: 3分、5分和1毛钱 is three, 0.8、1.5个百分点
    is two, 13.5:1和1:1.2 is two, 1 200张 is one."""
    count, position = 0, 0
    for match in _VALUE_RE.finditer(tail):
        if count and _RANGE_JOIN_RE.match(tail[position : match.start()]):
            position = match.end()  # 5—8万元, 40~45人, 5%至8%: the range's upper end, one value with its lower
            continue
        if count and not _VALUE_JOIN_RE.match(tail[position : match.start()]):
            break
        count += 1
        position = match.end()
    return count


def respectively(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    text, figures = analysis.text, analysis.figures
    norm = text.norm
    done: set[int] = set()
    for figure in figures:
        if figure.in_list:
            continue
        sentence_start, _ = text.sentence_span(figure.start)
        clause_start, clause_end = text.clause_span(figure.start)
        word = ends_with(_RESPECTIVELY_RE, norm, clause_start, figure.number_start)
        if not word or word.start() in done:
            continue
        done.add(word.start())
        values = value_count(norm[figure.number_start : min(clause_end, figure.number_start + 200)])
        if values <= 1:
            continue  # one value for all the subjects: 甲、乙分别下降2%
        # 甲和乙分别为45286元和23614元,分别增长4.9%和6.6%: the same subjects again, unless
        # a list of its own stands right before this 分别 (甲、乙、丙分别为…,丁、戊分别下降…)
        own = subjects = _own_subjects(norm, text, word.start(), sentence_start)
        subjects = subjects or _earlier_respectively_counts(norm, text, sentence_start, word.start()) - {0, 1}
        subjects = subjects or _subjects(norm, text, word.start(), sentence_start)
        if not subjects or values in subjects:
            continue
        if not own and values + 1 in subjects and _changes_between_periods(norm, text, word.start(), sentence_start):
            continue  # 2019—2021年分别为…三个值,年增幅分别为…两个值: the changes between three years are two
        count = min(subjects, key=lambda n: abs(n - values))
        if values > count and _STATED_FIGURES_WORD_RE.search(word.group()) \
                and _stated_figures_before(figures, figure.index, max(sentence_start, word.start() - 240)) == values:
            continue  # 事故N起,造成A人死亡、B人受伤,损失C亿元,分别下降…四个值: each value is one stated figure's change
        start = word.start()
        end = figure.end
        index = figure.index + 1  # walk on by index: a slice would copy every later figure, per hit
        while index < len(figures) and figures[index].start < clause_end:
            end = figures[index].end
            index += 1
        yield Hit(start, end, {"subjects": count, "values": values}, {"subjects": count, "values": values})
    if "分别" in norm:
        yield from _chinese_values(analysis, done)


# 分别下降 / 分别占总数的: a change or a share of each figure stated before it
_STATED_FIGURES_WORD_RE = re.compile(r"增长|下降|上升|减少|增加|提高|降低|回落|增幅|降幅|同比|环比|占|比重")
_RATE_KINDS = frozenset({"percent", "permille", "per100k", "per10k", "points"})


def _stated_figures_before(figures, index: int, start: int) -> int:
    """How many figures with a unit (no rates) stand in the sentence before the 分别
    whose first value is figures[index]: they may be its subjects (事故238351起,造成67759人死亡、
    275125人受伤,直接损失9.1亿元,分别下降…)."""
    count = 0
    index -= 1
    while index >= 0 and figures[index].start >= start:
        figure = figures[index]
        if figure.kind in _RATE_KINDS:
            return -1  # a rate among them: the figures are not a plain list of stated amounts
        if figure.unit:
            count += 1  # (a bare number — a list marker 3、 — is no amount)
        index -= 1
    return count


# 分别为十二万亩、八万亩 / 分别增长三成、两成: values in Chinese numerals with a unit the figure reader leaves to the
# words (万亩, 公里, 成); each value a numeral run, maybe 万/亿, then its unit
_CN_VALUE = (r"[一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千]*(?:点[零〇一二三四五六七八九]+)?(?:万|亿)?"
             r"(?:个百分点|平方公里|平方米|公顷|公里|千米|亩|吨|元|人次|人|户|所|个|家|项|次|件|起|名|座|台|辆|套|张|份|间|处"
             r"|条|支|批|期|场|篇|例|头|只|株|棵|倍|成|米)")
_CN_RESPECTIVELY_RE = re.compile(rf"分别(?:(?![一二两三四五六七八九十百千])[\u4e00-\u9fff]){{0,4}}?(?={_CN_VALUE})")
_CN_VALUE_RE = re.compile(_CN_VALUE)
_CN_VALUE_JOIN_RE = re.compile(r"、|和|及|与|以及")


def _chinese_values(analysis: Analysis, done: set[int]) -> Iterator[Hit]:
    """分别为十二万亩、八万亩 after three subjects: 分别 whose values are all written in Chinese numerals
    with units the figure reader does not take (their 分别 was not read above)."""
    text, norm = analysis.text, analysis.text.norm
    for word in _CN_RESPECTIVELY_RE.finditer(norm):
        if word.start() in done:
            continue
        position, values, end = word.end(), 0, word.end()
        while True:
            value = _CN_VALUE_RE.match(norm, position)
            if value is None:
                break
            values += 1
            end = value.end()
            join = _CN_VALUE_JOIN_RE.match(norm, end)
            if join is None:
                break
            position = join.end()
        if values <= 1:
            continue
        sentence_start, _ = text.sentence_span(word.start())
        subjects = _own_subjects(norm, text, word.start(), sentence_start) \
            or _earlier_respectively_counts(norm, text, sentence_start, word.start()) - {0, 1} \
            or _subjects(norm, text, word.start(), sentence_start)
        if not subjects or values in subjects:
            continue
        count = min(subjects, key=lambda n: abs(n - values))
        yield Hit(word.start(), end, {"subjects": count, "values": values}, {"subjects": count, "values": values})


# a change from one period to the next: 年增幅, 增长, 下降, 环比 …
_CHANGE_WORD_RE = re.compile(r"增长|增幅|增速|减幅|降幅|涨幅|增率|递增|递减|环比|同比|提高|下降|增加|减少|上升|回落|变化|增減|增减")
# 2019—2021年, 2019年至2021年, 1至3季度, 一季度到三季度: a range of periods, each a subject
_PERIOD_SPAN_RE = re.compile(
    r"(?<![\d.])(?:\d{4}|\d{1,2}|[一二三四五六七八九十]{1,2})(?:年|季度|月份?)?\s*(?:至|到|—|-|~|－)\s*"
    r"(?:\d{4}|\d{1,2}|[一二三四五六七八九十]{1,2})(?:年|季度|月份?)")
_PERIOD_SPAN_REACH = 160


def _changes_between_periods(norm: str, text, position: int, sentence_start: int) -> bool:
    """Whether this 分别 gives the changes between the periods of a range named earlier in
    its sentence: N periods have N−1 changes from one to the next."""
    clause_start, _ = text.clause_span(position)
    if not _CHANGE_WORD_RE.search(norm, max(clause_start, sentence_start), position + 8):
        return False
    return _PERIOD_SPAN_RE.search(norm, max(sentence_start, position - _PERIOD_SPAN_REACH), position) is not None


def _earlier_respectively_counts(norm: str, text, sentence_start: int, position: int) -> set[int]:
    """How many values each earlier 分别 of the sentence gave, and how many subjects it
    had: 甲、乙、丙案件分别为126件、38件,罚款分别为…: the second 分别 names the first's
    subjects again, whether or not the first gave all their values."""
    counts = set()
    start = max(sentence_start, position - _EARLIER_RESPECTIVELY_REACH)  # bounded: a sentence may be a whole file
    earlier = norm.find("分别", start, position)
    while earlier >= 0:
        counts.add(value_count(norm[earlier + 2 : position]))
        counts |= _own_subjects(norm, text, earlier, sentence_start)
        earlier = norm.find("分别", earlier + 2, position)
    return counts


_EARLIER_RESPECTIVELY_REACH = 120
# 两所小学及一所中学: an item that counts its own members
_COUNTED_ITEM_RE = re.compile(r"(?<![\d.])(?P<n>[一二两三四五六七八九十]|\d{1,2})(?:个|所|家|座|条|项|类|名|位|间|处|支|批|片)(?!\d)")


def _counted_items(listing: str) -> set[int]:
    """The members of a list whose every item counts its own (两所小学及一所中学 is three
    schools), or nothing."""
    pieces = [p for piece in _JOIN_RE.split(listing) for p in _LAST_JOIN_RE.split(piece) if p.strip()]
    numbers = [_COUNTED_ITEM_RE.search(piece) for piece in pieces]
    if len(pieces) < 2 or not all(numbers):
        return set()
    return {sum(_marker_number(n.group("n")) for n in numbers)}
_COMPARED_WITH_RE = re.compile(r"(?:与|同|跟|和)[^、,;和与同跟]{1,14}?(?:相比|相较|比较)(?:而言)?\s*$")


# 甲镇(含开发区)、乙镇: a bracket glossing one subject inside the list, not where the list starts
_ITEM_GLOSS_RE = re.compile(r"(?<=[\u4e00-\u9fff])\([^()\n]{1,12}\)(?=、)")


# the industries of the national classification whose names hold 、 or 和: each one subject
_INDUSTRY_NAME_RE = re.compile(
    r"农、林、牧、渔(?:专业及辅助性活动|业)?|电力、热力、燃气及水生产和供应业|交通运输、仓储和邮政业|信息传输、软件和信息技术服务业"
    r"|批发和零售业|住宿和餐饮业|租赁和商务服务业|科学研究和技术服务业|水利、环境和公共设施管理业|居民服务、修理和其他服务业"
    r"|卫生和社会工作|文化、体育和娱乐业|公共管理、社会保障和社会组织")


def _one_name_each(clause: str) -> str:
    """农、林、牧、渔业 and 批发和零售业 as one name each: the marks inside them join no items."""
    if "业" not in clause and "卫生和" not in clause and "公共管理" not in clause:
        return clause
    return _INDUSTRY_NAME_RE.sub(lambda m: re.sub(r"、|和|及", "·", m.group(0)), clause)


def _own_subjects(norm: str, text, position: int, sentence_start: int) -> set[int]:
    """Counts of a list in 分别's own clause (甲、乙分别建成…), if it has one."""
    clause_start, _ = text.clause_span(position)
    clause = _one_name_each(_ITEM_GLOSS_RE.sub("", norm[max(clause_start, sentence_start) : position]))
    clause = _COMPARED_WITH_RE.sub("", clause[clause.rfind(")") + 1 :])
    if "分别" in clause or not ("、" in clause or _LAST_JOIN_RE.search(clause)):
        return set()
    counts = _subject_counts(clause)
    return counts if max(counts) >= 2 else set()


# 甲、乙和丙三类学校的体检合格率分别…: the count may stand further from 分别 than a summary does
_SUBJECTS_COUNT_RE = re.compile(r"(?<![\d.])(?P<n>[一二两三四五六七八九十]{1,3}|\d{1,2})(?:个|类|种|所|家|条|支|座|片|批)[\u4e00-\u9fff]{0,10}$")


_PERIOD_RANGE_RE = re.compile(
    r"(?<![\d.])(?P<a>\d{1,4}|[一二三四五六七八九十]{1,2})(?:季度|月份?|年)?\s*(?:至|到|—|-|~)\s*"
    r"(?P<b>\d{1,4}|[一二三四五六七八九十]{1,2})(?:季度|月份?|年)[^\d,;、]{0,8}$")


def _subject_counts(listing: str) -> set[int]:
    """The plausible numbers of subjects a list names; a count after it (甲、乙和丙三类学校)
    says which reading is meant."""
    counts = item_counts(listing) | _counted_items(listing)
    summary = _SUMMARY_COUNT_RE.search(listing) or _SUBJECTS_COUNT_RE.search(listing)
    if summary is None:
        return counts
    stated = _marker_number(summary.group("n"))
    return {stated} if stated >= 2 and stated in counts else counts | {stated}


def _subjects(norm: str, text, position: int, sentence_start: int) -> set[int]:
    """Counts of the nearest list before 分别 in its sentence (up to 3 clauses back)."""
    end = position
    for _ in range(3):
        clause_start, _ = text.clause_span(max(end - 1, sentence_start))
        clause_start = max(clause_start, sentence_start)
        clause = _one_name_each(_ITEM_GLOSS_RE.sub("", norm[clause_start:end]))
        clause = clause[clause.rfind(")") + 1 :] if ")" in clause else clause
        if end == position:  # …和直接经济损失与近5年均值相比分别下降: what they are compared with is no subject
            clause = _COMPARED_WITH_RE.sub("", clause)
        if "、" in clause or _LAST_JOIN_RE.search(clause):
            counts = _subject_counts(clause)
            if max(counts) >= 2:
                return counts
        elif end == position:
            span = _PERIOD_RANGE_RE.search(clause)
            if span is not None:  # 1至3季度分别… / 2022—2024年分别…: each period of the range
                first, last = _marker_number(span.group("a")), _marker_number(span.group("b"))
                return {last - first + 1} if 2 <= last - first + 1 <= 12 else set()
            # 全县三个工业园区分别…: no list, the count of the subjects right before 分别
            summary = _SUMMARY_COUNT_RE.search(clause)
            if summary and not summary.group(0).startswith(("这", "此", "等")):
                stated = _marker_number(summary.group("n"))
                return {stated} if stated >= 2 else set()
        if clause_start <= sentence_start:
            return set()
        end = clause_start - 1
    return set()


def count_list(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """5种疾病(a、b、c、d): the stated number against the list's length."""
    yield from _counted_figures(analysis, rule)
    yield from _word_counts(analysis)
    if "“" in analysis.text.norm or "「" in analysis.text.norm or "\"" in analysis.text.norm:
        yield from _abbreviations(analysis, _ABBREVIATION_RE)
    if ":" in analysis.text.norm:
        yield from _abbreviations(analysis, _BARE_ABBREVIATION_RE)


# 实现三通:通水、通电… / 开展四查:查思想、… / 做到两不:不推诿、…: a numeral and one character right before a colon,
# unquoted (a measure word there is a count, read by the figures above)
_BARE_ABBREVIATION_RE = re.compile(
    r"(?<![一二两三四五六七八九十百千\d第])(?P<n>[二两三四五六七八九十])(?P<name>(?P<head>(?![个项种类级家所条名位件场篇次批年月日天人户元大化是方支处张座片套台辆间栋只头株棵期轮季])[\u4e00-\u9fff]))"
    r"(?P<bracket>(?!x)x)?:")


def _abbreviations(analysis: Analysis, pattern: re.Pattern) -> Iterator[Hit]:
    """普法“五进”,即进机关、进企业、进校园、进社区 / “四保”底线:保民生、保工资、保运转 / “五水共治”:
    治污水、防洪水…: a numeral and one character (maybe two more, no numeral among them) whose
    items each open, or each end, with that character, counted."""
    text, norm = analysis.text, analysis.text.norm
    for match in pattern.finditer(norm):
        opened = _next_line_after_colon(norm, match.end()) if norm.endswith(":", 0, match.end()) else match.end()
        if norm.startswith("一" + match.group("head"), opened):
            # 做到三要:一要讲政治,二要讲规矩…: items numbered by the name's own character
            _, line_end = text.line_span(opened)
            listed = _numbered_by(norm, match.group("head"), opened, line_end) \
                if line_end - opened <= _BELOW_REACH else None
            stated = _marker_number(match.group("n"))
            if listed is not None and listed != stated:
                start, end = match.start("n"), match.end("head")
                yield Hit(start, end, {"stated": text.original[start:end], "found": listed},
                          {"stated": stated, "found": listed, "items": "", "list_position": "enumerated"})
            continue
        if match.group("bracket"):  # “三进”活动(进社区、进学校…): the items in the bracket after the name
            stop = norm.find(")", opened, opened + _LIST_MAX)
            if stop < 0 or "(" in norm[opened:stop]:
                continue
        else:
            stop = _quoted_list_end(norm, text, match.start(), opened)
        if stop is None:
            continue
        items = [p.strip() for p in re.split(r"、|和|及|;", norm[opened:stop].rstrip("。;")) if p.strip()]
        stated = _marker_number(match.group("n"))
        # “三同步”:同步规划、同步建设… / “四清单”:责任清单、任务清单…: the character after the numeral,
        # or all of the name after it, opens or ends every item
        alike = [group for group in ("name", "head") if all(len(p) >= 2 for p in items) and (
            all(p.startswith(match.group(group)) for p in items) or all(p.endswith(match.group(group)) for p in items))]
        if len(items) >= 2 and alike and len(items) != stated:
            start, end = match.start("n"), match.end(alike[0])
            yield Hit(start, end, {"stated": text.original[start:end], "found": len(items)},
                      {"stated": stated, "found": len(items), "items": "", "list_position": "after"})


def _counted_figures(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    text, norm = analysis.text, analysis.text.norm
    units = rule.options.units
    open_words = rule.options.open_list_words
    type_units = rule.options.type_units
    gloss_words = frozenset(analysis.pack.words("list_gloss_words"))
    verbs = tuple(analysis.pack.words("list_verbs"))
    slogans = tuple(analysis.pack.words("numbered_slogans"))
    after_re = re.compile(r"(?P<noun>[\u4e00-\u9fff“”\"]{0,12}?)[(]即?(?P<list>[^()。;]+?)[)]")
    later_counts: set[int] = set()
    for figure in analysis.figures:
        if figure.kind != "count" or figure.base_unit not in units or not figure.exact or figure.value < 2:
            continue
        if norm.startswith(slogans, figure.number_start):
            continue
        if figure.number_start in later_counts:
            continue  # the colon list after it was read for an earlier count of its clause
        stated = int(figure.value)
        shared = _two_counts_one_list(norm, text, figure, units, open_words)
        if shared is not None:
            # 围绕“三个到位”开展两项核查:甲到位、乙到位…: which count the list is told by its items
            later, listed = shared
            later_counts.add(later)
            if listed is not None:
                yield _count_hit(analysis, figure, stated, listed, "after")
            continue
        partial = open_list = False
        listing, where = _list_after(after_re, norm, figure), "after"
        if listing is not None and _is_gloss(listing, gloss_words):
            continue
        if listing is None and stated <= 20 and (figure.chinese or figure.base_unit in type_units
                                                 or norm.startswith(type_units, figure.end)
                                                 or _peer_names_before(norm, text, figure)):
            # a list before the number: 胸痛中心、卒中中心、创伤急救中心“三大中心”
            listing, where = _list_before(norm, text, figure, verbs), "before"
            if listing is not None and _is_gloss(listing, gloss_words):
                continue
        dashed = _DASHED_NAME_RE.match(norm, figure.end) if listing is None else None
        if listing is None and (norm[figure.number_start - 1 : figure.number_start] in ("“", "\"", "「") or dashed):
            # 实施“三项工程”:校舍安全工程、信息化工程…: a quoted name whose items follow, each named by its noun
            # 新设两个专责小组——甲小组、乙小组: a name with no quotes, its items after a dash
            quoted = dashed or _QUOTED_NAME_RE.match(norm, figure.end)
            if quoted is not None and quoted.group("noun") == "一":
                quoted = None  # “四个一”工程——一村一品、…: its ones, read below
            ones = _QUOTED_ONES_RE.match(norm, figure.end) if quoted is None else None
            if quoted is not None or ones is not None:
                opened = (quoted or ones).end()
                if norm.endswith(":", 0, opened) or norm[opened - 1 : opened].isspace():
                    opened = _next_line_after_colon(norm, opened)  # “六个一”机制:⏎一张清单、…: the items on the next line
                stop = _quoted_list_end(norm, text, figure.start, opened)
                if stop is None:
                    continue
                segment = norm[opened:stop]
                clauses = _keyword_clauses(norm, opened, quoted.group("noun")[-2:]) \
                    if quoted is not None and "、" not in segment else None
                if clauses is not None:
                    # “三个一律”:逾期不改的一律关停,屡查屡犯的一律列入黑名单。: whole clauses, each with the name's word
                    listed, open_clause = clauses
                    if listed != stated and not (open_clause and listed < stated):
                        yield _count_hit(analysis, figure, stated, listed, "after")
                    continue
                if "、" not in segment and norm.startswith(";", stop):
                    # “四个到位”:组织到位;责任到位;…。: items parted by semicolons, up to the sentence's end
                    stop = _semicolon_list_end(norm, text, figure, opened)
                    if stop is None:
                        continue
                    segment = norm[opened:stop]
                items = [p.strip() for p in re.split(r"、|和|及|;", segment.rstrip("。;")) if p.strip()]
                if _only_titles(segment.rstrip("。;")):  # “强基工程”“育才工程”: quoted names side by side
                    items = [title[1:-1] for title in _TITLE_RE.findall(segment)]
                if _has_count("、".join(items)):
                    continue  # “两张清单”——“三个清单”和…: the items are counts of their own
                open_list = bool(items) and items[-1].endswith(open_words) and not items[-1].endswith(("平等", "同等"))
                if open_list:  # …督查到位等: the list names only some, wrong only when it names more
                    items[-1] = items[-1][: -max(len(w) for w in open_words if items[-1].endswith(w))]
                if quoted is not None:
                    noun = quoted.group("noun")[-2:]
                    # 组织到位、责任到位 end with the noun; 聚焦产业、聚焦项目 open with it; 管行业必须管安全 holds it
                    alike = len(noun) == 2 and (all(p.endswith(noun) for p in items) or all(p.startswith(noun) for p in items)
                                                or all(noun in p[1:-1] and not _MARKER_STYLES[0].match(p) for p in items))
                    if len(quoted.group("noun")) == 1 and len(items) >= 3:
                        alike = all(p.startswith(quoted.group("noun")) for p in items)  # “四进”:进机关、进乡村…
                else:  # “三个一”:一张卡、一本簿、一个群 / 每月一次学习、每季一次党课: each item one of the "ones"
                    alike = all(p.startswith("一") for p in items) or all("一" in p and len(p) <= 8 for p in items)
                if len(items) >= 2 and alike and len(items) != stated and not (open_list and len(items) < stated):
                    yield _count_hit(analysis, figure, stated, len(items), "after")
                if alike or not _plain_items_may_follow(quoted, items):
                    continue
                # “五大专项行动”:⏎占道经营整治、违规广告清理…,⏎行动于…: a colon opens items named in their
                # own words; read them as after an unquoted count
            else:
                named = _named_in_next_clause(norm, text, figure)
                if named is not None and named != stated:  # read across a comma: a reading, not a certainty
                    yield _count_hit(analysis, figure, stated, named, "after", severity="warning")
                continue
        if listing is None:
            # 组建5支团队:甲、乙、丙、丁 / 三个方面问题:一是…二是… / 任务共三个:一是…
            marked = _enumerated_after(norm, text, figure)
            if marked is not None:
                listed, where = marked, "after"
                if listed != stated:
                    yield _count_hit(analysis, figure, stated, listed, "enumerated")
                continue
            # 三点体会:首先,…;其次,…;最后,…: ordinal words number the items (a reading: they may be steps)
            ordinals = _ordinals_after(norm, text, figure) if figure.base_unit in _ORDINAL_UNITS else None
            if ordinals is not None:
                if ordinals != stated:
                    yield _count_hit(analysis, figure, stated, ordinals, "enumerated", severity="warning")
                continue
            # 重点抓了四个方面的工作。一是…。二是…。: the sentences after the count's own number them
            sentences = _enumerated_sentences_after(norm, text, figure) if figure.chinese and stated <= 10 else None
            if sentences is not None:
                if sentences != stated:  # read across sentences: a reading, not a certainty
                    yield _count_hit(analysis, figure, stated, sentences, "enumerated", severity="warning")
                continue
            # 围绕三个重点开展工作,一是…,二是…: the clause after the count's opens the run (a reading)
            clause = _enumerated_after_comma(norm, text, figure) if stated <= _BELOW_COUNT_MAX else None
            if clause is not None:
                if clause != stated:
                    yield _count_hit(analysis, figure, stated, clause, "enumerated", severity="warning")
                continue
            # 以上三个方面的工作 after the list it sums up: the run of items above (a reading)
            above = _enumerated_above(norm, text, figure) if stated <= _BELOW_COUNT_MAX else None
            if above is not None:
                if above != stated:
                    yield _count_hit(analysis, figure, stated, above, "before", severity="warning")
                continue
            # 解决问题12个:⏎1.…⏎2.…: a count above ten over numbered lines is a total with examples
            below = _enumerated_below(norm, text, figure) if stated <= _BELOW_COUNT_MAX else None
            if below is None and stated <= _BELOW_COUNT_MAX and figure.base_unit in _ORDINAL_UNITS:
                below = _ordinal_lines_below(norm, text, figure)
            if below is None and stated <= _BELOW_COUNT_MAX:
                below = _bulleted_below(norm, text, figure)
            if below is not None:
                if below != stated:  # read over lines: a reading, not a certainty
                    yield _count_hit(analysis, figure, stated, below, "below", severity="warning")
                continue
            semicolon = _semicolon_items(norm, text, figure, open_words) \
                or _figured_semicolon_items(norm, text, figure, open_words)
            if semicolon is not None:
                listed, word = semicolon
                if listed != stated and not (word in _PARTIAL_WORDS and listed < stated):
                    yield _count_hit(analysis, figure, stated, listed, "enumerated")
                continue
            after = _list_after_colon(norm, text, figure, verbs + _CLAUSE_VERBS + _PURPOSE_VERBS)
            listing, where = (after[0], "after") if after else (None, where)
            partial = bool(after) and after[1] in _PARTIAL_WORDS
            if listing is not None and _is_gloss(listing, gloss_words):
                continue
            if listing is not None and any(w in listing for w in open_words):
                listing, open_list = _named_before_open(listing), True
        if listing is None:
            continue
        if listing.rstrip(" )").endswith(open_words):
            listing, open_list = _named_before_open(listing), True
            if listing is None:
                continue
        if _has_count(listing) and not _tasks_with_amounts(listing, figure):
            continue
        counts = item_counts(listing)
        if max(counts) < 2 or stated in counts:
            continue
        if open_list:
            if min(counts) <= stated:
                continue  # 甲、乙等: the list names only some; more named than counted is still wrong
            found = min(counts)
        else:
            found = min(counts, key=lambda n: abs(n - stated))
        if partial and found < stated:
            if not _names_all(norm, figure, listing):
                continue  # 包括甲、乙: may name only some of them
            # 建立四项制度,包括通报制度、考核制度和信息报送制度: each item the count's noun, the list closed
            yield _count_hit(analysis, figure, stated, found, where, items=listing, severity="warning")
            continue
        yield _count_hit(analysis, figure, stated, found, where, items=listing)


_COUNT_NUMERAL = r"(?<![\d.一二两三四五六七八九十百千万])(?:[二两三四五六七八九十]{1,3}|[2-9]|\d{2})"
_TWO_COUNTS_REACH = 24  # han characters from one count's noun to the colon of a list


def _two_counts_one_list(norm: str, text, figure, units: tuple[str, ...],
                         open_words: tuple[str, ...]) -> tuple[int, int | None] | None:
    """围绕“三个到位”开展两项补贴核查:对象认定到位、资金发放到位…: a count, another count
    later in its clause, then one colon list. The items say which count they belong to: they
    repeat the first's noun (…到位) or the second's. Returns where the second count's number
    starts and, when the items are the first's and their number differs from it, that number;
    None when the clause holds no second count before a colon. The second count is left to
    its own reading only when the first is no quoted name and the items are not the first's
    (the caller silences it otherwise: which count the list tells is not known)."""
    quoted = norm[figure.number_start - 1 : figure.number_start] in ("“", "\"", "「")
    name = _QUOTED_NOUN_ONLY_RE.match(norm, figure.end) if quoted else None
    later = _later_count_re(units).match(norm, name.end() if name else figure.end)
    if later is None:
        return None
    first_noun = name.group("noun")[-2:] if name else norm[figure.end : figure.end + 2]
    second_nouns = (later.group("noun")[:2], later.group("noun")[-2:])
    opened = _next_line_after_colon(norm, later.end())
    stop = _quoted_list_end(norm, text, figure.start, opened)
    items = [p.strip() for p in re.split(r"、|和|及|;", norm[opened:stop].rstrip("。;")) if p.strip()] \
        if stop is not None else []
    open_list = bool(items) and items[-1].endswith(open_words)
    if open_list:
        items[-1] = items[-1][: -max(len(w) for w in open_words if items[-1].endswith(w))]
    stated = int(figure.value)
    if len(items) >= 2 and _all_repeat(items, first_noun) and not _has_count("、".join(items)):
        # as many items as the second count says: the list may be its, each item opening with the first's word
        wrong = len(items) != stated and not (open_list and len(items) < stated) \
            and len(items) != _marker_number(later.group("n"))
        return later.start("n"), (len(items) if wrong else None)
    if len(items) == stated and not any(_all_repeat(items, noun) for noun in second_nouns):
        return later.start("n"), None  # as many items as the first count: the list may be its
    return -1, None  # the second count keeps its own reading


def _all_repeat(items: list[str], noun: str) -> bool:
    """Every item ends with the noun (组织到位、责任到位) or every one opens with it (聚焦产业、聚焦项目)."""
    return len(noun) == 2 and all(len(p) > 2 for p in items) and (
        all(p.endswith(noun) for p in items) or all(p.startswith(noun) for p in items))


# “三个到位”: the quoted name right after its count, up to the closing quote
_QUOTED_NOUN_ONLY_RE = re.compile(r"(?P<noun>[\u4e00-\u9fff]{1,8})[”\"」]")
@lru_cache(maxsize=8)
def _later_count_re(units: tuple[str, ...]) -> re.Pattern:
    """…开展残疾人两项补贴核查: : a second count later in the clause, its noun, the colon that opens a list."""
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(r"[\u4e00-\u9fff]{0,%d}?(?P<n>%s)(?:%s)(?P<noun>[\u4e00-\u9fff]{2,12})[ \t]*:"
                      % (_TWO_COUNTS_REACH, _COUNT_NUMERAL, unit))


# the clause after a quoted name: up to its end within the reach of a list
_NEXT_CLAUSE_RE = re.compile(r"[^,;。!?\n]{0,24}?[,][ \t]*\n?[ \t]*(?P<clause>[^,;。!?\n]{1,120})")


def _named_in_next_clause(norm: str, text, figure) -> int | None:
    """落实“三级书记”抓治理责任,县委书记、乡镇党委书记、村党组织书记、网格书记逐级签订…: a quoted
    name with no opener whose noun every item of the next clause's 、 list ends with (the last
    item followed by the clause's verb): how many items that list names; None otherwise."""
    quoted = _QUOTED_NOUN_ONLY_RE.match(norm, figure.end)
    if quoted is None or len(quoted.group("noun")) < 2:
        return None
    noun = quoted.group("noun")[-2:]
    following = _NEXT_CLAUSE_RE.match(norm, quoted.end())
    if following is None or "、" not in following.group("clause"):
        return None
    pieces = [p.strip() for p in following.group("clause").split("、")]
    last = [p.strip() for p in _LAST_JOIN_RE.split(pieces[-1]) if p.strip()]
    pieces = pieces[:-1] + last
    if len(pieces) < 2 or not all(p.endswith(noun) and len(p) > len(noun) for p in pieces[:-1]):
        return None
    at = pieces[-1].find(noun)
    if at <= 0:
        return None  # the last item is not one of them: the list is not the name's
    return len(pieces)


def _count_hit(analysis: Analysis, figure, stated: int, found: int, position: str, items: str = "",
               severity: str = "") -> Hit:
    """称“N个”,所列却有M项, at the count as written."""
    written = analysis.text.original[figure.number_start : figure.end]
    return Hit(figure.start, figure.end, {"stated": written, "found": found},
               {"stated": stated, "found": found, "items": items, "list_position": position}, severity=severity)


_CN_NUMERAL = "一二两三四五六七八九十百千"
_QUANTITY_END_RE = re.compile(rf"[{_CN_NUMERAL}]+[个项种大类条级所家名人]$")
_SLOGAN_START_RE = re.compile(rf"^“[{_CN_NUMERAL}]+[个项种大类条]")
_GLOSS_LEAD_RE = re.compile(r"^(?:包括|包含|含|其中|主要是|主要有|如|比如|例如|涉及)")


# a code of letters and digits (5G信号, 4A级景区, G20峰会, 3D打印): a name, not a figure
# (one digit and one capital, or capitals then digits: 12km and 20MW are amounts in units)
# 0-6岁儿童, 65岁以上老人: an age band qualifies an item, it counts nothing
_AGE_BAND_RE = re.compile(r"\d{1,3}[ \t]*(?:(?:-|~|—|–|至|到)[ \t]*\d{1,3}[ \t]*)?(?:周岁|岁)(?:以上|以下|及以上|及以下)?")
_CODE_RE = re.compile(r"(?<![A-Za-z\d.])(?:\d[A-Z](?![A-Za-z])|[A-Z]{1,3}\d{1,3})(?![\d.])")


def _has_count(listing: str) -> bool:
    """A list whose items carry numbers of their own (卫生院十二所、中心三所; 一、二、三级;
    “四个意识”、“四个自信”): the stated number counts something else."""
    if re.search(r"\d", _AGE_BAND_RE.sub("", _CODE_RE.sub("", listing))):
        return True  # a figure in an item; a code (5G, 4A, G20) counts nothing
    pieces = [p.strip() for p in re.split(r"[、]|和|及|与", listing) if p.strip()]
    if pieces and _OWN_COUNT_END_RE.search(pieces[-1]):
        return True  # 甲、乙、丙三个片区: the list counted by its own number
    return any(p.strip("“”\"") in set(_CN_NUMERAL) or _QUANTITY_END_RE.search(p.strip("“”\""))
               or _SLOGAN_START_RE.match(p) for p in pieces)


_OWN_COUNT_END_RE = re.compile(r"(?<=[\u4e00-\u9fff])[两二三四五六七八九十]+[个项种类条所家名处片座支][\u4e00-\u9fff]{0,4}$")


_AMOUNT_RE = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?([\u4e00-\u9fff%])")


def _tasks_with_amounts(listing: str, figure) -> bool:
    """三项民生实事:改造市场2个、新建公厕15座、安装路灯320盏: tasks counted by 项, each with
    an amount of its own in other units, are still the three (or four) things counted."""
    if figure.base_unit not in ("项", "件", "类"):
        return False
    units = [match.group(1) for match in _AMOUNT_RE.finditer(listing)]
    return bool(units) and figure.base_unit not in units and len(units) == len(re.split(r"、", listing.strip()))


# after a quoted name, what opens its items: a colon, 即 after a comma (坚持“六个到位”,即…) or a dash
# (“三张清单”——权力清单、…)
_ITEMS_OPEN = r"[ \t]*(?::[ \t]*(?:即|就是)?|,\s*(?:即|也就是|就是|具体为|具体是|分别是)[ \t]*:?|—{1,2}|-{2})"
# “三张清单”制度——…: a word or two may follow the name before its items open
# “五个统一”的管理模式,即…: the name's own noun phrase may stand between the quote and 即
_QUOTED_NAME_RE = re.compile(r"(?P<noun>[\u4e00-\u9fff]{1,8})[”\"」](?:[\u4e00-\u9fff]{1,4}(?=—|:)|[\u4e00-\u9fff]{1,6}(?=,[ \t]*(?:即|也就是|具体为|具体是)))?" + _ITEMS_OPEN)
# “三个一”服务机制: the count's noun is 一, a name of up to six characters before the colon
_QUOTED_ONES_RE = re.compile(r"一[”\"」][\u4e00-\u9fff]{0,6}" + _ITEMS_OPEN)
_DASHED_NAME_RE = re.compile(r"(?P<noun>[\u4e00-\u9fff]{1,8})[ \t]*(?:—{2}|-{2})")
# 普法“五进”,即进机关、进企业… / “科普六进”:进…: a numeral and one character, each item opening with it
_ABBREVIATION_RE = re.compile(
    r"[“\"「][\u4e00-\u9fff]{0,4}?(?P<n>[二两三四五六七八九十])(?P<name>(?P<head>[\u4e00-\u9fff])"
    r"(?:(?![一二两三四五六七八九十])[\u4e00-\u9fff]){0,2})[”\"」][\u4e00-\u9fff]{0,6}?(?:" + _ITEMS_OPEN + r"|(?P<bracket>\())")
_QUOTED_LIST_STOP_RE = re.compile(r"[,;。!?\n]")


_KEYWORD_CLAUSES_REACH = 240  # characters of clauses read after a quoted name
_KEYWORD_CLAUSE_MAX = 40
_CLAUSE_OR_LINE_END_RE = re.compile(r"[,;。!?\n]")


_PLAIN_ITEM_MAX = 12  # the longest item read after a quoted name that its items do not repeat


def _plain_items_may_follow(quoted: re.Match | None, items: list[str]) -> bool:
    """After a quoted name (or a name before a dash) and a bare colon or dash, items that do not repeat the name's words
    (占道经营整治、违规广告清理 after “五大专项行动”) are read as after any count; items that
    hold its words (确保城区、镇区…全收集 after “两个确保”) are pieces of a clause built on it."""
    if quoted is None or not quoted.group(0).rstrip().endswith((":", "—", "--")) or len(items) < 2:
        return False
    noun = quoted.group("noun")
    words = {noun[:2], noun[-2:]} if len(noun) >= 2 else {noun}
    lengths = [len(item) for item in items]
    # 城区、镇区、村庄污水全收集: a last piece far longer than the others carries their shared predicate
    # 把干部…因缺乏经验、先行先试出现的失误错误: long pieces are parts of a clause, not names
    return not any(word in item for word in words for item in items) and max(lengths) <= 2 * min(lengths) + 2 \
        and max(lengths) <= _PLAIN_ITEM_MAX


def _keyword_clauses(norm: str, opened: int, noun: str) -> tuple[int, bool] | None:
    """“三个一律”:逾期不改的一律关停,屡查屡犯的一律列入黑名单。: items that are whole clauses
    parted by commas or semicolons, each holding the name's word once, up to the sentence's
    end (a line ending in a comma wraps the sentence). The number of such clauses from the
    first on and whether the last ends in 等; None when the first clause does not hold the
    word, fewer than two do, a later clause holds it again after one that does not (where
    the list ends is not known), or the sentence does not end within reach."""
    if len(noun) != 2:
        return None
    reach = min(len(norm), opened + _KEYWORD_CLAUSES_REACH)
    clauses, marks, position = [], [], opened
    while True:
        mark = _CLAUSE_OR_LINE_END_RE.search(norm, position, reach)
        if mark is None:
            return None
        clause = norm[position : mark.start()].strip()
        position = mark.end()
        if clause:
            clauses.append(clause)
            marks.append(mark.group())
        if mark.group() in "。!?" or (mark.group() == "\n" and clause):
            break
    holding = [clause.count(noun) for clause in clauses]
    listed = next((i for i, n in enumerate(holding) if n != 1), len(holding))
    if listed < 2 or any(holding[listed:]) or any(len(c) > _KEYWORD_CLAUSE_MAX for c in clauses[:listed]):
        return None
    if any(_MARKER_STYLES[0].match(c) for c in clauses[:listed]):
        return None  # 一是确保安全;二是确保稳定: numbered points under a slogan, not its items
    parted = marks[: listed - 1] + (marks[listed - 1 : listed] if listed < len(clauses) else [])
    if len(set(parted)) > 1:
        return None  # 组织到位;责任到位;投入到位,确保…: where the list runs into a clause is not known
    return listed, clauses[listed - 1].endswith("等")


def _semicolon_list_end(norm: str, text, figure, opened: int) -> int | None:
    """The end of a semicolon list after a quoted name: the sentence's 。 or the line's end
    within the reach of a list; None when a comma comes first (the pieces are clauses)."""
    _, sentence_end = text.sentence_span(figure.start)
    reach = min(len(norm), opened + _LIST_MAX)
    full_stop = norm.find("。", opened, reach)
    line_end = norm.find("\n", opened, reach)
    ends = [p for p in (full_stop, line_end) if p >= 0]
    stop = min(ends) if ends else (sentence_end if sentence_end <= reach else -1)
    if stop < 0 or norm.find(",", opened, stop) >= 0:
        return None
    return stop


_LINE_END_THEN_INDENT_RE = re.compile(r"[^\S\n]*\n[ \t]*")


def _next_line_after_colon(norm: str, position: int) -> int:
    """Where the items start after a colon: right after it, or at the next line when the colon
    ends its line (read without copying the rest of the line: a document may be one line)."""
    line_break = _LINE_END_THEN_INDENT_RE.match(norm, position)
    return line_break.end() if line_break else position


def _quoted_list_end(norm: str, text, anchor: int, opened: int) -> int | None:
    """Where the items after a quoted name end: at the clause's end (…提升行动,全年新签约…
    goes on with another matter) or the sentence's; a line that ends in 、 wraps the list
    (组织到位、投入到位、⏎督查到位…), so the list goes on in the next line. None when no end
    comes within the reach of a list."""
    reach = min(len(norm), opened + _LIST_MAX)
    position = opened
    while True:
        stop = _QUOTED_LIST_STOP_RE.search(norm, position, reach)
        if stop is None:
            _, sentence_end = text.sentence_span(anchor)
            return sentence_end if sentence_end <= reach else None
        if stop.group(0) != "\n" or not norm[opened : stop.start()].rstrip().endswith("、"):
            return stop.start()
        position = stop.end()
_CLAUSE_MARK_RE = re.compile(r"[,;。]")


def _is_gloss(listing: str, gloss_words: frozenset[str]) -> bool:
    """29个省(区、市): the bracket names the kinds the noun stands for, it does not list
    the items; 中央和省、市、自治区两级: levels grouped, not counted one by one."""
    if _GLOSS_LEAD_RE.match(listing.strip()):
        return True
    pieces = [p.strip("“”\" ").lstrip("各全每") for p in re.split(r"[、]|以及|和|及|与", listing)]
    pieces = [p for p in pieces if p]
    return bool(pieces) and all(p in gloss_words or len(p) == 1 for p in pieces)


def _list_after(pattern: re.Pattern, norm: str, figure) -> str | None:
    match = pattern.match(norm, figure.end)
    if not match or "、" not in match.group("list"):
        return None
    return match.group("list")


_ITEM_JOINS = ("、", "和", "及", "与", "以及", "或", "或者", "同")


def _list_before(norm: str, text, figure, verbs: tuple[str, ...] = ()) -> str | None:
    """The list that a summary count closes: 甲、乙、丙三大中心. None when the number
    is an item of the list itself, a quantity (印染厂十五个,), or a verb's object."""
    clause_start, _ = text.clause_span(figure.start)
    head = norm[clause_start : figure.number_start].rstrip("“\"「")
    if "(" in head or ")" in head:
        head = _without_brackets(head) or ""  # 9个县(市、区)共设立五类基金: the gloss lists nothing
    # 甲、乙、丙、丁等三项工作: a list left open right before the count (the caller reads it as open)
    named = head[:-2] if head.endswith("等等") else head[:-1] if head.endswith("等") else head
    if not head or "等" in named or "、" not in head or head.endswith(_ITEM_JOINS):
        return None  # 甲、乙和“四个要求”: the count is the list's last item, it closes no list
    last = head.rsplit("、", 1)[1]
    if (len(last) > 6 and not _items_of_the_quoted_noun(norm, figure, head)) or "的" in last:
        return None  # the list must end right before the number
    if last.endswith(verbs) or last.count("“") > last.count("”"):
        return None
    following = norm[figure.end : figure.end + 1]
    if not following or not ("\u4e00" <= following <= "\u9fff" or following in "“”\"") or following in "和及与或等":
        return None  # 印染厂十五个, : a quantity of the last item, not a count of the list
    inner = [len(item) for item in head.split("、")[1:]]  # the first item may carry the clause's lead words
    if len(inner) >= 2 and max(inner) >= 3 * min(inner):
        return None  # …家庭调动、日常一线干部考核、民警五类荣誉: the count sits in an item, it closes no list of peers
    return head


_QUOTED_NOUN_RE = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,4})[”\"」]")


def _items_of_the_quoted_noun(norm: str, figure, head: str) -> bool:
    """胸痛中心、…、危重孕产妇救治中心“三大中心”: every item ends with the quoted count's noun,
    so a long last item is still one of the list."""
    if norm[figure.number_start - 1 : figure.number_start] not in "“\"「":
        return False
    quoted = _QUOTED_NOUN_RE.match(norm, figure.end)
    if quoted is None:
        return False
    noun = quoted.group("noun")[-2:]
    items = head.split("、")
    return len(items) >= 2 and all(item.endswith(noun) and len(item) <= 12 for item in items[1:])


# after the count: the thing counted (方面问题, 支医疗服务团队), then a colon or 分别是/包括/即
# (分别由…负责, 即:, 具体为:); the group `word` names the introducing word when there is one
_LIST_HEAD_RE = re.compile(
    r"[\u4e00-\u9fff“”\"「」]{0,12}?(?:[::]|—{2}|-{2}|[,,]\s*(?P<word>分别是|分别为|分别由|分别在|分别位于|分别设在|分别来自"
    r"|分别负责|分别承担|分别牵头|分别对接|分别联系|分别包保|分别挂钩"
    r"|主要包括|具体包括|包括|即|主要是|具体是|具体为|主要有|为|分别如下|具体如下|分述如下|列举如下|简述如下|如下)\s*[::]?)\s*"
)
# words that may name only some of the counted things: a list after them is checked only when it is longer
_PARTIAL_WORDS = ("包括", "主要包括", "具体包括", "主要有")
# the enumeration styles of an item list: 一是, (一), (1), ①, 1.
_MARKER_STYLES = (
    re.compile(r"(?P<n>[一二三四五六七八九十]{1,3})是"),
    re.compile(r"\((?P<n>[一二三四五六七八九十]{1,3})\)"),
    re.compile(r"\((?P<n>\d{1,2})\)"),
    re.compile(r"(?P<n>[①②③④⑤⑥⑦⑧⑨⑩])"),
    re.compile(r"(?<![\d.])(?P<n>\d{1,2})[.、](?!\d)"),
    # 第一,…;第二,… and 一抓…,二抓… / 一要…,二要…: each right after a mark or the colon
    re.compile(r"(?<=[,;。:\s])第(?P<n>[一二三四五六七八九十]{1,3})(?=[,、:])"),
    re.compile(r"(?<=[,;。:\s])(?P<n>[一二三四五六七八九十]{1,3})(?:抓|要)(?![求素点])"),
    # 其一,…;其二,…: each right after a mark or the colon
    re.compile(r"(?<=[,;。:\s])其(?P<n>[一二三四五六七八九十]{1,3})(?=[,、:])"),
    re.compile(r"(?<![一二三四五六七八九十])(?P<n>[一二三四五六七八九十]{1,3})、"),
)
_BARE_MARKER = _MARKER_STYLES[-1]  # 一、 is an item only after a ; or 。 (一、二、三级 is one item)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_NEXT_LINE_MARKER_RE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[是抓要]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、]"
                                  r"|第[一二三四五六七八九十]{1,3}[,、:]|其[一二三四五六七八九十]{1,3}[,、:])")


def _enumerated_after(norm: str, text, figure) -> int | None:
    """三个方面问题:一是…;二是…;三是…: how many items 一是, 二是 … number in
    the paragraph after the colon; None when they do not start right after it,
    or when the list goes on in the next line."""
    head = _LIST_HEAD_RE.match(norm, figure.end)
    if not head:
        return None
    _, line_end = text.line_span(figure.start)
    position = head.end()
    style = next((pattern for pattern in _MARKER_STYLES if pattern.match(norm, position)), None)
    if style is None:
        return None
    count = 0
    previous_end = position
    for marker in style.finditer(norm, position, line_end):
        if _marker_number(marker.group("n")) != count + 1:
            break
        if count and style is _BARE_MARKER and not re.search(r"[;。]", norm[previous_end : marker.start()]):
            return None
        count += 1
        previous_end = marker.end()
    if count < 2:
        return None
    if _goes_on_below(norm, line_end, style, count):
        return None  # the items go on in the lines below
    return count


def _goes_on_below(norm: str, line_end: int, style: re.Pattern, count: int) -> bool:
    """The next line opens with the run's next marker (…二是…、⏎三是…): the run goes on there. A
    marker of another style (三、基金监管… after 一是…五是…) opens something else."""
    start = _BLANK_LINES_RE.match(norm, min(len(norm), line_end + 1)).end()
    start += len(norm[start : start + 8]) - len(norm[start : start + 8].lstrip(" \t\u3000"))
    marker = style.match(norm, start)
    return marker is not None and _marker_number(marker.group("n")) == count + 1


_SENTENCE_THEN_FIRST_RE = re.compile(r"[\u4e00-\u9fff“”\"]{0,12}?。[ \t]*(?=一是)")


def _enumerated_sentences_after(norm: str, text, figure) -> int | None:
    """四个方面的工作。一是…。二是…。三是…: how many 一是, 二是 … open the sentences of the
    paragraph right after the count's sentence; None when they do not start right after
    it, or when the list goes on in the next line."""
    head = _SENTENCE_THEN_FIRST_RE.match(norm, figure.end)
    if not head:
        return None
    _, line_end = text.line_span(figure.start)
    count = 0
    for marker in _MARKER_STYLES[0].finditer(norm, head.end(), line_end):
        if _marker_number(marker.group("n")) != count + 1 or not (count == 0 or norm[marker.start() - 1] in "。;"):
            break
        count += 1
    if count < 2 or _goes_on_below(norm, line_end, _MARKER_STYLES[0], count):
        return None
    return count


# line-start markers of an item list under a colon, from the outline's top level down; a
# line starting with a style of a higher level (a lower index) than the run's is a new heading
_LINE_STYLES = (
    re.compile(r"[ \t]*第(?P<n>[一二三四五六七八九十]{1,3})(?:部分|章|节|篇)"),
    re.compile(r"[ \t]*(?P<n>[一二三四五六七八九十]{1,3})(?:、|\.(?!\d))"),
    re.compile(r"[ \t]*\((?P<n>[一二三四五六七八九十]{1,3})\)"),
    re.compile(r"[ \t]*(?P<n>\d{1,2})[.、](?!\d)"),
    re.compile(r"[ \t]*\((?P<n>\d{1,2})\)"),
    re.compile(r"[ \t]*(?P<n>[①②③④⑤⑥⑦⑧⑨⑩])"),
    re.compile(r"[ \t]*(?P<n>[一二三四五六七八九十]{1,3})(?:是|要|抓)"),
    re.compile(r"[ \t]*第(?P<n>[一二三四五六七八九十]{1,3})(?:[,,、是]|(?:条|点|项)[,,、::\s])"),
    re.compile(r"[ \t]*其(?P<n>[一二三四五六七八九十]{1,3})[,,、:]"),
)
_COUNT_IN_HEAD_RE = re.compile(r"[一二两三四五六七八九十]+(?:个|项|种|类|条|大|批|方面)")
_BELOW_COUNT_MAX = 10  # the largest count compared with a run of numbered lines
_BELOW_REACH_LINES = 40  # lines read after a run for its continuation (a sub-list, a paragraph between items)
_BELOW_REACH = 4000  # characters likewise: a long line is read once, not once per count


def _line_marker(norm: str, position: int, styles=_LINE_STYLES) -> tuple[int, int] | None:
    """(style index, number) of the marker a line starts with, or None."""
    for index, style in enumerate(styles):
        match = style.match(norm, position)
        if match:
            return index, _marker_number(match.group("n"))
    return None


def _next_line(norm: str, position: int) -> int | None:
    """The start of the next non-blank line after the line holding position."""
    end = norm.find("\n", position)
    if end < 0:
        return None
    start = _BLANK_LINES_RE.match(norm, end + 1).end()  # no copy of a line: one may be the whole text
    if start >= len(norm) or not norm[start:start + 1].strip() and norm.find("\n", start) < 0:
        return None
    return start


_BLANK_LINES_RE = re.compile(r"(?:[ \t\r\f\v\u3000]*\n)*")


def _line_end(norm: str, position: int) -> int:
    end = norm.find("\n", position)
    return len(norm) if end < 0 else end


def _enumerated_below(norm: str, text, figure) -> int | None:
    """重点抓了四个方面:⏎一是…;⏎二是…;⏎三是…。: how many items a run of lines numbers,
    each line opened by the next marker of one style, when the colon ends the count's
    line and the run starts on the next. None when the run is interrupted and goes on
    (a sub-list, a paragraph, then the next marker of the run) before the next heading,
    when its numbering skips, or when a line numbers more than one item."""
    head = _LIST_HEAD_RE.match(norm, figure.end) or _FOLLOWING_LINES_RE.match(norm, figure.end)
    if not head:
        return None
    _, line_end = text.line_span(figure.start)
    if head.end() <= line_end or norm[head.start() : line_end].rstrip()[-1:] not in (":", ":", "。"):
        return None  # the colon must end the count's line
    if norm[head.start() : line_end].rstrip().endswith("。") and not (
            norm.endswith(("以下", "如下"), max(0, figure.number_start - 4), figure.number_start)
            or "如下" in norm[figure.end : line_end] or _lead_in_line(norm, text, figure, line_end)):
        return None  # …三项措施。: the lines below announced by 以下 / 如下, or by a lead-in line
    if _COUNT_IN_HEAD_RE.search(norm, figure.end, head.end()) \
            or _COUNT_IN_HEAD_RE.search(norm, max(0, figure.number_start - 8), figure.number_start):
        return None  # 两个方面八项措施: which count the run numbers is not told
    position = _next_line(norm, line_end)
    marker = _line_marker(norm, position) if position is not None else None
    if marker is None or marker[1] != 1:
        return None
    style, count, first = marker[0], 0, position
    inline = _LINE_STYLES[style]
    while count < 30:
        marker = _line_marker(norm, position) if position is not None else None
        if marker != (style, count + 1) or count and _opens_next_part(norm, position, style):
            break
        count += 1
        end = _line_end(norm, position)
        run_on = _numbered_on(norm, inline, position + 1, min(end, position + _BELOW_REACH), count)
        if run_on > count:
            if count > 1:
                return None  # one item a line, then 三是…;四是… on one: not told which is meant
            count = run_on  # 一是…。二是…。三是…: the whole list in the paragraph under the colon
            position = _next_line(norm, end)
            marker = _line_marker(norm, position) if position is not None else None
            break
        position = _next_line(norm, end)
    if count == 1 and style >= _BODIES_MIN_STYLE:
        # (一)强化领导⏎成立了…⏎(二)完善机制⏎出台了…: headings with their paragraphs under them
        return _headings_with_bodies(norm, first, style)
    if count < 2:
        return None
    if marker is not None and marker[0] == style and not _opens_next_part(norm, position, style):
        return None  # the numbering breaks (一是, 二是, 四是): the numbering rule's to tell
    reach, lines = (position or len(norm)) + _BELOW_REACH, 0
    while position is not None and position < reach and lines < _BELOW_REACH_LINES:
        marker = _line_marker(norm, position)
        if marker is not None and marker[0] == style and _opens_next_part(norm, position, style):
            break  # 3.存在的问题: the report's next part at the items' level, the run is over
        if marker is not None and marker[0] == style:
            return None  # the run goes on after what interrupted it
        if marker is not None and marker[0] < style:
            break  # the next heading: the run is over
        position = _next_line(norm, _line_end(norm, position))
        lines += 1
    return count


# 下一步,重点做好五项工作。/ 工作中还存在5方面问题。: a line that is one sentence ending in the
# count and its noun, whose words announce what follows (a deed done, 全年完成三项任务。, does not)
_ANNOUNCING_RE = re.compile(r"重点|主要|着力|突出|存在|采取|做好|抓好|抓了|做了|抓住|聚焦|围绕|有")
_LEAD_IN_MAX = 40  # the longest lead-in line


def _lead_in_line(norm: str, text, figure, line_end: int) -> bool:
    line_start, _ = text.line_span(figure.start)
    if line_end - line_start > _LEAD_IN_MAX or "。" in norm[line_start : figure.start]:
        return False
    return bool(_ANNOUNCING_RE.search(norm, line_start, figure.number_start))


# ◎志愿服务获表扬;⏎◎…: lines opened by one bullet mark, one item each
_BULLETS = "◎●○■□◆◇▲△•·★☆➢►▶✓√"
_BULLET_LINE_RE = re.compile(rf"[ \t]*(?P<mark>[{_BULLETS}])")
_BULLET_REACH_LINES = 3  # lines after the run in which the same mark would show the run goes on


def _bulleted_below(norm: str, text, figure) -> int | None:
    """获得4项表彰,分别如下:⏎◎…;⏎◎…: how many lines opened by one bullet mark follow a
    count whose line ends in a colon; None when the run goes on after a line of another kind."""
    head = _LIST_HEAD_RE.match(norm, figure.end)
    if not head:
        return None
    _, line_end = text.line_span(figure.start)
    if head.end() <= line_end or norm[head.start() : line_end].rstrip()[-1:] not in (":", ":"):
        return None
    if _COUNT_IN_HEAD_RE.search(norm, figure.end, line_end):
        return None  # 两个方面八项措施: which count the run numbers is not told
    position = _next_line(norm, line_end)
    first = _BULLET_LINE_RE.match(norm, position) if position is not None else None
    if first is None:
        return None
    mark, count = first.group("mark"), 0
    while position is not None:
        bullet = _BULLET_LINE_RE.match(norm, position)
        if bullet is None or bullet.group("mark") != mark:
            break
        count += 1
        position = _next_line(norm, _line_end(norm, position))
    for _ in range(_BULLET_REACH_LINES):
        if position is None:
            break
        bullet = _BULLET_LINE_RE.match(norm, position)
        if bullet is not None and bullet.group("mark") == mark:
            return None  # the run goes on after a line between
        position = _next_line(norm, _line_end(norm, position))
    return count if count >= 2 else None


_PEER_SUFFIX_MIN = 3  # names ending alike (…村、…村、…村) before a count in digits


def _peer_names_before(norm: str, text, figure) -> bool:
    """山台村、兴林村、河溪村3个示范村: a list of names that end alike right before a count in digits."""
    clause_start, _ = text.clause_span(figure.start)
    head = norm[clause_start : figure.number_start]
    items = head.split("、")
    if len(items) < _PEER_SUFFIX_MIN or any(len(item) > 8 for item in items[1:]):
        return False
    tail = items[-1][-1:]
    return "\u4e00" <= tail <= "\u9fff" and all(item.endswith(tail) for item in items)


# 主要采取了以下三项措施。 / 三项措施如下。: a count whose lines below it announces without a colon
_FOLLOWING_LINES_RE = re.compile(r"[\u4e00-\u9fff“”\"「」]{0,12}?。[ \t]*\n")
_SECTION_TITLE_RE = re.compile(r"[ \t]*(?:存在的?(?:主要)?问题|存在的?不足|问题和不足|下一步|今后|工作打算|工作计划|工作要求|工作安排|保障措施|有关要求|几点体会|工作体会|主要做法|取得的?成效|基本情况|工作目标)")
_BODIES_MIN_STYLE = 2  # (一) and below: top-level 一、 headings run on into the report's other parts


def _headings_with_bodies(norm: str, position: int, style: int) -> int | None:
    """How many headings of one style number a list whose headings each have lines of their
    own under them, up to the next heading of a higher level or the text's end; None when the
    numbering skips or the run does not end within reach."""
    count, lines, reach = 0, 0, position + 4 * _BELOW_REACH
    while position is not None:
        if position >= reach or lines >= 4 * _BELOW_REACH_LINES:
            return None  # no end in sight: where the run stops is not known
        marker = _line_marker(norm, position)
        if marker is not None and marker[0] == style and _SECTION_TITLE_RE.match(norm, _LINE_STYLES[style].match(norm, position).end()):
            break  # (三)存在的问题: the report's next part at the items' level, not an item
        if marker is not None and marker[0] == style:
            if marker[1] != count + 1:
                return None  # a skip or a repeat: the numbering rule's to tell
            count += 1
        elif marker is not None and marker[0] < style:
            break
        position = _next_line(norm, _line_end(norm, position))
        lines += 1
    return count if count >= 2 else None


def _numbered_on(norm: str, style: re.Pattern, start: int, end: int, count: int) -> int:
    """The last number of the markers of style that go on numbering a list from count
    between start and end, each after a mark (…;二是…。三是…); count when none does."""
    for match in style.finditer(norm, start, end):
        if norm[match.start() - 1 : match.start()] in ";。,:" and _marker_number(match.group("n")) == count + 1:
            count += 1
    return count


def _marker_number(written: str) -> int:
    if written in _CIRCLED:
        return _CIRCLED.index(written) + 1
    if written.isascii() and written.isdigit():
        return int(written)
    from auditor.extract import cn_number

    return int(cn_number(written) or 0)


# the adverbs a new clause may open with before its verb (…,并逐步形成…)
_NEW_CLAUSE_RE = re.compile(r"\s*(?:并|从而|进而|同时|初步|基本|逐步|全面|有效|已|均|进一步|着力|努力|力争){0,2}")


def _opens_clause(listing: str, position: int, verbs: tuple[str, ...]) -> bool:
    """The words at position open a clause of their own: a verb, maybe after an adverb."""
    return listing.startswith(verbs, _NEW_CLAUSE_RE.match(listing, position).end()) if verbs else False


def _counted_across(listing: str, comma: int, stated: int) -> bool:
    """开展四项活动:走访、慰问,开展义诊、送法下乡: the items before the comma and those of
    the clause after it together make the count; the list runs on across the comma."""
    rest = listing[comma + 1 :].split(",", 1)[0]
    return any(a + b == stated for a in item_counts(listing[:comma]) for b in item_counts(rest))


def _list_after_colon(norm: str, text, figure, verbs: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """组建5支团队:甲、乙、丙和丁。: the 、 list after the colon, up to the
    sentence end, when it is a plain list (no clause breaks inside); 组建4支队伍,
    分别由甲、乙、丙和丁负责: the list after the introducing word, up to the clause end.
    With the list, the introducing word ("" after a bare colon)."""
    head = _LIST_HEAD_RE.match(norm, figure.end)
    if not head:
        return None
    word = head.group("word") or ""
    if not word:
        _, sentence_end = text.sentence_span(figure.start)
        if head.end() > sentence_end:  # the colon ends the count's line: the items are on the next
            _, sentence_end = text.sentence_span(head.end())
        if sentence_end - head.end() > _LIST_MAX:
            return None
        listing = norm[head.end() : sentence_end]
        if listing.rstrip().endswith("、"):
            return None  # 一是抓宣传、二是抓培训、⏎三是…: the list goes on in the next line
        if norm.startswith(";", sentence_end):
            _, next_end = text.sentence_span(sentence_end + 1)
            following = norm[sentence_end + 1 : min(next_end, sentence_end + 1 + _LIST_MAX)]
            if not _ends_at_comma(listing, following, int(figure.value), verbs, _noun(norm, figure, head)):
                return None  # 四项工作:甲、乙;丙、丁。: the list goes on after the semicolon
        mark = _CLAUSE_MARK_RE.search(listing)
        comma = mark.start() if mark else -1
        if comma > 0 and "、" in listing[:comma] and not re.search(r"[::()]", listing[:comma]) \
                and _ends_at_comma(listing[:comma], listing[comma + 1 :], int(figure.value), verbs, _noun(norm, figure, head)):
            # 聚焦三类群体:甲、乙、丙、丁,开展结对帮扶: the list ends at the comma
            listing = listing[:comma]
        if not _joined_items(listing) or re.search(r"[,,::()]", listing) or _CLAUSE_PREPOSITION_RE.match(listing):
            return None
        return listing, word
    _, clause_end = text.clause_span(head.end())
    if clause_end - head.end() > _LIST_MAX:
        return None  # read no further than a list can go: a long line is read once, not once per count
    listing = _without_brackets(norm[head.end() : clause_end])
    if listing is None or not _joined_items(listing) or len(listing) > 120:
        return None
    pieces = listing.split("、")
    if any(len(piece) > _ITEM_MAX for piece in pieces):
        return None  # clauses, not items
    if any("的" in piece for piece in pieces[:-1]) and not all("的" in piece for piece in pieces):
        return None  # 甲村、乙村和丙村的党员、村干部: a list nested in the items, not the items counted
    if word == "为" and not _names_to_the_end(norm, listing, clause_end):
        return None  # 为老人、儿童和残疾人提供服务: 为 opens a purpose, not the list
    if norm[clause_end : clause_end + 1] in (",", ":"):
        _, next_end = text.clause_span(clause_end + 1)
        if not _ends_at_comma(listing, norm[clause_end + 1 : next_end], int(figure.value), verbs, _noun(norm, figure, head)):
            return None  # the list may go on after the comma
    return listing, word


_CLAUSE_MARK_RE = re.compile(r"[,;]")
# 两个重点:围绕城区、园区、景区开展整治: a preposition opens a clause whose object is a list, not the items
_CLAUSE_PREPOSITION_RE = re.compile(r"\s*(?:把|围绕|针对|通过|按照|依托|对于|面向|对(?![口外标接象])|在(?![建线岗编职])|以(?![上下前后内外]))")


def _noun(norm: str, figure, head: re.Match) -> str:
    """The noun a count names (三个平台: 平台), its last two characters, or ""."""
    words = norm[figure.end : head.end()].rstrip().rstrip(":,,").rstrip()
    for word in ("分别是", "分别为", "主要包括", "具体包括", "包括", "主要是", "具体是", "具体为", "主要有", "即", "为"):
        if words.endswith(word):
            words = words[: -len(word)].rstrip(",,")
            break
    return words[-2:] if len(words) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in words[-2:]) else ""


def _names_all(norm: str, figure, listing: str) -> bool:
    """包括通报制度、考核制度和信息报送制度 after 四项制度: every item ends with the count's own noun
    and 和/及 closes the list, so it reads as the whole set, not examples."""
    head = _LIST_HEAD_RE.match(norm, figure.end)
    noun = _noun(norm, figure, head) if head else ""
    if not noun or not re.search(r"(?:和|及|以及)[^、和及]+$", listing):
        return False
    items = [p.strip() for p in re.split(r"、|以及|和|及", listing) if p.strip()]
    return len(items) >= 2 and all(item.endswith(noun) and len(item) > len(noun) for item in items)


def _ends_at_comma(first: str, rest: str, stated: int, verbs: tuple[str, ...], noun: str) -> bool:
    """A list before a comma and the clause after it: whether the list ends at the comma.
    It does when the clause lists nothing (a 、 inside a bracket, 8个区(县、市), lists
    nothing), and when the clause opens with a verb (…,形成县、乡、村三级网络) or its items
    are not the counted noun's (三个平台:甲平台、乙平台,全市各县、乡同步推进) — unless the
    items on both sides together make the count (四项活动:走访、慰问,开展义诊、送法下乡)."""
    rest = _BRACKET_RE.sub("", rest)
    if "、" not in rest:
        return True
    if _opens_clause(rest, 0, verbs) or _other_noun(first, rest, noun):
        whole = first + "," + rest
        return not _counted_across(whole, len(first), stated)
    return False


def _other_noun(first: str, rest: str, noun: str) -> bool:
    """Every item before the comma ends in the counted noun (甲平台、乙平台) and the first
    item after it does not: the clause after the comma lists other things."""
    if not noun:
        return False
    items = [p.strip() for p in re.split(r"、|和|及", first) if p.strip()]
    following = rest.split("、", 1)[0].strip()
    return len(items) >= 2 and all(item.endswith(noun) for item in items) and not following.endswith(noun)


def _names_to_the_end(norm: str, listing: str, clause_end: int) -> bool:
    """示范村4个,为甲村、乙村和丙村。: after a bare 为 the list is the whole rest of the
    sentence and its last item is no longer than the others (no verb phrase after it)."""
    if norm[clause_end : clause_end + 1] not in ("。", ";", "\n", ""):
        return False
    pieces = [p for p in listing.split("、") if p.strip()]
    last = [p for p in _LAST_JOIN_RE.split(pieces[-1]) if p.strip()] if pieces else []
    others = pieces[:-1] + last[:-1]
    if not (others and last):
        return False
    final = last[-1].strip()
    # 甲、乙和丙合作社: the last item may carry the shared noun; 丙提供服务: a verb phrase follows it
    return len(final) <= max(len(p.strip()) for p in others) + 1 or (
        len(final) <= 8 and not any(verb in final for verb in _PURPOSE_VERBS))


# verbs that open a clause of its own after a counted list (besides list_verbs and _PURPOSE_VERBS)
_CLAUSE_VERBS = ("覆盖", "带动", "惠及", "辐射", "涵盖", "确保", "促进", "吸引", "联动", "串联", "连接", "贯通",
                 "织密", "打通", "延伸")
_PURPOSE_VERBS = ("提供", "开展", "服务", "建设", "发展", "推进", "实施", "进行", "完成", "负责", "参与", "参加",
                  "解决", "落实", "组织", "打造", "创造", "带来", "增加", "减少", "保障", "支撑", "办理", "解决")


def _named_before_open(listing: str) -> str | None:
    """甲、乙、丙等负责 → 甲、乙、丙: the items named before the 等 that leaves the list open;
    None when the 等 is part of a word (平等, 等级) or fewer than two items are named."""
    index = listing.rfind("等")
    if index <= 0 or listing[index - 1] in "平同对相均高中初" or listing[index + 1 : index + 2] in tuple("级同于待候次"):
        return None
    named = listing[:index].rstrip("、 ")
    return named if "、" in named else None


_LIST_MAX = 120  # the longest list read after a count
_ITEM_MAX = 20  # an item of a counted list is a name, a place, a short task: longer pieces are clauses
_BRACKET_RE = re.compile(r"\([^()]*\)")


def _without_brackets(listing: str) -> str | None:
    """甲村(含一、二组)、乙村: a bracket glosses an item; None when brackets do not pair."""
    listing = _BRACKET_RE.sub("", listing)
    return None if "(" in listing or ")" in listing else listing


def _semicolon_items(norm: str, text, figure, open_words: tuple[str, ...]) -> tuple[int, str] | None:
    """重点任务共两项,即:完善制度;加强培训;推进信息化。: how many short items, separated
    by semicolons, follow the introducing word or colon up to the 。 or the line end; None
    when the pieces are clauses, carry figures, end in 等, or the list goes on below."""
    head = _LIST_HEAD_RE.match(norm, figure.end)
    if not head:
        return None
    _, line_end = text.line_span(figure.start)
    if head.end() > line_end:  # the colon ends the count's line: the items are on the next
        _, line_end = text.line_span(head.end())
    stop = norm.find("。", head.end(), min(line_end, head.end() + _LIST_MAX + 1))
    stop = line_end if stop < 0 else stop
    if stop - head.end() > _LIST_MAX:
        return None  # no end within the reach of a list
    segment = norm[head.end() : stop]
    if ";" not in segment:
        return None
    items = [item.strip() for item in segment.split(";")]
    if any(not item or len(item) > _ITEM_MAX or re.search(r"[,,::()\d、]", item) for item in items):
        return None  # an empty piece: the list goes on in the next line
    if any(word in segment for word in open_words) or _has_count("、".join(items)):
        return None
    if any(_NEXT_LINE_MARKER_RE.match(item) for item in items) or _NEXT_LINE_MARKER_RE.match(norm, line_end + 1):
        return None  # numbered items, or numbered items going on in the next line: the enumeration readers' to tell
    return len(items), head.group("word") or ""


_FIGURED_ITEMS_REACH = 300  # characters of items with figures and brackets read after a count
_FIGURED_ITEM_MAX = 30  # an item's length outside its brackets
# words that open a complete list of names (a bare colon may open facts about the counted things:
# 推进三个项目:总投资2.3亿元;年内完成1.2亿元)
_FIGURED_ITEMS_WORDS = ("即", "分别是", "分别为", "具体是", "具体为")
_ITEM_AMOUNT_RE = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?:万|亿)?(?P<unit>[\u4e00-\u9fff%])")


def _figured_semicolon_items(norm: str, text, figure, open_words: tuple[str, ...]) -> tuple[int, str] | None:
    """项目任务共三个,即甲补助1120人(其中…);乙康复82人(其中…,…)。: items parted by
    semicolons up to the sentence's end, each with figures and brackets of its own. How
    many, with the introducing word; None when a piece outside its brackets is long or holds
    a comma, colon or 、 (clauses, not items), an item counts in the count's own unit (parts
    of a total: 医疗机构三类,即卫生院12所;…所), or no end comes within reach. A line ending in
    即 or a semicolon goes on in the next; a line ending otherwise ends the list."""
    head = _LIST_HEAD_RE.match(norm, figure.end)
    if not head or (head.group("word") or "") not in _FIGURED_ITEMS_WORDS or figure.value > 10:
        return None
    reach = min(len(norm), head.end() + _FIGURED_ITEMS_REACH)
    items, depth, start, ended = [], 0, head.end(), False
    for position in range(head.end(), reach):
        char = norm[position]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
        elif char == "\n":
            piece = norm[start:position].strip()
            if depth:
                return None  # a bracket left open at the line's end
            if piece:  # the line ends the list
                items.append(piece)
                ended = True
                break
            if items and _NEXT_LINE_MARKER_RE.match(norm, position + 1):
                return None  # numbered lines follow: the enumeration readers' to tell
            start = position + 1  # 即 or a semicolon ends the line: the list goes on in the next
        elif depth == 0 and char in ";。":
            items.append(norm[start:position])
            start = position + 1
            if char == "。":
                ended = True
                break
    if not ended:
        if depth or reach < len(norm) or not norm[start:reach].strip():
            return None  # no end within reach
        items.append(norm[start:reach])
    outside = [_BRACKET_RE.sub("", item).strip() for item in items]
    if len(outside) < 2 or any(not item or len(item) > _FIGURED_ITEM_MAX or re.search(r"[,::、()]", item)
                               for item in outside):
        return None
    if any(_GLOSS_LEAD_RE.match(item) or item.endswith(open_words) for item in outside):
        return None
    units = {match.group("unit") for item in items for match in _ITEM_AMOUNT_RE.finditer(item)}
    if not re.search(r"\d", "".join(outside)) or figure.base_unit in units or figure.unit in units:
        return None
    return len(outside), head.group("word") or ""


# the counts ordinal words may number: points, tasks, aspects (首先…其次… after 三个村 are steps, not villages)
_ORDINAL_UNITS = frozenset({"项", "个", "条", "类", "种", "大", "方面", ""})
# 首先…;其次…;再次…;最后…: ordinal words that number a list; 首先 opens it, the others follow a mark
# each ordinal opens an item (首先,… / 首先是…), not a step of a sentence (首先拆除旧房,其次平整土地)
_ORDINAL_NEXT_RE = re.compile(r"(?<=[,;。:])[ \t]*(?P<w>其次|再次|第[三四五六七八九十]|最后)(?=[,、:是])")
_ORDINAL_LINE_RE = re.compile(r"[ \t]*(?:其次|再次|第[三四五六七八九十]|最后)(?=[,、:是])")
_ORDINAL_FIRST_RE = re.compile(r"首先(?=[,、:是])")
_ORDINAL_FIRST_LINE_RE = re.compile(r"[ \t]*首先(?=[,、:是])")
_SENTENCE_THEN_ORDINAL_RE = re.compile(r"[\u4e00-\u9fff“”\"]{0,12}?。[ \t]*(?=首先)")


def _ordinals_after(norm: str, text, figure) -> int | None:
    """主要有三点体会:首先,…;其次,…;最后,…。: how many ordinal words number the paragraph
    after the count's colon (or its sentence); None when 首先 does not open it, when an ordinal
    follows 最后, or when the list goes on in the next line."""
    head = _LIST_HEAD_RE.match(norm, figure.end) or _SENTENCE_THEN_ORDINAL_RE.match(norm, figure.end)
    if not head or not _ORDINAL_FIRST_RE.match(norm, head.end()):
        return None
    _, line_end = text.line_span(figure.start)
    if head.end() >= line_end:
        return None  # the colon ends the line: the lines below are read by _ordinal_lines_below
    if line_end - head.end() > _BELOW_REACH:
        return None  # read no further than a paragraph of items goes: a long line is read once
    count, closed = 1, False
    for match in _ORDINAL_NEXT_RE.finditer(norm, head.end(), line_end):
        if closed:
            return None  # an ordinal after 最后: not a list of its own
        count += 1
        closed = match.group("w") == "最后"
    if count < 2 or _ORDINAL_LINE_RE.match(norm, line_end + 1) or _NEXT_LINE_MARKER_RE.match(norm, line_end + 1):
        return None
    return count


def _ordinal_lines_below(norm: str, text, figure) -> int | None:
    """三点体会:⏎首先,…⏎其次,…⏎最后,…: how many lines, each opened by an ordinal word, follow a
    count whose line ends in its colon (or in 。 after 以下/如下); None when the run goes on after
    a line between, or when an ordinal follows 最后."""
    head = _LIST_HEAD_RE.match(norm, figure.end) or _FOLLOWING_LINES_RE.match(norm, figure.end)
    if not head:
        return None
    _, line_end = text.line_span(figure.start)
    if head.end() <= line_end or norm[head.start() : line_end].rstrip()[-1:] not in (":", ":", "。"):
        return None
    if norm[head.start() : line_end].rstrip().endswith("。") and not (
            norm.endswith(("以下", "如下"), max(0, figure.number_start - 4), figure.number_start)
            or "如下" in norm[figure.end : line_end] or _lead_in_line(norm, text, figure, line_end)):
        return None
    position = _next_line(norm, line_end)
    if position is None or not _ORDINAL_FIRST_LINE_RE.match(norm, position):
        return None
    count, closed = 1, False
    position = _next_line(norm, _line_end(norm, position))
    while position is not None and _ORDINAL_LINE_RE.match(norm, position):
        if closed:
            return None
        count += 1
        closed = norm[position:].lstrip(" \t").startswith("最后")
        position = _next_line(norm, _line_end(norm, position))
    for _ in range(_BULLET_REACH_LINES):
        if position is None:
            break
        if _ORDINAL_LINE_RE.match(norm, position):
            return None  # the run goes on after a line between
        position = _next_line(norm, _line_end(norm, position))
    return count if count >= 2 else None


# the styles a run of items inside one paragraph is numbered in: 一是, 第一, 一抓/一要
_INLINE_RUN_STYLES = (_MARKER_STYLES[0], _MARKER_STYLES[5], _MARKER_STYLES[6], _MARKER_STYLES[-2])


def _run_in_line(norm: str, position: int, end: int) -> int | None:
    """How many items a run numbered from position (一是…,二是…;三是…) holds before end, each
    marker after a mark; None when no run opens at position or when its numbering breaks."""
    if _ORDINAL_FIRST_RE.match(norm, position):
        count, closed = 1, False
        for match in _ORDINAL_NEXT_RE.finditer(norm, position, end):
            if closed:
                return None
            count += 1
            closed = match.group("w") == "最后"
        return count
    style = next((pattern for pattern in _INLINE_RUN_STYLES if pattern.match(norm, position)), None)
    if style is None or _marker_number(style.match(norm, position).group("n")) != 1:
        return None
    count = 1
    for marker in style.finditer(norm, position + 1, end):
        if _marker_number(marker.group("n")) == 1:
            return None  # …其中包括一是…,二是…: a run nested in an item
        if norm[marker.start() - 1 : marker.start()] not in ";。,:,、 \t":
            continue  # 三是 inside a word
        if _marker_number(marker.group("n")) != count + 1:
            return None  # a skip or a repeat: the numbering rule's to tell
        count += 1
    return count


def _numbered_by(norm: str, head: str, position: int, end: int) -> int | None:
    """一要…,二要…,三要…: how many items the numerals before head number from position, each
    after a mark; None when the numbering breaks or the run goes on in the next line."""
    style = re.compile(rf"(?P<n>[一二三四五六七八九十]{{1,3}}){re.escape(head)}")
    count = 1
    for marker in style.finditer(norm, position + 1, end):
        if norm[marker.start() - 1 : marker.start()] not in ";。,:,、 \t":
            continue
        if _marker_number(marker.group("n")) != count + 1:
            return None
        count += 1
    if count < 2 or style.match(norm, _BLANK_LINES_RE.match(norm, end + 1).end() if end < len(norm) else end):
        return None
    return count


# 围绕三个重点开展工作,一是…: a count whose clause the run of items follows after a comma
_COMMA_HEAD_RE = re.compile(r"[\u4e00-\u9fff“”\"「」]{0,12}?[,,][ \t]*(?=一是|第一[,、]|首先[,、:是])")


def _enumerated_after_comma(norm: str, text, figure) -> int | None:
    """今年围绕三个重点开展工作,一是抓产业,二是抓环境…: how many items the run after the
    comma that ends the count's clause numbers in its paragraph; None when another count
    stands between, or the run goes on in the next line."""
    head = _COMMA_HEAD_RE.match(norm, figure.end)
    if not head or _COUNT_IN_HEAD_RE.search(norm, figure.end, head.end()) or re.search(r"\d", norm[figure.end : head.end()]):
        return None
    _, line_end = text.line_span(figure.start)
    if line_end - head.end() > _BELOW_REACH:
        return None  # read no further than a paragraph of items goes: a long line is read once
    count = _run_in_line(norm, head.end(), line_end)
    if count is None or count < 2 or _NEXT_LINE_MARKER_RE.match(norm, line_end + 1) \
            or _ORDINAL_LINE_RE.match(norm, line_end + 1):
        return None
    return count


# 以上三个方面 / 上述四项措施 / 以上这两点: a count that sums up the list before it
_SUMMARY_LEAD_RE = re.compile(r"(?:以上|上述|前述)(?:这|的)?[ \t]*$")
_ABOVE_REACH_LINES = 60
_INLINE_RUN_FIRST_RE = re.compile(r"(?:(?<=^)|(?<=[:;。,\s]))(?:一是|第一[,、]|一[抓要](?![求素点])|首先(?=[,、:是]))", re.M)


def _previous_line(norm: str, position: int) -> int | None:
    """The start of the non-blank line before the line holding position."""
    start = norm.rfind("\n", 0, position) if position else -1
    while start > 0:
        begin = norm.rfind("\n", 0, start) + 1
        if norm[begin:start].strip():
            return begin
        start = begin - 1
    return None


def _enumerated_above(norm: str, text, figure) -> int | None:
    """以上三个方面的工作 after 一是…⏎二是…⏎三是…⏎四是…: how many items the run ending right
    above numbers, in the paragraph before the summing-up sentence or in the lines above it.
    A run nested in the last item of another (三是…⏎1.…⏎2.…) gives both its counts; the
    reading closest to the stated count is returned. None when a heading of a higher level
    interrupts the run, the numbering breaks, or the lines above announce a count of their own."""
    lead = _SUMMARY_LEAD_RE.search(norm, max(0, figure.number_start - 4), figure.number_start)
    if not lead:
        return None
    line_start, _ = text.line_span(figure.start)
    before = norm[line_start : lead.start()]
    stated = int(figure.value)
    if before.strip():
        if not before.rstrip().endswith(("。", ";")):
            return None
        if lead.start() - line_start > _BELOW_REACH:
            return None  # read no further back than a paragraph of items goes
        first = _INLINE_RUN_FIRST_RE.search(norm, line_start, lead.start())
        if first is None or _COUNT_IN_HEAD_RE.search(norm, line_start, first.start()):
            return None  # the paragraph announces its count before the run: read after that count
        return _run_in_line(norm, first.start(), lead.start())
    candidates: list[int] = []
    style = expected = found = None
    position, lines = _previous_line(norm, line_start), 0
    while position is not None and lines < _ABOVE_REACH_LINES:
        marker = _line_marker(norm, position)
        if style is None and marker is not None:
            style, found = marker
            expected = found - 1
        elif marker is not None and marker[0] == style:
            if marker[1] != expected:
                return None  # a skip or a repeat: the numbering rule's to tell
            expected -= 1
        elif marker is not None and marker[0] < style:
            if expected:
                return None  # a heading of a higher level inside the run
            style, found = marker  # the run was nested in this item: its own run is a reading too
            expected = found - 1
        elif marker is not None and expected == 0:
            break  # the run sits under an item of another kind
        if style is not None and expected == 0:
            candidates.append(found)
            above = _previous_line(norm, position)
            upper = _line_marker(norm, above) if above is not None else None
            if upper is None or upper[0] >= style or upper[1] == 1:
                if above is not None and upper is None:
                    counts = [_marker_number(m.group(0)[:-1]) for m in
                              re.finditer(r"[一二两三四五六七八九十]+(?=个|项|种|类|条|大|批|方面|点)", norm[above : _line_end(norm, above)])]
                    if any(n != found for n in counts):
                        return None  # the lead-in announces its own count: read after it
                break
        position = _previous_line(norm, position)
        lines += 1
    if not candidates or max(candidates) < 2 or stated in candidates:
        return None if not candidates or max(candidates) < 2 else stated
    return min(candidates, key=lambda n: abs(n - stated))


class _WordCount:
    """两点体会 / 三方面工作: a count the figure reader has no measure word for, read like a figure."""

    kind, exact, base_unit = "count", True, ""

    def __init__(self, match: re.Match):
        group = "n" if match.group("n") else "bare"
        self.start = self.number_start = match.start(group)
        self.end = match.end()
        self.chinese = not match.group(group).isdigit()
        self.value = _marker_number(match.group(group).replace("两", "二"))


_WORD_COUNT_RE = re.compile(r"(?<![第\d.一二两三四五六七八九十百千万零〇几])(?P<n>[二两三四五六七八九十]|[2-9])(?:点|方面)(?![钟半整多前后左右])"
                            # 分析原因有6:其一,…: a bare number after 有 right before the colon of a list
                            r"|(?<=[\u4e00-\u9fff]有)(?P<bare>[二两三四五六七八九十]|[2-9])(?=[::])")


def _word_counts(analysis: Analysis) -> Iterator[Hit]:
    """主要体会有两点:⏎第一,…⏎第二,…⏎第三,…: 点 and 方面 counts against the numbered items after
    them (the marked readers only: a 、 list after 两点 is not told apart from prose)."""
    text, norm = analysis.text, analysis.text.norm
    if "点" not in norm and "方面" not in norm and "有" not in norm:
        return
    for match in _WORD_COUNT_RE.finditer(norm):
        figure = _WordCount(match)
        stated = figure.value
        if stated < 2 or stated > _BELOW_COUNT_MAX:
            continue
        marked = _enumerated_after(norm, text, figure)
        if marked is not None:
            if marked != stated:
                yield _count_hit(analysis, figure, stated, marked, "enumerated")
            continue
        for reader, position in ((_ordinals_after, "enumerated"), (_enumerated_sentences_after, "enumerated"), (_enumerated_after_comma, "enumerated"),
                                 (_enumerated_above, "before"), (_enumerated_below, "below"),
                                 (_ordinal_lines_below, "below")):
            found = reader(norm, text, figure)
            if found is not None:
                if found != stated:
                    yield _count_hit(analysis, figure, stated, found, position, severity="warning")
                break


def _opens_next_part(norm: str, position: int, style: int) -> bool:
    """3.存在的问题 / 四、下一步打算: a line of the items' style that opens the report's next part."""
    marker = _LINE_STYLES[style].match(norm, position)
    return marker is not None and bool(_SECTION_TITLE_RE.match(norm, marker.end()))


class CountListParams(Params):
    units: tuple[str, ...] = ("种", "类", "项", "个", "大", "家", "所", "条", "支")  # measure words of a stated count
    open_list_words: tuple[str, ...] = ("等",)  # a list ending in one of these is only examples
    type_units: tuple[str, ...] = ("大", "种", "类", "项", "级", "方面")  # counts whose list may stand before them


CHECKS = (
    Check("respectively", respectively, Params, frozenset({"subjects", "values"})),
    Check("count_list", count_list, CountListParams, frozenset({"stated", "found"})),
)
