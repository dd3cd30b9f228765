"""An article's text with its facts marked: the one highlighter of the project.

Spans may overlap or nest (a metric inside a program mention, two facts read
from one phrase). `pieces` cuts the text at every span boundary and tells
which spans cover each piece, outermost first; the public article page
(`marked_text`) and the staff review screen (policies.admin.review_screen)
both draw their marks from those pieces.

On the article page each piece is wrapped in one <mark> per span covering it,
outermost first, so the HTML always nests properly. The first piece of each
span carries the span's id (`incentive-12`, `metric-3`, `mention-7`): the
anchor every link to the fact's sentence points at. Lines of page furniture
(`noise_spans`) are wrapped in a quieter <span>, their text kept whole.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .extraction.boilerplate import page_lines
from .formatting import fact_quantity

NOISE = "noise"  # the css of a span of page furniture: no fact, no anchor


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    anchor: str  # the element id: incentive-12
    css: str = ""  # incentive, metric, mention
    title: str = ""  # shown on hover: the value read from it
    status: str = ""


def spans_of(facts, mentions=()) -> list[Span]:
    spans = []
    for fact in facts:
        label = getattr(fact, "get_kind_display", None)
        title = f"{label() if label else fact.label}: {fact_quantity(fact)}"
        spans.append(Span(fact.span_start, fact.span_end, fact.anchor, fact._meta.model_name, title, fact.status))
    for mention in mentions:
        spans.append(Span(mention.span_start, mention.span_end, f"mention-{mention.pk}", "mention", mention.program.name))
    return spans


def noise_spans(text: str) -> list[Span]:
    """The lines of a web page's furniture that the extractor does not read (breadcrumbs, captions,
    share bars, repeated paragraphs) and its bylines (来源, 编辑: extraction.boilerplate), to be shown
    quieter, never dropped."""
    dropped, bylines = page_lines(text)
    return [Span(start, end, "", NOISE) for start, end in sorted(dropped + bylines)]


@dataclass
class Piece:
    """A run of the text covered by the same spans (none for plain text)."""

    start: int
    end: int
    text: str
    spans: list[Span]  # outermost first


def pieces(text: str, spans: list[Span]) -> list[Piece]:
    """The text cut at every span boundary; put together, the pieces are the text exactly."""
    # Spans outside the text (an edited article) are clipped, empty ones dropped.
    spans = [
        Span(max(0, s.start), min(len(text), s.end), s.anchor, s.css, s.title, s.status)
        for s in spans
        if min(len(text), s.end) > max(0, s.start)
    ]
    # Longer spans outside, shorter inside; ties by anchor, so the output is stable.
    spans.sort(key=lambda s: (s.start, -s.end, s.anchor))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    return [
        Piece(left, right, text[left:right], [s for s in spans if s.start <= left and right <= s.end])
        for left, right in zip(cuts, cuts[1:])
    ]


def marked_text(text: str, spans: list[Span]) -> SafeString:
    out = []
    for piece in pieces(text, spans):
        html = escape(piece.text)
        marks = [s for s in piece.spans if s.css != NOISE]
        if marks:
            # The innermost span's piece links to that fact's entry beside the text.
            html = format_html('<a href="#card-{}">{}</a>', marks[-1].anchor, html)
        # Innermost first when wrapping, so the outermost span ends up outside.
        for s in reversed(piece.spans):
            if s.css == NOISE:
                html = format_html('<span class="page-noise">{}</span>', html)
                continue
            anchor = format_html(' id="{}"', s.anchor) if s.start == piece.start else ""
            status = format_html(' data-status="{}"', s.status) if s.status else ""
            html = format_html(
                '<mark class="hl hl-{}"{}{} data-span="{}" title="{}">{}</mark>',
                s.css, anchor, status, s.anchor, s.title, html,
            )
        out.append(html)
    return mark_safe("".join(out))
