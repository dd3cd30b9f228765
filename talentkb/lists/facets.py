"""Faceted filtering for the research lists, on top of django-filter.

A facet is a URL parameter that may repeat (`?district=110106&district=120103`).
Values of one facet combine with OR, facets with AND. Each value's count is
what the list would hold with every other facet applied and this facet's own
choice left out, so ticking one value never zeroes its siblings. Counts are
database aggregates, one query per facet whatever the number of rows:
`Count(filter=Q(...))` for fixed vocabularies, GROUP BY for open ones; made once
per filter state and data version, then read from talentkb.lists.counts.

A FilterSet made of `FacetFilter`s (see filters.py beside this module) gets
`facets()` for the sidebar and `active()` for the chips above the list.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce, NullIf, Substr
from django.http import QueryDict
from django.utils.translation import gettext

from districts.english import name_order
from districts.lookup import condition as lookup_condition
from districts.models import District
from policies.finder import for_groups, open_to_all
from policies.formatting import is_chinese, number

MAX_VALUES = 20  # values of one facet taken from a URL; more is not a person choosing
MISSING = "none"  # the value of a facet that stands for "no value" (?year=none: facts with no year)
# Values of one facet sent with the page: a screenful, the most frequent first and the chosen ones always.
# The others are found by the facet's search box (?district_find=南山): an unfiltered list of every
# district would send some 2,000 links.
SCREENFUL = 10
FIND_LENGTH = 50


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    query: QueryDict | None = None  # the URL's query with this value toggled, page reset
    anchor: str = ""  # the id of its link: the link's #fragment, so that focus comes back to it


@dataclass
class FacetResult:
    name: str
    label: str
    values: list[FacetValue]  # those sent with the page (see `screenful`)
    selected: list[str] = field(default_factory=list)
    clear_query: QueryDict | None = None
    total: int = 0  # values with rows, sent or not
    find: str = ""  # the text of its search box

    @property
    def anchor(self) -> str:
        return f"facet-{self.name}"

    @property
    def find_param(self) -> str:
        return f"{self.name}_find"

    @property
    def hidden(self) -> int:
        return self.total - len(self.values)

    @property
    def searchable(self) -> bool:
        return self.total > SCREENFUL or bool(self.find)


def screenful(values: list[FacetValue], find: str, found: frozenset[str] = frozenset()) -> list[FacetValue]:
    """The values a page sends, in their order: the SCREENFUL most frequent (of those matching
    `find`, in label or value, case aside, or `found` by the facet another way) and every chosen one."""
    needle = find.casefold()
    candidates = [v for v in values if not needle or needle in v.label.casefold() or needle in v.value.casefold()
                  or v.value in found]
    frequent = {id(v) for v in sorted(candidates, key=lambda v: -v.count)[:SCREENFUL]}
    return [v for v in values if v.selected or id(v) in frequent]


class ValuesField(forms.Field):
    """Every value of a repeated parameter that its facet accepts; the others are dropped, never an error."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, accepts: Callable[[str], bool], **kwargs):
        self.accepts = accepts
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in (None, ""):
            return []
        if isinstance(value, str):
            value = [value]
        cleaned = [str(v).strip() for v in value][:MAX_VALUES]
        # PostgreSQL refuses a NUL character anywhere in a query.
        return list(dict.fromkeys(v for v in cleaned if v and "\x00" not in v and self.accepts(v)))


class Facet:
    """Values at `path`, counted by GROUP BY; `labels` are the extra fields a label is made of."""

    def __init__(self, path: str, *, label, many: bool = False, labels: tuple[str, ...] = (),
                 pattern: str | None = None, sort_by_name: str = "label",
                 only: Q | None = None, missing_label=None):
        self.path = path
        # When set, rows with no value are a value of their own (MISSING), so that every row can be reached.
        self.missing_label = missing_label
        self.only = only or Q()  # a condition on the same related row (incentive__status …)
        self.label = label
        self.many = many  # the path crosses a to-many relation: filter by subquery, count distinct
        self.labels = labels
        self.pattern = re.compile(pattern) if pattern else None
        # "label" (by name: Chinese by its pinyin, see districts.english.name_order), "value" or "-value" (years: newest first)
        self.sort_by_name = sort_by_name

    def accepts(self, value: str) -> bool:
        """Whether a value from the URL can be one of this facet's."""
        if self.missing_label and value == MISSING:
            return True
        return not self.pattern or bool(self.pattern.fullmatch(value))

    def condition(self, values: list[str]) -> Q:
        present = [v for v in values if v != MISSING or not self.missing_label]
        condition = Q(**{f"{self.path}__in": present}) if present else Q(pk__in=[])
        if len(present) < len(values):
            condition |= self.missing_condition()
        return condition & self.only

    def missing_condition(self) -> Q:
        return Q(**{f"{self.path}__isnull": True})

    def missing_value(self, n: int) -> tuple[str, str, int]:
        return MISSING, str(self.missing_label), n

    def apply(self, queryset, values):
        if not values:
            return queryset
        if self.many:
            # A subquery rather than a join, so that a row matching twice is listed once.
            return queryset.filter(pk__in=queryset.model.objects.filter(self.condition(values)).values("pk"))
        return queryset.filter(self.condition(values))

    def label_of(self, value: str, row: dict) -> str:
        return str(row.get(self.labels[0]) or value) if self.labels else str(value)

    def found(self, find: str) -> frozenset[str]:
        """Values that the facet's search box finds other than by their label (see DistrictFieldFacet)."""
        return frozenset()

    def counts(self, queryset) -> list[tuple[str, str, int]]:
        # With a missing label, NULL is one more group of the same GROUP BY: still one query.
        present = Q() if self.missing_label else Q(**{f"{self.path}__isnull": False})
        rows = (
            queryset.order_by()
            .filter(present & self.only)
            .values(self.path, *self.labels)
            .annotate(n=Count("pk", distinct=self.many))
        )
        return [
            self.missing_value(r["n"]) if r[self.path] is None
            else (str(r[self.path]), self.label_of(str(r[self.path]), r), r["n"])
            for r in rows
        ]

    def name_key(self, value: FacetValue):
        if value.value == MISSING and self.missing_label:
            return (1,)  # "no year" after every year
        return (0, self._name_key(value))

    def _name_key(self, value: FacetValue):
        if self.sort_by_name == "-value":
            return tuple(-ord(c) for c in value.value)
        if self.sort_by_name == "value":
            return value.value
        return name_order(value.label)


class ChoiceFacet(Facet):
    """A fixed vocabulary (TextChoices): every value counted in one query with Count(filter=Q(...))."""

    def __init__(self, path, *, choices, **kwargs):
        self.choices = dict(choices)
        super().__init__(path, **kwargs)

    def accepts(self, value):
        return value in self.choices

    def counts(self, queryset):
        if self.many:
            return [(v, str(self.choices[v]), n) for v, _label, n in super().counts(queryset) if v in self.choices]
        totals = queryset.order_by().aggregate(
            **{f"c{i}": Count("pk", filter=Q(**{self.path: v})) for i, v in enumerate(self.choices)}
        )
        return [(v, str(label), totals[f"c{i}"]) for i, (v, label) in enumerate(self.choices.items())]


class BucketFacet(Facet):
    """Named conditions (value ranges, goal or report): each a Q, counted in one aggregate query."""

    def __init__(self, *, buckets, **kwargs):
        self._buckets = buckets  # a dict, or a function making one (labels in the request's language)
        super().__init__("", sort_by_name="value", **kwargs)

    @property
    def buckets(self) -> dict[str, tuple[str, Q]]:
        return self._buckets() if callable(self._buckets) else self._buckets

    def accepts(self, value):
        return value in self.buckets

    def condition(self, values):
        return reduce(or_, (self.buckets[v][1] for v in values))

    def counts(self, queryset):
        totals = queryset.order_by().aggregate(
            **{f"c{i}": Count("pk", filter=q) for i, (_label, q) in enumerate(self.buckets.values())}
        )
        return [(v, str(label), totals[f"c{i}"]) for i, (v, (label, _q)) in enumerate(self.buckets.items())]

    def _name_key(self, value):
        return list(self.buckets).index(value.value)


class YearFacet(Facet):
    """Years of an ISO date string ('2024', '2024-11-22') reached through `path`, newest first."""

    def __init__(self, path: str, **kwargs):
        super().__init__(path, pattern=r"\d{4}", sort_by_name="-value", **kwargs)

    def condition(self, values):
        years = [Q(**{f"{self.path}__startswith": v}) for v in values if v != MISSING]
        if MISSING in values and self.missing_label:
            years.append(self.missing_condition())
        return reduce(or_, years)

    def missing_condition(self):
        # No date, or (through a to-many path) nothing to take one from.
        return Q(**{self.path: ""}) | Q(**{f"{self.path}__isnull": True})

    def counts(self, queryset):
        queryset = queryset.order_by()
        if not self.missing_label:
            queryset = queryset.filter(**{f"{self.path}__gt": ""})
        rows = (
            queryset.annotate(facet_year=NullIf(Substr(self.path, 1, 4), Value("")))
            .values("facet_year")
            .annotate(n=Count("pk", distinct=self.many))
        )
        return [
            self.missing_value(r["n"]) if r["facet_year"] is None else (r["facet_year"], r["facet_year"], r["n"])
            for r in rows
        ]


class DateYearFacet(Facet):
    """Years of an ISO date string (`date`: '2024-11-22', '2024' or '', as a check constraint holds it), counted
    by the annotation `path` of its first four characters and filtered as a range of the date itself
    (2022 <= date < 2023: the dates whose first four characters are 2022). The date's order index then
    reads that year alone, where the annotation made PostgreSQL walk the newest articles down to it
    (50,097 for `?year=2022`); the two conditions together it thought twelve times rarer than they are."""

    def __init__(self, path: str, date: str, **kwargs):
        self.date = date
        super().__init__(path, pattern=r"\d{4}", sort_by_name="-value", **kwargs)

    def condition(self, values):
        years = [self.year_range(v) for v in values if v != MISSING]
        if MISSING in values and self.missing_label:
            years.append(self.missing_condition())
        return reduce(or_, years) & self.only

    def year_range(self, year: str) -> Q:
        since = Q(**{f"{self.date}__gte": year})
        return since if year == "9999" else since & Q(**{f"{self.date}__lt": f"{int(year) + 1:04d}"})


class DistrictFieldFacet(Facet):
    """Values of a field of the districts at `relation` (their adcode, their province's), filtered by the
    districts' ids: the values are resolved to ids first, in one small query per list and request, so
    that the rows' condition is `district_id IN (ids)`. PostgreSQL then knows from its statistics how
    many rows each id holds and walks the (district, year, period, published) index, where through a
    join on the districts it guessed 347 of 丰台's 72,434 incentives and sorted them all
    (docs/performance.md, "Lists without the page cache")."""

    def __init__(self, relation: str, field: str, **kwargs):
        self.relation, self.field = relation, field
        super().__init__(f"{relation}__{field}", **kwargs)
        # {(field, values): ids}: a miss counts each other facet with this filter applied, and the search
        # page filters four lists by the same districts; each is resolved once (FacetedFilterSet shares
        # this between the filter sets of one request).
        self.resolved: dict[tuple, list[int]] = {}

    def district_ids(self, values: list[str]) -> list[int]:
        key = (self.field, tuple(values))
        if key not in self.resolved:
            ids = District.objects.filter(**{f"{self.field}__in": values}).order_by("pk").values_list("pk", flat=True)
            self.resolved[key] = list(ids)
        return self.resolved[key]

    def found(self, find: str) -> frozenset[str]:
        """In English the labels are pinyin: 南山 finds Nanshan District by its Chinese name, and
        nanshan or ns finds it in Chinese (districts.lookup), one query when something is looked for."""
        condition = lookup_condition(find) if find else None
        if condition is None:
            return frozenset()
        return frozenset(District.objects.filter(condition).values_list(self.field, flat=True).distinct())

    def condition(self, values):
        ids = self.district_ids(values)
        # No district has these values: no row either (Q(pk__in=[]) is answered without a query).
        return Q(**{f"{self.relation}__in": ids}) if ids else Q(pk__in=[])


class DistrictFacet(DistrictFieldFacet):
    """Districts by adcode, labelled with their name (and city where names repeat: 朝阳区), in the
    reader's language as the rows name them (Fengtai District · Beijing)."""

    def __init__(self, path: str, **kwargs):
        super().__init__(
            path, "adcode", labels=tuple(f"{path}__{f}" for f in ("name", "city", "name_en", "city_en")),
            pattern=r"\d{6}", **kwargs,
        )

    def label_of(self, value, row):
        district = District(**{f: row[label] for f, label in zip(("name", "city", "name_en", "city_en"), self.labels)})
        name, city = district.display_name, district.display_city
        return name if not city or name == city else f"{name} · {city}"


class ProvinceFacet(DistrictFieldFacet):
    """Provinces by adcode (110000), labelled with their name in the reader's language; a province is
    the districts in it."""

    def __init__(self, path: str, **kwargs):
        super().__init__(
            path, "province_adcode", labels=(f"{path}__province", f"{path}__province_en"), pattern=r"\d{6}", **kwargs,
        )

    def label_of(self, value, row):
        return District(province=row[self.labels[0]], province_en=row[self.labels[1]]).display_province or value

    def found(self, find: str) -> frozenset[str]:
        """A province by its name in the other language too (广东 finds Guangdong)."""
        if not find or "\x00" in find:
            return frozenset()
        provinces = District.objects.filter(Q(province__startswith=find) | Q(province_en__istartswith=find))
        return frozenset(provinces.values_list(self.field, flat=True).distinct())


class GroupFacet(Facet):
    """Target groups by code, labelled in the reader's language."""

    def __init__(self, path: str, **kwargs):
        super().__init__(f"{path}__code", labels=(f"{path}__name",), many=True, pattern=r"[\w-]{1,30}", **kwargs)

    def label_of(self, value, row):
        return gettext(row[self.labels[0]])


class OfferGroupFacet(GroupFacet):
    """An incentive's target groups as the talent finder reads them (policies.finder.for_groups): its own, or,
    naming none, its program's; the value `none` (open to all) those with neither. So the finder's "all of
    this district's offers" opens the offers it counted. Filtered by EXISTS on the two groups tables (their
    (incentive, group) and (program, group) indexes), so no row is listed twice."""

    def __init__(self, path: str, **kwargs):
        super().__init__(path, **kwargs)
        self.inherited = f"program__{path}"

    def condition(self, values):
        codes = [v for v in values if v != MISSING]
        condition = for_groups(codes) if codes else Q(pk__in=[])
        if MISSING in values:
            condition |= open_to_all()
        return condition

    def apply(self, queryset, values):
        return queryset.filter(self.condition(values)) if values else queryset

    def counts(self, queryset):
        # One GROUP BY: each row's own groups, or where it names none (no joined row) its program's;
        # neither is NULL, open to all. A row joined to several groups counts once in each.
        own, inherited = self.path.split("__")[0], self.inherited
        rows = (
            queryset.order_by()
            .annotate(facet_group=Coalesce(f"{own}__code", f"{inherited}__code"),
                      facet_name=Coalesce(f"{own}__name", f"{inherited}__name"))
            .values("facet_group", "facet_name")
            .annotate(n=Count("pk", distinct=True))
        )
        return [
            self.missing_value(r["n"]) if r["facet_group"] is None
            else (r["facet_group"], gettext(r["facet_name"]), r["n"])
            for r in rows
        ]


class IndicatorFacet(Facet):
    """Indicators by code, named in the reader's language; with `with_none`, the
    value `none` stands for the rows without one (counted in the same GROUP BY)."""

    NONE = "none"

    def __init__(self, path: str, *, with_none: bool = False, **kwargs):
        super().__init__(
            f"{path}__code", labels=(f"{path}__name_zh", f"{path}__name_en"), pattern=r"[a-z][a-z0-9_]{0,59}",
            **kwargs,
        )
        self.with_none = with_none

    def condition(self, values):
        codes = [v for v in values if v != self.NONE]
        q = Q(**{f"{self.path}__in": codes})
        if self.with_none and self.NONE in values:
            q |= Q(**{f"{self.path}__isnull": True})
        return q & self.only

    def label_of(self, value, row):
        if value == self.NONE:
            return gettext("no indicator")
        zh, en = row[self.labels[0]], row[self.labels[1]]
        return zh if is_chinese() else (en or zh)

    def counts(self, queryset):
        if not self.with_none:
            return super().counts(queryset)
        rows = queryset.order_by().filter(self.only).values(self.path, *self.labels).annotate(n=Count("pk"))
        return [(str(r[self.path] or self.NONE), self.label_of(str(r[self.path] or self.NONE), r), r["n"]) for r in rows]

    def name_key(self, value):
        # "no indicator" last when sorted by name.
        return (value.value == self.NONE, name_order(value.label))


def number_buckets(path: str) -> dict[str, tuple[str, Q]]:
    """Orders of magnitude for numeric values: '< 10', '10–100' … '≥ 100万' (labels in the current language)."""
    edges = [Decimal(10) ** k for k in range(1, 7)]
    buckets = {f"lt{edges[0]}": (f"< {number(edges[0])}", Q(**{f"{path}__lt": edges[0]}))}
    for low, high in zip(edges, edges[1:]):
        buckets[f"{low}-{high}"] = (
            f"{number(low)}–{number(high)}", Q(**{f"{path}__gte": low, f"{path}__lt": high})
        )
    buckets[f"ge{edges[-1]}"] = (f"≥ {number(edges[-1])}", Q(**{f"{path}__gte": edges[-1]}))
    return buckets


class FacetFilter(django_filters.Filter):
    """A django-filter filter driven by a Facet: repeated values, OR within, counted by `facets()`."""

    field_class = ValuesField

    def __init__(self, facet: Facet, **kwargs):
        self.facet = facet
        super().__init__(label=facet.label, accepts=facet.accepts, **kwargs)

    def filter(self, qs, value):
        return self.facet.apply(qs, value)


FACET_SORTS = ("count", "name")


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet whose FacetFilters are counted with the other filters applied, their own left out."""

    # Facets most people reach for first; the others follow in declaration order.
    FIRST = ("kind", "district", "province", "group", "year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.request is not None:
            # Districts resolved from adcodes once per request, whatever the number of lists it filters.
            shared = self.request.__dict__.setdefault("_district_ids", {})
            for f in self.filters.values():
                if isinstance(f, FacetFilter) and isinstance(f.facet, DistrictFieldFacet):
                    f.facet.resolved = shared

    def facet_names(self) -> list[str]:
        names = [name for name, f in self.filters.items() if isinstance(f, FacetFilter)]
        return sorted(names, key=lambda n: self.FIRST.index(n) if n in self.FIRST else len(self.FIRST))

    def cleaned(self) -> dict:
        return self.form.cleaned_data if self.is_valid() else {}

    def queryset_without(self, skip: str | None):
        queryset = self.queryset
        for name, value in self.cleaned().items():
            if name != skip and value not in (None, "", []):
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def counts(self) -> dict[str, list[list]]:
        """Each facet's [value, label, count]s, with the other facets applied and its own left out:
        one query per facet (what talentkb.lists.counts keeps between requests)."""
        return {
            name: [[v, label, n] for v, label, n in self.filters[name].facet.counts(self.queryset_without(name))]
            for name in self.facet_names()
        }

    def facets(self, query: QueryDict, sort: str = "count", counts: dict | None = None) -> list[FacetResult]:
        """The sidebar; `counts` as `counts()` returns them, when already known."""
        counts = self.counts() if counts is None else counts
        results = []
        for name in self.facet_names():
            facet = self.filters[name].facet
            selected = self.cleaned().get(name) or []
            counted = {v: (label, n) for v, label, n in counts.get(name, [])}
            values = [FacetValue(v, label, n, v in selected) for v, (label, n) in counted.items() if n or v in selected]
            # A selected value with no rows left still shows, so that it can be unticked.
            values += [FacetValue(v, v, 0, True) for v in selected if v not in counted]
            values.sort(key=facet.name_key)
            if sort == "count":
                values.sort(key=lambda v: -v.count)
            find = query.get(f"{name}_find", "").strip()[:FIND_LENGTH]
            sent = screenful(values, find, facet.found(find))
            # Links only for the values sent: a district facet has some 2,800 values.
            for v in sent:
                v.query, v.anchor = toggled(query, name, v.value), value_anchor(name, v.value)
            results.append(FacetResult(
                name, str(facet.label), sent, list(selected), without(query, name), total=len(values), find=find,
            ))
        return results

    def active(self, facets: list[FacetResult]) -> list[tuple[str, FacetValue]]:
        """The chosen values, with their facet's label, for the chips that remove them."""
        return [(f.label, v) for f in facets for v in f.values if v.selected]


def value_anchor(facet: str, value: str) -> str:
    """'f-district-110106': an id for a value's link, unique in the page (values are unique in a facet;
    a character that an id or a fragment would trip on becomes its code point)."""
    return f"f-{facet}-" + "".join(c if c.isalnum() or c in "-_" else f".{ord(c):x}." for c in value)


def without(query: QueryDict, *names: str) -> QueryDict:
    """The query without `names`, back on page 1."""
    q = query.copy()
    for name in (*names, "page", "after", "before"):  # a page and its cursors (lists.keyset)
        q.pop(name, None)
    return q


def only(query: QueryDict, *names: str) -> QueryDict:
    """The query with just `names` kept."""
    return without(query, *(name for name in query if name not in names))


def toggled(query: QueryDict, name: str, value: str) -> QueryDict:
    """The query with `value` added to or removed from facet `name`, back on page 1."""
    q = without(query)
    current = q.getlist(name)
    values = [v for v in current if v != value] if value in current else [*current, value]
    if values:
        q.setlist(name, values)
    else:
        q.pop(name, None)
    return q

