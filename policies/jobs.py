"""Long work as background jobs: a Job row that says how far it has got, and a task that does the work.

`start` records a Job and hands its id to a task of Django's Tasks API
(django-tasks on Django 5.2). Which backend runs the task is the settings'
TASKS: in the asking process by default, so a job has finished when `start`
returns; on the database queue with TASKS_BACKEND=database, where any
`manage.py db_worker` on any machine sharing the database takes it. Either way
the task reports through `running(job_id)`, which keeps the row current: the
admin's job page, a large download's page and `manage.py job ID --follow`
read nothing else.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .choices import JobState
from .models import Job

# A running job writes its progress to the database at most this often
# (seconds): often enough for a progress bar, rarely enough to cost nothing.
SAVE_EVERY = 0.5
# A failed job's message quotes at most this many of the items that failed.
QUOTED_ERRORS = 20


def start(kind: str, task, *, params: dict, user=None, key: str = "") -> Job:
    """Record a job and enqueue `task(job_id)`; the job as it stands now (finished, with the in-process backend).

    Files older jobs built and nobody needs any more go first (prune_files)."""
    prune_files()
    job = Job.objects.create(
        kind=kind,
        params={**params, "language": translation.get_language()},
        requested_by=user if user is not None and user.is_authenticated else None,
        key=key,
    )
    result = task.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


class Progress:
    """What a running task tells its job: the total, each item done, the errors, the outcome."""

    def __init__(self, job: Job):
        self.job = job
        self.errors: list[str] = []
        self.failed = 0
        self._saved_at = 0.0

    def begin(self, total: int | None) -> None:
        self.job.total = total
        self.job.done = 0
        self._save(force=True)

    def advance(self, n: int = 1, error: str | None = None) -> None:
        """`n` more items done; `error` says why one of them was skipped."""
        self.job.done += n
        if error is not None:
            self.failed += 1
            if len(self.errors) < QUOTED_ERRORS:
                self.errors.append(error)
        self._save()

    def finish(self, message: str, summary: dict | None = None, **file) -> None:
        """Done: the summary line, its counts, and (file_path, file_rows, file_sha256) for a job that built a file."""
        self.job.state = JobState.DONE
        self.job.message = "\n".join([message, *self.errors])
        self.job.summary = summary or {}
        for name, value in file.items():
            setattr(self.job, name, value)
        self.job.finished_at = timezone.now()
        self._save(force=True)

    def _save(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._saved_at >= SAVE_EVERY:
            self._saved_at = now
            self.job.save()


@contextmanager
def running(job_id: int):
    """Run a job's work: the job is running inside, done if the work calls
    `finish`, failed with the error as its message if the work raises (and the
    error goes on to the task runner, which records it too)."""
    job = Job.objects.get(pk=job_id)
    job.state, job.started_at = JobState.RUNNING, timezone.now()
    job.save()
    progress = Progress(job)
    with translation.override(job.params.get("language")):
        try:
            yield progress
        except BaseException as error:
            job.state = JobState.FAILED
            job.finished_at = timezone.now()
            job.message = "\n".join([
                _("Stopped after %(done)s of %(total)s: %(error)s")
                % {"done": job.done, "total": "?" if job.total is None else job.total,
                   "error": str(error) or type(error).__name__},
                *progress.errors,
            ])
            job.save()
            raise
    if job.state != JobState.DONE:
        progress.finish("")


def watch_hint(job: Job) -> str:
    """How to follow a job from a terminal, or in the admin."""
    return _("follow it with `manage.py job %(id)s --follow`, or in the admin under Jobs") % {"id": job.pk}


def terminal_bar(total: int | None, stream, unit: str):
    """A tqdm progress bar on `stream` (a command's stderr) when it is a terminal, else one that draws nothing."""
    from tqdm import tqdm

    # A command's OutputWrapper ends every write with a newline; the bar redraws its line with \r.
    raw = getattr(stream, "_out", stream)
    return tqdm(total=total, file=raw, unit=unit, disable=None, dynamic_ncols=True, leave=True)


def report_queued(command, job: Job) -> None:
    """What a command says after `--queue`: the job's id and how to watch it, or, run in
    this process (no queue configured), how it ended; a failed job fails the command."""
    from django.core.management.base import CommandError

    if job.state == JobState.FAILED:
        raise CommandError(_("job %(id)s failed: %(message)s") % {"id": job.pk, "message": job.message})
    if job.state == JobState.DONE:
        if job.summary.get("failed"):
            raise CommandError(_("job %(id)s done, with failures: %(message)s") % {"id": job.pk, "message": job.message})
        command.stdout.write(_("job %(id)s done (no queue is configured, so it ran here): %(message)s")
                             % {"id": job.pk, "message": job.message})
        return
    command.stdout.write(_("job %(id)s queued: %(hint)s") % {"id": job.pk, "hint": watch_hint(job)})


@dataclass
class Pruned:
    files: int = 0
    bytes: int = 0
    jobs: int = 0


def prune_files(older_than: timedelta | None = None, *, dry_run: bool = False) -> Pruned:
    """Delete the files jobs built (large downloads) that are older than `older_than`
    (settings.JOB_FILES_MAX_AGE_HOURS by default), and what interrupted jobs left in
    JOB_FILES_DIR (a .partial file) once as old. A pruned job keeps its row, its
    row count and checksum; its page says the file is gone and may be asked for
    again. A file still being written is never old: its writer keeps touching it."""
    if older_than is None:
        older_than = timedelta(hours=settings.JOB_FILES_MAX_AGE_HOURS)
    cutoff = timezone.now() - older_than
    pruned = Pruned()
    expired = Job.objects.exclude(file_path="").filter(finished_at__lt=cutoff)
    for job in expired.only("pk", "file_path"):
        pruned.bytes += _remove(Path(job.file_path), dry_run)
        pruned.files += 1
        pruned.jobs += 1
    if not dry_run:
        expired.update(file_path="")
    # What no job points at: left behind by a job interrupted while writing, or by a deleted job.
    folder = Path(settings.JOB_FILES_DIR)
    kept = set(Job.objects.exclude(file_path="").values_list("file_path", flat=True))
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return pruned
    for entry in entries:
        if not entry.is_file(follow_symlinks=False) or entry.path in kept:
            continue
        try:
            modified = entry.stat().st_mtime
        except FileNotFoundError:
            continue
        if modified < cutoff.timestamp():
            pruned.bytes += _remove(Path(entry.path), dry_run)
            pruned.files += 1
    return pruned


def _remove(path: Path, dry_run: bool) -> int:
    """Delete a file (if it is still there); its size."""
    try:
        size = path.stat().st_size
        if not dry_run:
            path.unlink()
        return size
    except FileNotFoundError:
        return 0
