"""A long document audited a piece at a time (auditor.pieces) gives the
findings of the whole: generated reports cut into small pieces (a piece size
of a few thousand characters here; 400,000 in use) against the same report
analysed whole."""

from __future__ import annotations

import pickle
import random
import re

import pytest

from auditor import pieces
from auditor.api import CheckOptions, run_check
from auditor.audit import analyse, audit_document
from auditor.cnnum import written
from auditor.model import FindingPages
from auditor.pieces import analysed_pieces, audit_in_pieces, cuts, whole
from auditor.read import Document
from auditor.render import render_string
from auditor.rulepack import load_rulepack

CN = "一二三四五六七八九十"
TOWNS = ["城关镇", "河西乡", "东坝镇", "石桥乡", "南山镇", "柳林乡", "北塘镇", "青石乡"]


def _section_body(rng: random.Random, number: int) -> list[str]:
    """Paragraphs of one section: rates with their counts, parts and totals,
    changes, lists, slots; some right, some wrong, some silenced."""
    lines = []
    for item in range(1, rng.randint(2, 4) + 1):
        town = rng.choice(TOWNS)
        due = rng.randint(800, 9000)
        done = due - rng.randint(0, 300)
        rate = f"{done / due * 100:.2f}" if rng.random() < 0.6 else f"{done / due * 100 + rng.choice([-2, 1.5, 3]):.2f}"
        if rng.random() < 0.15:
            lines.append("<!-- auditor: ignore RT001 -->")
        lines.append(f"{item}.{town}应接种{due}剂次,实际接种{done}剂次,接种率为{rate}%。")
        old, new = rng.randint(20, 60), rng.randint(61, 90)
        stated = f"{(new - old) / old * 100:.1f}" if rng.random() < 0.7 else f"{rng.randint(5, 40)}.0"
        lines.append(f"门诊量由{old}万人次增加到{new}万人次,增长{stated}%。")
        parts = [rng.randint(3, 30) for _ in range(3)]
        total = sum(parts) - (0 if rng.random() < 0.7 else rng.randint(1, 4))
        a, b, c = rng.sample(TOWNS, 3)
        lines.append(f"全县共有村卫生室{total}所,其中{a}{parts[0]}所、{b}{parts[1]}所、{c}{parts[2]}所。")
        if rng.random() < 0.3:
            lines.append(f"{town}居民健康档案建档率达到x%,家庭医生签约XX人。")
        if rng.random() < 0.3:
            lines.append("")
        if rng.random() < 0.2:
            people = rng.randint(2000, 5000)
            lines.append(f"辖区常住人口{people}人。")
            lines.append(f"其中65岁以上老年人{people // 5}人,占比{rng.choice(['20.0', '21.5'])}%。")
    return lines


def generated_report(seed: int = 7, sections: int = 24, year: int = 2023) -> str:
    """A report of many sections: a title with its year, outline headings (one
    number skipped), a metric stated twice with different values far apart,
    a later year spoken of as still to come."""
    rng = random.Random(seed)
    lines = [f"安平县卫生健康局{year}年工作总结", ""]
    lines.append(f"全县孕产妇系统管理率为{rng.choice(['95.2', '96.4'])}%。")
    for number in range(1, sections + 1):
        shown = number + 1 if number > sections * 2 // 3 else number  # a skipped outline number
        lines.append(f"{written(shown)}、第{number}项工作")
        for sub in range(1, rng.randint(1, 3) + 1):
            lines.append(f"({CN[sub - 1]})分项工作")
            lines.extend(_section_body(rng, number))
        if number == sections // 2:
            lines.append("全县孕产妇系统管理率为91.3%。")
        if number == sections - 2:
            lines.append(f"{year}年,我们将继续加大投入。")
    return "\n".join(lines) + "\n"


LOOK_BACK = 300  # auditor.checks.conflict._PARAGRAPH_WINDOW


def _json(findings) -> list[dict]:
    return [f.as_json() for f in findings]


@pytest.fixture(scope="module")
def pack():
    return load_rulepack()


@pytest.mark.parametrize("seed", [7, 8])
def test_pieces_give_the_findings_of_the_whole(pack, seed):
    text = generated_report(seed)
    document = Document("report.txt", text, "utf-8")
    _, expected, quiet = audit_document(document, pack)
    assert {f.rule for f in expected} >= {"RT001", "CH001", "SM002", "PH001", "NB001", "CF001", "RY001"}
    piece_chars = 1500
    starts = whole(document, pack, piece_chars).starts
    assert len(starts) > 10  # really cut
    found, silenced, _, _ = audit_in_pieces(document, pack, "zh", piece_chars)
    # the one reading that reaches over a cut: CF001 takes a quantity's period from up
    # to 300 characters before it, even past a heading; a piece starts its own look-back
    found_list, expected_list = list(found), list(expected)
    differ = [f for f in found_list if f not in expected_list] + [f for f in expected_list if f not in found_list]
    assert all(f.rule == "CF001" and any(0 <= f.start - start < LOOK_BACK for start in starts[1:]) for f in differ)
    assert len(differ) <= 1
    assert _json(f for f in found_list if f not in differ) == _json(f for f in expected_list if f not in differ)
    assert silenced == quiet > 0
    # the conflict's first statement lies pieces before the second
    conflict = next(f for f in found if f.rule == "CF001" and text[f.start : f.end] == "91.3%")
    assert conflict.related[0]["start"] < starts[1] < starts[3] < conflict.start
    assert text[conflict.start : conflict.end] == "91.3%"
    # counts stated twice with the first in an earlier piece (CF001's rival quantities, surveyed first)
    piece_of = lambda offset: sum(1 for s in starts if s <= offset)  # noqa: E731
    assert any(piece_of(f.related[0]["start"]) < piece_of(f.start) for f in found
               if f.rule == "CF001" and f.message.endswith("剂次"))


def test_positions_point_at_the_original_characters(pack):
    text = generated_report(3).replace("接种率为", "接種率為")  # Traditional: normalised, quoted as written
    document = Document("report.txt", text, "utf-8")
    found, _, _, _ = audit_in_pieces(document, pack, "zh", 2500)
    _, expected, _ = audit_document(document, pack)
    assert _json(found) == _json(expected)
    lines = text.split("\n")
    for finding in found:
        assert lines[finding.line - 1][finding.column - 1 :].startswith(text[finding.start : finding.end])


def test_cuts_fall_before_headings(pack):
    text = generated_report(5)
    starts = cuts(text, 1500)
    assert starts[0] == 0 and len(starts) > 10
    for start in starts[1:]:
        assert text[start - 1] == "\n"
        assert re.match(r"[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}\.", text[start:])  # an outline heading


def _relation_spans(analyses) -> set[tuple]:
    """Every relation as the document offsets of its figures."""
    spans = set()
    for analysis in analyses:
        offset, relations = analysis.offset, analysis.relations
        for ratio in relations.ratios:
            spans.add(("ratio", *((f.start + offset) for f in (ratio.rate, ratio.numerator, ratio.denominator))))
        for parts in relations.parts:
            spans.add(("parts", parts.total.start + offset, *(p.start + offset for p in parts.parts)))
        for change in relations.changes:
            spans.add(("change", change.start + offset, change.end + offset))
    return spans


def test_no_relation_crosses_a_cut(pack):
    text = generated_report(11)
    document = Document("report.txt", text, "utf-8")
    context = whole(document, pack, 2500)
    entire = analyse(document, pack)
    expected = _relation_spans([entire])
    assert len(expected) > 100
    # in the whole document, every relation lies between two cuts …
    for relation in expected:
        positions = [p for p in relation[1:]]
        assert len({sum(1 for s in context.starts if s <= p) for p in positions}) == 1, relation
    # … so the pieces find exactly the relations of the whole
    assert _relation_spans(analysed_pieces(context, pack)) == expected


def test_one_line_document_is_cut_at_sentence_ends(pack):
    text = "".join(generated_report(4).split("\n")[2:200]).replace("<!-- auditor: ignore RT001 -->", "")
    document = Document("page.txt", text, "utf-8")
    context = whole(document, pack, 1500)
    assert len(context.starts) > 3
    assert all(text[start - 1] in "。!?;" for start in context.starts[1:])
    found, _, _, _ = audit_in_pieces(document, pack, "zh", 1500)
    assert all(f.line == 1 and f.column == f.start + 1 for f in found)
    _, expected, _ = audit_document(document, pack)
    assert _json(found) == _json(expected)


def test_long_file_audited_in_pieces_gives_the_same_report(tmp_path, monkeypatch):
    path = tmp_path / "long.txt"
    path.write_text(generated_report(9), encoding="utf-8")
    options = CheckOptions(isolated=True, jobs=1)
    whole_run = run_check([str(path)], options)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 2000)
    piece_run = run_check([str(path)], options)
    assert isinstance(piece_run.results[0].findings, FindingPages)
    assert not isinstance(whole_run.results[0].findings, FindingPages)
    for fmt in ("json", "text", "github", "sarif"):
        assert render_string(fmt, piece_run.results) == render_string(fmt, whole_run.results), fmt
    assert piece_run.summary == whole_run.summary and piece_run.exit_code == whole_run.exit_code == 1


def test_finding_pages_read_like_a_tuple(pack):
    _, findings, _ = audit_document(Document("r.txt", generated_report(2, sections=6), "utf-8"), pack)
    monkey = FindingPages.PAGE
    try:
        FindingPages.PAGE = 7  # several pages and a partial last one
        pages = FindingPages(findings)
    finally:
        FindingPages.PAGE = monkey
    assert len(pages) == len(findings) > 20
    assert tuple(pages) == tuple(findings)
    assert pages[0] == findings[0] and pages[-1] == findings[-1] and pages[8] == findings[8]
    assert pages[3:9] == tuple(findings[3:9])
    assert pages == tuple(findings)
    assert tuple(pickle.loads(pickle.dumps(pages))) == tuple(findings)  # crosses a process pool
    with pytest.raises(IndexError):
        pages[len(findings)]


def test_long_text_normalised_a_block_at_a_time():
    from auditor import normalise as module

    lines = [f"第{n}項:全縣接種率為９８．{n % 10}％,門診量達到５２萬人次（較上年增長）。" for n in range(20000)]
    text = "\n".join(lines) + "\n"
    assert len(text) > module._BLOCK_CHARS * 2  # several blocks
    normalised = module.normalise(text)
    assert normalised == "".join(module.normalise(line + "\n") for line in lines)
    assert normalised.startswith("第0项:全县接种率为98.0%,门诊量达到52万人次(较上年增长)。\n")
