"""Real processes on a database of their own: what an operator runs, as they run it.

pytest's test database lives in one connection (in memory on SQLite), so a
test that starts `manage.py` processes migrates a fresh database of the engine
the tests run on: a file for SQLite, a database copied from the UTF-8
template for PostgreSQL (dropped afterwards).
"""
import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def fresh_database(folder: Path, name: str = "db"):
    """A DATABASE_URL naming an empty database of the engine the tests run on."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{folder / (name + '.sqlite3')}"
        return
    import psycopg2

    dbname = f"talentkb_{name}_{uuid.uuid4().hex[:8]}"
    template = db["TEST"].get("TEMPLATE") or "template0"
    admin = psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432,
                             password=db["PASSWORD"] or None)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{dbname}" TEMPLATE "{template}"')
    try:
        yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{dbname}"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        admin.close()


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


@contextmanager
def migrated_database(folder: Path, name: str = "db"):
    with fresh_database(folder, name) as url:
        out, err, code = manage(url, "migrate", "-v0")
        assert code == 0, err
        yield url
