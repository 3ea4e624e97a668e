"""Exact arithmetic on figures as written: fractions, intervals, rounding.

A stated value with d decimals stands for an interval. Under rounding it is
[s - h, s + h] with h half a unit of the last place (closed, so half-up and
GB/T 8170 half-even both pass); under truncation it is [s, s + u). A
recomputed value is consistent when it falls in either.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from auditor.lexicon import APPROXIMATE_WORDS, LOWER_BOUND_WORDS, UPPER_BOUND_WORDS  # noqa: F401 - importers use them from here too


def last_place(decimals: int) -> Fraction:
    return Fraction(1, 10**decimals)


def consistent(exact: Fraction, stated: Decimal, decimals: int, qualifier: str = "") -> bool | None:
    """Whether `exact` can be written as `stated`; None when the wording is approximate."""
    if qualifier in APPROXIMATE_WORDS:
        return None
    value = Fraction(stated)
    unit = last_place(decimals)
    half = unit / 2
    if qualifier in LOWER_BOUND_WORDS:
        return exact >= value - half
    if qualifier in UPPER_BOUND_WORDS:
        return exact < value + unit
    if value - half <= exact <= value + half:
        return True
    if value >= 0:
        return value <= exact < value + unit
    return value - unit < exact <= value


def round_half_up(value: Fraction, decimals: int) -> Decimal:
    """value to `decimals` places, halves away from zero, in whole-number
    arithmetic: exact for figures of any length (the decimal context holds
    28 digits and would fail on a longer one)."""
    scaled = abs(value) * 10**decimals
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    sign = 1 if value < 0 else 0
    return Decimal((sign, tuple(int(d) for d in str(whole)), -decimals))


def shown(value: Fraction, decimals: int) -> str:
    """A recomputed value for a message, with at least two decimals."""
    return format(round_half_up(value, max(decimals, 2)), "f")


def plain_fraction(value: Fraction) -> str:
    """A whole number as is, anything else to two decimals (half-up)."""
    return str(value.numerator) if value.denominator == 1 else shown(value, 2)


def percent_of(numerator: Decimal, denominator: Decimal) -> Fraction | None:
    if denominator == 0:
        return None
    return Fraction(numerator) * 100 / Fraction(denominator)


def percent_change(old: Decimal, new: Decimal) -> Fraction | None:
    if old == 0:
        return None
    return (Fraction(new) - Fraction(old)) * 100 / Fraction(old)


def half_unit(decimals: int, multiplier: int) -> Fraction:
    """Half a unit of the last written place, in the base unit.

    Whole numbers with no multiplier are exact counts; 2.5万 or 14018.64万元
    carry half a unit of their last place.
    """
    if decimals == 0 and multiplier == 1:
        return Fraction(0)
    return Fraction(multiplier, 10**decimals) / 2


def interval(value: Decimal, decimals: int, multiplier: int, qualifier: str, rounded: bool = False) -> tuple[Fraction, Fraction]:
    """The values a stated figure admits, as a closed interval.

    `rounded` says the figure is a measurement (a rate) rather than a count,
    so even a whole number stands for half a unit either side.
    """
    centre = Fraction(value)
    half = Fraction(multiplier, 10**decimals) / 2 if rounded else half_unit(decimals, multiplier)
    low, high = centre - half, centre + half
    if qualifier in LOWER_BOUND_WORDS:
        high = Fraction(10**18)
    elif qualifier in UPPER_BOUND_WORDS:
        low = Fraction(-(10**18))
    return low, high


INFINITY = Decimal("Infinity")


def scaled_interval(stated: Decimal, decimals: int, qualifier: str, scale: Decimal) -> tuple[Decimal, Decimal]:
    """[low, high) for a recomputed value × `scale` against a stated value with
    `decimals` places, both sides multiplied by the positive `scale` so that
    no division is needed: rounding [s-h, s+h] and truncation [s, s+u)
    together are [s-h, s+u), and rounding done twice reaches s-0.55u. A lower
    bound (以上) opens the top, an upper bound (以下) the bottom."""
    unit = Decimal(1).scaleb(-decimals)
    low = (stated - unit * Decimal("0.55")) * scale
    high = (stated + unit) * scale
    if qualifier in LOWER_BOUND_WORDS:
        high = INFINITY
    elif qualifier in UPPER_BOUND_WORDS:
        low = -INFINITY
    return low, high


def written_interval(value: Decimal, decimals: int, multiplier: int) -> tuple[Fraction, Fraction]:
    """The values a written quantity stands for: 31.1万 is [310500, 311500];
    a whole count with no multiplier is exact."""
    centre = Fraction(value)
    half = half_unit(decimals, multiplier)
    return centre - half, centre + half


# a figure rounded to one more place first and then to its own (2308/2424 = 95.2145 →
# 95.215 → 95.22) lies up to 0.55 of a unit below what it shows
DOUBLE_ROUNDING_REACH = Fraction(11, 20)


def rate_interval(stated: Decimal, decimals: int, qualifier: str = "") -> tuple[Fraction, Fraction]:
    """[low, high) a stated rate admits: rounding [s-h, s+h] and truncation [s, s+u)
    together, and rounding done twice (95.2145 → 95.215 → 95.22) below: s − 0.55u."""
    value = Fraction(stated)
    unit = last_place(decimals)
    low, high = value - unit * DOUBLE_ROUNDING_REACH, value + unit
    if qualifier in LOWER_BOUND_WORDS:
        high = Fraction(10**18)
    elif qualifier in UPPER_BOUND_WORDS:
        low = Fraction(-(10**18))
    return low, high


def ratio_representative(numerator: tuple[Fraction, Fraction], denominator: tuple[Fraction, Fraction],
                         target: tuple[Fraction, Fraction], scale: int = 100) -> Fraction | None:
    """The value of scale·n/d, n and d anywhere in their intervals, that comes
    closest to the target interval [low, high): inside it when any reading
    can produce the stated rate. None when the denominator may be zero."""
    n_low, n_high = numerator
    d_low, d_high = denominator
    if d_low <= 0 or n_low < 0:
        return None
    low, high = scale * n_low / d_high, scale * n_high / d_low
    t_low, t_high = target
    if high < t_low:
        return high
    if low >= t_high:
        return low
    return max(low, t_low)


def explains(representative: Fraction | None, target: tuple[Fraction, Fraction]) -> bool:
    return representative is not None and target[0] <= representative < target[1]
