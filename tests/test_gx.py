"""The great_expectations engine, the figures export, the reference table."""

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from auditor.cli import main
from conftest import CORPUS, REPORTS

DIRECTORIES = [REPORTS] + ([CORPUS] if CORPUS.is_dir() else [])


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.mark.parametrize("directory", DIRECTORIES, ids=lambda p: p.name)
def test_engines_agree_byte_for_byte(directory):
    default = run("check", "--isolated", str(directory), "--format", "json")
    gx = run("check", "--isolated", str(directory), "--format", "json", "--engine", "gx")
    assert default.exit_code == gx.exit_code == 1
    assert gx.stdout == default.stdout
    data = json.loads(gx.stdout)
    assert all(entry["path"] for entry in data["files"])
    # the numeric rules really were judged: the default output has them
    rules = {f["rule"] for entry in data["files"] for f in entry["findings"]}
    assert "RT001" in rules


def test_engines_agree_on_every_numeric_rule_sentence():
    text = "\n".join([
        "应接种66775人次,实际接种65127人次,接种率为97.66%。",
        "在册1260人,规范管理1178人,规范管理率93.49%。",
        "住院分娩率103%。筛查率105%。合格率为-5%。发病率同比下降120%。",
        "共837例,其中乙类776例,丙类71例。",
        "共检查320家,其中住宿场所120家,美容美发场所150家,游泳场所80家。",
        "由947例降至837例,下降15%。由100人增加到120人,增长20%。",
        "由5.2%提高到8.4%,提高了3.5个百分点。由5.2%提高到8.4%,提高了3.2个百分点。",
        "固定资产由42.16亿元增加到36.56亿元。与去年同期(947例)相比增长11.62%,今年837例。",
    ]) + "\n"
    default = run("check", "--isolated", "-", "--format", "json", input=text.encode())
    gx = run("check", "--isolated", "-", "--format", "json", "--engine", "gx", input=text.encode())
    assert gx.stdout == default.stdout
    rules = sorted(f["rule"] for f in json.loads(gx.stdout)["files"][0]["findings"])
    assert rules == ["CH001", "CH001", "DR001", "RB001", "RB002", "RB003", "RB004", "RT001", "SM001", "SM002"]


def test_exported_suite_runs_in_a_fresh_context_on_the_exported_figures_table(tmp_path):
    import great_expectations as gx

    from auditor.gx_engine import new_context

    figures_csv, suite_file = tmp_path / "figures.csv", tmp_path / "suite.json"
    assert run("figures", "--isolated", str(REPORTS), "--format", "csv", "--output", str(figures_csv)).exit_code == 0
    assert run("gx", "suite", "--isolated", "--output", str(suite_file)).exit_code == 0

    # a data team's own pipeline: a fresh context, the suite from JSON, the table from CSV
    context = new_context()
    suite = context.suites.add(gx.ExpectationSuite(**json.loads(suite_file.read_text(encoding="utf-8"))))
    table = pd.read_csv(figures_csv)
    batch = (context.data_sources.add_pandas("reports").add_dataframe_asset(name="figures")
             .add_batch_definition_whole_dataframe("all").get_batch(batch_parameters={"dataframe": table}))
    validation = batch.validate(suite, result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["file", "figure"]})
    assert not validation.success
    failed = set()
    for result in validation.results:
        for entry in result.result.get("unexpected_index_list") or []:
            failed.add((result.expectation_config.meta["rule"], Path(entry["file"]).name, int(entry["figure"])))

    # the tool's own findings of the same rules, located on the same figures
    report = json.loads(run("check", "--isolated", str(REPORTS), "--format", "json").stdout)
    starts = {(Path(f).name, int(s)): int(n) for f, s, n in zip(table["file"], table["start"], table["figure"])}
    numeric = numeric_rule_ids() - {"DR001"}  # a direction finding starts at the old value, not on its row's figure
    expected = {
        (f["rule"], Path(entry["path"]).name, starts[(Path(entry["path"]).name, f["start"])])
        for entry in report["files"] for f in entry["findings"] if f["rule"] in numeric
    }
    directions = sum(1 for entry in report["files"] for f in entry["findings"] if f["rule"] == "DR001")
    # the suite sees the raw table: the one finding silenced inline in 05_cdc_summary.md shows there
    silenced = {(r, f, n) for r, f, n in failed if f == "05_cdc_summary.md" and table[(table["file"].str.endswith(f)) & (table["figure"] == n)]["line"].iloc[0] == 12}
    assert [r for r, _, _ in silenced] == ["RT001"]
    assert {x for x in failed if x[0] != "DR001"} - silenced == expected
    assert len({x for x in failed if x[0] == "DR001"}) == directions == 2


def test_suite_export_is_deterministic(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    run("gx", "suite", "--isolated", "--output", str(a))
    run("gx", "suite", "--isolated", "--output", str(b))
    assert a.read_bytes() == b.read_bytes()
    rules = {e["meta"]["rule"] for e in json.loads(a.read_text(encoding="utf-8"))["expectations"]}
    assert rules == numeric_rule_ids()
    assert {"RB001", "RT001", "SM001", "SM002", "CH001", "DR001"} <= rules


def test_data_docs_are_built_only_when_asked(tmp_path):
    docs = tmp_path / "docs"
    result = run("check", "--isolated", str(REPORTS / "01_county_health_2024.txt"), "--engine", "gx", "--data-docs", str(docs))
    assert result.exit_code == 1
    assert (docs / "index.html").is_file()
    assert list(docs.glob("validations/**/*.html"))
    assert run("check", "--isolated", str(REPORTS), "--data-docs", str(tmp_path / "x")).exit_code == 2


def test_figures_export_formats(tmp_path):
    for fmt in ("csv", "json", "parquet", "xlsx"):
        out = tmp_path / f"figures.{fmt}"
        assert run("figures", "--isolated", str(REPORTS / "01_county_health_2024.txt"), "--format", fmt, "--output", str(out)).exit_code == 0
    table = pd.read_parquet(tmp_path / "figures.parquet")
    row = table[table["text"] == "98.12%"].iloc[0]
    assert (row["kind"], row["metric"], row["value"], row["ratio_scaled"]) == ("percent", "接种率", "98.12", "4710500")
    data = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    ratio = next(r for r in data["relations"] if r["relation"] == "ratio" and r["rate_value"] == "98.12")
    assert (ratio["numerator_value"], ratio["denominator_value"]) == ("47105", "48320")
    sheets = pd.read_excel(tmp_path / "figures.xlsx", sheet_name=None)
    assert set(sheets) == {"figures", "relations"}
    csv = pd.read_csv(tmp_path / "figures.csv", dtype=str)
    assert list(csv.columns[:10]) == ["file", "figure", "line", "column", "end_line", "end_column", "start", "end", "text", "value"]
    assert "38.92万份" in set(csv["text"]) and "389200" in set(csv["value"])


def test_figures_relations_table_written_beside(tmp_path):
    out, relations = tmp_path / "f.csv", tmp_path / "r.csv"
    run("figures", "--isolated", str(REPORTS), "--output", str(out), "--relations", str(relations))
    table = pd.read_csv(relations, dtype=str)
    assert set(table["relation"]) == {"ratio", "parts", "change"}


# --- the reference table -------------------------------------------------------------------------

REPORT = "应接种66775人次,实际接种65127人次,接种率为97.66%。\n在册1260人,规范管理1178人,规范管理率93.49%。\n建档率94.8%。住院分娩率98.6%。\n"


def reference_run(tmp_path, rows: str, suffix: str = ".csv"):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    table = tmp_path / f"ref{suffix}"
    if suffix == ".csv":
        table.write_text(rows, encoding="utf-8")
    else:
        import io

        pd.read_csv(io.StringIO(rows), dtype=str).to_excel(table, index=False)
    result = run("check", "--isolated", str(report), "--reference", str(table), "--format", "json")
    return result, [(f["rule"], f["message"]) for f in json.loads(result.stdout)["files"][0]["findings"] if f["rule"] == "CF002"] if result.stdout else []


def test_reference_catches_planted_differences(tmp_path):
    rows = "metric,value,subject,unit,tolerance\n接种率,97.53,,%,\n住院分娩率,99.9,,,\n"
    _, found = reference_run(tmp_path, rows)
    assert found == [("CF002", "接种率97.66%与参考表第2行(接种率 97.53%)不符"), ("CF002", "住院分娩率98.6%与参考表第3行(住院分娩率 99.9)不符")]


def test_reference_is_silent_on_matching_values_and_within_tolerance(tmp_path):
    rows = "metric,value,subject,unit,tolerance\n規範管理率,93.49,,,\n建档率,95.0,,%,0.5\n接种率,97.664,,,\n住院分娩率,98.55,,,\n"
    _, found = reference_run(tmp_path, rows, ".xlsx")
    assert found == []


def test_reference_subject_and_unit_narrow_the_match(tmp_path):
    rows = "metric,value,subject,unit,tolerance\n接种率,50,麻疹,,\n建档率,10,,人,\n"
    _, found = reference_run(tmp_path, rows)
    assert found == []


def test_bad_reference_table_is_a_one_line_usage_error(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "bad.csv").write_text("name,number\na,1\n", encoding="utf-8")
    result = run("check", "--isolated", str(tmp_path / "r.txt"), "--reference", str(tmp_path / "bad.csv"))
    assert result.exit_code == 2
    assert result.output.strip() == f"auditor: 参考表有误:{tmp_path / 'bad.csv'}:缺少列 metric, value(须有 metric、value;可有 subject、unit、tolerance)"


def numeric_rule_ids() -> set[str]:
    """The rules the suite holds: every enabled rule whose check is numeric, from the registry."""
    from auditor.audit import numeric_rules
    from auditor.rulepack import load_rulepack

    return {rule.id for rule, _ in numeric_rules(load_rulepack())}
