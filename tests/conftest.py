"""Shared fixtures: reference data, the seeds imported, and the people who use the site."""
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import Builder, make_kb, make_more

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Django's hasher takes half a second a password, on purpose; tests sign editors in by the
    hundred. Subprocesses (manage.py, gunicorn) keep the real one, and so does the site."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reference_data(db):
    """The gazetteer, the target groups and the indicators. Migrations create them, but a
    transactional test (live_server) flushes every table when it ends, so
    tests that need them ask for this fixture instead of assuming them."""
    from districts.gazetteer import sync_districts
    from districts.models import District
    from programs.groups import sync_groups
    from programs.models import TargetGroup

    if not District.objects.exists():
        sync_districts(District)
    if not TargetGroup.objects.exists():
        sync_groups(TargetGroup)
    from policies.indicators import sync_vocabulary
    from policies.models import Indicator

    if not Indicator.objects.exists():
        sync_vocabulary()


@pytest.fixture
def seeded(reference_data):
    """The five seed articles imported through the public command."""
    call_command("import_articles", str(SEEDS), verbosity=0)


@pytest.fixture
def seeds_dir():
    return SEEDS


@pytest.fixture
def project_root():
    return ROOT


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """The .mo catalogues are not in git: set-up compiles them, and so does a
    test run that finds one missing or older than its .po (the extractor's
    tests run without Django, and then there is nothing to compile for)."""
    from django.conf import settings

    if not settings.configured:
        return
    stale = [po for po in (ROOT / "locale").glob("*/LC_MESSAGES/*.po")
             if not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime]
    if stale:
        call_command("compilemessages", verbosity=0, ignore=[".venv", "node_modules"])
        # Django may have read the old catalogues already; make it read the new ones.
        from django.utils.translation import trans_real

        trans_real._translations = {}
        trans_real._default = None


@pytest.fixture(autouse=True)
def page_cache_off():
    """Tests see every page rendered by its view; those of the whole-page cache turn it on
    (tests/pages/test_page_cache.py)."""
    from django.conf import settings

    if not settings.configured:
        yield
        return
    from django.test import override_settings

    with override_settings(PAGE_CACHE=False):
        yield


@pytest.fixture
def build(reference_data):
    return Builder()


@pytest.fixture
def kb(build):
    """Three districts: 丰台 (2024), 河西 (2023), 朝阳 (2022). Rejected: the 7-day rent-free offer."""
    return make_kb(build)


@pytest.fixture
def grow(build):
    """grow(n): n more articles in 丰台, each with a program, an incentive, a metric."""
    return lambda n: make_more(build, n)
