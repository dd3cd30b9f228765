"""python manage.py import_kb FILE: restore a backup written by `export_kb --full` into an empty database."""
from pathlib import Path

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from policies import backup


class Command(BaseCommand):
    help = (
        "Restore a full backup (export_kb --full) into an empty, migrated database: "
        "articles, facts with every editor's decision and their history, programs, "
        "accounts. The restore is whole or nothing; ids are kept, so links survive. "
        "This is also how a deployment moves from SQLite to PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the backup file")

    def handle(self, *args, file, **options):
        try:
            with file.open(encoding="utf-8") as lines:
                restored = backup.restore(lines)
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror or error}") from None
        except (backup.BackupError, serializers.base.DeserializationError, DatabaseError) as error:
            raise CommandError(_("%(file)s: nothing restored: %(reason)s") % {"file": file, "reason": error}) from None
        summary = ", ".join(f"{label} {n}" for label, n in restored.items())
        self.stdout.write(self.style.SUCCESS(_("restored %(file)s: %(rows)s") % {"file": file, "rows": summary}))
