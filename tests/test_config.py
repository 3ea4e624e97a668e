"""Configuration discovery, `auditor config`, baselines and inline suppression."""

import json
from pathlib import Path

from click.testing import CliRunner

from auditor.cli import main

BAD = "应接种66775人次,实际接种65127人次,接种率为97.66%。\n筛查率105%。\n"


def invoke(args, cwd: Path):
    runner = CliRunner()
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, args)
    finally:
        os.chdir(old)


def test_auditor_toml_found_walking_up(tmp_path):
    (tmp_path / "auditor.toml").write_text('fail-on = "warning"\nlang = "en"\ndisable = ["RT001"]\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "r.txt").write_text(BAD, encoding="utf-8")
    result = invoke(["check", "r.txt"], deep)
    assert result.exit_code == 1  # the warning fails because of fail-on = warning
    assert "[RB002]" in result.output and "[RT001]" not in result.output
    assert "1 file audited" in result.output


def test_pyproject_tool_section_and_severity_override(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.auditor]\nseverity = { RB002 = "error" }\nmay-exceed = ["筛查率"]\n', encoding="utf-8"
    )
    (tmp_path / "r.txt").write_text("筛查率105%。合格率105%。\n", encoding="utf-8")
    result = invoke(["check", "r.txt", "--format", "json"], tmp_path)
    rules = [f["rule"] for f in json.loads(result.output)["files"][0]["findings"]]
    assert rules == ["RB001"]


def test_config_command_says_where_each_value_came_from(tmp_path):
    (tmp_path / "auditor.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    result = invoke(["config", "--lang", "en"], tmp_path)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"config file: {tmp_path / 'auditor.toml'}"
    assert f"fail-on = 'never'    # {tmp_path / 'auditor.toml'}" in lines
    assert "lang = 'zh'    # default" in lines


def test_bad_config_is_a_one_line_usage_error(tmp_path):
    (tmp_path / "auditor.toml").write_text('colour = "yes"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    result = invoke(["check", "r.txt"], tmp_path)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "未知的配置项 colour" in result.output


def test_rules_from_config_are_relative_to_it(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "x.yaml").write_text("disable: [RB002]\n", encoding="utf-8")
    (tmp_path / "auditor.toml").write_text('rules = ["house"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "r.txt").write_text("筛查率105%。\n", encoding="utf-8")
    assert invoke(["check", "r.txt", "--fail-on", "warning"], sub).exit_code == 0


def test_baseline_hides_accepted_findings_even_after_edits_elsewhere(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(BAD, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    first = invoke(["check", "--isolated", "r.txt", "--write-baseline", str(baseline), "--fail-on", "never"], tmp_path)
    assert first.exit_code == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"][0]["rule"] in ("RT001", "RB002")
    # new lines above shift every line number; the accepted findings stay accepted
    report.write_text("前言。\n另起一段。\n" + BAD + "合格率103%。\n", encoding="utf-8")
    result = invoke(["check", "--isolated", "r.txt", "--baseline", str(baseline), "--format", "json"], tmp_path)
    data = json.loads(result.output)
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["RB001"]
    assert data["summary"]["baseline"] == 2
    assert result.exit_code == 1


def test_baseline_counts_copies(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("筛查率105%。\n", encoding="utf-8")
    baseline = tmp_path / "b.json"
    invoke(["check", "--isolated", "r.txt", "--write-baseline", str(baseline)], tmp_path)
    report.write_text("筛查率105%。\n筛查率105%。\n", encoding="utf-8")
    data = json.loads(invoke(["check", "--isolated", "r.txt", "--baseline", str(baseline), "--format", "json"], tmp_path).output)
    assert len(data["files"][0]["findings"]) == 1


def test_missing_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    result = invoke(["check", "--isolated", "r.txt", "--baseline", "nope.json", "--format", "json"], tmp_path)
    assert result.exit_code == 2 and "nope.json" in result.output
    assert "version" not in result.output  # refused before any report was written


def test_inline_suppression(tmp_path):
    text = (
        "<!-- auditor: ignore ratio -->\n"
        "应接种66775人次,实际接种65127人次,接种率为97.66%。\n"
        "<!-- auditor: ignore -->\n"
        "筛查率105%。合格率103%。\n"
        "<!-- auditor: ignore PH001 -->\n"
        "完成x%。住院分娩率103%。\n"
    )
    (tmp_path / "r.md").write_text(text, encoding="utf-8")
    data = json.loads(invoke(["check", "--isolated", "r.md", "--format", "json"], tmp_path).output)
    assert [(f["rule"], f["line"]) for f in data["files"][0]["findings"]] == [("RB001", 6)]
    assert data["summary"]["suppressed"] == 4
