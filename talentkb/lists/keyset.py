"""Keyset pages: the next page starts after the last row of this one, found by its sort values, not by OFFSET.

`?page=2000` makes the database read and join the 49,975 rows before the page
to skip them; `?page=2000&after=…` (what the "next" link of page 1999 carries)
reads the 25 rows after that page's last row from the sort's index. The
cursor names the sort and holds the row's sort values and primary key, so the
URL stays shareable and gives the same rows while the data does not change.
"previous" carries `before=` the page's first row the same way. A page number
without a cursor, or with one that is not this sort's, is served by OFFSET,
over the primary keys alone before the page's rows are joined
(talentkb.lists.listing.rows_at); a page past the end is a 404 either way.

The order is the list's (talentkb.lists.listing.ListSpec.ordering): each term
ascending or descending with empty values last, then the primary key ascending.

The cursor's row is compared by the values the database holds for it, read in the same query,
not by the cursor's copies: SQLite keeps a decimal with every place it was given (13333.33334)
and Django reads it rounded to the field's (13333.3333), so a copy missed the row's ties and the
next page began with the row again. The copies serve when the row is gone.
"""
from __future__ import annotations

import binascii
import json
from base64 import urlsafe_b64decode, urlsafe_b64encode
from datetime import date, datetime
from decimal import Decimal
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db.models import F, Q, Subquery, Value
from django.db.models.functions import Coalesce

PARAMS = ("after", "before")


def _exact(value) -> str:
    """Decimals, dates and times as strings that give back the same value (every microsecond:
    DjangoJSONEncoder keeps milliseconds, and a tie would then be missed)."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} in a sort")


class Keyset:
    def __init__(self, spec, sort: str):
        self.sort = sort
        self.descending = sort.startswith("-")
        column = spec.columns[sort.lstrip("-")]
        self.terms = [F(t) if isinstance(t, str) else t for t in column.order_by]
        self.names = [f"keyset_{i}" for i in range(len(self.terms))]

    def annotate(self, queryset):
        """Each row with its sort values, which the links' cursors are made of."""
        return queryset.annotate(**dict(zip(self.names, self.terms)))

    def token(self, row) -> str:
        values = [self.sort, *(getattr(row, name) for name in self.names), row.pk]
        return urlsafe_b64encode(json.dumps(values, default=_exact).encode()).decode().rstrip("=")

    def parse(self, token: str | None) -> list | None:
        """The row's sort values and primary key; None for a cursor that is not one of this sort's."""
        if not token or len(token) > 2000:
            return None
        try:
            values = json.loads(urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        except (ValueError, binascii.Error):
            return None
        if not isinstance(values, list) or len(values) != len(self.names) + 2 or values[0] != self.sort:
            return None
        if not all(v is None or isinstance(v, (str, int, float)) for v in values[1:]):
            return None
        return values[1:]

    def beyond(self, queryset, values: list, backwards: bool) -> Q:
        """The rows of the annotated queryset after (backwards: before) the row with these values, in its order."""
        *keys, pk = values
        later, earlier = ("lt", "gt") if self.descending else ("gt", "lt")
        branches, same = [], Q()
        for name, v in zip(self.names, keys):
            if v is not None:
                field = queryset.query.annotations[name].output_field
                held = Subquery(queryset.filter(pk=pk).order_by().values(name)[:1])
                v = Coalesce(held, Value(field.to_python(v), output_field=field), output_field=field)
            if v is None:  # empty values come last: after one, only other empty ones; before it, every value
                step = Q(**{f"{name}__isnull": False}) if backwards else None
            elif backwards:
                step = Q(**{f"{name}__{earlier}": v})
            else:
                step = Q(**{f"{name}__{later}": v}) | Q(**{f"{name}__isnull": True})
            if step is not None:
                branches.append(same & step)
            same &= Q(**{f"{name}__isnull": True}) if v is None else Q(**{name: v})
        branches.append(same & Q(pk__lt=pk) if backwards else same & Q(pk__gt=pk))
        return reduce(or_, branches)

    def reversed_ordering(self) -> list:
        flip = [t.asc(nulls_first=True) if self.descending else t.desc(nulls_first=True) for t in self.terms]
        return [*flip, F("pk").desc()]

    def rows(self, queryset, params, per_page: int) -> list | None:
        """The page's rows by cursor, or None when the request carries no usable cursor."""
        after, before = self.parse(params.get("after")), self.parse(params.get("before"))
        try:
            if after:
                return list(queryset.filter(self.beyond(queryset, after, backwards=False))[:per_page])
            if before:
                rows = queryset.filter(self.beyond(queryset, before, backwards=True)).order_by(*self.reversed_ordering())
                return list(rows[:per_page])[::-1]
        except (ValueError, TypeError, ValidationError):
            return None  # values a sort's fields cannot hold: a cursor someone made up
        return None
