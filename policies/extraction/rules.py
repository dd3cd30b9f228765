"""Ordered rule tables: the first row whose condition holds decides.

A row has a name, a condition, an outcome and an example sentence. The
condition takes the clue the table is asked about and returns something falsy
when the rule does not apply, else a hit (a match, a word, True) that the
outcome may use. The order of the rows is the order in which the old if-chains
tried them, so a row only needs reading with the rows above it in mind.
tests/extraction/test_extract_rules.py runs every row's example and checks
that its row is the one that fires.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Generic, Sequence, TypeVar

C = TypeVar("C")
O = TypeVar("O")


@dataclass(frozen=True)
class Rule(Generic[C, O]):
    name: str
    when: Callable[[C], Any]
    then: Callable[[C, Any], O]
    example: str


def always(_clue: Any) -> bool:
    return True


def decide(table: Sequence[Rule[C, O]], clue: C) -> tuple[Rule[C, O], O]:
    """(the row that fires, its outcome). Every table ends in a row that always fires."""
    for rule in table:
        hit = rule.when(clue)
        if hit:
            return rule, rule.then(clue, hit)
    raise LookupError("a rule table must end with a row that always fires")
