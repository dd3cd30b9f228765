"""python manage.py import_articles PATH [PATH ...]: load articles (.txt, .html) into the knowledge base."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from policies.importing import import_article
from policies.reading import Unreadable, UnreadableText, expand, read_file


class Command(BaseCommand):
    help = (
        "Import article files (.txt or .html; UTF-8, UTF-16 with a BOM, GBK or GB18030) and "
        "folders of them. Each article is stored whole, with its extracted facts, or not at "
        "all; the same text imported twice is stored once, also by two imports running at "
        "once. Paths that cannot be read (folders included) are reported and counted, the "
        "others are still imported, and the exit status is then non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="article files or folders of them")

    def handle(self, *args, paths, **options):
        created = existing = failed = facts = 0
        for path in expand(paths):
            try:
                if isinstance(path, Unreadable):
                    raise UnreadableText(path.reason)
                result = import_article(read_file(path), source_file=path.name)
            except UnreadableText as error:
                failed += 1
                where = path.path if isinstance(path, Unreadable) else path
                self.stderr.write(_("%(path)s: not imported: %(reason)s") % {"path": where, "reason": error})
                continue
            if result.created:
                created += 1
                facts += result.facts
                self.stdout.write(_("%(path)s: imported as article %(id)s with %(facts)s facts")
                                  % {"path": path, "id": result.article.pk, "facts": result.facts})
            else:
                existing += 1
                self.stdout.write(_("%(path)s: already stored as article %(id)s, nothing new")
                                  % {"path": path, "id": result.article.pk})
        summary = _("%(created)s imported (%(facts)s facts), %(existing)s already stored, %(failed)s failed") % {
            "created": created, "facts": facts, "existing": existing, "failed": failed}
        if failed:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
