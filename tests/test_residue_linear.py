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
        " " * 20000 + "共3页",
        " " * 20000 + "1.5万字",
        "字号:" + " " * 20000 + "大",
        "评论" + " " * 20000 + "(共",
        "相关新闻\n" + "我县召开春耕生产推进会\n\n" * 10000,
        "阅读:535 来源:" * 10000 + "\n",
        "nbsp;" * 20000 + "&amp;" * 20000,
        "【 - " * 20000,
    ],
    ids=["edit-bar-blanks", "edit-bar-words", "image-openers", "link-unclosed", "tag-line", "contents", "breadcrumb", "menu-lines",
         "blanks-before-pages", "blanks-before-words", "font-size-blanks", "comment-count-blanks", "recommendation-block",
         "meta-labels", "entities", "page-title-brackets"],
)
def test_long_runs_of_debris_shapes_finish(text, no_hang):
    assert isinstance(_residue(text), list)


def test_long_contents_list_is_one_finding(no_hang):
    text = "某某镇\n目录\n" + "1 历史沿革\n" * 5000 + "某某镇地处县境东南,辖9个行政村。"
    assert _residue(text) == ["RD001"]


def test_block_of_address_lines_is_one_finding(no_hang):
    # lines of one width and no sentence end read as one hard-wrapped paragraph: the words after each
    # line's debris were read to that paragraph's end, once per line (8,000 lines: a minute)
    text = "".join(f"来源:https://www.example.com/a/{i}.html\n" for i in range(20000))
    assert _residue(text) == ["RD002"]
