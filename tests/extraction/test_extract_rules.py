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



def test_the_learned_step_overrides_the_rules_only_where_it_is_sure(tmp_path):
    import json

    from policies.extraction import learned

    f = tmp_path / "m.json"
    f.write_text(json.dumps({"classes": ["metric", "none", "subsidy"], "bias": [0, 0, 0],
                             "thresholds": {"drop": 0.9, "to_offer": 0.5, "to_metric": 1.01, "kind": 1.01},
                             "weights": {"L奖": [0, 0, 3], "L口": [0, 2, 0]}}), encoding="utf-8")
    m = learned.model.__wrapped__(f)
    assert m.decide(["L奖", "U=CNY"], None) == "subsidy"  # P 0.91 >= 0.5
    assert m.decide(["L口"], None) == "metric"  # P(none) 0.79 < 0.9: the rules stand
    assert m.decide(["L奖"], "subsidy") == "subsidy"
    norm = "全区人才总量达到12.5万人。"
    s = norm.index("12.5")
    feats = learned.features(norm, s, s, s + len("12.5万"), 0, "count", "人", "eq", None, "metric")
    assert {"L总量", "R人", "K=metric", "RULE=metric"} <= set(feats)
