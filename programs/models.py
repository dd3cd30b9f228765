"""Named programs of a district (学子回家, 海河英才 …) and the target groups they are for.

The articles that name a program and the facts that belong to it are in
policies, which points here: `program.articles`, `program.mentions`,
`program.incentive_set` are declared from that side.
"""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy as _
from pypinyin import Style, lazy_pinyin
from simple_history.models import HistoricalRecords

from . import lifecycle
from .choices import Origin, Stage, Status, choices_check


class TargetGroupManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class TargetGroup(models.Model):
    """Whom an offer is for; the rows are created by a migration, codes are fixed."""

    code = models.SlugField(_("code"), max_length=30)
    name = models.CharField(
        _("name"), max_length=50,
        help_text=_("The English name; other languages translate it in locale/ (programs.groups lists them)."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = TargetGroupManager()

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["code"], name="target_group_unique_code")]

    def __str__(self):
        return self.translated_name

    def natural_key(self):
        """A backup names a target group by its code (policies.backup)."""
        return (self.code,)

    @property
    def translated_name(self) -> str:
        """The name in the reader's language."""
        return gettext(self.name)


DATE_MESSAGE = _("Write the date as 2024, 2024-11 or 2024-11-22.")  # what the forms say of a date as well

PINYIN_LENGTH = 400  # a 100-character name's syllables with tones and spaces


def pinyin_key(name: str) -> str:
    """学子回家 → 'xue2 zi3 hui2 jia1': names sort by this in dictionary order (syllable by
    syllable, a tone after its letters: xi1 an1 < xian1), not by code point. Letters and
    digits stay as written, lower-cased."""
    return " ".join(lazy_pinyin(name, style=Style.TONE3, neutral_tone_with_five=True)).lower()[:PINYIN_LENGTH]


class ProgramQuerySet(models.QuerySet):
    def in_district(self, district):
        return self.filter(district=district)

    def visible(self):
        return self.exclude(status=Status.REJECTED)

    def in_stage(self, stage, today):
        return self.filter(lifecycle.stage_condition(stage, today))

    def named(self, name: str):
        """The program called `name`, by its name or else by one of its aliases; None if
        none is. Read in Python (a district has a handful): a JSON list of aliases is not
        searched alike on every database."""
        found = [program for program in self if name in program.all_names()]
        return min(found, key=lambda program: program.name != name, default=None)


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
    groups = models.ManyToManyField(TargetGroup, blank=True, related_name="programs", verbose_name=_("target groups"))
    pinyin = models.CharField(
        max_length=PINYIN_LENGTH, blank=True, editable=False,
        help_text="The name's pinyin with tones (pinyin_key), written on save: lists sort names by it.",
    )
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    # Its life (programs.lifecycle): dates as precise as written, read from the
    # articles unless staff set them, and a stage staff may set over the dates'.
    launched = models.CharField(
        _("launched"), max_length=10, blank=True,
        help_text=_("When it began, as precise as written: 2024, 2024-11 or 2024-11-22. "
                    "Read from its first article, or from the start date a text gives."),
    )
    ends = models.CharField(
        _("ends"), max_length=10, blank=True,
        help_text=_("When it ends or its horizon, as precise as written (到2025年 → 2025). Empty: no end stated."),
    )
    dates_by_hand = models.BooleanField(
        _("dates set by hand"), default=False,
        help_text=_("Ticked when staff edit the dates: re-extraction then leaves them as they are."),
    )
    stage = models.CharField(
        _("life stage set by hand"), max_length=10, choices=Stage.choices, blank=True,
        help_text=_("Empty: derived from the dates and the day. Set: shown whatever the dates say, "
                    "and kept through re-extraction."),
    )
    launched_on = models.DateField(null=True, blank=True, editable=False,
                                   help_text="The first day `launched` can mean, for comparing dates.")
    ends_on = models.DateField(null=True, blank=True, editable=False,
                               help_text="The last day `ends` can mean, for comparing dates.")
    last_reported_on = models.DateField(
        null=True, blank=True, editable=False,
        help_text="The last day its newest article's date can mean (policies.lifecycle): long ago, with no end, "
                  "it is not called in force.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.TextField(
        default="", blank=True, editable=False,
        help_text="Name and aliases segmented into space-separated words, for search (written by policies.search).",
    )

    objects = ProgramQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["created_at", "updated_at", "pinyin", "launched_on", "ends_on", "last_reported_on", "search_text"]
    )

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="program_unique_name_in_district"),
            models.CheckConstraint(condition=~Q(name=""), name="program_name_not_empty"),
            models.CheckConstraint(condition=choices_check("status", Status), name="program_status_valid"),
            models.CheckConstraint(condition=choices_check("origin", Origin), name="program_origin_valid"),
            models.CheckConstraint(
                condition=Q(launched="") | Q(launched__regex=lifecycle.PARTIAL_DATE), name="program_launched_iso",
                violation_error_message=DATE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(ends="") | Q(ends__regex=lifecycle.PARTIAL_DATE), name="program_ends_iso",
                violation_error_message=DATE_MESSAGE,
            ),
            models.CheckConstraint(condition=Q(stage="") | choices_check("stage", Stage), name="program_stage_valid"),
        ]
        indexes = [
            # The life-stage facet and the "in force on" filter compare these dates.
            models.Index(fields=["launched_on", "ends_on"], name="program_life_dates_idx"),
            # The programs list sorts names in pinyin order (?sort=name).
            models.Index(fields=["pinyin", "name"], name="program_pinyin_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Derived fields, like a fact's year from its period: every writer goes through here
        # (the import's get_or_create, the admin's rename and merge). The pinyin of the name, for
        # sorting; the first and last days the dates as written can mean, for comparing.
        self.pinyin = pinyin_key(self.name)
        self.launched_on, self.ends_on = lifecycle.first_day(self.launched), lifecycle.last_day(self.ends)
        if kwargs.get("update_fields") is not None:
            fields = set(kwargs["update_fields"])
            if "name" in fields:
                fields.add("pinyin")
            if {"name", "aliases"} & fields:
                fields.add("search_text")  # written by a pre_save receiver of the layer above (policies.search)
            if {"launched", "ends"} & fields:
                fields |= {"launched_on", "ends_on"}
            kwargs["update_fields"] = fields
        super().save(*args, **kwargs)

    def life_stage(self, today) -> Stage:
        """Staff's stage if set, else the one its dates give on `today`."""
        return Stage.parse(self.stage) or lifecycle.derived_stage(
            self.launched_on, self.ends_on, today, self.last_reported_on)

    def all_names(self):
        return [self.name, *self.aliases]
