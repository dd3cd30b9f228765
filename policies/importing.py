"""Writes into the knowledge base: an article and the facts read from it.

`import_article` stores a text whole or not at all (one transaction);
`apply_extraction` writes the extractor's proposals beside what people have
decided, replacing only facts that are still the machine's own.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from simple_history.utils import bulk_create_with_history

from districts.models import District
from programs.choices import Origin, Status
from programs.models import Program, TargetGroup

from . import extraction, lifecycle
from .details import article_details
from .indicators import resolver
from .choices import IncentiveKind
from .models import Article, Incentive, Mention, Metric, fact_year
from .search import fact_search_text

WHITESPACE = re.compile(r"\s+")


def checksum(text: str) -> str:
    """SHA-256 of the text with widths folded (NFKC) and white space dropped,
    so that a re-typeset copy of an announcement is recognised."""
    folded = WHITESPACE.sub("", unicodedata.normalize("NFKC", text))
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass
class ImportResult:
    article: Article
    created: bool
    facts: int = 0


def find_duplicate(text: str) -> Article | None:
    return Article.objects.filter(sha256=checksum(text)).first()


def import_article(text: str, *, source_file: str = "", title: str = "", publisher: str = "",
                   published: str = "", source_url: str = "") -> ImportResult:
    """Store an article and its extracted facts in one transaction.

    The same text (by checksum) is stored once: a second import returns the
    existing article with created=False and writes nothing. Metadata given
    by the caller wins over what is read from the text (policies.details:
    a nameless text is named after its first headline-like line or sentence).
    """
    digest = checksum(text)
    existing = Article.objects.filter(sha256=digest).first()
    if existing:
        return ImportResult(existing, created=False)
    found = extraction.extract(text)
    read = article_details(text, found)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                text=text,
                sha256=digest,
                source_file=source_file,
                source_url=source_url,
                title=(title or read["title"])[:300],
                publisher=(publisher or read["publisher"])[:200],
                published=published or read["published"],
            )
            facts = apply_extraction(article, found)
    except IntegrityError:
        # Another import stored the same text while this one was extracting:
        # the checksum constraint kept it once; this import wrote nothing.
        existing = Article.objects.filter(sha256=digest).first()
        if existing is None:
            raise
        return ImportResult(existing, created=False)
    return ImportResult(article, created=True, facts=facts)


def fact_key(kind: str, quantity: extraction.Quantity) -> str:
    """What makes a proposal the same proposal when the extractor runs again."""
    return f"{kind}|{quantity.unit}|{quantity.value:g}|{quantity.value_max or ''}"


def decided_keys(model, article: Article) -> set[str]:
    """The keys of the facts people have decided on (the machine's own are
    deleted before this is asked): what the extractor once proposed, and what
    each fact says now, so that an improved extractor neither re-proposes a
    rejected figure nor proposes again a figure an editor has already put right."""
    keys, numbered = set(), Counter()
    for fact in model.objects.filter(article=article).order_by("span_start", "pk"):
        if fact.extraction_key:
            keys.add(fact.extraction_key)
        kind = fact.kind if model is Incentive else "metric:" + fact.label
        now = extraction.Quantity(
            float(fact.value), fact.unit, value_max=None if fact.value_max is None else float(fact.value_max)
        )
        base = fact_key(kind, now)
        numbered[base] += 1
        keys.add(f"{base}#{numbered[base]}")
    return keys


@transaction.atomic
def apply_extraction(article: Article, found: extraction.ArticleExtraction) -> int:
    """Write the extractor's findings for `article`; returns the number of new facts.

    Facts a person decided on (verified, rejected, corrected, entered by hand)
    stay exactly as they are, and nothing they cover is proposed again; the
    machine's own untouched proposals are replaced by the new ones.
    """
    Incentive.objects.filter(article=article).machine_owned().delete()
    Metric.objects.filter(article=article).machine_owned().delete()

    adcodes = set(found.districts)
    adcodes |= {f.district for f in [*found.programs, *found.incentives, *found.metrics] if f.district}
    districts = District.objects.in_bulk(adcodes, field_name="adcode")
    article.districts.add(*(districts[a] for a in found.districts if a in districts))
    fallback = districts.get(found.districts[0]) if found.districts else None

    def district_of(item):
        return districts.get(item.district) or fallback

    groups = TargetGroup.objects.in_bulk(field_name="code")
    programs = _write_programs(article, found.programs, district_of, groups)
    lifecycle.record_dates(article)
    # Each metric's indicator: a mapping staff made for its label wins over the extractor's.
    indicator_of = resolver([(m.label[:100], m.quantity.unit) for m in found.metrics])

    written = 0
    for model, items, kind_of in (
        (Incentive, found.incentives, lambda f: IncentiveKind.parse(f.kind) or IncentiveKind.OTHER),
        (Metric, found.metrics, lambda f: "metric:" + f.label),
    ):
        kept = decided_keys(model, article)
        seen = Counter()
        rows, row_groups = [], []
        for item in items:
            base_key = fact_key(kind_of(item), item.quantity)
            seen[base_key] += 1
            key = f"{base_key}#{seen[base_key]}"
            if key in kept:
                continue  # a person has decided on this one
            district = district_of(item)
            row = model(
                article=article,
                district=district,
                program=programs.get((district.pk if district else None, item.program)),
                value=Decimal(str(item.quantity.value)),
                value_max=None if item.quantity.value_max is None else Decimal(str(item.quantity.value_max)),
                unit=item.quantity.unit,
                measure=item.quantity.measure[:10],
                qualifier=item.quantity.qualifier,
                period=item.period or "",
                year=fact_year(item.period or "", article),
                target=item.target,
                label=item.label[:100],
                span_start=item.start,
                span_end=item.end,
                quote=article.text[item.start:item.end],
                search_text=fact_search_text(article.text[item.start:item.end], item.label[:100]),
                extraction_key=key,
                origin=Origin.EXTRACTED,
                status=Status.PROPOSED,
            )
            if model is Incentive:
                row.kind = kind_of(item)
            else:
                row.indicator = indicator_of(row.label, row.unit, item.indicator)
            rows.append(row)
            row_groups.append([groups[g] for g in item.groups if g in groups])
        # With history, so that the first correction of a fact shows what the
        # extractor had proposed ("from what to what").
        rows = bulk_create_with_history(rows, model, default_change_reason="extracted")
        if model is Incentive:
            through = Incentive.groups.through
            through.objects.bulk_create(
                [through(incentive=row, targetgroup=g) for row, gs in zip(rows, row_groups) for g in gs],
                ignore_conflicts=True,
            )
        written += len(rows)
    return written


def _write_programs(article, mentions, district_of, groups: dict) -> dict:
    """Find or create each mentioned program of its district, merging aliases;
    returns {(district id, name or alias): Program}."""
    by_name: dict = {}
    district_ids = {d.pk for d in map(district_of, mentions) if d}
    for program in Program.objects.filter(district__in=district_ids):
        for name in program.all_names():
            by_name[(program.district_id, name)] = program
    for mention in mentions:
        district = district_of(mention)
        district_id = district.pk if district else None
        names = [mention.name, *mention.aliases]
        program = next((by_name[(district_id, n)] for n in names if (district_id, n) in by_name), None)
        if program is None:
            # get_or_create, not create: an import running beside this one may
            # have just created the same program (the name is unique in its district).
            program, _ = Program.objects.get_or_create(
                name=mention.name[:100], district=district, defaults={"aliases": list(mention.aliases)}
            )
        elif program.origin == Origin.EXTRACTED and set(names) - set(program.all_names()):
            program.aliases = [*program.aliases, *(n for n in names if n not in program.all_names())]
            program.save(update_fields=["aliases", "updated_at"])
        for name in [*names, *program.all_names()]:
            by_name[(district_id, name)] = program
        Mention.objects.get_or_create(
            program=program,
            article=article,
            defaults={
                "span_start": mention.start,
                "span_end": mention.end,
                "quote": article.text[mention.start:mention.end][:200],
            },
        )
        program.groups.add(*(groups[g] for g in mention.groups if g in groups))
    return by_name


def reextract_article(article: Article) -> int:
    """Run the (possibly improved) extractor over a stored article again.

    Only the machine's untouched proposals are replaced (see apply_extraction);
    returns the number of new proposals."""
    return apply_extraction(article, extraction.extract(article.text))
