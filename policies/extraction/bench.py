"""Throughput of the extractor next to jieba's segmentation of the same text.

    python -m policies.extraction.bench [--mb 5] [--seed 20240522] [--rounds 3]

Builds a corpus of at least --mb megabytes (UTF-8) by shuffling the sentences
of seeds/*.txt with a fixed random seed, cuts it into article-sized chunks
(about 8 KB, like the seeds), and times extract() over all chunks and
jieba.lcut() over the same chunks, in turns (--rounds), and compares each
side's best round. It prints figures; it is not a test.
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
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    import jieba

    from . import extract

    chunks = corpus(args.mb, args.seed)
    nbytes = sum(len(c.encode("utf-8")) for c in chunks)
    mb = nbytes / (1024 * 1024)
    # warm both up (gazetteer, regexes, jieba's dictionary) outside the timing
    extract(chunks[0])
    jieba.lcut(chunks[0])

    # the machine's load swings within seconds: the two take turns, and each
    # side's best round is its speed
    ext_times, jieba_times = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        n_facts = sum(len(x.incentives) + len(x.metrics) for x in map(extract, chunks))
        ext_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_words = sum(len(jieba.lcut(c)) for c in chunks)
        jieba_times.append(time.perf_counter() - t0)

    rounds = " / ".join(f"{t:.2f}" for t in ext_times)
    print(f"corpus: {mb:.2f} MB in {len(chunks)} articles (seed {args.seed})")
    print(f"extract():   best {min(ext_times):7.2f} s  {mb / min(ext_times):6.2f} MB/s  ({n_facts} facts; rounds {rounds} s)")
    rounds = " / ".join(f"{t:.2f}" for t in jieba_times)
    print(f"jieba.lcut:  best {min(jieba_times):7.2f} s  {mb / min(jieba_times):6.2f} MB/s  ({n_words} words; rounds {rounds} s)")
    print(f"ratio extractor/jieba: {min(jieba_times) / min(ext_times):.2f} (target >= 1: at least as fast as jieba segments)")


if __name__ == "__main__":
    main()
