"""The page-debris rules (RD001 furniture lines, markdown links, contents lists, menus
at the top of a page) finish on long runs of what they look for: no backtracking that
grows faster than the text. A hang guard only; timings are for benchmarks/."""

from __future__ import annotations

import pytest

from conftest import audit


def _residue(text: str) -> list[str]:
    return [f.rule for f in audit(text) if f.category == "residue"]


@pytest.mark.parametrize(
    "text",
    [
        "编辑" + " " * 20000 + "x\n",
        "编辑 " * 20000 + "x\n",
        "![" * 20000,
        "[点击查看](/" + "a" * 20000,
        "词条标签:" + "a" * 20000 + "\n" + " " * 20000 + "x",
        "目录\n" + "1 历史沿革\n" * 20000,
        "您现在的位置:" + "首页 " * 20000,
        "首页\n" * 20000 + "全年完成投资5.2亿元。",
    ],
    ids=["edit-bar-blanks", "edit-bar-words", "image-openers", "link-unclosed", "tag-line", "contents", "breadcrumb", "menu-lines"],
)
def test_long_runs_of_debris_shapes_finish(text, no_hang):
    assert isinstance(_residue(text), list)


def test_long_contents_list_is_one_finding(no_hang):
    text = "某某镇\n目录\n" + "1 历史沿革\n" * 5000 + "某某镇地处县境东南,辖9个行政村。"
    assert _residue(text) == ["RD001"]
