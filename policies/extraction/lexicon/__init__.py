"""Word lists of the extractor, read once from the text files beside this module.

A file holds words separated by blanks or new lines, in the order the
extractor tries them (a regex alternation takes the first word that matches,
so 资金 before 资金池 is a choice, not an accident), unless the module that
reads it tries them `longest_first`; `#` starts a comment.
A line `key: w1 w2 …` makes an entry of a table (`entries`): the short
lists of one module's patterns are the lines of one table file
(classify_words.txt, programs_words.txt…), each read with `any_of(_W[key])`.

What stays in the code is pattern, not vocabulary: digits, years and numerals
with their multipliers (万亿|千万|百万|万|亿) and range dashes, which are how a
number is written; structural punctuation and character classes, including an
alternation of single characters (区|县|市|旗 is [区县市旗]) such as the
look-aheads that keep 在校 or 等级 out; lookarounds that give a word its
context (passed to `any_of` as `guarded`); and lists of two or three words
that are one piece of a larger pattern (同比|环比 inside a comparison).
tests/extraction/test_lexicon_sources.py fails when a regex of the extractor
holds an alternation of four or more plain Chinese words.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _lines(name: str) -> list[str]:
    text = (HERE / f"{name}.txt").read_text(encoding="utf-8")
    return [line.split("#", 1)[0].strip() for line in text.splitlines()]


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """Every word of a list file, in file order."""
    return tuple(w for line in _lines(name) for w in line.split())


@lru_cache(maxsize=None)
def entries(name: str) -> dict[str, tuple[str, ...]]:
    """The `key: words` lines of a table file, in file order."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines(name):
        if line:
            key, _, rest = line.partition(":")
            out[key.strip()] = tuple(rest.split())
    return out


def any_of(ws, guarded: dict[str, str] | None = None) -> str:
    """A regex alternation of the words, in the given order, as a group.

    `guarded` gives, for a word that counts only in some contexts, the regex
    that stands for it instead (全年 but not 完成全年目标: `(?<!完成)全年(?!目标)`)."""
    guarded = guarded or {}
    return "(?:" + "|".join(guarded.get(w) or re.escape(w) for w in ws) + ")"


def longest_first(ws) -> list[str]:
    """The words, each before the shorter ones (equal lengths in file order):
    for an alternation whose first matching word wins where two start at one
    place (已经 before 已), whatever order the file lists them in."""
    return sorted(ws, key=len, reverse=True)


def compiled(name: str, suffix: str = "") -> re.Pattern:
    """The words of a list file as one compiled alternation (+ an optional tail)."""
    return re.compile(any_of(words(name)) + suffix)
