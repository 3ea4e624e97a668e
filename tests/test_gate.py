"""The command line as a CI gate (issue 14): rule selection, statistics,
quiet/silent, colour, standard input, paths relative to the project root."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.terminal import locale_lang, use_colour
from documents import make_docx

RATIO = "应接种38120人次,实际接种37004人次,接种率为98.07%。\n"  # RT001 (97.07%)
OVER = "全镇筛查率为104.2%。\n"  # RB002, a warning
SLOT = "本季度完成随访XX人。\n"  # PH001
GOOD = "全乡登记孕产妇512人,系统管理489人,系统管理率95.51%。\n"


def invoke(args, cwd: Path | None = None, input=None, env=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, args, input=input, env=env)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, args, input=input, env=env)
    finally:
        os.chdir(old)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(RATIO + OVER + SLOT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RATIO + SLOT + "下半年随访XX人。\n", encoding="utf-8")
    return tmp_path


def rules_found(result) -> list[str]:
    data = json.loads(result.stdout)
    return sorted(f["rule"] for entry in data["files"] for f in entry["findings"])


# --- select / ignore / extend-select ------------------------------------------------------

def test_select_by_id_prefix_name_and_category(mixed):
    base = ["check", "--isolated", str(mixed), "--format", "json"]
    assert rules_found(invoke(base)) == ["PH001", "PH001", "PH001", "RB002", "RT001", "RT001"]
    assert rules_found(invoke([*base, "--select", "RT001"])) == ["RT001", "RT001"]
    assert rules_found(invoke([*base, "--select", "PH"])) == ["PH001", "PH001", "PH001"]
    assert rules_found(invoke([*base, "--select", "ratio,rate_bound"])) == ["RB002", "RT001", "RT001"]
    assert rules_found(invoke([*base, "--ignore", "placeholder", "--ignore", "RB002"])) == ["RT001", "RT001"]
    assert rules_found(invoke([*base, "--select", "RT001", "--extend-select", "PH001"])) == ["PH001", "PH001", "PH001", "RT001", "RT001"]


def test_selection_in_config_and_the_command_line_replacing_select(mixed):
    (mixed / "auditor.toml").write_text('select = ["placeholder"]\nextend-select = ["RB002"]\n', encoding="utf-8")
    result = invoke(["check", ".", "--format", "json"], cwd=mixed)
    assert rules_found(result) == ["PH001", "PH001", "PH001", "RB002"]
    result = invoke(["check", ".", "--format", "json", "--select", "RT"], cwd=mixed)
    assert rules_found(result) == ["RB002", "RT001", "RT001"]  # extend-select of the config still adds
    (mixed / "auditor.toml").write_text('ignore = ["RT001", "placeholder"]\n', encoding="utf-8")
    assert rules_found(invoke(["check", ".", "--format", "json"], cwd=mixed)) == ["RB002"]


def test_an_unknown_selector_is_a_usage_error(mixed):
    result = invoke(["check", "--isolated", str(mixed), "--select", "RX9"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "auditor: 规则选择有误:select:RX9 不是规则编号、编号前缀、规则名称或类别"
    (mixed / "auditor.toml").write_text('ignore = "RT001"\n', encoding="utf-8")
    assert invoke(["check", "."], cwd=mixed).exit_code == 2


# --- statistics, quiet, silent -------------------------------------------------------------

def test_statistics_counts_per_rule_most_first(mixed):
    result = invoke(["check", "--isolated", str(mixed), "--statistics"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [["3", "PH001"], ["2", "RT001"], ["1", "RB002"]]
    assert lines[0].endswith("错误")
    data = json.loads(invoke(["check", "--isolated", str(mixed), "--statistics", "--format", "json"]).stdout)
    assert [(row["code"], row["count"]) for row in data] == [("PH001", 3), ("RT001", 2), ("RB002", 1)]
    assert invoke(["check", "--isolated", str(mixed), "--statistics", "--format", "sarif"]).exit_code == 2


def test_quiet_prints_findings_and_errors_only(mixed):
    (mixed / "empty.txt").write_bytes(b"")
    loud = invoke(["check", "--isolated", str(mixed)])
    quiet = invoke(["check", "--isolated", str(mixed), "-q"])
    assert loud.stdout.splitlines()[-1].startswith("共检查 3 个文件")
    assert "empty.txt: 文件为空" in loud.stderr
    assert quiet.stdout == loud.stdout[: loud.stdout.rindex("共检查")]
    assert quiet.stderr == "" and quiet.exit_code == loud.exit_code == 1


def test_silent_prints_nothing_but_keeps_the_exit_status(mixed):
    (mixed / "binary.txt").write_bytes(bytes(range(256)) * 8)
    result = invoke(["check", "--isolated", str(mixed), "--silent"])
    assert (result.stdout, result.stderr, result.exit_code) == ("", "", 2)
    result = invoke(["check", "--isolated", str(mixed / "a.txt"), "--silent", "--format", "json"])
    assert (result.stdout, result.exit_code) == ("", 1)


# --- colour ----------------------------------------------------------------------------------

@pytest.mark.parametrize("choice, isatty, env, expected", [
    ("auto", True, {}, True),
    ("auto", False, {}, False),
    ("auto", True, {"NO_COLOR": "1"}, False),
    ("auto", True, {"NO_COLOR": ""}, True),  # set but empty does not count
    ("auto", False, {"FORCE_COLOR": "1"}, True),
    ("auto", True, {"TERM": "dumb"}, False),
    ("auto", True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ("always", False, {"NO_COLOR": "1"}, True),
    ("never", True, {"FORCE_COLOR": "1"}, False),
])
def test_colour_choice(choice, isatty, env, expected):
    assert use_colour(choice, isatty, env) is expected


def test_colour_on_the_command_line(mixed):
    target = str(mixed / "a.txt")
    assert "\x1b[" in invoke(["check", "--isolated", target, "--color", "always"]).stdout
    assert "\x1b[" in invoke(["check", "--isolated", target], env={"FORCE_COLOR": "1", "NO_COLOR": ""}).stdout
    assert "\x1b[" not in invoke(["check", "--isolated", target, "--color", "never"], env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in invoke(["check", "--isolated", target], env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


# --- plurals, empty files, scratch files, no path ------------------------------------------------

def test_english_plurals(tmp_path):
    (tmp_path / "one.txt").write_text(RATIO, encoding="utf-8")
    one = invoke(["check", "--isolated", "--lang", "en", str(tmp_path / "one.txt")])
    assert one.stdout.splitlines()[-1] == "1 file audited, 1 finding (1 error, 0 warnings, 0 notes)"
    (tmp_path / "two.txt").write_text(OVER + OVER.replace("104.2", "101.5"), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 8)
    both = invoke(["check", "--isolated", "--lang", "en", str(tmp_path)])
    assert both.stdout.splitlines()[-1] == "2 files audited, 3 findings (1 error, 2 warnings, 0 notes); 1 file could not be read"


@pytest.mark.parametrize("content", [b"", b"   \n\n", "\u3000\u3000\n".encode(), b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n"])
def test_an_empty_file_is_a_notice_not_an_error(tmp_path, content):
    (tmp_path / "blank.txt").write_bytes(content)
    result = invoke(["check", "--isolated", str(tmp_path / "blank.txt"), "--format", "json"])
    assert result.exit_code == 0
    assert result.stderr == f"{tmp_path / 'blank.txt'}: 文件为空\n"
    entry = json.loads(result.stdout)["files"][0]
    assert entry["notice"] == {"code": "empty", "message": "文件为空"} and "error" not in entry
    en = invoke(["check", "--isolated", "--lang", "en", str(tmp_path / "blank.txt")])
    assert en.stderr == f"{tmp_path / 'blank.txt'}: the file is empty\n" and en.exit_code == 0


def test_lock_and_editor_temp_files_are_skipped_silently(tmp_path):
    (tmp_path / "报告.docx").write_bytes(b"")  # replaced below by a real document
    make_docx(tmp_path / "报告.docx", [GOOD.strip()])
    for name in ("~$报告.docx", ".~lock.报告.docx#", "报告.txt~", ".#报告.md", "#报告.md#", ".报告.md.swp", "~$告.wps"):
        (tmp_path / name).write_bytes(b"\x00\x01lock")
    result = invoke(["check", "--isolated", str(tmp_path), "--format", "json"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["报告.docx"]


def test_no_path_audits_the_current_directory_honouring_excludes(mixed):
    (mixed / "drafts").mkdir()
    (mixed / "drafts" / "c.txt").write_text(SLOT, encoding="utf-8")
    (mixed / "auditor.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    result = invoke(["check", "--format", "json"], cwd=mixed)
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["a.txt", "b.txt"]


# --- standard input ------------------------------------------------------------------------------

def test_stdin_filename_names_the_input_in_every_format(tmp_path):
    name = "报告/第 1 季度.txt"
    json_out = invoke(["check", "--isolated", "--stdin-filename", name, "--format", "json"], input=RATIO.encode())
    assert json.loads(json_out.stdout)["files"][0]["path"] == name
    text_out = invoke(["check", "--isolated", "-", "--stdin-filename", name], input=RATIO.encode())
    assert text_out.stdout.startswith(f"{name}\n{name}:1:")
    sarif = json.loads(invoke(["check", "--isolated", "--stdin-filename", name, "--format", "sarif"], input=RATIO.encode()).stdout)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "%E6%8A%A5%E5%91%8A/%E7%AC%AC%201%20%E5%AD%A3%E5%BA%A6.txt"
    github = invoke(["check", "--isolated", "--stdin-filename", name, "--format", "github"], input=RATIO.encode()).stdout
    assert github.startswith(f"::error file={name},line=1")
    gitlab = json.loads(invoke(["check", "--isolated", "--stdin-filename", name, "--format", "gitlab"], input=RATIO.encode()).stdout)
    assert gitlab[0]["location"]["path"] == name


def test_stdin_without_a_name_is_dash_in_every_format():
    for form, path_of in (("json", lambda d: d["files"][0]["path"]),
                          ("sarif", lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]),
                          ("gitlab", lambda d: d[0]["location"]["path"])):
        result = invoke(["check", "--isolated", "-", "--format", form], input=RATIO.encode())
        assert path_of(json.loads(result.stdout)) == "-", form


def test_a_piped_docx_is_read_as_docx(tmp_path):
    document = make_docx(tmp_path / "r.docx", [GOOD.strip(), RATIO.strip()])
    result = invoke(["check", "--isolated", "--stdin-filename", "季报.docx", "--format", "json"], input=document.read_bytes())
    entry = json.loads(result.stdout)["files"][0]
    assert entry["path"] == "季报.docx"
    assert [(f["rule"], f["location"]) for f in entry["findings"]] == [("RT001", {"paragraph": 2, "where": "第2段"})]
    legacy = invoke(["check", "--isolated", "--stdin-filename", "old.doc"], input=b"\xd0\xcf\x11\xe0")
    assert legacy.exit_code == 2 and "另存为 .docx" in legacy.stderr


# --- paths relative to the project root ------------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "auditor.toml").write_text('lang = "zh"\n', encoding="utf-8")
    (tmp_path / "reports" / "q1").mkdir(parents=True)
    (tmp_path / "reports" / "q1" / "a.txt").write_text(RATIO + SLOT, encoding="utf-8")
    return tmp_path


def test_baseline_written_in_one_directory_holds_from_any_other(project):
    baseline = project / "baseline.json"
    invoke(["check", "reports", "--write-baseline", str(baseline)], cwd=project)
    assert [e["file"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"]] == ["reports/q1/a.txt"] * 2
    sub = project / "reports" / "q1"
    for cwd, argument in ((project, "reports/q1/a.txt"), (project, "./reports/q1/a.txt"), (sub, "a.txt"),
                          (sub, "./a.txt"), (sub, str(sub / "a.txt")), (project / "reports", "q1"), (project, str(project / "reports"))):
        result = invoke(["check", argument, "--baseline", str(baseline)], cwd=cwd)
        assert result.exit_code == 0, (cwd, argument, result.output)
        assert result.stdout.strip().endswith(",基线已接受 2 个")


def test_old_baselines_keyed_by_the_path_as_typed_still_match(project):
    from auditor.api import CheckOptions, run_check
    from auditor.baseline import finding_key

    typed = str(project / "reports" / "q1" / "a.txt")  # the old keys hold the path as it was typed
    outcome = run_check([typed], CheckOptions(isolated=True, jobs=1))
    old = {"version": 1, "findings": [{"rule": f.rule, "file": typed, "key": finding_key(typed, f), "message": f.message}
                                      for f in outcome.results[0].findings]}
    assert len(old["findings"]) == 2
    (project / "old.json").write_text(json.dumps(old), encoding="utf-8")
    result = invoke(["check", typed, "--baseline", str(project / "old.json")], cwd=project / "reports")
    assert result.exit_code == 0 and "基线已接受 2 个" in result.stdout


def test_include_and_exclude_are_relative_to_the_project_root(project):
    (project / "reports" / "drafts").mkdir()
    (project / "reports" / "drafts" / "d.txt").write_text(SLOT, encoding="utf-8")
    (project / "auditor.toml").write_text('exclude = ["reports/drafts/**"]\n', encoding="utf-8")
    for cwd, argument in ((project, "."), (project / "reports", "."), (project / "reports" / "drafts", "..")):
        result = invoke(["check", argument, "--format", "json"], cwd=cwd)
        names = [Path(f["path"]).name for f in json.loads(result.stdout)["files"]]
        assert names == ["a.txt"], cwd


def test_force_exclude_applies_to_files_named_on_the_command_line(project):
    (project / "auditor.toml").write_text('exclude = ["reports/q1/*"]\n', encoding="utf-8")
    named = invoke(["check", "reports/q1/a.txt", "--format", "json"], cwd=project)
    assert len(json.loads(named.stdout)["files"]) == 1  # named explicitly: audited
    forced = invoke(["check", "q1/a.txt", "--force-exclude", "--format", "json"], cwd=project / "reports")
    assert (forced.exit_code, json.loads(forced.stdout)["files"]) == (0, [])
    piped = invoke(["check", "--stdin-filename", "reports/q1/x.txt", "--force-exclude", "--format", "json"], cwd=project, input=RATIO.encode())
    assert json.loads(piped.stdout)["files"] == []


def test_pre_commit_hook_matches_suffixes_in_any_case():
    import re

    import yaml

    hook = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    pattern = re.compile(hook["files"])
    for name in ("REPORT.DOCX", "a/报告.Txt", "x.md", "y.PDF", "z.HTM", "w.html"):
        assert pattern.search(name), name
    for name in ("a.doc.bak", "notes.py", "x.docx.tmp"):
        assert not pattern.search(name), name
    assert "--force-exclude" in hook["entry"]


def test_locale_language():
    assert locale_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert locale_lang({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}) == "en"
    assert locale_lang({"LC_MESSAGES": "zh_TW"}) == "zh"
    assert locale_lang({}) is None


# --- formats ----------------------------------------------------------------------------------------

def test_sarif_uris_are_percent_encoded_relative_references(tmp_path):
    from auditor.render.sarif import artifact_location

    folder = tmp_path / "季度 报告#2"
    folder.mkdir()
    (folder / "a 1%.txt").write_text(RATIO, encoding="utf-8")
    result = invoke(["check", "季度 报告#2", "--format", "sarif"], cwd=tmp_path)
    run = json.loads(result.stdout)["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E5%AD%A3%E5%BA%A6%20%E6%8A%A5%E5%91%8A%232/a%201%25.txt"
    assert artifact_location("-", tmp_path) == {"uri": "-"}
    assert artifact_location("/elsewhere/x y.txt", tmp_path) == {"uri": "file:///elsewhere/x%20y.txt"}
    assert "pypi.org" not in result.stdout  # no page about another project


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sarif_rule_descriptions_are_in_one_language(lang, mixed):
    run = json.loads(invoke(["check", "--isolated", "--lang", lang, str(mixed), "--format", "sarif"]).stdout)["runs"][0]
    rt001 = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "RT001")
    has_chinese = [any("\u4e00" <= ch <= "\u9fff" for ch in rt001[key]["text"]) for key in ("shortDescription", "fullDescription")]
    assert has_chinese == ([True, True] if lang == "zh" else [False, False])


def test_sarif_information_uri_is_the_projects_own_documentation(monkeypatch):
    from auditor.render import sarif

    monkeypatch.setattr(sarif, "documentation_url", lambda: "https://example.org/auditor/docs/rules.md")
    from auditor.rulepack import load_rulepack

    doc = sarif.document([], "zh", load_rulepack())
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/auditor/docs/rules.md"
    assert next(r for r in driver["rules"] if r["id"] == "RT001")["helpUri"] == "https://example.org/auditor/docs/rules.md#rt001"


def test_junit_findings_below_fail_on_are_not_failures(mixed):
    import xml.etree.ElementTree as ET

    def suite(*flags):
        return ET.fromstring(invoke(["check", "--isolated", str(mixed), "--format", "junit", *flags]).stdout).find("testsuite")

    default = suite()  # fail-on error: the RB002 warning is no failure
    assert default.get("failures") == "5"
    assert [f.get("type") for f in default.findall("testcase/failure")] == ["error"] * 5
    outs = [c.find("system-out").text for c in default.findall("testcase") if c.find("system-out") is not None]
    assert len(outs) == 1 and "[RB002]" in outs[0] and outs[0].startswith(str(mixed / "a.txt"))
    assert suite("--fail-on", "warning").get("failures") == "6"
    never = suite("--fail-on", "never")
    assert never.get("failures") == "0" and never.findall("testcase/failure") == []
    assert int(never.get("tests")) == len(never.findall("testcase")) == 2


def test_gitlab_code_quality(mixed):
    result = invoke(["check", "a.txt", "b.txt", "--format", "gitlab"], cwd=mixed)
    issues = json.loads(result.stdout)
    assert result.exit_code == 1 and len(issues) == 6
    first = issues[0]
    assert set(first) == {"description", "check_name", "fingerprint", "severity", "location"}
    assert (first["check_name"], first["severity"], first["location"]) == ("RT001", "major", {"path": "a.txt", "lines": {"begin": 1, "end": 1}})
    assert next(i for i in issues if i["check_name"] == "RB002")["severity"] == "minor"
    assert len({i["fingerprint"] for i in issues}) == 6  # b.txt has the same slot twice: still unique
    again = json.loads(invoke(["check", str(mixed / "a.txt"), str(mixed / "b.txt"), "--format", "gitlab"], cwd=mixed).stdout)
    assert again == issues  # the same from an absolute path


def test_figures_with_every_format_that_can_hold_them(mixed, tmp_path):
    data = json.loads(invoke(["check", "--isolated", str(mixed / "a.txt"), "--format", "json", "--figures"]).stdout)
    figures = data["files"][0]["figures"]
    assert [row["text"] for row in figures] == ["38120人次", "37004人次", "98.07%", "104.2%"]
    plain = json.loads(invoke(["check", "--isolated", str(mixed / "a.txt"), "--format", "json"]).stdout)
    assert "figures" not in plain["files"][0]
    for form in ("text", "sarif", "junit", "github", "gitlab", "markdown", "html"):
        result = invoke(["check", "--isolated", str(mixed / "a.txt"), "--format", form, "--figures"])
        assert result.stderr == f"--figures:{form} 格式无法包含数据表,已忽略(json、csv、xlsx 可以)\n", form
    out = tmp_path / "r.csv"
    result = invoke(["check", "--isolated", str(mixed / "a.txt"), "--format", "csv", "--figures", "-o", str(out)])
    assert result.stderr == "" and (tmp_path / "r.figures.csv").exists()


# --- help in Chinese, suggestions that help ---------------------------------------------------------

def test_help_in_chinese_with_lang_zh_or_a_chinese_locale():
    for args, env in ((["check", "--lang", "zh", "--help"], {"LANG": "en_US.UTF-8", "LC_ALL": ""}),
                      (["check", "--help"], {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}),
                      (["check", "--help"], {"LC_ALL": "zh_TW.UTF-8"})):
        result = invoke(args, env=env)
        assert result.exit_code == 0
        assert result.stdout.startswith("用法: ")
        assert "选项:" in result.stdout and "只输出问题和错误。" in result.stdout and "显示本帮助并退出。" in result.stdout
        assert "Print findings and errors only." not in result.stdout
    english = invoke(["check", "--help"], env={"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert english.stdout.startswith("Usage: ") and "Print findings and errors only." in english.stdout
    group = invoke(["--help"], env={"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert "命令:" in group.stdout and "检查 PATHS" in group.stdout


def test_every_check_option_and_command_has_chinese_help():
    import click

    from auditor.cli_help import HELP_ZH, translate

    command = main.commands["check"]
    for param in command.params:
        if isinstance(param, click.Option):
            assert " ".join(param.help.split()) in HELP_ZH, param.name
    for name, sub in main.commands.items():
        first = (sub.help or "").split("\n\n")[0]
        assert translate(first) != " ".join(first.split()), name


@pytest.mark.parametrize("typed, expected", [
    ("--formats", "Did you mean --format?"),
    ("--fial-on", "Did you mean --fail-on?"),
    ("--output-format", "Did you mean --format?"),
    ("--no-color", "Did you mean --color never?"),
    ("--exit-zero", "Did you mean --fail-on never?"),
    ("--fix", None),
    ("--exclude", None),
])
def test_suggestions_are_not_misleading(typed, expected, tmp_path):
    result = invoke(["check", "--isolated", typed, str(tmp_path)], env={"LANG": "C", "LC_ALL": ""})
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]
    if expected:
        assert last == f"Error: No such option: {typed}. {expected}"
    else:
        assert last == f"Error: No such option: {typed}"


def test_usage_errors_in_chinese():
    result = invoke(["check", "--lang", "zh", "--formats", "json"])
    assert result.stderr.strip().splitlines()[-1] == "错误:没有这个选项:--formats。是不是要用 --format?"
    assert result.stderr.startswith("用法: main check")  # CliRunner names the program "main"


# --- inline suppression in Word files, unused suppressions ---------------------------------------------

RATIO_B = "应体检2640人,实际体检2511人,体检率为96.12%。"  # RT001 (95.11%)


def word_file(path: Path, paragraphs: list[str], comments: dict[int, str] | None = None) -> Path:
    import docx

    document = docx.Document()
    for index, text in enumerate(paragraphs):
        paragraph = document.add_paragraph(text)
        if comments and index in comments:
            document.add_comment(paragraph.runs, text=comments[index], author="审核人")
    document.save(str(path))
    return path


def found(path: Path, *flags) -> list[tuple[str, int]]:
    result = invoke(["check", "--isolated", str(path), "--format", "json", *flags])
    return [(f["rule"], f["line"]) for f in json.loads(result.stdout)["files"][0]["findings"]]


def test_a_word_comment_silences_the_paragraphs_it_is_attached_to(tmp_path):
    path = word_file(tmp_path / "a.docx", [RATIO_B, RATIO.strip(), "随访XX人。"],
                     {0: "auditor: ignore RT001", 2: "auditor：ignore placeholder"})
    assert found(path) == [("RT001", 2)]
    plain = word_file(tmp_path / "b.docx", [RATIO_B, RATIO.strip(), "随访XX人。"], {0: "请核实这个数"})
    assert found(plain) == [("RT001", 1), ("RT001", 2), ("PH001", 3)]  # an ordinary comment silences nothing


def test_a_marker_paragraph_a_word_user_can_type(tmp_path):
    path = word_file(tmp_path / "a.docx", ["auditor: ignore RT001", RATIO_B, RATIO.strip(),
                                           "<!-- auditor: ignore -->", "随访XX人。"])
    assert found(path) == [("RT001", 3)]
    text = tmp_path / "a.txt"
    text.write_text("auditor: ignore ratio\n" + RATIO_B + "\n" + RATIO, encoding="utf-8")
    assert found(text) == [("RT001", 3)]
    prose = tmp_path / "b.txt"  # in running text the words are no marker
    prose.write_text("说明:auditor: ignore 用于屏蔽。" + RATIO_B + "\n", encoding="utf-8")
    assert found(prose) == [("RT001", 1)]


def test_unused_suppressions_are_reported_when_asked(tmp_path):
    path = word_file(tmp_path / "a.docx", ["auditor: ignore RT001", RATIO_B, "auditor: ignore PH001", GOOD.strip()],
                     {3: "auditor: ignore"})
    assert found(path) == []
    result = invoke(["check", "--isolated", str(path), "--format", "json", "--report-unused-suppressions"])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["severity"], f["line"], f["message"]) for f in findings] == [
        ("AU001", "info", 3, "“auditor: ignore PH001”没有屏蔽任何问题"),
        ("AU001", "info", 4, "“auditor: ignore”没有屏蔽任何问题"),
    ]
    assert result.exit_code == 0  # a note never fails the gate
    en = invoke(["check", "--isolated", "--lang", "en", str(path), "--report-unused-suppressions", "-q"])
    assert "[AU001] “auditor: ignore PH001” silenced nothing" in en.stdout


def test_unknown_names_in_a_word_comment_are_warned_about(tmp_path):
    path = word_file(tmp_path / "a.docx", [RATIO_B], {0: "auditor: ignore RT01"})
    result = invoke(["check", "--isolated", str(path)])
    assert "RT01" in result.stderr and result.exit_code == 1


def test_baseline_written_says_finding_in_the_singular(tmp_path):
    (tmp_path / "one.txt").write_text(RATIO, encoding="utf-8")
    result = invoke(["check", "--isolated", "--lang", "en", str(tmp_path / "one.txt"), "--write-baseline", str(tmp_path / "b.json")])
    assert result.stderr.strip() == f"baseline written to {tmp_path / 'b.json'} (1 finding)"
