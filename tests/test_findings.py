"""What a finding carries beyond its rule and span: the recomputed numbers,
the related places, the original characters, and where the page's own
furniture silences everything but residue."""

from conftest import audit


def test_ratio_details_carry_the_exact_numbers():
    found = audit("全县儿童常规免疫报告应接种66775人次,实际接种65127人次,接种率为97.66%。")
    details = found[0].details
    assert (details["numerator"], details["denominator"], details["recomputed"]) == ("65127", "66775", "97.53")
    assert [(r["start"], r["end"]) for r in found[0].related] == [(25, 32), (13, 20)]  # 65127人次, 66775人次


def test_traditional_text_is_quoted_as_written():
    text = "應接種66775人次,實際接種65127人次,接種率為97.66%。"
    found = audit(text)
    assert [f.rule for f in found] == ["RT001"]
    assert "實際接種" in found[0].excerpt


def test_conflict_names_both_places():
    found = audit("建档率94.8%。\n其他工作有序开展。\n建档率95.8%。")
    assert [(f.rule, f.line) for f in found] == [("CF001", 3)]
    assert found[0].related[0]["line"] == 1


def test_debris_tail_silences_other_findings():
    body = "正文第一段,开展讲座x场。" + "这一段是报告正文的长段落,写满了各项工作内容。" * 6
    text = body + "\n上一篇:某某工作计划\n下一篇:某某报告\n相关推荐\nXX年,我镇工作有序推进。\n"
    rules = [f.rule for f in audit(text)]
    assert rules.count("PH001") == 1  # the x in the body, not the XX in the tail
    assert rules.count("RD001") == 1  # 上一篇, 下一篇, 相关推荐 on consecutive lines are one piece of debris
