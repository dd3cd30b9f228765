"""Benchmark: import_articles into PostgreSQL, articles per second and peak memory.

    .venv/bin/python scripts/bench_import.py [--sizes 300 1500] [--seed 1]
        [--database-url postgres://postgres@127.0.0.1:5432/talentkb_bench_import]
        [--corpus /tmp/import-corpus] [--code ../other-checkout]

For each size K it writes K generated articles (generate_corpus --out) into a
scratch folder, creates a fresh database of that name (UTF-8, C.UTF-8, from
scripts/pg_template.py's template), runs `manage.py import_articles` over the
folder in a child process and prints articles/s, facts/s and the child's peak
resident memory (RSS). Memory flat in the number of articles shows as the same
peak at both sizes. Issue 11's target: at least 100 articles/s.

--corpus takes the first K files of a folder made once by
`generate_corpus --out`, instead of generating them for each size; --code runs
`manage.py` of another checkout (a worktree of the code before a change) with
the same corpus and database, for a before/after in the same session.

The database is dropped and created again for each size, so its name must
contain "bench". It prints figures; it asserts nothing.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dj_database_url
import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def recreate(url: str, template: str) -> None:
    params = dj_database_url.parse(url)
    name = params["NAME"]
    if "bench" not in name:
        sys.exit(f"refusing to drop {name}: the benchmark's database name must contain 'bench'")
    connection = psycopg2.connect(dbname="postgres", user=params["USER"] or None, host=params["HOST"] or None,
                                  port=params["PORT"] or None, password=params["PASSWORD"] or None)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    connection.close()
    subprocess.run([PYTHON, "scripts/pg_template.py", url, template], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def run(args: list[str], env: dict, cwd: Path = ROOT) -> None:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")


def run_measured(args: list[str], env: dict, cwd: Path = ROOT) -> tuple[float, int, str]:
    """(seconds, peak RSS in bytes, stdout) of a child process: the RSS of this child alone (os.wait4)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if child.returncode:
            sys.exit(f"{' '.join(args)} failed:\n{err.read()[-2000:]}")
        return elapsed, usage.ru_maxrss * 1024, out.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1500])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/talentkb_bench_import")
    parser.add_argument("--template", default="talentkb_bench_template")
    parser.add_argument("--corpus", type=Path, help="a folder of generated articles to take the first K of")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose manage.py imports")
    args = parser.parse_args()
    code = args.code.resolve()

    env = {**os.environ, "DATABASE_URL": args.database_url, "DJANGO_SETTINGS_MODULE": "talentkb.settings"}
    print(f"database: {args.database_url}; code: {code}")
    print(f"{'articles':>9} {'seconds':>8} {'articles/s':>11} {'facts':>8} {'facts/s':>8} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory(prefix="talentkb-import-") as scratch:
        for size in sorted(args.sizes):
            folder = Path(scratch) / str(size)
            if args.corpus:
                folder.mkdir()
                for path in sorted(args.corpus.iterdir())[:size]:
                    shutil.copyfile(path, folder / path.name)
            else:
                run([PYTHON, "manage.py", "generate_corpus", "--articles", str(size), "--seed", str(args.seed),
                     "--out", str(folder)], env)
            recreate(args.database_url, args.template)
            run([PYTHON, "manage.py", "migrate", "-v0"], env, code)
            elapsed, rss, out = run_measured([PYTHON, "manage.py", "import_articles", str(folder)], env, code)
            # The summary line, in English or (with compiled messages) in Chinese.
            summary = re.search(r"(\d+) imported \((\d+) facts\)|导入 (\d+) 篇（(\d+) 条数据）", out)
            imported, facts = [int(n) for n in summary.groups() if n is not None] if summary else (0, 0)
            print(f"{imported:9d} {elapsed:8.1f} {imported / elapsed:11.1f} {facts:8d} {facts / elapsed:8.0f} "
                  f"{rss / 1e6:12.0f}")
    print("(seconds include Django's start and jieba's dictionary load, about 2 s)")


if __name__ == "__main__":
    main()
