"""A full backup of the knowledge base, and its restore into an empty database.

`export_kb` writes what the knowledge base knows in the shape researchers and
score.py read; it leaves out article texts, rejected facts and who decided
what. A backup keeps everything a person or the machine wrote: articles with
their text and metadata, every fact with its status, origin, reviewer and
history, programs with their aliases and history (merges included), the
accounts that made the decisions, and whatever else MODELS lists. It is also
how a deployment moves from the embedded SQLite to PostgreSQL.

The file is JSON Lines: a header line, then one object per line in Django's
serialisation, so that neither writing nor restoring holds the database in
memory. Rows keep their ids (links to /articles/<id>/ survive a move); the
gazetteer, the target groups and the editor group, which migrations create,
are referred to by their natural keys (adcode, code, name). The same database
always writes the same bytes, so export → restore → export gives the same
file.
"""
from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils.translation import gettext as _

from .models import copy_article_dates

FORMAT = "talentkb-backup"
VERSION = 1

# Restored in this order: what a row points at comes before it.
MODELS = [
    "auth.group",
    "auth.user",
    "programs.program",
    "programs.historicalprogram",
    "policies.article",
    "policies.mention",
    "policies.incentive",
    "policies.historicalincentive",
    "policies.metric",
    "policies.historicalmetric",
    "policies.indicatorcategory",
    "policies.indicator",
    "policies.indicatormapping",
]
# Rows a migration creates in every database: a restore updates them by natural key.
MIGRATED = {"auth.group", "policies.indicatorcategory", "policies.indicator"}
# Created by migrations in every database, named in a backup by natural key.
REFERENCE = ["districts.district", "programs.targetgroup"]


class _Exact(DjangoJSONEncoder):
    """Timestamps with every microsecond. Django's encoder cuts them to
    milliseconds, so a restored row could write other bytes (12:00:00.000500
    is written .000, restored as 12:00:00, and then written without a fraction)."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            text = o.isoformat(timespec="microseconds")
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class BackupError(ValueError):
    """The file is not a backup this version reads, or the database is not empty."""


def write(out: IO[str]) -> Counter:
    """Write the backup to a text stream; returns the number of rows per model.

    `export_kb --full` and the admin's download both write through here, so both
    read the database as one snapshot (see `snapshot`)."""
    out.write(json.dumps({"format": FORMAT, "version": VERSION}) + "\n")
    written = Counter()
    with snapshot():
        for label in MODELS:
            model = apps.get_model(label)
            rows = model._default_manager.order_by("pk")
            serializers.serialize(
                "jsonl", _counted(rows.iterator(chunk_size=2000), written, label), stream=out,
                use_natural_foreign_keys=True, use_natural_primary_keys=True, ensure_ascii=False, sort_keys=True,
                cls=_Exact,
            )
    return written


@contextmanager
def snapshot() -> Iterator[None]:
    """Every table read as the database stood at one moment.

    The tables are read one after another, for seconds or minutes; read each in
    a moment of its own, a backup taken while editors work could hold a fact
    whose article came in after the articles were read, and then not restore.
    PostgreSQL reads a REPEATABLE READ transaction in the snapshot of its first
    query; read only, it holds up no writer. SQLite reads one transaction as
    one snapshot; writers wait for its end (up to the connection's timeout), as
    they wait for any reader of the file. In a transaction a caller has begun
    (a test's), its isolation can no longer be set: the backup is read in that one."""
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _counted(rows: Iterable, counter: Counter, label: str):
    for row in rows:
        counter[label] += 1
        yield row


def occupied() -> dict[str, int]:
    """What the database already holds of what a restore would write."""
    held = {label: apps.get_model(label)._default_manager.count() for label in MODELS if label not in MIGRATED}
    return {label: n for label, n in held.items() if n}


@transaction.atomic
def restore(lines: Iterable[str]) -> Counter:
    """Restore a backup into an empty database, whole or not at all."""
    lines = iter(lines)
    try:
        header = json.loads(next(lines))
    except (StopIteration, ValueError):
        raise BackupError(_("this is not a talentkb backup: its first line is not the backup header")) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(_("this is not a talentkb backup: its first line is not the backup header"))
    if header.get("version") != VERSION:
        raise BackupError(_("this backup is version %(found)s; this talentkb reads version %(known)s")
                          % {"found": header.get("version"), "known": VERSION})
    held = occupied()
    if held:
        raise BackupError(_("the database is not empty (%(held)s): restore into a newly migrated database")
                          % {"held": ", ".join(f"{label} {n}" for label, n in held.items())})
    restored = Counter()
    for item in serializers.deserialize("jsonl", lines):
        item.save()
        restored[item.object._meta.label_lower] += 1
    _reset_sequences()
    copy_article_dates()  # a backup of an earlier version holds no copy of the articles' dates
    return restored


def _reset_sequences() -> None:
    """PostgreSQL hands out ids from sequences that the restored rows bypassed."""
    models = [apps.get_model(label) for label in MODELS]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
