"""The review screen: an article's text with its facts highlighted, and a form
row per fact to accept, correct or reject it, one by one or in bulk; facts
the extractor missed are added by selecting their words in the text.

Reading the screen needs the permission to view articles; every write needs
the editor's permissions (ArticleAdmin.has_review_permission).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms import modelformset_factory
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from programs.choices import Origin, Status
from programs.models import Program

from .. import highlight, review
from ..highlight import Span
from ..models import Article, Incentive, Metric
from ..public import public_article_url
from .facts import indicator_choices
from .forms import HandFactForm, IncentiveForm, MetricForm, ProgramForm, target_group_choices

IncentiveFormSet = modelformset_factory(Incentive, form=IncentiveForm, extra=0, edit_only=True)
MetricFormSet = modelformset_factory(Metric, form=MetricForm, extra=0, edit_only=True)
BULK = {"accept_selected": "accept", "reject_selected": "reject"}


@dataclass
class Segment:
    """A run of the article text covered by the same facts (none for plain text)."""

    start: int
    text: str
    facts: list[str] = field(default_factory=list)  # "incentive-12", innermost first
    status: str = ""
    anchor: str = ""  # set on the first segment of a fact, the target of "show in text"


def segments(text: str, facts) -> list[Segment]:
    """The text cut where facts start and end (policies.highlight), so that
    overlapping facts are highlighted without nesting marks."""
    anchored = set()
    result = []
    for piece in highlight.pieces(text, [Span(f.span_start, f.span_end, f.anchor, status=f.status) for f in facts]):
        inner_first = [s.anchor for s in reversed(piece.spans)]
        segment = Segment(piece.start, piece.text, inner_first)
        if piece.spans:
            segment.status = piece.spans[-1].status
            first = next((key for key in inner_first if key not in anchored), None)
            if first:
                anchored.add(first)
                segment.anchor = first
        result.append(segment)
    return result


def history_url(fact) -> str:
    opts = fact._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[fact.pk])


def review_view(model_admin):
    def view(request, pk):
        article = get_object_or_404(Article, pk=pk)
        if not model_admin.has_view_permission(request, article):
            raise PermissionDenied
        may_review = model_admin.has_review_permission(request, article)
        if request.method == "POST":
            if not may_review:
                raise PermissionDenied
            return ReviewScreen(model_admin, request, article).post()
        return ReviewScreen(model_admin, request, article).render(may_review=may_review)

    return view


class ReviewScreen:
    def __init__(self, model_admin, request, article):
        self.model_admin = model_admin
        self.request = request
        self.article = article
        self.url = reverse("admin:policies_article_review", args=[article.pk])
        self.conflicts = []  # facts someone else changed since the page was drawn (apply)

    def formsets(self, data=None):
        facts = dict(
            incentive=Incentive.objects.filter(article=self.article).select_related("district", "program")
            .prefetch_related("groups"),
            metric=Metric.objects.filter(article=self.article).select_related("district", "program"),
        )
        return (
            IncentiveFormSet(
                data, queryset=facts["incentive"], prefix="incentive",
                form_kwargs={"group_choices": target_group_choices()},
            ),
            MetricFormSet(
                data, queryset=facts["metric"], prefix="metric",
                form_kwargs={"indicator_choices": [("", "---------"), *indicator_choices()]},
            ),
        )

    def post(self):
        action = self.request.POST.get("_action", "save")
        if action == "add_fact":
            return self.add_fact()
        if action == "add_program":
            return self.add_program()
        incentives, metrics = self.formsets(self.request.POST)
        # Only the rows of this article's facts: a tampered TOTAL_FORMS adds
        # nothing, and the id of another article's fact is not found here
        # (its id field is valid: it names a fact, just not one of these).
        forms = [*incentives.initial_forms, *metrics.initial_forms]
        if any(form.instance.pk is None and "id" not in form.errors for form in forms):
            return HttpResponseBadRequest(_("The form does not match the facts of this article: reload the page."))
        if any(form.instance.pk is None for form in forms):
            return self.save_after_reextraction(forms, BULK.get(action))
        if not (incentives.is_valid() and metrics.is_valid()):
            messages.error(self.request, _("Some rows have errors: nothing was saved. Correct them below."))
            return self.render(incentives=incentives, metrics=metrics, status=400)
        self.report(self.apply(forms, BULK.get(action)))
        return HttpResponseRedirect(self.url)

    def save_after_reextraction(self, forms, bulk):
        """Rows whose fact no longer exists: the article was re-extracted since
        the page was drawn, which replaces the facts still proposed by new ones.
        The decisions on the facts that remain are saved; the page is drawn
        again from the facts as they are now (the rows of the old page cannot
        be, having no fact behind them)."""
        remaining = [form for form in forms if form.instance.pk is not None]
        counts = self.apply([form for form in remaining if form.is_valid()], bulk)
        messages.warning(
            self.request,
            _("The facts of this article changed since you opened the page (it was re-extracted): what you "
              "decided on facts that still exist was saved, the rest was not. Check the reloaded screen."),
        )
        with_errors = [f"“{form.instance.quote}”" for form in remaining if not form.is_valid()]
        if with_errors:
            messages.error(
                self.request, _("Not saved, as their rows have errors: %(facts)s.") % {"facts": "、".join(with_errors)}
            )
        self.report(counts)
        return HttpResponseRedirect(self.url)

    def report(self, counts):
        if self.conflicts:
            messages.warning(
                self.request,
                _("Not saved: since you opened the page, someone else changed what you changed in %(facts)s. "
                  "Their values were kept; check them below and save again.")
                % {"facts": "、".join(f"“{fact.quote}”" for fact in self.conflicts)},
            )
        if any(counts.values()):
            messages.success(
                self.request,
                _("%(accepted)d accepted, %(corrected)d corrected, %(rejected)d rejected.") % counts,
            )
        else:
            messages.info(self.request, _("Nothing to save: no row was changed, decided or selected."))

    @transaction.atomic
    def apply(self, forms, bulk):
        user = self.request.user
        counts = Counter(accepted=0, corrected=0, rejected=0)
        for form in forms:
            decision = bulk if bulk and form.cleaned_data.get("selected") else form.cleaned_data.get("decision")
            changed = form.edited()
            if form.changed_meanwhile():
                # Someone saved this fact since the page was drawn: theirs stays.
                self.conflicts.append(form.instance)
                continue
            if not (decision or changed):
                continue
            fact = form.instance
            # The row posts every field as the page showed it: only those the
            # editor changed are written, the others stay as they are now.
            fact.refresh_from_db()
            if decision == "reject":
                review.reject(fact, user)  # rejecting throws away edits made on the row
                counts["rejected"] += 1
            elif changed:
                for name in changed:
                    if name != "groups":
                        setattr(fact, name, form.cleaned_data[name])
                review.correct(fact, user, changed, groups=form.cleaned_data.get("groups"))
                counts["corrected"] += 1
            elif decision == "accept":
                review.accept(fact, user)
                counts["accepted"] += 1
        return counts

    def add_fact(self):
        form = HandFactForm(self.request.POST, article=self.article, prefix="hand")
        if not form.is_valid():
            messages.error(self.request, _("The fact was not added: see the form below."))
            return self.render(hand_form=form, status=400)
        model, fields = form.model_and_fields()
        fact = review.add_by_hand(model, article=self.article, user=self.request.user, **fields)
        messages.success(self.request, _("Added by hand: %(fact)s") % {"fact": fact})
        return HttpResponseRedirect(f"{self.url}#fact-{fact.anchor}")

    def add_program(self):
        if not self.request.user.has_perm("programs.add_program"):
            raise PermissionDenied
        form = ProgramForm(self.request.POST, prefix="program")
        if not form.is_valid():
            return self.render(program_form=form, status=400)
        district, name = form.cleaned_data["district"], form.cleaned_data["name"]
        # A name the district's program already goes by, its own or an alias, is that program.
        program = Program.objects.in_district(district).named(name)
        if program is None:
            program = Program.objects.create(district=district, name=name, origin=Origin.MANUAL, status=Status.VERIFIED)
            messages.success(self.request, _("Program “%(name)s” created.") % {"name": program.name})
            return HttpResponseRedirect(self.url)
        link = format_html(
            '<a href="{}">{}</a>', reverse("admin:programs_program_change", args=[program.pk]), program.name
        )
        if program.name == name:
            message = _("Program “%(name)s” already exists.") % {"name": link}
        else:
            message = _("“%(alias)s” is another name of the program “%(name)s”, which already exists.") % {
                "alias": escape(name), "name": link,
            }
        messages.info(self.request, mark_safe(message))  # the names are escaped, the rest is our catalogue's
        return HttpResponseRedirect(self.url)

    def render(self, *, incentives=None, metrics=None, hand_form=None, program_form=None, may_review=True, status=200):
        if incentives is None:
            incentives, metrics = self.formsets()
        first_district = self.article.districts.first()
        hand_form = hand_form or HandFactForm(article=self.article, prefix="hand", initial={"district": first_district})
        program_form = program_form or ProgramForm(prefix="program", initial={"district": first_district})
        rows = sorted(
            [
                (form.instance._meta.model_name, form, history_url(form.instance))
                for form in [*incentives.forms, *metrics.forms]
            ],
            key=lambda row: (row[1].instance.span_start, row[1].instance.span_end),
        )
        facts = [form.instance for _, form, _ in rows]
        counts = Counter(fact.status for fact in facts)
        opts = Article._meta
        media = self.model_admin.media + incentives.media + hand_form.media + program_form.media
        context = {
            **self.model_admin.admin_site.each_context(self.request),
            "title": _("Review the facts of “%(article)s”") % {"article": self.article},
            "subtitle": None,
            "is_nav_sidebar_enabled": False,  # the text and the rows need the width
            "opts": opts,
            "app_label": opts.app_label,
            "original": self.article,
            "article": self.article,
            "segments": segments(self.article.text, facts),
            "rows": rows,
            "incentives": incentives,
            "metrics": metrics,
            "hand_form": hand_form,
            "program_form": program_form,
            "counts": {status: counts.get(status, 0) for status in Status.values},
            "may_review": may_review,
            "public_url": public_article_url(self.article),
            "programs_url": reverse("admin:programs_program_changelist")
            + (f"?district__id__exact={first_district.pk}" if first_district else ""),
            "media": media,
        }
        return TemplateResponse(self.request, "admin/policies/article/review.html", context, status=status)
