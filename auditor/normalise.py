"""Normalise a copy of the text for matching, one character for one character.

Rules match on the normalised copy; findings quote the original. Because the
copy has exactly the same length, an offset into one is an offset into the
other, so no position map is needed.
"""

from __future__ import annotations

import re
from functools import lru_cache

_FULLWIDTH_START, _FULLWIDTH_END = 0xFF01, 0xFF5E
_EXTRA = {
    "\u3000": " ",  # ideographic space
    "\u00a0": " ",
    "\u2014": "—",
    "\uff5e": "~",
    "\u2030": "‰",
    "\ufe6a": "%",
    "\u2236": ":",
    "\u3014": "(",  # 〔上年同期78.9万元〕: tortoise-shell brackets read as round ones
    "\u3015": ")",
}


def _halfwidth_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(_FULLWIDTH_START, _FULLWIDTH_END + 1)}
    table.update({ord(k): v for k, v in _EXTRA.items()})
    return table


_TABLE = _halfwidth_table()
_FOLDABLE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """Traditional → Simplified, keeping the length of every line.

    OpenCC converts phrases, and a phrase can change length in rare cases; a
    line whose length changed is converted again character by character.
    """
    if not text:
        return text
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = []
    for line in lines:
        conv = _converter().convert(line)
        if len(conv) != len(line):
            conv = "".join(_single(ch) for ch in line)
        out.append(conv)
    return "\n".join(out)


def _single(ch: str) -> str:
    conv = _converter().convert(ch)
    return conv if len(conv) == 1 else ch


def has_traditional(text: str) -> bool:
    sample = text[:2000]
    return _converter().convert(sample) != sample


def _fold(text: str) -> str:
    # str.translate walks every character through a dict; most text has few
    # full-width characters, so only those are replaced
    return _FOLDABLE_RE.sub(lambda m: _TABLE[ord(m.group())], text)


def fold_width(text: str) -> str:
    """Full-width forms to ASCII only (the same length, Traditional kept): for a check that
    reads the original's lines, which the normalised copy may join."""
    return _fold(text)


_BLOCK_CHARS = 1 << 18


# Hong Kong's 按年 (year on year) is the mainland's 同比, as long: 按年增长8.8% / 按年下跌4.6%; its 按月
# (month on month) the mainland's 环比: 按月增长10.3%; Taiwan's 成长 before a figure its 增长: 较去年同期
# 成长5.75%, 成长了8倍 (健康成长 and 成长环境 stay: no figure follows)
_REGIONAL_RE = re.compile(r"按年(?=[增减下上升跌降录])|按月(?=增长|增加|增幅|减少|下降|下跌|上升|上涨|回落|回升|录得)"
                          r"|成长(?=了?\s*(?:[\d.]|[一二两三四五六七八九十百]+(?:\.\d+)?\s*(?:倍|成|个百分点|%)))")
_REGIONAL_WORDS = {"按年": "同比", "按月": "环比", "成长": "增长"}


def _regional(text: str) -> str:
    if "按年" not in text and "按月" not in text and "成长" not in text:
        return text
    return _REGIONAL_RE.sub(lambda found: _REGIONAL_WORDS[found.group(0)], text)


def normalise(text: str) -> str:
    """Full-width forms to ASCII, Traditional to Simplified, Hong Kong's 按年 and 按月 to
    同比 and 环比, Taiwan's 成长 before a figure to 增长; same length."""
    if len(text) > _BLOCK_CHARS:
        return _normalise_long(text)
    folded = _fold(text)
    if has_traditional(folded):
        folded = to_simplified(folded)
    folded = _regional(folded)
    assert len(folded) == len(text)
    return folded


def _normalise_long(text: str) -> str:
    """normalise() a block of lines at a time: re.sub's list of pieces for a
    whole 50 MB text, most of them one full-width comma, took 200 MB."""
    traditional = has_traditional(_fold(text[:2000]))
    parts = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + _BLOCK_CHARS)
        end = len(text) if end < 0 else end + 1
        block = _fold(text[start:end])
        parts.append(_regional(to_simplified(block) if traditional else block))
        start = end
    joined = "".join(parts)
    assert len(joined) == len(text)
    return joined


def normalise_key(text: str) -> str:
    """A key for comparing names (metrics, phrases): normalised, no spaces."""
    return "".join(normalise(text).split()).lower()
