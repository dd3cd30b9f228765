"""Evaluate the learned step (learned.py, which says what the model is and what
it gave) by cross-validation, and with -o write its weights.

    python -m policies.extraction.train [--shared ../shared] [-C 1.0] [--all-sources] [-o FILE]

Needs scikit-learn (`pip install -e ".[train]"`). Sorted inputs and a fixed
random state make it reproducible. Retrain after changing classify.RULES:
the rules' decisions are features.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .learned import MODEL_FILE, ROOT, features, outcome
from .pipeline import classified, offer_parts, quantities, ranges_as_bounds, sentences

DAYS = {"day": 1, "month": 30, "year": 365}
GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)  # 1.01: never override


def sources(shared: Path) -> list[tuple[Path, Path]]:
    """(text, gold) pairs the model may learn from: never the frozen test split."""
    out = [(shared / "corpus" / "real" / f"{g.stem}.txt", g)
           for g in sorted((ROOT / "tests" / "extraction" / "real_gold").glob("R*.json")) if int(g.stem[1:]) % 3]
    out += [(ROOT / "seeds" / json.loads(g.read_text(encoding="utf-8"))["article"], g)
            for g in sorted((shared / "eval" / "gold").glob("*.json"))]
    out += [(g.with_suffix(".txt"), g) for g in sorted((ROOT / "tests" / "extraction" / "corpus").glob("*.json"))]
    return [(t, g) for t, g in out if t.exists()]


def _norm_value(unit: str, value: float) -> tuple[str, float]:
    return ("day", value * DAYS[unit]) if unit in DAYS else (unit, value)


def _same(a: tuple[str, float], b: tuple[str, float]) -> bool:
    return a[0] == b[0] and abs(a[1] - b[1]) <= max(1e-6, 0.005 * max(abs(a[1]), abs(b[1])))


def _gold_rows(text: str, gold: dict) -> list[tuple[str, tuple[str, float], list[tuple[int, int]]]]:
    """(class, (unit, value), where its quote stands) of each gold fact."""
    rows = []
    for key in ("incentives", "metrics"):
        for r in gold.get(key, []):
            q, spans, i = r.get("quote") or "", [], 0
            while q and (i := text.find(q, i)) >= 0:
                spans.append((i, i + len(q)))
                i += 1
            cls = r["kind"] if key == "incentives" else "metric"
            rows.append((cls, _norm_value(r["unit"], float(r["value"])), spans))
    return rows


def labelled_figures(text: str, gold: dict) -> list[tuple[list[str], str, str]]:
    """(features, gold class, the rules' class) of every candidate figure of a text."""
    a = sentences(text)
    figures = offer_parts(a, ranges_as_bounds(classified(a, quantities(a))))
    rows, out = _gold_rows(text, gold), []
    for f in figures:
        q, at = f.q, _norm_value(f.q.unit, f.q.value)
        s, e = a.doc.to_orig(f.q.start), a.doc.to_orig_end(f.q.end)
        same = [r for r in rows if _same(r[1], at)]
        near = [r for r in same if any(gs < e + 20 and s - 20 < ge for gs, ge in r[2])]
        label = (near or same or [("none",)])[0][0]
        feats = features(a.doc.norm, q.start, q.num_start, q.end, f.sent_start, q.unit, q.measure,
                                 f.qualifier, f.kind, f.rule)
        out.append((feats, label, f.kind or "metric"))
    return out


def dataset(shared: Path, real_only: bool = True) -> tuple[list, list, list, list]:
    """Features, gold class, the rules' class and article of every training figure."""
    X, y, ruled, groups = [], [], [], []
    for i, (t, g) in enumerate(sources(shared)):
        if real_only and not t.name.startswith("R"):
            continue
        for feats, label, rule in labelled_figures(t.read_text(encoding="utf-8"), json.loads(g.read_text("utf-8"))):
            X.append({f: 1 for f in feats})
            y.append(label)
            ruled.append(rule)
            groups.append(i)
    return X, y, ruled, groups


def fit(X, y, C: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    clf = LogisticRegression(C=C, max_iter=3000, random_state=0)
    clf.fit(vec.fit_transform(X), y)
    return vec, clf


def cross_validated(X, y, ruled, groups, C: float) -> list[dict]:
    """Held-out class probabilities of every figure, 5 folds over articles."""
    from sklearn.model_selection import GroupKFold

    probs: list[dict] = [{} for _ in y]
    for tr, te in GroupKFold(n_splits=5).split(X, y, groups):
        vec, clf = fit([X[i] for i in tr], [y[i] for i in tr], C)
        P = clf.predict_proba(vec.transform([X[i] for i in te]))
        for i, row in zip(te, P):
            probs[i] = dict(zip(clf.classes_, row))
    return probs


def thresholds(probs: list[dict], y: list, ruled: list) -> tuple[dict, int]:
    """Each threshold in turn, the one that makes the most figures right."""
    t = {k: 1.01 for k in ("drop", "to_offer", "to_metric", "kind")}

    def right(tt):
        return sum(outcome(p, r, tt) == g for p, r, g in zip(probs, ruled, y))
    for _ in range(2):
        for k in t:
            t[k] = max(GRID, key=lambda v: (right({**t, k: v}), v))
    return t, right(t)


def weights(vec, clf, digits: int = 3, least: float = 0.02) -> dict:
    """Feature -> weights, rounded; a feature whose weights are all below `least` is left out."""
    out = {}
    for f, col in sorted(vec.vocabulary_.items()):
        w = [round(float(clf.coef_[c][col]), digits) for c in range(len(clf.classes_))]
        if max(map(abs, w)) >= least:
            out[f] = w
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-C", type=float, default=1.0)
    ap.add_argument("--all-sources", action="store_true", help="learn from the seeds and the corpus too")
    ap.add_argument("-o", type=Path, help=f"write the weights there; as {MODEL_FILE.name} beside learned.py "
                                          "the extractor uses them")
    args = ap.parse_args(argv)
    X, y, ruled, groups = dataset(args.shared, real_only=not args.all_sources)
    probs = cross_validated(X, y, ruled, groups, args.C)
    t, right = thresholds(probs, y, ruled)
    before = sum(r == g for r, g in zip(ruled, y))
    print(f"{len(y)} figures from {len(set(groups))} articles; held out, the rules get {before} right, "
          f"rules + model {right}; thresholds {t}")
    if not args.o:
        return
    vec, clf = fit(X, y, args.C)
    doc = {"classes": list(clf.classes_), "bias": [round(float(b), 3) for b in clf.intercept_],
           "thresholds": t, "weights": weights(vec, clf)}
    args.o.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.o} ({len(doc['weights'])} features)")


if __name__ == "__main__":
    main()
