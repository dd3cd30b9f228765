"""Writes a person makes on facts: accept, correct, reject, add by hand, merge programs.

The machine proposes; a person decides. Every decision records who made it
and when (`reviewed_by`, `reviewed_at`), and is saved through the model's
`save()` so that django-simple-history keeps the before and after. A fact
the extractor proposed keeps its `extraction_key` whatever happens to it:
`apply_extraction` uses that key to never propose the same fact again.
"""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from programs.choices import Origin, Status
from programs.models import Program

from . import lifecycle
from .models import Incentive, Mention, Metric

# What an editor may correct on a fact; changing any of them makes an
# extracted fact `corrected`.
CORRECTABLE = (
    "kind", "label", "indicator", "value", "value_max", "unit", "measure", "qualifier",
    "district", "program", "period", "target", "groups",
)
FACT_MODELS = (Incentive, Metric)


def _stamp(fact, user, status):
    fact.status = status
    fact.reviewed_by = user if user and user.is_authenticated else None
    fact.reviewed_at = timezone.now()


def accept(fact, user):
    """Verify a fact as it stands; its origin does not change."""
    _stamp(fact, user, Status.VERIFIED)
    fact.save()


def reject(fact, user):
    """Reject a fact. It stays in the database (hidden from the public) so
    that re-extraction sees its key and does not propose it again."""
    _stamp(fact, user, Status.REJECTED)
    fact.save()


def correct(fact, user, changed: list[str], groups=None):
    """Save an edited fact: the fields in `changed` have already been set on
    it, but for its target groups, which are a relation: `groups`, when
    "groups" is among the changed, is what they become.

    A fact the machine proposed becomes `corrected`; one entered by hand stays
    `manual`. Either way a person has now looked at it, so it is verified.
    """
    if not changed:
        return accept(fact, user)
    if fact.origin == Origin.EXTRACTED:
        fact.origin = Origin.CORRECTED
    _stamp(fact, user, Status.VERIFIED)
    fact.save()
    if "groups" in changed and groups is not None:
        fact.groups.set(groups)


def add_by_hand(model, *, article, user, span_start: int, span_end: int, groups=(), **fields):
    """A fact a person read in the text and the extractor missed (`groups`:
    an incentive's target groups)."""
    fact = model(
        article=article,
        span_start=span_start,
        span_end=span_end,
        quote=article.text[span_start:span_end],
        origin=Origin.MANUAL,
        **fields,
    )
    _stamp(fact, user, Status.VERIFIED)
    fact.full_clean(exclude=["groups"])
    fact.save()
    if groups:
        fact.groups.set(groups)
    return fact


@transaction.atomic
def merge_programs(keep: Program, others) -> int:
    """Merge `others` into `keep`: their names become aliases of `keep`, their
    facts, mentions and target groups move to it, and they are deleted.
    Returns the number of programs merged."""
    others = [p for p in others if p.pk != keep.pk]
    aliases = list(keep.aliases)
    for program in others:
        for name in program.all_names():
            if name != keep.name and name not in aliases:
                aliases.append(name)
        for model in FACT_MODELS:
            # One by one, so that the history of each fact records the move.
            for fact in model.objects.filter(program=program):
                fact.program = keep
                fact.save(update_fields=["program", "updated_at"])
        for mention in Mention.objects.filter(program=program):
            if Mention.objects.filter(program=keep, article_id=mention.article_id).exists():
                mention.delete()
            else:
                mention.program = keep
                mention.save(update_fields=["program"])
        keep.groups.add(*program.groups.all())
        program.delete()
    keep.aliases = aliases
    keep.save()
    lifecycle.refresh([keep.pk])  # its mentions now include the merged programs'
    return len(others)
