"""python manage.py reextract --all | ARTICLE_ID ... [--queue]: run the extractor over stored articles again."""
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from policies import jobs
from policies.choices import JobKind
from policies.tasks import articles_to_reextract, reextract, reextract_job, reextract_summary


class Command(BaseCommand):
    help = (
        "Run the extractor again over stored articles, after it has improved. Only facts "
        "still proposed by the machine are replaced; facts a person verified, corrected, "
        "entered or rejected stay exactly as they are, and a rejected fact is not proposed "
        "again. Articles that fail are reported and skipped; the exit status is then non-zero. "
        "On a terminal a progress bar shows how far it has got. --queue hands the work to a "
        "job instead and prints how to follow it."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, metavar="ARTICLE_ID", help="articles to re-extract")
        parser.add_argument("--all", action="store_true", help="re-extract every article")
        parser.add_argument("--queue", action="store_true", help="run as a background job (see TASKS_BACKEND)")

    def handle(self, *args, ids, all, queue, **options):
        if all == bool(ids):
            raise CommandError(_("give article ids or --all (not both)"))
        if queue:
            job = jobs.start(JobKind.REEXTRACT, reextract_job, params={"ids": None if all else ids})
            jobs.report_queued(self, job)
            return
        articles, total, missing = articles_to_reextract(None if all else ids)
        for pk in missing:
            self.stderr.write(_("article %(id)s: no such article") % {"id": pk})
        counts = Counter(failed=len(missing))
        with jobs.terminal_bar(total, self.stderr, unit="article") as bar:
            for line, failed in reextract(articles, counts):
                if failed or options["verbosity"] > 1:
                    with tqdm.external_write_mode():
                        (self.stderr if failed else self.stdout).write(line)
                bar.update()
        summary = reextract_summary(counts)
        if counts["failed"]:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
