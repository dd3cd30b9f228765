"""The fixed list of target groups. Programs are reviewed beside the facts that
point at them, so their admin (rename, merge) is in policies.admin.programs."""
from django.contrib import admin
from django.utils.translation import gettext, gettext_lazy as _

from .models import TargetGroup


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    """Fixed codes the extractor assigns, and fixed names: each name is the
    msgid of its translations (locale/), so it is changed in programs.groups
    and the catalogue, not here."""

    list_display = ["translated", "name", "code", "position"]
    search_fields = ["name", "code"]
    readonly_fields = ["code", "name"]

    @admin.display(description=_("name in the reader's language"))
    def translated(self, group):
        return group.translated_name

    def get_search_results(self, request, queryset, search_term):
        # Editors search in their own language: 高校 finds "Graduates and youth".
        found, duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            codes = [g.code for g in TargetGroup.objects.all() if term in gettext(g.name)]
            found = found | queryset.filter(code__in=codes)
        return found, duplicates

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
