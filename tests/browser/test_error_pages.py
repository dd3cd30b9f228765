"""The error pages as a visitor sees them: both languages, desktop and phone,
no sideways scrolling, nothing refused by the Content-Security-Policy.
Screenshots land in the test output folder for a look."""
import pytest

from tests.browser.conftest import OUTPUT

PAGES = {404: "/no-such-page/", 403: "/test-errors/403/", 500: "/test-errors/500/", 400: "/test-errors/400/"}


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_error_pages_look_like_the_site(browser, live_server, language, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for status, path in PAGES.items():
        response = page.goto(live_server.url + path)
        assert response.status == status
        assert page.locator(".error-code").inner_text() == str(status)
        # The stylesheet applied: the header is laid out as on every other page.
        assert page.locator(".site-header").evaluate("h => getComputedStyle(h).borderBottomStyle") == "solid"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(OUTPUT / f"error-{status}-{language}-{width}.png"), full_page=True)
    context.close()
    assert refused == []


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_lockout_page_after_wrong_passwords(browser, live_server, django_user_model, settings, language):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, for many sign-ins
    django_user_model.objects.create_user("editor", password="a-long-test-password-42", is_staff=True)
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    for attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", "editor")
        # The last try is right, and refused all the same.
        page.fill("#id_password", "a-long-test-password-42" if attempt == settings.AXES_FAILURE_LIMIT else "wrong")
        with page.expect_navigation() as navigation:
            page.click("input[type=submit]")
    assert navigation.value.status == 429
    assert page.locator(".error-code").inner_text() == "429"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(OUTPUT / f"lockout-{language}-375.png"), full_page=True)
    context.close()


def test_the_language_switch_on_the_404_page(page):
    page.goto(page.url_for("/no-such-page/"))
    assert page.locator("h1").inner_text() == "页面不存在"
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.url.endswith("/no-such-page/")
    assert page.locator("h1").inner_text() == "Page not found"
