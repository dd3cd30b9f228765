"""Districts are reference data (from the gazetteer): searchable, read by editors."""
from django.contrib import admin

from .models import District


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "province", "level", "adcode"]
    list_filter = ["level", "province"]
    # Also what the district autocomplete of the fact forms searches.
    search_fields = ["name", "short_name", "adcode", "pinyin", "initials", "city"]
    ordering = ["adcode"]
    show_full_result_count = False
