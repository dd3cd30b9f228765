"""HSTS preloading is opt-in: browsers keep the preload list for months, so
a domain goes on it only when its operator says so (SECURE_HSTS_PRELOAD=1)."""
import pytest


def test_hsts_preload_is_off_unless_the_environment_asks(settings_in_process):
    assert settings_in_process("s.SECURE_HSTS_PRELOAD") == "False"
    assert settings_in_process("s.SECURE_HSTS_PRELOAD", SECURE_HSTS_PRELOAD="1") == "True"


@pytest.mark.parametrize("preload", [False, True])
def test_the_hsts_header_says_preload_only_when_set(client, settings, preload, db):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = preload
    header = client.get("/", secure=True)["Strict-Transport-Security"]
    assert header.startswith("max-age=31536000; includeSubDomains")
    assert header.endswith("; preload") is preload
