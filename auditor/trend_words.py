"""A direction said in words alone, after the two values it is about:

    今年全县发生道路交通事故186起,上年为142起,呈下降态势。   (the values rise)
    全年居民消费价格上涨0.4%,上年为上涨0.2%,涨幅比上年回落。   (the rise grew)

The first: a value said to be last year's (上年为N, 去年同期N) or this year's
after it, followed straight by a trend (呈下降态势, 有所回升, 明显增多) with
no subject of its own (死亡率呈下降态势 speaks of a rate): the trend of this
year's value against last year's. The second: 涨幅/增幅/增速 (or 降幅/跌幅)
said to slow or quicken, with this year's rise and last year's both written
as rises (or both as falls): the pace word against the two sizes. A pace
stated in points (回落1.2个百分点) is growth_points' to read.

Each reader returns (old, new, word, start, end, inferred); relate makes
them changes for DR001 to judge.
"""

from __future__ import annotations

import re

from auditor.extract import Figure
from auditor.spread_changes import (base_in_sentence_before, is_quantity, label_of, named_as, names_alike, now_in_sentence_before, plain_value,
                                     same_unit, words_before, year_before)

_DEGREE = r"(?:持续|明显|大幅度|大幅|有所|略有|稍有|显著|进一步|逐年|逐步|稳步|继续|小幅|快速|不断|实现了?|出现了?)"
_TREND_WORD = r"下降|减少|下滑|降低|回落|上升|增加|增长|增多|回升|提高|提升|攀升|扩大|缩小"  # 亏损额进一步扩大: the size of a loss
# ,呈下降态势 / ,有所回升 / ,明显增多 / ,同比持续下降: a trend ending its clause, no subject of its own
_TREND_TAIL_RE = re.compile(
    r"[^\d,。;()]{0,3}?\s*(?:\)\s*)?(?P<mark>[,。])\s*(?P<name>[\u4e00-\u9fff]{2,8}?(?:起数|人数|件数|次数|户数|数量|总量|总数|数|量|人口|总额|金额|额|收入|产量|产值|面积|规模)(?=同比|呈|出现|实现|持续|明显|有所|略有|大幅|显著|稳步|逐年|逐步|不断|继续|进一步|小幅|快速|[下减上增回提攀]))?"
    r"(?:同比|(?:与|比|较)(?:上年|去年)(?:同期)?(?:相比)?\s*,?\s*)?(?:总体|整体)?(?:呈现?|出现)?"
    rf"{_DEGREE}?(?:呈现?|出现)?(?:稳中有(?P<steady>[降升增减])|(?P<word>(?:{_TREND_WORD})(?:的?(?:态势|趋势|势头))?)"
    r"(?:明显|显著|较快|较多|较大)?)了?(?=\s*(?:[,。;]|$))"
)
_TAIL_REACH = 40
_COUNT_SUFFIX_RE = re.compile(r"(?:起数|人数|件数|次数|户数|数量|总量|总数|数|量|(?<=亏损)额)$")
_MAX_BACK = 12


# …2 045件,数量较上年有所减少(上年为1 786件): the trend first, last year's value in a bracket after
_TREND_THEN_BASE_RE = re.compile(
    r"[^\d,。;()]{0,3}?\s*,\s*(?:数量|总量|总数|规模)?(?:同比|(?:较|比)(?:上年|去年)(?:同期)?)\s*"
    rf"{_DEGREE}?(?:呈现?|出现)?(?P<word>(?:{_TREND_WORD})(?:的?(?:态势|趋势|势头))?)\s*"
    r"(?:(?P<open>\()|,)\s*(?:上年同期|去年同期|上年|去年)(?:为|是|:)?\s*$"
)


def trends_after_values(text, figures) -> list[tuple[Figure, Figure, str, int, int, bool]]:
    norm = text.norm
    found = []
    for last in figures:
        if not _level(text, last) or ("," not in norm[last.end : last.end + 5] and "。" not in norm[last.end : last.end + 5]):
            continue
        following = figures[last.index + 1] if last.index + 1 < len(figures) else None
        if following is not None and following.number_start - last.end <= _TAIL_REACH and same_unit(following, last) and _level(text, following):
            then_base = _TREND_THEN_BASE_RE.fullmatch(norm, last.end, following.number_start)
            after = norm[following.end : following.end + 1]
            if then_base is not None and following.exact:
                bracketed = bool(then_base.group("open"))
                if (after == ")") if bracketed else (after in (",", "。", ";", "")):  # (上年为N) / ,上年为N.
                    found.append((following, last, then_base.group("word"), last.start, following.end + bracketed, False))
                    continue
        tail = _TREND_TAIL_RE.match(norm, last.end, min(len(norm), last.end + _TAIL_REACH))
        if tail is None:
            continue
        sentence_start, _ = text.sentence_span(last.start)
        pair = _pair(text, figures, last, sentence_start)
        if pair is None:
            continue
        old, new, inferred = pair
        if not plain_value(text, old) or not plain_value(text, new):
            continue
        if tail.group("name") and not named_as(_COUNT_SUFFIX_RE.sub("", tail.group("name")), text, new, old):
            continue  # …,死亡人数明显减少: the trend of another metric
        inferred = inferred or tail.group("mark") == "。"
        found.append((old, new, tail.group("word") or tail.group("steady"), min(old.start, new.start), tail.end(), inferred))
    return found


def _level(text, figure: Figure) -> bool:
    """A count or amount, or a rate as a level (合格率96.2%), not a change (增长5.2%)."""
    if figure.kind == "percent":
        return figure.exact and not _sign(text, figure, text.sentence_span(figure.start)[0])
    return is_quantity(figure)


def _pair(text, figures, last: Figure, sentence_start: int) -> tuple[Figure, Figure, bool] | None:
    """(old, new, inferred): last and the value of its unit before it in its sentence, one of the two
    said to be last year's; or last, this year's, and its base in the sentence before."""
    alike = []
    for index in range(last.index - 1, max(-1, last.index - 1 - _MAX_BACK), -1):
        figure = figures[index]
        if figure.start < sentence_start:
            break
        if same_unit(figure, last):
            alike.append(figure)
    last_label = label_of(text, last, sentence_start)
    if alike:
        other = alike[0]
        if not _level(text, other):
            return None
        if label_of(text, other, sentence_start) != last_label:
            old, new = (last, other) if last_label == "base" else (other, last)
        elif last_label == "now" and year_before(words_before(text, other, sentence_start), words_before(text, last, sentence_start)):
            old, new = other, last  # 2023年142起,2024年186起
        else:
            return None
        if not names_alike(words_before(text, old, sentence_start), words_before(text, new, sentence_start)):
            return None
        return old, new, False
    if last_label == "base":  # 今年…9起。上年为6起。呈下降趋势。
        new = now_in_sentence_before(text, figures, last, sentence_start)
        return (last, new, True) if new is not None else None
    old = base_in_sentence_before(text, figures, last, sentence_start)
    return (old, last, True) if old is not None else None


# 涨幅比上年回落 / 增速放缓 / 降幅有所收窄: the pace of a rise or a fall, said in words alone
_PACE_RE = re.compile(
    r"(?P<subject>涨幅|增幅|增速|降幅|跌幅)\s*(?:(?:比|较)(?:上年|去年)(?:同期)?|同比)?\s*(?:有所|明显|略有|进一步|继续|持续|大幅)?"
    r"(?P<word>回落|放缓|收窄|缩小|减小|下降|降低|扩大|加快|提高|上升|加大|提升)(?![了\s]*[\d一二三四五六七八九十两])"
)
_RISE_VERBS = ("上涨", "增长", "增加", "提高", "上升")
_FALL_VERBS = ("下降", "下跌", "减少", "降低")
_RATE_VERB_RE = re.compile(r"(?P<verb>上涨|增长|增加|提高|上升|下降|下跌|减少|降低)了?\s*(?:为|达|达到)?\s*$|(?P<named>增速|增幅|涨幅|降幅|跌幅)\s*(?:为|达|是)\s*$")
_PACE_REACH = 3  # rates looked at on either side of the pace words


def paces_in_words(text, figures, starts: list[int]) -> list[tuple[Figure, Figure, str, int, int, bool]]:
    """(old rate, new rate, pace word, start, end, False) for 涨幅比上年回落 and the like."""
    from bisect import bisect_left

    norm = text.norm
    found = []
    if "幅" not in norm and "增速" not in norm:
        return found
    for pace in _PACE_RE.finditer(norm):
        sentence_start, sentence_end = text.sentence_span(pace.start())
        if sentence_start and pace.start() - sentence_start <= 2 and norm[sentence_start - 1] in "。;":
            sentence_start = text.previous_sentence_start(sentence_start)  # …,上年增长5.2%。增速比上年放缓。
        at = bisect_left(starts, pace.start())
        before = [f for f in figures[max(0, at - _PACE_REACH) : at] if f.start >= sentence_start]
        after = [f for f in figures[at : at + _PACE_REACH] if f.end <= sentence_end]
        falls = pace.group("subject") in ("降幅", "跌幅")
        wanted = "fall" if falls else "rise"
        # 增速比上年放缓(上年为7.9%): the pace's subject says what last year's bare rate is
        rates = [(f, _sign(text, f, sentence_start) or (wanted if label_of(text, f, sentence_start) == "base" else ""))
                 for f in before + after if f.kind == "percent"]
        bases = [f for f, sign in rates if sign and label_of(text, f, sentence_start) == "base"]
        nows = [f for f, sign in rates if sign and f.start < pace.start() and label_of(text, f, sentence_start) == "now"]
        if len(bases) != 1 or len(nows) != 1 or not bases[0].exact or not nows[0].exact:
            continue  # 增长6.8%,其中制造业增长4.9%,上年增长5.2%: whose pace, the whole's or the part's?
        old, new = bases[0], nows[0]
        signs = dict((f.index, sign) for f, sign in rates)
        if signs[old.index] != wanted or signs[new.index] != wanted:
            continue
        found.append((old, new, pace.group("word"), min(old.start, new.start), max(pace.end(), old.end, new.end), False))
    return found


def _sign(text, figure: Figure, sentence_start: int) -> str:
    """"rise" for 增长5.2% / 上年为上涨0.2% / 增速为5.2%, "fall" for 下降2.6%, "" otherwise."""
    verb = _RATE_VERB_RE.search(text.norm, max(sentence_start, figure.number_start - 10), figure.number_start)
    if verb is None:
        return ""
    word = verb.group("verb") or verb.group("named")
    return "fall" if word in _FALL_VERBS or word in ("降幅", "跌幅") else "rise"
