"""CSV and JSON of exactly what a page shows under its filters, streamed.

Rows come from a queryset's `.iterator(chunk_size=…)`, so a million rows
never sit in memory; JSON is written row by row. The shapes are documented in
docs/api.md and are stable: new keys may be added, none renamed or removed.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from policies.export import csv_cell, fact_row as export_fact_row
from policies.formatting import fact_quantity, json_number as number
from policies.public import sentence_path

CHUNK = 2000
FORMATS = ("csv", "json")


def wanted_format(request) -> str | None:
    value = request.GET.get("format")
    return value if value in FORMATS else None


def sentence_url(request, fact) -> str:
    return request.build_absolute_uri(sentence_path(fact))


# The keys of a fact in a download (docs/api.md), in their column order; the
# values come from policies.export.fact_row, as those of export_kb do.
FACT_KEYS = [
    "id", "value", "value_max", "unit", "measure", "qualifier", "display", "period", "year", "target",
    "status", "district", "adcode", "province", "program", "program_id", "quote", "article_id", "source",
]


def fact_row(request, f, extra: tuple[str, ...] = ()) -> dict:
    row = export_fact_row(f) | {"display": fact_quantity(f), "source": sentence_url(request, f)}
    return {k: row[k] for k in (*FACT_KEYS, *extra)}


def incentive_row(request, f) -> dict:
    return fact_row(request, f, extra=("kind", "label", "groups"))


def metric_row(request, f) -> dict:
    return fact_row(request, f, extra=("label", "indicator"))


def program_row(request, p) -> dict:
    return {
        "id": p.pk,
        "name": p.name,
        "aliases": list(p.aliases),
        "district": p.district.name if p.district_id else None,
        "adcode": p.district.adcode if p.district_id else None,
        "province": p.district.province if p.district_id else None,
        "groups": [g.code for g in p.groups.all()],
        "incentives": p.n_incentives,
        "articles": p.n_articles,
        "status": p.status,
        "url": request.build_absolute_uri(reverse("programs:detail", args=[p.pk])),
        "launched": p.launched or None,
        "ends": p.ends or None,
        "stage": p.life_stage(timezone.localdate()).value,
    }


def article_row(request, a) -> dict:
    return {
        "id": a.pk,
        "title": a.title or None,
        "publisher": a.publisher or None,
        "published": a.published or None,
        "districts": [d.adcode for d in a.districts.all()],
        "district_names": [d.name for d in a.districts.all()],
        "incentives": a.n_incentives,
        "metrics": a.n_metrics,
        "source_url": a.source_url or None,
        "url": request.build_absolute_uri(reverse("policies:article", args=[a.pk])),
    }


def stream(rows: Iterable[dict], *, fmt: str, name: str, meta: dict) -> StreamingHttpResponse:
    """A download of `rows`: CSV (UTF-8 with BOM, lists joined by '|') or JSON {meta…, results, count}."""
    if fmt == "csv":
        response = StreamingHttpResponse(_csv(rows), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(_json(rows, meta), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="talentkb-{name}.{fmt}"'
    return response


def queryset_rows(queryset, to_row: Callable, request) -> Iterable[dict]:
    for item in queryset.iterator(chunk_size=CHUNK):
        yield to_row(request, item)


def _csv(rows):
    buffer = io.StringIO()
    writer = None
    yield "\ufeff"  # so that Excel reads the Chinese
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row))
            writer.writeheader()
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)


def _json(rows, meta):
    head = json.dumps(meta, ensure_ascii=False)[:-1]
    yield head + (", " if meta else "") + '"results": ['
    count = 0
    for row in rows:
        yield ("," if count else "") + "\n  " + json.dumps(row, ensure_ascii=False)
        count += 1
    yield f'\n], "count": {count}}}\n'


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
