"""The indicator vocabulary in the database, and which indicator a metric gets.

The vocabulary is kept as data in policies/extraction/indicators.json, where
the extractor's matcher reads it; the database holds a copy that staff
correct in the admin (names, wordings, unit, category) and that the pages
and the export use.

`sync_vocabulary` copies the file into the database (the data migration, and
`manage.py sync_indicators` after the file changes). It never overwrites a
staff edit blindly: each row keeps what the file said at the last sync
(`synced`), and a field is taken from the file only where the database still
holds that old file value. Where staff changed a field and the file changed
it too, staff win and the field is reported as a conflict. Wordings merge as
sets: those the file added come in, those it dropped go, those staff added
stay. Indicators gone from the file stay (metrics point at them) and are
reported.

`resolver` gives each imported metric its indicator: a mapping staff made
for its label and unit (IndicatorMapping, possibly to none) wins over the
extractor's code. A mapping never touches a fact a person decided on
(policies.importing replaces only the machine's own proposals; here
`apply_mapping` updates only those).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_noop
from simple_history.utils import bulk_update_with_history

from . import review
from .extraction import indicators as vocabulary
from .models import Indicator, IndicatorCategory, IndicatorMapping, Metric

CATEGORY_FIELDS = ("name_zh", "name_en", "position")
INDICATOR_FIELDS = ("name_zh", "name_en", "unit", "category", "position", "wordings")


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # "code.field": staff's edit kept, the file changed it too
    missing: list[str] = field(default_factory=list)  # in the database, no longer in the file

    def lines(self) -> list[str]:
        out = []
        for name, codes in (("created", self.created), ("updated", self.updated),
                            ("staff edits kept over a change in the file", self.kept),
                            ("in the database but no longer in the file", self.missing)):
            if codes:
                out.append(f"{name} ({len(codes)}): {', '.join(codes)}")
        return out


def file_rows():
    """The vocabulary file as {code: fields} for categories and for indicators."""
    categories, indicators = vocabulary.load()
    cats = {c.code: {"name_zh": c.name_zh, "name_en": c.name_en, "position": i} for i, c in enumerate(categories)}
    inds = {
        i.code: {"name_zh": i.name_zh, "name_en": i.name_en, "unit": i.unit, "category": i.category,
                 "position": n, "wordings": list(i.wordings)}
        for n, i in enumerate(indicators)
    }
    return cats, inds


def merge_field(name: str, current, old, new):
    """The three-way merge of one field: (value to keep, whether staff's edit won over a file change)."""
    if name == "wordings":
        current, old, new = list(current or []), list(old or []), list(new or [])
        added = [w for w in new if w not in old]
        dropped = set(old) - set(new)
        merged = [w for w in current if w not in dropped] + [w for w in added if w not in current]
        return merged, False
    if old is None or current == old:
        return new, False  # staff have not touched it (or there is no record): the file's value
    return current, new != old  # staff changed it: theirs stays; a conflict if the file moved too


def _sync(model, rows: dict, fields, report: SyncReport, to_db: Callable, from_db: Callable):
    existing = {obj.code: obj for obj in model.objects.all()}
    for code, wanted in rows.items():
        obj = existing.get(code)
        if obj is None:
            model.objects.create(code=code, synced=wanted, **to_db(wanted))
            report.created.append(code)
            continue
        current = from_db(obj)
        merged, changed = {}, False
        for name in fields:
            value, conflict = merge_field(name, current[name], obj.synced.get(name), wanted[name])
            merged[name] = value
            changed |= value != current[name]
            if conflict:
                report.kept.append(f"{code}.{name}")
        if changed or obj.synced != wanted:
            for name, value in to_db(merged).items():
                setattr(obj, name, value)
            obj.synced = wanted
            obj.save()
            if changed:
                report.updated.append(code)
    report.missing += sorted(set(existing) - set(rows))


@transaction.atomic
def sync_vocabulary(category_model=IndicatorCategory, indicator_model=Indicator) -> SyncReport:
    """Bring the database's vocabulary up to indicators.json (see the module's rule).

    Takes the models so that a migration can pass its historical ones."""
    cats, inds = file_rows()
    report = SyncReport()
    _sync(category_model, cats, CATEGORY_FIELDS, report,
          to_db=lambda f: {k: f[k] for k in CATEGORY_FIELDS},
          from_db=lambda o: {k: getattr(o, k) for k in CATEGORY_FIELDS})
    categories = {c.code: c for c in category_model.objects.all()}
    _sync(indicator_model, inds, INDICATOR_FIELDS, report,
          to_db=lambda f: {**{k: f[k] for k in INDICATOR_FIELDS if k != "category"},
                           "category": categories[f["category"]]},
          from_db=lambda o: {**{k: getattr(o, k) for k in INDICATOR_FIELDS if k != "category"},
                             "category": o.category.code})
    return report


def resolver(labels: list[tuple[str, str]]) -> Callable[[str, str, str | None], Indicator | None]:
    """`resolve(label, unit, extractor_code)` for the metrics of one import, in two queries:
    a staff mapping of (label, unit) wins, else the extractor's indicator if the vocabulary has it."""
    wanted = {label for label, _unit in labels}
    mappings = {
        (m.label, m.unit): m.indicator
        for m in IndicatorMapping.objects.filter(label__in=wanted).select_related("indicator")
    }
    by_code = Indicator.objects.in_bulk(field_name="code")

    def resolve(label: str, unit: str, code: str | None) -> Indicator | None:
        if (label, unit) in mappings:
            return mappings[(label, unit)]
        return by_code.get(code) if code else None

    return resolve


def apply_mapping(mapping: IndicatorMapping) -> int:
    """Give the machine's own proposals with the mapping's label and unit its indicator;
    returns how many changed. Facts a person decided on keep theirs."""
    facts = list(
        Metric.objects.machine_owned()
        .filter(label=mapping.label, unit=mapping.unit)
        .exclude(indicator=mapping.indicator_id)
    )
    for fact in facts:
        fact.indicator_id = mapping.indicator_id
    bulk_update_with_history(facts, Metric, ["indicator"], default_change_reason=gettext_noop("indicator mapping"))
    return len(facts)


@transaction.atomic
def remember(metrics, indicator: Indicator | None, user) -> tuple[int, int]:
    """Map the labels (and units) of `metrics` to `indicator` from now on.

    Returns (mappings made or changed, other proposals that followed them)."""
    changed = followed = 0
    target = indicator.pk if indicator else None
    for label, unit in sorted({(m.label, m.unit) for m in metrics}):
        mapping, created = IndicatorMapping.objects.get_or_create(
            label=label, unit=unit, defaults={"indicator": indicator, "created_by": user}
        )
        if created:
            changed += 1
        elif mapping.indicator_id != target:
            mapping.indicator, mapping.created_by = indicator, user
            mapping.save()
            changed += 1
        followed += apply_mapping(mapping)
    return changed, followed


@transaction.atomic
def set_indicator(metrics, indicator: Indicator | None, user) -> int:
    """A person sets the indicator of `metrics`: a correction like any other (policies.review),
    so the extractor never replaces it. Returns how many changed."""
    n = 0
    for fact in metrics:
        if fact.indicator_id == (indicator.pk if indicator else None):
            continue
        fact.indicator = indicator
        fact._history_user = user
        review.correct(fact, user, ["indicator"])
        n += 1
    return n
