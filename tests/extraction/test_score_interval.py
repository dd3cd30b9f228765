"""scripts/score_interval.py: the F1 it prints is score.py's, inside its interval."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from policies.extraction.score_seeds import export_files

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="../shared/eval is not beside the repository")


def test_the_interval_holds_score_pys_f1_of_the_seeds(tmp_path):
    export = tmp_path / "kb.json"
    export.write_text(json.dumps(export_files(sorted((ROOT / "seeds").glob("*.txt"))), ensure_ascii=False), "utf-8")
    scored = subprocess.run([sys.executable, str(EVAL / "score.py"), str(export), str(EVAL / "gold")],
                            capture_output=True, text=True, check=True).stdout
    want = float(re.search(r"overall P \S+ R \S+ F1 (\S+)", scored).group(1))
    line = subprocess.run([sys.executable, str(ROOT / "scripts" / "score_interval.py"), str(export), str(EVAL / "gold"),
                           "--rounds", "500"], capture_output=True, text=True, check=True).stdout
    got = re.search(r"(\d+) articles: F1 (\S+), 95% interval over articles \[(\S+), (\S+)\]", line)
    assert got, line
    articles, f1, lo, hi = int(got.group(1)), float(got.group(2)), float(got.group(3)), float(got.group(4))
    assert articles == len(list((EVAL / "gold").glob("*.json")))
    assert f1 == want
    assert lo <= f1 <= hi <= 1.0
