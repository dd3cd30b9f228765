"""A list's facet counts and total, counted once per filter state and data version, then read from a table.

Counting each facet over millions of facts takes seconds; the counts change
only when the data does. So they are kept in `ListCount`, keyed by the list,
its normalized filter state (the facets' values, q, the "in force on" date;
not the sort, the page or the facet order) and the reader's language, and
valid for one data version (policies.data_version), which every committed
write changes. A hit is one query (the version and the entry, joined); a miss
counts as before, then stores the result and drops entries of past versions
(three queries more). The first request for a filter state after a write is as
slow as counting; every app server shares the table, none keeps state. The
table holds at most LIST_COUNTS_MAX_ENTRIES entries (`store`).

A transaction that has written and not committed (a test, an admin action
that renders a list) counts directly: the cache knows only committed rows.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from datetime import date

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone, translation

from policies import data_version
from policies.models import DataVersion, ListCount

# Part of every key: raise it when the way counts are made changes, so that old entries are not read.
FORMAT = 2


def key_of(list_name: str, cleaned: dict, per_language: bool = True) -> str:
    state = sorted(
        (name, sorted(value) if isinstance(value, list) else value)
        for name, value in cleaned.items() if value not in (None, "", [])
    )
    # The life-stage facet counts against today, so its counts change at midnight without a write.
    language = translation.get_language() if per_language else ""
    what = [FORMAT, list_name, language, timezone.localdate().isoformat(), state]
    return hashlib.sha256(json.dumps(what, ensure_ascii=False, default=_plain).encode()).hexdigest()


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def cached(list_name: str, cleaned: dict, count, per_language: bool = True) -> dict:
    """`count()` ({"total": n, "facets": {name: [[value, label, n], …]}}) for this filter state,
    from the table when counted at the current data version, else counted and stored.
    Anything JSON that depends only on the data and the filters can be kept so (the finder's
    ranking); `per_language=False` when it holds no label, so both languages share one entry."""
    if data_version.pending():
        return count()
    key = key_of(list_name, cleaned, per_language)
    version, stored = _read(key)
    if stored is not None:
        return json.loads(stored)
    counts = count()
    if version is not None:
        store(version, {key: counts})
    return counts


def _read(key: str) -> tuple[int | None, str | None]:
    """The current data version and the entry stored for `key` at that version, in one query."""
    v = connection.ops.quote_name(DataVersion._meta.db_table)
    c = connection.ops.quote_name(ListCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT {v}.number, {c}.counts FROM {v} LEFT JOIN {c} ON {c}."key" = %s AND {c}.version = {v}.number '
            f"WHERE {v}.id = 1",
            [key],
        )
        row = cursor.fetchone()
    return (row[0], row[1]) if row else (None, None)


def store(version: int, entries: dict[str, object]) -> None:
    """Keep the entries (key: anything JSON can hold), unless ones of a later version got there first; drop those of
    past versions; and beyond LIST_COUNTS_MAX_ENTRIES, the excess and a tenth of the limit more
    (`_drop_some`), so that a crawler's filter states cannot fill the database within one data version."""
    c = connection.ops.quote_name(ListCount._meta.db_table)
    params = [p for key, entry in entries.items()
              for p in (key, version, json.dumps(entry, ensure_ascii=False, separators=(",", ":")))]
    rows = ", ".join(["(%s, %s, %s)"] * len(entries))
    limit = settings.LIST_COUNTS_MAX_ENTRIES
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f'INSERT INTO {c} ("key", version, counts) VALUES {rows} ON CONFLICT ("key") DO UPDATE '
                f"SET version = excluded.version, counts = excluded.counts WHERE {c}.version <= excluded.version",
                params,
            )
            cursor.execute(f"DELETE FROM {c} WHERE version < %s", [version])
            cursor.execute(f"SELECT COUNT(*) FROM {c}")
            excess = cursor.fetchone()[0] - limit
            if excess > 0:
                _drop_some(cursor, c, excess + limit // 10)
    except DatabaseError:
        # A store that fails (SQLite busy with an import) costs the next visitor a count, nothing more.
        if connection.in_atomic_block:
            raise


def _drop_some(cursor, table: str, n: int) -> None:
    """Delete n entries: those after a random key (the keys are hashes, so these are any), then
    from the first key on if the end came first."""
    select = f'SELECT "key" FROM {table} WHERE "key" > %s ORDER BY "key" LIMIT %s'
    cursor.execute(f'DELETE FROM {table} WHERE "key" IN ({select})', [secrets.token_hex(32), n])
    left = n - max(cursor.rowcount, 0)
    if left > 0:
        cursor.execute(f'DELETE FROM {table} WHERE "key" IN ({select})', ["", left])
