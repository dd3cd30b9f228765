"""The admin shared by every fact model (incentives, metrics), and theirs.

Editors decide on facts on the review screen (review_screen.py); the fact
changelists and change forms apply the same rules through policies.review,
so a fact corrected anywhere becomes `corrected`.
"""
from datetime import datetime
from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy as _, ngettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from .. import indicators, review
from ..formatting import AS_WRITTEN, in_unit, plain
from ..models import Incentive, Indicator, Metric


class ChangesInWords(HistoricalRecordContextHelper):
    """A change on a history page as the editor reads it elsewhere: a choice by
    its label (verified, not 'verified'), no value as a dash, a time in the
    editor's format, a figure without trailing zeros."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if isinstance(value, DeletedObject):
            value = None if value.pk is None else gettext("deleted %(model)s (id %(id)s)") % {
                "model": value.model._meta.verbose_name, "id": value.pk}
        if value is None or value == "":
            return "—"
        if field.flatchoices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, datetime):
            return formats.localize(timezone.localtime(value))
        if isinstance(value, Decimal):
            return plain(value)
        return super().prepare_delta_change_value(change, value)


class HistoryInWords:
    """For the admins with a history page (facts, programs)."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ChangesInWords(self.model, historical_record)


class FactAdmin(HistoryInWords, SimpleHistoryAdmin):
    """Shared by the incentive and metric admins.

    The status is set by decisions (the actions here, the review screen);
    editing any correctable field verifies the fact and, if the extractor
    proposed it, marks it corrected. Facts are added on the review screen,
    where they point at a span of their article, and are rejected rather
    than deleted, so that the extractor does not propose them again.
    """

    list_filter = ["status", "origin", "unit", "target", "year", ("district", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["label", "quote", "district__name", "program__name", "article__title"]
    list_select_related = ["district", "program", "article"]
    autocomplete_fields = ["district", "program"]
    actions = ["accept_selected", "reject_selected"]
    history_list_display = ["status", "origin"]
    readonly_fields = [
        "article_link", "quote", "span_start", "span_end", "status", "origin",
        "reviewed_by", "reviewed_at", "extraction_key", "year",
    ]
    decided_fields = ["status", "origin", "reviewed_by", "reviewed_at", "extraction_key"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Only admins delete (a fact rejected is a fact not proposed again).
        return request.user.is_superuser

    @admin.display(description=_("value"))
    def value_display(self, fact):
        per = AS_WRITTEN.get((fact.unit, fact.measure), 1)  # 20 亩 (13333.3333 m² stored), 8 折
        value = plain(in_unit(fact.value, per))
        if fact.value_max is not None:
            value += f"–{plain(in_unit(fact.value_max, per))}"
        return f"{fact.qualifier_symbol}{value} {fact.measure or fact.get_unit_display()}"

    @admin.display(description=_("article"))
    def article_link(self, fact):
        url = reverse("admin:policies_article_review", args=[fact.article_id])
        return format_html('<a href="{}#fact-{}">{}</a>', url, fact.anchor, fact.article)

    def save_model(self, request, obj, form, change):
        if not form.changed_data:
            return  # saving an untouched form is not a decision
        changed = [name for name in form.changed_data if name in review.CORRECTABLE]
        obj._history_user = request.user
        review.correct(obj, request.user, changed)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history lets anyone who may *view* a fact post a revert; only
        # those who may change it may.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    @admin.action(description=_("Accept (verify) the selected facts"), permissions=["change"])
    def accept_selected(self, request, queryset):
        for fact in queryset:
            review.accept(fact, request.user)
        self.message_user(request, _("%(n)d facts verified.") % {"n": len(queryset)}, messages.SUCCESS)

    @admin.action(description=_("Reject the selected facts"), permissions=["change"])
    def reject_selected(self, request, queryset):
        for fact in queryset:
            review.reject(fact, request.user)
        self.message_user(request, _("%(n)d facts rejected.") % {"n": len(queryset)}, messages.SUCCESS)


@admin.register(Incentive)
class IncentiveAdmin(FactAdmin):
    list_display = ["kind", "label", "value_display", "district", "program", "article", "status", "origin"]
    list_filter = ["kind", *FactAdmin.list_filter]
    filter_horizontal = ["groups"]
    fieldsets = [
        (None, {"fields": ["article_link", "quote", "kind", "label", "value", "value_max", "unit", "measure", "qualifier"]}),
        (None, {"fields": ["district", "program", "period", "target", "groups"]}),
        (_("Provenance"), {"fields": FactAdmin.decided_fields + ["span_start", "span_end", "year"]}),
    ]


NO_INDICATOR = "none"


def indicator_choices() -> list:
    """The vocabulary as <optgroup>s by category, for a select (one query)."""
    groups: dict = {}
    for ind in Indicator.objects.select_related("category"):
        groups.setdefault(ind.category.name, []).append((ind.pk, f"{ind.name} · {ind.get_unit_display()} ({ind.code})"))
    return list(groups.items())


class SetIndicatorForm(forms.Form):
    """The intermediate page of the "set indicator" action."""

    indicator = forms.ChoiceField(label=_("indicator"))
    remember = forms.BooleanField(
        label=_("Remember: later articles and re-extractions give metrics with these labels (and units) "
                "the same indicator"),
        required=False, initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [
            ("", "---------"), (NO_INDICATOR, _("no indicator")), *indicator_choices()
        ]

    def chosen(self) -> Indicator | None:
        value = self.cleaned_data["indicator"]
        return None if value == NO_INDICATOR else Indicator.objects.get(pk=value)


@admin.register(Metric)
class MetricAdmin(FactAdmin):
    list_display = [
        "label", "indicator", "value_display", "period", "target", "district", "program", "article", "status", "origin",
    ]
    list_filter = [
        ("indicator", admin.RelatedOnlyFieldListFilter), "indicator__category", *FactAdmin.list_filter,
    ]
    search_fields = [*FactAdmin.search_fields, "indicator__code", "indicator__name_zh", "indicator__name_en"]
    list_select_related = [*FactAdmin.list_select_related, "indicator"]
    autocomplete_fields = [*FactAdmin.autocomplete_fields, "indicator"]
    actions = [*FactAdmin.actions, "set_indicator"]
    fieldsets = [
        (None, {"fields": ["article_link", "quote", "label", "indicator", "value", "value_max", "unit", "measure",
                           "qualifier"]}),
        (None, {"fields": ["district", "program", "period", "target"]}),
        (_("Provenance"), {"fields": FactAdmin.decided_fields + ["span_start", "span_end", "year"]}),
    ]

    @admin.action(description=_("Set the indicator of the selected metrics…"), permissions=["change"])
    def set_indicator(self, request, queryset):
        metrics = list(queryset.select_related("indicator"))
        form = SetIndicatorForm(request.POST if request.POST.get("confirm") else None)
        if form.is_bound and form.is_valid():
            indicator = form.chosen()
            changed = indicators.set_indicator(metrics, indicator, request.user)
            message = ngettext(
                "%(n)d metric now has the indicator “%(indicator)s”; it counts as corrected.",
                "%(n)d metrics now have the indicator “%(indicator)s”; they count as corrected.",
                changed,
            ) % {"n": changed, "indicator": indicator.name if indicator else _("no indicator")}
            if form.cleaned_data["remember"]:
                mapped, followed = indicators.remember(metrics, indicator, request.user)
                message += " " + ngettext(
                    "%(n)d label mapped;", "%(n)d labels mapped;", mapped
                ) % {"n": mapped} + " " + ngettext(
                    "%(n)d other proposed metric follows.", "%(n)d other proposed metrics follow.", followed
                ) % {"n": followed}
            self.message_user(request, message, messages.SUCCESS)
            return None
        labels = sorted({(m.label, m.get_unit_display()) for m in metrics})
        context = {
            **self.admin_site.each_context(request),
            "title": ngettext("Set the indicator of %(n)d metric", "Set the indicator of %(n)d metrics", len(metrics))
            % {"n": len(metrics)},
            "opts": self.model._meta,
            "metrics": metrics,
            "labels": labels,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/policies/metric/set_indicator.html", context)
