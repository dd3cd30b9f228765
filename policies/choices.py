"""The vocabularies of the knowledge base (shared/eval/SCHEMA.md).

Values are what the export and the URLs carry; labels are what people read.
`parse` takes a value that arrived from outside (a URL, a CSV) and returns the
member or None, never raising.
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


class Unit(ParsableChoices):
    COUNT = "count", _("count")
    CNY = "CNY", _("yuan")
    M2 = "m2", _("m²")
    DAY = "day", _("days")
    MONTH = "month", _("months")
    YEAR = "year", _("years")
    PERCENT = "percent", _("percent")


class Qualifier(ParsableChoices):
    EQ = "eq", _("exactly")
    GT = "gt", _("more than")
    GE = "ge", _("at least")
    LT = "lt", _("just under")
    LE = "le", _("up to")
    APPROX = "approx", _("about")

    @property
    def symbol(self):
        return {"eq": "", "gt": ">", "ge": "≥", "lt": "<", "le": "≤", "approx": "≈"}[self.value]


class Status(ParsableChoices):
    PROPOSED = "proposed", _("proposed")
    VERIFIED = "verified", _("verified")
    REJECTED = "rejected", _("rejected")


class Origin(ParsableChoices):
    EXTRACTED = "extracted", _("extracted")
    MANUAL = "manual", _("entered by hand")
    CORRECTED = "corrected", _("corrected by hand")


class IncentiveKind(ParsableChoices):
    APARTMENT = "apartment", _("talent apartments")
    WORKSTATION = "workstation", _("workstations")
    OFFICE_SPACE = "office_space", _("office space")
    FUND = "fund", _("funds")
    SUBSIDY = "subsidy", _("subsidies and awards")
    RENT_FREE_PERIOD = "rent_free_period", _("rent-free period")
    JOBS = "jobs", _("jobs")
    SERVICE_ORG = "service_org", _("service organisations")
    OTHER = "other", _("other offers")


def choices_check(field: str, choices: type[models.TextChoices]) -> models.Q:
    """The condition of a CheckConstraint that keeps `field` inside `choices`."""
    return models.Q(**{f"{field}__in": choices.values})
