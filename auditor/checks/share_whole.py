"""SH003: parts given with 分别占 one whole must imply one whole
(博士431人、硕士559人,分别占专任教师的36.93%和49.70%: 431 ÷ 36.93% ≈ 1167,
559 ÷ 49.70% ≈ 1125 — the same teachers cannot number both).

Only where no stated whole is found (then SH001 checks each share against
it). Each part and each share is an interval (rounding, and truncation for
the share), so each pair gives an interval of wholes; the wholes must have
a value in common. Wholes that lie far apart (more than `max_spread` times)
are read as different wholes — 粮食52万吨、油料3万吨,分别占全省的… is a share
of each crop's own total — and left alone, as are shares of tasks or plans,
which each part has its own of."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from auditor.arith import rate_interval, round_half_up
from auditor.checks.base import Check, Params
from auditor.checks.common import as_written
from auditor.extract import Figure
from auditor.model import Hit
from auditor.relate import (
    _listed_parts,
    _respective_readings,
    _shares_from,
    quantity_interval,
    respective_share_clauses,
)

# a whole each part has its own of: 分别占年度任务的 / 占各自… / 占全省的 (each crop's own total)
_OWN_WHOLE_RE = re.compile(r"各|自|本|对应|相应|任务|计划|目标|指标|预算|序时|同期|上年|去年")
_REGION_ONLY_RE = re.compile(r"^(?:全国|全省|全市|全州|全县|全区|全镇|全乡|全村|本地|辖区|当地)$")


class ShareWholeParams(Params, frozen=True, kw_only=True):
    max_spread: float = 1.5


@dataclass(frozen=True)
class ImpliedWhole:
    part: Figure
    share: Figure
    low: Fraction
    high: Fraction


def _implied(part: Figure, share: Figure) -> ImpliedWhole | None:
    part_low, part_high = quantity_interval(part)
    share_low, share_high = rate_interval(share.written, share.decimals, share.qualifier)
    if share_low <= 0 or part_low <= 0:
        return None
    return ImpliedWhole(part, share, part_low * 100 / share_high, part_high * 100 / share_low)


def _respective_clauses(analysis) -> Iterator[tuple[list[Figure], list[Figure], str]]:
    """(parts, shares, named whole) of every 分别占 clause that has no reading against a stated whole."""
    text, figures = analysis.text, analysis.figures
    for first, words in respective_share_clauses(text, figures):
        shares = _shares_from(figures, first)
        if len(shares) < 2 or _respective_readings(text, figures, shares, words):
            continue
        parts = _listed_parts(text, figures, shares[0], len(shares), words.start())
        if parts is not None:
            yield parts, shares, words.group("whole").strip().removesuffix("的")


def implied_wholes(analysis, rule) -> Iterator[Hit]:
    if "分别" not in analysis.text.norm and "依次" not in analysis.text.norm:
        return
    max_spread = Fraction(str(rule.options.max_spread))
    for parts, shares, named in _respective_clauses(analysis):
        if _OWN_WHOLE_RE.search(named) or _REGION_ONLY_RE.match(named):
            continue
        wholes = [_implied(part, share) for part, share in zip(parts, shares)]
        if any(whole is None for whole in wholes):
            continue
        common_low, common_high = max(w.low for w in wholes), min(w.high for w in wholes)
        if common_low <= common_high:
            continue  # one whole explains every share
        if common_low > max_spread * common_high:
            continue  # far apart: shares of different wholes, not one miscopied figure
        unit = analysis.text.original[parts[0].number_end : parts[0].end]
        shown_wholes = [
            f"{as_written(analysis, w.part)}÷{as_written(analysis, w.share)}≈{_whole_as_written(w, parts[0])}{unit}"
            for w in wholes
        ]
        yield Hit(
            shares[0].start,
            shares[-1].end,
            {"wholes": "、".join(shown_wholes), "whole": named or "总数"},
            {"parts": [p.value for p in parts], "shares": [s.value for s in shares],
             "wholes": [[str(w.low), str(w.high)] for w in wholes]},
            related=tuple((p.start, p.end) for p in parts),
        )


def _whole_as_written(whole: ImpliedWhole, like: Figure) -> str:
    """part ÷ share in the units and places of the part as written (12亿8894.7万 → in 万)."""
    middle = Fraction(whole.part.value) * 100 / Fraction(whole.share.value) / like.multiplier
    return format(round_half_up(middle, like.decimals), "f")


CHECKS = (Check("share_whole", implied_wholes, ShareWholeParams, frozenset({"wholes", "whole"})),)
