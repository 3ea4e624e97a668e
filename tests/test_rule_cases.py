"""Every rule's cases (tests/rule_cases/<RULE_ID>.yaml), run by one runner.

A failing case must give exactly its expected findings of that rule (span,
and message and severity where given), in order; a passing case — a trap —
must give none of that rule. Other rules' findings are not this file's
business: each rule has its own case file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from auditor.audit import audit_document
from auditor.read import Document, read_document
from auditor.rulecases import RuleCase, load_cases
from auditor.rulepack import load_rulepack
from documents import make_docx

CASES = load_cases()


@lru_cache(maxsize=None)
def _pack(rule: str, params_key: str):
    import json

    params = json.loads(params_key)
    return load_rulepack(params={rule: params} if params else None)


def pack_for(case: RuleCase):
    import json

    return _pack(case.rule, json.dumps(case.params, sort_keys=True, ensure_ascii=False))


def case_document(case: RuleCase, directory: Path) -> Document:
    """The case's text as the document a reader would make of its `path`:
    for .docx, lines of |cells| become one table, other lines paragraphs."""
    if case.path.endswith((".md", ".html", ".htm")):  # their readers find the tables
        path = directory / case.path
        path.write_text(case.text, encoding="utf-8")
        return read_document(path, case.path)
    if not case.path.endswith(".docx"):
        return Document(case.path, case.text, "utf-8")
    paragraphs = [line for line in case.text.splitlines() if not line.startswith("|")]
    table = [line.strip("|").split("|") for line in case.text.splitlines() if line.startswith("|")]
    path = make_docx(directory / case.path, paragraphs, table or None)
    return read_document(path, case.path)


def findings_of(case: RuleCase, directory: Path):
    document = case_document(case, directory)
    if case.others:  # a rule between reports: the case's text with the other reports
        from auditor.across import audit_across

        others = [Document(other.path, other.text, "utf-8") for other in case.others]
        found = audit_across([document, *others], pack_for(case), case.lang)[0]
        return document, [f for f in found if f.rule == case.rule]
    _, found, _ = audit_document(document, pack_for(case), case.lang)
    return document, [f for f in found if f.rule == case.rule]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rule_case(case: RuleCase, tmp_path: Path):
    document, found = findings_of(case, tmp_path)
    actual = [document.text[f.start : f.end] for f in found]
    if case.kind == "pass":
        assert actual == [], f"trap flagged: {case.note or case.text}"
        return
    assert actual == [e.span for e in case.expect]
    for finding, expected in zip(found, case.expect):
        if expected.message is not None:
            assert finding.message == expected.message
        if expected.severity is not None:
            assert finding.severity == expected.severity


# --- the case data itself ----------------------------------------------------------------

def test_every_rule_has_a_failing_and_a_passing_case():
    kinds: dict[str, set[str]] = {}
    for case in CASES:
        kinds.setdefault(case.rule, set()).add(case.kind)
    missing = {r.id: sorted({"fail", "pass"} - kinds.get(r.id, set())) for r in load_rulepack().rules}
    assert {rule: lacking for rule, lacking in missing.items() if lacking} == {}


def test_case_files_are_named_after_their_rule():
    from auditor.rulecases import case_files, parse_case_file

    for name, text in case_files().items():
        assert {c.rule for c in parse_case_file(name, text)} <= {name}


def test_a_case_file_with_an_unknown_key_is_refused():
    from auditor.rulecases import RuleCaseError, parse_case_file

    with pytest.raises(RuleCaseError, match="expct"):
        parse_case_file("X.yaml", "rule: X\nfail:\n  - text: a\n    expct: []\n")
    with pytest.raises(RuleCaseError, match="expects no finding"):
        parse_case_file("X.yaml", "rule: X\nfail:\n  - text: a\n")


def test_numeric_rules_fail_the_same_under_both_engines(tmp_path):
    """Every failing case of a numeric rule gives the same findings, byte for
    byte, when the great_expectations engine judges it (one validation a pack)."""
    pytest.importorskip("great_expectations")
    from auditor.audit import analyse, run_rules, to_findings
    from auditor.checks import registry
    from auditor.gx_engine import judge

    numeric = [c for c in CASES if c.kind == "fail" and registry().numeric(pack_for(c).get(c.rule).check)]
    assert {c.rule for c in numeric} >= {"RB001", "RB002", "RB003", "RB004", "RT001", "SM001", "SM002", "CH001", "DR001"}
    by_pack: dict[int, list[RuleCase]] = {}
    for case in numeric:
        by_pack.setdefault(id(pack_for(case)), []).append(case)
    for cases in by_pack.values():
        pack = pack_for(cases[0])
        analyses = [analyse(case_document(case, tmp_path), pack) for case in cases]
        under_gx = judge(analyses, pack, "zh")
        for case, analysis, (gx_findings, _) in zip(cases, analyses, under_gx):
            default, _ = to_findings(analysis, run_rules(analysis, pack.enabled()), "zh")
            assert [f.as_json() for f in gx_findings] == [f.as_json() for f in default], case.id
            assert any(f.rule == case.rule for f in gx_findings), case.id
