"""Fixtures for the project-wide tests."""
import runpy

import pytest
from django.core.exceptions import ImproperlyConfigured


@pytest.fixture
def settings_in_process(project_root, monkeypatch):
    """settings_in_process("s.NAME", VAR="value"): what a production process
    (DEBUG off, these environment variables) reads into its settings, as
    printed; or the error when the settings refuse to load. The settings file
    is run afresh, so the test's own settings are untouched."""

    def read(expression: str, **env) -> str:
        with monkeypatch.context() as patch:
            for name in ("AXES_FAILURE_LIMIT", "AXES_COOLOFF_MINUTES", "SECURE_HSTS_PRELOAD"):
                patch.delenv(name, raising=False)  # the defaults, whatever this shell has set
            for name, value in {"DEBUG": "0", "SECRET_KEY": "x" * 60 + "-a-long-random-production-secret",
                                "ALLOWED_HOSTS": "talentkb.example.org", **env}.items():
                patch.setenv(name, value)
            try:
                s = type("Settings", (), runpy.run_path(str(project_root / "talentkb" / "settings.py")))
            except ImproperlyConfigured as error:
                return str(error)
        value = eval(expression, {"s": s})
        return " ".join(map(str, value)) if isinstance(value, tuple) else str(value)

    return read
