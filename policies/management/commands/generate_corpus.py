"""python manage.py generate_corpus --articles N --seed S (--out DIR | --load): synthetic articles for scale work."""
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policies.corpus import generate


class Command(BaseCommand):
    help = (
        "Generate N synthetic talent-policy articles (policies/corpus.py), the same for the same "
        "seed: districts from the gazetteer skewed toward big ones, years 2015-2026, recurring "
        "programs, every incentive kind and unit, reported and target metrics. --out DIR writes "
        "them as .txt files for import_articles; --load writes the rows they state straight into "
        "the database without running the extractor (COPY on PostgreSQL), for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="how many articles")
        parser.add_argument("--seed", type=int, default=1, help="the corpus: the same seed gives the same texts")
        parser.add_argument("--start", type=int, default=0,
                            help="number of the first article, to add a further part of the same corpus")
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--out", type=Path, help="folder to write the .txt files into")
        target.add_argument("--load", action="store_true", help="write the rows into the database")
        parser.add_argument("--batch", type=int, default=1000, help="articles per COPY / transaction (--load)")
        parser.add_argument("--reviewed", type=float, default=0.0,
                            help="share of loaded facts marked reviewed, half verified, half rejected (--load)")
        parser.add_argument("--keep-indexes", action="store_true",
                            help="keep secondary indexes while loading (by default, from 10,000 articles on, "
                                 "PostgreSQL's are dropped and rebuilt at the end: much faster for large loads)")
        parser.add_argument("--no-search-words", action="store_true",
                            help="skip jieba segmentation of the loaded texts (faster; search then finds little)")

    def handle(self, *args, articles, seed, start, out, load, batch, reviewed, keep_indexes, no_search_words, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1")
        corpus = generate(articles, seed, start=start)
        started = time.perf_counter()
        if out:
            out.mkdir(parents=True, exist_ok=True)
            written = 0
            for article in corpus:
                (out / article.filename).write_text(article.text, encoding="utf-8")
                written += 1
            elapsed = time.perf_counter() - started
            self.stdout.write(self.style.SUCCESS(
                f"{written} articles written to {out} in {elapsed:.1f} s (seed {seed}, from {start})"
            ))
            return

        from policies.corpus_load import Loader

        loader = Loader(batch=batch, reviewed=reviewed, segment=not no_search_words)
        last = [started]

        def progress(counts, step=""):
            now = time.perf_counter()
            if step:
                self.stdout.write(f"  {step} ({now - started:.0f} s)")
            elif now - last[0] >= 10:
                last[0] = now
                rows = sum(counts.values())
                self.stdout.write(f"  {rows:,} rows, {rows / (now - started):,.0f} rows/s", ending="\n")
                self.stdout.flush()

        loader.load(corpus, progress=progress, defer_indexes=not keep_indexes and articles >= 10_000)
        elapsed = time.perf_counter() - started
        rows = sum(loader.counts.values())
        for table, count in loader.counts.items():
            self.stdout.write(f"{table:32s} {count:>12,}")
        self.stdout.write(self.style.SUCCESS(
            f"{articles} articles loaded: {rows:,} rows in {elapsed:.1f} s, {rows / elapsed:,.0f} rows/s, "
            f"{articles / elapsed:,.0f} articles/s"
        ))
