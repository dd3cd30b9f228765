"""The knowledge base's data version: one number that changes after every committed write to what the lists show.

The lists keep their facet counts and totals in a cache keyed by this number
(talentkb.lists.counts), so a write anywhere (an import, an edit in the admin
or on the review screen, a re-extraction, a merge, a deletion, a restore) makes
every cached count stale at once, for every app server sharing the database.

Writes are seen where they happen, in SQL: a wrapper on every database
connection (installed by PoliciesConfig.ready) notes each INSERT, UPDATE or
DELETE on a watched table, whoever issues it (model saves, bulk_create,
queryset updates, cascades, the backup's restore), and asks for one bump when
the transaction commits: one single-row UPDATE per transaction, not per row,
and none while the transaction runs, so concurrent writers never queue on the
version row. Writes the wrapper cannot see (the corpus loader's COPY) call
`changed()` themselves.

A transaction that has written but not yet committed sees its own rows while
the cache holds the committed ones: `pending()` tells the lists to count
directly in that case.
"""
from __future__ import annotations

from django.db import DatabaseError, connections, transaction

# What the lists count or label: facts, articles, programs and their links, the vocabularies.
WATCHED_MODELS = (
    "policies.Article", "policies.Mention", "policies.Incentive", "policies.Metric", "policies.Indicator",
    "programs.Program", "programs.TargetGroup", "districts.District",
)
WRITES = ("INSERT", "UPDATE", "DELETE")
_watched: tuple[str, ...] | None = None


def watched_tables() -> tuple[str, ...]:
    """The quoted names of the watched tables and of their many-to-many tables."""
    global _watched
    if _watched is None:
        from django.apps import apps

        names = []
        for label in WATCHED_MODELS:
            model = apps.get_model(label)
            names.append(model._meta.db_table)
            names += [f.remote_field.through._meta.db_table for f in model._meta.local_many_to_many]
        # Django quotes table names in the SQL it writes ("policies_article"), which keeps
        # policies_article from matching policies_article_districts.
        _watched = tuple(f'"{name}"' for name in names)
    return _watched


def watch(execute, sql, params, many, context):
    """A connection's execute wrapper: run the statement, then note a write to a watched table."""
    result = execute(sql, params, many, context)
    head = sql.lstrip()[:6].upper()
    if head in WRITES and any(table in sql for table in watched_tables()):
        written(context["connection"])
    return result


def install(connection, **kwargs) -> None:
    """connection_created's receiver: watch this connection's statements."""
    if watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch)


def written(connection) -> None:
    """Note a write on `connection`: bump the version once its transaction commits (at once in autocommit)."""
    if getattr(connection, "kb_unbumped", False) and any(
        getattr(callback, "kb_bump", False) for _sids, callback, _robust in connection.run_on_commit
    ):
        return  # this transaction has asked already

    def bump_after_commit():
        bump(connection.alias)

    bump_after_commit.kb_bump = True
    connection.kb_unbumped = True
    transaction.on_commit(bump_after_commit, using=connection.alias)


def changed(using: str = "default") -> None:
    """For writes no SQL wrapper sees (COPY): bump after the current transaction commits."""
    written(connections[using])


def bump(using: str = "default") -> None:
    """Add one to the data version (creating its row if a flush removed it)."""
    from .models import DataVersion

    connection = connections[using]
    connection.kb_unbumped = False
    table = connection.ops.quote_name(DataVersion._meta.db_table)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (id, number) VALUES (1, 1) "
                f"ON CONFLICT (id) DO UPDATE SET number = {table}.number + 1"
            )
    except DatabaseError:
        # Before the migration that creates the table (a data migration writing facts) there is nothing to bump.
        if DataVersion._meta.db_table in connection.introspection.table_names():
            raise


def pending(using: str = "default") -> bool:
    """Whether this connection's open transaction has written rows the version does not count yet."""
    connection = connections[using]
    return bool(getattr(connection, "kb_unbumped", False)) and connection.in_atomic_block and any(
        getattr(callback, "kb_bump", False) for _sids, callback, _robust in connection.run_on_commit
    )
