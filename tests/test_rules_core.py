"""Issue 2's three families: placeholder, rate_bound, ratio — with their traps."""

import pytest

from conftest import audit, hits


# --- placeholder ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("完成了x%的年度目标任务。", [("PH001", "x")]),
        ("全区参合农民x人,参合率达x%。", [("PH001", "x"), ("PH001", "x")]),
        ("XX年竣工投入使用。", [("PH001", "XX")]),
        ("制定了《xx区试点方案》。", [("PH001", "xx")]),
        ("累计建立居民健康档案x9份。", [("PH001", "x")]),
        ("建设面积xm2。", [("PH001", "x")]),
        ("农村建档率4×1%。", [("PH001", "×")]),
        ("以____思想为指引,落实__和_全会精神。", [("PH002", "____"), ("PH002", "__"), ("PH002", "_")]),
        ("全市医疗卫生机构达到个,", [("PH003", "个")]),
        ("卫生人员由人增加到人;", [("PH003", "人"), ("PH003", "人")]),
        ("注册护士由增加到人;", [("PH003", "由"), ("PH003", "人")]),
        ("医养结合机构新增康复床位张。", [("PH003", "张")]),
        ("在西咸新区划走个医疗机构的情况下", [("PH003", "个")]),
        ("年是“十四五”开局之年。", [("PH004", "年")]),
        ("人员数由年的3000人增加到5000人。", [("PH004", "年")]),
        ("《基础设施建设规划(-)》", [("PH005", "(-)")]),
    ],
)
def test_placeholders_fire_once_per_slot(text, expected):
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "各项工作责任到人,落实到人,个人缴费,个别乡镇,每个村,各个科室,这个问题。",
        "年底,年度,年内,今年,去年,全年,每年,老年人,青年,少年,年龄,新年。",
        "购置X光机、X射线防护设备、B超和CT。",
        "基本公共卫生服务项目人均经费由40元提高到人均65元。",
        "长×宽为3×4米。",
        "病例,比例,专家,国家,场所,平台均已达到要求。",
    ],
)
def test_words_that_only_look_like_blanks_stay_silent(text):
    assert hits(text) == []


# --- rate_bound ----------------------------------------------------------------------

def test_rate_over_100_is_an_error():
    found = audit("全县住院分娩率103%。")
    assert [(f.rule, f.severity, f.message) for f in found] == [("RB001", "error", "“住院分娩率”103%超过100%")]


def test_coverage_over_100_is_a_warning():
    found = audit("筛查率分别为100.05%、100.07%。")
    assert [(f.rule, f.severity) for f in found] == [("RB002", "warning"), ("RB002", "warning")]


def test_decrease_over_100_and_negative_rate():
    assert hits("发病率同比下降120%。") == [("RB004", "120%")]
    assert hits("合格率为-5%。") == [("RB003", "-5%")]


@pytest.mark.parametrize(
    "text",
    [
        "消杀覆盖率达100%,住院分娩率100%。",
        "门诊量同比增长150%,增幅达到210%。",
        "年度任务完成率120%,完成率达108.6%。",
        "手足口病发病率较去年同期下降59%。",
        "发病率319.83/10万,死亡率5.56‰,提高3个百分点。",
        "增长率为-5%。",
    ],
)
def test_rates_that_may_be_over_100_or_are_not_percent_stay_silent(text):
    assert hits(text) == []


def test_may_exceed_is_data_a_user_pack_can_change(tmp_path):
    from auditor.rulepack import load_rulepack

    (tmp_path / "mine.yaml").write_text("rules:\n  - id: RB001\n    params:\n      may_exceed: [住院分娩率]\n", encoding="utf-8")
    pack = load_rulepack([tmp_path])
    assert hits("住院分娩率103%。", pack=pack) == []
    assert hits("合格率103%。", pack=pack) == [("RB001", "103%")]


# --- ratio ---------------------------------------------------------------------------

def test_ratio_mismatch_gives_the_recomputed_value():
    found = audit("全县儿童常规免疫报告应接种66775人次,实际接种65127人次,接种率为97.66%。")
    assert [f.message for f in found] == ["接种率97.66%与65127/66775=97.53%不符"]
    details = found[0].details
    assert (details["numerator"], details["denominator"], details["recomputed"]) == ("65127", "66775", "97.53")


def test_ratio_message_in_english():
    found = audit("应接种66775人次,实际接种65127人次,接种率为97.66%。", lang="en")
    assert found[0].message == "接种率 97.66% does not match 65127/66775 = 97.53%"


@pytest.mark.parametrize(
    "text",
    [
        "严重精神障碍患者在册1260人,规范管理1178人,规范管理率93.49%。",
        "今年全县总计改造农村无害化卫生厕所2万座,在12个乡镇同步推进。截至目前,累计完成改厕任务19265座,完成率达96.33%。",
        "今年全縣總計改造農村無害化衛生廁所2萬座。截至目前,全縣累計完成改廁任務19265座,完成率達96.33%。",
        "糖尿病患者在册6000人,规范管理5779人,规范管理率96.31%。",  # truncation of 96.3166…
        "应接种66775人次,实际接种65127人次,接种率97.5%以上。",
        "应接种66775人次,实际接种65127针次,接种率97.66%。",  # 人次 vs 针次: not a ratio
        "完成重点人群筛查31240人,累计报告肺结核549例,成功治疗率91.88%。",
        "在册1260人,规范管理1178人,规范管理率93.49%;高血压患者健康管理14641人,规范管理率81.05%。",
    ],
)
def test_consistent_or_unrelated_ratios_stay_silent(text):
    assert hits(text) == []


def test_target_in_an_earlier_sentence_is_used():
    text = "今年计划改造2万座,在12个乡镇推进。截至目前,已完成19265座,完成率97.33%。"
    assert [f.message for f in audit(text)] == ["完成率97.33%与19265/2万=96.33%不符"]


def test_ratio_fires_on_traditional_text_and_quotes_the_original():
    text = "應接種66775人次,實際接種65127人次,接種率為97.66%。"
    found = audit(text)
    assert [f.rule for f in found] == ["RT001"]
    assert text[found[0].start : found[0].end] == "97.66%"
    assert "實際接種" in found[0].excerpt


def test_words_ending_in_yue_are_not_approximations_and_wan_is_quoted_as_written():
    text = "家庭医生签约服务应签约人数85.4万人,已签约38.6万人,签约率46.2%。"
    assert [f.message for f in audit(text)] == ["签约率46.2%与38.6万/85.4万=45.20%不符"]
    assert hits("大约300人参加,应接种1000人,实际接种约900人,接种率95%。") == []  # 约900: nothing exact to recompute
