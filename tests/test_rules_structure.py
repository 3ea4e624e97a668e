"""numbering, date and residue."""

import pytest

from conftest import audit, hits


def test_skipped_inline_number():
    found = audit("一是加强领导。二是完善机制。四是强化保障。")
    assert [(f.rule, f.message) for f in found] == [("NB001", "序号“四是”接在“二是”之后,应为“三是”")]


def test_outline_line_is_checked_inline():
    text = "【提纲】一、工作措施。(一)强化党建。(二)强化保障。二、主要成绩。(一)项目建设。(二)疫情防控。(三)健康扶贫。(五)公共卫生。三、存在问题。"
    assert hits(text) == [("NB001", "(五)")]


def test_repeat_is_reported_once():
    text = "(一)甲\n(二)乙\n(二)丙\n(四)丁\n"
    assert [f.message for f in audit(text)] == ["序号“(二)”接在“(二)”之后,应为“(三)”"]


@pytest.mark.parametrize(
    "text",
    [
        "一、总体情况\n(一)甲\n(二)乙\n二、问题\n(一)丙\n一是人才不足。二是投入有限。三是信息化薄弱。",
        "1.第一项\n2.第二项\n3.第三项",
        "一是加强领导。二是完善机制。\n二、问题\n一是不足。二是有限。",
        "(三)持续稳固健康扶贫成果。",
        "市、县、乡三级联动,一站式服务,统一管理。",
        "……此处省略1078字……\n(三)甲\n(四)乙",
    ],
)
def test_numbering_traps(text):
    assert [f.rule for f in audit(text) if f.rule == "NB001"] == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("今年2月30日召开会议。", "2月30日"),
        ("2023年2月29日检查。", "2023年2月29日"),
        ("13月完成。", "13月"),
        ("1月32日完成。", "1月32日"),
    ],
)
def test_impossible_dates(text, span):
    assert hits(text) == [("DT001", span)]


def test_reversed_range():
    assert hits("2024年9月1日至2024年8月15日开展检查。") == [("DT002", "2024年9月1日至2024年8月15日")]
    assert hits("3月15日至3日开展检查。") == [("DT002", "3月15日至3日")]


@pytest.mark.parametrize(
    "text",
    ["2024年2月29日检查。", "2月29日检查。", "3月5日至7日,7月10日至7月21日,2020年5月至10月。", "12月至2月为流感高发期。", "截至10月底。"],
)
def test_date_traps(text):
    assert hits(text) == []


@pytest.mark.parametrize(
    "text, rule",
    [
        ("............试读结束............", "RD001"),
        ("原创文章,作者:fanwen,如若转载,请注明出处", "RD001"),
        ("上一篇 2022年11月18日", "RD001"),
        ("(文库www.example.com此处省略1078字。不往下看了,点击下载全文)", "RD001"),
        ("查阅全文加微信3231169", "RD001"),
        ("卫生宣传日,市里组织义诊。(资料图)", "RD001"),
        ("请发送邮件至 12345@qq.com", "RD002"),
        ("提供强有力的组织领导?", "RD003"),
        ("底板砼[tóng]浇筑", "RD003"),
    ],
)
def test_residue(text, rule):
    assert rule in [f.rule for f in audit(text)]


def test_residue_in_a_normal_sentence_stays_silent():
    assert hits("各级财政补助资金已全部到位,群众满意度明显提升?不,是显著提升。".replace("?不,", "。不,")) == []


def test_debris_tail_silences_other_findings():
    body = "正文第一段,开展讲座x场。" + "这一段是报告正文的长段落,写满了各项工作内容。" * 6
    text = body + "\n上一篇:某某工作计划\n下一篇:某某报告\n相关推荐\nXX年,我镇工作有序推进。\n"
    rules = [f.rule for f in audit(text)]
    assert rules.count("PH001") == 1  # the x in the body, not the XX in the tail
    assert rules.count("RD001") == 3


@pytest.mark.parametrize(
    "text, found",
    [
        ("第一,加强领导。第二,完善机制。第四,强化保障。", "第四,"),
        ("(1)甲\n(2)乙\n(4)丙\n", "(4)"),
        ("①甲\n②乙\n④丙\n", "④"),
        ("一、总则\n二、措施\n四、问题\n", "四、"),
    ],
)
def test_every_outline_style_is_checked(text, found):
    assert hits(text) == [("NB001", found)]


def test_a_new_heading_restarts_the_levels_below_it():
    text = "一、甲\n(一)子\n(二)子\n二、乙\n(一)子\n(三)子\n"
    assert [f.message for f in audit(text)] == ["序号“(三)”接在“(一)”之后,应为“(二)”"]
