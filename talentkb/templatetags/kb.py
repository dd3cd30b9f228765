"""Template filters of the public pages: figures per language, facts' sentences, search marks."""
from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from policies import formatting, public, search

register = template.Library()


@register.filter
def quantity(fact) -> str:
    """超500套 → '> 500 套'."""
    return formatting.fact_quantity(fact)


@register.filter
def exact_quantity(fact) -> str:
    """超22945元 → '> 22,945 元': every digit, for comparing figures."""
    return formatting.fact_quantity(fact, exact=True)


@register.filter
def num(value) -> str:
    """16000 → '1.6万' in Chinese, '16,000' in English."""
    return formatting.number(value)


@register.filter
def sentence_url(fact) -> str:
    """Where a fact was read: /articles/<id>/#incentive-<pk>."""
    return public.sentence_path(fact)


@register.filter
def life_stage(program):
    """A program's life stage today (staff's, else its dates'): a Stage, whose label is shown."""
    return program.life_stage(timezone.localdate())


@register.filter
def group_name(group) -> str:
    """A target group's name in the reader's language."""
    return group.translated_name


def _marked(pieces) -> str:
    return format_html_join("", "{}", ((format_html("<mark>{}</mark>", p) if hit else p,) for p, hit in pieces))


@register.filter
def marked(text, terms) -> str:
    """`text` escaped, with every search term marked."""
    return _marked(search.mark_terms(text or "", terms or []))


@register.filter
def snippet(text, q) -> str:
    """The sentence of `text` that matches the query, its words marked."""
    return _marked(search.snippet(text or "", q or ""))


@register.filter
def fact_sentence(fact, terms) -> str:
    """The sentence a fact was read from, the quote underlined and search terms marked.

    Needs the article's text loaded (the search querysets load it); without it, the quote alone.
    """
    article = fact.article
    if "text" in article.get_deferred_fields():
        return _marked(search.mark_terms(fact.quote, terms or []))
    left, right = search.sentence_around(article.text, fact.span_start, fact.span_end)
    before = article.text[left:fact.span_start]
    quote = article.text[fact.span_start:fact.span_end]
    after = article.text[fact.span_end:right]
    return format_html(
        '{}<span class="quote">{}</span>{}',
        _marked(search.mark_terms(before.lstrip(), terms or [])),
        _marked(search.mark_terms(quote, terms or [])),
        _marked(search.mark_terms(after.rstrip(), terms or [])),
    )
