"""Importing files and re-extracting articles, item by item: run by the commands
with a progress bar, and by jobs (policies.jobs) on whichever worker takes them.

Each piece of work is a generator of (line, failed) per item, so that the
command prints its lines and moves its bar while a job counts its items, and
both say the same summary at the end.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from django.db import DatabaseError, connections
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from . import jobs
from .importing import Prepared, prepare, reextract_article, store
from .models import Article
from .reading import Unreadable, UnreadableText, expand, read_file


def files_to_import(paths: list[Path]) -> list[Path | Unreadable]:
    """Every article file the paths name (folders listed): known up front, so that progress has a total."""
    return list(expand(paths))


# Articles written per transaction: a few queries per batch instead of some twenty per article.
BATCH = 200
# Files a worker process reads and extracts per call, and the fewest files worth starting workers for.
CHUNK = 10
POOL_FROM = 50


def default_workers(count: int) -> int:
    """Worker processes for reading and extracting `count` files: one per core the
    process may use for a large import, none (this process) for a few files."""
    return len(os.sched_getaffinity(0)) if count >= POOL_FROM else 1


def _prepare_files(paths: list, language: str | None) -> list[Prepared | UnreadableText]:
    """Read and extract each file (in a worker process): its Prepared article, or why it could not be read."""
    out = []
    with translation.override(language):
        for path in paths:
            try:
                if isinstance(path, Unreadable):
                    raise UnreadableText(path.reason)
                read = read_file(path)
                out.append(prepare(read.text, source_file=path.name, page_title=read.page_title))
            except UnreadableText as error:
                out.append(error)
    return out


def _batches(files: list, batch: int, workers: int) -> Iterator[list]:
    """The files in batches, each as [(path, Prepared or UnreadableText)], in order.

    With workers, a pool of processes prepares the next batches while the caller
    writes this one; at most two batches wait, so memory stays flat however many
    files there are."""
    language = translation.get_language()
    chunks = [files[i:i + batch] for i in range(0, len(files), batch)]
    if workers <= 1:
        for chunk in chunks:
            yield list(zip(chunk, _prepare_files(chunk, language)))
        return
    # Warm up what the workers would each load otherwise (jieba's dictionary,
    # the extractor's patterns), then fork: a forked worker shares it and
    # touches neither the database nor Django's connections.
    prepare("人才")
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        def submit(chunk):
            return chunk, [pool.submit(_prepare_files, chunk[i:i + CHUNK], language)
                           for i in range(0, len(chunk), CHUNK)]

        ahead = iter(chunks)
        waiting = deque(submit(chunk) for chunk in islice(ahead, 2))
        while waiting:
            paths, futures = waiting.popleft()
            waiting.extend(submit(chunk) for chunk in islice(ahead, 1))
            yield list(zip(paths, (item for future in futures for item in future.result())))


def forget_queries() -> None:
    """Drop what DEBUG logs of each query, unless a test is capturing them.

    With DEBUG on (development, the benchmarks) Django keeps the last 9,000 queries
    with their SQL spelled out, and a batch's INSERTs are megabytes of it: a long
    import's memory grew with its articles (~3.5 MB per 100 generated ones)."""
    for connection in connections.all(initialized_only=True):
        if not connection.force_debug_cursor:
            connection.queries_log.clear()


def import_files(files: list[Path | Unreadable], counts: Counter, *, batch: int | None = None,
                 workers: int | None = None) -> Iterator[tuple[str, bool]]:
    """Import each file, counting created, existing, failed and facts; a line for each.

    Files are read and extracted by `workers` processes (default_workers) and
    written `batch` at a time, each batch in one transaction (importing.store)."""
    workers = default_workers(len(files)) if workers is None else workers
    for prepared in _batches(files, batch or BATCH, workers):
        yield from store_prepared([(path.path if isinstance(path, Unreadable) else path, item)
                                   for path, item in prepared], counts)
        forget_queries()


def store_prepared(prepared: list[tuple], counts: Counter) -> Iterator[tuple[str, bool]]:
    """Store [(name, Prepared or UnreadableText)] in one transaction, counting as
    import_files does; a line for each, saying what became of it."""
    results = iter(store([item for _path, item in prepared if isinstance(item, Prepared)]))
    for path, item in prepared:
        if isinstance(item, UnreadableText):
            counts["failed"] += 1
            yield _("%(path)s: not imported: %(reason)s") % {"path": path, "reason": item}, True
            continue
        result = next(results)
        if result.created:
            counts["created"] += 1
            counts["facts"] += result.facts
            yield (_("%(path)s: imported as article %(id)s with %(facts)s facts")
                   % {"path": path, "id": result.article.pk, "facts": result.facts}), False
        else:
            counts["existing"] += 1
            yield (_("%(path)s: already stored as article %(id)s, nothing new")
                   % {"path": path, "id": result.article.pk}), False


def import_summary(counts: Counter) -> str:
    return _("%(created)s imported (%(facts)s facts), %(existing)s already stored, %(failed)s failed") % {
        "created": counts["created"], "facts": counts["facts"], "existing": counts["existing"],
        "failed": counts["failed"]}


def articles_to_reextract(ids: list[int] | None):
    """(the articles, how many, the ids asked for that are no article): every article stored now when ids is None."""
    if ids is None:
        # Articles imported while this runs are extracted by their import already.
        last = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        articles = Article.objects.filter(pk__lte=last)
        missing = []
    else:
        articles = Article.objects.filter(pk__in=ids)
        missing = sorted(set(ids) - set(articles.values_list("pk", flat=True)))
    articles = articles.order_by("pk").defer("search_text")
    return articles, articles.count(), missing


def reextract(articles, counts: Counter) -> Iterator[tuple[str, bool]]:
    """Re-extract each article (replacing only the machine's own proposals), counting done, proposals, failed."""
    for article in articles.iterator(chunk_size=100):
        try:
            new = reextract_article(article)
        except (DatabaseError, ValueError) as error:
            counts["failed"] += 1
            yield _("article %(id)s: not re-extracted: %(error)s") % {"id": article.pk, "error": error}, True
            continue
        counts["done"] += 1
        counts["proposals"] += new
        if counts["done"] % 100 == 0:
            forget_queries()
        yield _("article %(id)s: %(count)s proposals") % {"id": article.pk, "count": new}, False


def reextract_summary(counts: Counter) -> str:
    return _("%(done)s articles re-extracted (%(proposals)s proposals), %(failed)s failed") % {
        "done": counts["done"], "proposals": counts["proposals"], "failed": counts["failed"]}


# The tasks: each takes the id of its Job, whose params say what to do.


@task()
def import_files_job(job_id: int) -> dict:
    with jobs.running(job_id) as progress:
        files = files_to_import([Path(p) for p in progress.job.params["paths"]])
        progress.begin(len(files))
        counts = Counter()
        for line, failed in import_files(files, counts):
            progress.advance(error=line if failed else None)
        progress.finish(import_summary(counts), dict(counts))
    return dict(counts)


@task()
def reextract_job(job_id: int) -> dict:
    with jobs.running(job_id) as progress:
        articles, total, missing = articles_to_reextract(progress.job.params.get("ids"))
        progress.begin(total + len(missing))
        counts = Counter(failed=0)
        for pk in missing:
            counts["failed"] += 1
            progress.advance(error=_("article %(id)s: no such article") % {"id": pk})
        for line, failed in reextract(articles, counts):
            progress.advance(error=line if failed else None)
        progress.finish(reextract_summary(counts), dict(counts))
    return dict(counts)
