"""Long work as jobs: their progress and result, in-process by default, on the database queue with workers."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import translation

from policies import importing, jobs
from policies.choices import JobKind, JobState
from policies.models import Article, Job
from tests.processes import manage, migrated_database

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def command(*args):
    out, err = StringIO(), StringIO()
    with translation.override("en"):
        call_command(*map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_worker():
    """What `manage.py db_worker --batch` does: take every job on the queue, run it, stop when none is left."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
           max_tasks=None, worker_id="test-worker", excluded_queue_names=[]).run()


def test_a_queued_import_runs_in_process_by_default_with_its_progress_and_result(reference_data, seeds_dir, monkeypatch):
    """No queue configured: `--queue` runs the job here; the row followed it batch by batch."""
    monkeypatch.setattr(jobs, "SAVE_EVERY", 0)
    monkeypatch.setattr("policies.tasks.BATCH", 2)
    seen = []
    real = importing.store

    def watched(batch):
        job = Job.objects.get()
        seen.append((job.state, job.done, job.total, len(batch)))
        return real(batch)

    monkeypatch.setattr("policies.tasks.store", watched)
    out, _ = command("import_articles", seeds_dir, "--queue")
    job = Job.objects.get()
    assert seen == [(JobState.RUNNING, 0, 5, 2), (JobState.RUNNING, 2, 5, 2), (JobState.RUNNING, 4, 5, 1)]
    assert (job.kind, job.state, job.done, job.total) == (JobKind.IMPORT, JobState.DONE, 5, 5)
    assert job.summary == {"created": 5, "facts": job.summary["facts"]} and job.summary["facts"] > 0
    assert job.message.startswith("5 imported") and job.started_at <= job.finished_at
    assert f"job {job.pk} done" in out and "5 imported" in out
    assert Article.objects.count() == 5


def test_a_job_that_fails_says_where_and_why(reference_data, seeds_dir, monkeypatch):
    calls = []
    monkeypatch.setattr("policies.tasks.BATCH", 2)

    def breaks(batch):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return importing.store(batch)

    monkeypatch.setattr("policies.tasks.store", breaks)
    with pytest.raises(CommandError, match="failed"):
        command("import_articles", seeds_dir, "--queue")
    job = Job.objects.get()
    assert (job.state, job.done, job.total) == (JobState.FAILED, 2, 5)
    with translation.override("en"):
        assert "Stopped after 2 of 5: disk full" in job.message


def test_an_import_job_counts_files_it_could_not_read(reference_data, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError, match="with failures"):
        command("import_articles", tmp_path, "--queue")
    job = Job.objects.get()
    assert job.state == JobState.DONE and job.summary["failed"] == 1 and "empty.txt" in job.message


def test_reextract_all_as_a_job(seeded):
    out, _ = command("reextract", "--all", "--queue")
    job = Job.objects.get(kind=JobKind.REEXTRACT)
    assert (job.state, job.done, job.total, job.summary["done"], job.summary["failed"]) == (JobState.DONE, 5, 5, 5, 0)
    assert "5 articles re-extracted" in out


def test_the_commands_draw_no_bar_when_not_on_a_terminal(seeded):
    out, err = command("reextract", "--all")
    assert "5 articles re-extracted" in out and err == ""


@pytest.mark.django_db(transaction=True)
def test_on_the_database_queue_a_job_waits_for_a_worker(reference_data, seeds_dir):
    with override_settings(TASKS=DATABASE_QUEUE):
        out, _ = command("import_articles", seeds_dir, "--queue")
        job = Job.objects.get()
        assert job.state == JobState.QUEUED and job.task_id
        assert f"job {job.pk} queued" in out and f"manage.py job {job.pk} --follow" in out
        assert not Article.objects.exists()
        run_worker()
    job.refresh_from_db()
    assert (job.state, job.done, job.total) == (JobState.DONE, 5, 5)
    assert Article.objects.count() == 5
    out, _ = command("job", job.pk)
    assert f"job {job.pk} (import articles): done, 5 of 5" in out


def test_the_job_command_says_how_far_a_job_has_got(db):
    job = Job.objects.create(kind=JobKind.REEXTRACT, state=JobState.RUNNING, total=40, done=10)
    out, _ = command("job", job.pk)
    assert "running, 10 of 40" in out
    out, _ = command("job")
    assert f"job {job.pk} (re-extract articles)" in out
    with pytest.raises(CommandError, match="no job"):
        command("job", job.pk + 1)


@pytest.mark.slow
def test_workers_in_other_processes_share_one_queue(tmp_path, seeds_dir):
    """What an operator runs: jobs queued by one process, two workers taking them from the same database."""
    def jobs_there(url):
        out, err, code = manage(url, "shell", "--no-imports", "-c", "from policies.models import Job; print(sorted("
                                "(j.pk, j.kind, j.state, j.done, j.total) for j in Job.objects.all()))")
        assert code == 0, err
        return out.strip()

    with migrated_database(tmp_path) as url:
        queue = {"TASKS_BACKEND": "database"}
        for args in (["import_articles", seeds_dir], ["reextract", "--all"]):
            out, err, code = manage(url, *args, "--queue", env=queue)
            assert code == 0 and "--follow" in out, out + err
        assert jobs_there(url) == "[(1, 'import', 'queued', 0, None), (2, 'reextract', 'queued', 0, None)]"
        workers = [manage(url, "db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v0",
                          env=queue, wait=False) for _ in range(2)]
        for worker in workers:
            out, err = worker.communicate(timeout=300)
            assert worker.returncode == 0, out + err
        out, err, code = manage(url, "job", "1", "--follow", env=queue)
        assert code == 0, out + err
        # The re-extraction may have run before the import, on the other worker: then over no article.
        there = jobs_there(url)
        assert there.startswith("[(1, 'import', 'done', 5, 5), (2, 'reextract', 'done', "), there
