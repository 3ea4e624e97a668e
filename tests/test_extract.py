from decimal import Decimal

from auditor.extract import extract_figures, find_dates
from auditor.spans import make_text


def figures(text: str):
    t = make_text(text)
    return extract_figures(t, find_dates(t.norm), ("规范管理率", "接种率", "建档率", "住院分娩率"))


def one(text: str):
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


def test_percent_with_metric_and_exact_value():
    f = one("接种率为97.66%。")
    assert (f.kind, f.value, f.decimals, f.metric, f.unit) == ("percent", Decimal("97.66"), 2, "接种率", "%")


def test_full_width_digits_keep_original_positions():
    text = "完成率９６．５％"
    f = one(text)
    assert f.value == Decimal("96.5") and f.decimals == 1
    assert text[f.number_start : f.end] == "９６．５％"


def test_multiplier_is_applied_exactly():
    f = one("累计建立健康档案59.5万份")
    assert (f.value, f.written, f.multiplier, f.unit, f.base_unit) == (Decimal("595000"), Decimal("59.5"), 10000, "万份", "份")
    money = one("总投资1.2亿元")
    assert (money.kind, money.value, money.base_unit) == ("money", Decimal("120000000"), "元")


def test_thousands_separator():
    assert one("接诊12,345人次").value == Decimal("12345")


def test_qualifiers_turn_values_into_bounds():
    assert one("接种率97.66%以上").qualifier == "以上"
    assert one("投资550余万元").qualifier == "余"
    assert one("超过300人").qualifier == "超过"
    assert one("约40%的村").qualifier == "约"


def test_rates_that_are_not_percentages():
    assert one("发病率319.83/10万").kind == "per100k"
    assert one("死亡率5.56‰").kind == "permille"
    assert one("提高3个百分点").kind == "points"


def test_ranges_and_ages_are_not_counts():
    assert one("0-6岁儿童").kind == "range"
    assert one("每所覆盖1500—2000人").value_high == Decimal("2000")


def test_chinese_numerals():
    values = {(f.value, f.unit) for f in figures("两个中心、九项服务、十二所学校、一千二百人、百分之九十五")}
    assert values == {(Decimal(2), "个"), (Decimal(9), "项"), (Decimal(12), "所"), (Decimal(1200), "人"), (Decimal(95), "%")}


def test_outline_numbers_and_plan_names_are_not_figures():
    assert figures("一是加强领导,推进“十四五”规划,第三季度") == []


def test_dates_are_not_figures_and_are_parsed():
    t = make_text("2023年9月30日召开,3月5日至7日检查")
    assert extract_figures(t, find_dates(t.norm)) == []
    dates = [(d.year, d.month, d.day) for d in find_dates(t.norm)]
    assert dates == [(2023, 9, 30), (None, 3, 5), (None, 3, 7)]


def test_traditional_text_gets_the_same_figures():
    f = one("規範管理率93.49%")
    assert f.metric == "规范管理率" and f.value == Decimal("93.49")


def test_list_values_inherit_the_metric():
    first, second = figures("治疗率分别达96%、100%")
    assert first.metric == second.metric == "治疗率"
    assert second.in_list and not first.in_list


def test_figures_table_is_a_dataframe_with_exact_values():
    from auditor.figures import figures_table

    table = figures_table("應接種66775人次,實際接種65127人次,接種率為97.66%。全年投入1.2亿元。")
    assert list(table["text"]) == ["66775人次", "65127人次", "97.66%", "1.2亿元"]
    assert list(table["value"]) == ["66775", "65127", "97.66", "120000000"]
    assert list(table["kind"]) == ["count", "count", "percent", "money"]
    assert table.loc[2, "metric"] == "接种率" and table.loc[2, "ratio_scaled"] == "6512700"


def test_ji_yishang_is_a_bound_too():
    f = one("65岁及以上老年人")
    assert (f.kind, f.qualifier, f.value) == ("age", "以上", Decimal(65))
