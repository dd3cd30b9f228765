"""axe-core audits every page, in Chinese and in English, on a desktop and on a phone.

The pages hold the five seed articles, imported by the public command, so the
article texts, the comparison and the review screen show real extractions.
axe-core is vendored in static/vendor/axe-core/ and served by the app under
test: nothing is fetched from a CDN. Each page's report (violations and the
checks axe could not decide, as axe's JSON) and a screenshot land in
TEST_OUTPUT_DIR.

The test fails on any violation of a WCAG 2.0/2.1 A or AA rule, printing the
page, the rule, its impact and the selectors of the elements. A page added to
the site later (the finder, the map …) must be added to `pages()`:
`test_every_page_is_audited` fails until it is.
"""
import json
import re
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.templatetags.static import static
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tests.browser.conftest import OUTPUT

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Best-practice rules that the audit found broken; kept fixed here too.
ALSO = ["landmark-unique"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": TAGS},
    "rules": {rule: {"enabled": True} for rule in ALSO},
    # Every element of the violations and of the undecided checks; passes are summarised.
    "resultTypes": ["violations", "incomplete"],
}
AXE_JS = "vendor/axe-core/axe.min.js"
WIDTHS = {"desktop": (1280, 900), "phone": (375, 800)}
LANGUAGES = ["zh-hans", "en"]

# Audited as a superuser, by a test of its own: the only page the editors of pages() may not open.
BACKUP = "/admin/backup/"

SHOWN = 8  # elements listed per rule and page; the JSON report has them all

# Routes that are not pages: the district picker answers in JSON; a download's file is a file.
NOT_PAGES = {"districts/lookup/", "favicon.ico", "downloads/<uuid:public_id>/file/"}  # JSON, a redirect to the icon, a file


def pages(db_ids):
    """(name, path) of every page audited; db_ids gives the ids the paths need."""
    return [
        ("home", "/"),
        ("programs", "/programs/"),
        ("program", f"/programs/{db_ids['program']}/"),
        ("incentives", "/incentives/"),
        ("incentives-filtered", "/incentives/?kind=apartment&district=110106"),
        ("metrics", "/metrics/"),
        ("articles", "/articles/"),
        # Every seed article, named by its place so that report names are stable across runs.
        *((f"article-{n}", f"/articles/{pk}/") for n, pk in enumerate(db_ids["articles"], 1)),
        ("search", "/search/?q=人才公寓"),
        ("districts", "/districts/?q=fengtai"),
        ("district", "/districts/110106/"),
        ("compare", "/compare/?d=110106&d=120103&d=350605"),
        ("compare-picker", "/compare/?d=110106&add=河西"),
        ("finder", "/finder/?group=graduates&group=researchers&group=high_level&need=apartment&province=350000"),
        ("review", f"/admin/policies/article/{db_ids['review']}/review/"),
        # A large download's page: while a job builds the file, and once it is complete.
        ("download-running", f"/downloads/{db_ids['download_running']}/"),
        ("download", f"/downloads/{db_ids['download']}/"),
    ]


@pytest.fixture
def db_ids(seeded):
    # Models found by name, not by module: they move between apps now and then.
    model = {m._meta.model_name: m for m in apps.get_models()}
    articles = list(model["article"].objects.order_by("pk").values_list("pk", flat=True))
    # The review screen of the article with the most facts: the most rows and highlights.
    review = max(articles, key=lambda pk: sum(
        model[kind].objects.filter(article=pk).count() for kind in ("incentive", "metric")))
    job = model["job"].objects
    back = {"name": "incentives", "format": "csv", "back": "/incentives/?kind=fund"}
    running = job.create(kind="download", state="running", total=920867, done=230217, params=back)
    done = job.create(kind="download", state="done", total=920867, done=920867, file_rows=920867,
                      file_sha256="9f2c" * 16, params=back)
    return {"articles": articles, "review": review, "program": model["program"].objects.order_by("pk").first().pk,
            "download_running": running.public_id, "download": done.public_id}


def session_of(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def editor_session(django_user_model, reference_data):
    """The session cookie of an editor, for the review screen."""
    from policies.roles import sync_editor_group

    group = sync_editor_group(Group, Permission)
    user = django_user_model.objects.create_user("editor", "editor@example.org", "x", is_staff=True)
    user.groups.add(group)
    return session_of(user)


@pytest.fixture
def superuser_session(django_user_model, reference_data):
    """The session cookie of a superuser, for the pages only they see (the full backup)."""
    return session_of(django_user_model.objects.create_superuser("boss", "boss@example.org", "x"))


def selectors(node) -> str:
    # A target is a list of selectors, one per frame or shadow root on the way.
    return " >> ".join(t if isinstance(t, str) else " ".join(t) for t in node["target"])


def open_tab(browser, live_server, session, language, width):
    """A tab of its own browser context: the reader's language and a staff session as cookies."""
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, locale="zh-CN")
    context.set_default_timeout(15_000)
    context.add_cookies([
        {"name": "django_language", "value": language, "url": live_server.url},
        {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url},
    ])
    return context.new_page()


def audit(page, live_server, language, name, path, stem) -> list[str]:
    """axe's report and a screenshot of the page open in `page`; its violations as lines."""
    page.wait_for_load_state("networkidle")
    # The site writes zh-Hans, the admin its language code, zh-hans: either way the language asked for.
    assert page.locator("html").get_attribute("lang").lower() == language, path
    page.add_script_tag(url=live_server.url + static(AXE_JS))
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    stem.with_suffix(".axe.json").write_text(
        json.dumps({"url": path, **results}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    # JPEG: 88 full pages a run, each written in half the time a PNG takes, and read as well
    page.screenshot(path=str(stem.with_suffix(".jpg")), full_page=True, type="jpeg", quality=80)
    found = []
    for v in results["violations"]:
        found.append(f"{name} {path}: {v['id']} ({v['impact']}) {v['help']}")
        found.extend(f"    {selectors(n)}" for n in v["nodes"][:SHOWN])
        if len(v["nodes"]) > SHOWN:
            found.append(f"    … and {len(v['nodes']) - SHOWN} more: see {stem.name}.axe.json")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_passes_axe(browser, live_server, db_ids, editor_session, language):
    """Every page in one language at each width: two audits, one tab each, side by side.

    Each page is opened in both tabs before the first is audited, so their
    waits for the network to fall quiet (half a second at least, map outlines
    and job progress load after the page) overlap instead of adding up. One
    test per language, so that test processes run the two languages at once.
    The failure lists each tab's violations."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    tabs = {width: open_tab(browser, live_server, editor_session, language, width) for width in WIDTHS}
    found = {tab: [] for tab in tabs}
    try:
        for name, path in pages(db_ids):
            for width, page in tabs.items():
                response = page.goto(live_server.url + path)
                assert response.ok, f"{path}: HTTP {response.status} ({language}, {width})"
            for width, page in tabs.items():
                # The names of the reports are those the four audits had as tests of their own.
                stem = OUTPUT / f"test_every_page_passes_axe[{language}-{width}]-{name}".replace("/", "_")
                found[width] += audit(page, live_server, language, name, path, stem)
    finally:
        for page in tabs.values():
            page.context.close()
    failures = [f"axe-core found violations ({language}, {width}):\n" + "\n".join(lines)
                for width, lines in found.items() if lines]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_backup_page_passes_axe(browser, live_server, superuser_session, language):
    """The full backup's page, which only superusers may open (the pages above are audited as an
    editor): signed in as one, at each width."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    found = {}
    for width in WIDTHS:
        page = open_tab(browser, live_server, superuser_session, language, width)
        try:
            response = page.goto(live_server.url + BACKUP)
            assert response.ok, f"{BACKUP}: HTTP {response.status} ({language}, {width})"
            stem = OUTPUT / f"test_the_backup_page_passes_axe[{language}-{width}]"
            found[width] = audit(page, live_server, language, "backup", BACKUP, stem)
        finally:
            page.context.close()
    failures = [f"axe-core found violations ({language}, {width}):\n" + "\n".join(lines)
                for width, lines in found.items() if lines]
    assert not failures, "\n".join(failures)


def test_every_page_is_audited():
    """Every route of the site but the admin's is audited by the test above (ids do not matter here)."""

    def routes(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from routes(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)

    site = {r for r in routes(get_resolver().url_patterns) if not re.match(r"(admin|i18n)/", r)}
    some_id = "00000000-0000-0000-0000-000000000000"
    ids = {"articles": [1], "review": 1, "program": 1, "download": some_id, "download_running": some_id}
    audited = {resolve(urlsplit(path).path).route for _, path in pages(ids)}
    assert site - NOT_PAGES - audited == set(), "pages without an accessibility audit: add them to PAGES"
