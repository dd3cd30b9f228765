"""The research pages in a real browser: filter, search, compare, download, switch language, 375 px."""
import csv
import io
import os
from pathlib import Path

import pytest

from tests.factories import CHAOYANG, FENGTAI, HEXI

OUTPUT = Path(os.environ.get("TEST_OUTPUT_DIR", Path(__file__).resolve().parents[2] / "test-output"))


def count_of(page, facet, value) -> str:
    return page.locator(f'[data-facet="{facet}"] [data-value="{value}"] .count').inner_text()


def test_home_page(page, kb, screenshot):
    page.goto(page.url_for("/"))
    assert page.locator('[data-total="articles"]').inner_text() == "3"
    assert page.locator('[data-total="incentives"]').inner_text() == "7"
    assert page.locator("h1").inner_text() == "各区为人才提供什么，区县之间如何比较"
    screenshot("home")


def test_filter_incentives_by_district_and_kind(page, kb, screenshot):
    page.goto(page.url_for("/incentives/"))
    assert page.locator(".result-count").get_attribute("data-total") == "7"
    page.locator(f'[data-facet="district"] [data-value="{FENGTAI}"]').click()
    page.wait_for_url(f"**district={FENGTAI}**")
    assert page.locator(".result-count").get_attribute("data-total") == "4"
    assert count_of(page, "kind", "apartment") == "1"
    assert count_of(page, "kind", "jobs") == "1"
    page.locator('[data-facet="kind"] [data-value="apartment"]').click()
    page.wait_for_url("**kind=apartment**")
    assert page.locator(".result-count").get_attribute("data-total") == "1"
    # The other districts keep the counts they would give with this kind.
    assert count_of(page, "district", HEXI) == "1"
    assert count_of(page, "district", CHAOYANG) == "1"
    assert count_of(page, "district", FENGTAI) == "1"
    fact = page.locator(f'[data-fact="incentive-{kb.apartments.pk}"]')
    assert "> 500 套" in fact.inner_text() and "已核实" in fact.inner_text()
    # Back goes to the district filter alone.
    page.go_back()
    page.wait_for_url(lambda url: "kind=" not in url)
    assert page.locator(".result-count").get_attribute("data-total") == "4"
    screenshot("filtered")


@pytest.mark.both_databases  # full-text search is PostgreSQL's own there
def test_search_for_talent_apartments(page, kb, screenshot):
    page.goto(page.url_for("/"))
    page.fill("#home-q", "人才公寓")
    page.press("#home-q", "Enter")
    page.wait_for_url("**/search/**")
    assert page.locator(".results tbody tr").count() == 3
    assert page.locator(".results mark", has_text="人才公寓").count() >= 3
    page.locator('[data-tab="incentives"]').click()
    page.wait_for_url("**type=incentives**")
    assert page.locator(".results [data-fact]").count() == 3
    screenshot("search")


def test_compare_two_districts_and_read_the_chart(page, kb, screenshot):
    page.goto(page.url_for("/compare/"))
    page.fill("#add", "fengtai")
    page.locator(f'#picker-results a[data-adcode="{FENGTAI}"]').click()
    page.wait_for_url(f"**d={FENGTAI}**")
    page.fill("#add", "河西")
    page.locator(f'#picker-results a[data-adcode="{HEXI}"]').click()
    page.wait_for_url(f"**d={HEXI}**")
    row = page.locator('tr[data-row="incentive:apartment"]')
    assert "> 500 套" in row.inner_text() and "120 套" in row.inner_text()
    # Funds only 河西 reports: folded under the toggle.
    page.locator('details[data-part="single"] summary').click()
    assert "未报告" in page.locator('tr[data-row="incentive:fund"]').inner_text()
    chart = page.locator(".chart").first
    assert chart.get_attribute("aria-label") == "人才公寓: 丰台区 > 500 套 2024; 河西区 120 套 2023"
    drawn = page.locator('[data-chart="0"] svg text')
    drawn.first.wait_for()
    texts = drawn.all_text_contents()
    assert "> 500 套 2024" in texts and "120 套 2023" in texts and "丰台区" in texts
    screenshot("compare")


def test_compare_charts_say_not_reported_and_folded_rows_open(page, kb, screenshot):
    from policies.models import Indicator, Metric

    Metric.objects.filter(label="高层次人才数量").update(indicator=Indicator.objects.get(code="high_level_talent"))
    page.goto(page.url_for(f"/compare/?d={FENGTAI}&d={HEXI}&d={CHAOYANG}"))
    row = page.locator('tr[data-row="indicator:high_level_talent"]')
    drawn = row.locator(".chart svg text")
    drawn.first.wait_for()
    # 丰台 has no figure: its bar is a label saying so, never an empty bar.
    assert "未报告" in drawn.all_text_contents() and "12,000 人 2022" in drawn.all_text_contents()
    folded = page.locator('details[data-part="single"]')
    assert not folded.locator('tr[data-row="incentive:fund"]').is_visible()
    folded.locator("summary").click()
    assert "50,000,000 元" in folded.locator('tr[data-row="incentive:fund"]').inner_text()
    screenshot("compare-three")
    # In English the labels are longer ("≥ 30,000 people (goal) 2025"): each is drawn whole inside its chart.
    Metric.objects.filter(pk=kb.hexi_goal.pk).update(value=30000, qualifier="ge")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.url_for("/")}])
    page.reload()
    chart = row.locator(".chart")
    chart.locator("svg text").first.wait_for()
    box = chart.bounding_box()
    for text in chart.locator("svg text").all():
        drawn = text.bounding_box()
        assert box["x"] <= drawn["x"] and drawn["x"] + drawn["width"] <= box["x"] + box["width"], text.text_content()
    assert "30,000 people (goal) 2025" in " ".join(" ".join(chart.locator("svg text").all_text_contents()).split())


def _overlap(a, b) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and \
        a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("width, compared", [(375, 3), (1280, 6)])
def test_compare_bars_have_a_real_width_in_both_languages(page, kb, screenshot, language, width, compared):
    """English names and figures are longer than Chinese ones: beside the district names on the left and the
    figures on the right, they left the bars nothing at 375 px and a few pixels over the labels at 1280 px."""
    from districts.models import District

    more = ["350605", "430181", "500103"]
    kb.b.districts.update(District.objects.in_bulk(more, field_name="adcode"))
    for i, adcode in enumerate(more):
        article = kb.b.article(f"提供人才公寓{i + 2}00套。", [adcode], title=f"公寓{i}")
        kb.b.incentive(article, f"人才公寓{i + 2}00套", kind="apartment", value=(i + 2) * 100, measure="套")
    adcodes = [FENGTAI, HEXI, CHAOYANG, *more][:compared]
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": page.url_for("/")}])
    page.goto(page.url_for("/compare/?" + "&".join(f"d={a}" for a in adcodes)))
    chart = page.locator('tr[data-row="incentive:apartment"] [data-chart]')
    chart.locator("svg text").first.wait_for()
    chart.scroll_into_view_if_needed()
    screenshot(f"bars-{language}-{width}")
    box = chart.bounding_box()
    bars = [p.bounding_box() for p in chart.locator("svg path").all()
            if p.get_attribute("fill") not in (None, "none", "transparent")]
    assert len(bars) == compared
    # The largest figure (800) fills a good part of the chart; the smallest (120) is still a bar.
    assert max(b["width"] for b in bars) >= box["width"] / 3
    assert min(b["width"] for b in bars) >= 8
    texts = [t.bounding_box() for t in chart.locator("svg text").all()]
    assert len(texts) == 2 * compared  # each district's name and its figure, whole
    for text in texts:
        assert box["x"] <= text["x"] and text["x"] + text["width"] <= box["x"] + box["width"] + 0.5
        assert not any(_overlap(bar, text) for bar in bars)


def test_download_a_csv(page, kb, screenshot):
    page.goto(page.url_for(f"/incentives/?district={FENGTAI}&district={HEXI}&kind=apartment"))
    with page.expect_download() as info:
        page.locator('[data-download="csv"]').click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert sorted(r["display"] for r in rows) == ["120 套", "> 500 套"]
    assert {r["adcode"] for r in rows} == {FENGTAI, HEXI}
    screenshot("download")


def test_switch_to_english(page, kb, screenshot):
    page.goto(page.url_for("/incentives/"))
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Incentives"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator('[data-facet="kind"] [data-value="apartment"] .facet-label').inner_text() == "talent apartments"
    page.goto(page.url_for(f"/articles/{kb.fengtai.pk}/"))
    assert "facts read from this text" in page.locator("#facts-title").inner_text()
    screenshot("english")
    page.get_by_role("button", name="中文").click()
    page.wait_for_load_state()
    assert "数据" in page.locator("#facts-title").inner_text()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("path", ["/", "/incentives/", "/compare/", "/articles/", "/search/?q=免租", "/districts/"])
def test_pages_fit_a_375_pixel_screen(browser, live_server, kb, path, language, request):
    """No sideways scrolling on a small phone; screenshots in both languages for a look."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    if path == "/compare/":
        path = f"/compare/?d={FENGTAI}&d={HEXI}&d={CHAOYANG}"
    if path == "/articles/":
        path = f"/articles/{kb.fengtai.pk}/"
    page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    # A table wider than the screen scrolls in its own box, and the line before it says so.
    unsaid = page.evaluate("""Array.from(document.querySelectorAll('.table-scroll'))
        .filter(box => box.offsetParent !== null && box.scrollWidth > box.clientWidth + 1)
        .filter(box => { const hint = box.previousElementSibling;
                         return !(hint && hint.matches('[data-scroll-hint]') && hint.offsetParent !== null); })
        .map(box => box.querySelector('table').className)""")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"{request.node.name}.png".replace("/", "_")), full_page=True)
    context.close()
    assert width <= 375, f"{path} is {width}px wide"
    assert not unsaid, f"{path}: tables wider than the screen without a hint: {unsaid}"


def test_facets_work_from_the_keyboard(page, kb):
    page.goto(page.url_for("/incentives/"))
    link = page.locator(f'[data-facet="district"] [data-value="{HEXI}"]')
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**district={HEXI}**")
    assert page.locator(".result-count").get_attribute("data-total") == "2"


@pytest.mark.both_databases
def test_search_finds_offers_through_their_kind_and_their_program_s_alias(page, seeded, screenshot):
    """Issue 12.4 in the browser: 免租 finds a 减租期 (its kind's name), 人才公寓 finds 长泰区's
    720 套, whose sentence names only 栋720套 (its program's alias holds the words)."""
    page.goto(page.url_for("/search/?type=incentives"))
    page.fill("#search-q", "免租")
    page.press("#search-q", "Enter")
    page.wait_for_url(lambda url: "q=" in url)
    rows = page.locator(".results [data-fact]")
    assert any("减租期" in text for text in rows.all_inner_texts())
    page.fill("#search-q", "人才公寓")
    page.press("#search-q", "Enter")
    page.wait_for_url(lambda url: "%E4%BA%BA%E6%89%8D%E5%85%AC%E5%AF%93" in url or "人才公寓" in url)
    assert any("720" in text and "套" in text for text in page.locator(".results [data-fact]").all_inner_texts())
    screenshot("search-kind-alias")


@pytest.mark.parametrize("width", [1280, 375])
def test_a_sentence_jumped_to_shows_a_line_or_two_above_it(page, build, width):
    """/articles/72/#incentive-161 scrolled the mark flush to the window's top: the start of its
    sentence, wrapped onto the line before, was out of view."""
    text = "".join(f"第{i}段：区里继续推进人才工作，优化服务环境。\n" for i in range(120)) + \
        "全区新建并投放人才公寓800套，面向青年人才定向配租。\n" + "其他说明。\n" * 60
    article = build.article(text, ["110105"], title="长文")
    fact = build.incentive(article, "人才公寓800套", kind="apartment", value=800, measure="套")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(page.url_for(f"/articles/{article.pk}/#{fact.anchor}"))
    mark = page.locator(f"#{fact.anchor}")
    assert page.evaluate("window.scrollY") > 0
    top = mark.bounding_box()["y"]
    line = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.article-text')).lineHeight)")
    assert 1.5 * line <= top < 400  # a line or two of the text above the mark, and the mark well in view
