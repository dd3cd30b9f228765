"""Source articles and everything read from them: program mentions and facts; and the jobs that work on them.

A fact (an incentive, a metric) always points at the article and the span of
text it was read from, and records where it came from (the extractor or a
person) and whether a person has reviewed it.
"""
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, NullIf, Substr
from django.utils.translation import gettext, gettext_lazy as _, pgettext_lazy
from simple_history.models import HistoricalRecords

from programs.choices import Origin, Status, choices_check
from programs.lifecycle import PARTIAL_DATE
from programs.models import DATE_MESSAGE, Program, TargetGroup

from .choices import IncentiveKind, JobKind, JobState, Qualifier, Unit
from .formatting import is_chinese


# A source URL is a web page: a javascript: or data: URL saved as one would run
# when a reader clicks the link.
WEB_SCHEMES = ("http", "https")
web_url = URLValidator(schemes=list(WEB_SCHEMES))


class ArticleQuerySet(models.QuerySet):
    def in_district(self, district):
        return self.filter(districts=district)


class Article(models.Model):
    title = models.CharField(_("title"), max_length=300, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published = models.CharField(
        _("published"),
        max_length=10,
        blank=True,
        help_text=_("ISO date or the part of it the text states: 2024, 2024-11 or 2024-11-22."),
    )
    source_file = models.CharField(_("source file"), max_length=255, blank=True)
    source_url = models.URLField(
        _("source URL"), max_length=500, blank=True, validators=[web_url],
        help_text=_("Where the announcement was published: an http:// or https:// address."),
    )
    text = models.TextField(_("text"), help_text=_("The article as published; facts point into it."))
    sha256 = models.CharField(
        _("checksum"),
        max_length=64,
        editable=False,
        help_text=_("SHA-256 of the normalised text: the same announcement is stored once."),
    )
    districts = models.ManyToManyField(
        "districts.District", related_name="articles", blank=True, verbose_name=_("districts")
    )
    # Declared here, the upper layer, so that programs need not know articles;
    # `program.articles` reads the same relation from the other side.
    programs = models.ManyToManyField(
        Program, through="Mention", related_name="articles", verbose_name=_("programs")
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    search_text = models.TextField(
        default="", blank=True, editable=False,
        help_text="Title and text segmented by jieba into space-separated words, for search (policies.search).",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published", "-imported_at"]
        indexes = [
            # The article list's default order, newest first (?sort=-published), is indexed by
            # migration 0011 (NULLS LAST is PostgreSQL's alone); its other sorts:
            models.Index(fields=["title", "id"], name="article_title_order_idx"),
            models.Index(fields=["publisher", "id"], name="article_publisher_order_idx"),
            # A district's newest articles (the district page) and the home page's: walked in this order,
            # each probed in the district's links, instead of sorting all of a big district's 11,000.
            models.Index(fields=["-published", "-imported_at", "-id"], name="article_newest_idx"),
            # The year facet filters by the year of `published` (talentkb.selectors.articles: pub_year).
            models.Index(NullIf(Substr("published", 1, 4), Value("")), name="article_year_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["sha256"], name="article_unique_checksum"),
            models.CheckConstraint(
                condition=Q(published="") | Q(published__regex=PARTIAL_DATE),
                name="article_published_iso",
                violation_error_message=DATE_MESSAGE,
            ),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        """The title, never empty and never the file name: the import names a
        nameless text from its words (policies.details), so this fallback is
        only for a row written some other way."""
        return self.title or gettext("Announcement #%(id)s") % {"id": self.pk}

    @property
    def source_link(self) -> str:
        """The source URL if it is safe to link to (http or https), else "".
        Templates link this, never source_url: a row written without model
        validation (a script, raw SQL, an old backup) may hold anything."""
        # urlsplit drops the tabs, newlines and leading blanks that browsers
        # ignore too, so "java\tscript:" is seen as javascript.
        return self.source_url if urlsplit(self.source_url).scheme.lower() in WEB_SCHEMES else ""

    @property
    def year(self):
        return int(self.published[:4]) if self.published else None


class Mention(models.Model):
    """Where an article names a program: the link from a program to its sentence."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    quote = models.CharField(max_length=200)
    # What the mention's sentence says of the program's dates (policies.dates), the machine's reading.
    launched = models.CharField(_("starts"), max_length=10, blank=True, help_text=_("A start its sentence states."))
    ends = models.CharField(_("ends"), max_length=10, blank=True, help_text=_("An end or horizon its sentence states."))
    dates_quote = models.CharField(_("words of the dates"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["article", "span_start"]
        constraints = [
            models.UniqueConstraint(fields=["program", "article"], name="mention_unique_program_article"),
            models.CheckConstraint(condition=Q(span_end__gt=F("span_start")), name="mention_span_not_empty"),
        ]

    def __str__(self):
        return self.quote


def _name_in_language(obj) -> str:
    """The Chinese or the English name, in the reader's language."""
    return obj.name_zh if is_chinese() else (obj.name_en or obj.name_zh)


class ByCode(models.Manager):
    """Rows a backup names by their code (policies.backup): migrations create them in every database."""

    def get_by_natural_key(self, code):
        return self.get(code=code)


class IndicatorCategory(models.Model):
    """A heading of the indicator vocabulary: talent stock, housing, enterprises …"""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=60)
    name_en = models.CharField(_("English name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Order on /compare/."))
    # What indicators.json said at the last sync, so that a re-sync tells a
    # staff edit from an old file value (policies.indicators.sync_vocabulary).
    synced = models.JSONField(default=dict, blank=True, editable=False)

    name = property(_name_in_language)

    objects = ByCode()

    class Meta:
        verbose_name = _("indicator category")
        verbose_name_plural = _("indicator categories")
        ordering = ["position", "code"]

    def natural_key(self):
        return (self.code,)

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """A comparable quantity behind many wordings (人才总量, 人才资源总量 …), so that
    districts line up on one row of /compare/. Loaded from
    policies/extraction/indicators.json; staff correct names and wordings here."""

    code = models.CharField(
        _("code"), max_length=60, validators=[RegexValidator(r"^[a-z][a-z0-9_]*$")],
        help_text=_("Stable: the export and the URLs carry it. Lower case and underscores."),
    )
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    category = models.ForeignKey(
        IndicatorCategory, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("category")
    )
    wordings = models.JSONField(
        _("wordings"), default=list, blank=True,
        help_text=_("How articles name it, one per line. The extractor matches the wordings of "
                    "indicators.json; to send one label to this indicator from now on, "
                    "add an indicator mapping."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    synced = models.JSONField(default=dict, blank=True, editable=False)

    name = property(_name_in_language)

    objects = ByCode()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["category__position", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="indicator_unique_code"),
            models.CheckConstraint(condition=choices_check("unit", Unit), name="indicator_unit_valid"),
        ]

    def natural_key(self):
        return (self.code,)

    def __str__(self):
        return f"{self.name} ({self.code})"


class IndicatorMapping(models.Model):
    """A person's decision that metrics labelled `label` in `unit` measure `indicator`
    (or none): applied to every later import and re-extraction, over the extractor's guess."""

    label = models.CharField(_("label"), max_length=100, help_text=_("The metric label exactly as written."))
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, null=True, blank=True, related_name="mappings",
        verbose_name=_("indicator"), help_text=_("Empty: such metrics have no indicator."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("made by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("indicator mapping")
        verbose_name_plural = _("indicator mappings")
        ordering = ["label", "unit"]
        constraints = [
            # The import looks a metric's mapping up by its label and unit.
            models.UniqueConstraint(fields=["label", "unit"], name="indicatormapping_unique_label_unit"),
            models.CheckConstraint(condition=choices_check("unit", Unit), name="indicatormapping_unit_valid"),
        ]

    def __str__(self):
        return f"{self.label} → {self.indicator.code if self.indicator_id else '∅'}"


def fact_year(period: str, article: Article) -> int | None:
    """The year a fact is filed under: the first year of its period, else its article's."""
    return int(period[:4]) if period[:4].isdigit() else article.year


def summary_keys(*row) -> list:
    """A summary's group (talentkb/summaries.py): the district, the row's keys, the unit and measure word."""
    return [F("district_id"), *(F(k) if isinstance(k, str) else k for k in row), F("unit"), F("measure")]


# A metric's indicator in a summary's group, 0 for none: PostgreSQL reads an index in order after `= 0`,
# not after `IS NULL`.
ROW_INDICATOR = Coalesce("indicator_id", Value(0))


# The orders a summary reads a group's latest and largest fact in (talentkb/summaries.py), and its indexes'.
# A fact without a year comes last (year 0): an index cannot say NULLS LAST on SQLite.
LATEST_ORDER = [F("target").asc(), Coalesce("year", Value(0)).desc(), F("id").desc()]
LARGEST_ORDER = [Coalesce("value_max", "value").desc(), F("id").desc()]


class FactQuerySet(models.QuerySet):
    def visible(self):
        """What the public pages show: everything a person has not rejected."""
        return self.exclude(status=Status.REJECTED)

    def in_district(self, district):
        return self.filter(district=district)

    def with_article(self, text: bool = False):
        """Each fact's article in the same query, without its search words, and
        without its text unless asked for (search shows each quote in its sentence)."""
        heavy = ["article__search_text"] if text else ["article__text", "article__search_text"]
        return self.select_related("article").defer(*heavy)

    def machine_owned(self):
        """Facts the extractor may replace: proposed by it and untouched by a person."""
        return self.filter(origin=Origin.EXTRACTED, status=Status.PROPOSED)


def fact_list_indexes(prefix: str) -> list:
    """What the incentive and metric lists sort and filter by (talentkb.lists.columns, filters)."""
    return [
        # The default order, newest period first (?sort=-period: year, period, published), is indexed by
        # migrations 0011 and 0012 (NULLS LAST is PostgreSQL's alone): a page's rows read in index order;
        # the visible facts alone by 0017, so that a deep page skips rows in the index only.
        # ?sort=value and ?sort=-value.
        models.Index(fields=["value", "value_max", "id"], name=f"{prefix}_value_order_idx"),
        # ?status=verified, alone or with a district.
        models.Index(fields=["status", "district"], name=f"{prefix}_status_district_idx"),
        # ?sort=program: the rows of each program together (the program's pinyin is in its own index).
        models.Index(fields=["program", "id"], name=f"{prefix}_program_order_idx"),
    ]


class Fact(models.Model):
    """A quantified statement of an article, with its quote and provenance."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, verbose_name=_("article"))
    district = models.ForeignKey(
        "districts.District", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district")
    )
    program = models.ForeignKey(
        Program, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("program")
    )
    value = models.DecimalField(_("value"), max_digits=22, decimal_places=4)
    value_max = models.DecimalField(
        _("upper value"), max_digits=22, decimal_places=4, null=True, blank=True,
        help_text=_("Upper end of a range such as 5万元至20万元; empty for a single figure."),
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    measure = models.CharField(
        _("measure word"), max_length=10, blank=True, help_text=_("套, 个, 家, 人 … for counts; as written, 亩 or 公顷 for land (the value in m²) and 折 for a price (the value in percent).")
    )
    qualifier = models.CharField(_("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EQ)
    period = models.CharField(
        _("period"), max_length=20, blank=True, help_text=_("2023, 2024Q1 or 2024-01..2024-04.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, editable=False,
        help_text=_("First year of the period, else of the article; kept for the year filter."),
    )
    # The article's date beside the fact's own period: the lists sort by (year, period, this) from one
    # index; through the article, the newest page of a million facts took a second (docs/performance.md).
    published = models.CharField(
        _("article published"), max_length=10, blank=True, editable=False,
        help_text=_("The article's date, kept for sorting by period."),
    )
    target = models.BooleanField(_("target"), default=False, help_text=_("A goal (到2025年, 力争), not a report."))
    span_start = models.PositiveIntegerField(_("quote start"))
    span_end = models.PositiveIntegerField(_("quote end"))
    quote = models.TextField(_("quote"), help_text=_("The shortest span of the article that states the figure."))
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    extraction_key = models.CharField(
        max_length=200, blank=True, editable=False,
        help_text=_("What the extractor proposed, so that re-extraction never proposes it again."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.TextField(
        default="", blank=True, editable=False,
        help_text="Quote and label segmented by jieba into space-separated words, for search (policies.search).",
    )

    objects = FactQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["article", "span_start"]

    @classmethod
    def base_constraints(cls, prefix: str) -> list:
        return [
            models.CheckConstraint(condition=Q(span_end__gt=F("span_start")), name=f"{prefix}_span_not_empty"),
            models.CheckConstraint(condition=choices_check("unit", Unit), name=f"{prefix}_unit_valid"),
            models.CheckConstraint(condition=choices_check("qualifier", Qualifier), name=f"{prefix}_qualifier_valid"),
            models.CheckConstraint(condition=choices_check("status", Status), name=f"{prefix}_status_valid"),
            models.CheckConstraint(condition=choices_check("origin", Origin), name=f"{prefix}_origin_valid"),
            models.CheckConstraint(
                condition=Q(value_max__isnull=True) | Q(value_max__gte=F("value")), name=f"{prefix}_range_ordered",
                violation_error_message=_("The upper value is below the value."),
            ),
        ]

    def save(self, *args, **kwargs):
        self.year = self.derive_year()
        self.published = self.article.published if self.article_id else ""
        # policies.search's pre_save receiver derives the search words from the quote and label.
        if kwargs.get("update_fields") is not None and {"quote", "label"} & set(kwargs["update_fields"]):
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def derive_year(self):
        return fact_year(self.period, self.article) if self.article_id else None

    @property
    def anchor(self) -> str:
        """'incentive-12': the id of the fact's mark on its article page, and its key on the review screen."""
        return f"{self._meta.model_name}-{self.pk}"

    @property
    def qualifier_symbol(self):
        return Qualifier(self.qualifier).symbol


def copy_article_dates(facts=None, article=None) -> None:
    """Set each fact's `published` to its article's date: after a restore (a backup made before the
    copy existed holds none) or after an article's date was edited."""
    for model in (Incentive, Metric):
        rows = model.objects.all() if article is None else model.objects.filter(article=article)
        if article is not None:
            rows.exclude(published=article.published).update(published=article.published)
        else:
            rows.update(published=models.Subquery(
                Article.objects.filter(pk=models.OuterRef("article_id")).values("published")[:1]
            ))


class Incentive(Fact):
    """An offer to talent: apartments, workstations, office space, funds, subsidies …"""

    kind = models.CharField(_("kind"), max_length=20, choices=IncentiveKind.choices)
    label = models.CharField(_("label"), max_length=100, blank=True, help_text=_("What is offered, as written: 人才公寓."))
    groups = models.ManyToManyField(TargetGroup, blank=True, related_name="incentives", verbose_name=_("target groups"))

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at", "published", "search_text"])

    class Meta(Fact.Meta):
        verbose_name = _("incentive")
        verbose_name_plural = _("incentives")
        constraints = [
            *Fact.base_constraints("incentive"),
            models.CheckConstraint(condition=choices_check("kind", IncentiveKind), name="incentive_kind_valid"),
        ]
        indexes = [
            # The incentive list and the comparison filter by district and kind.
            models.Index(fields=["district", "kind"], name="incentive_district_kind_idx"),
            models.Index(fields=["year"], name="incentive_year_idx"),
            *fact_list_indexes("incentive"),
            # ?kind=apartment&year=2024: the facets people combine most; search finds incentives
            # by their kind's names (免租 → rent-free periods) through its leading column too.
            models.Index(fields=["kind", "year"], name="incentive_kind_year_idx"),
            # The district page and the comparison (talentkb/summaries.py): each kind's latest and
            # largest fact per unit, one descent each, however many facts a district holds.
            models.Index(*summary_keys("kind"), *LATEST_ORDER, name="incentive_summary_latest_idx"),
            models.Index(*summary_keys("kind"), *LARGEST_ORDER, name="incentive_summary_largest_idx"),
            # … and counts each group's facts from the index alone (with the status: rejected ones are not shown).
            models.Index(fields=["district", "kind", "unit", "measure", "status"], name="incentive_summary_count_idx"),
            # A program's shown incentives counted (the district page's programs, the program list) from the index alone.
            models.Index(fields=["program", "status"], name="incentive_program_status_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.quote}"


class Metric(Fact):
    """A figure a district reports or sets as a goal: 高新技术企业数量, GDP growth …"""

    label = models.CharField(_("label"), max_length=100, help_text=_("Short label: 高层次人才数量, 地区生产总值同比增长."))
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, null=True, blank=True, related_name="metrics",
        verbose_name=_("indicator"), help_text=_("The comparable quantity it measures; empty where none fits."),
    )

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at", "published", "search_text"])

    class Meta(Fact.Meta):
        verbose_name = _("metric")
        verbose_name_plural = _("metrics")
        constraints = Fact.base_constraints("metric")
        indexes = [
            # District pages and the comparison read a district's metrics by label.
            models.Index(fields=["district", "label"], name="metric_district_label_idx"),
            # The comparison reads the chosen districts' metrics by indicator;
            # the indicator facet counts and filters by the FK's own index.
            models.Index(fields=["district", "indicator"], name="metric_district_indicator_idx"),
            models.Index(fields=["year"], name="metric_year_idx"),
            *fact_list_indexes("metric"),
            # The indicator column sorts by label; the list's "metric" facet filters by it.
            models.Index(fields=["label", "id"], name="metric_label_idx"),
            # ?target=goal, with a year.
            models.Index(fields=["target", "year"], name="metric_target_year_idx"),
            # The district page and the comparison: each indicator's or label's latest and largest figure.
            models.Index(*summary_keys(ROW_INDICATOR, "label"), *LATEST_ORDER, name="metric_summary_latest_idx"),
            models.Index(*summary_keys(ROW_INDICATOR, "label"), *LARGEST_ORDER, name="metric_summary_largest_idx"),
            models.Index(fields=["district", "indicator", "label", "unit", "measure", "status"],
                         name="metric_summary_count_idx"),
        ]

    def __str__(self):
        return f"{self.label}: {self.quote}"


class JobQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state__in=[JobState.QUEUED, JobState.RUNNING])


class Job(models.Model):
    """Long work done in the background (policies.jobs): what it is, how far it
    has got, who asked, and what it made. The task that does the work updates
    its row as it goes, so the admin and the download page show its progress
    whichever worker, on whichever machine, runs it."""

    public_id = models.UUIDField(
        default=uuid.uuid4, editable=False,
        help_text="The id in a public download's address: not guessable, unlike the number.",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=JobKind.choices)
    state = models.CharField(_("state"), max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    params = models.JSONField(_("parameters"), default=dict, help_text=_("What the job was asked to do."))
    key = models.CharField(
        max_length=64, blank=True, editable=False,
        help_text="A download's parameters hashed: the same download asked for again reuses the job.",
    )
    total = models.PositiveIntegerField(_("total"), null=True, blank=True, help_text=_("Items to do, once known."))
    done = models.PositiveIntegerField(_("done"), default=0, help_text=_("Items done so far."))
    message = models.TextField(_("message"), blank=True, help_text=_("The summary, or why the job failed."))
    summary = models.JSONField(_("summary"), default=dict, blank=True, help_text=_("Counts of what the job did."))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("requested by"),
    )
    task_id = models.CharField(_("task id"), max_length=64, blank=True, help_text=_("The queue's id of the task."))
    file_path = models.CharField(_("file"), max_length=500, blank=True, help_text=_("The complete file it built."))
    file_rows = models.PositiveIntegerField(_("rows in the file"), null=True, blank=True)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("asked for at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        # "jobs" alone is already an incentive kind (岗位): work in the background is another word.
        verbose_name = pgettext_lazy("background work", "job")
        verbose_name_plural = pgettext_lazy("background work", "jobs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["public_id"], name="job_unique_public_id"),
            models.CheckConstraint(condition=choices_check("kind", JobKind), name="job_kind_valid"),
            models.CheckConstraint(condition=choices_check("state", JobState), name="job_state_valid"),
            models.CheckConstraint(
                condition=Q(total__isnull=True) | Q(done__lte=F("total")), name="job_done_within_total"
            ),
        ]
        indexes = [
            # A large download asked for again finds its job by key (policies.jobs.reusable_download).
            models.Index(fields=["key", "state"], name="job_key_state_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)

    @property
    def percent(self) -> int | None:
        """Whole percent done, for the progress bar; None while the total is unknown."""
        if not self.total:
            return 100 if self.state == JobState.DONE else None
        return min(100, self.done * 100 // self.total)


class DataVersion(models.Model):
    """One row: a number that changes after every committed write to what the lists show (policies.data_version)."""

    number = models.BigIntegerField(default=1)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="dataversion_single_row")]

    def __str__(self):
        return str(self.number)


class ListCount(models.Model):
    """A list's facet counts and total under one filter state, valid for one data version
    (talentkb.lists.counts): read instead of counting millions of rows on every request."""

    key = models.CharField(max_length=64, primary_key=True, help_text="SHA-256 of the list, its filters and language.")
    version = models.BigIntegerField(help_text="The data version the counts were made at.")
    counts = models.TextField(help_text="JSON: the total and each facet's values with their counts.")

    class Meta:
        indexes = [
            # Entries of past versions are deleted by version when new ones are stored.
            models.Index(fields=["version"], name="listcount_version_idx"),
        ]

    def __str__(self):
        return self.key
