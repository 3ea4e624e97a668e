"""Issue 3's families: sum, change, direction, respectively, count, conflict."""

import pytest

from conftest import audit, hits


# --- sum -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("共837例,其中乙类776例,丙类71例。", [("SM001", "837例")]),
        ("人均筹资300元(其中财政补助240元,个人缴纳61元)。", [("SM001", "300元")]),
        ("救助患者726例(其中先心病18例,其他病种709例)。", [("SM001", "726例")]),
        ("门诊10人,住院20人,合计35人。", [("SM001", "35人")]),
        ("共检查320家,其中住宿场所120家,美容美发场所150家,游泳场所80家。", [("SM002", "320家")]),
    ],
)
def test_sums_that_do_not_add_up(text, expected):
    assert hits(text) == expected


def test_sum_message():
    assert [f.message for f in audit("共837例,其中乙类776例,丙类71例。")] == ["合计837例与分项之和776例+71例=847例不符"]


@pytest.mark.parametrize(
    "text",
    [
        "报告传染病11种837例,其中乙类776例,丙类61例。",
        "人均筹资300元(其中财政补助240元,个人缴纳60元)。",
        "救助重大疾病患者726例(其中,先心病18例,其他病种708例)。",
        "救助患者726例,其中先心病18例。",  # only some parts: not a sum claim
        "共检查200家,其中食品企业50家,餐饮企业80家。",  # partial list within the total
        "总投资1.5万元,其中设备0.8万元,其他0.65万元。",  # rounded parts: 1.45 within ±0.15
        "全县总人口52853人,其中常住人口43325人,流动人口9528人。",
    ],
)
def test_consistent_sums_stay_silent(text):
    assert hits(text) == []


# --- change and direction ----------------------------------------------------------------

@pytest.mark.parametrize(
    "text, message",
    [
        ("由947例降至837例,下降15%。", "“下降15%”与947例→837例的实际变化11.62%不符"),
        ("报告传染病837例,与去年同期(947例)相比下降15%。", "“下降15%”与947例→837例的实际变化11.62%不符"),
        ("由100人增加到120人,增长25%。", "“增长25%”与100人→120人的实际变化20.00%不符"),
        ("由5.2%提高到8.4%,提高了3.5个百分点。", "“提高3.5个百分点”与5.2%→8.4%的实际变化3.20个百分点不符"),
    ],
)
def test_wrong_changes(text, message):
    assert [f.message for f in audit(text)] == [message]


@pytest.mark.parametrize(
    "text",
    [
        "报告传染病11种837例,其中乙类776例,丙类61例,报告发病率319.83/10万,与去年同期(947例)相比下降11.62%。",
        "由100人增加到120人,增长20%。",
        "由5.2%提高到8.4%,提高了3.2个百分点。",
        "固定资产由42.16亿元增加到66.56亿元。",
        "每千人口床位数从5.72张增加到7.04张。",
        "由2015年的3000人增加到2020年的4000人,增长33.33%。",
        "与上年同期(1402例)相比下降9.77%,全年1265例。",  # the value compared is not in this sentence before it
    ],
)
def test_consistent_changes_stay_silent(text):
    assert hits(text) == []


def test_direction_word_against_the_values():
    assert [f.message for f in audit("固定资产由42.16亿元增加到36.56亿元。")] == ["用词“增加”与数值变化方向相反:42.16亿元→36.56亿元"]
    assert [f.rule for f in audit("占比由56.2%下降到61.4%。")] == ["DR001"]


# --- respectively -------------------------------------------------------------------------

def test_respectively_mismatch_is_a_warning():
    text = "其中:艾滋病阳性0例、梅毒阳性27例、乙肝阳性145例,治疗率分别达96%、100%。"
    found = audit(text)
    assert [(f.rule, f.severity, f.message) for f in found] == [("RS001", "warning", "“分别”前列有3项,后面却给出2个数值")]


@pytest.mark.parametrize(
    "text",
    [
        "全县孕产妇和0-6岁儿童系统化管理率分别达到98.5%、95.63%。",
        "建立高血压、糖尿病、精神病等相关患者病历档案,定期随访,相关病人管理率分别为85.6%、89.2%、82.5%。",
        "完成宫颈癌筛查4002人、乳腺癌筛查3022人,筛查率分别为90.05%、90.07%。",
        "确定参合农民在县、乡两级医疗机构住院报销比例分别提高到75%、85%。",
        "由市中心医院和县人民医院、中医院分别对口帮扶12所乡镇卫生院。",
        "城镇职工医保、城镇居民医保的平均报销比例分别达到70%和60%。",
    ],
)
def test_respectively_traps(text):
    assert hits(text) == []


# --- count ---------------------------------------------------------------------------------

def test_count_list_mismatch():
    assert [f.message for f in audit("对5种儿童重大疾病(先心病、白血病、唇裂、脑瘫)实行救助。")] == ["称“5种”,所列却有4项"]
    assert hits("推进胸痛中心、卒中中心“三大中心”建设。") == [("CT001", "三大")]
    assert hits("重点建设两个专科(妇科、儿科、产科)。") == [("CT001", "两个")]


@pytest.mark.parametrize(
    "text",
    [
        "对5种儿童重大疾病(先心病、白血病、单纯性唇裂、脑瘫、血友病)实行救助。",
        "对5种儿童重大疾病(先心病、白血病等)实行救助。",
        "在老池、复桥、保升等7个乡镇卫生院首批实施。",
        "桂花、永兴两个中心卫生院相继实施。",
        "推进胸痛中心、卒中中心、创伤急救中心“三大中心”建设。",
        "推进“四项重点”(中医药传承创新发展、人才队伍建设、健康扶贫与乡村振兴战略衔接、卫生健康治理能力建设)。",
        "重点建好胸痛、卒中、创伤、危重孕产妇和新生儿救治“五大中心”。",
        "修复及更换井盖、沟盖板262个。",
        "在国家、省、州、县新闻媒体宣传报道71条次。",
    ],
)
def test_count_traps(text):
    assert hits(text) == []


# --- conflict --------------------------------------------------------------------------------

def test_conflict_names_both_places():
    text = "建档率94.8%。\n其他工作有序开展。\n建档率95.8%。"
    found = audit(text)
    assert [(f.rule, f.line, f.message) for f in found] == [("CF001", 3, "“建档率”前后不一致:第1行为94.8%,此处为95.8%")]
    assert found[0].related[0]["line"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "接种率97.66%以上。接种率为97.66%。",
        "完成率达96.33%。完成率达100%。",  # generic metric without a subject
        "各类疫苗接种率均达到98%以上,其中麻疹等疫苗接种率达到100%。",
        "在册1260人,规范管理1178人,规范管理率93.49%。高血压患者规范管理率81.05%。",
        "城市建档率94.8%,农村建档率91.2%。",
    ],
)
def test_conflict_traps(text):
    assert hits(text) == []


def test_sums_are_shown_in_the_unit_they_were_written_in():
    assert [f.message for f in audit("投入资金1200万元,其中中央资金800万元、省级资金300万元、县级配套150万元。")] == [
        "“其中”所列分项之和800万元+300万元+150万元=1250万元超过总数1200万元"
    ]
    assert [f.rule for f in audit("全年门急诊人次达126.8万人次,其中门诊112.3万人次、急诊13.5万人次。")] == ["SM001"]
