"""python manage.py import_articles PATH [PATH ...] [--queue]: load articles (.txt, .html) into the knowledge base."""
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from policies import jobs
from policies.choices import JobKind
from policies.tasks import BATCH, POOL_FROM, files_to_import, import_files, import_files_job, import_summary


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Import article files (.txt or .html; UTF-8, UTF-16 with a BOM, GBK or GB18030) and "
        "folders of them. Each article is stored whole, with its extracted facts, or not at "
        "all; the same text imported twice is stored once, also by two imports running at "
        "once. Paths that cannot be read (folders included) are reported and counted, the "
        "others are still imported, and the exit status is then non-zero. On a terminal a "
        "progress bar shows how far it has got. Files are read and extracted by worker "
        "processes and written in batches, each batch in one transaction. --queue hands the "
        "import to a job instead "
        "(the worker must see the same paths) and prints how to follow it."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="article files or folders of them")
        parser.add_argument("--queue", action="store_true", help="run as a background job (see TASKS_BACKEND)")
        parser.add_argument("--batch", type=positive, default=None,
                            help=f"articles written per transaction (default {BATCH})")
        parser.add_argument("--workers", type=positive, default=None,
                            help="processes that read and extract the files (default: one per core for "
                                 f"{POOL_FROM} files or more, else none besides this one)")

    def handle(self, *args, paths, queue, batch, workers, **options):
        if queue:
            params = {"paths": [str(p.resolve()) for p in paths]}
            jobs.report_queued(self, jobs.start(JobKind.IMPORT, import_files_job, params=params))
            return
        files = files_to_import(paths)
        counts = Counter()
        with jobs.terminal_bar(len(files), self.stderr, unit="file") as bar:
            for line, failed in import_files(files, counts, batch=batch, workers=workers):
                with tqdm.external_write_mode():
                    (self.stderr if failed else self.stdout).write(line)
                bar.update()
        summary = import_summary(counts)
        if counts["failed"]:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
