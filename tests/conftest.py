"""Shared fixtures: the seeds imported once per test, and the people who use the site."""
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeded(db):
    """The five seed articles imported through the public command."""
    call_command("import_articles", str(SEEDS), verbosity=0)
