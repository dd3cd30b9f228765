"""Issue 12 in a real browser, in Chinese and English, at 1280 and 375 px:
nameless articles (point 5), tab titles (6), English names and measure
words (7), the review screen, the admin header and the icon (11), and the
map of districts. Every test saves screenshots to TEST_OUTPUT_DIR."""
import os
import re
from pathlib import Path

import pytest

from tests.factories import CHAOYANG, FENGTAI, HEXI

OUTPUT = Path(os.environ.get("TEST_OUTPUT_DIR", Path(__file__).resolve().parents[2] / "test-output"))
LANGUAGES = ["zh-hans", "en"]
WIDTHS = [1280, 375]
SITE = {"zh-hans": "人才政策知识库", "en": "Talent policy knowledge base"}
PASSWORD = "a-long-test-password-42"
NAMELESS = "　　围绕提供一批“优培岗位”，丰台区将发布超2000个实践就业岗位；\n　　陆续统筹投放超500套人才公寓；\n"
DERIVED = "围绕提供一批“优培岗位”，丰台区将发布超2000个实践就业岗位"


@pytest.fixture(params=[(language, width) for language in LANGUAGES for width in WIDTHS],
                ids=lambda p: f"{p[0]}-{p[1]}")
def tab(request, browser, live_server):
    """A page in one language at one width; tab.shot(name) saves a full-page screenshot."""
    language, width = request.param
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.url_for = lambda path: live_server.url + path
    page.language, page.width, page.errors = language, width, errors
    OUTPUT.mkdir(parents=True, exist_ok=True)

    def shot(name):
        page.screenshot(path=str(OUTPUT / f"{request.node.name}-{name}.png".replace("/", "_")), full_page=True)

    page.shot = shot
    yield page
    context.close()
    assert not errors, errors


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.width


# Point 6
def test_tab_titles(tab, kb):
    names = {
        "/incentives/": {"zh-hans": "激励措施", "en": "Incentives"},
        f"/districts/{FENGTAI}/": {"zh-hans": "丰台区", "en": "Fengtai District"},
        "/compare/": {"zh-hans": "区县对比", "en": "Compare districts"},
    }
    tab.goto(tab.url_for("/"))
    assert tab.title() == SITE[tab.language]
    for path, name in names.items():
        tab.goto(tab.url_for(path))
        assert tab.title() == f"{name[tab.language]} · {SITE[tab.language]}"
    tab.shot("district")


# Point 5
def test_a_nameless_article_has_a_clickable_title_everywhere(tab, kb):
    from policies.importing import import_article

    article = import_article(NAMELESS, source_file="000_43ecf88b4ddff57a.txt").article
    article.districts.add(kb.b.districts[FENGTAI])
    for path in ["/", "/articles/", f"/districts/{FENGTAI}/"]:
        tab.goto(tab.url_for(path))
        link = tab.locator(f'main a[href="/articles/{article.pk}/"]').first
        assert link.inner_text().strip() == DERIVED
        box = link.bounding_box()
        assert box and box["width"] > 20 and box["height"] > 5, path  # not empty, so clickable
        assert "000_43ecf88b4ddff57a" not in tab.content()
        fits(tab)
        tab.shot(path.strip("/").replace("/", "-") or "home")
    link.click()
    tab.wait_for_url(f"**/articles/{article.pk}/")
    assert tab.locator("h1").inner_text().strip() == DERIVED


# Point 7
def test_places_and_measure_words_in_the_readers_language(tab, kb):
    english = tab.language == "en"
    tab.goto(tab.url_for(f"/compare/?d={FENGTAI}&d={HEXI}"))
    chips = tab.locator(".chips .chip-static > a:not(.chip-remove)").all_inner_texts()
    assert chips == (["Fengtai District", "Hexi District"] if english else ["丰台区", "河西区"])
    header = tab.locator("table.compare thead th").all_inner_texts()
    assert header[0] == ("Incentive or metric" if english else "激励措施或指标")
    row = tab.locator('tr[data-row="incentive:apartment"]').inner_text()
    assert ("> 500 units" in row and "120 units" in row) if english else ("> 500 套" in row and "120 套" in row)
    drawn = tab.locator('[data-chart="0"] svg text')
    drawn.first.wait_for()
    texts = drawn.all_text_contents()
    assert ("Fengtai District" if english else "丰台区") in texts
    # The picker suggests names in the same language.
    tab.fill("#add", "chaoyang")
    suggestion = tab.locator(f'#picker-results a[data-adcode="{CHAOYANG}"]')
    suggestion.wait_for()
    assert suggestion.inner_text().startswith("Chaoyang District" if english else "朝阳区")
    assert ("Beijing" if english else "北京市") in suggestion.inner_text()
    fits(tab)
    tab.shot("compare")
    tab.goto(tab.url_for("/districts/"))
    assert ("Hexi District" if english else "河西区") in tab.locator("table.data").inner_text()
    assert ("Tianjin" if english else "天津市") in tab.locator("table.data").inner_text()
    fits(tab)
    tab.shot("districts")


# The map
def map_ready(page):
    page.locator('[data-district-map][data-drawn="true"]').wait_for()
    return page.locator("[data-district-map] svg")


def point_on_screen(page, lon, lat):
    """Where the map draws (lon, lat), in page coordinates."""
    x, y = page.evaluate(
        """([lon, lat]) => {
            const el = document.querySelector('[data-district-map]');
            const chart = window.echarts.getInstanceByDom(el);
            const [x, y] = chart.convertToPixel({geoIndex: 0}, [lon, lat]);
            const box = el.getBoundingClientRect();
            return [box.left + x, box.top + y];
        }""",
        [lon, lat],
    )
    return x, y


def test_home_map(tab, kb):
    from districts.models import District

    tab.goto(tab.url_for("/"))
    svg = map_ready(tab)
    tab.locator("[data-district-map]").scroll_into_view_if_needed()
    texts = svg.locator("text").all_text_contents()
    # The legend: one entry per kind offered, in the reader's language.
    kinds = ["talent apartments", "workstations", "office space", "funds", "jobs"] if tab.language == "en" \
        else ["人才公寓", "工位", "办公空间", "资金", "岗位"]
    assert all(k in texts for k in kinds), texts
    # A pie per district: 丰台, 河西, 朝阳.
    def drawn():
        return int(tab.locator("[data-district-map]").get_attribute("data-shown"))

    def radius(adcode):
        return tab.evaluate("""(adcode) => {
            const chart = window.echarts.getInstanceByDom(document.querySelector('[data-district-map]'));
            return chart.getOption().series.find(s => s.id === adcode).radius;
        }""", adcode)

    assert drawn() == 3
    # 丰台's pie (four offers) is larger than 朝阳's (one).
    assert radius(FENGTAI) > radius(CHAOYANG) > 0
    tab.shot("map")
    # The legend filters by kind: with apartments off, 朝阳 (apartments only)
    # leaves the map and 丰台's pie shrinks to its three other offers.
    before = radius(FENGTAI)
    legend = svg.locator("text", has_text=re.compile(f"^{re.escape(kinds[0])}$")).first
    legend.click()
    tab.wait_for_function("document.querySelector('[data-district-map]').dataset.shown === '2'")
    assert radius(CHAOYANG) == 0 and 0 < radius(FENGTAI) < before
    tab.shot("map-filtered")
    legend.click()
    tab.wait_for_function("document.querySelector('[data-district-map]').dataset.shown === '3'")
    # The table fallback has the same rows.
    tab.locator(".map-table > summary").click()
    rows = tab.locator("[data-map-table] tbody tr")
    assert rows.count() == 3
    fengtai_row = tab.locator(f'[data-map-table] tr[data-adcode="{FENGTAI}"]').inner_text()
    assert ("Fengtai District" if tab.language == "en" else "丰台区") in fengtai_row
    fits(tab)
    tab.shot("map-table")
    # A click on a point opens its district. At 1280 px 河西 (Tianjin) stands
    # apart from Beijing's two; on a phone's map of all China they touch, and
    # the click opens whichever is drawn on top.
    hexi = District.objects.get(adcode=HEXI)
    tab.locator(".map-table > summary").click()
    tab.locator("[data-district-map]").scroll_into_view_if_needed()
    x, y = point_on_screen(tab, hexi.longitude, hexi.latitude)
    tab.mouse.click(x + 3, y + 3)  # inside a slice: at the very centre the slices' white edges meet
    if tab.width >= 1280:
        tab.wait_for_url(f"**/districts/{HEXI}/")
    else:
        tab.wait_for_url(re.compile(rf"/districts/({HEXI}|{FENGTAI}|{CHAOYANG})/$"))


def test_compare_map(tab, kb):
    tab.goto(tab.url_for(f"/compare/?d={FENGTAI}&d={HEXI}&d={CHAOYANG}"))
    svg = map_ready(tab)
    tab.locator("[data-district-map]").scroll_into_view_if_needed()
    names = ["Fengtai District", "Hexi District", "Chaoyang District"] if tab.language == "en" \
        else ["丰台区", "河西区", "朝阳区"]
    texts = svg.locator("text").all_text_contents()
    assert all(n in texts for n in names), texts  # the compared districts are named on the map
    # 丰台 lies just west of 朝阳: its name goes to the west, clear of 朝阳's point and name.
    fengtai, chaoyang = (svg.locator("text", has_text=n).first.bounding_box() for n in (names[0], names[2]))
    assert fengtai["x"] + fengtai["width"] <= chaoyang["x"] - 8, (fengtai, chaoyang)
    fits(tab)
    tab.shot("compare-map")


# Point 11
@pytest.fixture
def editor(django_user_model, reference_data):
    from django.contrib.auth.models import Group, Permission

    from policies.roles import sync_editor_group

    user = django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD, is_staff=True)
    user.groups.add(sync_editor_group(Group, Permission))
    return user


def select_words(page, phrase):
    page.evaluate(
        """(phrase) => {
            const text = document.getElementById('article-text');
            const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const i = node.data.indexOf(phrase);
                if (i >= 0) {
                    const range = document.createRange();
                    range.setStart(node, i);
                    range.setEnd(node, i + phrase.length);
                    window.getSelection().removeAllRanges();
                    window.getSelection().addRange(range);
                    text.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                    return;
                }
            }
            throw new Error('phrase not found');
        }""",
        phrase,
    )


def test_review_screen_admin_header_and_icon(tab, kb, editor):
    from policies.models import Incentive
    from programs.models import TargetGroup

    tab.goto(tab.url_for(f"/admin/login/?next=/admin/policies/article/{kb.fengtai.pk}/review/"))
    tab.fill("#id_username", "editor")
    tab.fill("#id_password", PASSWORD)
    tab.click("input[type=submit]")
    tab.wait_for_selector("#article-text")
    header = tab.locator("#site-name").inner_text()
    assert header == SITE[tab.language] and "Django" not in header
    # A row's measure word and target groups are fields.
    row = tab.locator(f'article.fact-row[data-fact="incentive-{kb.apartments.pk}"]')
    assert row.locator("input[name$='-measure']:not([type=hidden])").input_value() == "套"
    # Nothing covers a row scrolled into view (on a phone the sticky text once stayed over the rows).
    row.scroll_into_view_if_needed()
    assert row.evaluate("r => { const b = r.getBoundingClientRect();"
                        " return r.contains(document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)); }")
    checked = row.locator("input[name$='-groups']:checked")
    assert checked.count() == 2
    # The hand form shows no offsets: it takes the selected words.
    hand = tab.locator("#hand-form")
    assert hand.locator("input[name='hand-span_start']").get_attribute("type") == "hidden"
    select_words(tab, "300余个免租减租工位")
    assert hand.locator("#hand-quote").inner_text() == "“300余个免租减租工位”"
    tab.shot("review")
    hand.locator("#id_hand-kind").select_option("other")
    hand.locator("#id_hand-value").fill("300")
    hand.locator("#id_hand-unit").select_option("count")
    hand.locator("#id_hand-measure").fill("个")
    hand.locator("#id_hand-qualifier").select_option("gt")
    entrepreneurs = TargetGroup.objects.get(code="entrepreneurs")
    hand.locator(f"input[name='hand-groups'][value='{entrepreneurs.pk}']").check()
    hand.locator("button[value=add_fact]").click()
    tab.wait_for_selector(".messagelist .success")
    added = Incentive.objects.get(article=kb.fengtai, kind="other")
    assert added.quote == "300余个免租减租工位" and added.measure == "个"
    assert list(added.groups.all()) == [entrepreneurs]
    # Correct the measure word and the groups of a row.
    row = tab.locator(f'article.fact-row[data-fact="incentive-{kb.jobs.pk}"]')
    row.locator("input[name$='-measure']:not([type=hidden])").fill("项")
    row.locator(f"input[name$='-groups'][type=checkbox][value='{entrepreneurs.pk}']").check()
    tab.locator("#review-form .submit-row button[value=save]").click()
    tab.wait_for_selector(".messagelist .success")
    kb.jobs.refresh_from_db()
    assert kb.jobs.measure == "项" and entrepreneurs in kb.jobs.groups.all()
    tab.shot("review-saved")
    # The icon browsers ask for.
    response = tab.goto(tab.url_for("/favicon.ico"))
    assert response.ok and tab.url.endswith("/static/favicon.svg")
