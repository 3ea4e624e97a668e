"""The word lists several stages share, in one place.

These are compiled into the extraction and relation patterns when the
modules load, so they are part of the program rather than of the rule pack;
the lists a user extends (metrics, cue words, measure words, debris phrases …)
are the pack's `vocabulary` (rules/vocabulary.yaml). Chinese numeral
characters live with the numeral reader, auditor.cnnum.
"""

from __future__ import annotations

import re

# what a rate's name ends with: 接种率, 药占比, 报销比例, 所占比重; the bound
# rules also take ratios named …比 (报付比, 补偿比) as rates
RATE_WORDS = ("率", "占比", "比例", "比重")
RATE_ENDINGS = RATE_WORDS + ("报付比", "比")  # + RATE_NOUN_ENDINGS, below
# rates named by a noun, not by 率: the share of units that X (盈利面 = 盈利企业/企业数,
# 覆盖面, 达标面) and progress against a plan (完成进度 = 已完成/计划; not 序时进度,
# over the plan prorated by the time gone, nor 工程进度, physical progress);
# listed by their verb, since most words ending in 面 (路面, 水面) or 进度 are no rate
RATE_NOUN_VERBS = ("盈利", "亏损", "覆盖", "达标", "参与", "受益", "参保", "普及", "合格", "知晓", "开工", "复工", "投产", "入驻")
PROGRESS_VERBS = ("完成", "投资", "支付", "拨付", "执行")
RATE_NOUN_PATTERN = "(?:" + "|".join(RATE_NOUN_VERBS) + ")面|(?:" + "|".join(PROGRESS_VERBS) + ")进度"
RATE_NOUN_ENDINGS = tuple(v + "面" for v in RATE_NOUN_VERBS) + ("进度",)
# what a figure's metric may end with: a rate, or a change named as a rate
METRIC_TAILS = RATE_WORDS + ("报付比", "增幅", "降幅", "增速", "涨幅", "增长率", "下降率")
RATE_ENDINGS = RATE_ENDINGS + RATE_NOUN_ENDINGS

# rates over a base fixed by their definition, which a text seldom states: a whole inferred from
# the sentence before must be named by one of these words (失业率 is over the labour force, so a
# count of 农民工 or of 参保职工 before it is no base of it)
DEFINED_BASES = (
    ("失业率", ("劳动力", "从业", "就业", "经济活动", "劳动年龄")),
    ("城镇化率", ("人口",)),
)
# rates whose base is a whole named here plus the rate's own count: 城镇登记失业率 = 失业人员 /
# (从业人员 + 失业人员), so 从业人员2.8万人, 失业人员1100人 give 3.78%, not 1100/2.8万
SUM_BASES = (("失业率", ("从业", "就业")),)

# direction words; a longer word before its prefix where both are listed
UP_WORDS = ("增加", "提高", "上升", "增长", "扩大", "提升", "上涨", "延长", "攀升", "跃升", "上调", "回升", "反弹", "偏多", "增", "升")
DOWN_WORDS = ("下降", "减少", "降低", "缩减", "削减", "缩小", "回落", "下跌", "下滑", "下调", "降", "压缩", "压减", "压降", "精简", "缩短", "偏少", "减")
# as regular-expression alternatives: every direction word, and the two-character verbs alone
DIRECTION_ALTERNATIVES = "|".join(sorted(UP_WORDS + DOWN_WORDS, key=len, reverse=True))
DIRECTION_VERB_ALTERNATIVES = "|".join(w for w in UP_WORDS + DOWN_WORDS if len(w) == 2)

# qualifiers that turn a written value into a bound or an approximation
LOWER_BOUND_WORDS = ("以上", "超过", "不低于", "不少于", "逾", "高于", "大于", "突破")
UPPER_BOUND_WORDS = ("以下", "不足", "不到", "低于", "小于", "不超过", "以内")
# the words two mentions of one subject may differ by (登记在册的养老机构, 登记养老机构;
# 中心城区建成区, 城区建成区), each with the one it is keyed as: longest first
SUBJECT_VARIANTS = (("年末", ""), ("年底", ""), ("登记在册", "登记"), ("在册登记", "登记"), ("注册登记", "登记"), ("在册", "登记"), ("中心城区", "城区"),
                    ("主城区", "城区"), ("户籍总人口", "户籍人口"), ("常住总人口", "常住人口"), ("城乡低保", "低保"), ("的", ""))
# 2024年 / 2024 年: the digits of a year, its group 1
YEAR_NUMBER_RE = re.compile(r"((?:19|20)\d{2})\s*年")

APPROXIMATE_WORDS = ("约", "近", "左右", "余", "多", "接近")
PRE_QUALIFIERS = ("不低于", "不少于", "不超过", "超过", "不足", "不到", "接近", "近", "约", "逾", "高于", "低于", "大于", "小于", "突破")
