"""The admin shared by every fact model (incentives, metrics), and theirs.

Editors decide on facts on the review screen (review_screen.py); the fact
changelists and change forms apply the same rules through policies.review,
so a fact corrected anywhere becomes `corrected`.
"""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .. import review
from ..formatting import plain
from ..models import Incentive, Metric


class FactAdmin(SimpleHistoryAdmin):
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
        value = plain(fact.value)
        if fact.value_max is not None:
            value += f"–{plain(fact.value_max)}"
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


@admin.register(Metric)
class MetricAdmin(FactAdmin):
    list_display = ["label", "value_display", "period", "target", "district", "program", "article", "status", "origin"]
    fieldsets = [
        (None, {"fields": ["article_link", "quote", "label", "value", "value_max", "unit", "measure", "qualifier"]}),
        (None, {"fields": ["district", "program", "period", "target"]}),
        (_("Provenance"), {"fields": FactAdmin.decided_fields + ["span_start", "span_end", "year"]}),
    ]
