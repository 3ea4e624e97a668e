"""Property-based tests (hypothesis): whatever the input, the auditor gives
findings or a clean one-line error, never an exception.

- the in-process audit of one document over any text: mutations of the
  sample reports, random CJK, digits, full-width forms, punctuation, NUL,
  lone surrogates, very long runs of one character;
- the text, .docx, .pdf and .html readers over mutated files (bytes flipped,
  cut, spliced, repeated): a Document or an InputError, nothing else.

Fixed seed (derandomize) so CI is reproducible. Two profiles, chosen with
AUDITOR_HYPOTHESIS_PROFILE: "ci" (default, well under a minute on a loaded
2-core machine) and "long" (thousands of examples, for local runs):

    AUDITOR_HYPOTHESIS_PROFILE=long pytest tests/test_properties.py
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.audit import audit_document
from auditor.read import Document, InputError, decode_bytes, read_document
from conftest import REPORTS, _PACK

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=2000, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("AUDITOR_HYPOTHESIS_PROFILE", "ci"))


def _samples() -> list[str]:
    texts = []
    for path in sorted(REPORTS.glob("*.txt")):
        text, _ = decode_bytes(path.read_bytes())
        texts.append(text[:4000])
    return texts


SAMPLES = _samples()
ALPHABET = (
    [chr(c) for c in range(0x4E00, 0x4E00 + 400, 7)]  # CJK
    + list("0123456789.%‰,。、;:!?()《》“”—-~+×xX_ \t\n\r\u3000\xa0")
    + [chr(c) for c in range(0xFF01, 0xFF5F, 3)]  # full-width forms
    + list("零一二三四五六七八九十百千万亿点两")
    + ["\x00", "\x0b", "\x1f", "\ufeff", "\ufffd", "\u200b", "\ud800", "\udfff", "\U0001F600"]
)
# pieces: single characters and words the checks look for
PIECES = ALPHABET + (
    ["合计", "其中", "分别为", "同比增长", "由", "增加到", "率为", "万元", "人次", "上一篇", "相关推荐", "<!-- auditor: ignore -->"]
)


def pieces(max_size: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(PIECES), max_size=max_size).map("".join)


@st.composite
def mutated_report(draw) -> str:
    text = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "repeat", "run"]))
        if action == "insert":
            text = text[:position] + draw(pieces(12)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 200)) :]
        elif action == "repeat":
            piece = text[position : position + draw(st.integers(1, 80))]
            text = text[:position] + piece * draw(st.integers(2, 40)) + text[position:]
        else:  # a very long run of one character (blanks, digits, dashes …)
            text = text[:position] + draw(st.sampled_from(ALPHABET)) * draw(st.integers(100, 3000)) + text[position:]
    return text


ANY_TEXT = st.one_of(
    mutated_report(),
    pieces(200),
    st.text(max_size=200),  # anything hypothesis likes (excluding surrogates, included above)
)


def _audit(text: str):
    try:
        return audit_document(Document("t.txt", text, "utf-8"), _PACK)[1]
    except InputError:
        return None


@given(ANY_TEXT)
def test_any_text_gives_findings_or_a_clean_error(text):
    findings = _audit(text)
    for finding in findings or ():
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.message and finding.line >= 1


@given(st.binary(max_size=600), st.sampled_from(SAMPLES))
def test_text_bytes_give_a_document_or_an_input_error(data, sample):
    for candidate in (data, sample.encode("gb18030", "replace")[:300] + data, data + sample.encode("utf-8")[:300]):
        try:
            text, _ = decode_bytes(candidate)
        except InputError:
            continue
        _audit(text)


def _mutate(data: bytes, draw) -> bytes:
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["flip", "cut", "splice", "repeat", "zero"]))
        position = draw(st.integers(0, max(0, len(data) - 1)))
        if action == "flip":
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "cut":
            del data[position : position + draw(st.integers(1, 400))]
        elif action == "splice":
            data[position:position] = draw(st.binary(min_size=1, max_size=40))
        elif action == "repeat":
            data[position:position] = data[position : position + draw(st.integers(1, 60))] * draw(st.integers(1, 5))
        else:
            data[position : position + 16] = bytes(16)
    return bytes(data)


@pytest.fixture(scope="module")
def rich_files(tmp_path_factory) -> dict[str, bytes]:
    from documents import make_docx, make_pdf

    folder = tmp_path_factory.mktemp("rich")
    lines = ["城东区卫生院2025年工作小结", "全区应接种2000人,实际接种1900人,接种率为96%。", "门诊量由4万人次增加到5.2万人次,增长31.5%。"]
    docx = make_docx(folder / "base.docx", lines, table=[["项目", "数量"], ["合计", "12"]]).read_bytes()
    pdf = make_pdf(folder / "base.pdf", [lines, lines[1:]]).read_bytes()
    html = ("<html><head><title>小结</title><style>p{}</style></head><body><main><h1>城东区卫生院工作小结</h1>"
            + "".join(f"<p>{line}</p>" for line in lines)
            + "<table><tr><td>合计</td><td>12</td></tr></table><!-- 注释 --><![CDATA[x]]></main></body></html>").encode("utf-8")
    return {".docx": docx, ".pdf": pdf, ".html": html}


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
@settings(max_examples=max(10, settings.default.max_examples // 2))
@given(data=st.data())
def test_mutated_rich_files_give_a_document_or_an_input_error(rich_files, tmp_path_factory, suffix, data):
    damaged = _mutate(rich_files[suffix], data.draw)
    path = tmp_path_factory.mktemp("mutant") / f"report{suffix}"
    path.write_bytes(damaged)
    try:
        document = read_document(path, path.name)
    except InputError:
        return
    assert isinstance(document, Document)
    _audit(document.text)
