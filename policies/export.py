"""The knowledge base as plain rows, in the shape of shared/eval/SCHEMA.md.

Each table is a generator of dicts, so the JSON and CSV writers stream and a
large knowledge base never sits in memory; facts are read as plain values
(PlainRows), never as model instances, which the pages' downloads share.
Rejected facts are left out: a person has said they are wrong.
"""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Count, Q, Window

from districts.models import District
from programs.models import Program

from .formatting import json_number
from .models import Article, Incentive, Metric

CHUNK = 2000


def articles():
    for a in Article.objects.prefetch_related("districts").order_by("pk").iterator(chunk_size=CHUNK):
        yield {
            "id": a.pk,
            "source_file": a.source_file,
            "title": a.title or None,
            "published": a.published or None,
            "publisher": a.publisher or None,
            "source_url": a.source_url or None,
            "districts": [d.name for d in a.districts.all()],
        }


def districts():
    used = (
        Q(pk__in=Article.districts.through.objects.values("district_id"))
        | Q(pk__in=Program.objects.visible().values("district_id"))
        | Q(pk__in=Incentive.objects.visible().values("district_id"))
        | Q(pk__in=Metric.objects.visible().values("district_id"))
    )
    for d in District.objects.filter(used).order_by("adcode").iterator(chunk_size=CHUNK):
        yield {"name": d.name, "city": d.city, "province": d.province, "adcode": d.adcode}


def programs():
    queryset = (
        Program.objects.visible().select_related("district")
        .prefetch_related("articles", "groups").order_by("pk")
    )
    for p in queryset.iterator(chunk_size=CHUNK):
        yield {
            "id": p.pk,
            "name": p.name,
            "aliases": p.aliases,
            "district": p.district.name if p.district else None,
            "adcode": p.district.adcode if p.district else None,
            "articles": [a.source_file or str(a.pk) for a in p.articles.all()],
            "groups": [g.code for g in p.groups.all()],
            "status": p.status,
            "origin": p.origin,
        }


# What a fact's row is made of, as .values() reads it: no model instance is
# built, so a million rows cost a million small dicts, one chunk at a time.
FACT_FIELDS = (
    "id", "article_id", "article__source_file", "district__name", "district__adcode", "district__province",
    "program__name", "program_id", "value", "value_max", "unit", "measure", "qualifier", "period", "year",
    "target", "quote", "span_start", "span_end", "status", "origin", "label",
)
INCENTIVE_FIELDS = (*FACT_FIELDS, "kind")
METRIC_FIELDS = (*FACT_FIELDS, "indicator__code")


@dataclass(frozen=True)
class ToMany:
    """Values of a to-many relation, read for a chunk of rows in one query: [(owner id, value, …)]."""

    name: str  # the key the values are put under in each row
    rows: Callable  # () -> queryset of the relation's rows (the through model)
    owner: str  # the through model's field naming the row: "incentive_id"
    values: tuple[str, ...]  # what to read of each: ("targetgroup__code",)

    def read(self, ids: list) -> dict:
        found = defaultdict(list)
        queryset = self.rows().filter(**{f"{self.owner}__in": ids}).order_by(self.owner, *self.values)
        for owner, *values in queryset.values_list(self.owner, *self.values).iterator():
            found[owner].append(values[0] if len(values) == 1 else tuple(values))
        return found


INCENTIVE_GROUPS = ToMany("groups", lambda: Incentive.groups.through.objects, "incentive_id", ("targetgroup__code",))


class PlainRows:
    """The rows of a queryset as dicts of `fields` (and of each ToMany), read CHUNK at a time.

    With `total`, every row is read with the number of rows in one query
    (COUNT(*) OVER ()), so the total said before the first row and the rows
    that follow come from the same snapshot and always agree; `self.total` is
    known once the first chunk is read.
    """

    def __init__(self, queryset, fields: tuple[str, ...], many: tuple[ToMany, ...] = (), *, total: bool = False):
        queryset = queryset.prefetch_related(None)
        if total:
            queryset = queryset.annotate(rows_total=Window(Count("*")))
            fields = (*fields, "rows_total")
        self.queryset, self.fields, self.many, self.counted = queryset.values(*fields), fields, many, total
        self.total: int | None = None

    def __iter__(self) -> Iterator[dict]:
        chunk = []
        for row in self.queryset.iterator(chunk_size=CHUNK):
            if self.total is None and self.counted:
                self.total = row["rows_total"]
            chunk.append(row)
            if len(chunk) == CHUNK:
                yield from self._complete(chunk)
                chunk = []
        if self.total is None and self.counted:
            self.total = 0  # no row at all
        yield from self._complete(chunk)

    def _complete(self, chunk: list[dict]) -> list[dict]:
        if chunk and self.many:
            ids = [row["id"] for row in chunk]
            for many in self.many:
                found = many.read(ids)
                for row in chunk:
                    row[many.name] = found.get(row["id"], [])
        return chunk


def fact_row(v: dict) -> dict:
    """Everything a row of one fact may show, from its plain values (FACT_FIELDS,
    INCENTIVE_FIELDS and its groups): the one conversion of a fact to a row.

    `export_kb` (and so the seed score) and the pages' downloads each pick the
    keys of their own shape from it (COLUMNS here, docs/api.md there).
    """
    row = {
        "id": v["id"],
        "article": v["article__source_file"] or str(v["article_id"]),
        "article_id": v["article_id"],
        "district": v["district__name"],
        "adcode": v["district__adcode"],
        "province": v["district__province"],
        "program": v["program__name"],
        "program_id": v["program_id"],
        "value": json_number(v["value"]),
        "value_max": json_number(v["value_max"]),
        "unit": v["unit"],
        "measure": v["measure"] or None,
        "qualifier": v["qualifier"],
        "period": v["period"] or None,
        "year": v["year"],
        "target": v["target"],
        "quote": v["quote"],
        "span": [v["span_start"], v["span_end"]],
        "status": v["status"],
        "origin": v["origin"],
        "label": v["label"],
    }
    if "kind" in v:
        row["kind"] = v["kind"]
        row["groups"] = v.get("groups", [])
    else:
        row["indicator"] = v.get("indicator__code")
    return row


def incentives():
    queryset = Incentive.objects.visible().order_by("pk")
    for v in PlainRows(queryset, INCENTIVE_FIELDS, (INCENTIVE_GROUPS,)):
        row = fact_row(v)
        yield {k: row[k] for k in COLUMNS["incentives"]}


def metrics():
    for v in PlainRows(Metric.objects.visible().order_by("pk"), METRIC_FIELDS):
        row = fact_row(v)
        yield {k: row[k] for k in COLUMNS["metrics"]}


FACT_COLUMNS = ["id", "article", "district", "adcode", "program", "value", "value_max", "unit", "measure",
                "qualifier", "period", "target", "quote", "span", "status", "origin"]
COLUMNS = {
    "articles": ["id", "source_file", "title", "published", "publisher", "source_url", "districts"],
    "districts": ["name", "city", "province", "adcode"],
    "programs": ["id", "name", "aliases", "district", "adcode", "articles", "groups", "status", "origin"],
    "incentives": [*FACT_COLUMNS, "kind", "label", "groups"],
    "metrics": [*FACT_COLUMNS, "label", "indicator"],
}

TABLES = {
    "articles": articles,
    "districts": districts,
    "programs": programs,
    "incentives": incentives,
    "metrics": metrics,
}


# A spreadsheet runs a cell that starts with one of these as a formula
# (=HYPERLINK(…), +cmd|…, @SUM(…)): OWASP's CSV-injection advice is to make
# such a cell text by starting it with a single quote. Numbers are left alone.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?")


def csv_cell(value) -> str:
    """A value as a CSV cell, the one rule for every CSV the app writes: lists
    joined with |, None empty, booleans true/false, and a would-be formula
    neutralised. JSON keeps values exactly as they are."""
    kind = type(value)
    if kind is int or kind is float:
        return str(value)  # a number is never a formula: the common case, first (a download's every row)
    text = "|".join(map(_plain, value)) if kind is list else _plain(value)
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_json(out) -> None:
    """Write {"articles": [...], "districts": [...], ...} to a text stream, row by row."""
    out.write("{")
    for t, (name, rows) in enumerate(TABLES.items()):
        out.write(f'{"," if t else ""}\n  "{name}": [')
        for i, row in enumerate(rows()):
            out.write(("," if i else "") + "\n    " + json.dumps(row, ensure_ascii=False))
        out.write("\n  ]")
    out.write("\n}\n")


def write_csv(folder: Path) -> list[Path]:
    """One UTF-8 CSV per table (with a BOM, so that Excel reads the Chinese);
    lists are joined with |."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in TABLES.items():
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS[name])
            writer.writeheader()
            for row in rows():
                writer.writerow({k: csv_cell(v) for k, v in row.items()})
        written.append(path)
    return written
