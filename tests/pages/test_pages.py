"""Home, article, program and district pages."""
import re

import pytest

from tests.factories import FENGTAI, HEXI

DETAIL_QUERIES = 12


def html(response) -> str:
    return response.content.decode()


def test_home_shows_totals_and_entry_points(client, kb, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        body = html(client.get("/"))
    assert re.search(r'data-total="articles">3<', body)
    assert re.search(r'data-total="incentives">7<', body)  # eight, less the rejected one
    assert re.search(r'data-total="metrics">2<', body)
    for url in ["/programs/", "/incentives/", "/metrics/", "/articles/", "/districts/", "/compare/"]:
        assert f'href="{url}' in body
    # In English each total has its noun in the number it needs: 1 program, 3 articles.
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = html(client.get("/"))
    assert re.search(r'data-total="programs">1</strong> program</a>', body)
    assert re.search(r'data-total="articles">3</strong> articles</a>', body)


def test_an_articles_page_furniture_is_shown_quieter_and_whole(client, kb):
    text = "您当前的位置:资讯 > >正文\n河西区人才公寓120套。\n(资料图片)\n来源:天津日报\n编辑:张三\n"
    article = kb.b.article(text, [HEXI], title="家具")
    fact = kb.b.incentive(article, "人才公寓120套", kind="apartment", value=120, measure="套")
    body = html(client.get(f"/articles/{article.pk}/"))
    quiet = re.findall(r'<span class="page-noise">([^<]*)</span>', body)
    assert [q.strip() for q in quiet] == ["您当前的位置:资讯 &gt; &gt;正文", "(资料图片)", "来源:天津日报", "编辑:张三"]
    # The article's own line is not quieter, and its fact is marked as ever.
    assert f'id="incentive-{fact.pk}"' in body and "page-noise\">河西区" not in body
    # Nothing of the text is lost: the page holds it all, in order.
    shown = re.sub(r"<[^>]+>", "", body.split('class="article-text"', 1)[1].split("</article>", 1)[0])
    assert text.replace(">", "&gt;") in shown


def test_article_marks_every_fact_and_lists_them(client, kb):
    body = html(client.get(f"/articles/{kb.fengtai.pk}/"))
    for fact in [kb.jobs, kb.apartments, kb.stations, kb.office]:
        assert f'<mark class="hl hl-incentive" id="incentive-{fact.pk}"' in body
        assert f'data-fact="incentive-{fact.pk}" data-status="{fact.status}"' in body
    assert f'id="mention-{kb.xuezi.mentions.get().pk}"' in body
    # Rejected: neither marked nor listed.
    assert f'incentive-{kb.rent_free.pk}"' not in body
    assert 'data-status="rejected"' not in body
    # Its value with unit and qualifier, and the verified badge.
    card = re.search(rf'data-fact="incentive-{kb.apartments.pk}".*?</li>', body, re.S).group(0)
    assert '&gt; <data class="figure" value="500">500</data> 套' in card and "badge-verified" in card


def test_article_text_is_escaped_and_overlapping_spans_nest(client, build):
    article = build.article("<b>注意</b>：人才公寓500套，其中公寓500套免租。", [FENGTAI])
    outer = build.incentive(article, "人才公寓500套", kind="apartment", value=500, measure="套")
    inner = build.metric(article, "公寓500套免租", label="公寓", value=500, measure="套")
    body = html(client.get(f"/articles/{article.pk}/"))
    text = re.search(r'<article class="article-text"[^>]*>(.*?)</article>', body, re.S).group(1)
    assert "&lt;b&gt;注意&lt;/b&gt;" in text and "<b>" not in text
    assert text.count("<mark") == text.count("</mark>")
    assert f'id="incentive-{outer.pk}"' in text and f'id="metric-{inner.pk}"' in text
    # Tags are properly nested: replaying opens and closes never closes the wrong one.
    stack = []
    for closing, name in re.findall(r"<(/?)(mark|a)\b", text):
        if closing:
            assert stack.pop() == name
        else:
            stack.append(name)
    assert not stack
    # The text reads the same without the markup.
    assert re.sub(r"<[^>]+>", "", text) == "&lt;b&gt;注意&lt;/b&gt;：人才公寓500套，其中公寓500套免租。"


def test_marks_survive_spans_that_cross(client, build):
    from policies.highlight import Span, marked_text

    out = marked_text("abcdefgh", [Span(0, 5, "incentive-1", "incentive"), Span(3, 8, "metric-2", "metric"),
                                   Span(3, 5, "mention-3", "mention"), Span(2, 99, "metric-4", "metric")])
    assert re.sub(r"<[^>]+>", "", out) == "abcdefgh"
    for anchor in ["incentive-1", "metric-2", "mention-3", "metric-4"]:
        assert out.count(f'id="{anchor}"') == 1


@pytest.mark.parametrize("n", [3, 30])
def test_article_page_queries_are_fixed(client, build, django_assert_max_num_queries, n):
    """Guards against N+1 on each fact's groups, program and district."""
    text = "。".join(f"第{i}项人才公寓{i}套" for i in range(n))
    article = build.article(text, [FENGTAI])
    for i in range(n):
        build.incentive(article, f"人才公寓{i}套", kind="apartment", value=i, measure="套", groups=["graduates"])
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(f"/articles/{article.pk}/")
    assert html(response).count('data-fact="incentive-') == n


def test_program_page(client, kb, django_assert_max_num_queries):
    with django_assert_max_num_queries(DETAIL_QUERIES):
        body = html(client.get(f"/programs/{kb.xuezi.pk}/"))
    assert "学子回家" in body and "丰台区" in body
    assert f"/articles/{kb.fengtai.pk}/#incentive-{kb.apartments.pk}" in body
    assert client.get("/programs/999999/").status_code == 404


def test_district_pages(client, kb, grow, django_assert_max_num_queries):
    with django_assert_max_num_queries(DETAIL_QUERIES):
        index = html(client.get("/districts/"))
    assert f"/districts/{FENGTAI}/" in index and f"/districts/{HEXI}/" in index
    grow(3)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        small = client.get(f"/districts/{FENGTAI}/")
    grow(27)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        body = html(client.get(f"/districts/{FENGTAI}/"))
    assert small.status_code == 200
    assert "学子回家" in body and f"incentive-{kb.apartments.pk}" in body
    assert f'"incentive-{kb.rent_free.pk}"' not in body
    # The timeline: newest announcement first.
    times = re.findall(r'<ol class="timeline">.*?</ol>', body, re.S)[0]
    dates = re.findall(r"<time>([^<]+)</time>", times)
    assert dates == sorted(dates, reverse=True)
    assert client.get("/districts/999999/").status_code == 404
    assert client.get("/districts/abc/").status_code == 404


def test_district_search_by_name_pinyin_and_initials(client, reference_data):
    for q in ["丰台", "fengtai", "FengTai", "ft"]:
        assert "/districts/110106/" in html(client.get("/districts/", {"q": q})), q


def test_every_fact_links_to_its_sentence(client, kb):
    for url in ["/incentives/", "/metrics/", f"/districts/{FENGTAI}/", f"/programs/{kb.xuezi.pk}/",
                "/compare/?d=110106&d=120103"]:
        body = html(client.get(url))
        for block in re.findall(r'data-fact="(incentive|metric)-(\d+)"', body):
            kind, pk = block
            assert re.search(rf'/articles/\d+/#{kind}-{pk}"', body), (url, kind, pk)


@pytest.mark.parametrize("path", ["/districts/?q=fengtai", "/search/?q=人才公寓", "/incentives/?q=公寓"])
def test_the_headers_site_search_is_empty_beside_a_pages_own_search(client, kb, path):
    """A page's own box holds its query; the header's, which searches the whole site, stays empty."""
    body = html(client.get(path))
    header = body.split("</header>", 1)[0]
    assert '<input id="site-q" type="search" name="q" placeholder=' in header
    assert path.split("q=", 1)[1] in body.split("</header>", 1)[1]



def test_a_span_of_months_reads_with_a_dash_and_downloads_as_stored(client, kb):
    kb.b.incentive(kb.hexi, "人才公寓120套", kind="apartment", value=121, measure="套", period="2023-01..2023-06")
    body = html(client.get("/incentives/", {"district": HEXI}))
    assert ">2023-01–2023-06<" in body and "2023-01..2023-06" not in body
    rows = client.get("/incentives/", {"district": HEXI, "format": "csv"}).getvalue().decode("utf-8-sig")
    assert "2023-01..2023-06" in rows
