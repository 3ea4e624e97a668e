"""Relations read from prose in many phrasings: explain before accusing.

Every sentence here is written for these tests; each defect has a trap beside
it that must stay silent.
"""

from __future__ import annotations

import pytest

from conftest import audit, hits


def findings(text: str, *rules: str) -> list[tuple[str, str, str]]:
    return [(f.rule, text[f.start : f.end], f.severity) for f in audit(text) if not rules or f.rule in rules]


RELATION_RULES = ("RT001", "SM001", "SM002", "CH001", "DR001", "CF001")


@pytest.mark.parametrize(
    "text, span",
    [
        ("全乡应入园幼儿1480人,实际入园1436人,入园率为98.03%。", "98.03%"),  # 97.03
        ("今年应发放救助金对象612户,已发放598户,发放率99.1%。", "99.1%"),  # 97.71
        ("在管高血压患者2750人,其中血压控制达标1902人,控制达标率为70.16%。", "70.16%"),  # 69.16
        ("應免疫接種兒童2318人,實際接種2276人,接種率為99.19%。", "99.19%"),  # 98.19
        ("年初下达改厕任务860户,截至年底累计完成801户,完成率94.14%。", "94.14%"),  # 93.14
        ("全镇应复核低保家庭 1 306 户,实际复核 1 271 户,复核率 98.32%。", "98.32%"),  # 97.32
        ("抽检药品样本236批,合格229批,合格率不低于98%。", "98%"),  # 97.03
        ("全縣十五個鄉鎮中已有十一個完成驗收,驗收率達80%。", "80%"),  # 73.33
        ("应登记户数1.52万户,已登记1.47万户,登记率达99.2%。", "99.2%"),  # 96.05–97.66
    ],
)
def test_a_rate_its_numbers_do_not_give_is_an_error(text, span):
    assert findings(text, *RELATION_RULES) == [("RT001", span, "error")]


@pytest.mark.parametrize(
    "text",
    [
        "常住人口24.8万人,参加医保23.70万人,参保率95.38%。",  # 23.695–23.705 over 24.75–24.85
        "全年分娩产妇1530人,活产1538人,产后访视1496人,产后访视率97.27%。",  # over 活产数
        "应检测8000人,实际检测7702人,检测率96.28%。",  # 96.275 rounds up
        "应检测8000人,实际检测7702人,检测率96.27%。",  # truncated
        "應入學兒童906人,實際入學906人,入學率100%。",
        "全年计划新建户厕1600户,其中首批下达500户,已完成470户,完成率94%。",  # 470/500, this batch
        "全县有适龄妇女4820人,应检查2500人,实际检查2410人,检查率96.4%。",
        "完成宫颈癌筛查4102人、乳腺癌筛查3122人,筛查率分别为91.05%、90.87%。",
        "对城区12个中转站、15座公厕、6个市场开展消杀,消杀覆盖率达100%。",  # 中 of 中转站 is no "among"
        "报告传染病9种612例,其中乙类583例。累计报告肺结核402例,成功治疗率92.5%。",  # another population
    ],
)
def test_a_rate_some_reading_explains_stays_silent(text):
    assert findings(text, *RELATION_RULES) == []


def test_the_rate_before_its_numbers():
    # 户籍 makes the whole explicit: an error; a population named without a cue word only a warning
    assert findings("参合率达97.6%,全镇户籍农业人口23150人,参合22360人。", "RT001") == [("RT001", "97.6%", "error")]
    assert findings("参合率达97.6%,全镇农业人口23150人,参合22360人。", "RT001") == [("RT001", "97.6%", "warning")]
    assert findings("参合率达96.6%,全镇户籍农业人口23150人,参合22360人。", "RT001") == []


def test_a_denominator_one_sentence_earlier_is_only_a_warning():
    text = "辖区登记适龄儿童5310人。已完成口腔检查5102人,检查率为97.08%。"
    assert findings(text, "RT001") == [("RT001", "97.08%", "warning")]  # 96.08
    assert findings(text.replace("97.08", "96.08"), "RT001") == []


def test_a_target_written_in_ten_thousands_is_exact():
    text = "年度计划完成筛查3万人,在8个社区推进。截至目前已筛查28650人,完成率96.5%。"
    assert findings(text, "RT001") == [("RT001", "96.5%", "error")]  # 95.5


@pytest.mark.parametrize(
    "text, span",
    [
        ("全区共有注册护士3412人,其中本科以上学历1206人,占38.4%。", "38.4%"),  # 35.35
        ("共受理信訪事項1480件,其中涉及征地拆遷的386件,佔總數的28.1%。", "28.1%"),  # 26.08
        ("全年接待游客126.4万人次,其中入境游客8.3万人次,占比为7.9%。", "7.9%"),  # 6.53–6.60
        ("全市农作物播种面积 86420 公顷,其中受灾面积 21035 公顷,占播种面积的 26.3%。", "26.3%"),  # 24.34
    ],
)
def test_a_share_of_its_total(text, span):
    assert findings(text, *RELATION_RULES, "SH001") == [("SH001", span, "error")]


@pytest.mark.parametrize(
    "text",
    [
        "共排查风险点612处,其中重大风险点34处,占总数的5.56%。",
        "全县常住人口41.8万人,其中城镇人口20.3万人,占常住人口的比重为48.6%。",
        "全區共有托育機構64家,其中普惠性41家,佔64.1%。",
        "营业里程达到8.6万公里,其中高速公路超过1.2万公里,占全国12%以上。",  # 占 names another whole
        "投资总额3260亿元,比上年增加820亿元,其中,民生工程投资占41%。",  # no part stated
        "决算支出占预算数的97.85%,比预算数46,210,000元少支993,000元。",  # not its part and whole
    ],
)
def test_shares_that_hold_or_name_another_whole_stay_silent(text):
    assert findings(text, *RELATION_RULES, "SH001") == []


def test_figures_with_spaces_are_read_and_quoted_from_the_original():
    text = "全县应接种 41 286 剂次,实际接种 40 107 剂次,接种率 98.14%。"
    found = audit(text)
    assert [(f.rule, text[f.start : f.end]) for f in found] == [("RT001", "98.14%")]  # 97.14
    assert "40107/41286" in found[0].message.replace(" ", "")


def test_full_width_digits_keep_their_positions():
    text = "應接種４１２０人次，實際接種４０１６人次，接種率９８．４８％。"  # 97.48
    assert hits(text) == [("RT001", "９８．４８％")]
