"""Shared fixtures: reference data, the seeds imported, and the people who use the site."""
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def reference_data(db):
    """The gazetteer and the target groups. Migrations create them, but a
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
