"""The extractor on the texts written as scraped pages (tests/extraction/scraped_style).

Their odd-numbered half is read to write rules, their even-numbered half is
held out (the folder's README); both are held to floors a little under what
the extractor reaches, so that a change that makes it generalise worse to
text of this kind fails here. The gold files must hold: every quote found in
its text, on one line.

    python -m tests.extraction.test_extract_scraped_style   # prints both halves' tables
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extraction.test_extract_corpus import f1, score

FOLDER = Path(__file__).parent / "scraped_style"
FLOORS = {
    "odd": {"districts": 0.98, "programs": 0.94, "incentives": 0.97, "metrics": 0.97, "overall": 0.97},
    "even": {"districts": 0.98, "programs": 0.86, "incentives": 0.91, "metrics": 0.92, "overall": 0.92},
}


def _half(which: str):
    return lambda name: int(name[1:4]) % 2 == (1 if which == "odd" else 0)


@pytest.fixture(scope="module")
def halves():
    return {which: score(folder=FOLDER, pick=_half(which)) for which in FLOORS}


@pytest.mark.parametrize("which", FLOORS)
@pytest.mark.parametrize("category", ["districts", "programs", "incentives", "metrics", "overall"])
def test_each_half_stays_above_its_floor(halves, which, category):
    assert f1(*halves[which][category]) >= FLOORS[which][category], (which, category, halves[which][category])


@pytest.mark.parametrize("path", sorted(FOLDER.glob("F*.json")), ids=lambda p: p.stem)
def test_every_quote_of_the_gold_is_on_one_line_of_its_text(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    lines = path.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
    quotes = [row["quote"] for key in ("incentives", "metrics") for row in gold[key]]
    assert quotes and [q for q in quotes if not any(q in line for line in lines)] == []


if __name__ == "__main__":
    for which in FLOORS:
        print(which)
        for category, (gold, pred, hit) in score(folder=FOLDER, pick=_half(which)).items():
            print(f"  {category:12s} {gold:5d} {pred:5d} {hit:5d}  {f1(gold, pred, hit):.3f}")
