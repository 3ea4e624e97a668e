"""Typing slips in figures and years: a decimal point typed as 。 or 、 (1236。5万元),
a letter for a digit (2305O亩) or zeros glued after a percent sign (6.2%00),
and a 工作总结 whose body does not fit the year in its title."""

from __future__ import annotations

import re
from itertools import groupby
from collections.abc import Iterator

from auditor.checks.base import Check, Params
from auditor.model import Analysis, Hit
from auditor.recache import compile_scanning
from auditor.rulepack import Rule

# a unit that takes decimals, after the part
_DECIMAL_UNIT = (r"(?P<unit>\s*(?:%|‰|/10万|/万|/千|个百分点|[万亿](?:元|亩|人次|人|吨|户|平方米|公顷|千瓦时|千瓦|公里|立方米)?"
                 r"|元|平方米|平方公里|立方米|公顷|公里|千米|米|吨|千克|公斤|亩|倍|千瓦时|千瓦))?")
# 1236。5万元, 98、36%: digits on both sides of the mark and a unit that takes decimals after
_POINT_RE = compile_scanning(r"(?<![\d.、·・])(?P<whole>\d{1,9})(?P<mark>[。、·・])(?P<part>\d{1,3})(?![\d.、·・])" + _DECIMAL_UNIT)
# 12,6亿元, 98,36%: an ASCII comma with one or two digits after it and a unit is no thousands
# separator (those group three digits)
_COMMA_POINT_RE = compile_scanning(r"(?<![\d.,])(?P<whole>\d{1,9})(?P<mark>,)(?P<part>\d{1,2})(?![\d.,])" + _DECIMAL_UNIT)
# without a unit, only a part that no sentence could start with: 20。0 和, P<0。001)
_BARE_PART_RE = re.compile(r"0\d*$")
_AFTER_BARE_PART = re.compile(r"[\s\u4e00-\u9fff,;)]")


def decimal_marks(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A figure whose decimal point was typed as 。 or 、: 1236。5万元, 98、36%."""
    norm, original = analysis.text.norm, analysis.text.original
    for match in _POINT_RE.finditer(norm):
        start, end = match.start(), match.end("part")
        if match.group("unit") is None:
            if match.group("mark") in "·・":
                continue  # 7·21暴雨, 9·11: a date's name; 1·8% with its unit is a figure
            if match.group("mark") == "、":
                if not _bare_rate_value(norm, analysis, match):
                    continue
            elif not (_BARE_PART_RE.match(match.group("part")) and _AFTER_BARE_PART.match(norm[end : end + 1])
                      or _per_head_count(norm, analysis, match)):
                continue
        elif match.group("mark") == "、" and not _comma_is_point(norm, analysis, match):
            continue
        unit = _COUNT_UNIT_RE.match(norm, end) if match.group("unit") is None else None
        written = original[start : unit.end() if unit else match.end()].strip()
        yield Hit(start, end, {"figure": written, "mark": match.group("mark")},
                  {"mark": match.group("mark"), "reading": f"{match.group('whole')}.{match.group('part')}"})
    if "," in original:
        yield from _comma_points(analysis)


def _comma_points(analysis: Analysis) -> Iterator[Hit]:
    """12,6亿元 with an ASCII comma (a full-width ， is a clause's): the comma typed for a point,
    unless a list or a range reads the two values (分别为3,5%, 10,11万元)."""
    norm, original = analysis.text.norm, analysis.text.original
    for match in _COMMA_POINT_RE.finditer(norm):
        if match.group("unit") is None or original[match.start("mark")] != "," or not _comma_is_point(norm, analysis, match):
            continue
        start, end = match.start(), match.end("part")
        yield Hit(start, end, {"figure": original[start : match.end()].strip(), "mark": ","},
                  {"mark": ",", "reading": f"{match.group('whole')}.{match.group('part')}"})


def _comma_is_point(norm: str, analysis: Analysis, match: re.Match) -> bool:
    """98、36% is a figure, but 3、5% may be two values sharing a unit (分别增长3、5%) and
    3、4万元 a range: only a pair that no list or range reading explains."""
    whole, part = int(match.group("whole")), match.group("part")
    one_rate = _ONE_RATE_RE.search(norm, max(0, match.start() - 8), match.start())
    if whole < 10 and not (len(part) == 2 and (one_rate or _one_amount(norm, match))
                           or len(part) == 1 and one_rate and _ONE_RATE_NOUN_RE.search(one_rate.group(0))):
        return False  # 3、5%: two small values sharing a unit as easily as 3.5%; 节约率4、25% is one rate
    if abs(whole - int(part)) <= 1:
        return False  # 10、11万元: a range, 'ten or eleven'
    return not _two_values_read(norm, analysis, match)


def _two_values_read(norm: str, analysis: Analysis, match: re.Match) -> bool:
    """Whether the clause before the mark makes two values a reading: 分别, a list just before,
    two subjects (城镇和农村收入增速为12、8%) or a count of two (分两批)."""
    clause_start, _ = analysis.text.clause_span(match.start())
    head = norm[clause_start : match.start()]
    return ("分别" in head or "、" in head[-12:] or head.rstrip().endswith(("和", "及", "或"))
            or any(word in head for word in _TWO_SUBJECTS) or _TWO_OF_RE.search(head) is not None)


# 每千人口拥有医师3。12人, 每千平方公里2。6处: a count with decimals makes sense only per head,
# per area or on average
_COUNT_UNIT_RE = re.compile(r"\s*(?:人|名|个|张|所|家|户|床|辆|台|套|处|座|站|册|件)")
_PER_HEAD_RE = re.compile(r"每[千万百十]?(?:[人户]|平方公里|平方千米|公顷|亩|公里|千米|床|辆)|[人户亩]均|平均")


def _per_head_count(norm: str, analysis: Analysis, match: re.Match) -> bool:
    """医师3。12人 where the clause says 每千人口: the 。 is a decimal point, since no sentence
    ends on a bare digit after such a head and a count has no second sentence there."""
    if len(match.group("part")) > 2 or not _COUNT_UNIT_RE.match(norm, match.end("part")):
        return False
    clause_start, _ = analysis.text.clause_span(match.start())
    head = norm[clause_start : match.start()]
    return bool(_PER_HEAD_RE.search(head)) and not head.rstrip().endswith(("第", "表", "图", "号", "附件"))


def _bare_rate_value(norm: str, analysis: Analysis, match: re.Match) -> bool:
    """投诉率为0、83: a rate stated with no unit (per 万车次, a ratio) right after 率为, its part
    two or three digits: one value, since a rate named alone takes one. 0、1 or 1、2 may be two
    grades of a scale, so a one-digit part stays a list."""
    if len(match.group("part")) < 2 or not _ONE_RATE_RE.search(norm, max(0, match.start() - 8), match.start()):
        return False
    return not _two_values_read(norm, analysis, match)


def _one_amount(norm: str, match: re.Match) -> bool:
    """税收收入完成3、58亿元, 同比增长4、35%: a verb that states one amount of money or one
    rate right before a single digit and two after the mark; 分别为2、5个 and 共2、46家
    stay two values (the unit, the word before or the clause tells the rest)."""
    unit = (match.group("unit") or "").strip()
    if not (unit.endswith("元") and unit[:1] in "万亿" or unit in ("%", "‰")):
        return False
    return bool(_ONE_AMOUNT_VERB_RE.search(norm, max(0, match.start() - 6), match.start()))


# the verb or noun right before a single amount: 收入完成, 增长, 总额达到
_ONE_AMOUNT_VERB_RE = re.compile(r"(?:完成|实现|达到|达|收入|支出|总额|总量|规模|投资|投入|产值|增加值|增长|下降|提高|降低|增加|减少|回落|上升|增幅|降幅|增速"
                                 r"|资金|经费|款项|金额|余额|补助|补贴)(?:了|为)?\s*$")
_TWO_SUBJECTS = ("和", "与", "及", "二者", "两者")
_ONE_RATE_RE = re.compile(r"(?:(?:率|比例|比重|占比)(?:为|达|是|达到)?|(?<![对相同环])比为)\s*$")
# 比例为4、2%: a noun that names one share; a bare 率 after a list of subjects may still take two
_ONE_RATE_NOUN_RE = re.compile(r"比例|比重|占比")
# 分两批下拨30、5万元, 两个乡镇: a count of two before the figure makes two values a reading
_TWO_OF_RE = re.compile(r"[两二][个项类批期轮次年地镇县村所家户校院场处]")


# --- letters for digits, stray zeros after a percent sign -------------------------------------

# 2305O亩, 1l2户, 1O.5万元: a run of digits holding O, o or l, with no letter or digit of a code
# around it (G0312, CO2, O2O, 5G, v1.0l, a%20b stay out)
_LETTER_IN_DIGITS_RE = compile_scanning(r"(?<![A-Za-z0-9._\-/#:=&%+@])\d[\d.]*[Ool][\d.Ool]*(?![A-Za-z0-9])")
# 6.2%00: zeros glued after a percent sign with nothing after them a code or a figure would carry
# 2 O86个: a thousands group (after a space or thin space) holding a letter
_LETTER_IN_GROUPS_RE = compile_scanning(
    r"(?<![A-Za-z0-9._\-/#:=&%+@])\d{1,3}(?:[ \u2009\u202f\u00a0][\dOol]{3})+(?![A-Za-z0-9])")
_GROUP_BEFORE_RE = re.compile(r"\d[ \u2009\u202f\u00a0]$")
# l2个, l5人: a lower-case l for the first digit, after a word and before a measure word (O3浓度,
# O2O, PM2.5 stay out: a letter, a code or a chemical's formula before no measure word)
_LEADING_LETTER_RE = compile_scanning(
    r"(?<=[\u4e00-\u9fff])(?P<figure>l\d{1,4})(?=(?:个|人次|人|户|家|所|项|件|名|座|条|处|台|辆|亩|吨|公里|万元|亿元|元|万|亿|%)(?![A-Za-z]))")
_PERCENT_ZEROS_RE = compile_scanning(r"%(?<=\d%)(?P<zeros>00+)(?![\dA-Za-z.%])")
_FIGURE_BEFORE_RE = re.compile(r"(?<![A-Za-z0-9._\-/#:=&%+@])\d+(?:\.\d+)?$")
_AFTER_FIGURE_RE = re.compile(r"$|[\s\u4e00-\u9fff%‰,。;:、)”]")


def number_typos(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A letter typed for a digit inside a figure (2305O亩: O for 0, 1l2户: l for 1), and
    zeros glued after a percent sign (6.2%00)."""
    norm, original = analysis.text.norm, analysis.text.original
    for match in _LETTER_IN_DIGITS_RE.finditer(norm):
        token = match.group(0).rstrip(".")
        if _GROUP_BEFORE_RE.search(norm, max(0, match.start() - 2), match.start()):
            continue  # 1 2O6: a group of a larger figure, read with its groups below
        reading = _letters_as_digits(token)
        if reading is None or not _AFTER_FIGURE_RE.match(norm, match.start() + len(token)):
            continue
        end = match.start() + len(token)
        mark = "".join(sorted({c for c in token if c in "Ool"}))
        yield Hit(match.start(), end, {"figure": original[match.start():end], "mark": mark, "reading": reading},
                  {"kind": "letter", "mark": mark, "reading": reading})
    for match in _LEADING_LETTER_RE.finditer(norm):
        # 建成服务站l2个: an l or O typed for the first digit, a count's measure word right after
        token = match.group("figure")
        reading = ("1" if token[0] == "l" else "0") + token[1:]
        end = match.start() + len(token)
        yield Hit(match.start(), end, {"figure": original[match.start():end], "mark": token[0], "reading": reading},
                  {"kind": "letter", "mark": token[0], "reading": reading})
    for match in _LETTER_IN_GROUPS_RE.finditer(norm):
        token = match.group(0)
        groups = token.split()
        if not any(set(group) & set("Ool") for group in groups[1:]) or not all(any(c.isdigit() for c in group) for group in groups):
            continue
        reading = _letters_as_digits("".join(groups))
        if reading is None or not _AFTER_FIGURE_RE.match(norm, match.end()):
            continue
        mark = "".join(sorted({c for c in token if c in "Ool"}))
        shown = token.replace("O", "0").replace("o", "0").replace("l", "1")
        yield Hit(match.start(), match.end(), {"figure": original[match.start():match.end()], "mark": mark, "reading": shown},
                  {"kind": "letter", "mark": mark, "reading": shown})
    for match in _PERCENT_ZEROS_RE.finditer(norm):
        figure = _FIGURE_BEFORE_RE.search(norm, max(0, match.start() - 20), match.start())
        if figure is None or not _AFTER_FIGURE_RE.match(norm, match.end()):
            continue
        start, end = figure.start(), match.end()
        reading = norm[start : match.start() + 1]
        # %00 may stand for ‱ where a writer had no such sign: a warning, not a certainty
        yield Hit(start, end, {"figure": original[start:end], "mark": match.group("zeros"), "reading": reading},
                  {"kind": "percent_zeros", "mark": match.group("zeros"), "reading": reading}, severity="warning")


def _letters_as_digits(token: str) -> str | None:
    """2305O → 23050, 1l2 → 112, 2704.l → 2704.1; None when the letters need not be digits: l
    or o at an end (2l: litres, 25o: degrees), a lone O after a single digit, or one digit in
    all. Right after a decimal point a letter stands where only a digit can."""
    digits = sum(c.isdigit() for c in token)
    if digits < 2:
        return None
    for index, char in enumerate(token):
        if char not in "Ool":
            continue
        following = token[index + 1 : index + 3]
        inside = following[:1].isdigit() or following[:1] in "Ool" and following[:1] != "" \
            or following[:1] == "." and following[1:2].isdigit() \
            or token[index - 2 : index - 1].isdigit() and token[index - 1 : index] == "."  # 2704.l: a decimal digit
        if char in "ol" and not inside:
            return None
        if char == "O" and not inside and sum(c.isdigit() for c in token[:index]) < 2:
            return None
    return token.replace("O", "0").replace("o", "0").replace("l", "1")


# --- the year in the title -------------------------------------------------------------------

_TITLE_YEAR_RE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年(?:度)?")
_FUTURE_RE = re.compile(
    r"(?:(?:将|计划|力争|争取|预计|拟|确保|要在|努力|打算)[^,。;\n]{0,6}(?P<y1>(?:19|20)\d{2})\s*年"
    r"|(?P<y2>(?:19|20)\d{2})\s*年(?:底|内|前|末)?(?:前)?[,]?(?:我们|我局|我院|我镇|我县|全县|全镇|全院)?(?:将|计划|力争|拟|要))"
)
_PAST_RE = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?份?)?"
    r"(?:全年|,|上半年|下半年|以来|共|累计|全县|全镇|全院|我局|我院|我镇|我县)?"
    r"[^,。;\n]{0,12}?(?:完成|实现|达到|建成|累计|共有|共计|新增|开展了|投入|新建了?|召开了|举办了|出台了|印发了|荣获|获评|竣工|投入使用)"
)
# 县卫健局⏎2022年12月28日: the date a report is signed, alone on one of its last lines
_SIGNED_DATE_RE = re.compile(r"^[ \t]*(?P<year>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[ \t]*$", re.M)
_SIGNED_REACH = 3  # the last lines a signature date may stand on
_FUTURE_WORDS = ("截至", "截止", "到", "至", "远景", "目标", "规划", "力争", "预计", "将", "计划", "展望", "争取", "拟", "之前", "前")


# 今天发表2006年施政报告: the document named as the one being delivered, with its year
_DELIVERED_RE = re.compile(
    r"(?:发表|(?<![工写创合协操制动振])作|做|宣读|提交|呈交|提请审议)[ \t]*(?:这份|这个|本|此)?[ \t]*(?P<year>(?:19|20)\d{2})[ \t]*年度?"
    r"(?P<kind>施政报告|政府工作报告|工作报告|工作总结|述职报告|年度报告)"
)
# 预计2022年 / 将于2022年 in a summary of 2023: a year already past spoken of as to come
_STALE_FUTURE_RE = re.compile(r"(?:预计|将于|将在|拟于|计划于|预计于|有望于|有望在)[ \t]*(?P<year>(?:19|20)\d{2})[ \t]*年")
# what makes either a reading of the past: 去年发表的, 原预计, 曾计划于, 发表2025年施政报告时
_PAST_BEFORE = ("原", "曾", "当时", "此前", "以往", "去年", "上年", "前年", "往年", "历年", "本来", "按照", "根据", "上一")
_PAST_AFTER = ("时", "以来", "后", "之后", "中", "的时候", "之时", "里")


def report_year(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """A 工作总结 titled for one year whose body speaks of that year as still to come,
    or reports as done what happened in later years, or as to come a year already past;
    a report whose body delivers itself under another year (2026年施政报告 … 今天发表
    2006年施政报告)."""
    norm = analysis.text.norm
    title_start, title_end = _title_span(norm)
    title = norm[title_start:title_end]
    year_match = _TITLE_YEAR_RE.search(title)
    if not year_match:
        return
    delivered = _delivered_under_another_year(norm, title, int(year_match.group("year")), title_end)
    if delivered is not None:
        yield delivered
        return
    if not any(word in title for word in rule.options.summary_words):
        return
    year = int(year_match.group("year"))
    own_base = _own_year_as_base(norm, title, year, title_end)
    if own_base is not None:
        yield own_base
        return
    if any(word in title for word in rule.options.part_year_words):
        return  # a half-year or quarterly summary may well speak of the rest of its year
    body = title_end
    for match in _FUTURE_RE.finditer(norm, body):
        mentioned = int(match.group("y1") or match.group("y2"))
        if match.group("y1") and norm.startswith("将", match.start()) and _HANDED_OVER_RE.match(norm, match.end()):
            continue  # (现)将2023年工作情况报告如下, 我将2023年主要工作作简要汇报: the report hands itself over
        if mentioned == year:
            yield Hit(match.start(), match.end(), {"year": year, "title": title.strip()},
                      {"year": year, "kind": "future"})
            return
    for match in _PAST_RE.finditer(norm, body):
        mentioned = int(match.group("year"))
        before = norm[max(body, match.start() - 4) : match.start()]
        if _early_next_year(match, mentioned, year):
            continue  # 2024年1月,… in a summary of 2023: written at the turn of the year
        if mentioned >= year + rule.options.years_after and not any(w in before for w in _FUTURE_WORDS) \
                and not any(w in match.group(0) for w in _LOOKING_FORWARD) \
                and not _said_as_to_come(norm, match.start(), body):  # (2026年,出院人数力争达到…: a target)
            yield Hit(match.start(), match.start() + len(match.group("year")) + 1, {"year": year, "title": title.strip()},
                      {"year": year, "later": mentioned, "kind": "later"})
            return
    for match in _STALE_FUTURE_RE.finditer(norm, body):
        mentioned = int(match.group("year"))
        if mentioned < year and not _read_as_past(norm, match, body):
            yield Hit(match.start(), match.end(), {"year": year, "title": title.strip()},
                      {"year": year, "earlier": mentioned, "kind": "past_as_future"})
            return
    signed = _signed_date(norm, body)
    if signed is not None and int(signed.group("year")) < year:
        yield Hit(signed.start("year"), signed.end(), {"year": year, "title": title.strip()},
                  {"year": year, "signed": int(signed.group("year")), "kind": "signed_before"})


_MONTH_RE = re.compile(r"\s*年(?P<month>\d{1,2})\s*月")
# …工作情况报告如下 / …工作总结如下 / …向大家作简要汇报: the rest of the clause after 将 and the year hands the
# report over (将 is 把, "take", not "will")
_HANDED_OVER_RE = re.compile(r"[^,。;:\n]{0,30}?(?:(?:汇报|报告|总结|通报|述职)(?:如下|于后)|作[^,。;:\n]{0,10}?(?:汇报|报告|总结))")


# 下一步,我们将…,确保2024年各项目标任务全面完成: a sentence that looks forward reports nothing done
_LOOKING_FORWARD = ("将", "确保", "力争", "争取", "下一步", "明年", "今后", "计划", "预计", "拟", "努力", "目标", "打算", "展望", "推动")
_SENTENCE_END_RE = re.compile(r"[。!?;\n]")
# 三、2024年工作打算: a heading of the plan that closes a summary
_PLAN_HEADING_RE = re.compile(r"^[ \t]*(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十]+[))]|\d+[.、．]).{0,20}?"
                              r"(?:打算|计划|思路|安排|下一步|明年|今后|展望|重点工作|工作目标)", re.M)


def _said_as_to_come(norm: str, position: int, body: int) -> bool:
    """Whether the sentence around a year looks forward, or stands under a heading of plans."""
    sentence_start = body
    for match in _SENTENCE_END_RE.finditer(norm, max(body, position - 80), position):
        sentence_start = match.end()
    if any(word in norm[sentence_start:position] for word in _LOOKING_FORWARD):
        return True
    headings = list(_PLAN_HEADING_RE.finditer(norm, body, position))
    if not headings:
        return False
    # the plan heading is in force unless a heading of another kind stands after it
    last_plan = headings[-1].end()
    return _OTHER_HEADING_RE.search(norm, last_plan, position) is None


_OTHER_HEADING_RE = re.compile(r"^[ \t]*[一二三四五六七八九十]+、", re.M)


def _early_next_year(match: re.Match, mentioned: int, year: int) -> bool:
    month = _MONTH_RE.match(match.string, match.end("year"))
    return mentioned == year + 1 and month is not None and int(month.group("month")) <= 2


def _signed_date(norm: str, body: int) -> re.Match | None:
    """The date alone on one of the report's last non-empty lines, where it is signed."""
    end = len(norm.rstrip())
    for _ in range(_SIGNED_REACH):
        start = norm.rfind("\n", body, end) + 1
        if start <= body:
            return None
        match = _SIGNED_DATE_RE.match(norm, start, end)
        if match is not None:
            return match
        end = len(norm[:start].rstrip())
    return None


def _read_as_past(norm: str, match: re.Match, body: int) -> bool:
    """去年预计…, 原计划于…, 发表…报告时: the words around place the phrase in the past."""
    clause_start = max(body, match.start() - 12)
    for mark in ",。;:\n":
        clause_start = max(clause_start, norm.rfind(mark, clause_start, match.start()) + 1)
    before = norm[clause_start : match.start()]
    return any(word in before for word in _PAST_BEFORE) or norm.startswith(_PAST_AFTER, match.end())


# 比2020年同期增长13%: the period a change is measured from, by its year
_SAME_PERIOD_RE = re.compile(
    r"(?:比|较|与|同|和|对比|相比)[ \t]*(?P<year>(?:19|20)\d{2})[ \t]*年(?:度)?"
    r"(?:上半年|下半年|全年|前?[一二三四]季度|前三季度|\d{1,2}[-—至~]\d{1,2}月(?:份)?|\d{1,2}月(?:份)?)?同期")
_PLAN_WORDS = ("计划", "要点", "打算", "安排", "规划", "目标", "思路")
_PLAN_BEFORE = ("力争", "预计", "计划", "目标", "争取", "确保", "预期", "将")


def _own_year_as_base(norm: str, title: str, year: int, body: int) -> Hit | None:
    """A summary of one year (or part of it) that measures a change from the same period of
    that year (2020年上半年工作总结 … 比2020年同期分别增长13%): its comparison year is its own;
    the text came from another year and kept the one year or the other."""
    if len(_TITLE_YEAR_RE.findall(title)) != 1 or any(word in title for word in _PLAN_WORDS):
        return None
    for match in _SAME_PERIOD_RE.finditer(norm, body):
        if int(match.group("year")) != year:
            continue
        clause_start = max(body, match.start() - 16)
        for mark in ",。;:\n":
            clause_start = max(clause_start, norm.rfind(mark, clause_start, match.start()) + 1)
        if any(word in norm[clause_start : match.start()] for word in _PLAN_BEFORE):
            continue  # 力争比2020年同期增长: a target set within the year, no result
        return Hit(match.start("year"), match.end(), {"year": year, "title": title.strip()},
                   {"year": year, "kind": "own_year_base"})
    return None


def _delivered_under_another_year(norm: str, title: str, year: int, body: int) -> Hit | None:
    """The body delivers the document its title names (施政报告, 政府工作报告, 工作总结 …)
    under a year other than the title's: 2026年施政报告 … 今天发表2006年施政报告."""
    for match in _DELIVERED_RE.finditer(norm, body):
        mentioned = int(match.group("year"))
        if mentioned == year or match.group("kind") not in title or _read_as_past(norm, match, body):
            continue
        if norm[match.start() : match.start() + 2] in ("发表", "提交", "呈交") and norm[match.start() + 2 : match.start() + 3] == "了":
            continue
        return Hit(match.start(), match.end(), {"year": year, "title": title.strip()},
                   {"year": year, "delivered": mentioned, "kind": "delivered"})
    return None


def _title_span(norm: str) -> tuple[int, int]:
    """The first non-empty line, where a report names itself; none when that line is
    a sentence (a news lead that names a report is no title)."""
    position = 0
    skipped = 0
    for line in norm.split("\n", 20):
        if line.strip():
            if skipped < _CRUMBS_MAX and len(_CRUMB_RE.findall(line)) >= 2 and not any(mark in line for mark in "。,;"):
                skipped += 1  # 某某网 > 总结报告 > 半年工作总结 > …: a page's breadcrumb over the title
                position += len(line) + 1
                continue
            if len(line.strip()) > _TITLE_MAX or any(mark in line for mark in "。,;"):
                return 0, 0
            return position, position + len(line)
        position += len(line) + 1
    return 0, 0


_CRUMB_RE = re.compile(r"[>›»]")
_CRUMBS_MAX = 2


_TITLE_MAX = 60


class DecimalMarkParams(Params):
    pass


class ReportYearParams(Params):
    # titles of a look back: 工作总结, 经营工作的总结, 工作开展情况的汇报, 述职报告, 交出亮眼答卷
    summary_words: tuple[str, ...] = ("总结", "小结", "述职", "汇报", "答卷", "回顾")
    part_year_words: tuple[str, ...] = ("上半年", "半年", "季度", "月份", "月工作", "计划", "要点", "打算", "安排")
    years_after: int = 1  # a done deed this many years after the title's year makes the title suspect


# --- changes stated without their unit ------------------------------------------------------

# 同比分别增长33和16。: two changes or more after a change verb, no unit after any of them and the
# clause ends (分别增长3和5个百分点, 增长2和3倍, 下降1.5、2.0个百分点 carry theirs)
_BARE_CHANGES_RE = compile_scanning(
    r"(?:增长|下降|增加|减少|提高|降低|上升)(?P<figure>\d+(?:\.\d+)?(?:、\d+(?:\.\d+)?)*(?:和|及|、)\d+(?:\.\d+)?)(?=[,。;(!?]|$)",
    re.MULTILINE)


# 比去年同期增长42。/ 占全区工业总产值的59.5,/ 增长90以上: one rate with no unit where a % belongs, told
# as a % stripped only in a text that has no % anywhere (a page that dropped every %) and two of them or more
_STRIPPED_RATE_RE = compile_scanning(
    r"(?:(?:增长|下降|提高|降低|上升|回落|增幅|降幅|增速)(?:了|为|达|达到)?"
    r"|占[^,。;:!?\n%]{1,20}?的|(?:比重|占比)(?:为|达|达到)?)"
    r"(?P<figure>(?<![\d.])\d{1,3}(?:\.\d{1,2})?)(?=(?:以上|左右|多)?(?:[,。;、)!?]|$))",
    re.MULTILINE)
_STRIPPED_RATES_MIN = 2
_STRIPPED_SHOWN = 4  # values named in a paragraph's finding
# 发病下降的病种:流腮(100)、风疹(100%): a bracketed value with no % among siblings that all carry one
_BRACKET_VALUE_RE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]?\((?P<figure>\d{1,4}(?:\.\d{1,2})?)(?P<percent>%?)\)(?=[、,;。]|$)", re.M)
_BRACKET_SIBLINGS_MIN = 3  # bracketed values with % in the paragraph
_BRACKET_BARE_SHARE = 3  # at most one bare value for this many with %


def bare_changes(analysis: Analysis, rule: Rule) -> Iterator[Hit]:
    """Two changes or more stated without a unit (黄金周增长17和11): a % or a count's unit left out;
    single rates with no unit in a text that has no % at all; a bracketed value with no % among
    bracketed siblings that carry one."""
    original, norm = analysis.text.original, analysis.text.norm
    told: set[int] = set()
    for match in _BARE_CHANGES_RE.finditer(norm):
        start, end = match.span("figure")
        told.add(start)
        yield Hit(start, end, {"figure": original[start:end]}, {"figure": match.group("figure")})
    if "%" not in norm and "‰" not in norm and "百分之" not in norm:
        spots = [m for m in _STRIPPED_RATE_RE.finditer(norm) if m.start("figure") not in told]
        if len(spots) >= _STRIPPED_RATES_MIN:
            # one finding a paragraph, naming its values: one slip (the page dropped every %), many places
            for _, group in groupby(spots, key=lambda m: analysis.text.line_span(m.start())):
                group = list(group)
                start, end = group[0].start("figure"), group[-1].end("figure")
                values = [original[m.start("figure") : m.end("figure")] for m in group]
                shown = "、".join(values[:_STRIPPED_SHOWN]) + ("…" if len(values) > _STRIPPED_SHOWN else "")
                yield Hit(start, end, {"figure": shown}, {"figure": "、".join(m.group("figure") for m in group)},
                          severity="warning")
    elif "(" in norm:
        yield from _bare_bracket_values(analysis)


def _bare_bracket_values(analysis: Analysis) -> Iterator[Hit]:
    """…下降的病种:流腮(100)、风疹(100%)、水痘(50%): a bracketed value of a paragraph's lists of
    names that alone has no %, when most of the paragraph's bracketed values carry one."""
    original, norm = analysis.text.original, analysis.text.norm
    for _, group in groupby(_BRACKET_VALUE_RE.finditer(norm), key=lambda m: analysis.text.line_span(m.start())):
        group = list(group)
        with_percent = sum(1 for m in group if m.group("percent"))
        bare = [m for m in group if not m.group("percent") and not re.fullmatch(r"(?:19|20)\d\d", m.group("figure"))]
        if with_percent < _BRACKET_SIBLINGS_MIN or not bare or len(bare) * _BRACKET_BARE_SHARE > with_percent:
            continue
        for match in bare:
            start, end = match.span("figure")
            yield Hit(start, end, {"figure": original[start:end]}, {"figure": match.group("figure")})


CHECKS = (
    Check("decimal_mark", decimal_marks, DecimalMarkParams, frozenset({"figure", "mark"})),
    Check("number_typo", number_typos, Params, frozenset({"figure", "mark", "reading"})),
    Check("bare_change", bare_changes, Params, frozenset({"figure"})),
    Check("report_year", report_year, ReportYearParams, frozenset({"year", "title"}), whole_text=True),
)
