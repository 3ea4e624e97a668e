"""`--format docx`: a copy of the report with one Word comment a finding,
anchored on the exact characters of the finding."""

import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.read import Target
from auditor.render.docx_comments import read_comments
from auditor.runner import audit_target
from conftest import _PACK, REPORTS
from documents import planted_docx


def check(*args):
    return CliRunner().invoke(main, ["check", "--isolated", "--fail-on", "never", *args])


def audit(path: Path):
    return audit_target(Target(path, str(path)), _PACK, "zh")


def test_one_comment_a_finding_on_the_exact_characters(tmp_path):
    source = planted_docx(tmp_path / "报告.docx")
    before = source.read_bytes()
    result = audit(source)
    assert [f.rule for f in result.findings] == ["RT001", "RB002", "PH001", "NB001", "TB002", "TB001"]
    out = tmp_path / "reviewed.docx"
    run = check(str(source), "--format", "docx", "--output", str(out))
    assert run.exit_code == 0, run.output
    comments = read_comments(out)
    assert len(comments) == len(result.findings)
    for comment, finding in zip(comments, result.findings):
        assert comment.anchored == result.text[finding.start : finding.end]
        assert comment.text == f"{finding.message} [{finding.rule}]"
        assert comment.author == "审核助手"
    assert [c.anchored for c in comments] == ["96.50%", "104.5%", "××", "6.", "96.00%", "1930"]
    assert comments[0].text == "检测率96.50%与3420/3600=95.00%不符 [RT001]"
    assert source.read_bytes() == before  # the original is never written to
    # the copy reads back with the same text, so the same findings
    assert [(f.rule, f.start) for f in audit(out).findings] == [(f.rule, f.start) for f in result.findings]


def test_english_author_and_messages(tmp_path):
    source = planted_docx(tmp_path / "r.docx")
    out = tmp_path / "en.docx"
    check(str(source), "--format", "docx", "--output", str(out), "--lang", "en")
    comments = read_comments(out)
    assert {c.author for c in comments} == {"auditor"}
    assert comments[0].text.endswith("[RT001]") and "3420/3600" in comments[0].text


def test_same_input_same_bytes(tmp_path):
    source = planted_docx(tmp_path / "r.docx")
    check(str(source), "--format", "docx", "--output", str(tmp_path / "1.docx"))
    time.sleep(2.1)  # zip entries record time in two-second steps
    check(str(source), "--format", "docx", "--output", str(tmp_path / "2.docx"))
    assert (tmp_path / "1.docx").read_bytes() == (tmp_path / "2.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "1.docx") as archive:
        assert b'w:date="2000-01-01T00:00:00Z"' in archive.read("word/comments.xml")


def test_output_equal_to_an_input_is_refused(tmp_path):
    source = planted_docx(tmp_path / "r.docx")
    before = source.read_bytes()
    link = tmp_path / "same.docx"
    os.link(source, link)  # another name for the same file
    for output in (source, link):
        run = check(str(source), "--format", "docx", "--output", str(output))
        assert run.exit_code == 2
        assert "不会覆盖被检查的文件" in run.output
    assert source.read_bytes() == before
    # several inputs into their own directory: the output would be r.docx again
    run = check(str(source), str(REPORTS / "05_cdc_summary.md"), "--format", "docx", "--output", str(tmp_path))
    assert run.exit_code == 2 and source.read_bytes() == before


def test_needs_output(tmp_path):
    run = check(str(planted_docx(tmp_path / "r.docx")), "--format", "docx")
    assert run.exit_code == 2


def test_several_inputs_write_into_a_directory_and_text_becomes_a_new_docx(tmp_path):
    source = planted_docx(tmp_path / "r.docx")
    inputs = [source, REPORTS / "01_county_health_2024.txt", REPORTS / "05_cdc_summary.md",
              REPORTS / "03_city_health_traditional.txt"]
    out = tmp_path / "reviewed"
    run = check(*map(str, inputs), "--format", "docx", "--output", str(out))
    assert run.exit_code == 0, run.output
    assert sorted(p.name for p in out.iterdir()) == [
        "01_county_health_2024.docx", "03_city_health_traditional.docx", "05_cdc_summary.docx", "r.docx"]
    for path in inputs[1:]:
        result = audit_target(Target(path, str(path)), _PACK, "zh")
        comments = read_comments(out / f"{path.stem}.docx")
        assert len(comments) == len(result.findings) > 0
        assert [c.anchored for c in comments] == [result.text[f.start : f.end] for f in result.findings]
        import docx

        lines = [p.text for p in docx.Document(str(out / f"{path.stem}.docx")).paragraphs]
        assert lines == result.text.rstrip("\n").split("\n")


def test_standard_input_becomes_a_new_docx(tmp_path):
    out = tmp_path / "stdin.docx"
    run = CliRunner().invoke(main, ["check", "--isolated", "-", "--format", "docx", "--output", str(out)],
                             input="本月应检测2400份,实际检测2300份,检测率为97.50%。\n".encode())
    assert run.exit_code == 1, run.output
    assert [c.anchored for c in read_comments(out)] == ["97.50%"]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_comments(tmp_path):
    import re

    source = planted_docx(tmp_path / "r.docx")
    out = tmp_path / "reviewed.docx"
    check(str(source), "--format", "docx", "--output", str(out))
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "fodt", "--outdir", str(tmp_path / "lo-out"), str(out)],
                   capture_output=True, timeout=180, check=True)
    flat = (tmp_path / "lo-out" / "reviewed.fodt").read_text(encoding="utf-8")
    assert flat.count("<office:annotation ") + flat.count("<office:annotation>") == 6
    assert "3420/3600=95.00%" in flat and "审核助手" in flat
    # the text between each annotation and its end is the finding's text
    spans = re.findall(r'<office:annotation office:name="([^"]+)".*?</office:annotation>(.*?)<office:annotation-end office:name="\1"', flat, re.S)
    assert [re.sub(r"<[^>]+>", "", body) for _, body in spans] == ["96.50%", "104.5%", "××", "6.", "96.00%", "1930"]


def tracked_docx(path: Path) -> Path:
    """A paragraph with a tracked deletion and a tracked insertion: the text a
    reader sees with the changes accepted holds the inserted figures only."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def change(kind: str, text: str, change_id: int):
        wrapper = OxmlElement(f"w:{kind}")
        wrapper.set(qn("w:id"), str(change_id))
        wrapper.set(qn("w:author"), "起草人")
        wrapper.set(qn("w:date"), "2025-03-01T00:00:00Z")
        run = OxmlElement("w:r")
        piece = OxmlElement("w:delText" if kind == "del" else "w:t")
        piece.text = text
        run.append(piece)
        wrapper.append(run)
        return wrapper

    document = docx.Document()
    document.add_paragraph("城南社区卫生服务中心一季度工作简报")
    paragraph = document.add_paragraph("全镇应接种2400剂次,")
    paragraph._p.append(change("del", "实际接种2300剂次,接种率为99.00%。", 1))
    paragraph._p.append(change("ins", "实际接种2280剂次,接种率为96.00%。", 2))
    document.save(str(path))
    return path


def test_tracked_changes_are_read_accepted_and_commented_inside_the_insertion(tmp_path):
    source = tracked_docx(tmp_path / "修订.docx")
    result = audit(source)
    assert result.text.splitlines()[1] == "全镇应接种2400剂次,实际接种2280剂次,接种率为96.00%。"
    assert "99.00%" not in result.text  # deleted text is not the report's
    assert [(f.rule, f.message) for f in result.findings] == [("RT001", "接种率96.00%与2280/2400=95.00%不符")]
    out = tmp_path / "reviewed.docx"
    check(str(source), "--format", "docx", "--output", str(out))
    assert [c.anchored for c in read_comments(out)] == ["96.00%"]
    import docx
    from docx.oxml.ns import qn

    body = docx.Document(str(out)).element.body
    (insertion,) = body.iter(qn("w:ins"))
    assert insertion.find(qn("w:commentRangeStart")) is not None  # the comment sits inside the insertion
    assert "".join(t.text for t in body.iter(qn("w:delText"))) == "实际接种2300剂次,接种率为99.00%。"  # deletion kept as it was


def test_pending_revisions_are_reported_as_a_notice(tmp_path):
    """The text is read with the changes accepted, and the report says that the file still holds them."""
    import json

    source = tracked_docx(tmp_path / "修订.docx")
    result = audit(source)
    assert (result.notice_code, result.notice) == ("pending_revisions", "文件含有 2 处未处理的修订,已按全部接受后的文本检查")
    out = check(str(source), "--format", "json", "--lang", "en")
    entry = json.loads(out.stdout)["files"][0]
    assert entry["notice"] == {"code": "pending_revisions", "message": "the file has 2 pending tracked changes; audited as if all were accepted"}
    assert [f["rule"] for f in entry["findings"]] == ["RT001"]
