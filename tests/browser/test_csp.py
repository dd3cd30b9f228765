"""The Content-Security-Policy in a real browser: every page that runs a script
works under it, and Chromium reports no violation.

A violation shows up twice: as a `securitypolicyviolation` event in the page
(reported by a listener that Playwright injects before the page's own
scripts) and as a console error; both are collected on every page a test
visits, so neither a blocked script nor a blocked inline style can pass
unnoticed.
"""
import pytest

from tests.factories import FENGTAI, HEXI

LISTEN = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, with every CSP violation of every page it visits collected
    (the events reported to Python as they happen, so navigation loses none)."""
    found = []
    page.context.expose_function("__reportViolation", lambda text: found.append(text))
    page.context.add_init_script(LISTEN)
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    page.csp_violations = lambda: list(found)
    return page


def visit(page, path):
    response = page.goto(page.url_for(path))
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    return response


def test_home_lists_and_search_run_without_violation(watched, kb):
    visit(watched, "/")
    visit(watched, "/incentives/")
    watched.locator("select#sort").select_option(index=1)
    with watched.expect_navigation():  # the sort form's button applies it (no script needed)
        watched.locator("form:has(select#sort) button[type=submit]").first.click()
    visit(watched, "/search/?q=人才公寓")
    visit(watched, f"/articles/{kb.fengtai.pk}/")
    assert watched.csp_violations() == []


def test_district_picker_and_charts_work_under_the_policy(watched, kb, screenshot):
    visit(watched, "/compare/")
    watched.fill("#add", "fengtai")
    watched.locator(f'#picker-results a[data-adcode="{FENGTAI}"]').click()
    watched.wait_for_url(f"**d={FENGTAI}**")
    watched.fill("#add", "河西")
    watched.locator(f'#picker-results a[data-adcode="{HEXI}"]').click()
    watched.wait_for_url(f"**d={HEXI}**")
    bars = watched.locator('[data-chart="0"] svg text')
    bars.first.wait_for()
    assert any(label.startswith("120 套") for label in bars.all_text_contents())
    # The tooltip is HTML that ECharts writes: hovering a bar draws it.
    watched.locator('[data-chart="0"] svg path').last.hover()
    watched.wait_for_timeout(300)
    screenshot("compare")
    assert watched.csp_violations() == []


def test_review_screen_and_admin_work_under_the_policy(watched, admin_user, kb, screenshot):
    visit(watched, "/admin/login/?next=/admin/")
    watched.fill("#id_username", "admin")
    watched.fill("#id_password", "password")
    watched.click("input[type=submit]")
    watched.wait_for_url("**/admin/")

    visit(watched, f"/admin/policies/article/{kb.fengtai.pk}/review/")
    mark = watched.locator("mark.fact-mark").first
    mark.click()
    watched.wait_for_function("document.querySelector('article.fact-row.active') !== null")
    screenshot("review")

    # The admin's own scripts: changelists with actions and filters, change
    # forms with autocomplete and inlines, the add form, the history.
    for path in (
        "/admin/",
        "/admin/policies/article/",
        f"/admin/policies/article/{kb.fengtai.pk}/change/",
        "/admin/policies/article/add/",
        "/admin/programs/incentive/",
        f"/admin/programs/incentive/{kb.apartments.pk}/change/",
        f"/admin/programs/incentive/{kb.apartments.pk}/history/",
        "/admin/programs/program/",
        "/admin/axes/accessattempt/",
        "/admin/auth/user/add/",
    ):
        visit(watched, path)
    visit(watched, f"/admin/policies/article/{kb.fengtai.pk}/change/")
    watched.locator(".select2-selection").first.click()  # the districts autocomplete
    watched.locator(".select2-results__option").first.wait_for()

    # The merge confirmation, whose list was styled inline before.
    kb.b.program("学子回家计划", kb.fengtai, "学子回家", adcode=FENGTAI)
    visit(watched, "/admin/programs/program/")
    watched.check("#action-toggle")
    watched.select_option("select[name=action]", "merge")
    with watched.expect_navigation():  # to "load": the stylesheets are in
        watched.click("button[name=index]")
    choices = watched.locator("ul.merge-choices")
    assert choices.evaluate("ul => getComputedStyle(ul).listStyleType") == "none"
    assert watched.csp_violations() == []


def test_the_watch_sees_a_violation(watched, kb):
    """The control: an inline style added to a page is reported, so an empty list above means something."""
    visit(watched, "/")
    watched.evaluate("""document.body.insertAdjacentHTML("beforeend", '<p style="color: red">x</p>')""")
    watched.wait_for_timeout(200)
    assert any("style-src" in v for v in watched.csp_violations())
