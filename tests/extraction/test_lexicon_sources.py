"""Word lists live in policies/extraction/lexicon/*.txt, not in regex source (issue 8).

Every string constant of every module of the extractor is scanned for an
alternation of four or more plain Chinese words (用于|用来|用以|作为). A word
bound to a pattern piece (年 of \\d年, 占 of 占[^，]) does not count, and a run
of single characters is a character class (区|县|市|旗), not a word list, and
a run of numerals is how a number is written (万亿|千万|百万|万|亿).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import policies.extraction
from policies.extraction.numbers import CN_NUMERAL_CHARS

SOURCES = sorted(Path(policies.extraction.__file__).parent.glob("*.py"))
_RUN = re.compile(r"[\u4e00-\u9fff]+(?:\|[\u4e00-\u9fff]+)+")
_BOUND_BEFORE = set("\\[]{})?*+.$") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_BOUND_AFTER = set("\\[{(?*+.")


def word_lists(pattern: str, least: int = 4) -> list[str]:
    """The alternations of `least` or more plain Chinese words in a regex source."""
    found = []
    for m in _RUN.finditer(pattern):
        ws = m.group().split("|")
        if m.start() and pattern[m.start() - 1] in _BOUND_BEFORE:
            ws = ws[1:]
        if m.end() < len(pattern) and pattern[m.end()] in _BOUND_AFTER:
            ws = ws[:-1]
        numerals = all(set(w) <= set(CN_NUMERAL_CHARS) for w in ws)
        if len(ws) >= least and any(len(w) > 1 for w in ws) and not numerals:
            found.append("|".join(ws))
    return found


def test_the_scan_finds_word_lists_and_leaves_patterns():
    assert word_lists(r"^(?:用于|用来|用以|作为)$") == ["用于|用来|用以|作为"]
    assert word_lists(r"(?P<pre>近|约|超过|超|逾)?") == ["近|约|超过|超|逾"]
    assert word_lists(r"(?:\d年|力争|目标是|预计到)") == []  # 年 belongs to \d年: three words
    assert word_lists(r"全(?:区|县|市|旗|镇|省)") == []  # single characters: a class
    assert word_lists(r"占比|比重|比例|占[^，]{0,4}") == []  # 占 belongs to 占[^，]
    assert word_lists(r"(?:万亿|千万|百万|万|亿)") == []  # numerals
    assert word_lists("(?:" + "|".join(["资金", "经费"]) + ")") == []


def _constants(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_word_list_in_regex_source(path):
    found = [f"{path.name}:{line}: {run}" for line, text in _constants(path) for run in word_lists(text)]
    assert not found, "word lists belong in policies/extraction/lexicon/*.txt:\n" + "\n".join(found)
