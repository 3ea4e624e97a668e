"""Consistency across reports (--across): the sample set gives exactly its planted
findings; the traps (other periods, other areas, revised figures) give nothing."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.across import Period, area_in_title, metric_key, period_part, title_scope, with_cross_findings
from auditor.cli import main
from auditor.read import expand_paths
from auditor.runner import audit_targets
from conftest import REPORTS, _PACK

ACROSS = REPORTS / "across"
EXPECTED = json.loads((ACROSS / "expected.json").read_text(encoding="utf-8"))


def across(directory: Path, jobs: int = 1, lang: str = "zh"):
    targets = expand_paths([str(directory)], [], [])
    results = audit_targets(targets, _PACK, lang, jobs=jobs, keep_facts=True, keep_text=True)
    return with_cross_findings(results, _PACK, lang)


def found(results) -> list[tuple[str, str, int, str, str, int]]:
    rows = []
    for result in results:
        for f in result.findings:
            other = f.related[0] if f.related else {}
            rows.append((Path(result.path).name, f.rule, f.line, result.text[f.start : f.end],
                         Path(other.get("file", "")).name, other.get("line", 0)))
    return sorted(rows)


def test_the_samples_give_exactly_their_planted_findings():
    planted = sorted((e["file"], e["rule"], e["line"], e["text"], e["other_file"], e["other_line"]) for e in EXPECTED["findings"])
    assert found(across(ACROSS)) == planted


def test_each_sample_alone_gives_nothing():
    results = audit_targets(expand_paths([str(ACROSS)], [], []), _PACK, "zh", jobs=1)
    assert [(r.path, r.findings, r.error) for r in results if r.findings or r.error] == []


def test_messages_name_both_places_in_both_languages():
    zh = {f.rule: f for r in across(ACROSS) for f in r.findings if Path(r.path).name == "qinghe_city_2024.txt"}
    assert zh["CF003"].message.startswith("安平县2024年“老年人健康管理率”此处为79.2%,与")
    assert zh["CF003"].message.endswith("anping_2024.txt第7行的80.1%不符")
    assert zh["CF003"].category == "conflict" and zh["CF003"].severity == "error"
    en = {(Path(r.path).name, f.rule): f for r in across(ACROSS, lang="en") for f in r.findings}
    change = en[("anping_2024.txt", "CF004")]
    assert "does not match last year's report" in change.message and "which is 0.70 points" in change.message
    assert change.details["old"] == "97.4%" and change.details["new"] == "98.1%" and change.details["other_line"] == 6


def test_process_pool_gives_the_same_findings():
    assert found(across(ACROSS, jobs=2)) == found(across(ACROSS, jobs=1))


def _variant(tmp_path: Path, name: str, old: str, new: str) -> Path:
    target = tmp_path / "set"
    shutil.copytree(ACROSS, target)
    path = target / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return target


def test_the_revision_trap_is_what_keeps_it_quiet(tmp_path):
    target = _variant(tmp_path, "anping_2024.txt", "(上年数据经复核已修订)", "")
    extra = set(found(across(target))) - set(found(across(ACROSS)))
    assert extra == {("anping_2024.txt", "CF003", 10, "87.9%", "anping_2023.txt", 6)}


def test_a_half_year_figure_is_compared_with_the_half_year_report_only(tmp_path):
    target = _variant(tmp_path, "qinghe_city_2024.txt", "安平县高血压患者规范管理率76.0%", "安平县高血压患者规范管理率74.0%")
    extra = set(found(across(target))) - set(found(across(ACROSS)))
    assert extra == {("qinghe_city_2024.txt", "CF003", 8, "74.0%", "anping_2024_h1.txt", 6)}


def test_another_county_is_not_compared(tmp_path):
    target = _variant(tmp_path, "qinghe_city_2024.txt", "饶阳县老年人健康管理率77.0%", "饶阳县老年人健康管理率70.0%")
    extra = set(found(across(target))) - set(found(across(ACROSS)))
    assert extra == {("qinghe_city_2024.txt", "CF003", 7, "70.0%", "raoyang_2024_traditional.txt", 6)}
    # without the county's own report nothing names 饶阳县's figure
    (target / "raoyang_2024_traditional.txt").unlink()
    assert not any(row[0] == "qinghe_city_2024.txt" and row[3] == "70.0%" for row in found(across(target)))


def test_a_title_in_doubt_gives_no_facts(tmp_path):
    target = _variant(tmp_path, "anping_2023.txt", "安平县卫生健康局2023年工作总结", "卫生健康工作总结")
    assert found(across(target)) == [row for row in found(across(ACROSS)) if "anping_2023.txt" not in (row[0], row[4])]


@pytest.mark.parametrize("title, area, period", [
    ("安平县卫生健康局2024年工作总结", "安平县", Period(2024)),
    ("清河市安平县卫生健康局2024年上半年工作总结", "安平县", Period(2024, "1-6月")),
    ("清河市卫生健康委员会2023年1-10月工作情况报告", "清河市", Period(2023, "1-10月")),
    ("关于安平县2022年第三季度疫苗接种工作的报告", "安平县", Period(2022, "7-9月")),
    ("饶阳县卫生健康局2024年前三季度工作汇报", "饶阳县", Period(2024, "1-9月")),
])
def test_title_scope(title, area, period):
    scope = title_scope(title)
    assert (scope.area, scope.period) == (area, period)


@pytest.mark.parametrize("title", [
    "卫生健康局2024年工作总结",                      # no area
    "安平县2023年工作总结和2024年工作计划",           # two years
    "安平县卫生健康工作总结",                          # no year
    "安平县2024年上半年及1-10月工作情况",             # two periods
    "全县2024年工作总结",                              # not a name
])
def test_title_scope_in_doubt(title):
    assert title_scope(title) is None


def test_small_pieces():
    assert area_in_title("城区卫生院2024年工作总结") == ""
    assert period_part("截至11月底,全县") == "截至11月底"
    assert period_part("1至10月") == "1-10月"
    assert metric_key("全县儿童常规", "安平县") + "x" == "儿童常规x"
    assert metric_key("安平县全县孕产妇", "安平县") == "孕产妇"


def test_cli_across_json_and_the_figures_table_columns():
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--isolated", "--across", str(ACROSS), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["summary"]["by_category"]["conflict"] == 3
    city = next(f for f in data["files"] if f["path"].endswith("qinghe_city_2024.txt"))["findings"][0]
    assert city["details"]["related"][0]["file"].endswith("anping_2024.txt")
    assert city["details"]["other_value"] == "80.1%" and city["details"]["period"] == "2024年"
    plain = runner.invoke(main, ["check", "--isolated", str(ACROSS), "--format", "json"])
    assert plain.exit_code == 0 and json.loads(plain.output)["summary"]["findings"] == 0
    table = runner.invoke(main, ["figures", "--isolated", str(ACROSS / "anping_2024.txt"), "--format", "json"])
    rows = json.loads(table.output)["figures"]
    by_text = {row["text"]: (row["area"], row["period"]) for row in rows}
    assert by_text["1402例"] == ("安平县", "2023年") and by_text["1265例"] == ("安平县", "2024年")
    assert by_text["1.2个百分点"] == ("安平县", "2024年")


def test_across_and_dask_need_the_default_engine():
    for option in (["--across"], ["--dask", "local"]):
        result = CliRunner().invoke(main, ["check", "--isolated", *option, "--engine", "gx", "--lang", "en", str(ACROSS)])
        assert result.exit_code == 2
        assert result.stderr.strip() == f"auditor: {option[0]} works with the default engine, not with --engine gx"
