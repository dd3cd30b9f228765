"""The error pages a visitor meets with DEBUG off: 400, 403 (and the CSRF
failure), 404 and 500 in the site's look, in Chinese by default and in
English by the language cookie, rendered without a database query so that
they still work when the database is what failed.
"""
import pytest
from django.test import Client



ERRORS = {
    400: ("/test-errors/400/", "请求有误", "Bad request"),
    403: ("/test-errors/403/", "无权访问", "Access denied"),
    404: ("/no-such-page/", "页面不存在", "Page not found"),
    500: ("/test-errors/500/", "服务器错误", "Server error"),
}


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    return settings


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("status", sorted(ERRORS))
def test_error_pages_in_the_sites_look_and_language(production, status, language, django_assert_num_queries, db):
    url, chinese, english = ERRORS[status]
    client = Client(raise_request_exception=False)
    if language == "en":
        client.cookies["django_language"] = "en"
    with django_assert_num_queries(0):
        response = client.get(url)
    page = response.content.decode()
    assert response.status_code == status
    assert f"<title>{chinese if language == 'zh-hans' else english} · " in page
    assert ('lang="zh-Hans"' if language == "zh-hans" else 'lang="en"') in page
    assert 'class="site-header"' in page and "/static/css/site.css" in page
    # The site's menu, every entry of it, leads on from the error.
    for path in ("/programs/", "/incentives/", "/metrics/", "/articles/", "/districts/", "/compare/", "/finder/"):
        assert f'href="{path}"' in page, path
    assert "a test of the" not in page  # the exception's text stays in the log
    # The language switch, to the other language, on every error page (400 and 500 have no request).
    switch = 'name="language" value="en"' if language == "zh-hans" else 'name="language" value="zh-hans"'
    assert 'action="/i18n/setlang/"' in page and switch in page


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize("status", [404, 500])
def test_error_pages_render_with_the_database_out_of_reach(production, status):
    """No `db` fixture: pytest-django fails any query, as a database that is down would."""
    client = Client(raise_request_exception=False)
    response = client.get(ERRORS[status][0])
    assert response.status_code == status
    assert ERRORS[status][1] in response.content.decode()


def test_a_disallowed_host_gets_the_400_page(production):
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400 and "请求有误" in response.content.decode()


@pytest.mark.parametrize("language, text", [("zh-hans", "表单已失效"), ("en", "The form has expired")])
def test_a_form_without_its_token_gets_the_csrf_page(production, language, text):
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = language
    # The admin's login form (the language switch takes no token: talentkb/urls.py).
    response = client.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403 and text in response.content.decode()

