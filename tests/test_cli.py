"""The command line, through click's runner and once through the installed script."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from conftest import REPORTS

BAD = "应接种66775人次,实际接种65127人次,接种率为97.66%。\n"
GOOD = "严重精神障碍患者在册1260人,规范管理1178人,规范管理率93.49%。\n"


def run(*args, input=None, cwd=None):
    runner = CliRunner()
    return runner.invoke(main, ["check", "--isolated", *args] if args and args[0] != "rules" else list(args), input=input)


@pytest.fixture
def files(tmp_path: Path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_text_output_and_exit_code(files):
    result = run(str(files / "bad.txt"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{files / 'bad.txt'}:1:28: 错误 [RT001] 接种率97.66%与65127/66775=97.53%不符" in lines
    assert any(line.strip().startswith("|") and "^^^^^^" in line for line in lines)
    assert lines[-1] == "共检查 1 个文件,发现 1 个问题(错误 1,警告 0,提示 0)"


def test_clean_file_exits_zero(files):
    result = run(str(files / "good.txt"))
    assert result.exit_code == 0
    assert result.output.strip() == "共检查 1 个文件,发现 0 个问题(错误 0,警告 0,提示 0)"


def test_fail_on_levels(tmp_path):
    (tmp_path / "w.txt").write_text("筛查率105%。", encoding="utf-8")
    assert run(str(tmp_path / "w.txt")).exit_code == 0
    assert run(str(tmp_path / "w.txt"), "--fail-on", "warning").exit_code == 1
    assert run(str(tmp_path / "w.txt"), "--fail-on", "never").exit_code == 0


def test_json_contract(files):
    result = run(str(files), "--format", "json")
    data = json.loads(result.output)
    assert data["version"] == 1
    assert [Path(f["path"]).name for f in data["files"]] == ["bad.txt", "good.txt"]
    finding = data["files"][0]["findings"][0]
    assert list(finding) == ["rule", "category", "severity", "line", "column", "end_line", "end_column",
                             "start", "end", "excerpt", "message", "details"]
    assert (finding["rule"], finding["category"], finding["line"], finding["column"], finding["start"], finding["end"]) == ("RT001", "ratio", 1, 28, 27, 33)
    assert finding["details"]["recomputed"] == "97.53"
    assert [r["start"] for r in finding["details"]["related"]] == [15, 3]  # numerator, denominator
    assert data["summary"]["files"] == 2 and data["summary"]["findings"] == 1
    assert data["summary"]["by_severity"] == {"error": 1, "warning": 0, "info": 0}
    assert data["summary"]["by_category"]["ratio"] == 1 and len(data["summary"]["by_category"]) == 17


def test_english_messages(files):
    result = run(str(files / "bad.txt"), "--lang", "en")
    assert "error [RT001] 接种率 97.66% does not match 65127/66775 = 97.53%" in result.output
    assert "1 file audited, 1 finding (1 error, 0 warnings, 0 notes)" in result.output


def test_stdin(files):
    result = run("-", "--format", "json", input=BAD.encode("gb18030"))
    data = json.loads(result.output)
    assert data["files"][0]["path"] == "-" and data["files"][0]["findings"][0]["rule"] == "RT001"


def test_bad_inputs_are_named_and_others_still_audited(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--isolated", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "json"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines()]
    assert errors == [
        f"{tmp_path / 'binary.txt'}: 不是文本文件(二进制内容)",
        f"{tmp_path / 'empty.txt'}: 文件为空",
        f"{tmp_path / 'old.doc'}: 不支持旧版 .doc 格式,请先另存为 .docx(Word/WPS:文件 → 另存为),或运行 libreoffice --headless --convert-to docx 文件名",
        f"{tmp_path / 'missing.txt'}: 文件或目录不存在",
    ]
    data = json.loads(result.stdout)
    assert [f["findings"][0]["rule"] for f in data["files"] if f["findings"]] == ["RT001"]
    assert "Traceback" not in result.output


def test_refuses_to_overwrite_an_input(files):
    target = files / "bad.txt"
    result = run(str(target), "--output", str(target))
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == BAD


def test_output_file_and_determinism(files, tmp_path):
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    run(str(files), "--format", "json", "--output", str(first))
    run(str(files), "--format", "json", "--output", str(second), "--jobs", "1")
    assert first.read_bytes() == second.read_bytes()


def test_user_rule_pack_overrides_and_adds(tmp_path, files):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "house.yaml").write_text(
        "rules:\n"
        "  - {id: RT001, severity: warning}\n"
        "  - id: HX001\n    name: house-style\n    category: other\n    severity: error\n    check: phrase\n"
        "    message: {zh: '请勿使用“{phrase}”', en: 'Avoid “{phrase}”'}\n    params: {phrases: [实际接种]}\n",
        encoding="utf-8",
    )
    result = run(str(files / "bad.txt"), "--rules", str(pack), "--format", "json")
    found = {(f["rule"], f["severity"]) for f in json.loads(result.output)["files"][0]["findings"]}
    assert found == {("RT001", "warning"), ("HX001", "error")}


def test_broken_rule_pack_is_a_usage_error(tmp_path, files):
    (tmp_path / "x.yaml").write_text("rules: [ {id: Z1, category: nonsense, severity: error, check: phrase, message: {zh: a, en: b}} ]", encoding="utf-8")
    result = run(str(files / "bad.txt"), "--rules", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.strip() == f"auditor: 规则包有误:{tmp_path / 'x.yaml'}:规则 Z1 的类别 nonsense 不存在"
    english = run(str(files / "bad.txt"), "--rules", str(tmp_path), "--lang", "en")
    assert english.output.strip() == f"auditor: rule pack error: {tmp_path / 'x.yaml'}: rule Z1: unknown category nonsense"


def test_rules_command_lists_every_rule():
    result = CliRunner().invoke(main, ["rules", "--isolated", "--lang", "en"])
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.output.splitlines()[1:]]  # below the header
    assert ids == sorted(ids) and {"PH001", "RT001", "RB001", "SM001", "NB001", "RD001", "CF001"} <= set(ids)
    assert any(line.startswith("RT001") and "ratio" in line and "error" in line for line in result.output.splitlines())


def test_sample_reports_match_their_expected_files_through_the_cli():
    result = run(str(REPORTS), "--format", "json")
    data = json.loads(result.output)
    across = sorted((REPORTS / "across").glob("*.txt"))  # report pairs for --across, each clean alone
    assert data["summary"]["files"] == 7 + len(across)
    for entry in data["files"]:
        stem = Path(entry["path"]).stem
        if Path(entry["path"]).parent.name == "across":
            assert entry["findings"] == []
            continue
        expected = json.loads((REPORTS / f"{stem}.expected.json").read_text(encoding="utf-8"))
        assert [(f["rule"], f["line"]) for f in entry["findings"]] == sorted(
            ((e["rule"], e["line"]) for e in expected["findings"]), key=lambda x: x[1]
        ) or sorted((f["rule"], f["line"]) for f in entry["findings"]) == sorted((e["rule"], e["line"]) for e in expected["findings"])


def test_installed_console_script(tmp_path, files):
    script = shutil.which("auditor", path=str(Path(sys.executable).parent)) or shutil.which("auditor")
    assert script, "the auditor console script is not installed"
    completed = subprocess.run([script, "check", "--isolated", str(files / "bad.txt"), "--format", "json"],
                               capture_output=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": ""})
    assert completed.returncode == 1
    assert json.loads(completed.stdout)["files"][0]["findings"][0]["rule"] == "RT001"


def test_streamed_json_and_text_equal_the_one_shot_rendering():
    from auditor.read import expand_paths
    from auditor.render import RenderContext, Tally, counted, render_report, render_string
    from auditor.runner import audit_targets
    from conftest import _PACK

    results = audit_targets(expand_paths([str(REPORTS)], [], []), _PACK, "zh", jobs=1)
    for name in ("json", "text", "github"):
        pieces: list[str] = []
        counts = Tally()
        render_report(name, counted(iter(results), counts), pieces.append, RenderContext(lang="zh"), counts)
        assert "".join(pieces) == render_string(name, results, "zh")
        assert counts.files == len(results)


def test_parallel_output_is_in_argument_order(tmp_path):
    for i in range(8):
        (tmp_path / f"r{i}.txt").write_text(BAD if i % 2 else GOOD, encoding="utf-8")
    one = run(str(tmp_path), "--format", "json", "--jobs", "1").output
    two = run(str(tmp_path), "--format", "json", "--jobs", "2").output
    assert one == two
    assert [Path(f["path"]).name for f in json.loads(two)["files"]] == [f"r{i}.txt" for i in range(8)]


def test_progress_bar_only_on_a_terminal_with_more_than_a_handful_of_files(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    from auditor import cli

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert cli._progress_bar(50) is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert cli._progress_bar(3) is None
    assert cli._progress_bar(50) is not None
