"""A table cell's figure takes its metric and unit from its column header and
its subject from its row, in the figures table."""

from auditor.read import read_document
from auditor.table import figure_rows
from auditor.table_cells import split_header
from auditor.audit import analyse
from conftest import _PACK
from documents import make_docx


def rows_of(path):
    return [(r["text"], r["metric"], r["unit"], r["subject"]) for r in figure_rows(analyse(read_document(path, path.name), _PACK))]


def test_split_header():
    assert split_header("入学率(%)") == ("入学率", "%")
    assert split_header("经费（万元）") == ("经费", "万元")
    assert split_header("人数") == ("人数", "")
    assert split_header("(一)说明") == ("(一)说明", "")


def test_markdown_table_cells(tmp_path):
    path = tmp_path / "enrol.md"
    path.write_text("全区小学入学情况如下,入学率为99.1%。\n\n"
                    "| 学校 | 入学率(%) | 适龄儿童数(人) | 经费（万元） |\n|---|---:|---:|---:|\n"
                    "| 东小 | 99.2 | 640 | 12.5 |\n| 西小 | 98.5 | 400 | 8 |\n", encoding="utf-8")
    rows = rows_of(path)
    assert rows[0] == ("99.1%", "入学率", "%", "")  # prose keeps its own reading
    assert rows[1:4] == [("99.2", "入学率", "%", "东小"), ("640", "适龄儿童数", "人", "东小"), ("12.5", "经费", "万元", "东小")]
    assert rows[4:] == [("98.5", "入学率", "%", "西小"), ("400", "适龄儿童数", "人", "西小"), ("8", "经费", "万元", "西小")]


def test_docx_table_cells(tmp_path):
    path = make_docx(tmp_path / "t.docx", ["各街道体检情况如下。"],
                     table=[["街道", "应检人数", "体检率"], ["北街", "800", "95.00%"], ["南街", "1200", "96.00%"]])
    assert rows_of(path) == [("800", "应检人数", "", "北街"), ("95.00%", "体检率", "%", "北街"),
                             ("1200", "应检人数", "", "南街"), ("96.00%", "体检率", "%", "南街")]
