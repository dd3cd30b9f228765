"""Links to the public research pages: an article's page, the sentence a fact was read from.

The staff side asks through `public_article_url`, since the pages may not be installed.
"""
from functools import lru_cache

from django.urls import NoReverseMatch, reverse


def public_article_url(article) -> str | None:
    """/articles/<id>/ where the pages app provides it, else None."""
    try:
        return reverse("policies:article", args=[article.pk])
    except NoReverseMatch:
        return None


@lru_cache(maxsize=4096)
def _article_path(article_id: int) -> str:
    # Rows of one article are many; reversing its URL once is a tenth of an export's time.
    return reverse("policies:article", args=[article_id])


def sentence_path(fact) -> str:
    """Where a fact was read: /articles/<id>/#incentive-<pk>, its mark in the text."""
    return f"{_article_path(fact.article_id)}#{fact.anchor}"


def fact_sentence_path(model_name: str, article_id: int, pk: int) -> str:
    """sentence_path of a fact read as plain values: ("incentive", 12, 34) → /articles/12/#incentive-34."""
    return f"{_article_path(article_id)}#{model_name}-{pk}"
