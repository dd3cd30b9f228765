"""Writes into the knowledge base: an article and the facts read from it.

`prepare` reads a text without the database (worker processes run it);
`store` writes a batch of prepared articles, each whole or none of them (one
transaction per batch), a few queries per batch rather than per article;
`import_article` is one text prepared and stored. `apply_extractions` writes
the extractor's proposals beside what people have decided, replacing only
facts that are still the machine's own.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop
from simple_history.utils import bulk_update_with_history

from districts.models import District
from programs.choices import Origin, Status
from programs.models import Program, TargetGroup, pinyin_key

from . import extraction, lifecycle, search
from .details import article_details
from .history import create_with_history
from .indicators import resolver
from .choices import IncentiveKind
from .models import Article, Incentive, Mention, Metric, fact_year
from .search import fact_search_text, program_search_text

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


@dataclass
class Prepared:
    """An article read and extracted but not stored: plain data, made without the
    database, so that worker processes can prepare while the writer writes."""

    text: str
    sha256: str
    found: extraction.ArticleExtraction
    title: str
    publisher: str
    published: str
    source_file: str
    source_url: str
    search_text: str
    # Each extracted fact's search words by (start, end, label), made here so that the writer need not.
    fact_words: dict | None = None


def fact_words(text: str, found: extraction.ArticleExtraction) -> dict[tuple, str]:
    """The search words of each fact the extractor found, as the writer would store them."""
    return {
        (f.start, f.end, f.label[:100]): fact_search_text(text[f.start:f.end], f.label[:100])
        for f in [*found.incentives, *found.metrics]
    }


def find_duplicate(text: str) -> Article | None:
    return Article.objects.filter(sha256=checksum(text)).first()


def prepare(text: str, *, source_file: str = "", title: str = "", publisher: str = "",
            published: str = "", source_url: str = "", page_title: str = "") -> Prepared:
    """Everything an import computes before it writes: the checksum, the extractor's
    findings, the metadata (given metadata wins over what policies.details reads
    from the text; a nameless text is named after its HTML page's <title>, else
    its first headline-like line or sentence) and the search words. Touches no database."""
    found = extraction.extract(text)
    read = article_details(text, found, page_title)
    title = (title or read["title"])[:300]
    return Prepared(
        text=text, sha256=checksum(text), found=found, title=title,
        publisher=(publisher or read["publisher"])[:200], published=published or read["published"],
        source_file=source_file, source_url=source_url,
        # What the pre_save receiver would write (bulk_create sends no signal).
        search_text=search.search_text(title, text),
        fact_words=fact_words(text, found),
    )


def import_article(text: str, **metadata) -> ImportResult:
    """Store one article and its extracted facts in one transaction (see `store`)."""
    return store([prepare(text, **metadata)])[0]


# A batch that meets a concurrent import's rows (an IntegrityError on an
# article's checksum or a program's name, or a deadlock between the two) is
# rolled back and written again, reading what the other import has committed.
WRITE_ATTEMPTS = 5


def store(batch: list[Prepared]) -> list[ImportResult]:
    """Store a batch of prepared articles, each with its facts, in one transaction.

    This is the one place where imports write (the import command, jobs and the
    admin's add form all come here). The same text (by checksum) is stored once:
    a text already stored, or met earlier in the batch, gives created=False and
    writes nothing. A failure leaves nothing of the batch behind.
    """
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                return _store(batch)
        except (IntegrityError, OperationalError):
            # Another import stored some of the same texts or programs while this
            # one was extracting: the unique constraints kept each once, and this
            # batch wrote nothing. Reading again finds theirs.
            if attempt == WRITE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def _store(batch: list[Prepared]) -> list[ImportResult]:
    stored = {
        a.sha256: a
        for a in Article.objects.filter(sha256__in={p.sha256 for p in batch}).defer("search_text")
    }
    new: dict[str, Article] = {}
    for prepared in batch:
        if prepared.sha256 not in stored and prepared.sha256 not in new:
            new[prepared.sha256] = Article(
                text=prepared.text, sha256=prepared.sha256, source_file=prepared.source_file,
                source_url=prepared.source_url, title=prepared.title, publisher=prepared.publisher,
                published=prepared.published, search_text=prepared.search_text,
            )
    Article.objects.bulk_create(list(new.values()))
    found = {p.sha256: p for p in batch}
    facts = dict(zip(new, apply_extractions([(a, found[key].found) for key, a in new.items()], fresh=True,
                                            words=[found[key].fact_words or {} for key in new])))
    results = []
    for prepared in batch:
        article = new.pop(prepared.sha256, None)
        if article is not None:
            stored[prepared.sha256] = article
            results.append(ImportResult(article, created=True, facts=facts[prepared.sha256]))
        else:
            results.append(ImportResult(stored[prepared.sha256], created=False))
    return results


def fact_key(kind: str, quantity: extraction.Quantity) -> str:
    """What makes a proposal the same proposal when the extractor runs again."""
    return f"{kind}|{quantity.unit}|{quantity.value:g}|{quantity.value_max or ''}"


def decided_keys(model, articles: list[Article]) -> dict[int, set[str]]:
    """The keys of the facts people have decided on in each article (not the
    machine's own proposals), in one query: what the extractor once
    proposed, and what each fact says now, so that an improved extractor neither
    re-proposes a rejected figure nor proposes again a figure an editor has
    already put right."""
    keys: dict[int, set[str]] = {a.pk: set() for a in articles}
    numbered = Counter()
    label = "kind" if model is Incentive else "label"
    rows = (
        model.objects.filter(article__in=[a.pk for a in articles])
        .exclude(origin=Origin.EXTRACTED, status=Status.PROPOSED)
        .order_by("article_id", "span_start", "pk")
        .values_list("article_id", "extraction_key", label, "value", "unit", "value_max")
    )
    for article_id, extraction_key, name, value, unit, value_max in rows:
        if extraction_key:
            keys[article_id].add(extraction_key)
        kind = name if model is Incentive else "metric:" + name
        now = extraction.Quantity(float(value), unit, value_max=None if value_max is None else float(value_max))
        base = fact_key(kind, now)
        numbered[(article_id, base)] += 1
        keys[article_id].add(f"{base}#{numbered[(article_id, base)]}")
    return keys


@transaction.atomic
def apply_extraction(article: Article, found: extraction.ArticleExtraction) -> int:
    """Write the extractor's findings for one stored article; returns the number of new facts."""
    return apply_extractions([(article, found)])[0]


@transaction.atomic(savepoint=False)
def apply_extractions(pairs: list[tuple[Article, extraction.ArticleExtraction]], *, fresh: bool = False,
                      words: list[dict] | None = None) -> list[int]:
    """Write the extractor's findings for each (stored article, findings); returns
    the number of new facts of each. A few queries per batch, not per article.

    Facts a person decided on (verified, rejected, corrected, entered by hand)
    stay exactly as they are, and nothing they cover is proposed again; the
    machine's own untouched proposals are replaced by the new ones, but for
    those proposed again (the same key, quote and qualifier), which keep their
    row and id, so that links to them still work. `fresh`
    says the articles were created just now, so that they have nothing to
    replace or keep and their facts need not be read. `words` are the facts'
    search words of each article where `prepare` made them already.
    """
    if not pairs:
        return []
    articles = [a for a, _found in pairs]
    # The machine's own proposals stored now, by what makes one the same when proposed again.
    owned = {model: {} if fresh else {
        (f.article_id, f.extraction_key, f.quote, f.qualifier): f
        for f in model.objects.filter(article__in=articles).machine_owned()
    } for model in (Incentive, Metric)}

    adcodes = set()
    for _article, found in pairs:
        adcodes |= set(found.districts)
        adcodes |= {f.district for f in [*found.programs, *found.incentives, *found.metrics] if f.district}
    districts = District.objects.in_bulk(adcodes, field_name="adcode")
    through = Article.districts.through
    through.objects.bulk_create(
        [through(article=a, district=districts[code])
         for a, found in pairs for code in dict.fromkeys(found.districts) if code in districts],
        ignore_conflicts=True,
    )
    groups = TargetGroup.objects.in_bulk(field_name="code")
    # Each metric's indicator: a mapping staff made for its label wins over the extractor's.
    indicator_of = resolver([(m.label[:100], m.quantity.unit) for _a, found in pairs for m in found.metrics])
    writer = _ProgramWriter(pairs, districts, groups, fresh=fresh)
    kept = {} if fresh else {model: decided_keys(model, articles) for model in (Incentive, Metric)}

    rows = {Incentive: [], Metric: []}
    row_groups = []
    again = {Incentive: [], Metric: []}  # proposals kept, with what they say now
    again_groups = []
    written = []
    for index, (article, found) in enumerate(pairs):
        known = words[index] if words else {}
        fallback = districts.get(found.districts[0]) if found.districts else None

        def district_of(item):
            return districts.get(item.district) or fallback

        programs = writer.write(article, found.programs, district_of)
        count = 0
        for model, items, kind_of in (
            (Incentive, found.incentives, lambda f: IncentiveKind.parse(f.kind) or IncentiveKind.OTHER),
            (Metric, found.metrics, lambda f: "metric:" + f.label),
        ):
            decided = kept[model][article.pk] if kept else ()
            seen = Counter()
            for item in items:
                base_key = fact_key(kind_of(item), item.quantity)
                seen[base_key] += 1
                key = f"{base_key}#{seen[base_key]}"
                if key in decided:
                    continue  # a person has decided on this one
                district = district_of(item)
                row = _fact_row(model, article, item, key, district,
                                programs.get((district.pk if district else None, item.program)))
                row.search_text = known.get((item.start, item.end, row.label)) or fact_search_text(row.quote, row.label)
                if model is Incentive:
                    row.kind = kind_of(item)
                    item_groups = [groups[g] for g in item.groups if g in groups]
                else:
                    row.indicator = indicator_of(row.label, row.unit, item.indicator)
                stored = owned[model].pop((article.pk, key, row.quote, row.qualifier), None)
                if stored is None:
                    rows[model].append(row)
                    if model is Incentive:
                        row_groups.append(item_groups)
                else:
                    again[model].append((stored, row))
                    if model is Incentive:
                        again_groups.append((stored, item_groups))
                count += 1
        written.append(count)

    writer.save()
    for model in (Incentive, Metric):
        # Proposals no longer made go; those made again keep their row, updated where the extractor now says otherwise.
        model.objects.filter(pk__in=[f.pk for f in owned[model].values()]).delete()
        _update_proposals(model, again[model])
    if again_groups:
        links = Incentive.groups.through
        links.objects.filter(incentive__in=[f.pk for f, _gs in again_groups]).delete()
        links.objects.bulk_create([links(incentive=f, targetgroup=g) for f, gs in again_groups for g in gs],
                                  ignore_conflicts=True)
    for model in (Incentive, Metric):
        # With history, so that the first correction of a fact shows what the
        # extractor had proposed ("from what to what").
        created = create_with_history(rows[model], model, reason=gettext_noop("extracted"))
        if model is Incentive:
            links = Incentive.groups.through
            links.objects.bulk_create(
                [links(incentive=row, targetgroup=g) for row, gs in zip(created, row_groups) for g in gs],
                ignore_conflicts=True,
            )
    return written


def _update_proposals(model, pairs: list) -> None:
    """Give each stored proposal (stored, row) what the new `row` says, writing only those that changed."""
    fields = [f.name for f in model._meta.concrete_fields
              if f.name not in ("id", "article", "origin", "status", "reviewed_by", "reviewed_at", "created_at", "updated_at")]

    def now(row, field):  # a program created in this batch got its id after the row was made
        value = getattr(row, field.name)
        return value.pk if field.is_relation and value is not None else value

    changed = []
    for stored, row in pairs:
        if any(getattr(stored, f.attname) != now(row, f) for f in map(model._meta.get_field, fields)):
            for name in fields:
                setattr(stored, name, getattr(row, name))
            stored.updated_at = timezone.now()
            changed.append(stored)
    if changed:
        bulk_update_with_history(changed, model, [*fields, "updated_at"], default_change_reason=gettext_noop("re-extracted"))


def _fact_row(model, article: Article, item, key: str, district, program):
    """An unsaved incentive or metric as the extractor proposes it (without its search words)."""
    quantity = item.quantity
    return model(
        article=article, district=district, program=program,
        value=Decimal(str(quantity.value)),
        value_max=None if quantity.value_max is None else Decimal(str(quantity.value_max)),
        unit=quantity.unit, measure=quantity.measure[:10], qualifier=quantity.qualifier,
        period=item.period or "", year=fact_year(item.period or "", article), published=article.published,
        target=item.target, label=item.label[:100], span_start=item.start, span_end=item.end,
        quote=article.text[item.start:item.end], extraction_key=key,
        origin=Origin.EXTRACTED, status=Status.PROPOSED,
    )


class _ProgramWriter:
    """The programs a batch of articles names: each found, or created, in its
    district (merging aliases), the mentions that link them to the articles and
    their target groups; written in bulk by `save`, in the order the articles
    came, as importing them one by one would have."""

    def __init__(self, pairs, districts: dict, groups: dict, *, fresh: bool):
        self.groups = groups
        self.by_name: dict = {}
        district_ids = {d.pk for d in districts.values()}
        # Every program of the districts the batch names, by each of its names, in one query.
        for program in Program.objects.filter(district__in=district_ids):
            for name in program.all_names():
                self.by_name[(program.district_id, name)] = program
        self.unplaced = {}  # programs of no district, found by their name alone
        if any(not found.districts for _a, found in pairs):
            names = {m.name[:100] for _a, found in pairs for m in found.programs}
            for program in Program.objects.filter(district__isnull=True, name__in=names).order_by("pk"):
                self.unplaced.setdefault(program.name, program)
        self.created: list[Program] = []
        self.changed: dict[int, Program] = {}
        self.mentions: list[Mention] = []
        self.linked = set() if fresh else set(
            Mention.objects.filter(article__in=[a.pk for a, _f in pairs]).values_list("program_id", "article_id")
        )
        self.new_links: set = set()
        self.program_groups: list = []
        self.articles: list[Article] = []
        self.fresh = fresh

    def write(self, article, mentions, district_of) -> dict:
        """Settle the programs `article` names; returns {(district id, name or alias): Program}
        for its facts: the programs of the districts its mentions are in."""
        self.articles.append(article)
        seen_districts = set()
        for mention in mentions:
            district = district_of(mention)
            district_id = district.pk if district else None
            seen_districts.add(district_id)
            names = [mention.name, *mention.aliases]
            program = next((self.by_name[(district_id, n)] for n in names if (district_id, n) in self.by_name), None)
            if program is None and district_id is None:
                program = self.unplaced.get(mention.name[:100])
            if program is None:
                program = Program(name=mention.name[:100], district=district, aliases=list(mention.aliases))
                self.created.append(program)
            elif program.origin == Origin.EXTRACTED and set(names) - set(program.all_names()):
                program.aliases = [*program.aliases, *(n for n in names if n not in program.all_names())]
                if program.pk:
                    self.changed[program.pk] = program
            for name in [*names, *program.all_names()]:
                self.by_name[(district_id, name)] = program
            link = (id(program), article.pk)
            if (program.pk, article.pk) not in self.linked and link not in self.new_links:
                self.new_links.add(link)
                self.mentions.append(Mention(
                    program=program, article=article, span_start=mention.start, span_end=mention.end,
                    quote=article.text[mention.start:mention.end][:200],
                ))
            self.program_groups += [(program, self.groups[g]) for g in mention.groups if g in self.groups]
        by_name = self.by_name

        class Named(dict):
            # What importing this article alone would see: the programs of its mentions' districts.
            def get(self, key, default=None):
                return by_name.get(key, default) if key[0] in seen_districts else default

        return Named()

    def save(self) -> None:
        now = timezone.now()
        # What the pre_save receivers would write (bulk writes send no signal).
        for program in self.created:
            program.pinyin = pinyin_key(program.name)
            program.search_text = program_search_text(program.name, program.aliases)
        create_with_history(self.created, Program)  # no reason, as before
        if self.changed:
            changed = list(self.changed.values())
            for program in changed:
                program.updated_at = now
                program.search_text = program_search_text(program.name, program.aliases)
            bulk_update_with_history(changed, Program, ["aliases", "search_text", "updated_at"])
        for mention in self.mentions:
            lifecycle.read_dates(mention, mention.article)
        Mention.objects.bulk_create(self.mentions)
        through = Program.groups.through
        through.objects.bulk_create(
            [through(program=p, targetgroup=g) for p, g in dict.fromkeys(self.program_groups)],
            ignore_conflicts=True,
        )
        programs = {m.program_id for m in self.mentions}
        if not self.fresh:
            # A re-extraction: the mentions stored before read their dates again too.
            programs |= lifecycle.read_mentions(self.articles)
        lifecycle.refresh(programs)


def reextract_article(article: Article) -> int:
    """Run the (possibly improved) extractor over a stored article again.

    Only the machine's untouched proposals are replaced (see apply_extraction);
    returns the number of new proposals."""
    return apply_extraction(article, extraction.extract(article.text))
