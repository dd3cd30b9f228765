"""Articles on the staff side: added by paste or upload, listed with what is left
to review, re-extracted, and each with its review screen (review_screen.py)."""
from collections import Counter

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _, ngettext

from programs.choices import Status

from .. import jobs
from ..choices import JobKind, JobState
from ..details import article_details, derive_title
from ..importing import import_article, prepare
from ..models import Article, Incentive, Mention, Metric
from ..public import public_article_url
from ..queries import count_of
from ..reading import SUFFIXES, UnreadableText, read_upload
from ..tasks import import_summary, reextract_job, store_prepared
from .forms import ArticleAddForm, normalise_newlines
from .review_screen import review_view

DECIDED = [Status.VERIFIED, Status.REJECTED]


class PublishedYearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        published = Article.objects.exclude(published="").values_list("published", flat=True).distinct()
        return [(year, year) for year in sorted({p[:4] for p in published}, reverse=True)]

    def queryset(self, request, queryset):
        return queryset.filter(published__startswith=self.value()) if self.value() else queryset


class ToReviewFilter(admin.SimpleListFilter):
    """What an editor opens the admin for: articles with facts still proposed."""

    title = _("review")
    parameter_name = "to_review"

    def lookups(self, request, model_admin):
        return [("yes", _("facts to review")), ("no", _("all facts decided"))]

    def queryset(self, request, queryset):
        proposed = Q(Exists(Incentive.objects.filter(article=OuterRef("pk"), status=Status.PROPOSED))) | Q(
            Exists(Metric.objects.filter(article=OuterRef("pk"), status=Status.PROPOSED))
        )
        if self.value() == "yes":
            return queryset.filter(proposed)
        if self.value() == "no":
            return queryset.exclude(proposed)
        return queryset


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["program", "quote", "span_start", "span_end"]
    autocomplete_fields = ["program"]
    verbose_name_plural = _("programs named in the article")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title_or_file", "publisher", "published", "district_names", "proposed", "decided", "review_link"]
    list_filter = [ToReviewFilter, PublishedYearFilter, ("districts", admin.RelatedOnlyFieldListFilter), "publisher"]
    search_fields = ["title", "publisher", "source_file", "text", "districts__name"]
    actions = ["reextract"]
    inlines = [MentionInline]
    autocomplete_fields = ["districts"]
    readonly_fields = ["sha256", "imported_at", "source_file", "text"]
    fieldsets = [
        (None, {"fields": ["title", "publisher", "published", "source_url", "districts"]}),
        (_("Source"), {"fields": ["source_file", "imported_at", "sha256", "text"], "classes": ["collapse"]}),
    ]
    add_form = ArticleAddForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    add_form_template = "admin/policies/article/add_form.html"
    change_form_template = "admin/policies/article/change_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("districts")
            # Subqueries, so that four counts on one changelist row cost no join fan-out.
            .annotate(
                proposed_incentives=count_of(Incentive.objects.filter(status=Status.PROPOSED), "article"),
                proposed_metrics=count_of(Metric.objects.filter(status=Status.PROPOSED), "article"),
                decided_incentives=count_of(Incentive.objects.filter(status__in=DECIDED), "article"),
                decided_metrics=count_of(Metric.objects.filter(status__in=DECIDED), "article"),
            )
        )

    def view_on_site(self, article):
        """The public article page, once the research pages are installed."""
        return public_article_url(article)

    @admin.display(description=_("article"), ordering="title")
    def title_or_file(self, article):
        return str(article)

    @admin.display(description=_("districts"))
    def district_names(self, article):
        return "、".join(d.name for d in article.districts.all())

    @admin.display(description=_("facts to review"))
    def proposed(self, article):
        return article.proposed_incentives + article.proposed_metrics

    @admin.display(description=_("facts decided"))
    def decided(self, article):
        return article.decided_incentives + article.decided_metrics

    @admin.display(description=_("review"))
    def review_link(self, article):
        return format_html('<a href="{}">{}</a>', reverse("admin:policies_article_review", args=[article.pk]), _("review facts"))

    # Adding: paste or upload, extract, then review.

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
            kwargs["fields"] = ArticleAddForm.Meta.fields
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ArticleAddForm.Meta.fields})]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else super().get_readonly_fields(request, obj)

    def get_inlines(self, request, obj):
        return [] if obj is None else super().get_inlines(request, obj)

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "POST" and "_prefill" in request.POST:
            return self.prefill_view(request, form_url, extra_context)
        if request.method == "POST" and len(request.FILES.getlist("upload")) > 1:
            return self.import_uploads_view(request, form_url, extra_context)
        return super().add_view(request, form_url, extra_context)

    def import_uploads_view(self, request, form_url, extra_context):
        """Several files in one submit: each read and imported as the import command
        would (one article each, a text stored already left as it is), and a message
        for each saying what became of it; then the article list."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleAddForm(request.POST, request.FILES)
        if not form.is_valid():
            return super().add_view(request, form_url, extra_context)  # shows the errors, saves nothing
        prepared = []
        for upload in form.cleaned_data["upload"]:
            try:
                if not upload.name.lower().endswith(SUFFIXES):
                    raise UnreadableText(_("not a .txt or .html file"))
                read = read_upload(upload)
                text = normalise_newlines(read.text).strip("\n")
                if not text.strip():
                    raise UnreadableText(_("the file is empty"))
                prepared.append((upload.name, prepare(text, source_file=upload.name[:255], page_title=read.page_title)))
            except UnreadableText as error:
                prepared.append((upload.name, error))
        counts = Counter()
        for line, failed in store_prepared(prepared, counts):
            self.message_user(request, line, messages.ERROR if failed else messages.SUCCESS)
        self.message_user(request, import_summary(counts), messages.WARNING if counts["failed"] else messages.INFO)
        return HttpResponseRedirect(reverse("admin:policies_article_changelist"))

    def prefill_view(self, request, form_url, extra_context):
        """Re-show the add form with the text read (an upload decoded, HTML
        reduced) and the blank details filled in from what the extractor reads
        in it; nothing is stored yet."""
        from .. import extraction

        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleAddForm(request.POST, request.FILES)
        if not form.is_valid():
            return super().add_view(request, form_url, extra_context)  # shows the errors, saves nothing
        request.method = "GET"  # render the form again, do not save
        if len(form.cleaned_data["upload"]) > 1:
            self.message_user(request, _("Details are read from one file at a time: choose one file, or save "
                                         "the files to read each one's."), messages.WARNING)
            return super().add_view(request, form_url, extra_context)
        found = extraction.extract(form.cleaned_data["text"])
        read = {**article_details(form.cleaned_data["text"], found, form.cleaned_data["page_title"]),
                "source_url": getattr(found, "source_url", "")}
        prefilled = {"text": form.cleaned_data["text"], "source_file": form.cleaned_data.get("source_file", "")}
        for name in ("title", "publisher", "published", "source_url"):
            prefilled[name] = form.cleaned_data.get(name) or read[name]
        request._prefilled = prefilled
        self.message_user(request, _("Details read from the text: check them, then save."), messages.INFO)
        return super().add_view(request, form_url, extra_context)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        return {**initial, **getattr(request, "_prefilled", {})}

    def save_model(self, request, obj, form, change):
        if change:
            if not obj.title.strip():
                # A title cleared by hand: named from the text again, never left empty.
                obj.title = derive_title(obj.text)[:300]
            return super().save_model(request, obj, form, change)
        data = form.cleaned_data
        result = import_article(
            data["text"],
            source_file=data.get("source_file", ""),
            title=data.get("title", ""),
            publisher=data.get("publisher", ""),
            published=data.get("published", ""),
            source_url=data.get("source_url", ""),
            page_title=data.get("page_title", ""),
        )
        obj.pk = result.article.pk
        obj.refresh_from_db()
        obj._state.adding = False
        self.message_user(
            request,
            ngettext(
                "The extractor proposed %(count)d fact: accept, correct or reject it below.",
                "The extractor proposed %(count)d facts: accept, correct or reject them below.",
                result.facts,
            ) % {"count": result.facts},
            messages.SUCCESS,
        )

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    def response_add(self, request, obj, post_url_continue=None):
        return HttpResponseRedirect(reverse("admin:policies_article_review", args=[obj.pk]))

    # Review screen and re-extraction.

    def get_urls(self):
        review = self.admin_site.admin_view(review_view(self))
        return [path("<int:pk>/review/", review, name="policies_article_review"), *super().get_urls()]

    def has_review_permission(self, request, obj=None):
        """Deciding on facts: changing incentives and metrics, and adding them."""
        return request.user.has_perms(
            ["policies.change_incentive", "policies.change_metric", "policies.add_incentive", "policies.add_metric"]
        )

    def has_reextract_permission(self, request):
        return self.has_change_permission(request) and self.has_review_permission(request)

    @admin.action(description=_("Re-extract the selected articles (replaces only facts still proposed)"),
                  permissions=["reextract"])
    def reextract(self, request, queryset):
        """As a job: thousands of articles take minutes. The editor is sent to its progress page."""
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        job = jobs.start(JobKind.REEXTRACT, reextract_job, params={"ids": ids}, user=request.user)
        level = messages.ERROR if job.state == JobState.FAILED else messages.SUCCESS
        self.message_user(
            request,
            _("Re-extracting %(articles)d articles as job %(job)s; decided facts are left as they are.")
            % {"articles": len(ids), "job": job.pk},
            level,
        )
        return HttpResponseRedirect(reverse("admin:policies_job_change", args=[job.pk]))
