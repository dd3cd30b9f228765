"""The same facts worded or set as other pages give them are read alike.

Each rewrite of tests/extraction/rewrites.py that keeps an article's facts and
that the extractor reads alike (docs/extraction.md, x9: 扶持 for 资助, 发放 or
提供 for 给予, 亿 for 亿元, 补贴资金 for 补贴, blanks around every number, a
相关阅读 list, 原标题：, a province's figures, a page's furniture, the page
printed twice; x10: ASCII punctuation, thousands with commas, semicolons for
stops) gives, for every written-corpus text and seed it changes, the
facts of the original: the same kinds, figures, units, qualifiers and
districts. The rewrites it does not
(yet) read alike are left out by name: hard-wrapped lines, counts in Chinese
numerals, amounts in 万 without 元 and a page with no line breaks at all
(their scores are in docs/extraction.md).
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from policies.extraction import extract
from tests.extraction.rewrites import REWRITES

HERE = Path(__file__).parent
TEXTS = sorted((HERE / "corpus").glob("*.txt")) + sorted((HERE.parents[1] / "seeds").glob("*.txt"))
NOT_YET = {"none", "wrap", "cnnum", "wan", "oneline"}
NO_TEXT_TO_REWRITE = {"peryear"}  # none of these texts writes 元/年


def facts(text: str) -> list[tuple]:
    x = extract(text)
    return sorted(((getattr(f, "kind", "metric"), float(f.quantity.value), f.quantity.unit, f.quantity.qualifier,
                    f.district) for f in x.incentives + x.metrics), key=repr)


@cache
def original(path: Path) -> list[tuple]:
    return facts(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(set(REWRITES) - NOT_YET - NO_TEXT_TO_REWRITE))
def test_a_rewritten_text_gives_the_facts_of_the_original(name):
    changed = 0
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        rewritten = REWRITES[name](text)
        if rewritten == text:
            continue
        changed += 1
        assert facts(rewritten) == original(path), path.name
    assert changed, "the rewrite changes no text: it tests nothing"
