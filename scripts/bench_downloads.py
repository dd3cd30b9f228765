"""Benchmark: streamed downloads keep memory flat as the rows grow.

    .venv/bin/python scripts/bench_downloads.py [--rows 20000 200000] [--format csv]
    DATABASE_URL=postgres://…/talentkb_scale .venv/bin/python scripts/bench_downloads.py --existing \
        [--url '/incentives/?district=110106'] [--no-trace]

Builds a throw-away SQLite knowledge base (or uses DATABASE_URL) with N
incentives per step, downloads /incentives/?format=… through Django's test
client, and prints rows per second and the peak of Python memory allocated
while streaming (tracemalloc). A streamed export shows the same peak for 20
thousand and for 200 thousand rows. With --existing it fills nothing and
downloads from the database as it is (one filled by `generate_corpus --load`,
at any size), printing the rows, rows/s, the process's peak RSS and, unless
--no-trace (a second, slower pass), the tracemalloc peak. It prints figures;
it asserts nothing.
"""
import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("--existing", action="store_true", help="download from DATABASE_URL as it is; fill nothing")
    parser.add_argument("--url", default="/incentives/", help="the list to download (--existing)")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc pass")
    args = parser.parse_args()
    if args.existing and not os.environ.get("DATABASE_URL"):
        sys.exit("--existing needs DATABASE_URL")

    scratch = tempfile.mkdtemp(prefix="talentkb-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentkb.settings")
    os.environ["DEBUG"] = "1"  # the test client; nothing is served
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    if args.existing:
        return existing(args, Client)
    call_command("migrate", verbosity=0)
    print(f"database: {os.environ['DATABASE_URL']}")
    print(f"{'rows':>9} {'seconds':>8} {'rows/s':>9} {'MB out':>7} {'peak MB':>8}")
    for rows in sorted(args.rows):
        fill(rows)
        url = f"/incentives/?format={args.format}"
        # Timed and traced apart: tracemalloc slows Python down several times.
        started = time.perf_counter()
        size = download(Client(), url)
        elapsed = time.perf_counter() - started
        tracemalloc.start()
        download(Client(), url)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{rows:9d} {elapsed:8.2f} {rows / elapsed:9.0f} {size / 1e6:7.1f} {peak / 1e6:8.1f}")


def existing(args, Client) -> None:
    import resource

    sep = "&" if "?" in args.url else "?"
    url = f"{args.url}{sep}format={args.format}"
    print(f"database: {os.environ['DATABASE_URL']}  url: {url}")
    started = time.perf_counter()
    response = Client().get(url)
    size = rows = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        rows += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    rows -= 1 if args.format == "csv" else 0  # the header (JSON: lines, about one per row)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(f"{'rows':>9} {'seconds':>8} {'rows/s':>9} {'MB out':>7} {'peak RSS MB':>12} {'traced peak MB':>15}")
    traced = ""
    if not args.no_trace:
        tracemalloc.start()
        download(Client(), url)
        traced = f"{tracemalloc.get_traced_memory()[1] / 1e6:15.1f}"
        tracemalloc.stop()
    print(f"{rows:9d} {elapsed:8.2f} {rows / elapsed:9.0f} {size / 1e6:7.1f} {rss:12.0f} {traced}")


def download(client, url) -> int:
    return sum(len(chunk) for chunk in client.get(url).streaming_content)


def fill(total: int) -> None:
    """Top the knowledge base up to `total` incentives in one district."""
    from decimal import Decimal

    from districts.models import District
    from policies.importing import checksum
    from policies.models import Article, Incentive

    have = Incentive.objects.count()
    if have >= total:
        return
    district = District.objects.get(adcode="110106")
    text = "丰台区将陆续统筹投放超500套人才公寓，提供300余个免租减租工位。"
    article, _ = Article.objects.get_or_create(
        sha256=checksum(text), defaults={"text": text, "source_file": "bench.txt", "published": "2024"}
    )
    article.districts.add(district)
    batch = []
    for i in range(have, total):
        batch.append(Incentive(
            article=article, district=district, kind="apartment", value=Decimal(500 + i % 97),
            unit="count", measure="套", qualifier="gt", year=2024, span_start=6, span_end=14,
            quote=text[6:14], label="人才公寓",
        ))
        if len(batch) == 5000:
            Incentive.objects.bulk_create(batch)
            batch = []
    Incentive.objects.bulk_create(batch)


if __name__ == "__main__":
    main()
