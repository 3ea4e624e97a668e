"""The literal pre-check of auditor.regexscan skips a search only where it
cannot match: never a lost match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import _addresses
from auditor.regexscan import finditer, line_anchors, may_match, required_literals
from auditor.rulepack import load_rulepack


def test_literals_every_match_holds():
    assert required_literals("(?:此处)?省略\\d+字") == ("省略", "字")
    assert required_literals("/{5,}") == ("/////",)
    assert required_literals("(?:ab|cd)e") == (("or", ("ab", "cd")), "e")
    assert required_literals("x[>›»]y") == ("x", ("or", (">", "›", "»")), "y")
    assert required_literals("(?<=报告|总结)篇") == (("or", ("报告", "总结")), "篇")


def test_nothing_required_where_a_match_may_lack_it():
    assert required_literals("(?:a|)b") == ("b",)  # the optional branch requires nothing
    assert required_literals("a?b*") == ()
    assert required_literals("(?<!页)x") == ("x",)  # a negative assertion reads no required text
    assert required_literals("(?i)copyright") == ()  # case folded: not a literal test
    assert required_literals("a(?i:b)c") == ("a", "c")
    assert required_literals("[^ab]") == ()
    assert required_literals("(") == ()  # not a pattern: nothing said, the search runs and raises as before


def test_a_text_without_the_literals_is_skipped_and_one_with_them_searched():
    pattern = re.compile(r"(?<=[\u4e00-\u9fff])篇\d{1,2}[ \t]*$", re.MULTILINE)
    assert not may_match(pattern, "全年工作总结如下,完成率98%。")
    assert may_match(pattern, "工作总结篇3\n")
    addresses = _addresses(load_rulepack().words("address_patterns"))
    assert not may_match(addresses, "完成投资1.5亿元,同比增长3.2%。")  # a point but no com/cn/net/org, @ or www.
    assert may_match(addresses, "详见www.example.org")


def _pack_patterns() -> list[re.Pattern]:
    pack = load_rulepack()
    found = []
    for rule in pack.rules:
        options = rule.options
        names = getattr(options, "vocabulary", ())
        for expression in getattr(options, "patterns", ()) + tuple(w for n in names for w in pack.words(n)):
            if rule.check == "pattern" or expression in getattr(options, "patterns", ()):
                found.append(re.compile(expression, re.MULTILINE))
    found.append(_addresses(pack.words("address_patterns")))
    return found


PATTERNS = _pack_patterns()
PIECES = ["篇", "3", "12", "页", "共", "第", "/", ".", "@", "com", "cn", "www.", "http://", "QQ", "微信", "省略",
          "字", "\n", " ", "\t", "总结", "报告", ":", ",", "。", "大", "中", "小", "|", "【", "】", "下载", "收藏",
          "a", "Z", "-", ">", "»", "©", "2024", "分享到", "版权所有", "字号", "推荐阅读", "x", "&", "nbsp", ";"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(0, len(PATTERNS) - 1))
def test_a_skipped_text_never_had_a_match(pieces, which):
    pattern = PATTERNS[which]
    text = "".join(pieces)
    if not may_match(pattern, text):
        assert pattern.search(text) is None


def _case_texts() -> list[str]:
    """Every text of the rule cases, fail and pass, normalised as the checks see it."""
    import yaml

    from auditor.spans import make_text

    texts = []
    for path in sorted((Path(__file__).parent / "rule_cases").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in (data.get("fail") or []) + (data.get("pass") or []):
            texts.append(make_text(case if isinstance(case, str) else case["text"]).norm)
    return texts


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
def test_every_rule_case_text_a_pack_pattern_matches_is_searched(pattern):
    for text in CASE_TEXTS:
        if pattern.search(text):
            assert may_match(pattern, text), text


CASE_TEXTS = _case_texts()


# --- finditer: a one-line pattern searched only on the lines holding its literals ---------------


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_one_line_patterns_have_anchors_and_those_that_may_cross_a_line_none():
    multiline = re.MULTILINE
    assert line_anchors(r"^[ \t]*篇\d{1,2}[ \t]*$", multiline) == (("篇",),)
    assert line_anchors(r"(?<=报告|总结)篇[^\n]{0,9}", multiline) == (("报告", "总结"), ("篇",))
    assert line_anchors(r"字数:\s*\d+", multiline) == ()  # \s reads a line break
    assert line_anchors(r"省略[^。]*字", multiline) == ()  # [^。] reads one too
    assert line_anchors(r"(?s)省略.字", multiline) == ()  # . reads one under DOTALL
    assert line_anchors(r"篇\d$", 0) == ()  # $ without MULTILINE: the text's end, not a line's
    assert line_anchors(r"篇\d\Z", multiline) == ()
    assert line_anchors(r"(?!\s)篇", multiline) == ()  # a negative lookahead that could read the break
    assert line_anchors(r"\d+[%‰]?", multiline) == ()  # no literal every match holds


FINDITER_CASES = [
    (r"^[ \t]*篇\d{1,2}[ \t]*$", "报告\n篇3\n  篇12 \n篇3 正文\n篇4"),
    (r"(?<=[\u4e00-\u9fff])篇\d", "总结篇1\n篇2\n报告篇3篇4"),  # a lookbehind never reads the line before
    (r"篇\d\b", "篇1\n篇2x\n篇3"),  # \b at a line's end as at the break
    (r"(?<!\n)篇", "篇\n篇篇\n"),
    (r"篇(?=\d)|页(?!\d)", "篇1页\n页2篇\n页"),
    (r"x*", "ab\nxx\n\nx"),  # empty matches where the whole text's search has them
    (r"(?:ab|cd)e?$", "ab\ncde\nabe\nzcd"),
]


@pytest.mark.parametrize("expression, text", FINDITER_CASES)
def test_finditer_gives_the_whole_texts_matches(expression, text):
    pattern = re.compile(expression, re.MULTILINE)
    for most_lines in (None, 0, 10**6):  # by the line, and the whole text when too many lines hold the literal
        assert _spans(finditer(pattern, text, most_lines)) == _spans(pattern.finditer(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.integers(0, len(PATTERNS) - 1))
def test_finditer_of_a_pack_pattern_is_the_whole_texts(pieces, which):
    pattern = PATTERNS[which]
    text = "".join(pieces)
    assert _spans(finditer(pattern, text, 10**6)) == _spans(pattern.finditer(text))


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
def test_finditer_on_the_rule_case_texts_is_the_whole_texts(pattern):
    for text in CASE_TEXTS:
        assert _spans(finditer(pattern, text, 10**6)) == _spans(pattern.finditer(text)), text


def _placeholder_patterns() -> list[re.Pattern]:
    from auditor.checks import placeholder

    return [value for name, value in vars(placeholder).items() if name.endswith("_RE") and isinstance(value, re.Pattern)]


SLOT_PIECES = ["x", "X", "*", "?", "×", "某", "某某", "“”", "《》", "〇", "○", "□", "(", ")", "( )", "n", "N", "%", "‰",
               "年", "月", "日", "第", "个", "人", "县", "万元", " ", "\t", "\n", "2024", "3", ".", ",", "。", "的", "由", "至"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SLOT_PIECES), max_size=60), st.sampled_from(_placeholder_patterns()))
def test_finditer_of_a_placeholder_pattern_is_the_whole_texts(pieces, pattern):
    text = "".join(pieces)
    for most_lines in (None, 10**6):
        assert _spans(finditer(pattern, text, most_lines)) == _spans(pattern.finditer(text))


PHRASE_CHARS = ["下", "载", "全", "文", "上", "一", "篇", "相", "关", "推", "荐", "a", "b", " ", "\n", "。"]


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text(st.sampled_from(PHRASE_CHARS), min_size=1, max_size=4), min_size=1, max_size=12),
       st.lists(st.sampled_from(PHRASE_CHARS), max_size=60))
def test_phrases_grouped_by_first_character_match_as_one_alternation(phrases, pieces):
    from auditor.checks.text import _compile, _longest_first

    text = "".join(pieces)
    plain = _compile(tuple(sorted(phrases, key=lambda p: (-len(p), p))), True)
    assert _spans(_longest_first(tuple(phrases)).finditer(text)) == _spans(plain.finditer(text))


# --- finditer_from: a pattern tried only where its matches can begin -----------------------------

from auditor.extract import (_CN_DATE_RE, _CN_DATE_STARTS, _CN_FIGURE_RE, _CN_FIGURE_STARTS, _DATE_RE,  # noqa: E402
                             _DATE_STARTS, _FIGURE_RE, _FIGURE_STARTS)
from auditor.regexscan import finditer_from  # noqa: E402

DATE_PIECES = [*"0123456789年月日号至到—-~、./ 龄个第中\n", "2024", "1999", "20", "19", "12", "3.5", "2023年",
               "11月", "5日", "〇", "零", "一", "二", "十", "二〇二三年", "十二月", "三十日", "五号", "第十",
               "1,234", "12 345", "\u2009", ",", "万元", "亿", "%", "‰", "个百分点", "百分之", "两", "点", "余", "以上", "人次"]
PAIRS = [(_DATE_RE, _DATE_STARTS), (_CN_DATE_RE, _CN_DATE_STARTS), (_FIGURE_RE, _FIGURE_STARTS),
         (_CN_FIGURE_RE, _CN_FIGURE_STARTS)]


def _matches(found) -> list:
    return [(m.span(), m.groupdict()) for m in found]


@pytest.mark.parametrize("text", [
    "2023年5月12日至15日召开,2022-11-03印发;3月的第13月,1.5月,12个月。",
    "二〇二二年五月一日至三日,四月三十日前完成,第十二月,十二月。",
    "",
    "2024年",
    "投入资金1,234.5万元,较上年增长12.5%至15%,惠及3 200余人次;百分之二十,提高两个百分点,十二项。",
    "一二三四五六七八九十百两",
])
def test_dates_and_figures_tried_only_at_their_starts_are_the_whole_searchs(text):
    for compiled, starts in PAIRS:
        assert _matches(finditer_from(compiled, starts, text)) == _matches(compiled.finditer(text))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=40))
def test_dates_and_figures_tried_only_at_their_starts_on_generated_texts(pieces):
    text = "".join(pieces)
    for compiled, starts in PAIRS:
        assert _matches(finditer_from(compiled, starts, text)) == _matches(compiled.finditer(text))


@pytest.mark.parametrize("path", sorted(Path(__file__).resolve().parent.parent.joinpath("reports").glob("*.txt")))
def test_dates_and_figures_tried_only_at_their_starts_on_the_sample_reports(path):
    from auditor.normalise import normalise
    from auditor.read import decode_bytes

    text = normalise(decode_bytes(path.read_bytes())[0])
    for compiled, starts in PAIRS:
        assert _matches(finditer_from(compiled, starts, text)) == _matches(compiled.finditer(text))
