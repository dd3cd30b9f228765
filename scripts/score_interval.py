"""How far a score on a few articles may be from the score on the next ones:
the overall F1 of an export against a folder of gold files, with a 95%
bootstrap interval over articles (articles drawn with replacement, 5000 times).

    python scripts/score_interval.py EXPORT.json GOLD_DIR [--shared ../shared]

It matches facts as ../shared/eval/score.py does (its own functions) and
prints one line of aggregate numbers: no article, no miss, so that it can be
run on the frozen test split without reading it.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def per_article(export: dict, gold_dir: Path, score) -> list[tuple[int, int, int]]:
    """(gold, predicted, matched) of every article, over districts, programs, incentives and metrics."""
    rules = {
        "districts": lambda g, p: g["name"] == p["name"],
        "programs": score.program_matches,
        "incentives": lambda g, p: score.fact_matches(g, p, with_kind=True),
        "metrics": lambda g, p: score.fact_matches(g, p, with_kind=False),
    }
    out = []
    for gold in score.load_gold([gold_dir]):
        got = score.export_for(export, gold["article"])
        rows = dict(gold, districts=[{"name": d["name"]} for d in gold.get("districts", [])])
        counts = [(len(rows.get(k, [])), len(got[k]), len(score.pair(rows.get(k, []), got[k], rule)[0]))
                  for k, rule in rules.items()]
        out.append(tuple(map(sum, zip(*counts))))
    return out


def f1(rows) -> float:
    gold, pred, hit = (sum(r[i] for r in rows) for i in range(3))
    return 2 * hit / (gold + pred) if gold + pred else 0.0


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--rounds", type=int, default=5000)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.shared / "eval"))
    import score

    rows = per_article(json.loads(args.export.read_text(encoding="utf-8")), args.gold, score)
    rng = random.Random(0)
    drawn = sorted(f1([rng.choice(rows) for _ in rows]) for _ in range(args.rounds))
    lo, hi = drawn[int(0.025 * args.rounds)], drawn[int(0.975 * args.rounds) - 1]
    print(f"{len(rows)} articles: F1 {f1(rows):.3f}, 95% interval over articles [{lo:.3f}, {hi:.3f}]")


if __name__ == "__main__":
    main()
