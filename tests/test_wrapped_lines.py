"""Sentences wrapped across lines (PDF export, hard-wrapped text) are read
whole: a .docx and its PDF export give the same findings."""

from pathlib import Path

from auditor.read import Target
from auditor.runner import audit_target
from conftest import _PACK, audit
from documents import make_docx, make_pdf

PARAGRAPHS = [
    "东湖镇二〇二四年公共卫生服务工作总结",
    "今年以来,全镇严格落实基本公共卫生服务项目,辖区内高血压患者在册管理三千二百人。"
    "全年应随访高血压患者3200人,实际随访3050人,随访率为96.88%,较上年有所提高。",
    "全镇适龄儿童常规免疫应接种4120剂次,实际接种4036剂次,接种率为97.96%。",
]


def wrapped(paragraph: str, width: int = 26) -> list[str]:
    """Lines of about `width` characters, never breaking inside a number (as a layout engine does)."""
    lines, start = [], 0
    while start < len(paragraph):
        end = min(start + width, len(paragraph))
        while end < len(paragraph) and paragraph[end - 1].isdigit() and paragraph[end].isdigit():
            end += 1
        lines.append(paragraph[start:end])
        start = end
    return lines


def findings(path: Path) -> list[tuple[str, str]]:
    result = audit_target(Target(path, path.name), _PACK, "zh")
    assert result.error is None
    return [(f.rule, f.message) for f in result.findings]


def test_a_docx_and_its_pdf_export_give_the_same_findings(tmp_path):
    docx_path = make_docx(tmp_path / "总结.docx", PARAGRAPHS)
    pdf_path = make_pdf(tmp_path / "总结.pdf", [[line for p in PARAGRAPHS for line in wrapped(p)]])
    expected = [("RT001", "随访率96.88%与3050/3200=95.31%不符")]
    assert findings(docx_path) == expected
    assert findings(pdf_path) == expected


def test_hard_wrapped_text_reads_the_sentence_across_the_break():
    text = "\n".join(line for p in PARAGRAPHS for line in wrapped(p, 30))
    assert [(f.rule, f.message) for f in audit(text)] == [("RT001", "随访率96.88%与3050/3200=95.31%不符")]


def test_short_lines_and_new_items_are_not_joined():
    text = (
        "一、基本情况\n全镇应接种4120剂次\n二、存在问题\n实际接种4036剂次,接种率为99.96%。\n"
        "(一)全镇应随访高血压患者3200人,实际随访的人数\n(二)实际随访3050人,随访率为99.88%,较上年提高。\n"
    )
    assert [f.rule for f in audit(text) if f.rule == "RT001"] == []


def test_a_number_cut_in_two_by_a_line_break_is_not_joined_into_a_wrong_reading():
    lines = [line for p in PARAGRAPHS for line in wrapped(p, 30)]
    cut = "\n".join(lines).replace("4036", "40\n36")  # a break inside the numerator
    assert [f.message for f in audit(cut) if f.rule == "RT001"] == ["随访率96.88%与3050/3200=95.31%不符"]


# --- text hard-wrapped at 10-25 characters a line -------------------------------------------

SHORT_PARAGRAPHS = [
    "城西街道二〇二四年社会事务工作总结",
    "全街道户籍人口38615人,其中男性19420人,女性19295人。"
    "全年共发生火灾事故47起,同比下降16.1%,上年同期为58起。"
    "全年实现社区服务收入6420万元,较上年增长9.6%(上年为5780万元)。"
    "全年共调处矛盾纠纷215件,其中婚姻家庭纠纷72件,邻里纠纷81件,其他纠纷60件。"
    "全街道应参保居民26340人,实际参保25910人,参保率为98.37%。",
    "二、存在问题",
]
SHORT_EXPECTED = [
    ("SM001", "合计38615人与分项之和19420人+19295人=38715人不符"),
    ("CH001", "“下降16.1%”与58起→47起的实际变化18.97%不符"),
    ("CH001", "“增长9.6%”与5780万元→6420万元的实际变化11.07%不符"),
    ("SM001", "合计215件与分项之和72件+81件+60件=213件不符"),
]


def test_the_unwrapped_paragraph_gives_the_expected_findings():
    assert [(f.rule, f.message) for f in audit("\n".join(SHORT_PARAGRAPHS))] == SHORT_EXPECTED


def test_short_hard_wrapped_lines_read_as_the_sentence_they_cut():
    for width in (10, 12, 14, 15, 17, 20, 22, 25):
        text = "\n".join(line for p in SHORT_PARAGRAPHS for line in wrapped(p, width))
        assert [(f.rule, f.message) for f in audit(text)] == SHORT_EXPECTED, width


def test_short_wrapped_findings_point_at_the_original_characters():
    text = "\n".join(line for p in SHORT_PARAGRAPHS for line in wrapped(p, 12))
    lines = text.split("\n")
    for finding in audit(text):
        line, column = finding.line, finding.column
        assert lines[line - 1][column - 1].isdigit(), (finding.message, lines[line - 1])


def test_traditional_short_wrapped_lines_are_read_too():
    paragraph = "全街道戶籍人口38615人,其中男性19420人,女性19295人。全年共發生火災事故47起,同比下降16.1%,上年同期為58起。" * 2
    text = "\n".join(wrapped("城西街道社會事務工作總結", 12) + wrapped(paragraph, 12))
    assert [f.rule for f in audit(text)] == ["SM001", "CH001", "SM001", "CH001"]


def _soft_breaks(text: str) -> set[int]:
    from auditor.normalise import normalise
    from auditor.spans import wrapped_breaks

    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return wrapped_breaks(normalise(text), starts)


def test_a_list_of_short_items_is_not_joined():
    items = ["城关镇新建公厕12座", "东坝镇新建公厕8座", "西河乡新建公厕6座", "南山乡新建公厕9座",
             "北岭镇新建公厕11座", "河口镇新建公厕7座", "石门乡新建公厕5座", "合计新建公厕58座"]
    assert _soft_breaks("\n".join(items)) == set()
    assert [f.rule for f in audit("\n".join(items[:-1]) + "\n合计新建公厕60座")] == ["SM001"]


def test_short_lines_that_end_a_sentence_or_open_an_item_are_not_joined():
    lines = ["一、基本情况", "全镇应接种4120剂次;", "实际接种4036剂次。", "二、主要做法", "(一)落实随访,全年随",
             "访高血压患者3050人:", "其中按时随访2900人。", "(二)开展宣传,发放资", "料6200份,覆盖全镇。", "三、下一步"]
    text = "\n".join(lines)
    joined = {text.index(line) + len(line) for line in ("(一)落实随访,全年随", "(二)开展宣传,发放资")}
    assert _soft_breaks(text) <= joined


def test_wrapped_numbers_in_words_thousands_and_ordinals_read_whole():
    paragraph = ("全县财政收入合计3,420,000元,其中税收收入1,862,000元,非税收入1,458,000元,其他收入120,000元。"
                 "全县农业总产值从一九八〇年的四千万元增加到二〇二〇年的十二亿元。第一,稳定粮食生产;第二,发展畜牧业;第三,壮大集体经济。")
    for width in (12, 13, 16, 18):
        lines = wrapped("城东县二〇二四年经济运行情况", width) + wrapped(paragraph, width)
        text = "\n".join(lines)
        found = [(f.rule, f.message) for f in audit(text)]
        assert found == [("SM001", "合计3,420,000元与分项之和1,862,000元+1,458,000元+120,000元=3440000元不符")], (width, found)


def test_a_wrapped_list_keeps_its_items():
    lines = wrapped("城东县二〇二四年交通建设情况", 12) + wrapped(
        "全年建成通村公路的乡镇有城关镇、东坝镇、西河乡三个乡镇。全县共有客运站四个,分别为城区站、东坝站、西河站、南山站。"
        "全年新增公交线路六条,覆盖全县十二个乡镇。", 12)
    assert [f.rule for f in audit("\n".join(lines))] == []
