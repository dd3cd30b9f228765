"""python manage.py sync_indicators: bring the indicator vocabulary up to indicators.json."""
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from policies.indicators import sync_vocabulary


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Copy policies/extraction/indicators.json into the database after the file changed. "
        "New categories and indicators are created; a field is taken from the file only where "
        "staff have not edited it since the last sync (staff edits are kept and reported when "
        "the file changed the same field); wordings merge, so those staff added stay. "
        "Indicators no longer in the file are kept and listed. Metrics are not touched: "
        "`reextract --all` gives the machine's proposals the indicators of the new file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="report what would change, change nothing")

    def handle(self, *args, dry_run, **options):
        try:
            with transaction.atomic():
                report = sync_vocabulary()
                if dry_run:
                    raise Rollback
        except Rollback:
            pass
        except ValueError as error:  # the file is inconsistent (policies.extraction.indicators.load)
            raise CommandError(f"indicators.json: {error}")
        for line in report.lines():
            self.stdout.write(line)
        summary = (
            f"{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.kept)} staff edits kept, {len(report.missing)} no longer in the file"
            + (" (dry run: nothing written)" if dry_run else "")
        )
        self.stdout.write(self.style.SUCCESS(summary))
