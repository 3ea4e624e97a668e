"""Loading the rule pack: user packs on top of the built-in one, overrides, and
every mistake in a pack refused at load with a line naming the file and rule."""

from auditor.rulepack import load_rulepack
from conftest import hits


def test_may_exceed_is_data_a_user_pack_can_change(tmp_path):
    (tmp_path / "mine.yaml").write_text("rules:\n  - id: RB001\n    params:\n      may_exceed: [住院分娩率]\n", encoding="utf-8")
    pack = load_rulepack([tmp_path])
    assert hits("住院分娩率103%。", pack=pack) == []
    assert hits("合格率103%。", pack=pack) == [("RB001", "103%")]


# --- every mistake in a pack is refused at load, naming the file and the rule ------------------

import pytest  # noqa: E402

from auditor.rulepack import RulePackError  # noqa: E402


def pack_error(tmp_path, yaml_text: str, lang: str = "zh", raw: bytes | None = None) -> str:
    path = tmp_path / "mine.yaml"
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(RulePackError) as caught:
        load_rulepack([tmp_path])
    text = caught.value.text(lang)
    assert "\n" not in text
    return text


PHRASE_RULE = "rules:\n  - {{id: HX001, category: other, severity: warning, {rest}}}\n"


def test_a_misspelt_check_is_refused_with_the_nearest_name(tmp_path):
    text = pack_error(tmp_path, PHRASE_RULE.format(rest="check: phrases, message: {zh: '“{phrase}”', en: '“{phrase}”'}"), "en")
    assert text == f"{tmp_path / 'mine.yaml'}: rule HX001: unknown check phrases (nearest: phrase; see auditor rules)"


def test_a_misspelt_param_is_refused_not_ignored(tmp_path):
    text = pack_error(tmp_path, "rules:\n  - id: RB001\n    params:\n      may_exced: [住院分娩率]\n")
    assert text == f"{tmp_path / 'mine.yaml'}:规则 RB001 的参数有误:未知的键“may_exced”;是否应为“may_exceed”?"


def test_a_placeholder_the_check_cannot_fill_is_refused(tmp_path):
    text = pack_error(tmp_path, PHRASE_RULE.format(rest="check: phrase, message: {zh: '请勿使用“{phrse}”', en: 'avoid {phrase}'}, params: {phrases: [搞定]}"), "en")
    assert text == f"{tmp_path / 'mine.yaml'}: rule HX001: the message asks for {{phrse}}, which the check does not give (it gives: phrase)"


@pytest.mark.parametrize(
    "yaml_text, expected",
    [
        ("rules:\n  - {id: RB001, params: [1, 2]}\n", "规则 RB001:应为 object,实为 array(位置 rules[0].params)"),
        ("rules:\n  - {id: X9, category: other, severity: error, check: phrase, message: hello}\n", "规则 X9:应为 object,实为 str"),
        ("rules:\n  - {id: [1], category: other, severity: error, check: phrase, message: {zh: a, en: b}}\n", "应为 str,实为 array(位置 rules[0].id)"),
        ("vocabulary: [1, 2]\n", "应为 object,实为 array(位置 vocabulary)"),
        ("rules:\n  - {id: RB001, enabled: 'no'}\n", "规则 RB001:应为 bool,实为 str(位置 rules[0].enabled)"),
        ("rules:\n  - {id: X9, category: other, severity: error, check: pattern, message: {zh: 命中, en: hit}, params: {patterns: 年月}}\n",
         "规则 X9 的参数有误:应为 array,实为 str(位置 patterns)"),
        ("rules:\n  - {id: X9, category: other, severity: error, check: pattern, message: {zh: 命中, en: hit}, params: {patterns: ['(']}}\n",
         "规则 X9 的参数有误:bad pattern ("),
        ("rules:\n  - {id: RB001, severity: fatal}\n", "规则 RB001 的级别只能是 error、warning 或 info,而不是 fatal"),
        ("rules:\n  - {id: RB001, colour: red}\n", "未知的键“colour”"),
        ("rules:\n  - {id: RB001, message: {zh: a, fr: b}}\n", "规则 RB001 的 message 只能有 zh、en,而不是 fr"),
        ("a: &a [x, x]\nvocabulary:\n  metrics: *a\n", "第 3 行使用了 YAML 别名"),
    ],
)
def test_malformed_packs_are_one_line_errors_naming_the_file(tmp_path, yaml_text, expected):
    text = pack_error(tmp_path, yaml_text)
    assert text.startswith(f"{tmp_path / 'mine.yaml'}:")
    assert expected in text


def test_a_pack_file_not_in_utf8_and_a_directory_named_yaml(tmp_path):
    assert pack_error(tmp_path, "", raw="vocabulary:\n  metrics: [接种率]\n".encode("gb18030")).endswith("不是 UTF-8 编码的文件,请另存为 UTF-8")
    (tmp_path / "mine.yaml").unlink()
    (tmp_path / "x.yaml").mkdir()
    with pytest.raises(RulePackError) as caught:
        load_rulepack([tmp_path])
    assert caught.value.text("en") == f"{tmp_path / 'x.yaml'}: not a file"


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    text = pack_error(tmp_path, "\n".join(levels) + "\nvocabulary:\n  metrics: [*a8]\n", "en")
    assert "YAML aliases (*name) are not supported in rule packs" in text


def test_config_params_go_through_the_same_schema(tmp_path):
    with pytest.raises(RulePackError) as caught:
        load_rulepack(params={"RB001": {"may_exced": ["x"]}}, config_source="auditor.toml")
    assert caught.value.text("en") == "auditor.toml: rule RB001: bad params: unknown key “may_exced”; did you mean “may_exceed”?"


def test_may_exceed_in_config_reaches_every_rule_that_declares_it():
    pack = load_rulepack(extend_params={"may_exceed_extra": ["住院分娩率", "筛查率"]})
    assert hits("住院分娩率103%,筛查率101%。", pack=pack) == []
    assert [r.id for r in pack.rules if "may_exceed_extra" in r.params and r.params["may_exceed_extra"]] == ["RB001", "RB002"]


def test_an_unknown_rule_to_disable_is_a_notice_not_an_error():
    pack = load_rulepack(disable=["XX999", "CF001"], config_source="auditor.toml")
    assert pack.notices == (("notice_unknown_disable", {"where": "auditor.toml", "rule": "XX999"}),)
    assert not pack.get("CF001").enabled


def test_defaults_live_in_the_check_params():
    pack = load_rulepack()
    assert pack.get("CT001").options.open_list_words == ("等", "等等")  # from the YAML
    assert pack.get("NB001").options.reset_words == ()  # the check's default


def test_a_bad_regular_expression_in_a_patterns_vocabulary_is_refused(tmp_path):
    text = pack_error(tmp_path, "vocabulary:\n  address_patterns: ['(www']\n", "en")
    assert text.startswith(f"{tmp_path / 'mine.yaml'}: vocabulary address_patterns: bad regular expression (www: ")


def test_address_patterns_are_one_list_for_residue_and_figure_reading(tmp_path):
    """RD002 reports what the pack's address_patterns match, and no figure is read inside one;
    a user pack extends both at once."""
    (tmp_path / "mine.yaml").write_text("vocabulary:\n  address_patterns: ['内网\\d+号']\n", encoding="utf-8")
    text = "详见内网2023号,接种率为103%。"
    assert hits(text, pack=load_rulepack([tmp_path])) == [("RD002", "内网2023号"), ("RB002", "103%")]
    assert [r for r, _ in hits(text)] == ["RB002"]
