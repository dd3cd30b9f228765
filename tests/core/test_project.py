"""Project-wide guarantees: migrations, deployment settings, the database's encoding."""
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from talentkb.settings import envbool, envint


def test_no_migration_is_missing(db):
    """A model change without its migration fails here, not in production."""
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"a migration is missing:\n{out.getvalue()}")


@pytest.mark.slow
def test_deploy_check_is_silent_with_debug_off(project_root):
    # The browser tests allow async-unsafe ORM calls in this process; a deployment never does.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {"DEBUG": "0", "SECRET_KEY": "x" * 60 + "-a-long-random-production-secret",
           "ALLOWED_HOSTS": "talentkb.example.org"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=project_root, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_debug_off_without_a_secret_key_refuses_to_start(project_root):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DEBUG"] = "0"
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=project_root, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_gazetteer_is_loaded(reference_data):
    from districts.models import District

    assert District.objects.count() > 2800
    assert District.objects.get(adcode="350605").name == "长泰区"
    assert District.objects.filter(name="朝阳区").count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgres_database_can_index_chinese(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_encoding_to_char(encoding), datctype FROM pg_database WHERE datname = current_database()")
        encoding, ctype = cursor.fetchone()
    assert encoding == "UTF8"
    assert ctype.lower().replace("-", "").endswith("utf8")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgres_connections_run_without_the_jit_compiler(db):
    """A page's queries are short: compiling them cost more than it saved (settings.py)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_settings_read_typed_values_and_refuse_bad_ones(monkeypatch):
    monkeypatch.setenv("TALENTKB_TEST_INT", "600")
    monkeypatch.setenv("TALENTKB_TEST_BOOL", "off")
    assert envint("TALENTKB_TEST_INT", 0) == 600
    assert envbool("TALENTKB_TEST_BOOL", True) is False
    assert envint("TALENTKB_TEST_UNSET", 7) == 7
    monkeypatch.setenv("TALENTKB_TEST_INT", "ten minutes")
    with pytest.raises(ImproperlyConfigured, match="TALENTKB_TEST_INT must be an integer"):
        envint("TALENTKB_TEST_INT", 0)


PACKAGES = ("talentkb", "policies", "programs", "districts")


@pytest.fixture(scope="module")
def import_graph():
    import grimp

    return grimp.build_graph(*PACKAGES)


def test_no_module_imports_one_that_imports_it_back(import_graph):
    """Layers (lint-imports) keep apps apart; this keeps modules apart inside an app too."""
    cycles = []
    for module in sorted(import_graph.modules):
        for imported in import_graph.find_modules_directly_imported_by(module):
            if imported.split(".")[0] not in PACKAGES:
                continue
            back = import_graph.find_shortest_chain(importer=imported, imported=module)
            if back:
                cycles.append(" -> ".join((module, *back)))
    assert not cycles, "modules that import each other:\n" + "\n".join(cycles)


def test_the_extractor_contract_names_every_other_module_of_policies(import_graph, project_root):
    import tomllib

    config = tomllib.loads((project_root / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "forbidden")
    children = {m for m in import_graph.find_children("policies") if m != "policies.extraction"}
    assert children <= set(contract["forbidden_modules"])
