"""Unfilled template slots: x%, XX年, ____, 达到个, 由人增加到人, 年是…, (-)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from auditor.recache import compile_scanning
from auditor.regexscan import finditer, line_start as _line_start
from auditor.model import Analysis, Hit
from auditor.rulepack import Rule
from auditor.checks.base import Check, Params
from auditor.lexicon import DIRECTION_VERB_ALTERNATIVES

_CJK = "\u4e00-\u9fff"
_CJK_RE = compile_scanning(rf"[{_CJK}]")
# a run of slot marks, with digits or a point only between marks: x, XX, XX.X, x.x, **, ???
_SLOT_RUN_RE = compile_scanning(
    r"(?<![A-Za-z])[xX*?](?:[xX*?]|[.\d]+(?=[xX*?]))*(?:(?![A-Za-z\u00c0-\u024f])|(?=m2|m²|km|kg|mg|ml|cm|mm))"
)
# a whole run of marks is one slot (××××年 is one year, not ××× and ×); a run longer than a figure is a rule line
_TIMES_RE = compile_scanning(r"×+")
_TIMES_RUN_MAX = 8
# 201X/X/XX, 20XX-XX-XX, 2023.X.X: a date in figures with marks for digits, one slot
_NUMERIC_DATE_SLOT_RE = compile_scanning(
    r"(?<![A-Za-z0-9/.\-])(?:(?:19|20)[\dxX]{2}|[xX]{2,4})(?P<sep>[/.\-])[\dxX]{1,2}(?P=sep)[\dxX]{1,2}(?![A-Za-z0-9/.\-])"
)
# 丙类4种n例: a lone n between characters stands for a number
_LONE_N_RE = compile_scanning(rf"(?<=[{_CJK}])[nN](?=[{_CJK}%])")
# 张某某: a surname before 某某 masks a person's name on purpose, no slot to fill
_SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖董潘袁蔡蒋杜程魏苏吕丁沈姚卢姜崔钟谭陆汪范廖贾韦邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵严覃戴莫孔汤"
_SOME_RE = compile_scanning(rf"(?<![{_SURNAMES}])某某|(?<!某)某(?=[年月日%省市县区镇乡村州盟旗])(?!些)")
_EMPTY_QUOTES_RE = compile_scanning(rf"(?:“”|\"\"|《》|‘’)(?=[{_CJK}])")
# “xx”规划, 某府办发(XX)36号, 镇(××××)×号: letters for a name or a year, inside quotes or a document number's brackets
_ENCLOSED_MARKS_RE = compile_scanning(
    rf"“[xX]{{2,}}”(?=[{_CJK}])|(?<=[{_CJK}])[(〔\[][xX×]{{2,4}}[)〕\]](?=[\d×xX]|号)")
# GDPxxxx万元: marks for digits glued to the name of the figure
_AFTER_ACRONYM_RE = compile_scanning(r"(?<=[A-Z]{2})[xX]{2,}(?=[万亿元%‰])")
_CIRCLE_RE = compile_scanning(r"(?<![零〇一二三四五六七八九十])[〇○□]{2,}(?![零〇一二三四五六七八九十])")
# ( ) after a character, or before one; written to start with the bracket, which the regex engine scans for fast
_EMPTY_BRACKETS_RE = compile_scanning(rf"\((?:(?<=[{_CJK}第]\()\s*\)|\s*\)(?=[{_CJK}]))")
# [ ]个, 【 】万元: an empty square bracket before a unit or a word
_EMPTY_SQUARE = r"\[\s*\]|【\s*】"
_EMPTY_SQUARE_RE = compile_scanning(rf"(?:{_EMPTY_SQUARE})(?=[{_CJK}%‰])")
# (待补充)%, (待定)万元: a note for the number still to come, where the number stands
_PENDING = r"[(\[【](?:具体|最终)?(?:数据|资料|数字|人数|金额)?(?:待补充|待填写|待填|待定|待核实|待核|待统计|待补|暂缺|待更新|待确认)[)\]】]"
_PENDING_RE = compile_scanning(rf"{_PENDING}(?=[%‰万亿元个人户家所项次件名台套张]|\s*[%‰])")
# one of those slots, or ( ), right before a unit PH003 would otherwise report again
_EMPTY_BEFORE_RE = re.compile(rf"(?:{_EMPTY_SQUARE}|\(\s*\)|{_PENDING})$")
# **重点工作**: markdown emphasis, not masked digits
_EMPHASIS_RE = compile_scanning(r"(?<!\*)\*\*(?=[^*\s])[^*\n]{2,80}?(?<=[^*\s])\*\*(?!\*)")
_CLAUSE_MARKS_RE = re.compile(r"[,。;!?]")


def _masks_across_clauses(norm: str, match: re.Match) -> bool:
    """完成**技术企业申报,…;完成省**技术产品认定: two masks glued inside words on both outer sides,
    clauses apart, are no emphasis pair (emphasis opens and closes on a phrase)."""
    before, after = norm[match.start() - 1 : match.start()], norm[match.end() : match.end() + 1]
    return (bool(before) and bool(_CJK_RE.match(before)) and bool(after) and bool(_CJK_RE.match(after))
            and _CLAUSE_MARKS_RE.search(norm, match.start() + 2, match.end() - 2) is not None)


_STAR_SPOKEN_OF = frozenset("带标加注打")
_STAR_NOTE_RE = re.compile(r"(?:带|标|加|标有|注有)\*号?|\*号|\*(?:表示|为|者为|的为)")
_UNIT_AFTER_STAR = set("年月日县市区镇乡村省州盟旗个人元家所名户项次")
_DATE_JOINERS = set("年月日号时")


def letter_slots(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A mark standing where digits or a name must be — x%, XX年, XX.X%, *村, 20**年,
    ???万元, ×, 某县, “”规划, 〇〇镇, ( )期 — one finding per slot; X月X日 is one slot."""
    slots = sorted(_slots(analysis, rule))
    spam = _spam_lines(analysis)
    for start, end in _merge_dates(analysis.text.norm, slots):
        if spam(start):
            continue
        original = analysis.text.original[start:end]
        yield Hit(start, end, {"slot": original}, {"slot": analysis.text.norm[start:end]})


_FIGHTING_SPAM_RE = re.compile(r"打击|查处|整治|取缔|非法|违法|犯罪|侦破|抓获|案件|专项|治理|扫黄|打非|举报|严禁")


def _spam_lines(analysis: Analysis):
    """A test of a position: whether its line holds adult or gambling spam (欧美**视频一级毛片_国产…), whose
    marks and underscores are the spam's own; each line is looked at once."""
    norm = analysis.text.norm
    cues = tuple(analysis.pack.words("spam_cues"))
    lines: dict[int, bool] = {}

    def on_spam_line(position: int) -> bool:
        if not cues:
            return False
        start = _line_start(norm, position)
        found = lines.get(start)
        if found is None:
            end = norm.find("\n", position)
            line = norm[start : len(norm) if end < 0 else end]
            # 查处传播淫秽毛片案件XX起: a report on fighting the spam speaks of it
            found = lines[start] = any(cue in line for cue in cues) and _FIGHTING_SPAM_RE.search(line) is None
        return found
    return on_spam_line


def _slots(analysis: Analysis, rule: Rule) -> Iterator[tuple[int, int]]:
    norm = analysis.text.norm
    not_slots = rule.options.not_placeholders + analysis.pack.words("not_placeholders")
    emphasis = {pos for m in _EMPHASIS_RE.finditer(norm) if norm[m.start() + 2] not in _UNIT_AFTER_STAR
                and not _masks_across_clauses(norm, m) for pos in (m.start(), m.end() - 2)}
    star_noted = None  # the document explains a mark: 注:带*号的指标为预计数
    for match in finditer(_SLOT_RUN_RE, norm):
        start, end = match.span()
        if any(norm.startswith(word, start) for word in not_slots):
            continue
        if end - start == 1 and norm[start] == "*":
            if norm[end : end + 1] == "号" or norm[start - 1 : start] in _STAR_SPOKEN_OF:
                continue  # 带*号的指标 / 标*的: the mark spoken of
            if start == 0 or norm[start - 1] == "\n":
                star_noted = _STAR_NOTE_RE.search(norm) is not None if star_noted is None else star_noted
                if star_noted:
                    continue  # *地区生产总值 326.5亿元: a row marked for the note
        if _inside_identifier(norm, start, end) or _inside_noise(norm, start, end):
            continue
        if _is_slot_run(norm, start, end, emphasis):
            yield start, end
    for match in finditer(_TIMES_RE, norm):
        start, end = match.span()
        if end - start > _TIMES_RUN_MAX:
            continue
        after = norm[end : end + 1]
        if end - start == 1 and _TIMES_HUNDRED_RE.match(norm, end) and not norm[start - 1 : start].isdigit():
            continue  # (供水量−售水量)÷供水量×100%: a rate's formula, × multiplies
        # 4×1% and ×人 are slots; 3×4 and 长×宽 are multiplication; (××××)×号: a document's number
        if re.match(r"\d+(?:\.\d+)?[%‰]", norm[end:end + 12]) or (after and after in "%‰年月日人个元万份例次所家张台名项户种座号"):
            yield start, end
        elif end - start >= 2 and (_neighbour(norm, start - 1) or _neighbour(norm, end)):
            yield start, end  # ××县: two marks are never a multiplication
    for match in _NUMERIC_DATE_SLOT_RE.finditer(norm):
        if any(mark in match.group(0) for mark in "xX"):
            yield match.span()
    for pattern in (_SOME_RE, _EMPTY_QUOTES_RE, _ENCLOSED_MARKS_RE, _AFTER_ACRONYM_RE, _CIRCLE_RE, _EMPTY_BRACKETS_RE, _LONE_N_RE, _EMPTY_SQUARE_RE, _PENDING_RE):
        for match in finditer(pattern, norm):
            if pattern is _CIRCLE_RE and not (_neighbour(norm, match.start() - 1) or _neighbour(norm, match.end())):
                continue
            if pattern is _SOME_RE and _masked_party(norm, match.start(), match.end()):
                continue
            yield match.span()


# 查处某某公司违法排污案: a business named 某某 in a case is masked on purpose (as 张某某 is), no slot
_MASKED_BUSINESS_RE = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:公司|企业|厂|店|超市|酒店|宾馆|饭店|餐馆|餐厅|网吧|药店|药房|诊所|医院|门诊|学校|幼儿园|培训机构"
                                 r"|小区|工地|养殖场|合作社|商行|经营部|门市|加油站|矿|网站|平台)")
_CASE_WORDS_RE = re.compile(r"查处|立案|处罚|罚款|案件|一案|违法|违规|涉嫌|被告|当事人|责令|通报|曝光|约谈|起诉|判处|投诉|举报|移送|侦破|抓获")
_CASE_REACH = 60


def _masked_party(norm: str, start: int, end: int) -> bool:
    """某某公司 in a sentence about a case (查处, 违法, 被告 …): a party masked on purpose."""
    if norm[start:end] != "某某" or not _MASKED_BUSINESS_RE.match(norm, end):
        return False
    window = norm[max(0, start - _CASE_REACH) : end + _CASE_REACH]
    return _CASE_WORDS_RE.search(window) is not None


_IDENTIFIER_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-=&")
_IDENTIFIER_REACH = 64


def _inside_identifier(norm: str, start: int, end: int) -> bool:
    """/img/d/nBnauM3X4ED: an X inside a path or a code (letters other than x, or a
    slash, around it) is a character of that name, not a slot."""
    left = start
    while left > 0 and start - left < _IDENTIFIER_REACH and norm[left - 1] in _IDENTIFIER_CHARS:
        left -= 1
    right = end
    while right < len(norm) and right - end < _IDENTIFIER_REACH and norm[right] in _IDENTIFIER_CHARS:
        right += 1
    before, after = norm[left:start], norm[end:right]

    def letters(part: str) -> int:
        return sum(1 for c in part if c.isascii() and c.isalpha() and c not in "xX")

    # xm2, x kg: a unit after the slot is no name around it
    return "/" in before + after or (letters(before) and letters(after)) or letters(before + after) >= 3


# a forum's anti-copy noise, short ASCII tokens between spaces (5 X7 L8 X1 q! M9 ?, L8 x2 I% {): RD001 reports the
# run; an x among them is one of its characters, no slot
_NOISE_RUN_RE = re.compile(r"(?:[!-~]{1,3}[ \t]{1,2}){4,}[!-~]{1,3}(?![!-~])")
_NOISE_REACH = 40


def _inside_noise(norm: str, start: int, end: int) -> bool:
    if norm[end : end + 1] != " " and norm[start - 1 : start] != " ":
        return False  # the cheap test first: a token of the noise stands between spaces
    low = max(0, start - _NOISE_REACH)
    for match in _NOISE_RUN_RE.finditer(norm, low, min(len(norm), end + _NOISE_REACH)):
        if match.start() <= start and end <= match.end():
            run = match.group(0)
            return sum(c.isalpha() for c in run) >= 3 and any(not c.isalnum() and not c.isspace() for c in run)
        if match.start() > start:
            break
    return False


def _is_slot_run(norm: str, start: int, end: int, emphasis: set[int]) -> bool:
    run = norm[start:end]
    before = norm[start - 1 : start]
    after_space = norm[end : end + 2].lstrip(" ")[:1]  # x 万亩: one space before the unit
    marks = set(run) - set(".0123456789")
    if marks == {"*"}:
        if start in emphasis or (end - start == 2 and end - 2 in emphasis):
            return False
        if (not before or before == "\n") and norm[end : end + 1] == " ":
            return False  # a markdown bullet
        if end - start == 1 and "\u4e00" <= before <= "\u9fff" and norm[end : end + 1] in ("\n", "\t", ""):
            return False  # #政府办*: a table label's footnote mark at the line's (or the cell's) end
        if norm[end : end + 1].isdigit() and not before.isdigit() and not _FIGURE_AFTER_RE.match(norm, end):
            return False  # 博****1: a masked user name, not digits to fill (达**0%: digits of a figure)
        if _MASKED_PHONE_RE.match(norm, max(0, start - 3)) and start >= 3:
            return False  # 187****2391: a mobile number masked on purpose, no digits to fill
    if marks == {"?"}:
        if (not before or before == "\n") and (after_space.isdigit() or "\u4e00" <= after_space <= "\u9fff"):
            return False  # ??2021年,…: a paragraph's full-width indent lost at the line's start (RD003's)
        # ???万元 stands for digits; 还没有账号? is a question
        if run.count("?") < 2 and not (before.isdigit() or norm[end : end + 1].isdigit()):
            return False
        if before in "吗呢吧么啊呀嘛" or not (after_space.isdigit() or after_space in _AFTER_DIGITS):
            return False  # ??偯娣e, ??萍耙: question marks a wrong encoding left among garbled characters
        if run.count("?") == 1 and after_space.isdigit() and not before.isdigit():
            return False  # 總?cè)丝?903人: a byte lost with its neighbours, not one digit left out
        return True
    if after_space == "(" and marks <= {"x", "X"} and norm[end : end + 3].lstrip(" ")[1:2] in _AFTER_DIGITS:
        return True  # X(件)批 X 人次: the slot's unit in brackets after it (a * before (个) marks a table row)
    if _neighbour(norm, start - 1) or bool(after_space) and (_slot_neighbour_char(after_space)):
        return True
    return end - start >= 2 and _alone_on_broken_line(norm, start, end)


_BREAK_REACH = 3  # blanks a PDF leaves around a line break


def _alone_on_broken_line(norm: str, start: int, end: int) -> bool:
    """XX alone on its line in a PDF's text broken at every figure (镇⏎XX⏎亿元,增长): the
    characters on either side of the line breaks are what it stands between."""
    # (the line's ends are looked for a few blanks away only: a run inside a long line is not alone on it)
    line_start = norm.rfind("\n", max(0, start - _BREAK_REACH - 1), start) + 1
    line_end = norm.find("\n", end, end + _BREAK_REACH + 1)
    line_end = len(norm) if line_end < 0 and len(norm) - end <= _BREAK_REACH else line_end
    if line_end < 0 or (line_start == 0 and start > _BREAK_REACH) \
            or norm[line_start:line_end].strip(" \t") != norm[start:end]:
        return False
    before = norm[max(0, line_start - 1 - _BREAK_REACH) : line_start - 1].rstrip(" \t\r")[-1:]
    after = norm[line_end + 1 : line_end + 1 + _BREAK_REACH].lstrip(" \t")[:1]
    # (the document's first line: XX⏎镇⏎2023⏎年政府工作报告, a title's place name left out)
    # (after a clause's mark the slot opens the clause: 今年以来,⏎XX⏎镇…)
    return (_slot_neighbour_char(before) or line_start == 0 or before in _CLAUSE_OPENERS) \
        and (_slot_neighbour_char(after) or after in "%‰")


_CLAUSE_OPENERS = frozenset(",;:。")


# what may follow digits: ???万亩, ??%, 共??人, 20??年
_AFTER_DIGITS = frozenset("%‰.万亿千百十年月日天时岁人个元份例次所家张台名项户种座亩吨斤克米里处条件辆套篇期届场批间块位支队栋层床剂只头株棵本册部门号"
                          "平公立毫起宗轮季周")  # ???平方公里, ??公顷, ??立方米, ??起


_FIGURE_AFTER_RE = re.compile(r"\d{1,3}(?:\.\d+)?(?:%|‰|万|亿|元|人|个|户|家)")
_MASKED_PHONE_RE = re.compile(r"(?<!\d)1\d{2}\*{4}\d{4}(?!\d)")


def _neighbour(norm: str, index: int) -> bool:
    return 0 <= index < len(norm) and _slot_neighbour_char(norm[index])


def _slot_neighbour_char(char: str) -> bool:
    return bool(char) and (char.isdigit() or char in "%‰、" or bool(_CJK_RE.match(char)))


def _merge_dates(norm: str, slots: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """X月X日, XX年X月, **年**月**日: slots one date word apart are one slot."""
    current: tuple[int, int] | None = None
    for start, end in slots:
        if current and start < current[1]:
            current = (current[0], max(current[1], end))
            continue
        gap = norm[current[1] : start] if current else None
        if current and (gap == "" and norm[current[1] - 1] in _DATE_JOINERS or len(gap) == 1 and gap in _DATE_JOINERS):
            current = (current[0], end + (norm[end : end + 1] in _DATE_JOINERS))  # X月X日 whole
            continue
        if current:
            yield current
        current = (start, end)
    if current:
        yield current


_UNDERSCORE_RE = compile_scanning(r"(?<![A-Za-z])_+(?![A-Za-z0-9])")
# 沪府(20__)51号: a year's first two digits and the blank for the rest
_YEAR_PREFIX_RE = re.compile(r"[^\dA-Za-z_](?:19|20)$")
_YEAR_BLANK_AFTER = frozenset(")]〕】)")


def underscores(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """Underscores left as a blank; ＿月＿日 is one blank."""
    norm = analysis.text.norm
    spans = list(_merge_dates(norm, [m.span() for m in _UNDERSCORE_RE.finditer(norm)]))
    joined_lines: dict[int, bool] = {}
    spam = _spam_lines(analysis)
    for start, end in spans:
        if spam(start):
            continue
        if end - start == 1 and _keywords_joined(norm, start, joined_lines):
            continue  # 免费网站_中文字幕_…: a page title's keywords joined by _, no blank
        near = norm[max(0, start - 1) : end + 1]
        year_blank = end - start >= 2 and _YEAR_PREFIX_RE.match(norm, max(0, start - 3), start) is not None \
            and norm[end : end + 1] in _YEAR_BLANK_AFTER
        if near[:1].isdigit() and not _CJK_RE.match(norm[end : end + 1]) and not year_blank:
            continue  # 2024_017: part of a code; 0_岁 and (20__)51号 are slots
        if not _CJK_RE.search(near) and not re.search(r"[%,。;:、]", near) and not year_blank:
            continue
        yield Hit(start, end, {"slot": norm[start:end]}, {"slot": norm[start:end]})


_JOINED_KEYWORD_RE = re.compile(r"(?<=[\u4e00-\u9fff])_(?=[\u4e00-\u9fff])")
_KEYWORD_LINE_MAX = 120


def _keywords_joined(norm: str, position: int, lines: dict[int, bool]) -> bool:
    """Whether the _ at position joins words on a line with three such joins or more
    (a site's title of keywords); each line is looked at once."""
    if not _JOINED_KEYWORD_RE.match(norm, position):
        return False
    line_start = _line_start(norm, position)
    joined = lines.get(line_start)
    if joined is None:
        line_end = norm.find("\n", position)
        line_end = len(norm) if line_end < 0 else line_end
        # a title of keywords is short and has no sentence in it; 学生_人,入学率_%。 is a report's blanks
        joined = lines[line_start] = (line_end - line_start <= _KEYWORD_LINE_MAX and "。" not in norm[line_start:line_end]
                                      and len(_JOINED_KEYWORD_RE.findall(norm, line_start, line_end)) >= 3)
    return joined


@lru_cache(maxsize=32)
def _blank_number_patterns(words: tuple[str, ...], verbs: tuple[str, ...], object_verbs: tuple[str, ...],
                           object_measures: tuple[str, ...]) -> tuple[tuple[re.Pattern, str | int], ...]:
    measure = "|".join(sorted(words, key=len, reverse=True))
    change = DIRECTION_VERB_ALTERNATIVES
    # a blank, but not one before digits: 共对 241 个停车场 (对 a preposition, its number after it)
    boundary = r"(?=[,。;、)]|\s(?!\s*\d)|$)"
    verb = "|".join(sorted(verbs, key=len, reverse=True))
    tight = "|".join(sorted(object_measures, key=len, reverse=True)) or "(?!)"
    objects = "|".join(sorted(object_verbs, key=len, reverse=True)) or "(?!)"
    lead = r"[^\d,。;:、()\[\]“”xX×_一二两三四五六七八九十百千万余多几]"
    return (
        # 共有名同志参加, 新增家企业: a count verb, then the measure word and its noun, no number between
        (compile_scanning(rf"(?:{verb})(?P<slot>{tight})(?=[\u4e00-\u9fff])"), "slot"),
        # 全镇有家企业, 村里有户人家: 有 before a measure word and its noun (很有名的, 有名望: famous)
        (compile_scanning(rf"(?<![很最较挺颇更太没只还])有(?P<slot>{tight})(?=[\u4e00-\u9fff])(?![的望地气声])"), "slot"),
        # 流转土地亩, 培育新型经营主体家: a verb with its object, the number left out before the last word
        (compile_scanning(rf"(?:{objects})(?P<lead>{lead}{{1,10}}?)(?P<slot>{tight}){boundary}"), "slot"),
        # 由增加到: nothing at all after 由
        (compile_scanning(rf"(?:由|从)(?=(?:{change})(?:到|至))"), 0),
        # 由台增加到 / 由年的人增加到: a measure word right after 由
        (compile_scanning(rf"(?:由|从)(?:年)?的?(?P<slot>{measure})(?=(?:{change}|降|增|升)?(?:到|至))"), "slot"),
        # 增加到人; / 降至张,
        (compile_scanning(rf"(?:{change}|降|增|升)(?:到|至)(?P<slot>{measure}){boundary}"), "slot"),
        # 达到个, / 新增康复床位张。/ 招聘医学类毕业生名,
        (compile_scanning(
            rf"(?:{verb})"
            rf"(?P<lead>[^\d,。;:、()\[\]“”xX×_一二两三四五六七八九十百千万余多几]{{0,10}}?)(?P<slot>{measure}){boundary}"
        ), "slot"),
        # 罚款为元, 培训人数为人, 平均用时为天: 为 and a measure word, nothing between, at a clause end
        # (以扩大内需为名, 以厂为家: an idiom, no slot)
        (compile_scanning(rf"(?<![认成作因以称视行更最较极甚则即乃])为(?![名家])(?P<slot>{measure}){boundary}"), "slot"),
        # 为%, 接种率%, 为‰: a percent sign with no number in front
        (_BARE_PERCENT_RE, 0),
        # 投入资金万元: a money unit right after a noun
        (_BARE_MONEY_RE, "slot"),
        # 2024年 月 日
        (_BARE_MONTH_DAY_RE, "slot"),
        # 人均收入元,
        (_BARE_YUAN_RE, "slot"),
        # 总产万吨,比上年增加万吨; 平均单产公斤: a harvest's measure with no number before it
        (_YIELD_BLANK_RE, "slot"),
        # 投入多万元, 经费万多元: the number before 多 or 万 left out
        (_ROUGH_MONEY_BLANK_RE, "slot"),
        # 仅广东就增加万, / 总量达亿。: a bare 万 or 亿 after a verb of amount, the digits before it left out
        (_BARE_MYRIAD_RE, "slot"),
        # 第月至第月, 第批: an ordinal with no number
        (_BARE_ORDINAL_RE, 0),
        # 累计征地余亩, 投入资金余万元: 余 (some more than) after a word, the number before it left out
        (_BARE_ODD_RE, "slot"),
        # 贫困户   户: spaces where the number was to go
        (_SPACED_BLANK_RE, "slot"),
        # 交办信访 件, 成灾面积 亩, 调解纠纷⏎件,: one space (or a wrapped line) where the number was to go
        (_spaced_measure_pattern(measure), "slot"),
        # 划走个医疗机构: 个 after a verb, with no number or determiner before it
        (_LONE_GE_RE, "slot"),
    )


@lru_cache(maxsize=8)
def _repeated_measure_pattern(words: tuple[str, ...]) -> re.Pattern:
    """人、人、人 / 户、户: a measure word after a word or a list mark whose next 、 item is the same word
    (人、财、物 names three things, none repeated); the run's last item is read on from there."""
    measure = "|".join(sorted(words, key=len, reverse=True))
    return compile_scanning(rf"(?<=[\u4e00-\u9fff、])(?P<slot>{measure})(?=、(?P=slot))")


_RUN_END_RE = re.compile(r"[,。;!)\s]|$")


def _repeated_measure_slots(norm: str, pattern: re.Pattern) -> Iterator[tuple[int, int]]:
    """Every item of each run of one repeated measure word that ends a clause (分别增加人、人、人。)."""
    items: list[tuple[int, int]] = []
    for match in finditer(pattern, norm):
        start, end = match.span("slot")
        if items and start != items[-1][1] + 1:
            yield from _closed_run(norm, items)
            items = []
        items.append((start, end))
    yield from _closed_run(norm, items)


def _closed_run(norm: str, items: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    if not items:
        return
    last = (items[-1][1] + 1, items[-1][1] + 1 + (items[-1][1] - items[-1][0]))
    if _RUN_END_RE.match(norm, last[1]):
        yield from items
        yield last


@lru_cache(maxsize=8)
def _spaced_measure_pattern(measure: str) -> re.Pattern:
    """结案 件, / 收缴参合基金 万元, / 调解纠纷⏎件,: a word of two characters or more (not spaced-out
    PDF text, not a numeral), a space or a line break, a measure word and a clause mark right after it."""
    return compile_scanning(
        rf"[ \t\u3000\n](?<=[\u4e00-\u9fff]{{2}}[ \t\u3000\n])(?<![{_NUMBER_CHARS}][ \t\u3000\n])[ \t\u3000]*(?:\n[ \t\u3000]*)?"
        rf"(?P<slot>{measure})(?=[,。;、)])")


@lru_cache(maxsize=8)
def _metric_blank_pattern(units: tuple[str, ...]) -> re.Pattern:
    """参训人数为人, / 完成投资额为万元。/ 发放数量达册,: a metric named by its 数, 量 or 额,
    为, 达 or 共, and a unit at the clause's end with no number between (以提高质量为名,
    质量为本: an idiom; 本 and 天 are no units here)."""
    unit = "|".join(map(re.escape, sorted(units, key=len, reverse=True))) or "(?!)"
    return compile_scanning(
        rf"[数量额](?:总计|共计|合计|累计|达到|共为|为(?![名家])|达|共|计|约)(?P<slot>(?:万|亿|千)?(?:{unit}))(?=[,。;、)\s]|$)")


# 划走个医疗机构, 解决问题个。: 个 after a word, before another or at a clause's end
_LONE_GE_RE = compile_scanning(r"(?<=[\u4e00-\u9fff])(?P<slot>个)(?=[\u4e00-\u9fff,。;、)\n]|$)")
# after a word, or after 、 as the next item of a list of rates (分别为96%、%)
# (治愈率 % 75 73.9 71.7: a table row's unit column, its values after it, is no slot)
_BARE_PERCENT_RE = compile_scanning(r"(?<=[\u4e00-\u9fff、])[ \t]*[%‰](?![ \t]+\d[\d.,]*(?:[ \t]+\d|[ \t]*$))")
_NUMBER_CHARS = "零〇一二两三四五六七八九十百千万亿几数多余上每近约超逾达"
# 万元GDP能耗, 万元单位生产总值能耗, 万人口: a unit phrase in a ratio, not a money figure without its number;
# 万亩富硒粮油项目, 万亩良田: a scale that names a programme, so 万亩 only before a clause's end
_BARE_MONEY_RE = compile_scanning(
    rf"(?<=[\u4e00-\u9fff])(?<![{_NUMBER_CHARS}])(?P<slot>万元|亿元|万亩(?=[,。;、)(\s]|$|的|以上|左右)|万人次|万人)"
    rf"(?![户级空坑迷口]|大会|GDP|gdp|单位(?:GDP|gdp|国内生产总值|地区生产总值|生产总值|工业增加值|增加值|产值)|生产总值|地区生产总值|国内生产总值|增加值|产值|工业增加值|营业收入|主营业务收入|收入"
    rf"|拥有|以上|以下|及以上|能耗)"
)
# 贫困户   户: spaces left where the number was to go
_SPACED_BLANK_RE = compile_scanning(r"(?<=[\u4e00-\u9fff])[ \t]{2,}(?P<slot>人次|万元|亿元|个|人|户|所|家|名|例|份|张|台|元|项|次)(?=[,。;、)\s]|$)")
_YIELD_BLANK_RE = compile_scanning(
    r"(?<=增加|减少|增产|减产|总产|单产|亩产|产量|总量|面积|存栏|出栏)"
    r"(?P<slot>万吨|吨|万公斤|公斤|千克|万斤|斤|万亩|亩|公顷|万头|头|万只|万羽)(?=[,。;、)(\s]|$)")
_ROUGH_MONEY_BLANK_RE = compile_scanning(
    rf"(?<=[\u4e00-\u9fff])(?<![{_NUMBER_CHARS}])(?P<slot>多万元|多亿元|万多元|亿多元)")
_BARE_MYRIAD_RE = compile_scanning(
    r"(?<=增加|减少|增长|下降|新增|净增|净减|达到|共计|合计|总计|累计|约为|超过)(?P<slot>万|亿)(?=[,。;、!])")
# 人均可支配收入元,: a money metric, then 元 with no number between
_BARE_YUAN_RE = compile_scanning(
    r"(?<=收入|支出|工资|薪酬|金额|资金|投资|产值|总额|价格|余额|利润|税收|补贴|补助|费用|存款|贷款)(?P<slot>元)(?=[,。;、)\s]|$)")
# 2024年 月 日: a date whose month and day were left out, one slot
_BARE_MONTH_DAY_RE = compile_scanning(r"(?<=\d)年[ \t\u3000]*(?P<slot>月[ \t\u3000]*日)")
# 单位:万元、%: a table's unit line names its units, no value is missing
_UNIT_LINE_RE = re.compile(r"单位\s*:")
# (其余, 剩余, 多余, 结余, 业余 … are words: 其余亩数 and 结余万元 have no slot)
_BARE_ODD_RE = compile_scanning(
    rf"(?<=[\u4e00-\u9fff])(?<![{_NUMBER_CHARS}其剩业残盈结节有若宁空富闲尚仅还])(?P<slot>余(?:万亩|亩|万元|亿元|公顷|平方米|万吨|吨|户|家|名|人次|所|处|座|公里|项|件))"
    rf"(?=[,。;、)\s]|$)")
_BARE_ORDINAL_RE = compile_scanning(r"(?<![次等及落门甲府宅])第(?:[月年季批轮届期])(?:(?:至|到|—|-)第(?:[月年季批轮届期]))?")


_SLOT_MARKS = set("xX*?×_")
# ×100%, × 1000‰: the last step of a rate's formula
_TIMES_HUNDRED_RE = re.compile(r"[ \t]*(?:100[ \t]*%|1000[ \t]*‰)")


def blank_numbers(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A measure word where a number must stand: 达到个, 由台增加到台, 新增床位张, 为%,
    投入资金万元, 第月至第月."""
    norm = analysis.text.norm
    not_blank = _word_index(analysis.pack.words("not_blank_words"))
    seen: set[int] = set()
    determiners = set(rule.options.determiners)
    verbs = rule.options.count_verbs
    patterns = _blank_number_patterns(analysis.pack.words("measure_words"), verbs, rule.options.object_verbs,
                                      rule.options.object_measures)
    metric = _metric_blank_pattern(rule.options.metric_units)
    for pattern, group in ((metric, "slot"),) + patterns:
        for match in finditer(pattern, norm):
            start, end = match.span(group) if group else (match.start(), match.end())
            if start in seen:
                continue
            slot = norm[start:end]
            # 参训人数为人,: after a metric (人数, 数量, 投资额) 为人 is no word (为人民: no clause end)
            if pattern is not metric and _inside_word(norm, start, end, not_blank):
                continue
            if norm[start - 1 : start] in _SLOT_MARKS or _EMPTY_BEFORE_RE.search(norm, max(0, start - 8), start):
                continue  # ***份, 【 】万元: the marks are the slot (PH001/PH002), one finding for it
            if pattern is _BARE_PERCENT_RE and (_UNIT_LINE_RE.search(norm, max(0, norm.rfind("\n", 0, start) + 1, start - 30), start)
                                                or _header_row(norm, start) or _beside_address(norm, start)):
                continue
            if pattern is _LONE_GE_RE and norm[start - 1 : start] in determiners:
                continue
            seen.add(start)
            yield Hit(start, max(end, start + 1), {"slot": analysis.text.original[start:max(end, start + 1)]}, {"slot": slot})
    if "、" in norm:
        # 分别增加人、人、人: each item of the run is a number left out
        for start, end in _repeated_measure_slots(norm, _repeated_measure_pattern(analysis.pack.words("measure_words"))):
            if start not in seen:
                seen.add(start)
                yield Hit(start, end, {"slot": analysis.text.original[start:end]}, {"slot": norm[start:end]})


_ADDRESS_RE = re.compile(r"https?://|www\.|\.(?:com|cn|net)\b")
_ADDRESS_REACH = 40


def _beside_address(norm: str, position: int) -> bool:
    """A % in a site's watermark (创%素材[库:https://…, …cn/。公众号:笔杆%子): a web address within
    a few words on its line, so the % is one more mark the site scattered, no number left out."""
    begin = max(0, position - _ADDRESS_REACH)
    line_start = norm.rfind("\n", begin, position) + 1
    line_end = norm.find("\n", position, position + _ADDRESS_REACH)
    stop = position + _ADDRESS_REACH if line_end < 0 else line_end
    return _ADDRESS_RE.search(norm, max(line_start, begin), stop) is not None


# 产品名称 产量(吨) 比上年增长%: a table's header row, its cells labels apart by blanks or tabs
_CELL_GAP_RE = re.compile(r"[ \t\u3000]+")


def _header_row(norm: str, position: int) -> bool:
    """The % at position ends a cell of a table's header row: three cells or more on the line,
    apart by blanks or tabs, no digit and no sentence mark in any (the values are on the rows
    below: 粮食 199008.5 6.3)."""
    start = norm.rfind("\n", 0, position) + 1
    end = norm.find("\n", position)
    line = norm[start : len(norm) if end < 0 else end].strip()
    cells = _CELL_GAP_RE.split(line)
    return len(cells) >= 3 and not any(c.isdigit() for c in line) and not _CLAUSE_MARKS_RE.search(line)


_WordIndex = dict[str, tuple[tuple[int, int, tuple[str, ...]], ...]]


@lru_cache(maxsize=8)
def _word_index(words: tuple[str, ...]) -> _WordIndex:
    """For each character, the words holding it by where and how long: 若干个 holds 个
    at 2 in a word of 3. Words alike in both are tried in one str.startswith."""
    index: dict[str, dict[tuple[int, int], list[str]]] = {}
    for word in words:
        for offset, char in enumerate(word):
            index.setdefault(char, {}).setdefault((offset, len(word)), []).append(word)
    return {char: tuple((offset, length, tuple(alike)) for (offset, length), alike in groups.items())
            for char, groups in index.items()}


def _inside_word(norm: str, start: int, end: int, index: _WordIndex) -> bool:
    """Whether the slot's first or last character is part of a word such as 有个, 大户, 若干个, 病人."""
    for position in {start, end - 1}:
        for offset, length, words in index.get(norm[position : position + 1], ()):
            begin = position - offset
            # the word must hold the whole slot and more: 病人 holds 人, but 达人 cuts 达人次
            if begin <= start and begin + length >= end and length > end - start and norm.startswith(words, begin):
                return True
    return False


# 年 at the start or after one of these (no character before it that is not one): scanned for 年 fast
_YEAR_RE = compile_scanning(r"(?<![^\s,。;:、“”\"()《》【】\[\]由从至到于的—除与])年")


def blank_years(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """年 where a year number must stand: 年是“十四五”开局之年, 由年的, ——年月日."""
    norm = analysis.text.norm
    words = analysis.pack.words("year_word_followers")
    followers = {word for word in words if len(word) == 1}
    longer = tuple(word for word in words if len(word) > 1)  # 年新增: a per-year verb of two characters
    for match in _YEAR_RE.finditer(norm):
        start = match.start()
        if norm.startswith("年月日", start):
            yield Hit(start, start + 3, {"slot": analysis.text.original[start : start + 3]}, {"slot": "年月日"})
            continue
        if norm[start + 1 : start + 2] in followers or longer and norm.startswith(longer, start + 1):
            continue
        if norm[start - 1 : start] == "除" and _CJK_RE.match(norm[start - 2 : start - 1]):
            continue  # 免除年费, 扣除年…: 除 ends a verb; only 除 opening a clause (,除年遭遇…之外) wants a year
        if _TEXT_END_RE.match(norm, start + 1):
            continue  # …整改,年: a text cut off inside a word (年内, 年底), nothing left out before it
        if _year_written_before(norm, start):
            continue  # 1980 年, 1 9 9 7 年: a year with spaces from a PDF
        if norm[start - 1 : start] == ")" and _GLOSS_BEFORE_RE.search(norm, max(0, start - 12), start):
            continue  # 當(dāng)年價(jià): a pinyin gloss (RD003's) stands between 当 and 年, no year left out
        if _ANNUAL_METRIC_RE.match(norm, start + 1) or norm[start - 1 : start] == "的" and _ANNUAL_RATE_RE.match(norm, start + 1):
            continue  # 年流转收入1 512万元, 年发电量, 在校生的年辍学率: a yearly amount or rate (,年孕产妇死亡率为零 lost its year)
        yield Hit(start, start + 1, {"slot": "年"}, {"slot": "年"})
    for match in _OFFICE_YEAR_RE.finditer(norm):
        yield Hit(match.start(), match.end(), {"slot": "年"}, {"slot": "年"})


# 民政局年上半年工作总结: an office's name, then 年 and the half or the document it names (全县年度 is a word)
_OFFICE_YEAR_RE = compile_scanning(r"年(?<=[局委院镇乡县区市办厅站]年)(?=[上下]半年|工作(?:总结|计划|要点|报告))")


_TEXT_END_RE = re.compile(r"\s*\Z")
# a pinyin gloss glued to the character before it: 當(dāng)
_GLOSS_BEFORE_RE = re.compile(r"[\u4e00-\u9fff][(\[][a-zɡɑāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)\]]$")
# 年流转收入1 512万元 / 年供水量2 860万立方米 / 年处理能力(万吨): 年 before a metric that a value or a column's unit follows
_ANNUAL_METRIC_RE = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:收入|产量|产值|销售额|营业额|营收|总额|发电量|用电量|供水量|用水量|吞吐量|[^\d\s,。;]量|利润|税收|租金|规模|能力|产能)"
    r"\s*(?:(?:为|达到|达|约|共|超过|近)?\s*\d|\([^()\n\d]{1,8}\))")  # a value, or a table column's unit: 年处理能力(万吨)


# 年辍学率, 年增长率, 年均增长率: a rate per year
_ANNUAL_RATE_RE = re.compile(r"[\u4e00-\u9fff]{1,5}?率")


def _year_written_before(norm: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and norm[index] in " \t\u2009\u202f\r\n":
        index -= 1
    if index < 0 or index == start - 1:
        return False
    if "\n" in norm[index + 1 : start]:
        # 2023⏎年政府工作报告: a PDF's line break between a year and its 年 (a year of four digits only:
        # a line that ends in any other number says nothing of the 年 that opens the next)
        return _YEAR_AT_LINE_END_RE.search(norm, max(0, index - 4), index + 1) is not None
    return norm[index].isdigit() or norm[index] in "零〇一二三四五六七八九十"


_YEAR_AT_LINE_END_RE = re.compile(r"(?<![\d.])(?:19|20)\d\d$")


# (阴性(-) / 弱阳性(+) is a test's result, not a range)
_RANGE_RE = compile_scanning(r"(?<!性)[(]\s*年?\s*[-—–~至]{1,2}\s*年?\s*[)]")


def blank_ranges(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A year range with both years missing, as left in a title: 规划(-)."""
    for match in _RANGE_RE.finditer(analysis.text.norm):
        original = analysis.text.original[match.start() : match.end()]
        yield Hit(match.start(), match.end(), {"slot": original}, {"slot": original})


class LetterSlotParams(Params):
    not_placeholders: tuple[str, ...] = ()  # words whose letters are not slots (X光机), on top of the vocabulary


class BlankNumberParams(Params):
    # units that close a metric's blank value after 为/达/共 (参训人数为人, 发放数量达册)
    metric_units: tuple[str, ...] = ("人次", "户次", "万元", "亿元", "元", "人", "名", "户", "家", "个", "所", "项",
                                     "次", "件", "册", "份", "张", "台", "套", "辆", "座", "处", "条", "批",
                                     "场", "期", "篇", "例", "床", "吨", "千克", "公斤", "亩", "公顷", "平方米",
                                     "平方公里", "立方米", "公里", "千米", "米", "株", "棵", "头", "只", "盏", "小时")
    # characters that, right before a lone 个, make it a word (这个, 每个) rather than a blank
    determiners: str = "这那每各某几整半哪多数若上下单真两一二三四五六七八九十百千万零〇有是逐首前少个干么余来挨把了"
    # verbs after which a measure word needs a number: 达到个, 新增床位张, 投入资金万元
    count_verbs: tuple[str, ...] = ("达到", "达", "共有", "共计", "合计", "总计", "新增", "增设", "招聘", "配备", "建成",
                                    "救治", "发放", "购置", "打造", "惠及", "投入", "下拨", "筹集", "完成", "其中", "共",
                                    "现有", "拥有", "下辖", "辖")
    # verbs whose object ends in a measure word that needs a number: 流转土地亩, 培育经营主体家
    object_verbs: tuple[str, ...] = ("流转", "培育", "培训", "发展", "吸纳", "带动", "引进", "新建", "改造", "种植",
                                     "栽植", "造林", "治理", "创建", "认定", "评选", "扶持", "整治", "复垦", "开垦",
                                     "平整", "硬化", "入驻", "落户", "组建", "成立", "注册", "签约", "实施", "累计", "拆除")
    # measure words that rarely end a word, so a blank before them is a slot (not 人, 个, 户: 接班人, 脱贫户)
    object_measures: tuple[str, ...] = ("名", "家", "亩", "所", "座", "项", "人次", "户次", "平方米", "平方公里", "公里",
                                        "公顷", "吨")


SLOT = frozenset({"slot"})
CHECKS = (
    Check("letter_slot", letter_slots, LetterSlotParams, SLOT),
    Check("underscore", underscores, Params, SLOT),
    Check("blank_number", blank_numbers, BlankNumberParams, SLOT),
    Check("blank_year", blank_years, Params, SLOT),
    Check("blank_range", blank_ranges, Params, SLOT),
)
