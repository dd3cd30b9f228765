"""Issue 12 in a browser, both languages, 1280 and 375 px: exact figures (1), the lists as sortable
tables (2), the filters on a phone (8), focus after a facet or the sort (9), "no year" (10).
Screenshots land in TEST_OUTPUT_DIR."""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from tests.factories import FENGTAI, HEXI

OUTPUT = Path(os.environ.get("TEST_OUTPUT_DIR", Path(__file__).resolve().parents[2] / "test-output"))
LANGUAGES = {"zh-hans": {"filters": "筛选", "sort": "确定", "no_year": "无年份"},
             "en": {"filters": "Filters", "sort": "Sort", "no_year": "no year"}}


@pytest.fixture
def open_page(browser, live_server, request):
    """open_page(path, language, width) → a page of a fresh tab; shot(page, name) saves a full-page PNG."""
    contexts = []

    def open_(path: str, language: str, width: int):
        context = browser.new_context(viewport={"width": width, "height": 900 if width > 500 else 800}, locale="zh-CN")
        context.set_default_timeout(15_000)
        context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        contexts.append(context)
        page = context.new_page()
        page.url_for = lambda p: live_server.url + p
        page.goto(page.url_for(path))
        return page

    yield open_
    for context in contexts:
        context.close()


def shot(page, request, name: str):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"{request.node.name}-{name}.png".replace("/", "_")), full_page=True)


@pytest.fixture
def odd(kb):
    """The issue's figures (22945 元, 52904 人) and an undated article whose facts have no year."""
    b = kb.b
    article = b.article("丰台区发放人才补贴22945元，新增就业52904人。", [FENGTAI], title="补贴", published="2024-03-01")
    kb.subsidy = b.incentive(article, "人才补贴22945元", kind="subsidy", value=22945, unit="CNY")
    kb.jobs_added = b.metric(article, "新增就业52904人", label="新增就业人数", value=52904, measure="人")
    undated = b.article("某区人才公寓66套。", [HEXI], title="无日期", published="")
    kb.undated = b.incentive(undated, "人才公寓66套", kind="apartment", value=66, measure="套")
    return kb


def open_facet(page, name: str):
    """On a phone: the "Filters" button, then the facet's own header, each unless already open."""
    panel = page.locator("details[data-filters]")
    if not panel.evaluate("e => e.open"):
        panel.locator("summary.filters-toggle").click()
    facet = page.locator(f'details[data-facet="{name}"]')
    if not facet.evaluate("e => e.open"):
        facet.locator("summary").first.click()


def figures(page) -> list[Decimal]:
    return [Decimal(v) for v in page.locator("tbody [data-fact] td.num data.figure").evaluate_all(
        "els => els.filter(e => !e.closest('.reading')).map(e => e.value)")]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_figures_are_exact_and_the_reading_only_beside_them(open_page, odd, language, width, request):
    page = open_page("/incentives/?kind=subsidy", language, width)
    cell = page.locator(f'[data-fact="incentive-{odd.subsidy.pk}"] td.num')
    assert cell.locator("data.figure").inner_text() == "22,945"
    if language == "zh-hans":
        assert cell.locator(".reading").inner_text() == "（约2.29万）"
    else:
        assert cell.locator(".reading").count() == 0
    page.goto(page.url_for(f"/districts/{FENGTAI}/"))
    assert "52,904" in page.locator("main").inner_text()
    assert "5.29万 人" not in page.locator("main").inner_text()
    shot(page, request, "district")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_lists_are_tables_sorted_by_their_headers(open_page, odd, language, width, request):
    page = open_page("/incentives/", language, width)
    rows = page.locator("table.list-table tbody tr")
    assert rows.count() == 9
    assert page.locator("table.list-table thead th").count() == 9
    # A click on "value" sorts largest first, a second click smallest first.
    page.locator('th[data-column="value"] a').click()
    page.wait_for_url("**sort=-value**")
    values = figures(page)
    assert values == sorted(values, reverse=True)
    assert page.locator('th[data-column="value"]').get_attribute("aria-sort") == "descending"
    page.locator('th[data-column="value"] a').click()
    page.wait_for_url("**sort=value**")
    assert figures(page) == sorted(figures(page))
    # A facet keeps the sort.
    open_facet(page, "district")
    page.locator(f'[data-facet="district"] [data-value="{FENGTAI}"]').click()
    page.wait_for_url(f"**district={FENGTAI}**")
    assert "sort=value" in page.url
    assert figures(page) == sorted(figures(page))
    # The quote unfolds in its row, with the link to its sentence.
    quote = page.locator("tbody tr").first.locator("td.quote-cell details")
    quote.locator("summary").click()
    assert quote.locator("a.source").is_visible()
    shot(page, request, "incentives")
    # Programs sort by pinyin: 学子回家 (xué) after 计划0 (jì).
    odd.b.program("头雁计划", odd.fengtai, "丰台区", adcode=FENGTAI)
    page.goto(page.url_for("/programs/?sort=name"))
    names = page.locator("tbody tr td:first-child > a").all_inner_texts()
    assert names == ["头雁计划", "学子回家"]
    shot(page, request, "programs")
    for path in ["/metrics/", "/articles/"]:
        page.goto(page.url_for(path))
        assert page.locator("table.list-table tbody tr").count() >= 2
        shot(page, request, path.strip("/"))


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_on_a_phone_the_facets_wait_behind_a_filters_button(open_page, odd, language, request):
    words = LANGUAGES[language]
    page = open_page("/incentives/", language, 375)
    toggle = page.locator("summary.filters-toggle")
    assert toggle.is_visible() and words["filters"] in toggle.inner_text()
    assert not page.locator('[data-facet="kind"]').is_visible()
    # The first result is on the first screen, not 740 px down.
    assert page.locator("table.list-table tbody tr").first.bounding_box()["y"] < 800
    # Its figure too, before any swipe: the province goes under the district, its column is hidden.
    value = page.locator("table.list-table tbody tr").first.locator("td.num").bounding_box()
    assert value["x"] + value["width"] <= 375 + 2, value
    assert not page.locator('th[data-column="province"]').is_visible()
    assert page.locator("table.list-table tbody tr").first.locator(".on-phone").is_visible()
    # The language switch stands beside the site's name, not on a row of its own.
    brand, switch = page.locator(".brand").bounding_box(), page.locator(".lang button").bounding_box()
    assert switch["y"] < brand["y"] + brand["height"]
    # The table scrolls sideways, says so, and its caption is whole on the screen.
    box = page.locator("[data-table-scroll]")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")
    assert page.locator("[data-scroll-hint]").is_visible()
    box.evaluate("e => e.scrollLeft = 400")
    caption = page.locator("table.list-table caption").bounding_box()
    assert caption["x"] >= 0 and caption["x"] + caption["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, request, "folded")
    toggle.click()
    # Folded: a header per facet, opened one at a time.
    assert not page.locator(f'[data-facet="district"] [data-value="{HEXI}"]').is_visible()
    open_facet(page, "district")
    page.locator(f'[data-facet="district"] [data-value="{HEXI}"]').click()
    page.wait_for_url(f"**district={HEXI}**")
    # Back from the chosen facet: the filters stay open there, and focus is on the value chosen.
    assert page.locator('[data-facet="district"]').is_visible()
    assert page.evaluate("document.activeElement.dataset.value") == HEXI
    assert words["filters"] in toggle.inner_text()
    shot(page, request, "chosen")


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_on_a_wide_screen_the_facets_show_without_a_button(open_page, odd, language, request):
    page = open_page("/incentives/", language, 1280)
    assert not page.locator("summary.filters-toggle").is_visible()
    assert page.locator('[data-facet="kind"]').is_visible()
    assert not page.locator("[data-scroll-hint]").is_visible()
    assert page.locator('th[data-column="province"]').is_visible()
    assert not page.locator("table.list-table tbody tr").first.locator(".on-phone").is_visible()
    # The header is one row in either language (English's long name goes on two lines), as wide as the list.
    boxes = [page.locator(s).bounding_box() for s in (".brand", ".site-nav", ".site-search", ".lang")]
    assert max(b["y"] for b in boxes) < min(b["y"] + b["height"] for b in boxes), boxes
    assert page.locator(".header-row").bounding_box()["x"] == page.locator("main").bounding_box()["x"]
    # At 1280 px every list's table fits: nothing to scroll sideways to.
    for path in ["/incentives/", "/metrics/", "/programs/", "/articles/", "/search/?q=人才&type=incentives"]:
        page.goto(page.url_for(path))
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280, path
        assert page.locator("[data-table-scroll]").evaluate("e => e.scrollWidth <= e.clientWidth"), path
    shot(page, request, "search")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_keyboard_focus_comes_back_to_the_facet_used(open_page, odd, language, width, request):
    page = open_page("/incentives/", language, width)
    if width < 500:
        page.locator("summary.filters-toggle").focus()
        page.keyboard.press("Enter")
        page.locator('details[data-facet="district"] > summary').focus()
        page.keyboard.press("Enter")
    link = page.locator(f'[data-facet="district"] [data-value="{HEXI}"]')
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**district={HEXI}**")
    page.wait_for_function(f"document.activeElement && document.activeElement.dataset.value === '{HEXI}'")
    # The next Tab goes on down the facet, not back to the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('[data-facet]') && "
                         "document.activeElement.closest('[data-facet]').dataset.facet") == "district"
    # Untick it from the keyboard: focus stays there too.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "district=" not in url)
    page.wait_for_function(f"document.activeElement && document.activeElement.dataset.value === '{HEXI}'")
    shot(page, request, "focus")


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_sort_select_waits_for_its_button(open_page, odd, language, request):
    page = open_page("/incentives/", language, 1280)
    select = page.locator("select#sort")
    select.focus()
    url = page.url
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert page.url == url  # arrowing through the options reloads nothing
    page.get_by_role("button", name=LANGUAGES[language]["sort"], exact=True).click()
    page.wait_for_url("**sort=**")
    assert page.url != url


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_facts_with_no_year_are_reached_by_year(open_page, odd, language, width, request):
    page = open_page("/incentives/", language, width)
    open_facet(page, "year")
    value = page.locator('[data-facet="year"] [data-value="none"]')
    assert LANGUAGES[language]["no_year"] in value.inner_text()
    value.click()
    page.wait_for_url("**year=none**")
    assert page.locator(".result-count").get_attribute("data-total") == "1"
    assert page.locator(f'[data-fact="incentive-{odd.undated.pk}"]').count() == 1
    shot(page, request, "no-year")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_long_facet_finds_values_it_does_not_send(open_page, odd, language, width, request):
    """Issue 14: a screenful of values per facet, a search box for the others."""
    from districts.models import District

    from talentkb.lists.facets import SCREENFUL

    b = odd.b
    districts = list(District.objects.exclude(adcode__in=b.districts).order_by("adcode")[:SCREENFUL + 5])
    b.districts.update({d.adcode: d for d in districts})
    for d in districts:
        article = b.article(f"{d.name}人才公寓9套。", [d.adcode], title=d.name)
        b.incentive(article, "人才公寓9套", kind="apartment", value=9, measure="套")
    page = open_page("/incentives/", language, width)
    open_facet(page, "district")
    assert page.locator('[data-facet="district"] [data-value]').count() == SCREENFUL
    # one the screenful leaves out (equal counts come in the order of the names shown)
    sent = set(page.locator('[data-facet="district"] [data-value]').evaluate_all("els => els.map(e => e.dataset.value)"))
    far = next(d for d in reversed(districts) if d.adcode not in sent)
    page.locator("#find-district").fill(far.name)
    page.locator("#find-district").press("Enter")
    page.wait_for_url("**district_find=**")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'find-district'")
    page.locator(f'[data-facet="district"] [data-value="{far.adcode}"]').click()
    page.wait_for_url(f"**district={far.adcode}**")
    assert page.locator(".result-count").get_attribute("data-total") == "1"
    shot(page, request, "found")
