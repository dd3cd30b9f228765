"""Links from the staff side to the public research pages, which may not be installed."""
from django.urls import NoReverseMatch, reverse


def public_article_url(article) -> str | None:
    """/articles/<id>/ where the pages app provides it, else None."""
    try:
        return reverse("policies:article", args=[article.pk])
    except NoReverseMatch:
        return None
