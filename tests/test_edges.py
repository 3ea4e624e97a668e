"""The seams between the parts: readers by suffix, the check as a function,
renderers behind one registry, every CLI string in the catalogue."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.api import CheckError, CheckOptions, run_check, start_check
from auditor.cli import main
from auditor.render import FORMATS, RenderContext, Tally, render_report, render_string
from auditor.readers import AUDITED_SUFFIXES, LEGACY_SUFFIXES, READERS, reader_for

ROOT = Path(__file__).resolve().parent.parent
BAD = "应接种54210人次,实际接种53002人次,接种率为97.91%。\n"
GOOD = "在册患者2380人,规范管理2215人,规范管理率93.07%。\n"


def _imports(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_no_import_circle_between_the_text_reader_and_the_rich_readers():
    read = _imports(ROOT / "auditor" / "read.py")
    rich = _imports(ROOT / "auditor" / "read_rich.py")
    readers = _imports(ROOT / "auditor" / "readers.py")
    assert not any(name.startswith("auditor.read_rich") or name == "auditor.read_rich" for name in read)
    assert "auditor.read" in rich
    assert not any(name.startswith("auditor.read") for name in readers)


def test_every_suffix_has_one_reader_and_text_is_the_fallback():
    from auditor.read import read_text_file
    from auditor.read_html import read_html
    from auditor.read_markdown import read_markdown
    from auditor.read_rich import read_docx, read_pdf

    assert reader_for(".docx") is read_docx
    assert reader_for(".pdf") is read_pdf
    assert reader_for(".htm") is reader_for(".html") is read_html
    assert reader_for(".md") is reader_for(".markdown") is read_markdown  # pipe tables as tables
    assert reader_for(".txt") is read_text_file
    assert reader_for(".log") is read_text_file
    assert set(AUDITED_SUFFIXES) == set(READERS) | set(LEGACY_SUFFIXES)


def test_a_txt_run_does_not_load_the_rich_readers(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code = ("import sys; from auditor.api import run_check, CheckOptions;"
            f"run_check([{str(tmp_path / 'a.txt')!r}], CheckOptions(isolated=True, jobs=1));"
            "print('auditor.read_rich' in sys.modules, 'click' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]  # neither the rich readers nor click


def test_legacy_word_keeps_its_hint(tmp_path):
    (tmp_path / "old.wps").write_bytes(b"\xd0\xcf\x11\xe0junk")
    outcome = run_check([str(tmp_path / "old.wps")], CheckOptions(isolated=True, jobs=1))
    assert outcome.exit_code == 2
    assert "另存为 .docx" in outcome.results[0].error


def test_run_check_from_python_without_click(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    outcome = run_check([str(tmp_path)], CheckOptions(isolated=True, lang="en", jobs=1))
    assert outcome.exit_code == 1
    assert [Path(r.path).name for r in outcome.results] == ["bad.txt", "good.txt"]
    assert [f.rule for f in outcome.results[0].findings] == ["RT001"]
    assert outcome.results[0].findings[0].message == "接种率 97.91% does not match 53002/54210 = 97.77%"
    assert outcome.summary["files"] == 2 and outcome.summary["findings"] == 1
    assert run_check([str(tmp_path / "good.txt")], CheckOptions(isolated=True, jobs=1)).exit_code == 0
    assert run_check([str(tmp_path)], CheckOptions(isolated=True, jobs=1, fail_on="never")).exit_code == 0


def test_options_record_is_frozen():
    with pytest.raises(AttributeError):
        CheckOptions().lang = "en"  # type: ignore[misc]


def test_usage_problems_are_check_errors_in_the_users_language(tmp_path):
    with pytest.raises(CheckError, match="基线文件有误"):
        start_check([str(tmp_path)], CheckOptions(isolated=True, baseline=tmp_path / "none.json"))
    with pytest.raises(CheckError, match="^--data-docs needs --engine gx$"):
        start_check([str(tmp_path)], CheckOptions(isolated=True, lang="en", data_docs=tmp_path / "d"))


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("r")
    (folder / "bad.txt").write_text(BAD + "筛查率103.5%。\n", encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return run_check([str(folder)], CheckOptions(isolated=True, jobs=1, keep_text=True)).results


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_counts_the_same_way(name, results, tmp_path):
    from auditor.rulepack import load_rulepack

    counts = Tally()
    output = tmp_path / f"out.{name}"
    pieces: list[str] = []
    passed: list = []

    def through(items):
        for item in items:
            passed.append(item)
            counts.add(item)
            yield item

    render_report(name, through(iter(results)), pieces.append, RenderContext(pack=load_rulepack(), output=output), counts)
    assert len(passed) == len(results)  # every renderer consumes every result
    assert (counts.files, counts.errors, sum(counts.severities.values())) == (2, 1, 2)
    if FORMATS[name].binary:
        assert output.stat().st_size > 0 and not pieces
    else:
        assert "".join(pieces)


def test_no_renderer_counts_on_its_own(results):
    """A renderer given an iterator that counts must not count again."""
    for name, form in FORMATS.items():
        if form.binary:
            continue
        text = render_string(name, results, "zh")
        if name in ("text", "github", "junit", "markdown", "html"):
            assert "共检查 2 个文件,发现 2 个问题(错误 1,警告 1,提示 0),1 个文件无法读取" in text, name
        if name == "json":
            assert json.loads(text)["summary"]["findings"] == 2


def test_cli_format_choices_come_from_the_registry():
    option = next(p for p in main.commands["check"].params if p.name == "output_format")
    assert list(option.type.choices) == list(FORMATS)


def _string_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_the_cli_prints_no_chinese_outside_the_catalogue():
    for module in ("cli.py", "api.py"):
        chinese = [s for s in _string_constants(ROOT / "auditor" / module) if any("\u4e00" <= ch <= "\u9fff" for ch in s)]
        assert chinese == [], module


def test_check_itself_is_short():
    tree = ast.parse((ROOT / "auditor" / "cli.py").read_text(encoding="utf-8"))
    check = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "check")
    body_start = check.body[0].end_lineno if isinstance(check.body[0], ast.Expr) else check.body[0].lineno
    assert check.end_lineno - body_start <= 40


@pytest.mark.parametrize("lang, line", [("zh", "配置文件: (无配置文件)"), ("en", "config file: (no config file)")])
def test_config_command_in_both_languages(lang, line):
    result = CliRunner().invoke(main, ["config", "--isolated", "--lang", lang])
    assert result.output.splitlines()[0] == line


def test_refuses_to_overwrite_in_both_languages(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    for lang, text in (("zh", "不会覆盖被检查的文件"), ("en", "refusing to overwrite a file being audited")):
        result = CliRunner().invoke(main, ["check", "--isolated", "--lang", lang, str(tmp_path / "a.txt"), "-o", str(tmp_path / "a.txt")])
        assert result.exit_code == 2 and text in result.output
