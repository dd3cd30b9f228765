"""The whole-page cache in a real browser: an anonymous visitor switches language back and forth,
the pages coming from the cache the second time, each in the language chosen."""
from django.core.cache import caches
from django.db import connection


def cached_entries() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM talentkb_page_cache")
        return cursor.fetchone()[0]


def test_switching_language_with_the_page_cache_on(page, kb, settings):
    settings.PAGE_CACHE = True
    caches["pages"].clear()
    for _ in range(2):  # the second time, both pages are hits
        page.goto(page.url_for("/incentives/"))
        assert page.locator("html").get_attribute("lang") == "zh-Hans"
        assert page.locator("h1").inner_text() == "激励措施"
        page.get_by_role("button", name="English").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("h1").inner_text() == "Incentives"
        page.get_by_role("button", name="中文").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert cached_entries() == 2  # /incentives/ in Chinese and in English
