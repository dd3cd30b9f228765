"""Where an import's time and memory go, batch by batch, in one process.

    DATABASE_URL=postgres://… .venv/bin/python scripts/profile_import.py FOLDER N {queries,profile,memory} [--forget]

Reads and prepares the first N files of FOLDER (generate_corpus --out), then
stores them 200 at a time into the database, printing per batch its queries,
seconds and database time: `queries` also lists the slowest statements,
`profile` prints cProfile's top functions of the writes, `memory` the
process's RSS and the size of Django's DEBUG query log after each batch. It
writes into the database it is given: use a scratch one.
"""
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentkb.settings")
import django  # noqa: E402

django.setup()
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from policies import importing  # noqa: E402
from policies.reading import read_file  # noqa: E402
from policies.tasks import forget_queries  # noqa: E402

BATCH = 200


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def main(folder: str, count: int, mode: str) -> None:
    paths = sorted(Path(folder).iterdir())[:count]
    importing.prepare("人才")  # jieba's dictionary, outside the timing
    started = time.perf_counter()
    prepared = [importing.prepare(read_file(p).text, source_file=p.name) for p in paths]
    print(f"prepare: {len(paths) / (time.perf_counter() - started):.1f} articles/s")
    profile = cProfile.Profile()
    for first in range(0, len(prepared), BATCH):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            if mode == "profile":
                profile.enable()
            importing.store(prepared[first:first + BATCH])
            profile.disable()
            seconds = time.perf_counter() - started
        database = sum(float(q["time"]) for q in queries.captured_queries)
        print(f"batch {first // BATCH}: {len(queries)} queries, {seconds:.2f} s, database {database:.2f} s")
        if mode == "queries":
            for q in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:8]:
                print(f"   {q['time']} s {len(q['sql']):>8} chars  {q['sql'][:70]}")
        if mode == "memory":
            log = sum(len(q["sql"]) for q in connection.queries_log)
            print(f"   RSS {rss_mb():.0f} MB, DEBUG query log {len(connection.queries_log)} entries, {log / 1e6:.1f} M chars")
            if "--forget" in sys.argv:  # what import_files does after each batch
                forget_queries()
    if mode == "profile":
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
