"""Reading numbers: Arabic and Chinese numerals, 万/亿 multipliers, qualifiers.

Chinese numerals are read with cn2an (its "normal" mode); cn2an refuses a bare
power word (百, 万) and ones that lead with one (百二), so those get an implicit
一 first, as a reader would (近百个 = nearly one hundred, 万名 = ten thousand).
Arabic numbers with a Chinese multiplier (2.13万) are multiplied here, which
is exact and much faster than a round trip through cn2an.
"""
from __future__ import annotations

from functools import lru_cache

import cn2an

from .lexicon import entries

CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
CN_DIGITS = "零〇一二两三四五六七八九"
MULTIPLIERS = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000,
               "万亿": 1_000_000_000_000, "千万": 10_000_000, "百万": 1_000_000}


@lru_cache(maxsize=4096)
def parse_cn(s: str) -> float | None:
    """Value of a Chinese numeral string (三百, 一百, 万, 两千五, 二〇二四)."""
    if not s:
        return None
    if s[0] in "十百千万亿":
        s = "一" + s
    try:
        return float(cn2an.cn2an(s, "normal"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def parse_arabic(s: str) -> float | None:
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def parse_number(digits: str, multiplier: str = "") -> float | None:
    """Number written as Arabic digits or Chinese numerals, times 万/亿."""
    if not digits:
        return None
    if digits[0].isdigit():
        v = parse_arabic(digits)
    else:
        v = parse_cn(digits)
    if v is None:
        return None
    return scaled(v, MULTIPLIERS.get(multiplier, 1))


def scaled(value: float, factor: float) -> float:
    """value × factor as the decimals say it (2.3亿 is 230000000, not 229999999.99999997)."""
    return round(value * factor, 6)


def _qualifiers(*files: str) -> dict[str, str]:
    return {w: code for f in files for code, ws in entries(f).items() for w in ws}


# word -> qualifier code (lexicon/qualifiers_*.txt), longest first so that 超过 wins over 超
PREFIX_QUALIFIERS = _qualifiers("qualifiers_before")
SUFFIX_QUALIFIERS = _qualifiers("qualifiers_after", "qualifiers_after_unit")


def is_round(value: float) -> bool:
    """100, 300, 5000: one significant digit."""
    if value <= 0 or value != int(value):
        return False
    digits = str(int(value)).rstrip("0")
    return len(digits) == 1


def qualifier(prefix: str | None, suffix: str | None, value: float) -> str:
    """Combine the word before the number and the word after it.

    近 + a round number means "just under" (lt); otherwise it reads as
    "about" (approx). A suffix (余, 以上, 左右) binds tighter than a prefix.
    """
    if suffix:
        q = SUFFIX_QUALIFIERS.get(suffix)
        if q:
            return q
    if prefix:
        for word, q in PREFIX_QUALIFIERS.items():
            if prefix.startswith(word):
                if q == "near":
                    return "lt" if is_round(value) else "approx"
                return q
    return "eq"
