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
