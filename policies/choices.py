"""The vocabularies of facts (shared/eval/SCHEMA.md): unit, qualifier, incentive kind; and of jobs.

Status and origin, which programs share, are in programs.choices.
"""
from django.utils.translation import gettext_lazy as _

from programs.choices import ParsableChoices


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


class JobKind(ParsableChoices):
    """What a job does (policies.jobs)."""

    IMPORT = "import", _("import articles")
    REEXTRACT = "reextract", _("re-extract articles")
    DOWNLOAD = "download", _("build a download")


class JobState(ParsableChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")
