"""Programs' dates, read from the articles that name them and kept up to date as articles come in.

Each mention keeps what its sentence says of the program's dates (policies.dates);
a program's `launched` is the earliest start a sentence states, else the date
of its first article, and its `ends` the end stated by the newest article that
states one (a later announcement may extend a program); its `last_reported_on` the
newest article's date (programs.lifecycle: an old one with no end is not called
in force). Staff who edit a
program's dates own them (Program.dates_by_hand): nothing here changes them
again. Staff's life stage (Program.stage) is never touched.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from programs.lifecycle import first_day, last_day
from programs.models import Program

from . import dates
from .models import Article, Mention


def read_dates(mention: Mention, article: Article) -> bool:
    """Set what the mention's sentence says of its program's dates; whether that changed anything."""
    found = dates.read_for_mention(article.text, mention.span_start, mention.span_end, article.published)
    now = (found.launched, found.ends, found.quote)
    if now == (mention.launched, mention.ends, mention.dates_quote):
        return False
    mention.launched, mention.ends, mention.dates_quote = now
    return True


def read_mentions(articles: list[Article]) -> set[int]:
    """Read the dates of every stored mention in `articles` again (one query, one
    update); returns the ids of their programs."""
    texts = {a.pk: a for a in articles}
    programs, changed = set(), []
    for mention in Mention.objects.filter(article__in=list(texts)):
        if read_dates(mention, texts[mention.article_id]):
            changed.append(mention)
        programs.add(mention.program_id)
    Mention.objects.bulk_update(changed, ["launched", "ends", "dates_quote"])
    return programs


def refresh(program_ids: Iterable[int]) -> None:
    """Recompute the dates of these programs, except those whose dates staff set
    (a few queries whatever their number; a history row for each that changed).

    A program is launched at the earliest date its texts give, else at its first
    article's date; it ends where the latest article stating an end says. The
    rule is folded over plain rows as they stream in: a program's mentions may
    be thousands, and memory stays the same."""
    ids = set(program_ids)
    if not ids:
        return
    first_start, first_published, last_end, last_reported = {}, {}, {}, {}
    rows = Mention.objects.filter(program__in=ids).values_list(
        "program_id", "launched", "ends", "article__published", "pk")
    for program, launched, ends, published, pk in rows.iterator(chunk_size=2000):
        if launched and (program not in first_start or launched < first_start[program]):
            first_start[program] = launched
        if published and (program not in first_published or published < first_published[program]):
            first_published[program] = published
        reported = last_day(published)
        if reported and (program not in last_reported or reported > last_reported[program]):
            last_reported[program] = reported
        if ends and (program not in last_end or (published, pk) > last_end[program][0]):
            last_end[program] = ((published, pk), ends)
    changed, reported = [], []
    for program in Program.objects.filter(pk__in=ids).iterator(chunk_size=500):
        # When it was last reported is no date staff set, and no change of it worth a history row.
        if program.last_reported_on != last_reported.get(program.pk):
            program.last_reported_on = last_reported.get(program.pk)
            reported.append(program)
        if program.dates_by_hand:
            continue
        launched = first_start.get(program.pk) or first_published.get(program.pk, "")
        ends = last_end[program.pk][1] if program.pk in last_end else ""
        if (launched, ends) != (program.launched, program.ends):
            program.launched, program.ends = launched, ends
            program.launched_on, program.ends_on = first_day(launched), last_day(ends)
            program.updated_at = timezone.now()
            changed.append(program)
    bulk_update_with_history(changed, Program, ["launched", "ends", "launched_on", "ends_on", "updated_at"])
    Program.objects.bulk_update(reported, ["last_reported_on"], batch_size=500)


@dataclass
class Change:
    """An offer of one article, read against the program's earlier articles."""

    fact: object
    change: str  # "new", "higher", "lower", "same"
    before: object | None = None  # the earlier offer it is compared with


@dataclass
class Step:
    """One article of a program, in order, with what it added or changed."""

    article: object
    mention: object | None
    changes: list[Change] = field(default_factory=list)


def _size(fact):
    return fact.value_max if fact.value_max is not None else fact.value


def steps(mentions, incentives) -> list[Step]:
    """The program's articles oldest first (undated last), each with its offers marked new, higher,
    lower or the same as the largest earlier offer of the same kind in the same unit.
    Plain Python over what the page has loaded: no query."""
    by_article: dict[int, Step] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, Step(m.article, m))
    for f in incentives:
        by_article.setdefault(f.article_id, Step(f.article, None))
    ordered = sorted(by_article.values(), key=lambda s: (not s.article.published, s.article.published, s.article.pk))
    offers: dict[int, list] = {}
    for f in incentives:
        offers.setdefault(f.article_id, []).append(f)
    largest: dict[tuple, object] = {}
    for step in ordered:
        for f in sorted(offers.get(step.article.pk, []), key=lambda f: f.span_start):
            key = (f.kind, f.unit, f.measure)
            before = largest.get(key)
            if before is None:
                change = "new"
            elif _size(f) > _size(before):
                change = "higher"
            elif _size(f) < _size(before):
                change = "lower"
            else:
                change = "same"
            step.changes.append(Change(f, change, before))
        for change in step.changes:
            key = (change.fact.kind, change.fact.unit, change.fact.measure)
            if key not in largest or _size(change.fact) > _size(largest[key]):
                largest[key] = change.fact
    return ordered


@dataclass
class Event:
    """A dated moment of a district: an article announced, a program launched or ending."""

    date: str  # a partial ISO date, as written
    kind: str  # "article", "launched", "ends"
    item: object  # the Article, or the first Program
    items: list = field(default_factory=list)  # the programs launched or ending that day


EVENT_ORDER = {"ends": 0, "launched": 1, "article": 2}


def timeline(programs, articles) -> list[Event]:
    """The district's programs' launches and ends and its articles, newest first (undated articles
    last); plain Python over what the page loaded."""
    events = [Event(a.published, "article", a) for a in articles]
    for p in programs:
        if p.launched:
            events.append(Event(p.launched, "launched", p))
        if p.ends:
            events.append(Event(p.ends, "ends", p))
    def when(e: Event):
        # An end is its last possible day (到2023年: 2023-12-31), anything else its first.
        day = last_day(e.date) if e.kind == "ends" else first_day(e.date)
        return day, -EVENT_ORDER[e.kind]

    dated = sorted((e for e in events if first_day(e.date)), key=when, reverse=True)
    # Programs launched (or ending) on the same day, as one article often launches several, are one event.
    merged: list[Event] = []
    for e in dated:
        if e.kind != "article" and merged and (merged[-1].date, merged[-1].kind) == (e.date, e.kind):
            merged[-1].items.append(e.item)
        else:
            merged.append(Event(e.date, e.kind, e.item, [e.item] if e.kind != "article" else []))
    return merged + [e for e in events if not first_day(e.date)]
