"""The extractor's shortcuts change no result.

speed.quick puts a lookahead for a pattern's first characters in front of it:
every pattern of the extractor, so led, must find the same matches, groups
and spans in every written-corpus text and seed as the pattern itself.
speed.evolve must copy a frozen record as dataclasses.replace does.
"""
from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import policies.extraction as extraction
from policies.extraction import extract, periods, quantities
from policies.extraction.speed import evolve, quick

HERE = Path(__file__).parent
TEXTS = [p.read_text(encoding="utf-8") for p in
         sorted((HERE / "corpus").glob("*.txt")) + sorted((HERE.parents[1] / "seeds").glob("*.txt"))]


def _patterns() -> list[re.Pattern]:
    out: dict[str, re.Pattern] = {}
    for module in pkgutil.iter_modules(extraction.__path__):
        m = importlib.import_module(f"policies.extraction.{module.name}")
        for name, value in vars(m).items():
            if isinstance(value, re.Pattern):
                out.setdefault(value.pattern, value)
    return list(out.values())


def _matches(pattern: re.Pattern, text: str) -> list[tuple]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_article_wide_patterns_are_led_by_their_first_characters():
    for pattern in (periods.TIME_RE, quantities.QTY_RE):
        assert pattern.pattern.startswith("(?=[")
        assert quick(pattern) is not pattern  # led again: still a class it can name


def test_quick_patterns_match_where_the_patterns_match():
    led = 0
    for pattern in _patterns():
        original = _original(pattern)
        fast = quick(original)
        if fast is original:
            continue
        led += 1
        for text in TEXTS:
            assert _matches(fast, text) == _matches(original, text), original.pattern[:80]
    assert led > 100


def _original(pattern: re.Pattern) -> re.Pattern:
    """The pattern without the lookahead quick() may have put in front of it."""
    m = re.match(r"\(\?=\[(?:\\.|[^\]\\])*\]\)\(\?:", pattern.pattern)
    if not m:
        return pattern
    return re.compile(pattern.pattern[m.end():-1], pattern.flags)


@pytest.mark.parametrize("pattern, led", [
    (r"(?:今年|(?<!年)以来)\d", True),
    (r"(?P<pre>最高|不超过)?\d+(?:万)?元", True),
    (r"[^，]+元", False),  # may start with any character
    (r"(?:万)?", False),  # may match nothing
    (r".元", False),
])
def test_quick_leads_only_what_has_first_characters(pattern, led):
    p = re.compile(pattern)
    assert (quick(p) is not p) == led
    if led:
        for text in ("今年以来1", "以来2", "年以来3", "最高5万元", "不超过300元", "元"):
            assert _matches(quick(p), text) == _matches(p, text)


@dataclasses.dataclass(frozen=True)
class _Record:
    a: int
    b: str = "x"


def test_evolve_copies_as_replace_does():
    r = _Record(1)
    assert evolve(r, b="y") == dataclasses.replace(r, b="y") == _Record(1, "y")
    assert r == _Record(1)
    with pytest.raises(TypeError):
        evolve(r, c=2)


def test_extract_reads_the_same_without_the_lookaheads(monkeypatch):
    led = [extract(text) for text in TEXTS[:20]]
    monkeypatch.setattr(periods, "TIME_RE", _original(periods.TIME_RE))
    monkeypatch.setattr(quantities, "QTY_RE", _original(quantities.QTY_RE))
    assert periods.TIME_RE.pattern.startswith("(?P<ys>")  # the pattern as written, no lookahead in front
    assert [extract(text) for text in TEXTS[:20]] == led
