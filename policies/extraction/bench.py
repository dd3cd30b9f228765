"""Throughput of the extractor next to jieba's segmentation of the same text.

    python -m policies.extraction.bench [--mb 5] [--seed 20240522]

Builds a corpus of at least --mb megabytes (UTF-8) by shuffling the sentences
of seeds/*.txt with a fixed random seed, cuts it into article-sized chunks
(about 8 KB, like the seeds), and times extract() over all chunks and
jieba.lcut() over the same chunks. It prints figures; it is not a test.
"""
from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def corpus(mb: float, seed: int) -> list[str]:
    sentences: list[str] = []
    for f in sorted(SEEDS.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        sentences += [s for s in re.findall(r"[^。！？\n]+[。！？]?\n?", text) if s.strip()]
    rng = random.Random(seed)
    target = int(mb * 1024 * 1024)
    chunks, cur, size, total = [], [], 0, 0
    while total < target:
        s = rng.choice(sentences)
        cur.append(s)
        n = len(s.encode("utf-8"))
        size += n
        total += n
        if size >= 8192:
            chunks.append("".join(cur))
            cur, size = [], 0
    if cur:
        chunks.append("".join(cur))
    return chunks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=20240522)
    args = ap.parse_args()

    import jieba

    from . import extract

    chunks = corpus(args.mb, args.seed)
    nbytes = sum(len(c.encode("utf-8")) for c in chunks)
    mb = nbytes / (1024 * 1024)
    # warm both up (gazetteer, regexes, jieba's dictionary) outside the timing
    extract(chunks[0])
    jieba.lcut(chunks[0])

    t0 = time.perf_counter()
    n_facts = 0
    for c in chunks:
        x = extract(c)
        n_facts += len(x.incentives) + len(x.metrics)
    t_ext = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_words = 0
    for c in chunks:
        n_words += len(jieba.lcut(c))
    t_jieba = time.perf_counter() - t0

    ext_speed, jieba_speed = mb / t_ext, mb / t_jieba
    print(f"corpus: {mb:.2f} MB in {len(chunks)} articles (seed {args.seed})")
    print(f"extract():   {t_ext:7.2f} s  {ext_speed:6.2f} MB/s  ({n_facts} facts)")
    print(f"jieba.lcut:  {t_jieba:7.2f} s  {jieba_speed:6.2f} MB/s  ({n_words} words)")
    print(f"ratio extractor/jieba: {ext_speed / jieba_speed:.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
