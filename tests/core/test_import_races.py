"""Imports running side by side: each file ends imported once, each program exists once, nothing aborts.

Real processes on a real database file (SQLite) or server (PostgreSQL), as an
operator would start them: the test database of pytest lives in one
connection, so each test here migrates a database of its own.
"""
import json
from pathlib import Path

import pytest

from tests.processes import manage, migrated_database

pytestmark = pytest.mark.slow

PROGRAM_TEXT = (
    "顺德区“凤城英才计划”第{n}批发布：将提供人才公寓{flats}套，"
    "并设立{fund}万元人才发展专项资金，面向高校毕业生发放生活补贴{grant}元。\n"
)


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
    with migrated_database(tmp_path) as url:
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
