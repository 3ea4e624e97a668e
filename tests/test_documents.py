"""Real documents in: docx, pdf, html; every kind of broken file named in one line."""

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.read import Target
from auditor.runner import audit_target
from conftest import _PACK
from documents import make_docx, make_image_only_pdf, make_pdf

SENTENCES = [
    "县卫生健康局2024年工作总结",
    "应接种66775人次,实际接种65127人次,接种率为97.66%。",
    "全县住院分娩率103%,开展讲座x场。",
    "共837例,其中乙类776例,丙类71例。",
    "一是加强领导。二是完善机制。四是强化保障。",
    "严重精神障碍患者在册1260人,规范管理1178人,规范管理率93.49%,责任到人。",
]


def audit(path: Path):
    return audit_target(Target(path, path.name), _PACK, "zh")


def summary(result):
    return [(f.rule, f.message) for f in result.findings]


def test_docx_gives_the_same_findings_as_the_same_text(tmp_path):
    txt = tmp_path / "same.txt"
    txt.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    docx_result = audit(make_docx(tmp_path / "same.docx", SENTENCES))
    txt_result = audit(txt)
    assert summary(docx_result) == summary(txt_result)
    assert [f.rule for f in docx_result.findings] == ["RT001", "RB001", "PH001", "SM001", "NB001"]
    assert [f.location for f in docx_result.findings][0] == {"paragraph": 2}


def test_docx_tables_total_and_rate_columns(tmp_path):
    table = [
        ["乡镇", "应种人数", "实种人数", "接种率"],
        ["甲镇", "1000", "950", "95.00%"],
        ["乙镇", "2000", "1900", "96.00%"],
        ["合计", "3000", "2860", "95.33%"],
    ]
    result = audit(make_docx(tmp_path / "t.docx", ["接种情况如下表。"], table=table))
    found = [(f.rule, f.message, f.location) for f in result.findings]
    assert found == [
        ("TB002", "表1“乙镇”:接种率96.00%与1900/2000=95.00%不符", {"table": 1, "row": 3, "cell": 4}),
        ("TB001", "表1“实种人数”:合计2860与各项之和2850不符", {"table": 1, "row": 4, "cell": 3}),
    ]


def test_docx_consistent_table_is_silent(tmp_path):
    table = [["乡镇", "男", "女", "合计", "占比"], ["甲镇", "10", "20", "30", "25.00%"], ["乙镇", "40", "50", "90", "75.00%"], ["合计", "50", "70", "120", "100%"]]
    assert audit(make_docx(tmp_path / "ok.docx", ["情况如下。"], table=table)).findings == ()


def test_docx_automatic_numbering_counts_for_the_numbering_rule(tmp_path):
    # Word numbers these 1. 2. 3.; a hand-typed "5." after them is a skip
    path = make_docx(tmp_path / "n.docx", [], numbered=["强化领导", "完善机制", "加强保障"])
    import docx

    document = docx.Document(str(path))
    document.add_paragraph("5.推进信息化")
    document.save(str(path))
    result = audit(path)
    assert [(f.rule, f.message) for f in result.findings] == [("NB001", "序号“5.”接在“3.”之后,应为“4.”")]
    assert result.text.splitlines()[:3] == ["1.强化领导", "2.完善机制", "3.加强保障"]


def test_pdf_locations_are_page_and_line(tmp_path):
    path = make_pdf(tmp_path / "r.pdf", [SENTENCES[:3], SENTENCES[3:]])
    result = audit(path)
    assert [(f.rule, f.location) for f in result.findings] == [
        ("RT001", {"page": 1, "line": 2}),
        ("RB001", {"page": 1, "line": 3}),
        ("PH001", {"page": 1, "line": 3}),
        ("SM001", {"page": 2, "line": 1}),
        ("NB001", {"page": 2, "line": 2}),
    ]


def test_html_main_text_without_scripts_and_styles(tmp_path):
    page = tmp_path / "r.html"
    page.write_text(
        "<html><head><style>p{x:1}</style><script>var a='接种率200%';</script></head><body>"
        "<nav>首页 上一篇</nav><main><h1>工作总结</h1><p>应接种66775人次,实际接种65127人次,接种率为97.66%。</p>"
        "<p>全县住院分娩率100%。</p></main></body></html>",
        encoding="utf-8",
    )
    result = audit(page)
    assert [f.rule for f in result.findings] == ["RT001"]
    assert "var a" not in result.text and "上一篇" not in result.text


@pytest.mark.parametrize(
    "name, make, code",
    [
        ("corrupt.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "corrupt_docx"),
        ("random.docx", lambda p: p.write_bytes(bytes(range(256)) * 4), "corrupt_docx"),
        ("not-word.docx", lambda p: _zip(p, {"hello.txt": b"hi"}), "corrupt_docx"),
        ("bomb.docx", lambda p: _zip(p, {"word/document.xml": b"<" + b"a" * (60 * 1024 * 1024)}), "zip_bomb"),
        ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage"), "corrupt_pdf"),
        ("scan.pdf", make_image_only_pdf, "pdf_needs_ocr"),
        ("old.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "legacy_word"),
        ("old.wps", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"), "legacy_word"),
    ],
)
def test_broken_documents_get_a_clear_error(tmp_path, name, make, code):
    path = tmp_path / name
    make(path)
    result = audit(path)
    assert result.error_code == code, result.error
    assert "\n" not in result.error


def test_truncated_docx(tmp_path):
    good = make_docx(tmp_path / "good.docx", SENTENCES)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert audit(cut).error_code == "corrupt_docx"


def test_password_protected_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [SENTENCES[:2]])
    writer = PdfWriter()
    writer.append(PdfReader(str(plain)))
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    result = audit(locked)
    assert result.error_code == "encrypted_pdf"


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_size_limit_unreadable_file_and_link_loop_through_the_cli(tmp_path, monkeypatch):
    (tmp_path / "big.txt").write_text("接种率为97.66%。" * 200, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("应接种66775人次,实际接种65127人次,接种率为97.66%。", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop.txt")
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = CliRunner().invoke(main, ["check", "--isolated", "--jobs", "1", "--max-bytes", "1000", str(tmp_path)])
    assert result.exit_code == 2
    assert sorted(result.stderr.splitlines()) == sorted([
        f"{tmp_path / 'big.txt'}: 文件过大(4200 字节,上限 1000 字节)",
        f"{tmp_path / 'loop.txt'}: 符号链接循环指向自身",
        f"{tmp_path / 'loop2.txt'}: 符号链接循环指向自身",
        f"{tmp_path / 'secret.txt'}: 无法读取:Permission denied",
    ])
    assert "[RT001]" in result.stdout
    assert (tmp_path / "ok.txt").read_text(encoding="utf-8").startswith("应接种")
