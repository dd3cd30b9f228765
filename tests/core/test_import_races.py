"""Imports running side by side: each file ends imported once, each program exists once, nothing aborts.

Real processes on a real database file (SQLite) or server (PostgreSQL), as an
operator would start them: the test database of pytest lives in one
connection, so each test here migrates a database of its own.
"""
import json
import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PROGRAM_TEXT = (
    "顺德区“凤城英才计划”第{n}批发布：将提供人才公寓{flats}套，"
    "并设立{fund}万元人才发展专项资金，面向高校毕业生发放生活补贴{grant}元。\n"
)


@contextmanager
def fresh_database(tmp_path):
    """A DATABASE_URL naming an empty database of the engine the tests run on."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{tmp_path / 'race.sqlite3'}"
        return
    import psycopg2

    name = f"talentkb_race_{uuid.uuid4().hex[:8]}"
    template = db["TEST"].get("TEMPLATE") or "template0"
    admin = psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432,
                             password=db["PASSWORD"] or None)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def manage(url, *args, wait=True):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "talentkb.settings"}
    command = [sys.executable, "manage.py", *args]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process.communicate(timeout=300) + (process.returncode,) if wait else process


def counts(url) -> dict:
    out, err, code = manage(url, "shell", "-c", (
        "import json; from policies.models import Article; from programs.models import Program; "
        "print(json.dumps({'articles': sorted(Article.objects.values_list('source_file', flat=True)), "
        "'programs': sorted(Program.objects.values_list('name', flat=True))}))"
    ))
    assert code == 0, err
    return json.loads(out.strip().splitlines()[-1])


def race(url, first: list, second: list):
    """Start both imports at once; return their (stdout, stderr, exit status)."""
    processes = [manage(url, "import_articles", *map(str, paths), wait=False) for paths in (first, second)]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        results.append((out, err, process.returncode))
    return results


@pytest.fixture
def database(tmp_path):
    with fresh_database(tmp_path) as url:
        out, err, code = manage(url, "migrate", "-v0")
        assert code == 0, err
        yield url


def announcements(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(1, n + 1):
        path = folder / f"shunde_{i}.txt"
        path.write_text(PROGRAM_TEXT.format(n=i, flats=100 + i, fund=1000 + i, grant=2000 + i), encoding="utf-8")
        paths.append(path)
    return paths


def test_two_imports_of_the_same_files_store_each_once(database, tmp_path):
    paths = announcements(tmp_path / "same", 6)
    results = race(database, paths, paths)
    for out, err, code in results:
        assert code == 0, err
    found = counts(database)
    assert found["articles"] == sorted(p.name for p in paths)
    assert found["programs"] == ["凤城英才计划"]


def test_two_imports_of_overlapping_files_naming_one_program(database, tmp_path):
    paths = announcements(tmp_path / "overlap", 8)
    first, second = paths[:6], list(reversed(paths[2:]))  # meet in the middle, from both ends
    for out, err, code in race(database, first, second):
        assert code == 0, err
    found = counts(database)
    assert found["articles"] == sorted(p.name for p in paths)
    assert found["programs"] == ["凤城英才计划"]
