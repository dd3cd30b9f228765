"""The district page's summaries and indicators over time, and the comparison's lines, in Chromium:
both languages, 1280 and 375 px, with screenshots in TEST_OUTPUT_DIR. The charts are drawn (ECharts,
no inline script), goals are marked apart from the line, every point carries its sentence, and
nothing overflows a phone's width."""
import os
from pathlib import Path

import pytest

from tests.factories import FENGTAI, HEXI
from tests.pages.test_bounded_district_pages import flood, talent_over_time  # noqa: F401  (a fixture)

OUTPUT = Path(os.environ.get("TEST_OUTPUT_DIR", Path(__file__).resolve().parents[2] / "test-output"))
LANGUAGES = ["zh-hans", "en"]
WIDTHS = [1280, 375]


@pytest.fixture(params=[(language, width) for language in LANGUAGES for width in WIDTHS],
                ids=lambda p: f"{p[0]}-{p[1]}")
def tab(request, browser, live_server):
    language, width = request.param
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.url_for = lambda path: live_server.url + path
    page.language, page.width = language, width
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.shot = lambda name: page.screenshot(path=str(OUTPUT / f"{request.node.name}-{name}.png"), full_page=True)
    page.shot_of = lambda locator, name: locator.screenshot(path=str(OUTPUT / f"{request.node.name}-{name}.png"))
    yield page
    context.close()
    assert not errors, errors


SERIES = """el => {
  const chart = window.echarts.getInstanceByDom(el);
  return chart.getOption().series.map(s => ({type: s.type, symbol: s.symbol,
    points: s.data.map(p => p && {value: p.value, url: p.url})}));
}"""


def test_a_district_draws_its_indicators_over_time(tab, talent_over_time):  # noqa: F811
    s = talent_over_time
    flood(FENGTAI, 1500)
    tab.goto(tab.url_for(f"/districts/{FENGTAI}/"))
    figure = tab.locator("#series-talent_total")
    canvas = figure.locator(".series-canvas")
    canvas.locator("svg").wait_for()
    line, goals = canvas.evaluate(SERIES)
    assert line["type"] == "line" and goals["type"] == "scatter" and goals["symbol"] == "diamond"
    assert [p and p["value"] for p in line["points"]] == [30000, 32000, None]
    assert goals["points"][2] == {"value": 40000, "url": f"/articles/{s.goal.article_id}/#metric-{s.goal.pk}"}
    # The same points as a table, behind its toggle: the goal marked, each row linking to its sentence.
    figure.locator("summary").click()
    goal_row = figure.locator("tr[data-goal]")
    assert goal_row.count() == 1 and goal_row.locator(".tag-goal").is_visible()
    tab.shot("district")
    tab.shot_of(figure, "series")
    tab.shot_of(tab.locator('table[data-summary="incentives"]'), "incentives")
    tab.shot_of(tab.locator('table[data-summary="indicators"] tbody').first, "indicators")
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.width
    goal_row.locator("a").click()
    tab.wait_for_url(f"**/articles/{s.goal.article_id}/#metric-{s.goal.pk}")


def test_compare_draws_a_line_per_district(tab, talent_over_time):  # noqa: F811
    tab.goto(tab.url_for(f"/compare/?d={FENGTAI}&d={HEXI}"))
    canvas = tab.locator('tr[data-row="indicator:talent_total"] .series-canvas')
    canvas.locator("svg").wait_for()
    series = canvas.evaluate(SERIES)
    assert [s["type"] for s in series] == ["line", "scatter", "line", "scatter"]
    assert [p and p["value"] for p in series[2]["points"]] == [15000, None, None, 18000, None]  # 2022 … 2024Q1, 2024 …
    assert tab.locator('tr[data-row="indicator:talent_total"] [data-all]').count() == 2
    tab.shot("compare")
    tab.shot_of(tab.locator('table[data-compare="shared"]'), "shared")
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.width
