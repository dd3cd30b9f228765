"""Template filters of the public pages: figures per language, facts' sentences, search marks."""
import re

from django import template
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from policies import formatting, public, search

register = template.Library()


@register.filter
def quantity(fact) -> str:
    """超500套 → '> 500 套': each figure exact in a <data value="…"> element, and in Chinese
    its 万/亿 reading beside it (超16000平方米 → '> 16,000 平方米（1.6万）').

    The `value` attribute is the figure shown, so a test can check that what
    a page shows is what the database holds (land in the unit it was written
    in, formatting.AS_WRITTEN: 20 亩 is 13,333.3333 m² stored)."""
    figures = []

    def placeholder(value) -> str:
        figures.append(value)
        return f"\x00{len(figures) - 1}\x00"

    text = escape(formatting.quantity(
        fact.value, fact.unit, fact.measure, fact.qualifier, fact.value_max, figure_text=placeholder,
        label=formatting.label_of(fact),
    ))
    if fact.value_max is not None:
        # A range may break after its dash, nowhere else: "≥ 1,000,000–" / "5,000,000 yuan".
        low, dash, high = text.partition("–")
        text = format_html('<span class="nowrap">{}{}</span><span class="nowrap">{}</span>',
                           mark_safe(low), dash, mark_safe(high))
    html = FIGURE_PLACEHOLDER.sub(lambda m: figure_html(figures[int(m.group(1))]), text)
    per = formatting.AS_WRITTEN.get((fact.unit, fact.measure), 1)  # the reading is Chinese's: of 8 折, of 20 亩
    beside = formatting.quantity_reading(formatting.in_unit(fact.value, per), formatting.in_unit(fact.value_max, per))
    if beside:
        html += format_html('<span class="reading">（{}）</span>', beside)
    return mark_safe(html)


FIGURE_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")


def figure_html(value) -> str:
    return format_html('<data class="figure" value="{}">{}</data>', formatting.plain(value), formatting.number(value))


@register.filter
def num(value) -> str:
    """A count or figure, exact: 16000 → '16,000' in both languages."""
    return formatting.number(value)


@register.filter
def period(value) -> str:
    """2024-01..2024-06 → 2024-01–2024-06 (policies.formatting.period_text)."""
    return formatting.period_text(value)


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


@register.filter
def shown(record, name: str):
    """A column of a history page: a field with choices by its label (已核实, not verified)."""
    display = getattr(record, f"get_{name}_display", None)
    return display() if callable(display) else getattr(record, name, "")
