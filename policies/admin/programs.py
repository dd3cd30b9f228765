"""Programs on the staff side: created, renamed and merged by editors.

Registered here rather than in programs/, the layer below, because a program
is reviewed with what points at it: the inline lists its mentions in articles,
and merging moves the merged programs' facts and mentions (policies.review).
"""
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from programs.choices import Origin, Status
from programs.models import Program

from .. import lifecycle, review
from ..models import Mention
from .facts import HistoryInWords
from .forms import ProgramAdminForm


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["article", "quote", "span_start", "span_end"]
    autocomplete_fields = ["article"]
    verbose_name_plural = _("where articles name it")


@admin.register(Program)
class ProgramAdmin(HistoryInWords, SimpleHistoryAdmin):
    form = ProgramAdminForm
    list_display = ["name", "aliases_display", "district", "articles_count", "status", "origin"]
    list_filter = ["status", "origin", ("district", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "aliases", "district__name"]
    list_select_related = ["district"]
    autocomplete_fields = ["district"]
    filter_horizontal = ["groups"]
    inlines = [MentionInline]
    actions = ["merge"]
    fields = ["name", "aliases", "district", "groups", "status", "origin",
              "launched", "ends", "dates_by_hand", "stage", "stage_today"]
    readonly_fields = ["origin", "stage_today"]
    history_list_display = ["name", "status"]

    def get_queryset(self, request):
        # Meta.ordering does not apply to an aggregated (GROUP BY) query: order it again.
        return super().get_queryset(request).annotate(n_articles=Count("mentions", distinct=True)).order_by("name")

    @admin.display(description=_("aliases"))
    def aliases_display(self, program):
        return "、".join(program.aliases)

    @admin.display(description=_("articles"), ordering="n_articles")
    def articles_count(self, program):
        return program.n_articles

    @admin.display(description=_("life stage today"))
    def stage_today(self, program):
        return program.life_stage(timezone.localdate()).label if program.pk else "—"

    def save_model(self, request, obj, form, change):
        # Dates a person typed are theirs: re-extraction leaves them alone (policies.lifecycle).
        if {"launched", "ends"} & set(form.changed_data):
            obj.dates_by_hand = True
        handed_back = change and "dates_by_hand" in form.changed_data and not obj.dates_by_hand
        # A program a person created or renamed is theirs: the extractor only
        # adds aliases to programs it created itself.
        if not change:
            obj.origin = Origin.MANUAL
        elif obj.origin == Origin.EXTRACTED and form.changed_data:
            obj.origin = Origin.CORRECTED
        if change and "name" in form.changed_data:
            # The old name stays one of its names, as a merge keeps the merged
            # programs' names: articles used it, and people may search for it.
            obj.aliases = [name for name in dict.fromkeys([*obj.aliases, form.initial["name"]]) if name != obj.name]
        super().save_model(request, obj, form, change)
        if handed_back:  # unticked: the articles' dates again, now
            lifecycle.refresh([obj.pk])

    def get_deleted_objects(self, objs, request):
        """Deleting a program would take it silently off the facts that point at
        it (SET_NULL, no history): those a person verified, corrected or entered
        protect it, and the editor is told to merge it instead, which moves them."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        decided = Q(status=Status.VERIFIED) | Q(origin__in=[Origin.CORRECTED, Origin.MANUAL])
        facts = [fact for model in review.FACT_MODELS for fact in model.objects.filter(decided, program__in=objs)]
        if facts:
            protected = [*protected, *(f"{fact._meta.verbose_name}: {fact}" for fact in facts)]
            self.message_user(
                request,
                _("A person verified, corrected or entered facts of this program: it cannot be deleted. "
                  "Merge it into the program that replaces it instead, which moves its facts and keeps its names."),
                messages.ERROR,
            )
        return deleted, counts, perms_needed, protected

    @admin.action(description=_("Merge the selected programs into one"), permissions=["change", "delete"])
    def merge(self, request, queryset):
        programs = list(queryset.select_related("district"))
        if len(programs) < 2:
            self.message_user(request, _("Select at least two programs to merge."), messages.WARNING)
            return None
        keep_id = request.POST.get("keep")
        if keep_id and request.POST.get("confirm"):
            keep = next((p for p in programs if str(p.pk) == keep_id), None)
            if keep is None:
                self.message_user(request, _("Choose one of the selected programs to keep."), messages.ERROR)
                return None
            merged = review.merge_programs(keep, programs)
            self.message_user(
                request,
                _("%(n)d programs merged into “%(name)s”; their names are now its aliases.")
                % {"n": merged, "name": keep.name},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge programs"),
            "opts": self.model._meta,
            "programs": programs,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/programs/program/merge.html", context)
