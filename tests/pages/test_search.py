"""Chinese search: whole words through jieba, substrings as a fallback, sentences marked."""
import pytest

from policies import search

from tests.factories import FENGTAI, HEXI


def found(client, q, kind="articles", **filters):
    response = client.get("/search/", {"q": q, "type": kind, **filters})
    assert response.status_code == 200
    return response, {o.pk for o in response.context["page"].object_list}


@pytest.mark.parametrize("q, expected", [
    ("人才公寓", {"fengtai", "hexi", "chaoyang"}),
    ("免租", {"fengtai"}),
    ("学子回家", {"fengtai"}),
    ("公寓 丰台", {"fengtai"}),  # every part must match
    ("高层次人才", {"hexi", "chaoyang"}),
    ("租", {"fengtai"}),  # one character: a substring
    ("不存在的词", set()),
])
def test_search_finds_the_articles_meant(client, kb, q, expected):
    _response, pks = found(client, q)
    assert pks == {getattr(kb, name).pk for name in expected}


def test_results_show_their_sentence_with_the_words_marked(client, kb):
    response, _ = found(client, "免租")
    body = response.content.decode()
    assert "<mark>免租</mark>" in body
    assert "给予7天<mark>免租</mark>服务" in body or "<mark>免租</mark>减租工位" in body


def test_programs_and_quotes_are_searched(client, kb):
    _r, programs = found(client, "学子回家", "programs")
    assert programs == {kb.xuezi.pk}
    response, incentives = found(client, "人才公寓", "incentives")
    assert incentives == {kb.apartments.pk, kb.hexi_apartments.pk, kb.chaoyang_apartments.pk}
    body = response.content.decode()
    # The fact's own sentence, its quote underlined and the words marked.
    assert '<span class="quote">超500套<mark>人才公寓</mark></span>' in body


def test_search_results_narrow_with_the_same_facets(client, kb):
    response, pks = found(client, "人才公寓", "incentives", district=[FENGTAI, HEXI])
    assert pks == {kb.apartments.pk, kb.hexi_apartments.pk}
    tabs = {t["name"]: t["count"] for t in response.context["tabs"]}
    assert tabs == {"articles": 2, "programs": 0, "incentives": 2, "metrics": 0}


def test_search_text_is_kept_on_save(kb):
    kb.hexi.text += "新增人才驿站。"
    kb.hexi.save()
    kb.hexi.refresh_from_db()
    assert " 驿站 " in kb.hexi.search_text


def test_highlight_terms_and_snippets():
    assert search.highlight_terms("人才公寓")[0] == "人才公寓"
    pieces = search.snippet("第一句。陆续投放超500套人才公寓，用于定向配租。第三句。", "人才公寓")
    assert pieces == [("陆续投放超500套", False), ("人才公寓", True), ("，用于定向配租。", False)]


def test_empty_and_long_queries(client, kb):
    assert client.get("/search/").status_code == 200
    assert client.get("/search/", {"q": "人" * 500}).status_code == 200
    assert client.get("/search/", {"q": "   "}).status_code == 200
