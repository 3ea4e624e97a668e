"""Chinese numerals in their standard written form, exactly, without cn2an.

Importing cn2an costs 95 ms or more: at import it builds two converters, each
compiling large validation regexes (every digit with its financial and
Traditional variants, nested sixteen levels deep), and it imports `proces`,
which builds its masking tables at import. A report's Chinese numerals are
nearly all in the standard form (十二, 一千二百, 两万, 三点五, 九十五点五), so
those are read here: a numeral is accepted only when writing its value back
in the standard form gives the numeral again (两 for 二 allowed), so nothing
irregular is ever guessed at. Anything else returns None, and the caller asks
cn2an, which reads the irregular forms (一百五, 一万二 …).
"""

from __future__ import annotations

from decimal import Decimal

# the numeral characters, one place for every module that reads or writes them
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
OUTLINE_NUMERALS = "一二三四五六七八九十"  # what outline markers are written with: 一、 (二) 三是 第四
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_SECTION_UNITS = {"万": 10**4, "亿": 10**8}
_GLYPHS = "零一二三四五六七八九"


def standard_number(text: str) -> Decimal | None:
    """十二 → 12, 一千零五 → 1005, 两万 → 20000, 三点五 → 3.5; None unless standard."""
    integer_part, point, fraction = text.partition("点")
    if not integer_part or (point and not fraction) or "点" in fraction:
        return None
    value = _integer(integer_part)
    if value is None:
        return None
    if not point:
        return Decimal(value)
    if any(ch not in _DIGITS or ch == "两" for ch in fraction):
        return None
    digits = "".join(str(_DIGITS[ch]) for ch in fraction).rstrip("0") or "0"
    return Decimal(f"{value}.{digits}")


def _integer(text: str) -> int | None:
    if len(text) > 32 or any(ch not in _DIGITS and ch not in _SMALL_UNITS and ch not in _SECTION_UNITS for ch in text):
        return None
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        else:
            unit = _SECTION_UNITS[ch]
            part = section + (digit or 0)
            if part == 0:
                return None
            total = (total + part) * unit if unit > 10**4 else total + part * unit
            section, digit = 0, None
    value = total + section + (digit or 0)
    if value >= 10**12:
        return None
    plain = text.replace("两", "二").replace("〇", "零")
    return value if written(value) == plain else None


def circled(value: int) -> str:
    """1 → ①, up to ⑳; larger numbers as digits."""
    return CIRCLED[value - 1] if 0 < value <= len(CIRCLED) else str(value)


def written(value: int) -> str:
    """The standard form of a whole number: 10 → 十, 1005 → 一千零五, 100010 → 十万零一十."""
    if value == 0:
        return "零"
    sections = []
    while value:
        value, section = divmod(value, 10**4)
        sections.append(section)
    pieces: list[str] = []
    for position in range(len(sections) - 1, -1, -1):
        section = sections[position]
        if section == 0:
            continue
        if pieces and (section < 1000 or sections[position + 1] == 0) and not pieces[-1].endswith("零"):
            pieces.append("零")
        pieces.append(_section(section) + ("", "万", "亿", "万亿")[position])
    text = "".join(pieces)
    return text[1:] if text.startswith("一十") else text


def _section(value: int) -> str:
    out = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit)
        if digit:
            if zero and out:
                out.append("零")
            out.append(_GLYPHS[digit] + name)
            zero = False
        else:
            zero = True
    return "".join(out)
