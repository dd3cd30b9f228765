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

from .choices import Origin, Status, choices_check


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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at", "pinyin"])

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
        indexes = [
            # The programs list sorts names in pinyin order (?sort=name).
            models.Index(fields=["pinyin", "name"], name="program_pinyin_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Derived from the name, like a fact's year from its period: every writer goes through here
        # (the import's get_or_create, the admin's rename and merge).
        self.pinyin = pinyin_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "pinyin"}
        super().save(*args, **kwargs)

    def all_names(self):
        return [self.name, *self.aliases]
