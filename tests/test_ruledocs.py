"""`auditor rules`, `auditor rules ID`, docs/rules.md and the README's rule
table all come from the rule pack and the rule cases, and stay in step."""

import re
import subprocess
import sys

from auditor.ruledocs import display_width, rules_markdown
from auditor.rulepack import load_rulepack
from conftest import ROOT

PACK = load_rulepack()


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor.cli", *args, "--isolated"], capture_output=True, text=True, cwd=ROOT)


def test_rules_id_explains_one_rule_from_its_cases():
    out = run("rules", "RT001", "--lang", "en")
    assert out.returncode == 0
    text = out.stdout
    assert text.startswith("RT001 ratio-mismatch · ratio · error\n")
    assert "Why it matters: A rate must follow from the numerator and denominator" in text
    # the failing example is the first failing case, run live, its message in English
    assert "    全县儿童常规免疫报告应接种66775人次,实际接种65127人次,接种率为97.66%。\n    → 接种率 97.66% does not match 65127/66775 = 97.53%\n" in text
    assert "Not flagged (best practice):\n    严重精神障碍患者在册1260人,规范管理1178人,规范管理率93.49%。\n" in text


def test_rules_id_shows_params_with_defaults_and_the_values_in_force():
    text = run("rules", "RB001").stdout
    assert "    metrics: 默认 [*]\n" in text  # the value in force is the default: shown once
    assert "    may_exceed: 默认 []; 当前 [增长率, 增幅, 增速, 完成率" in text
    assert "    may_exceed_extra: 默认 []\n" in text


def test_rules_by_name_and_unknown_rule():
    assert run("rules", "ratio-mismatch").stdout.startswith("RT001 ratio-mismatch")
    out = run("rules", "XX001", "--lang", "en")
    assert (out.returncode, out.stderr) == (2, "auditor: no rule with the id or name XX001 (see auditor rules)\n")


def test_rule_list_has_a_header_and_columns_aligned_by_display_width():
    lines = run("rules").stdout.splitlines()
    assert lines[0].split() == ["编号", "名称", "类别", "级别", "检查内容"]
    assert len(lines) == len(PACK.rules) + 1
    # the description column starts at the same display column on every line
    starts = {display_width(line[: line.index(rule.text("description", "zh"))]) for line, rule in zip(lines[1:], PACK.rules)}
    assert len(starts) == 1


def test_docs_rules_md_is_generated_from_the_pack():
    expected = rules_markdown(PACK, "en")
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "regenerate: auditor rules --format markdown --lang en > docs/rules.md"


def test_readme_rule_table_matches_the_pack():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([A-Z]{2}\d{3}) \| (\w+) \| (\w+) \|", readme, re.MULTILINE)
    assert sorted(rows) == sorted((r.id, r.category, r.severity) for r in PACK.rules)


def test_an_ignore_comment_naming_no_rule_is_a_warning(tmp_path):
    report = tmp_path / "r.md"
    report.write_text("<!-- auditor: ignore ratoi RT001 -->\n应接种3000人,实际接种2900人,接种率98.33%。\n", encoding="utf-8")
    out = run("check", str(report), "--lang", "en")
    assert out.returncode == 0  # RT001 is still silenced
    assert out.stderr == f"{report}: line 1: “ratoi” in the ignore comment is not a rule id, rule name or category\n"
