"""The xlsx a reviewer works in."""

from click.testing import CliRunner

from auditor.cli import main
from conftest import REPORTS


def run(*args):
    return CliRunner().invoke(main, [*args])


def test_headers_in_the_report_language_numbers_filter_frozen_row_widths_and_columns_to_fill(tmp_path):
    import openpyxl

    out = tmp_path / "r.xlsx"
    run("check", "--isolated", str(REPORTS), "--format", "xlsx", "--output", str(out))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["问题"]
    sheet = book["问题"]
    header = [c.value for c in sheet[1]]
    assert header[:9] == ["文件", "位置", "规则", "严重程度", "类别", "问题", "原文", "处理状态", "备注"]
    assert {"行", "列", "段落", "标题", "表格", "页码", "源文件行"} <= set(header)
    assert sheet.auto_filter.ref == f"A1:T{sheet.max_row}"
    assert sheet.freeze_panes == "A2"
    rows = [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 47
    first = next(r for r in rows if r["规则"] == "RT001")
    assert first["文件"].endswith("01_county_health_2024.txt")
    assert (first["位置"], first["行"], first["列"]) == ("11:36", 11, 36)
    assert isinstance(first["行"], int) and isinstance(first["列"], int)  # numbers, not text
    assert first["严重程度"] == "错误" and first["类别"] == "比率计算" and first["处理状态"] == "待处理" and first["备注"] is None
    assert first["问题"] == "接种率98.12%与47105/48320=97.49%不符"
    widths = {c: sheet.column_dimensions[c].width for c in "ABCFH"}
    assert widths["C"] < widths["B"] < widths["F"] <= 62 and widths["H"] >= 10
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"待处理,已修改,无需修改"' and str(validation.sqref) == f"H2:H{sheet.max_row}"


def test_english_headers(tmp_path):
    import openpyxl

    out = tmp_path / "r.xlsx"
    run("check", "--isolated", str(REPORTS / "04_township_big5.txt"), "--format", "xlsx", "--output", str(out), "--lang", "en")
    sheet = openpyxl.load_workbook(out)["findings"]
    assert [c.value for c in sheet[1]][:9] == ["File", "Location", "Rule", "Severity", "Category", "Message", "Excerpt", "Status", "Note"]
    assert sheet["H2"].value == "open" and sheet["D2"].value == "error"


def test_the_figures_sheet_is_the_figures_command_table(tmp_path):
    import pandas as pd

    sample = str(REPORTS / "01_county_health_2024.txt")
    reviewed, exported = tmp_path / "r.xlsx", tmp_path / "f.xlsx"
    run("check", "--isolated", sample, "--format", "xlsx", "--output", str(reviewed), "--figures")
    run("figures", "--isolated", sample, "--format", "xlsx", "--output", str(exported))
    mine = pd.read_excel(reviewed, sheet_name=None)
    theirs = pd.read_excel(exported, sheet_name=None)
    assert list(mine) == ["问题", "数据", "关系"]
    pd.testing.assert_frame_equal(mine["数据"], theirs["figures"])
    pd.testing.assert_frame_equal(mine["关系"], theirs["relations"])
