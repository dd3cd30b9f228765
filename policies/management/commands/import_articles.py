"""python manage.py import_articles PATH [PATH ...]: load .txt articles into the knowledge base."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policies.importing import UnreadableText, decode, import_article


class Command(BaseCommand):
    help = (
        "Import article text files (.txt, UTF-8 or GBK/GB18030) and folders of them. "
        "Each article is stored whole, with its extracted facts, or not at all; the same "
        "text imported twice is stored once. Files that cannot be read are reported and "
        "skipped, the others are still imported, and the exit status is then non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="text files or folders of .txt files")

    def handle(self, *args, paths, **options):
        created = existing = failed = facts = 0
        for path in self.expand(paths):
            try:
                text = decode(path.read_bytes())
                result = import_article(text, source_file=path.name)
            except (OSError, UnreadableText) as error:
                failed += 1
                reason = error.strerror if isinstance(error, OSError) and error.strerror else error
                self.stderr.write(f"{path}: not imported: {reason}")
                continue
            if result.created:
                created += 1
                facts += result.facts
                self.stdout.write(f"{path}: imported as article {result.article.pk} with {result.facts} facts")
            else:
                existing += 1
                self.stdout.write(f"{path}: already stored as article {result.article.pk}, nothing new")
        summary = f"{created} imported ({facts} facts), {existing} already stored, {failed} failed"
        if failed:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def expand(self, paths):
        for path in paths:
            if path.is_dir():
                yield from sorted(path.glob("*.txt"))
            else:
                yield path
