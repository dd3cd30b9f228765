"""Named programs of a district and the incentives they offer."""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from policies.choices import IncentiveKind, Origin, Status, choices_check
from policies.models import Fact


class TargetGroup(models.Model):
    """Whom an offer is for; the rows are created by a migration, codes are fixed."""

    code = models.SlugField(_("code"), max_length=30)
    name_zh = models.CharField(_("Chinese name"), max_length=30)
    name_en = models.CharField(_("English name"), max_length=50)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["code"], name="target_group_unique_code")]

    def __str__(self):
        return self.name_zh


class ProgramQuerySet(models.QuerySet):
    def in_district(self, district):
        return self.filter(district=district)

    def visible(self):
        return self.exclude(status=Status.REJECTED)


class Program(models.Model):
    """A named initiative a district runs: 学子回家, 海河英才, 头雁计划 …"""

    name = models.CharField(_("name"), max_length=100, help_text=_("Canonical name, without quotes or district prefix."))
    aliases = models.JSONField(
        _("aliases"), default=list, blank=True, help_text=_("Other names the articles use: 丰台·学子回家 …")
    )
    district = models.ForeignKey(
        "districts.District", on_delete=models.PROTECT, null=True, blank=True,
        related_name="programs", verbose_name=_("district"),
    )
    articles = models.ManyToManyField(
        "policies.Article", through="Mention", related_name="programs", verbose_name=_("articles")
    )
    groups = models.ManyToManyField(TargetGroup, blank=True, related_name="programs", verbose_name=_("target groups"))
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="program_unique_name_in_district"),
            models.CheckConstraint(condition=~Q(name=""), name="program_name_not_empty"),
            models.CheckConstraint(condition=choices_check("status", Status), name="program_status_valid"),
            models.CheckConstraint(condition=choices_check("origin", Origin), name="program_origin_valid"),
        ]

    def __str__(self):
        return self.name

    def all_names(self):
        return [self.name, *self.aliases]


class Mention(models.Model):
    """Where an article names a program: the link from a program to its sentence."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey("policies.Article", on_delete=models.CASCADE, related_name="mentions")
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    quote = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["article", "span_start"]
        constraints = [
            models.UniqueConstraint(fields=["program", "article"], name="mention_unique_program_article"),
            models.CheckConstraint(condition=Q(span_end__gt=models.F("span_start")), name="mention_span_not_empty"),
        ]

    def __str__(self):
        return self.quote


class Incentive(Fact):
    """An offer to talent: apartments, workstations, office space, funds, subsidies …"""

    kind = models.CharField(_("kind"), max_length=20, choices=IncentiveKind.choices)
    label = models.CharField(_("label"), max_length=100, blank=True, help_text=_("What is offered, as written: 人才公寓."))
    groups = models.ManyToManyField(TargetGroup, blank=True, related_name="incentives", verbose_name=_("target groups"))

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

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
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.quote}"
