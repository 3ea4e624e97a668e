"""The reproducers of ../shared/reliability/ (issue 11), one test each, named
after its folder. Big inputs are generated here; each would take minutes (or
hang) before its fix and takes well under a second after it.

`no_hang` is a guard, not a timing assertion: a test that used to run for
minutes fails after 60 s instead of blocking the suite."""

from __future__ import annotations

import itertools
import re
import signal

import pytest

from auditor import relate
from conftest import audit, hits


@pytest.fixture
def no_hang():
    def expired(signum, frame):
        raise TimeoutError("still running after 60 s: the super-linear case is back")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# --- regex_backtracking_spaces ----------------------------------------------------------


def test_regex_backtracking_spaces(no_hang):
    # before: 300 blanks 14 s, 1,000 blanks > 300 s; now a few milliseconds
    assert hits("全县门诊量52.6万人次" + "\u3000" * 5000 + "占比12.5%。\n") == []
    assert hits("门诊量52.6万人次,比上年" + " " * 5000 + "稳步增加12.5%。\n") == []
    assert hits("早孕建册2215" + "\u3000" * 5000 + "人,建册率为95%。\n") == []
    # blanks between the words still allowed where they were
    text = "今年门诊量52.6万人次,与上年同期( 40万人次 ) 相比 ,增长12.5%。"
    assert hits(text) == [("CH001", "12.5%")]
    text = "全县门诊量由40万人次增加到52.6万人次,同比 增长 12.5%。"
    assert hits(text) == [("CH001", "12.5%")]


_OLD_STATED = (
    r"^\s*[,,]?\s*(?:同比|比上年|较上年)?\s*"
    r"(?:(?P<word>增加|提高|上升|增长|扩大|提升|上涨|下降|减少|降低|缩减|缩小|回落|下跌)了?"
    r"|(?P<rate>增幅|降幅|增长率|下降率|增速|降低率)(?:为|达|达到)?)\s*$"
)
_OLD_COMPARE_TAIL = (
    r"^\s*\)?\s*(?:相比|相较)?\s*[,,]?\s*(?:同比)?"
    r"(?P<word>增加|提高|上升|增长|扩大|提升|上涨|下降|减少|降低|缩减|回落|下跌)了?\s*$"
)
_OLD_COMPARE = r"(?:与|比|较)(?:上年|去年|上一年|前一年|上年同期|去年同期|同期)(?:的)?\s*\(?\s*$"


def _gaps(tokens: list[str]) -> list[str]:
    """Every way of writing some of the tokens, in order, with 0–2 blanks around each."""
    found = []
    for mask in itertools.product((0, 1), repeat=len(tokens)):
        chosen = [t for t, keep in zip(tokens, mask) if keep]
        for blanks in itertools.product(("", " ", "  "), repeat=len(chosen) + 1):
            found.append("".join(b + t for b, t in zip(blanks, chosen + [""])))
    return found


@pytest.mark.parametrize(
    "old, new, tokens",
    [
        (_OLD_STATED, relate._STATED_RE, [",", "同比", "增长", "了"]),
        (_OLD_STATED, relate._STATED_RE, ["，", "比上年", "增幅", "达"]),
        (_OLD_COMPARE_TAIL, relate._COMPARE_TAIL_RE, [")", "相比", ",", "同比", "下降", "了"]),
        (_OLD_COMPARE, relate._COMPARE_RE, ["比上年同期", "的", "(", "x"]),
    ],
)
def test_regex_backtracking_spaces_same_matches(old, new, tokens):
    """The rewritten patterns accept exactly what the old ones did."""
    old = re.compile(old)
    for text in _gaps(tokens):
        assert bool(old.search(text)) == bool(new.search(text)), text


# --- quadratic_long_alnum_run -----------------------------------------------------------


def test_quadratic_long_alnum_run(no_hang):
    # before: 64 k digits 12 s, 1 MB of digits > 300 s; now well under a second
    body = "全县适龄儿童应接种2000人,实际接种1900人,接种率为96%。\n"
    found = hits("覆盖率为" + "9" * 1_000_000 + "%。\n" + body)
    assert found == [("RB002", "9" * 1_000_000 + "%"), ("RT001", "96%")]
    found = hits(body + "-" * 300_000 + "\n" + "a." * 100_000 + "\n")
    assert ("RT001", "96%") in found
    # addresses are still found and still hide their digits from the figures
    assert hits("联系邮箱zhang.san2024@example.com。") == [("RD002", "zhang.san2024@example.com")]
    assert hits("详见 www.example.gov.cn/a/2024 。") == [("RD002", "www.example.gov.cn/a/2024")]


# --- superlinear_figures_one_sentence ---------------------------------------------------


def test_superlinear_figures_one_sentence(no_hang):
    # before: 32 k characters ~1.9 s each, 200 KB 22 s; quadratic
    listing = "全县共" + "1人," * 40_000 + "合计3人。\n"
    assert hits(listing) == [("SM001", "3人")]
    changes = "由1人增加到" * 40_000 + "2人。\n"
    assert hits(changes) == []
    many_totals = "甲乡2人、乙乡3人,合计5人," * 20_000 + "\n"
    assert hits(many_totals) == []
    # a second total in the sentence sums only what follows the first
    assert hits("甲乡2人、乙乡3人,合计5人,丙乡4人、丁乡4人,合计9人。") == [("SM001", "9人")]


# --- decimal_quantize_sum ---------------------------------------------------------------


def test_decimal_quantize_sum():
    # 26+ digits overflowed the 28-digit decimal context while writing the message
    found = audit("甲单位投入99999999999999999999999999元,乙单位投入5元,总计1.8元。")
    assert [(f.rule, f.message) for f in found] == [
        ("SM001", "合计1.8元与分项之和99999999999999999999999999元+5元=100000000000000000000000004元不符")
    ]
    found = audit("全县总人口123456789012345678901234567人,其中男性1.5人,女性2人,其他3人。")
    assert [f.rule for f in found] == ["SM001"]
    assert "6.50人" in found[0].message
    assert hits("人口总数" + "8" * 400 + "人,其中城镇" + "4" * 400 + "人,乡村" + "4" * 400 + "人。") == []


def test_round_half_up_matches_decimal_on_ordinary_values():
    from decimal import ROUND_HALF_UP, Decimal
    from fractions import Fraction

    from auditor.arith import round_half_up

    for numerator, denominator, places in itertools.product((-2093, -508, -5, 0, 5, 125, 2215, 99995), (1, 3, 8, 400, 2093), (0, 1, 2, 3)):
        value = Fraction(numerator, denominator)
        expected = (Decimal(numerator) / Decimal(denominator)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        assert str(round_half_up(value, places)) == str(expected)
    assert str(round_half_up(Fraction(10**40 + 1, 3), 2)) == "3" * 40 + ".67"
