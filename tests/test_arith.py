from decimal import Decimal
from fractions import Fraction

from auditor.arith import consistent, percent_of, round_half_up


def test_half_up_of_exact_value_is_accepted_where_float_fails():
    exact = percent_of(Decimal(19265), Decimal(20000))
    assert exact == Fraction(96325, 1000)
    assert Fraction(19265 / 20000 * 100) != exact  # a float cannot hold the value whose rounding is at stake
    assert consistent(exact, Decimal("96.33"), 2)
    assert consistent(exact, Decimal("96.32"), 2)  # truncation is accepted too
    assert not consistent(exact, Decimal("96.34"), 2)


def test_half_even_passes_because_the_interval_is_closed():
    assert consistent(Fraction(93485, 1000), Decimal("93.48"), 2)
    assert consistent(Fraction(93485, 1000), Decimal("93.49"), 2)


def test_wrong_rate():
    exact = percent_of(Decimal(65127), Decimal(66775))
    assert round_half_up(exact, 2) == Decimal("97.53")
    assert not consistent(exact, Decimal("97.66"), 2)


def test_bounds_and_approximations():
    exact = Fraction(9753, 100)
    assert consistent(exact, Decimal("97.5"), 1, "以上")
    assert not consistent(exact, Decimal("97.66"), 2, "以上")
    assert consistent(exact, Decimal("98"), 0, "以下")
    assert consistent(exact, Decimal("90"), 0, "约") is None
