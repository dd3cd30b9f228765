"""The indicator vocabulary on the staff side: indicators (with how many metrics
each has), their categories, and the mappings of labels to indicators that
staff make (here, or from the metric list's "set indicator" action)."""
from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from programs.choices import Status

from .. import indicators
from ..models import Indicator, IndicatorCategory, IndicatorMapping
from .forms import LinesField


class IndicatorForm(forms.ModelForm):
    wordings = LinesField(label=_("wordings"), required=False, help_text=Indicator._meta.get_field("wordings").help_text)

    class Meta:
        model = Indicator
        fields = ["code", "name_zh", "name_en", "unit", "category", "wordings", "position"]


@admin.register(IndicatorCategory)
class IndicatorCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "position", "indicators_count"]
    search_fields = ["code", "name_zh", "name_en"]
    readonly_fields = ["code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_indicators=Count("indicators"))

    @admin.display(description=_("indicators"), ordering="n_indicators")
    def indicators_count(self, category):
        return category.n_indicators


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    form = IndicatorForm
    list_display = ["code", "name_zh", "name_en", "unit", "category", "metrics_count"]
    list_filter = ["category", "unit"]
    list_select_related = ["category"]
    search_fields = ["code", "name_zh", "name_en"]
    ordering = ["category__position", "position", "code"]

    def get_queryset(self, request):
        # Metrics a person has not rejected: what the public pages show under the indicator.
        return super().get_queryset(request).annotate(
            n_metrics=Count("metrics", filter=~Q(metrics__status=Status.REJECTED))
        )

    def get_readonly_fields(self, request, obj=None):
        # The code is what exports and URLs carry: set once, when the indicator is added.
        return ["code"] if obj else []

    def get_search_results(self, request, queryset, search_term):
        """Names and codes in the database; wordings too, read in Python (a JSON list
        is stored with \\u escapes on SQLite, so a LIKE cannot find Chinese in it;
        the vocabulary is a few hundred rows at most)."""
        base = queryset
        queryset, may_have_duplicates = super().get_search_results(request, base, search_term)
        term = search_term.strip()
        if term:
            by_wording = [pk for pk, wordings in Indicator.objects.values_list("pk", "wordings")
                          if any(term in w for w in wordings or [])]
            queryset = base.filter(Q(pk__in=queryset.values("pk")) | Q(pk__in=by_wording))
        return queryset, may_have_duplicates

    @admin.display(description=_("metrics"), ordering="n_metrics")
    def metrics_count(self, indicator):
        url = reverse("admin:policies_metric_changelist") + f"?indicator__id__exact={indicator.pk}"
        return format_html('<a href="{}">{}</a>', url, indicator.n_metrics)


@admin.register(IndicatorMapping)
class IndicatorMappingAdmin(admin.ModelAdmin):
    """A mapping applies to every later import and re-extraction of a metric with the
    same label and unit; saving one here also applies it to the proposals already stored."""

    list_display = ["label", "unit", "indicator", "created_by", "updated_at"]
    list_filter = ["unit", ("indicator", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["indicator", "created_by"]
    search_fields = ["label", "indicator__code", "indicator__name_zh", "indicator__name_en"]
    autocomplete_fields = ["indicator"]
    fields = ["label", "unit", "indicator", "created_by", "updated_at"]
    readonly_fields = ["created_by", "updated_at"]

    def save_model(self, request, obj, form, change):
        obj.created_by = request.user
        super().save_model(request, obj, form, change)
        followed = indicators.apply_mapping(obj)
        if followed:
            self.message_user(
                request,
                _("%(n)d proposed metrics labelled “%(label)s” follow the mapping now.")
                % {"n": followed, "label": obj.label},
                messages.INFO,
            )
