"""Districts are reference data (from the gazetteer): searchable, read by editors.
Metrics are facts, reviewed like incentives (policies.admin.FactAdmin)."""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from policies.admin import FactAdmin

from .models import District, Metric


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "province", "level", "adcode"]
    list_filter = ["level", "province"]
    # Also what the district autocomplete of the fact forms searches.
    search_fields = ["name", "short_name", "adcode", "pinyin", "initials", "city"]
    ordering = ["adcode"]
    show_full_result_count = False


@admin.register(Metric)
class MetricAdmin(FactAdmin):
    list_display = ["label", "value_display", "period", "target", "district", "program", "article", "status", "origin"]
    fieldsets = [
        (None, {"fields": ["article_link", "quote", "label", "value", "value_max", "unit", "measure", "qualifier"]}),
        (None, {"fields": ["district", "program", "period", "target"]}),
        (_("Provenance"), {"fields": FactAdmin.decided_fields + ["span_start", "span_end", "year"]}),
    ]
