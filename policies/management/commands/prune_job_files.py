"""python manage.py prune_job_files [--older-than HOURS] [--dry-run]: delete the files old jobs built."""
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from policies.jobs import prune_files


class Command(BaseCommand):
    help = (
        "Delete the files that jobs built (large downloads) once they are older than "
        "JOB_FILES_MAX_AGE_HOURS (or --older-than), and what interrupted jobs left in "
        "JOB_FILES_DIR. The jobs stay, with their row counts and checksums. Every new job "
        "does this too; run it from cron where jobs are rare."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=float, metavar="HOURS",
                            help=f"age in hours (default JOB_FILES_MAX_AGE_HOURS, now {settings.JOB_FILES_MAX_AGE_HOURS})")
        parser.add_argument("--dry-run", action="store_true", help="say what would be deleted, delete nothing")

    def handle(self, *args, older_than, dry_run, **options):
        if older_than is not None and older_than < 0:
            raise CommandError(_("--older-than must be a number of hours, 0 or more"))
        age = None if older_than is None else timedelta(hours=older_than)
        pruned = prune_files(age, dry_run=dry_run)
        message = _("%(files)s files deleted (%(mb).1f MB), %(jobs)s of them built by jobs") if not dry_run else \
            _("%(files)s files would be deleted (%(mb).1f MB), %(jobs)s of them built by jobs")
        self.stdout.write(message % {"files": pruned.files, "mb": pruned.bytes / 1e6, "jobs": pruned.jobs})
