"""Issue 12, point 1: every figure a page shows is the stored value, exactly; 万/亿 only beside it.

22945 元 used to read "2.29万 元" on the district page and in the comparison,
and a researcher copied a wrong number. Each figure is now a
<data class="figure" value="…"> element whose text is the value with its
thousands grouped; these tests read the pages as HTML and check each one
against the database.
"""
import re
from decimal import Decimal

import pytest
from django.utils import translation

from tests.factories import CHAOYANG, FENGTAI, HEXI

FIGURE = re.compile(r'<data class="figure" value="([^"]*)">([^<]*)</data>')
FACT = re.compile(r'data-fact="(incentive|metric)-(\d+)"')


@pytest.fixture
def odd_figures(kb):
    """Figures that no 万 rounding keeps: 22945 元 and 52904 人 (the issue's), a range, a decimal."""
    b = kb.b
    article = b.article("丰台区发放人才补贴22945元，新增就业52904人，补贴5000元至22945元，增长6.25%。", [FENGTAI],
                        title="补贴", published="2024-03-01")
    kb.subsidy = b.incentive(article, "人才补贴22945元", kind="subsidy", value=22945, unit="CNY")
    kb.subsidy_range = b.incentive(article, "补贴5000元至22945元", kind="subsidy", value=5000, value_max=22945,
                                   unit="CNY")
    kb.jobs_added = b.metric(article, "新增就业52904人", label="新增就业人数", value=52904, measure="人")
    kb.growth = b.metric(article, "增长6.25%", label="增长", value=Decimal("6.25"), unit="percent")
    return kb


def stored(kind: str, pk: int):
    from policies.models import Incentive, Metric

    return (Incentive if kind == "incentive" else Metric).objects.get(pk=pk)


def plain(value) -> str:
    from policies.formatting import plain as plain_figure

    return plain_figure(value)


def figures_by_fact(body: str) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """{(kind, pk): [(value attribute, text)]}: the figures between a fact's data-fact and the next one's."""
    found = {}
    marks = list(FACT.finditer(body))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        found.setdefault((mark.group(1), int(mark.group(2))), []).extend(FIGURE.findall(body[mark.end():end]))
    return found


PAGES = [
    "/incentives/", "/metrics/", "/incentives/?sort=-value", "/metrics/?sort=value",
    f"/districts/{FENGTAI}/", f"/compare/?d={FENGTAI}&d={HEXI}&d={CHAOYANG}", "/search/?q=补贴&type=incentives",
    "/search/?q=就业&type=metrics", "article:{subsidy_article}", "program:{xuezi}",
]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("url", PAGES)
def test_every_figure_shown_is_the_stored_value(client, odd_figures, url, language):
    client.cookies["django_language"] = language
    if url.startswith("article:"):
        url = f"/articles/{odd_figures.subsidy.article_id}/"
    elif url.startswith("program:"):
        odd_figures.subsidy.program = odd_figures.xuezi
        odd_figures.subsidy.save()
        url = f"/programs/{odd_figures.xuezi.pk}/"
    body = client.get(url).content.decode()
    shown = figures_by_fact(body)
    assert shown, url
    for (kind, pk), figures in shown.items():
        fact = stored(kind, pk)
        expected = [plain(fact.value)] + ([plain(fact.value_max)] if fact.value_max is not None else [])
        assert figures, (url, kind, pk)
        for value, text in figures:
            # The text is the figure itself: digits, grouped by commas, never 万 or 亿.
            assert re.fullmatch(r"-?\d{1,3}(,\d{3})*(\.\d+)?", text), (url, text)
            assert text.replace(",", "") == value, (url, text, value)
        assert [v for v, _t in figures[: len(expected)]] == expected, (url, kind, pk, figures)


def test_the_issues_figures_read_exactly_on_the_district_page_and_the_comparison(client, odd_figures):
    for url in [f"/districts/{FENGTAI}/", f"/compare/?d={FENGTAI}&d={HEXI}", "/incentives/", "/metrics/"]:
        body = client.get(url).content.decode()
        text = re.sub(r"<[^>]+>", "", body)
        assert "2.29万 元" not in text and "5.29万 人" not in text, url
    body = client.get("/incentives/").content.decode()
    # In Chinese the reading stands beside the figure, marked 约 when rounded.
    assert re.search(r'value="22945">22,945</data> 元<span class="reading">（约2.29万）</span>', body)
    assert re.search(r'value="5000">5,000</data>–</span><span class="nowrap"><data class="figure" value="22945">'
                     r'22,945</data> 元</span><span class="reading">（约5000–2.29万）</span>', body)


def test_english_pages_have_no_chinese_reading(client, odd_figures):
    client.cookies["django_language"] = "en"
    body = client.get("/incentives/").content.decode()
    assert 'value="22945">22,945</data> yuan' in body
    assert 'class="reading"' not in body


def test_downloads_and_charts_write_the_exact_figure(client, odd_figures):
    import json

    response = client.get("/incentives/", {"format": "json", "kind": "subsidy"})
    rows = json.loads(b"".join(response.streaming_content))["results"]
    assert sorted(r["display"] for r in rows) == ["22,945 元", "5,000–22,945 元"]
    assert sorted(r["value"] for r in rows) == [5000, 22945]
    with translation.override("zh-hans"):
        from policies.formatting import fact_quantity

        assert fact_quantity(odd_figures.jobs_added) == "52,904 人"
