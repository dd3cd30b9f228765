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


def test_the_language_switch_on_the_404_page(page):
    page.goto(page.url_for("/no-such-page/"))
    assert page.locator("h1").inner_text() == "页面不存在"
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.url.endswith("/no-such-page/")
    assert page.locator("h1").inner_text() == "Page not found"
