"""CSV and JSON of exactly what a page shows under its filters: streamed, or written to a file by a job.

Rows are read as plain values in chunks (policies.export.PlainRows), never as
model instances, so memory stays flat however many there are. A download of up
to DOWNLOAD_STREAM_MAX_ROWS rows streams at once; a larger one is built as a
file by a job (listing.build_download) and offered when it is complete, with
its row count and checksum (pages/downloads.py). The shapes are documented in
docs/api.md and are stable: new keys may be added, none renamed or removed.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from policies.export import (
    FORMULA_START, INCENTIVE_FIELDS, INCENTIVE_GROUPS, METRIC_FIELDS, PlainRows, ToMany, csv_cell,
    fact_row as export_fact_row,
)
from policies.formatting import fact_quantity, json_number as number, quantity
from policies.models import Article
from policies.public import fact_sentence_path, sentence_path
from programs.choices import Stage
from programs.lifecycle import derived_stage
from programs.models import Program

FORMATS = ("csv", "json")
FORMULA_CHARS = "".join(FORMULA_START)  # "" is in it too: an empty string goes through csv_cell, unchanged


def wanted_format(request) -> str | None:
    value = request.GET.get("format")
    return value if value in FORMATS else None


def sentence_url(request, fact) -> str:
    return request.build_absolute_uri(sentence_path(fact))


def site_url(request) -> str:
    """scheme://host of the request: what a row's links start with, also in a file built by a job."""
    return f"{request.scheme}://{request.get_host()}"


@dataclass(frozen=True)
class Table:
    """What a list's download reads (plain values, PlainRows) and how a row of it is made."""

    fields: tuple[str, ...]
    row: Callable  # (values: dict, where: Where) -> the download's row
    many: tuple[ToMany, ...] = ()

    def rows(self, queryset, site: str) -> "Rows":
        return Rows(PlainRows(queryset, self.fields, self.many, total=True), self.row, site)


@dataclass(frozen=True)
class Where:
    """What a row's links and figures depend on, asked once per download, not once per row."""

    site: str  # scheme://host
    language: str
    today: date  # for a program's life stage


class Rows:
    """The download's rows; `total` is known once the first has been read."""

    def __init__(self, plain: PlainRows, row: Callable, site: str):
        self.plain, self.row, self.where = plain, row, Where(site, translation.get_language(), timezone.localdate())

    @property
    def total(self) -> int | None:
        return self.plain.total

    def __iter__(self):
        for values in self.plain:
            yield self.row(values, self.where)


# The keys of a fact in a download (docs/api.md), in their column order; the
# values come from policies.export.fact_row, as those of export_kb do.
FACT_KEYS = [
    "id", "value", "value_max", "unit", "measure", "qualifier", "display", "period", "year", "target",
    "status", "district", "adcode", "province", "program", "program_id", "quote", "article_id", "source",
]
INCENTIVE_KEYS = [*FACT_KEYS, "kind", "label", "groups"]
METRIC_KEYS = [*FACT_KEYS, "label", "indicator"]


def fact_row(v: dict, where: Where, model_name: str, keys: list[str]) -> dict:
    row = export_fact_row(v)
    row["display"] = quantity(v["value"], v["unit"], v["measure"], v["qualifier"], v["value_max"], where.language,
                              label=v.get("label") or "")
    row["source"] = where.site + fact_sentence_path(model_name, v["article_id"], v["id"])
    return {k: row[k] for k in keys}


def incentive_row(v: dict, where: Where) -> dict:
    return fact_row(v, where, "incentive", INCENTIVE_KEYS)


def metric_row(v: dict, where: Where) -> dict:
    return fact_row(v, where, "metric", METRIC_KEYS)


def program_row(v: dict, where: Where) -> dict:
    return {
        "id": v["id"],
        "name": v["name"],
        "aliases": list(v["aliases"]),
        "district": v["district__name"],
        "adcode": v["district__adcode"],
        "province": v["district__province"],
        "groups": v["groups"],
        "incentives": v["n_incentives"],
        "articles": v["n_articles"],
        "status": v["status"],
        "url": where.site + reverse("programs:detail", args=[v["id"]]),
        "launched": v["launched"] or None,
        "ends": v["ends"] or None,
        "stage": (Stage.parse(v["stage"])
                  or derived_stage(v["launched_on"], v["ends_on"], where.today, v["last_reported_on"])).value,
    }


def article_row(v: dict, where: Where) -> dict:
    return {
        "id": v["id"],
        "title": v["title"] or None,
        "publisher": v["publisher"] or None,
        "published": v["published"] or None,
        "districts": [adcode for adcode, _name in v["districts"]],
        "district_names": [name for _adcode, name in v["districts"]],
        "incentives": v["n_incentives"],
        "metrics": v["n_metrics"],
        "source_url": v["source_url"] or None,
        "url": where.site + reverse("policies:article", args=[v["id"]]),
    }


INCENTIVES = Table(INCENTIVE_FIELDS, incentive_row, (INCENTIVE_GROUPS,))
METRICS = Table(METRIC_FIELDS, metric_row)
PROGRAMS = Table(
    ("id", "name", "aliases", "district__name", "district__adcode", "district__province", "status",
     "n_incentives", "n_articles", "launched", "ends", "stage", "launched_on", "ends_on", "last_reported_on"),
    program_row,
    (ToMany("groups", lambda: Program.groups.through.objects, "program_id", ("targetgroup__position", "targetgroup__code")),),
)
ARTICLES = Table(
    ("id", "title", "publisher", "published", "n_incentives", "n_metrics", "source_url"),
    article_row,
    (ToMany("districts", lambda: Article.districts.through.objects, "article_id", ("district__adcode", "district__name")),),
)


def stream(rows: Iterable[dict], *, fmt: str, name: str, meta: dict, total: int | None = None) -> StreamingHttpResponse:
    """A download of `rows`: CSV (UTF-8 with BOM, lists joined by '|') or JSON {meta…, total, results, count}.

    The total is `rows.total` (Rows), else the one given."""
    if fmt == "csv":
        response = StreamingHttpResponse(_csv(rows), content_type="text/csv; charset=utf-8")
    else:
        promised = lambda: total if total is not None else rows.total  # noqa: E731
        response = StreamingHttpResponse(_json(rows, meta, promised), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="talentkb-{name}.{fmt}"'
    return response


def write_file(rows: Iterable[dict], *, fmt: str, meta: dict, path: Path, on_row: Callable) -> tuple[int, str]:
    """Write a download to `path`, complete or not at all: under a temporary
    name, flushed to disk, then renamed. Returns (rows, SHA-256 of the bytes);
    `on_row(rows)` is called as rows are written (a job's progress)."""
    partial = path.with_name(path.name + ".partial")
    path.parent.mkdir(parents=True, exist_ok=True)
    digest, count = hashlib.sha256(), 0

    def counted():
        nonlocal count
        for row in rows:
            count += 1
            on_row(rows)
            yield row

    try:
        with partial.open("wb") as out:
            pieces = _csv(counted()) if fmt == "csv" else _json(counted(), meta, lambda: rows.total)
            for piece in pieces:
                data = piece.encode("utf-8")
                out.write(data)
                digest.update(data)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count, digest.hexdigest()


def _csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = None
    yield "\ufeff"  # so that Excel reads the Chinese
    for row in rows:
        if header is None:
            header = list(row)
            writer.writerow(header)
        # csv_cell's rule; a plain string that cannot start a formula, the common cell, skips the call.
        writer.writerow([v if type(v) is str and v[:1] not in FORMULA_CHARS else csv_cell(v) for v in row.values()])
        if buffer.tell() > 32768:  # a few hundred rows a piece, not a piece a row
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate(0)
    yield buffer.getvalue()


def _json(rows, meta, total: Callable[[], int | None]):
    """{meta…, "total": N, "results": [...], "count": N}: the number of rows promised, up front
    (`total()`, asked once the first row is read), and the number written, at the end. A
    cut-off file ends without its count, never with a count that is not its total."""
    rows = iter(rows)
    first = next(rows, None)
    yield json.dumps({**meta, "total": total()}, ensure_ascii=False)[:-1] + ', "results": ['
    count, pieces = 0, []
    if first is not None:
        pieces.append("\n  " + json.dumps(first, ensure_ascii=False))
        count = 1
    for row in rows:
        pieces.append(",\n  " + json.dumps(row, ensure_ascii=False))
        count += 1
        if len(pieces) == 200:
            yield "".join(pieces)
            pieces = []
    yield "".join(pieces) + f'\n], "count": {count}}}\n'


def comparison_rows(request, districts, rows) -> Iterable[dict]:
    """One row per comparison row and district: what its cell shows, empty when not reported;
    values exact, as the page shows them."""
    for row in rows:
        for district, cell in zip(districts, row.cells):
            yield {
                "section": row.section,
                "key": row.key,
                "label": row.label,
                "indicator": row.indicator,
                "group": row.group,
                "adcode": district.adcode,
                "district": district.name,
                "reported": bool(cell),
                "display": [fact_quantity(f) for f in cell],
                "values": [number(f.value) for f in cell],
                "value_max": [number(f.value_max) for f in cell],
                "unit": [f.unit for f in cell],
                "qualifier": [f.qualifier for f in cell],
                # The period each cell shows: as the text states it; its first year, else the article's.
                "period": [f.period or None for f in cell],
                "year": [f.year for f in cell],
                "sources": [sentence_url(request, f) for f in cell],
            }


def finder_row(request, result) -> dict:
    """A district the finder ranked, with its matching offers as parallel lists (CSV joins them with |)."""
    offers = result.offers
    return {
        "rank": result.rank,
        "adcode": result.district.adcode,
        "district": result.district.name,
        "city": result.district.city,
        "province": result.district.province,
        "score": result.score,
        "offers": result.n_offers,
        "verified": result.n_verified,
        "incentive_ids": [s.fact.pk for s in offers],
        "kinds": [s.fact.kind for s in offers],
        "display": [str(s.offer) for s in offers],
        "values": [number(s.fact.value) for s in offers],
        "value_max": [number(s.fact.value_max) for s in offers],
        "unit": [s.fact.unit for s in offers],
        "qualifier": [s.fact.qualifier for s in offers],
        "open_to_all": [bool(s.fact.open_to_all) for s in offers],
        "offer_status": [s.fact.status for s in offers],
        "programs": [s.fact.program.name if s.fact.program_id else None for s in offers],
        "published": [s.fact.article.published or None for s in offers],
        "sources": [sentence_url(request, s.fact) for s in offers],
    }
