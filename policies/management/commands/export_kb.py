"""python manage.py export_kb --format json|csv [-o FILE_OR_DIR], or --full -o FILE: the whole knowledge base."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policies import backup, export


class Command(BaseCommand):
    help = (
        "Export the knowledge base in the shape of shared/eval/SCHEMA.md. "
        "--format json writes one document (to -o FILE, else to standard output); "
        "--format csv writes one CSV per table into the folder -o DIR. "
        "--full writes a backup instead (JSON Lines): every article with its text, every "
        "fact with its status, origin, reviewer and history, programs, accounts; "
        "`import_kb FILE` restores it into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("-o", "--output", type=Path, help="file (json, --full) or folder (csv)")
        parser.add_argument("--full", action="store_true", help="a full backup, for import_kb")

    def handle(self, *args, format, output, full, **options):
        if full:
            self.full_backup(output)
        elif format == "csv":
            if output is None:
                raise CommandError("--format csv needs -o DIR, the folder to write the tables into")
            for path in export.write_csv(output):
                self.stdout.write(f"wrote {path}")
        elif output is None:
            export.write_json(self.stdout)
        else:
            with output.open("w", encoding="utf-8") as f:
                export.write_json(f)
            self.stderr.write(f"wrote {output}")

    def full_backup(self, output: Path | None):
        if output is None:
            backup.write(self.stdout)
            return
        # Written under a temporary name and renamed when complete, so that a
        # backup file on disk is never a cut-off one.
        partial = output.with_name(output.name + ".partial")
        with partial.open("w", encoding="utf-8") as f:
            rows = backup.write(f)
        partial.replace(output)
        summary = ", ".join(f"{label} {n}" for label, n in rows.items())
        self.stderr.write(f"wrote {output}: {summary}")
