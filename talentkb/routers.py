"""Reads of the public pages from a read replica, when one is configured (docs/deployment.md).

With DATABASE_REPLICA_URL set, the settings add a "replica" database and this
router. A GET or HEAD of a public page (not /admin/, and not a signed-in
person's) reads from the replica; every write, the staff side, jobs and
commands use the primary ("default"). A replica lags the primary by a moment:
a person who has just made an edit is signed in and reads the primary, so
they see it at once; the public sees it when the replica has replayed it.
"""
from __future__ import annotations

from contextvars import ContextVar

from django.db import connections

REPLICA = "replica"
_public_read: ContextVar[bool] = ContextVar("talentkb_public_read", default=False)


class ReadReplicaRouter:
    def db_for_read(self, model, **hints):
        # Inside a transaction a request reads what it has just written: the primary.
        if _public_read.get() and not connections["default"].in_atomic_block:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, copied: rows of both are the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


def public_reads(get_response):
    """Middleware (after authentication): marks the request's reads for the replica when it may read there."""

    def middleware(request):
        public = (
            request.method in ("GET", "HEAD")
            and not request.path.startswith("/admin/")
            and not request.user.is_authenticated
        )
        token = _public_read.set(public)
        try:
            return get_response(request)
        finally:
            _public_read.reset(token)

    return middleware
