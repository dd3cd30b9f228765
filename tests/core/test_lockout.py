"""Brute-force protection (django-axes), tried through the admin login page
as a guesser would: a few wrong passwords lock the username out from that
address, even against the right password, until an admin unlocks it (in the
admin or with `axes_reset_username`) or the cool-off passes.
"""
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.test import Client

PASSWORD = "a-long-test-password-42"
LOGIN = "/admin/login/?next=/admin/"

@pytest.fixture
def editor(django_user_model, settings):
    # A fast hasher: each of the many sign-ins checks a password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD, is_staff=True)


def sign_in(client, password, **extra):
    return client.post(LOGIN, {"username": "editor", "password": password, "next": "/admin/"}, **extra)


def lock_out(client, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, f"wrong-{attempt}")
        assert response.status_code == 200  # the login form again, with its error
    return sign_in(client, "wrong-last")


def test_wrong_passwords_lock_out_even_the_right_one(client, editor, settings, caplog):
    assert 2 <= settings.AXES_FAILURE_LIMIT <= 10
    with caplog.at_level("WARNING", logger="axes"):
        locked = lock_out(client, settings)
    assert locked.status_code == 429
    assert "登录失败次数过多" in locked.content.decode()
    assert any("Locking out" in r.getMessage() for r in caplog.records), "a lockout must be logged"

    right = sign_in(client, PASSWORD)
    assert right.status_code == 429
    assert client.get("/admin/").status_code == 302  # not signed in: sent to the login page


def test_the_lockout_page_says_how_long_in_english(client, editor, settings):
    client.cookies["django_language"] = "en"
    page = lock_out(client, settings).content.decode()
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"After {settings.AXES_FAILURE_LIMIT} wrong passwords" in page
    assert f"blocked for {minutes} minutes" in page


def test_a_lockout_holds_one_address_only(client, editor, settings):
    """The pair (username, address) is locked: a guesser elsewhere cannot lock the editor out."""
    lock_out(client, settings)
    elsewhere = sign_in(Client(), PASSWORD, REMOTE_ADDR="203.0.113.9")
    assert elsewhere.status_code == 302 and elsewhere.url == "/admin/"


def test_reset_username_command_lets_the_user_in_again(client, editor, settings):
    lock_out(client, settings)
    out = StringIO()
    call_command("axes_reset_username", "editor", stdout=out)
    assert out.getvalue().strip() == "1 attempts removed."
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_an_admin_unlocks_in_the_admin(client, editor, settings, admin_client):
    from axes.models import AccessAttempt

    lock_out(client, settings)
    attempt = AccessAttempt.objects.get(username="editor")
    listing = admin_client.get("/admin/axes/accessattempt/?locked_out=yes")
    assert listing.status_code == 200 and "editor" in listing.content.decode()
    deleted = admin_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 302
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, editor, settings):
    from axes.models import AccessAttempt

    lock_out(client, settings)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert sign_in(client, PASSWORD).status_code == 302



def test_the_limit_and_cool_off_are_read_from_the_environment(settings_in_process):
    expression = "s.AXES_FAILURE_LIMIT, int(s.AXES_COOLOFF_TIME.total_seconds())"
    assert settings_in_process(expression) == "5 1800"
    assert settings_in_process(expression, AXES_FAILURE_LIMIT="3", AXES_COOLOFF_MINUTES="10") == "3 600"


def test_a_bad_number_is_refused_loudly(settings_in_process):
    assert "AXES_FAILURE_LIMIT must be an integer" in settings_in_process(
        "s.AXES_FAILURE_LIMIT", AXES_FAILURE_LIMIT="five")
