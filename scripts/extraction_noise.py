"""How much the extractor's score on the development split moves when the
texts carry the noise of real web pages and the words of other writers: the
rewrites of tests/extraction/rewrites.py (hard-wrapped lines, a page printed
twice, corner brackets or straight quotes, counts in Chinese numerals, amounts
in 万 or 亿 without 元, 扶持 for 资助, 补贴资金 for 补贴, 提供 or 发放 for 给予,
元每年 for 元/年, a caption, a province's figures (该省…), a navigation trail, a
相关阅读 list of other titles, the title given again (原标题：), blanks around
every number, a byline). Only development files
(R number not divisible by 3) are read; half A is R mod 6 in 1-2, half B 4-5.

    .venv/bin/python scripts/extraction_noise.py [../shared] [NOISE ...]

prints, for each noise and half, gold/predicted/hit per category and the
overall line of ../shared/eval/score.py.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from policies.extraction.score_seeds import export_files  # noqa: E402
from tests.extraction.rewrites import REWRITES as NOISE  # noqa: E402


def score(shared: Path, noise: str, half: str) -> str:
    gold = [g for g in sorted((ROOT / "tests/extraction/real_gold").glob("R*.json"))
            if int(g.stem[1:]) % 6 in ((1, 2) if half == "A" else (4, 5))]
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        for g in gold:
            (d / "gold").mkdir(exist_ok=True)
            (d / "gold" / g.name).write_text(g.read_text(encoding="utf-8"), encoding="utf-8")
            text = (shared / "corpus/real" / f"{g.stem}.txt").read_text(encoding="utf-8")
            (d / f"{g.stem}.txt").write_text(NOISE[noise](text), encoding="utf-8")
        (d / "kb.json").write_text(json.dumps(export_files(sorted(d.glob("*.txt"))), ensure_ascii=False))
        out = subprocess.run([sys.executable, str(shared / "eval/score.py"), str(d / "kb.json"), str(d / "gold")],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    rows = {line.split()[0]: line.split() for line in out if line and not line.startswith(" ")}
    cats = "  ".join(f"{k[:4]} {'/'.join(rows[k][1:4])}" for k in ("districts", "programs", "incentives", "metrics"))
    return f"{noise:8}{half}  {cats}  {out[-1]}"


def main(argv: list[str]) -> None:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    for noise in argv[2:] or list(NOISE):
        for half in "AB":
            print(score(shared, noise, half))


if __name__ == "__main__":
    main(sys.argv)
