"""Parts each given a bare share, whose counts add up to a whole stated before them.

共识别贫困户1139户。…因病致贫755户占66.3%,因学致贫20户占1.76%,因无劳动力致贫234户
占20.6%,因残致贫130户占11.4%: no share names its whole, but the parts' counts add up
exactly to a count of their unit stated shortly before, so that count is the whole of
every share. Three parts at least, each right before its own 占 and share; the whole
a quantity of the parts' unit in the list's sentence or up to a few sentences before,
equal to their sum. Most shares must fit it (a list whose shares are of something
else fits none); the reading is inferred, so a share that does not fit is a warning.
Read only where no other reader spoke.
"""

from __future__ import annotations

import re
from decimal import Decimal

from auditor.extract import Figure
from auditor.model import Analysis
from auditor.relate import Ratio, _is_quantity, _same_unit, pair_explains

# 755户占66.3% / 755户,占66.3% / 755户,约占66.3%: a part right before its own bare share
_BARE_SHARE_RE = re.compile(r"\s*[,,]?\s*(?:约|仅|共)?占(?:比)?(?:为|达)?\s*")
_MIN_PARTS = 3
_MAX_PARTS = 12
_BACK_FIGURES = 40  # figures before the list its whole may stand
_BACK_CHARS = 600


def find_summed_shares(analysis: Analysis, spoken: set[int]) -> list[Ratio]:
    text, figures = analysis.text, analysis.figures
    if "占" not in text.norm:
        return []
    found: list[Ratio] = []
    run: list[tuple[Figure, Figure]] = []
    sentence_end = -1
    for rate in figures:
        pair = _part_and_share(text, figures, rate, spoken)
        if pair is None:
            continue
        start, end = text.sentence_span(rate.start)
        if run and (end != sentence_end or not _same_unit(run[0][0], pair[0])):
            found.extend(_read(text, figures, run))
            run = []
        run.append(pair)
        sentence_end = end
    found.extend(_read(text, figures, run))
    return found


def _part_and_share(text, figures, rate: Figure, spoken: set[int]) -> tuple[Figure, Figure] | None:
    if rate.kind != "percent" or rate.index == 0 or rate.index in spoken or rate.qualifier:
        return None
    part = figures[rate.index - 1]
    if not (_is_quantity(part) and part.exact and part.kind == "count" and not part.qualifier):
        return None
    if not _BARE_SHARE_RE.fullmatch(text.norm, part.end, rate.number_start):
        return None
    return part, rate


def _read(text, figures, run: list[tuple[Figure, Figure]]) -> list[Ratio]:
    if not _MIN_PARTS <= len(run) <= _MAX_PARTS:
        return []
    parts = [part for part, _ in run]
    if any(later.index <= earlier.index for earlier, later in zip(parts, parts[1:])):
        return []
    total_value = sum((part.value for part in parts), Decimal(0))
    whole = _whole_before(text, figures, parts[0], total_value)
    if whole is None:
        return []
    readings = [Ratio(rate, part, whole, inferred=True, kind="share") for part, rate in run]
    fitting = sum(pair_explains(part, whole, rate) for part, rate in run)
    if fitting < max(2, (len(run) + 1) // 2):
        return []  # shares of another whole than the one the counts add up to
    return readings


def _whole_before(text, figures, first: Figure, value: Decimal) -> Figure | None:
    """The nearest quantity of the parts' unit before the list, within reach, equal to their sum."""
    floor = max(0, first.start - _BACK_CHARS)
    for candidate in figures[max(0, first.index - _BACK_FIGURES) : first.index][::-1]:
        if candidate.start < floor:
            break
        if _is_quantity(candidate) and candidate.exact and _same_unit(candidate, first) and candidate.value == value:
            return candidate
    return None
