"""Issue 11: the whole-page cache (talentkb/pagecache.py). Anonymous GETs of the public pages are
served from the database cache, at the current data version, in the reader's language; signed-in
users, pages that set a cookie or carry a CSRF token, and everything after a write are rendered anew.

Each write runs as committed (its on-commit callbacks executed), so that the data version changes
as it does in production; the page before it was cached at the old version.
"""
from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse

from policies import data_version
from policies.models import Incentive
from programs.models import Program
from tests.factories import admin_form_data
from tests.staff.staffdata import fact
from tests.staff.test_staff_review import formset_data, prefix_of, review_url

# A hit: the data version, then the entry.
HIT_QUERIES = 2


@pytest.fixture
def page_cache(settings, article):
    settings.PAGE_CACHE = True
    data_version.bump()  # the fixtures' rows, as committed
    return settings


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def public_urls(article) -> list[str]:
    program = Program.objects.get(name="青年人才集聚")
    return [
        "/", "/incentives/", "/incentives/?kind=apartment&year=2024", "/metrics/", "/programs/", "/articles/",
        f"/articles/{article.pk}/", f"/programs/{program.pk}/", "/districts/", "/districts/120103/",
        "/compare/?d=120103&d=110106", "/finder/?group=phd&need=apartment", "/search/?q=公寓",
    ]


def fresh(url: str, settings, **extra) -> bytes:
    """The page as its view renders it now, the cache off."""
    settings.PAGE_CACHE = False
    try:
        response = Client().get(url, **extra)
    finally:
        settings.PAGE_CACHE = True
    assert response.status_code == 200
    return response.content


def queries_of(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return response, queries


def test_a_cached_page_is_the_same_page_in_two_queries(page_cache, article, django_assert_num_queries):
    client = Client()
    for url in public_urls(article):
        first, rendered = queries_of(client, url)
        assert len(rendered) > HIT_QUERIES, url
        with django_assert_num_queries(HIT_QUERIES):
            second = client.get(url)
        assert second.status_code == 200
        assert second.content == first.content == fresh(url, page_cache), url
        assert second["Content-Type"] == first["Content-Type"]


def test_the_cache_off_renders_every_time(settings, article):
    settings.PAGE_CACHE = False
    data_version.bump()
    client = Client()
    queries_of(client, "/incentives/")
    assert len(queries_of(client, "/incentives/")[1]) > HIT_QUERIES


def assert_current(urls, settings):
    """Each page as served equals the page rendered now, and is then served from the cache."""
    client = Client()
    for url in urls:
        response, queries = queries_of(client, url)
        assert response.content == fresh(url, settings), url
        assert queries_of(client, url)[0].content == response.content


URLS = ["/incentives/", "/districts/120103/", "/compare/?d=120103&d=110106", "/finder/?group=phd&need=apartment"]


def cache_all(urls):
    client = Client()
    for url in urls:
        client.get(url)
        assert len(queries_of(client, url)[1]) == HIT_QUERIES


def test_after_import(page_cache, committed, seeds_dir):
    cache_all(URLS + ["/articles/"])
    before = Client().get("/articles/").content
    with committed():
        call_command("import_articles", str(seeds_dir), verbosity=0)
    assert Client().get("/articles/").content != before  # the seeds are listed
    assert_current(URLS + ["/articles/"], page_cache)


def test_after_admin_edit(page_cache, committed, editor, article):
    cache_all(URLS)
    before = Client().get("/incentives/").content
    staff = Client()
    staff.force_login(editor)
    desks = fact(article, "工位")
    url = reverse("admin:policies_incentive_change", args=[desks.pk])
    with committed():
        response = staff.post(url, admin_form_data(staff, url, kind="office_space", groups=[]))
    assert response.status_code == 302
    assert Incentive.objects.get(pk=desks.pk).kind == "office_space"
    assert Client().get("/incentives/").content != before
    assert_current(URLS, page_cache)


def test_after_review_verify(page_cache, committed, editor, article):
    cache_all(URLS)
    before = Client().get("/incentives/").content
    staff = Client()
    staff.force_login(editor)
    page = staff.get(review_url(article))
    rows = {prefix_of(page, "公寓"): {"decision": "accept"}, prefix_of(page, "补贴"): {"decision": "reject"}}
    with committed():
        assert staff.post(review_url(article), formset_data(page, **rows)).status_code == 302
    assert (fact(article, "公寓").status, fact(article, "补贴").status) == ("verified", "rejected")
    assert Client().get("/incentives/").content != before
    assert_current(URLS, page_cache)


def test_a_signed_in_user_is_never_served_nor_leaves_a_cached_page(page_cache, editor, article):
    anonymous, staff = Client(), Client()
    staff.force_login(editor)
    # Signed in first: the view runs, twice, and the cache is neither read nor written …
    for _ in range(2):
        response, queries = queries_of(staff, "/incentives/")
        assert len(queries) > HIT_QUERIES and not any("page_cache" in q["sql"] for q in queries)
    # … so the anonymous visitor's first request renders too; the second is a hit.
    assert len(queries_of(anonymous, "/incentives/")[1]) > HIT_QUERIES
    assert len(queries_of(anonymous, "/incentives/")[1]) == HIT_QUERIES
    # The cached anonymous page is not served to the signed-in user.
    response, queries = queries_of(staff, "/incentives/")
    assert len(queries) > HIT_QUERIES and not any("page_cache" in q["sql"] for q in queries)
    assert response.wsgi_request.user == editor


def test_a_messages_cookie_bypasses_the_cache(page_cache, article):
    client = Client()
    cache_all(["/incentives/"])
    client.cookies["messages"] = "anything"
    assert len(queries_of(client, "/incentives/")[1]) > HIT_QUERIES


def test_languages_are_separate_entries(page_cache, article):
    zh, en, en_header = Client(), Client(), Client()
    en.cookies["django_language"] = "en"
    chinese = zh.get("/incentives/").content.decode()
    english = en.get("/incentives/").content.decode()
    assert '<html lang="zh-Hans">' in chinese and '<html lang="en">' in english
    for client, body in ((zh, chinese), (en, english)):
        response, queries = queries_of(client, "/incentives/")
        assert len(queries) == HIT_QUERIES and response.content.decode() == body
    # Accept-Language chooses the same entry as the cookie.
    response, queries = queries_of(en_header, "/incentives/", HTTP_ACCEPT_LANGUAGE="en")
    assert len(queries) == HIT_QUERIES and response.content.decode() == english


def test_the_language_switch_needs_no_token_and_its_page_has_none(page_cache, article):
    client = Client(enforce_csrf_checks=True)
    body = client.get("/incentives/").content.decode()
    assert "csrfmiddlewaretoken" not in body and not client.cookies.get("csrftoken")
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/incentives/"}).status_code == 302
    assert '<html lang="en">' in client.get("/incentives/").content.decode()


# Public pages (the `policies` namespace) that set a cookie, or use the CSRF token.
calls = []


def sets_a_cookie(request):
    calls.append("cookie")
    response = HttpResponse("<p>hello</p>")
    response.set_cookie("seen", "1")
    return response


def carries_a_token(request):
    calls.append("token")
    return HttpResponse(f"<input name=csrfmiddlewaretoken value={get_token(request)}>")


urlpatterns = [path("", include(([path("cookie/", sets_a_cookie), path("token/", carries_a_token)], "policies")))]


def test_a_response_with_a_cookie_or_a_token_is_not_cached(page_cache, settings):
    settings.ROOT_URLCONF = __name__
    calls.clear()
    client = Client()
    for _ in range(2):
        assert client.get("/cookie/").cookies["seen"].value == "1"
    tokens = {Client().get("/token/").content for _ in range(2)}
    assert calls == ["cookie", "cookie", "token", "token"]
    assert len(tokens) == 2  # each visitor their own token
