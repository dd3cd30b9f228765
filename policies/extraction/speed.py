"""Two things that keep the extractor as fast as jieba segments (bench.py).

Patterns that scan a whole article, made quick to skip where they cannot
match: Python's regex engine tries a pattern at every position of the text unless
the pattern opens with a literal or a class it can look for. A pattern that
opens with an optional lead word, a lookbehind or an alternation of word
lists (TIME_RE, QTY_RE, the normaliser's deletions) is therefore tried, and
fails, at each of an article's thousands of characters. `quick(pattern)`
reads from the parsed pattern the characters a match can start with and
puts them in front as a lookahead, which the engine does test in C: the same
matches, groups and spans, found several times faster. A pattern whose
match may start anywhere (a negated class, ., an empty match) is returned
as it is.

Copies of the frozen records (a figure with its district, its kind, its
label): `evolve(record, field=value)` is dataclasses.replace without running
__init__ again, which was a twentieth of the extractor's time.
"""
from __future__ import annotations

import re
from re import _constants as sre  # the parsed form of a pattern, as re itself reads it
from re import _parser

_CATEGORY = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def _chars(items) -> set[str] | None:
    """The class items of an IN node, or None for a negated class."""
    out = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is sre.RANGE:
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORY:
            out.add(_CATEGORY[av])
        else:
            return None
    return out


def _first(seq) -> tuple[set[str] | None, bool]:
    """(what a match of the sequence can start with, whether it can match nothing);
    None where it could start with any character."""
    out: set[str] = set()
    for op, av in seq:
        if op is sre.LITERAL:
            chars, empty = {re.escape(chr(av))}, False
        elif op is sre.IN:
            chars, empty = _chars(av), False
        elif op is sre.SUBPATTERN:
            chars, empty = _first(av[-1])
        elif op is sre.ATOMIC_GROUP:
            chars, empty = _first(av)
        elif op is sre.BRANCH:
            chars, empty = set(), False
            for alt in av[1]:
                c, e = _first(alt)
                if c is None:
                    return None, False
                chars |= c
                empty = empty or e
        elif op is sre.GROUPREF_EXISTS:
            chars, empty = set(), av[2] is None
            for alt in (av[1], av[2]):
                if alt is not None:
                    c, e = _first(alt)
                    if c is None:
                        return None, False
                    chars |= c
                    empty = empty or e
        elif op in _REPEATS:
            chars, empty = _first(av[2])
            empty = empty or av[0] == 0
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            chars, empty = set(), True  # consumes nothing
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def quick(pattern: re.Pattern) -> re.Pattern:
    """The same pattern, led by a lookahead for the characters its matches start with."""
    if pattern.flags & re.IGNORECASE:
        return pattern
    chars, empty = _first(_parser.parse(pattern.pattern, pattern.flags))
    if chars is None or empty:
        return pattern
    try:
        return re.compile(f"(?=[{''.join(sorted(chars))}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # inline flags ((?x)…) must open the pattern: left as it is
        return pattern


def evolve(record, **changes):
    """A copy of a frozen dataclass with some fields changed (as dataclasses.replace)."""
    fields = record.__dataclass_fields__
    if not fields.keys() >= changes.keys():
        raise TypeError(f"{type(record).__name__} has no field {sorted(changes.keys() - fields.keys())}")
    new = object.__new__(type(record))
    new.__dict__.update(record.__dict__)
    new.__dict__.update(changes)
    return new
