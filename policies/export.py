"""The knowledge base as plain rows, in the shape of shared/eval/SCHEMA.md.

Each table is a generator of dicts, so the JSON and CSV writers stream and a
large knowledge base never sits in memory as model instances all at once.
Rejected facts are left out: a person has said they are wrong.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from django.db.models import Q

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


def fact_row(f) -> dict:
    """Everything a row of one fact may show: the one conversion of a fact to plain values.

    `export_kb` (and so the seed score) and the pages' downloads each pick the
    keys of their own shape from it (COLUMNS here, docs/api.md there).
    """
    district = f.district
    row = {
        "id": f.pk,
        "article": f.article.source_file or str(f.article_id),
        "article_id": f.article_id,
        "district": district.name if district else None,
        "adcode": district.adcode if district else None,
        "province": district.province if district else None,
        "program": f.program.name if f.program_id else None,
        "program_id": f.program_id,
        "value": json_number(f.value),
        "value_max": json_number(f.value_max),
        "unit": f.unit,
        "measure": f.measure or None,
        "qualifier": f.qualifier,
        "period": f.period or None,
        "year": f.year,
        "target": f.target,
        "quote": f.quote,
        "span": [f.span_start, f.span_end],
        "status": f.status,
        "origin": f.origin,
        "label": f.label,
    }
    if isinstance(f, Incentive):
        row["kind"] = f.kind
        row["groups"] = [g.code for g in f.groups.all()]
    else:
        row["indicator"] = f.indicator.code if f.indicator_id else None
    return row


def incentives():
    queryset = (
        Incentive.objects.visible().select_related("article", "district", "program")
        .prefetch_related("groups").order_by("pk")
    )
    for f in queryset.iterator(chunk_size=CHUNK):
        row = fact_row(f)
        yield {k: row[k] for k in COLUMNS["incentives"]}


def metrics():
    queryset = Metric.objects.visible().select_related("article", "district", "program", "indicator").order_by("pk")
    for f in queryset.iterator(chunk_size=CHUNK):
        row = fact_row(f)
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
    text = "|".join(map(_plain, value)) if isinstance(value, list) else _plain(value)
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
