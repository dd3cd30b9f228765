"""Every row of the extractor's rule tables, run on its own example.

A row's example must be decided by that row: the rows above it do not fire
on it, so the example shows what the row adds in its place in the order.
"""
from __future__ import annotations

import pytest

from policies.extraction import classify, programs, quantities
from policies.extraction.quantities import find_quantities
from policies.extraction.rules import decide
from policies.extraction.text import normalise


def _classified(sentence: str):
    doc = normalise(sentence)
    for q in find_quantities(doc.norm):
        start, _ = doc.sentence_span(doc.sentence_of(q.num_start))
        yield decide(classify.RULES, classify.clue_of(doc.norm, q, start))


@pytest.mark.parametrize("rule", classify.RULES, ids=lambda r: r.name)
def test_classify_rule_fires_on_its_example(rule):
    fired = [r.name for r, _ in _classified(rule.example)]
    assert rule.name in fired, f"{rule.example}: {fired}"


@pytest.mark.parametrize("kind", classify.KINDS, ids=lambda k: k.name)
def test_each_kind_is_read_from_its_example(kind):
    kinds = [out.kind for _, out in _classified(kind.example)]
    assert kind.name in kinds, f"{kind.example}: {kinds}"


def _quantity_rules(sentence: str) -> list[str]:
    norm = normalise(sentence).norm
    taken = [(q.start, q.end) for q in quantities._ratios(norm)]
    return [rule.name for rule, _ in quantities.readings(norm, taken)]


@pytest.mark.parametrize("rule", quantities.RULES, ids=lambda r: r.name)
def test_quantity_rule_fires_on_its_example(rule):
    fired = _quantity_rules(rule.example)
    assert rule.name in fired, f"{rule.example}: {fired}"


@pytest.mark.parametrize("rule", programs.QUOTE_RULES, ids=lambda r: r.name)
def test_quoted_name_rule_fires_on_its_example(rule):
    quotes = programs._quotes(normalise(rule.example).norm, set())
    fired = [decide(programs.QUOTE_RULES, q)[0].name for q in quotes]
    assert rule.name in fired, f"{rule.example}: {fired}"
