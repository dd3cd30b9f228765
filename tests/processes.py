"""Real processes on a database of their own: what an operator runs, as they run it.

pytest's test database lives in one connection (in memory on SQLite), so a
test that starts `manage.py` processes gets a fresh database of the engine
the tests run on: a file for SQLite, a database copied from the UTF-8
template for PostgreSQL (dropped afterwards). `migrated_database` runs
`manage.py migrate` once per test process and copies its result for each
test (a file copy, or PostgreSQL's CREATE DATABASE … TEMPLATE): a migration
from nothing takes ~10 s, a copy well under one.
"""
import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def _postgres(statement: str) -> None:
    """Run a statement (CREATE or DROP DATABASE) on the server of the tests' PostgreSQL."""
    import psycopg2

    db = settings.DATABASES["default"]
    admin = psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432,
                             password=db["PASSWORD"] or None)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(statement)
    finally:
        admin.close()


def _is_sqlite() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def _new_postgres_database(name: str, template: str | None) -> tuple[str, str]:
    """(name, URL) of a new PostgreSQL database copied from `template` (the UTF-8 one by default)."""
    db = settings.DATABASES["default"]
    dbname = f"talentkb_{name}_{uuid.uuid4().hex[:8]}"
    _postgres(f'CREATE DATABASE "{dbname}" TEMPLATE "{template or db["TEST"].get("TEMPLATE") or "template0"}"')
    return dbname, f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{dbname}"


def _drop(dbname: str) -> None:
    _postgres(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


@contextmanager
def fresh_database(folder: Path, name: str = "db", template: str | None = None):
    """A DATABASE_URL naming a new database of the engine the tests run on: empty, or a
    copy of `template` (a file for SQLite, a database name for PostgreSQL)."""
    if _is_sqlite():
        path = folder / (name + ".sqlite3")
        if template:
            shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    dbname, url = _new_postgres_database(name, template)
    try:
        yield url
    finally:
        _drop(dbname)


def manage(url: str, *args, wait: bool = True, language: str = "en", env: dict | None = None):
    """Run manage.py against the database at `url` (with `env` added to the environment):
    (stdout, stderr, exit status), or the running process when wait is False."""
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "talentkb.settings", **(env or {})}
    process = subprocess.Popen([sys.executable, "manage.py", *map(str, args)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if not wait:
        return process
    out, err = process.communicate(timeout=600)
    return out, err, process.returncode


@functools.cache
def _migrated_template() -> str:
    """A database migrated by `manage.py migrate`, made once per test process and removed
    when it ends: the file's path on SQLite, the database's name on PostgreSQL."""
    if _is_sqlite():
        folder = tempfile.mkdtemp(prefix="talentkb-migrated-")
        atexit.register(shutil.rmtree, folder, True)
        path = Path(folder) / "migrated.sqlite3"
        _migrate(f"sqlite:///{path}")
        return str(path)
    dbname, url = _new_postgres_database("migrated", None)
    atexit.register(_drop, dbname)
    _migrate(url)
    return dbname


def _migrate(url: str) -> None:
    out, err, code = manage(url, "migrate", "-v0")
    assert code == 0, err


@contextmanager
def migrated_database(folder: Path, name: str = "db"):
    """A fresh database as `manage.py migrate` leaves it (a copy of one migrated once)."""
    with fresh_database(folder, name, template=_migrated_template()) as url:
        yield url
