"""Every sample report gives exactly its planted findings; the real corpus gives
what a reviewer expects and nothing on the traps."""

import json
from pathlib import Path

import pytest

from auditor.read import read_document
from auditor.runner import audit_target
from auditor.read import Target
from conftest import CORPUS, REPORTS, _PACK

SAMPLES = sorted(p for p in REPORTS.iterdir() if p.suffix in (".txt", ".md"))


def test_there_are_enough_samples():
    assert len(SAMPLES) >= 7
    encodings = {json.loads(p.with_name(p.stem + ".expected.json").read_text(encoding="utf-8"))["encoding"] for p in SAMPLES}
    assert {"utf-8", "gb18030", "big5", "utf-16"} <= encodings


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_report_gives_exactly_its_planted_findings(path: Path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    result = audit_target(Target(path, path.name), _PACK, "zh")
    assert result.error is None
    actual = sorted((f.rule, f.line, result.text[f.start : f.end]) for f in result.findings)
    planted = sorted((e["rule"], e["line"], e["text"]) for e in expected["findings"])
    assert actual == planted
    assert result.suppressed == expected.get("suppressed", 0)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_encoding_is_detected(path: Path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    document = read_document(path, path.name)
    wanted = expected["encoding"].replace("-sig", "")
    assert document.encoding.replace("_", "-").replace("-sig", "").lower() == wanted


# --- the real corpus (beside the project, when present) ------------------------------

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")


def corpus(name_prefix: str):
    path = next(CORPUS.glob(name_prefix + "*"))
    result = audit_target(Target(path, path.name), _PACK, "zh")
    return result, [(f.rule, result.text[f.start : f.end]) for f in result.findings]


@needs_corpus
def test_corpus_001_ratio_outline_respectively_and_debris():
    result, found = corpus("001_")
    messages = [f.message for f in result.findings]
    assert "接种率97.66%与65127/66775=97.53%不符" in messages
    assert ("NB001", "(五)") in found  # the 提纲 skips (四)
    outline = next(f for f in result.findings if f.rule == "NB001")
    assert "【提纲】" in result.text.splitlines()[outline.line - 1]
    assert ("RS001", "分别达96%、100%") in found
    assert {"RD001", "RD002"} <= {r for r, _ in found}
    # traps: 责任到人, 93.49% (1178/1260), 100% rates, 319.83/10万, 5.56‰, consistent sum and change
    assert not any(rule in ("RT001",) and text != "97.66%" for rule, text in found)
    assert not any(rule in ("SM001", "SM002", "CH001", "PH003", "PH004", "RB001") for rule, _ in found)


@needs_corpus
def test_corpus_003_skipped_three_and_debris():
    result, found = corpus("003_")
    assert ("NB001", "四是") in found
    # the page furniture after the report, 试读结束 … 如若转载 with the QQ address, is one
    # block of debris: one finding for the whole span (issue 10), not one per line
    assert any(r == "RD001" and t.startswith("试读结束") and "3231169@qq.com" in t and t.endswith("请注明出处")
               for r, t in found)


@needs_corpus
def test_corpus_004_every_letter_placeholder():
    result, found = corpus("004_")
    slots = [t for r, t in found if r == "PH001"]
    body = result.text[: result.text.index("原创文章")]
    import re

    expected = re.findall(r"(?<![A-Za-z])(?:[xX]{1,2}|×)(?![A-Za-z]|m2)|[xX](?=m2)", body)
    assert len(slots) == len(expected) == 44
    assert ("RD001", "原创文章") in found or any(r == "RD001" and "原创文章" in t for r, t in found)


@needs_corpus
def test_corpus_002_blank_numbers_and_years():
    result, found = corpus("002_")
    assert [t for r, t in found if r == "PH003"] == ["个", "个", "人", "人", "人", "人", "由", "人", "台", "台", "张", "张", "名", "张"]
    assert len([t for r, t in found if r == "PH004"]) == 4
    assert ("PH005", "(-)") in found
    assert not any(r == "DR001" for r, _ in found)  # 42.16亿元 → 66.56亿元 is an increase


@needs_corpus
def test_corpus_000_traditional_is_clean_but_for_page_residue():
    result, found = corpus("000_")
    assert {r for r, _ in found} <= {"RD001", "RD002"}
    assert any(r == "RD001" and t.startswith("上一篇") for r, t in found)  # 上一篇 … 下一篇: one block of debris


@needs_corpus
def test_corpus_000_relations_are_found_and_consistent():
    from auditor.audit import analyse
    from auditor.read import read_document
    from auditor.relate import find_relations

    path = next(CORPUS.glob("000_*"))
    analysis = analyse(read_document(path, path.name), _PACK)
    relations = find_relations(analysis)
    ratios = {(r.numerator.value, r.denominator.value, r.rate.written) for r in relations.ratios}
    assert (19265, 20000, __import__("decimal").Decimal("96.33")) in ratios
    totals = {(p.total.value, tuple(x.value for x in p.parts)) for p in relations.parts}
    assert (726, (18, 708)) in totals and (300, (240, 60)) in totals
