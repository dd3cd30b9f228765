"""The talent finder's ranking: which districts offer most to someone like me.

A person says who they are (target groups), what they need (incentive kinds),
where (provinces, cities, districts) and how recent (announced since a year).
An offer matches when it is not rejected, is of a needed kind, is for one of
the person's groups (or, naming none, its program's are) or names no group at all
and its program none either (then it is open to all), lies
in one of the places and was announced since the year. A range, which the
extractor files as two facts on one quote (at least 300万, up to 500万), is one
offer. Each matching offer weighs

    KIND_WEIGHTS[kind] × recency(year) × (VERIFIED_FACTOR if verified else 1)

and a district's score is the sum over its matching offers. A fund (a 5亿元
guidance fund, a talent development fund) is the district's pool, not money a
person receives: it weighs nothing, however large, and is shown as such.
Districts are ranked by score, then by the most money one offer gives a person
in a year (`money_a_year`: a subsidy or award in yuan, 每月 counted twelve
times), then by their verified offers, then by adcode. Scores are whole
numbers, summed in the database (one GROUP BY query), so the order is the same
on SQLite and PostgreSQL and tests can recompute it in Python; the money of
the districts whose scores tie is read in one more query, with the words that
say how often it is paid.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (BooleanField, Case, Count, Exists, ExpressionWrapper, F, IntegerField, OuterRef, Q,
                              QuerySet, Subquery, Sum, Value, When, Window)
from django.db.models.functions import Coalesce, Greatest, RowNumber, Substr

from districts.lookup import city_condition, place as place_condition
from programs.choices import Status
from programs.models import Program

from .choices import IncentiveKind, Qualifier, Unit
from .extraction.payments import payment_rate
from .models import Incentive

# What an offer of each kind is worth to a person who needs it: a home and
# money decide a move, a desk or an office help, a job list or a service less;
# a district's fund pool is no money of theirs.
KIND_WEIGHTS = {
    IncentiveKind.APARTMENT: 3,
    IncentiveKind.SUBSIDY: 3,
    IncentiveKind.RENT_FREE_PERIOD: 2,
    IncentiveKind.WORKSTATION: 2,
    IncentiveKind.OFFICE_SPACE: 2,
    IncentiveKind.JOBS: 1,
    IncentiveKind.SERVICE_ORG: 1,
    IncentiveKind.OTHER: 1,
    IncentiveKind.FUND: 0,
}
# Money a person can get: subsidies and awards in yuan (a range by its high end).
PERSONAL_MONEY = Q(kind=IncentiveKind.SUBSIDY, unit=Unit.CNY)
# Money is compared a year's worth against a year's worth: no field says how often it is paid, its
# sentence does (每月2000元, 2万元/年, 一次性: extraction/payments.py, as the page shows it beside the
# figure), so 每月2000元 is 24,000 a year and comes before a one-off 1万元, not after it. Paid once,
# each year, or as the sentence does not say: the sum as written, what a person receives in a year.
PAYMENTS_A_YEAR = {"month": 12}
RATE_WORDS = 80  # characters read on each side of a quote for the words that say how often it is paid
VERIFIED_FACTOR = 2  # an editor checked it: it counts twice
NEWEST = 6  # an offer of this year (or later) weighs 6, each year older one less, never below 1


def recency(year: int | None, this_year: int) -> int:
    """6 for this year's offers (or a later year's), one less per year back, at least 1; 1 without a year."""
    if year is None:
        return 1
    return max(1, NEWEST - max(0, this_year - year))


@dataclass(frozen=True)
class Wanted:
    """What a person asked for; every part optional (nothing asked: every offer matches)."""

    groups: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()  # adcodes
    cities: tuple[str, ...] = ()  # adcodes or names
    districts: tuple[str, ...] = ()  # adcodes, names or pinyin
    since: int | None = None

    @property
    def places(self) -> bool:
        return bool(self.provinces or self.cities or self.districts)


def _own_groups(**where) -> Exists:
    return Exists(Incentive.groups.through.objects.filter(incentive=OuterRef("pk"), **where))


def _program_groups(**where) -> Exists:
    return Exists(Program.groups.through.objects.filter(program=OuterRef("program"), **where))


def open_to_all() -> Q:
    """An offer naming no target group, of no program that names one: it counts as open to every person."""
    return ~_program_groups() & ~_own_groups()


def for_groups(codes) -> Q:
    """An offer for one of these groups: by its own groups, or, naming none, by its program's
    (学子回家's flats are for graduates although their sentence names nobody)."""
    # The program's groups first: PostgreSQL hashes that subquery once and asks whether the offer names
    # none only of the few offers whose program is for the groups, not of every offer (AND keeps its order).
    return _own_groups(targetgroup__code__in=codes) | (
        _program_groups(targetgroup__code__in=codes) & ~_own_groups())


def _range_end(qualifier: str) -> QuerySet:
    """The shown fact on the same words, of the same kind, with this qualifier: the other end of a
    range, which the extractor files as two facts on one quote (at least 300万, up to 500万)."""
    return Incentive.objects.visible().filter(
        article=OuterRef("article"), kind=OuterRef("kind"), span_start=OuterRef("span_start"),
        span_end=OuterRef("span_end"), qualifier=qualifier)


def place_of(wanted: Wanted) -> Q | None:
    """One condition for all the places asked: a province, a city or a district (any of them)."""
    parts = []
    if wanted.provinces:
        parts.append(Q(district__province_adcode__in=wanted.provinces))
    for city in wanted.cities:
        parts.append(city_condition(city, prefix="district__"))
    for name in wanted.districts:
        found = place_condition(name, prefix="district__")
        if found is not None:
            parts.append(found)
    if not parts:
        return Q(pk__in=[]) if wanted.places else None
    combined = parts[0]
    for part in parts[1:]:
        combined |= part
    return combined


def for_person(wanted: Wanted) -> Q:
    """The offers for the person, wherever they are: of the needed kinds, for their groups (or open to all),
    announced since the year. The comparison the finder links to shows these too."""
    condition = Q()
    if wanted.needs:
        condition &= Q(kind__in=wanted.needs)
    if wanted.groups:
        condition &= for_groups(wanted.groups) | open_to_all()
    if wanted.since:
        # Partial ISO dates ('2024', '2024-11-22') compare as text: '2024' sorts before '2024-…'.
        condition &= Q(article__published__gte=str(wanted.since))
    return condition


def matching(wanted: Wanted) -> QuerySet:
    """The offers that match: visible, in a district, of the needed kinds, for the groups, places and years."""
    # a range is one offer: its high end counts with its low end
    offers = Incentive.objects.visible().filter(district__isnull=False).exclude(
        Q(qualifier=Qualifier.LE) & Exists(_range_end(Qualifier.GE)))
    offers = offers.filter(for_person(wanted))
    place = place_of(wanted)
    if place is not None:
        offers = offers.filter(place)
    return offers


def weight(this_year: int):
    """An offer's weight as a database expression (the formula of the module's docstring)."""
    kind = Case(
        *(When(kind=k, then=Value(w)) for k, w in KIND_WEIGHTS.items()),
        default=Value(1), output_field=IntegerField(),
    )
    recent = Case(
        When(year__gte=this_year, then=Value(NEWEST)),
        *(When(year=this_year - back, then=Value(NEWEST - back)) for back in range(1, NEWEST - 1)),
        default=Value(1), output_field=IntegerField(),
    )
    verified = Case(When(status=Status.VERIFIED, then=Value(VERIFIED_FACTOR)), default=Value(1),
                    output_field=IntegerField())
    return kind * recent * verified


def scores(wanted: Wanted, this_year: int) -> QuerySet:
    """[{district, score, offers, verified, adcode}], one row per district with a matching offer: one query,
    however many offers and districts."""
    return (
        matching(wanted).order_by()
        .values("district")
        .annotate(
            score=Sum(weight(this_year), output_field=IntegerField()),
            offers=Count("pk"),
            verified=Count("pk", filter=Q(status=Status.VERIFIED)),
            adcode=F("district__adcode"),
        )
    )


def ranking(wanted: Wanted, this_year: int) -> list[dict]:
    """[{district, score, offers, verified, adcode}], best first: the scores, and for districts whose
    scores tie, the most money one offer gives a person in a year (two queries at most)."""
    rows = list(scores(wanted, this_year))
    per_score = Counter(row["score"] for row in rows)
    tied = [row["district"] for row in rows if per_score[row["score"]] > 1]
    money = money_a_year(wanted, tied) if tied else {}
    return sorted(rows, key=lambda r: (-r["score"], -money.get(r["district"], 0), -r["verified"], r["adcode"]))


def money_a_year(wanted: Wanted, district_ids) -> dict[int, Decimal]:
    """{district id: the most money one matching offer gives a person in a year} (PAYMENTS_A_YEAR),
    a range by its high end; districts without such money are left out. One query: each subsidy
    with the words around its quote."""
    start = Greatest(F("span_start") - RATE_WORDS, Value(0))
    offers = (
        matching(wanted).filter(PERSONAL_MONEY, district__in=district_ids).order_by()
        .annotate(
            high=Coalesce("value_max", Case(When(qualifier=Qualifier.GE, then=Subquery(
                _range_end(Qualifier.LE).values("value")[:1]))), "value"),
            before=Substr("article__text", start + 1, F("span_start") - start),
            after=Substr("article__text", F("span_end") + 1, RATE_WORDS),
        )
        .values_list("district", "high", "quote", "before", "after")
    )
    most: dict[int, Decimal] = {}
    for district, high, quote, before, after in offers:
        yearly = Decimal(high) * PAYMENTS_A_YEAR.get(payment_rate(before or "", quote, after or ""), 1)
        most[district] = max(most.get(district, yearly), yearly)
    return most


def best_first():
    """The order of a district's offers: verified first, then the weightiest, the newest, the largest."""
    return [
        Case(When(status=Status.VERIFIED, then=Value(0)), default=Value(1), output_field=IntegerField()).asc(),
        F("weight").desc(), F("year").desc(), F("value").desc(), F("pk").asc(),
    ]


def best_offer_ids(wanted: Wanted, district_ids, this_year: int, per_district: int) -> list[int]:
    """The ids of each district's `per_district` best matching offers, best first (a big district matches
    thousands). One query; the window sorts only the columns it orders by, not the rows to be shown."""
    return list(
        matching(wanted).filter(district__in=district_ids)
        .annotate(weight=weight(this_year))
        .annotate(place_in_district=Window(RowNumber(), partition_by=F("district"), order_by=best_first()))
        .filter(place_in_district__lte=per_district)
        .order_by(*best_first())
        .values_list("pk", flat=True)
    )


def offers_of(ids, this_year: int) -> QuerySet:
    """These offers (best_offer_ids), best first, each with its `weight`, `open_to_all` and, for the low end
    of a range, `range_high`, its high end's value; three queries (the offers, their groups, their
    programs' groups)."""
    return (
        Incentive.objects.filter(pk__in=ids)
        .annotate(weight=weight(this_year), open_to_all=ExpressionWrapper(open_to_all(), output_field=BooleanField()),
                  range_high=Case(When(qualifier=Qualifier.GE, then=Subquery(_range_end(Qualifier.LE).values("value")[:1]))))
        .select_related("article", "program")
        .defer("article__text", "article__search_text")
        .prefetch_related("groups", "program__groups")
        .order_by(*best_first())
    )
