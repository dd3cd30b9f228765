"""Page noise changes nothing: the seeds and the written corpus, each given
the furniture of a scraped web page by tests/extraction/noise.py (breadcrumb,
byline with date and view counter, captions, share bar, 上一篇/下一篇 with
figures, footer with ICP and telephone numbers, a mirror's repeated paragraph,
a summary and a teaser cut short, full-width digits, blanks inside numbers),
export the same districts, programs and facts as the clean texts, with the
same quotes once digits are read alike, and every quote is in the noisy text.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from policies.extraction import extract
from tests.extraction.noise import add_noise

HERE = Path(__file__).parent
TEXTS = sorted((HERE / "corpus").glob("*.txt")) + sorted((HERE.parents[1] / "seeds").glob("*.txt"))
NOISE_SEEDS = (1, 2, 3)


def _same(s: str) -> str:
    """A quote as read: full-width digits as ASCII, no blanks."""
    return "".join(unicodedata.normalize("NFKC", s).split())


def _facts(text: str) -> dict:
    x = extract(text)
    rows = []
    for kind, facts in (("incentive", x.incentives), ("metric", x.metrics)):
        for f in facts:
            q = f.quantity
            rows.append((kind, getattr(f, "kind", ""), f.district, f.program, q.value, q.value_max, q.unit,
                         q.qualifier, f.period, f.target, f.label, _same(text[f.start:f.end])))
    return {"districts": list(x.districts), "programs": sorted((p.name, p.district) for p in x.programs),
            "facts": sorted(rows, key=repr), "quotes": [text[f.start:f.end] for f in x.incentives + x.metrics]}


_clean: dict[Path, dict] = {}


@pytest.mark.parametrize("seed", NOISE_SEEDS)
def test_noisy_page_exports_what_the_clean_text_does(seed):
    differ = []
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        if path not in _clean:
            _clean[path] = _facts(text)
        noisy_text = add_noise(text, seed)
        noisy = _facts(noisy_text)
        assert all(q and q in noisy_text for q in noisy["quotes"]), path.name
        clean = _clean[path]
        for key in ("districts", "programs", "facts"):
            if noisy[key] != clean[key]:
                gone = [r for r in clean[key] if r not in noisy[key]]
                new = [r for r in noisy[key] if r not in clean[key]]
                differ.append(f"{path.name} {key}: lost {gone} added {new}")
    assert not differ, "\n".join(differ)


def test_the_noise_is_deterministic_and_keeps_the_text():
    text = TEXTS[0].read_text(encoding="utf-8")
    assert add_noise(text, 5) == add_noise(text, 5) != add_noise(text, 6)
    noisy = add_noise(text, 5)
    for line in text.splitlines():
        if line.strip() and not any(c.isdigit() for c in line):
            assert line in noisy
