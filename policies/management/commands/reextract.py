"""python manage.py reextract --all | ARTICLE_ID ...: run the extractor over stored articles again."""
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from policies.importing import reextract_article
from policies.models import Article


class Command(BaseCommand):
    help = (
        "Run the extractor again over stored articles, after it has improved. Only facts "
        "still proposed by the machine are replaced; facts a person verified, corrected, "
        "entered or rejected stay exactly as they are, and a rejected fact is not proposed "
        "again. Articles that fail are reported and skipped; the exit status is then non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, metavar="ARTICLE_ID", help="articles to re-extract")
        parser.add_argument("--all", action="store_true", help="re-extract every article")

    def handle(self, *args, ids, all, **options):
        if all == bool(ids):
            raise CommandError("give article ids or --all (not both)")
        articles = Article.objects.order_by("pk")
        if ids:
            articles = articles.filter(pk__in=ids)
            missing = sorted(set(ids) - set(articles.values_list("pk", flat=True)))
        else:
            missing = []
        for pk in missing:
            self.stderr.write(f"article {pk}: no such article")
        done = proposed = 0
        failed = len(missing)
        for article in articles.iterator():
            try:
                new = reextract_article(article)
            except (DatabaseError, ValueError) as error:
                failed += 1
                self.stderr.write(f"article {article.pk}: not re-extracted: {error}")
                continue
            done += 1
            proposed += new
            if options["verbosity"] > 1:
                self.stdout.write(f"article {article.pk}: {new} proposals")
        summary = f"{done} articles re-extracted ({proposed} proposals), {failed} failed"
        if failed:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
