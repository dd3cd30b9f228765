"""A program's life: partial dates as the texts write them, and the life stage they give on a day.

A date is kept as precise as it was written, as an ISO prefix: '2025', '2025-06'
or '2025-06-30'. For comparing, `first_day` reads it as the first day it can
mean and `last_day` as the last: a program launched in 2025 is launched on
2025-01-01 at the earliest, one that runs 到2025年 runs until 2025-12-31.

The stage on a day: ended once its end has passed, announced while its launch
is ahead, in force between, unknown without a launch date. A program that
states no end and was last reported more than STALE_YEARS years before the
day's year (a 2013 article, read in 2025) is unknown too: nobody said it ended,
but nobody has said it still runs; the pages say when it was last reported.
Staff may set the stage by hand (Program.stage), which wins over the dates;
`stage_condition` says the same in the database, for the lists' facet.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from django.db.models import Q

from .choices import Stage

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# A program with no end, last reported in 2021 or before, is not called in force in 2025 (most run three to five years).
STALE_YEARS = 3


def parse(text: str) -> tuple[int, int | None, int | None] | None:
    """'2025-06' → (2025, 6, None); None for anything that is not a valid partial date."""
    if not text or not re.match(PARTIAL_DATE, text):
        return None
    parts = [int(p) for p in text.split("-")]
    year, month, day = (parts + [None, None])[:3]
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def first_day(text: str) -> date | None:
    parsed = parse(text)
    if parsed is None:
        return None
    year, month, day = parsed
    return date(year, month or 1, day or 1)


def last_day(text: str) -> date | None:
    parsed = parse(text)
    if parsed is None:
        return None
    year, month, day = parsed
    if day:
        return date(year, month, day)
    month = month or 12
    return date(year, month, calendar.monthrange(year, month)[1])


def stale_before(today: date) -> date:
    """The day before which a program's last report is too old to call it in force on `today`, if it states no end."""
    return date(today.year - STALE_YEARS, 1, 1)


def derived_stage(launched_on: date | None, ends_on: date | None, today: date,
                  last_reported_on: date | None = None) -> Stage:
    if ends_on is not None and ends_on < today:
        return Stage.ENDED
    if launched_on is None:
        return Stage.UNKNOWN
    if launched_on > today:
        return Stage.ANNOUNCED
    if ends_on is None and last_reported_on is not None and last_reported_on < stale_before(today):
        return Stage.UNKNOWN
    return Stage.IN_FORCE


def stage_condition(stage: Stage, today: date, prefix: str = "") -> Q:
    """Programs (or rows under `prefix`, "program__") in `stage` on `today`: staff's stage, else the dates'."""
    def q(**lookups) -> Q:
        return Q(**{prefix + k: v for k, v in lookups.items()})

    not_ended = q(ends_on__isnull=True) | q(ends_on__gte=today)
    stale = q(ends_on__isnull=True) & q(last_reported_on__lt=stale_before(today))
    derived = {
        Stage.ENDED: q(ends_on__lt=today),
        Stage.ANNOUNCED: q(launched_on__gt=today) & not_ended,
        Stage.IN_FORCE: q(launched_on__lte=today) & not_ended & ~stale,
        Stage.UNKNOWN: (q(launched_on__isnull=True) & not_ended) | (q(launched_on__lte=today) & stale),
    }[stage]
    return q(stage=stage) | (q(stage="") & derived)


def in_force_on(day: date, prefix: str = "") -> Q:
    """Launched by `day` and not ended before it, by the dates (its first and last possible days); with no
    end, reported within STALE_YEARS of it."""
    def q(**lookups) -> Q:
        return Q(**{prefix + k: v for k, v in lookups.items()})

    recent = q(last_reported_on__isnull=True) | q(last_reported_on__gte=stale_before(day))
    return q(launched_on__lte=day) & ((q(ends_on__isnull=True) & recent) | q(ends_on__gte=day))
