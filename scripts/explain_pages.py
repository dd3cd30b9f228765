"""The slowest queries of a page, with PostgreSQL's plan: what docs/performance.md quotes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/talentkb_scale \
        .venv/bin/python scripts/explain_pages.py '/incentives/' '/metrics/?year=2024' [--top 3]

Renders each page once through Django's test client, records its queries and
their times, and prints the page's query count and total, then the `top`
slowest with EXPLAIN (ANALYZE, BUFFERS). Read-only: EXPLAIN ANALYZE runs only
the SELECTs the page ran.
"""
import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--top", type=int, default=2)
    parser.add_argument("--statement-timeout", type=int, default=300, help="seconds per EXPLAIN ANALYZE")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentkb.settings")
    os.environ["DEBUG"] = "1"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        sys.exit("set DATABASE_URL to a PostgreSQL database")
    for path in args.paths:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = Client().get(path)
            size = len(b"".join(response.streaming_content) if response.streaming else response.content)
            elapsed = time.perf_counter() - started
        queries = sorted(captured.captured_queries, key=lambda q: float(q["time"]), reverse=True)
        total = sum(float(q["time"]) for q in queries)
        print(f"## {path}\n\n{response.status_code}, {size / 1e3:.0f} KB, {elapsed:.2f} s, "
              f"{len(queries)} queries taking {total:.2f} s\n")
        for q in queries[: args.top]:
            if not q["sql"].lstrip().upper().startswith("SELECT"):
                continue
            print(f"query of {float(q['time']):.3f} s:\n\n```sql\n{q['sql']}\n```\n")
            with connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {args.statement_timeout * 1000}")
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + q["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            print(f"```\n{plan}\n```\n")


if __name__ == "__main__":
    main()
