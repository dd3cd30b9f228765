"""The review vocabularies that programs and facts share (shared/eval/SCHEMA.md).

Values are what the export and the URLs carry; labels are what people read.
`parse` takes a value that arrived from outside (a URL, a CSV) and returns the
member or None, never raising. The vocabularies of facts alone (unit,
qualifier, incentive kind) build on these in policies.choices.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class ParsableChoices(models.TextChoices):
    @classmethod
    def parse(cls, value):
        try:
            return cls(value)
        except ValueError:
            return None


class Status(ParsableChoices):
    PROPOSED = "proposed", _("proposed")
    VERIFIED = "verified", _("verified")
    REJECTED = "rejected", _("rejected")


class Origin(ParsableChoices):
    EXTRACTED = "extracted", _("extracted")
    MANUAL = "manual", _("entered by hand")
    CORRECTED = "corrected", _("corrected by hand")


def choices_check(field: str, choices: type[models.TextChoices]) -> models.Q:
    """The condition of a CheckConstraint that keeps `field` inside `choices`."""
    return models.Q(**{f"{field}__in": choices.values})


class Stage(ParsableChoices):
    """Where a program is in its life (not its review status): derived from its dates, or set by staff."""

    ANNOUNCED = "announced", _("announced")
    IN_FORCE = "in_force", _("in force")
    ENDED = "ended", _("ended")
    UNKNOWN = "unknown", _("unknown")
