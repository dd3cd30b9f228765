"""The talent finder and programs' lives in a real browser, in Chinese and in English, with the seeds."""
import pytest

CHANGTAI = "350605"
LANGUAGES = {
    "zh-hans": {"phd": "博士", "housing": "住房", "fujian": "福建省", "find": "查找区县", "in_force": "现行有效",
                "launched": "启动"},
    "en": {"phd": "a PhD", "housing": "housing", "fujian": "Fujian", "find": "Find districts", "in_force": "in force",
           "launched": "launched"},
}


def in_language(page, live_server, language):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])


@pytest.mark.both_databases  # the finder's ranking query
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_phd_who_needs_housing_in_fujian_finds_changtai(page, live_server, seeded, screenshot, language):
    words = LANGUAGES[language]
    in_language(page, live_server, language)
    page.goto(page.url_for("/finder/"))
    page.get_by_role("link", name=words["phd"], exact=True).click()
    page.wait_for_url("**group=researchers**")
    page.get_by_label(words["housing"], exact=True).check()
    page.locator("details.provinces summary").click()
    page.get_by_label(words["fujian"], exact=True).check()
    page.get_by_role("button", name=words["find"]).click()
    page.wait_for_url("**province=350000**")
    results = page.locator(".finder-result")
    assert results.count() == 1
    row = results.first
    assert row.get_attribute("data-adcode") == CHANGTAI
    assert "长泰区" in row.locator("h3").inner_text()  # in English beside Changtai District
    offer = row.locator(".offer").first
    assert "720" in offer.locator(".offer-figure").inner_text()
    assert "298青年城" in offer.locator(".fact-meta").inner_text()
    # The sentence it was read from, the quote in it underlined.
    assert "298青年城" in offer.locator(".fact-quote").inner_text()
    assert "720套" in offer.locator(".fact-quote .quote").inner_text()
    assert page.locator("[data-explained]").is_visible()
    screenshot(f"finder-{language}")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot(f"finder-{language}-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    # Its source: the article, scrolled to the marked figure.
    anchor = offer.get_attribute("data-fact")
    offer.locator("a.source").click()
    page.wait_for_url(f"**#{anchor}")
    assert page.locator(f"#{anchor}").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_status_filter_and_a_timeline(page, live_server, seeded, screenshot, language):
    words = LANGUAGES[language]
    in_language(page, live_server, language)
    page.goto(page.url_for("/programs/"))
    page.locator('[data-facet="stage"] > summary').click()  # folded, as facets after the first four are
    page.locator('[data-facet="stage"] [data-value="in_force"]').click()
    page.wait_for_url("**stage=in_force**")
    rows = page.locator(".results [data-program]")
    assert rows.count() > 0
    for i in range(rows.count()):
        assert words["in_force"] in rows.nth(i).locator(".stage").inner_text()
    screenshot(f"programs-stage-{language}")
    page.fill("#in-force-on", "2020-01-01")
    page.locator(".in-force button").click()
    page.wait_for_url("**in_force_on=2020-01-01**")
    assert page.locator(".results [data-program]").count() == 0  # nothing of the seeds was launched by then
    screenshot(f"programs-in-force-on-{language}")
    page.goto(page.url_for(f"/districts/{CHANGTAI}/"))
    timeline = page.locator("[data-timeline]")
    launched = timeline.locator('[data-event="launched"]', has_text="298青年城")
    assert launched.count() == 1
    assert "2024-11-22" in launched.inner_text() and words["launched"] in launched.inner_text()
    screenshot(f"district-timeline-{language}")


def test_a_persona_keeps_what_was_filled_in(page, live_server, seeded):
    page.goto(page.url_for("/finder/?district=长泰"))
    page.get_by_label("住房", exact=True).check()
    page.fill("#finder-since", "2023")
    page.get_by_role("link", name="博士", exact=True).click()
    page.wait_for_url("**group=researchers**")
    url = page.url
    assert "need=apartment" in url and "since=2023" in url and "group=graduates" in url
    assert page.locator(".finder-result").count() == 1
    assert page.get_by_label("住房", exact=True).is_checked()


def test_after_back_the_form_shows_what_the_results_are_for(page, live_server, seeded):
    page.goto(page.url_for("/finder/?group=entrepreneurs"))
    page.get_by_label("办公空间", exact=True).check()
    page.fill("#finder-since", "2024")
    page.get_by_role("button", name="查找区县").click()
    page.wait_for_url("**since=2024**")
    page.go_back()
    page.wait_for_url("**/finder/?group=entrepreneurs")
    page.wait_for_load_state("load")
    assert not page.get_by_label("办公空间", exact=True).is_checked()
    assert page.locator("#finder-since").input_value() == ""
    assert page.get_by_label("创业者和企业家", exact=True).is_checked()
