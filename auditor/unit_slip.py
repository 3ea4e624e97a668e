"""A unit slip in a stated difference: 支出完成255,325万元,比上年同期增支14,484元,增长6.01%.

The values are in 万元, the difference in 元; 6.01% is 14,484 over the year
before only when the difference is 14,484万元. When the stated rate fits
neither as written nor with one figure's number read in the other's unit,
nothing is said here (the change check judges the rate). Every figure is the
interval its rounding allows; the rate is read as rounding or truncation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from auditor.arith import APPROXIMATE_WORDS, rate_interval, written_interval
from auditor.extract import Figure

_COMPARED = r"(?:比上年同期|较上年同期|比去年同期|较去年同期|比上年|较上年|比去年|较去年|比同期|较同期|同比|环比)"
UP_DIFFERENCE_WORDS = ("增加", "增长", "增支", "增收", "多支", "多收", "超收", "增", "多")
DOWN_DIFFERENCE_WORDS = ("减少", "下降", "减支", "减收", "少支", "少收", "短收", "节支", "减", "少")
_HEAD_RE = re.compile(
    r"\s*[,,]?\s*" + _COMPARED + r"?(?P<word>" + "|".join(UP_DIFFERENCE_WORDS + DOWN_DIFFERENCE_WORDS) + r")(?:出|入)?了?\s*")
_TAIL_RE = re.compile(r"\s*[,,]\s*(?:同比|比上年|较上年)?(?P<word>增长|下降|增加|减少|提高|降低|上升|增幅|降幅|减幅)(?:为|达)?了?\s*")
_TAIL_UP = ("增长", "增加", "提高", "上升", "增幅")
_KINDS = ("money", "count", "weight", "area", "volume")
_MULTIPLIERS = (1, 10**4, 10**8)
MULTIPLIER_WORDS = {1: "", 10**3: "千", 10**4: "万", 10**8: "亿", 10**7: "千万", 10**6: "百万", 10**5: "十万", 10**12: "万亿"}


@dataclass(frozen=True)
class UnitSlip:
    stated: Figure  # the rate: 增长6.01%
    difference: Figure  # 增支14,484元: the figure whose unit likely slipped
    new: Figure  # 255,325万元
    multiplier: int  # what the difference's number is likely in: 10000 (万元)
    word: str  # 增支, as written in the normalised text
    rate_word: tuple[int, int]  # where 增长 stands


def find_unit_slips(text, figures) -> list[UnitSlip]:
    """Every value, difference and rate the rate fits only with one unit changed."""
    norm = text.norm
    if "%" not in norm:
        return []
    found = []
    for stated in figures:
        if stated.kind != "percent" or stated.index < 2:
            continue
        difference, new = figures[stated.index - 1], figures[stated.index - 2]
        if new.multiplier == difference.multiplier or new.start < text.sentence_span(stated.start)[0]:
            continue
        slip = unit_slip(norm, new, difference, stated)
        if slip is not None:
            found.append(slip)
    return found


def unit_slip(norm: str, new: Figure, difference: Figure, stated: Figure) -> UnitSlip | None:
    """new … (比上年)增支 difference, 增长 stated: the reading with one unit changed, when
    only it fits; None when the figures fit as written or fit no such reading."""
    if (new.kind not in _KINDS or new.kind != difference.kind or new.base_unit != difference.base_unit
            or new.multiplier == difference.multiplier or stated.kind != "percent"):
        return None
    if any(f.qualifier in APPROXIMATE_WORDS or f.value <= 0 or f.value_high for f in (new, difference)) or stated.qualifier:
        return None
    head = _HEAD_RE.fullmatch(norm, new.end, difference.number_start)
    tail = _TAIL_RE.fullmatch(norm, difference.end, stated.number_start)
    if head is None or tail is None:
        return None
    up = head.group("word") in UP_DIFFERENCE_WORDS
    if up != (tail.group("word") in _TAIL_UP):
        return None
    target = rate_interval(stated.written, stated.decimals, stated.qualifier)
    as_written = (_interval(difference, difference.multiplier), _interval(new, new.multiplier))
    if _fits(*as_written, up, target):
        return None
    # the values' own multiplier first, then the usual ones; one reading must fit
    fitting = [m for m in dict.fromkeys((new.multiplier, *_MULTIPLIERS)) if m != difference.multiplier
               and _fits(_interval(difference, m), as_written[1], up, target)]
    if not fitting or (len(fitting) > 1 and fitting[0] != new.multiplier):
        return None
    return UnitSlip(stated, difference, new, fitting[0], head.group("word"), tail.span("word"))


def _interval(figure: Figure, multiplier: int) -> tuple[Fraction, Fraction]:
    """The figure's number as written, read with this multiplier: 14,484 in 万 is [144840000, 144840000]."""
    low, high = written_interval(figure.written, figure.decimals, 1)
    if figure.decimals:
        return low * multiplier, high * multiplier
    centre = Fraction(figure.written) * multiplier
    half = Fraction(multiplier, 2) if multiplier != 1 else Fraction(0)
    return centre - half, centre + half


def _fits(difference: tuple[Fraction, Fraction], new: tuple[Fraction, Fraction], up: bool,
          target: tuple[Fraction, Fraction]) -> bool:
    """Whether 100·d/(n − d) (up) or 100·d/(n + d) (down), d and n anywhere in
    their intervals, can fall in the stated rate's interval: the quotient
    rises with d and falls with n."""
    (d_low, d_high), (n_low, n_high) = difference, new
    low_base = n_high - d_low if up else n_high + d_low
    high_base = n_low - d_high if up else n_low + d_high
    if low_base <= 0 or high_base <= 0:
        return False
    low, high = 100 * d_low / low_base, 100 * d_high / high_base
    return low < target[1] and high >= target[0]


def part_unit_slip(parts) -> tuple[Figure, int] | None:
    """增加值2 846.3亿元,其中…1 021.6万元…: the one part written with another multiplier than the
    total and every other part, whose number read in the total's multiplier makes the parts add up
    to the total (within the rounding of every figure), while as written they do not. Returns the
    part and the multiplier it is likely in; None when no such single part exists."""
    total = parts.total
    if len(parts.parts) < 2 or total.kind not in _KINDS or total.multiplier not in _MULTIPLIERS:
        return None
    if any(p.base_unit != total.base_unit or not p.exact or p.derived for p in parts.parts) or not total.exact:
        return None
    odd = [p for p in parts.parts if p.multiplier != total.multiplier]
    if len(odd) != 1 or odd[0].multiplier not in _MULTIPLIERS:
        return None
    slipped = odd[0]
    low, high = _interval(total, total.multiplier)
    written_low, written_high = _interval(slipped, slipped.multiplier)
    others = [_interval(p, p.multiplier) for p in parts.parts if p is not slipped]
    others_low, others_high = sum(a for a, _ in others), sum(b for _, b in others)
    if others_low + written_low <= high and others_high + written_high >= low:
        return None  # the parts add up as written
    reread_low, reread_high = _interval(slipped, total.multiplier)
    if others_low + reread_low <= high and others_high + reread_high >= low:
        return slipped, total.multiplier
    return None


def _interval(figure: Figure, multiplier: int) -> tuple[Fraction, Fraction]:
    """The values the figure's written number stands for when read in multiplier (万: 10000)."""
    return written_interval(figure.written * multiplier, figure.decimals, multiplier)
