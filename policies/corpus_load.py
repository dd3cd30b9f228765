"""Write generated articles (policies.corpus) straight into the database, for benchmarks.

The rows are those `import_articles` would write for the same texts (the
article, its district, programs and mentions, incentives with their target
groups, metrics), taken from each article's plan instead of from the
extractor, so 150,000 articles load in minutes rather than hours. Not
written: simple-history's rows (the import writes one per fact; no public
page reads them).

Batches of `batch` articles: on PostgreSQL each table's rows go through
COPY, elsewhere through bulk_create. Memory is flat in the number of
articles: only the program registry (at most 16 per district) is kept.
Ids are assigned here from max(id) + 1 and the sequences reset at the end,
so nothing else may write to these tables while it runs.
"""
from __future__ import annotations

import io
import random
from datetime import datetime, timezone
from decimal import Decimal

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

from policies.extraction.groups import groups_of
from policies.extraction.indicators import indicator_for
from policies.search import fact_search_text, program_search_text, search_text

from . import data_version
from .corpus import GeneratedArticle

# The models written, by "app.Model". The apps are being restructured
# (Incentive, Mention → policies; Metric → policies): repoint them here.
MODEL_NAMES = {
    "article": "policies.Article",
    "district": "districts.District",
    "program": "programs.Program",
    "mention": "policies.Mention",
    "incentive": "policies.Incentive",
    "metric": "policies.Metric",
    "group": "programs.TargetGroup",
}


def model(key: str):
    return apps.get_model(MODEL_NAMES[key])


class Loader:
    """Loads articles batch by batch; `counts` holds the rows written per table."""

    def __init__(self, *, batch: int = 1000, reviewed: float = 0.0, segment: bool = True):
        self.batch = batch
        self.reviewed = reviewed  # share of facts marked verified or rejected (half each)
        self.segment = segment  # jieba search words: the slowest part, needed by search
        self.Article, self.District, self.Program = model("article"), model("district"), model("program")
        self.Mention, self.Incentive, self.Metric = model("mention"), model("incentive"), model("metric")
        self.ArticleDistricts = self.Article._meta.get_field("districts").remote_field.through
        self.IncentiveGroups = self.Incentive._meta.get_field("groups").remote_field.through
        self.districts = dict(self.District.objects.values_list("adcode", "pk"))
        self.groups = dict(model("group").objects.values_list("code", "pk"))
        self.programs = {(d, n): pk for pk, d, n in self.Program.objects.values_list("pk", "district_id", "name")}
        self.next_id = {m: (m.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
                        for m in (self.Article, self.Program, self.Mention, self.Incentive, self.Metric)}
        self.counts = {m._meta.db_table: 0 for m in self.tables()}
        self.now = datetime.now(timezone.utc)
        indicator = self.Metric._meta.get_field("indicator").related_model
        self.indicators = dict(indicator.objects.values_list("code", "pk"))
        self.indicator_of: dict[tuple, int | None] = {}

    def indicator(self, f, quote: str) -> int | None:
        """The indicator the vocabulary gives a planned metric, as an import would (per label: they repeat)."""
        key = (f.label, f.unit, f.measure)
        if key not in self.indicator_of:
            self.indicator_of[key] = self.indicators.get(indicator_for(f.label, f.unit, quote, measure=f.measure or None))
        return self.indicator_of[key]

    def tables(self):
        return [self.Article, self.ArticleDistricts, self.Program, self.Mention,
                self.Incentive, self.IncentiveGroups, self.Metric]

    def load(self, articles, progress=None, defer_indexes: bool = False) -> None:
        """Write `articles`; with defer_indexes (PostgreSQL), the tables' secondary
        indexes are dropped first and built again at the end, in one pass each,
        which is several times faster than keeping eight GIN and B-tree indexes
        current row by row. They are rebuilt even when the load fails."""
        if not (defer_indexes and connection.vendor == "postgresql"):
            return self._load(articles, progress)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes i WHERE tablename = ANY(%s) AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
                [[m._meta.db_table for m in self.tables()]],
            )
            deferred = cursor.fetchall()
            for name, _ in deferred:
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        try:
            self._load(articles, progress)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET maintenance_work_mem = '512MB'")
                for name, definition in deferred:
                    if progress:
                        progress(self.counts, f"building {name}")
                    cursor.execute(definition)
                # VACUUM also sets the visibility map, without which PostgreSQL cannot count
                # from an index alone (the summaries' counts); inside a transaction (tests) it
                # cannot run, and ANALYZE's statistics are enough there.
                verb = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
                for m in self.tables():
                    cursor.execute(f"{verb} {connection.ops.quote_name(m._meta.db_table)}")

    def _load(self, articles, progress=None) -> None:
        chunk: list[GeneratedArticle] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) == self.batch:
                self._write(chunk)
                chunk = []
                if progress:
                    progress(self.counts)
        if chunk:
            self._write(chunk)
        self._reset_sequences()
        data_version.changed()  # COPY passes by the connection's watch of writes
        if progress:
            progress(self.counts)

    def _id(self, m) -> int:
        pk = self.next_id[m]
        self.next_id[m] += 1
        return pk

    def _status(self, rng) -> str:
        r = rng.random()
        return "proposed" if r >= self.reviewed else ("verified" if r < self.reviewed / 2 else "rejected")

    def _write(self, chunk: list[GeneratedArticle]) -> None:
        rows: dict = {m: [] for m in self.tables()}
        for a in chunk:
            district = self.districts[a.adcode]
            article_id = self._id(self.Article)
            rng = random.Random(a.number)
            rows[self.Article].append({
                "id": article_id, "title": a.title, "publisher": a.publisher, "published": a.published,
                "source_file": a.filename, "source_url": "", "text": a.text, "sha256": _checksum(a.text),
                "imported_at": self.now,
                "search_text": search_text(a.title, a.text) if self.segment else "",
            })
            rows[self.ArticleDistricts].append({"article_id": article_id, "district_id": district})
            for p in a.programs:
                key = (district, p.name)
                if key not in self.programs:
                    self.programs[key] = self._id(self.Program)
                    rows[self.Program].append({
                        "id": self.programs[key], "name": p.name, "aliases": [], "district_id": district,
                        "origin": "extracted", "status": "proposed", "created_at": self.now, "updated_at": self.now,
                        "search_text": program_search_text(p.name, []),
                    })
                rows[self.Mention].append({
                    "id": self._id(self.Mention), "program_id": self.programs[key], "article_id": article_id,
                    "span_start": p.start, "span_end": p.end, "quote": a.text[p.start:p.end],
                })
            for m, facts in ((self.Incentive, a.incentives), (self.Metric, a.metrics)):
                seen: dict[str, int] = {}
                for f in facts:
                    pk = self._id(m)
                    # importing.fact_key, numbered as apply_extraction numbers it
                    base = f"{getattr(f, 'kind', None) or 'metric:' + f.label}|{f.unit}|{f.value:g}|"
                    seen[base] = seen.get(base, 0) + 1
                    row = {
                        "id": pk, "article_id": article_id, "district_id": district,
                        "program_id": self.programs.get((district, f.program)) if m is self.Incentive else None,
                        "value": Decimal(repr(f.value)), "value_max": None, "unit": f.unit, "measure": f.measure,
                        "qualifier": f.qualifier, "period": getattr(f, "period", ""),
                        "year": int(f.period[:4]) if getattr(f, "period", "") else a.year,
                        "published": a.published,
                        "target": getattr(f, "target", False), "span_start": f.start, "span_end": f.end,
                        "quote": a.text[f.start:f.end], "origin": "extracted", "status": self._status(rng),
                        "extraction_key": f"{base}#{seen[base]}",
                        "reviewed_by_id": None, "reviewed_at": None, "created_at": self.now, "updated_at": self.now,
                        "label": f.label,
                        # Short and often repeated: cached (policies.search.fact_search_text).
                        "search_text": fact_search_text(a.text[f.start:f.end], f.label) if self.segment else "",
                    }
                    if m is self.Metric:
                        row["indicator_id"] = self.indicator(f, row["quote"])
                    if m is self.Incentive:
                        row["kind"] = f.kind
                        for code in groups_of(_sentence(a.text, f.start)):
                            rows[self.IncentiveGroups].append({"incentive_id": pk, "targetgroup_id": self.groups[code]})
                    rows[m].append(row)
        with transaction.atomic():
            for m in self.tables():
                if rows[m]:
                    _insert(m, rows[m])
                    self.counts[m._meta.db_table] += len(rows[m])

    def _reset_sequences(self) -> None:
        models = [self.Article, self.Program, self.Mention, self.Incentive, self.Metric,
                  self.ArticleDistricts, self.IncentiveGroups]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(c, 0, at) for c in "。\n") + 1
    ends = [e for e in (text.find(c, at) for c in "。\n") if e >= 0]
    return text[start:min(ends) if ends else len(text)]


def _checksum(text: str) -> str:
    from policies.importing import checksum  # the import's own, so a re-import finds the article

    return checksum(text)


def _insert(m, rows: list[dict]) -> None:
    fields = [f for f in m._meta.concrete_fields if f.attname in rows[0] or f.attname != "id"]
    if connection.vendor != "postgresql":
        m.objects.bulk_create([m(**{f.attname: r.get(f.attname, f.get_default()) for f in fields}) for r in rows],
                              batch_size=500)
        return
    buffer = io.StringIO()
    for r in rows:
        buffer.write("\t".join(_copy_value(f, r.get(f.attname, f.get_default())) for f in fields))
        buffer.write("\n")
    buffer.seek(0)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(f"COPY {connection.ops.quote_name(m._meta.db_table)} ({columns}) FROM STDIN", buffer)


def _copy_value(f, value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    if f.get_internal_type() == "JSONField":
        import json

        value = json.dumps(value, ensure_ascii=False)
    value = str(value)
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
