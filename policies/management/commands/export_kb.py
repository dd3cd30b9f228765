"""python manage.py export_kb --format json|csv [-o FILE_OR_DIR]: the whole knowledge base."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policies import export


class Command(BaseCommand):
    help = (
        "Export the knowledge base in the shape of shared/eval/SCHEMA.md. "
        "--format json writes one document (to -o FILE, else to standard output); "
        "--format csv writes one CSV per table into the folder -o DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("-o", "--output", type=Path, help="file (json) or folder (csv)")

    def handle(self, *args, format, output, **options):
        if format == "csv":
            if output is None:
                raise CommandError("--format csv needs -o DIR, the folder to write the tables into")
            for path in export.write_csv(output):
                self.stdout.write(f"wrote {path}")
            return
        if output is None:
            export.write_json(self.stdout)
            return
        with output.open("w", encoding="utf-8") as f:
            export.write_json(f)
        self.stderr.write(f"wrote {output}")
