"""Files built by jobs do not pile up: old ones are deleted (a command, and every new job), the jobs stay."""
import os
import time
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone, translation

from policies.models import Job
from tests.pages.test_large_downloads import many, small_limit  # noqa: F401 (fixtures)

HOUR = 3600


def build(client, **query) -> Job:
    response = client.get("/incentives/", {"format": "csv", **query})
    assert response.status_code == 303
    return Job.objects.get(public_id=response["Location"].split("/")[2])


def age(job: Job, hours: float) -> None:
    """Make a job and its file as old as `hours`."""
    then = time.time() - hours * HOUR
    os.utime(job.file_path, (then, then))
    Job.objects.filter(pk=job.pk).update(finished_at=timezone.now() - timedelta(hours=hours))


def test_the_command_deletes_old_files_and_leftovers_and_keeps_new_ones(client, settings, small_limit, many):
    settings.JOB_FILES_MAX_AGE_HOURS = 24
    old, new = build(client, sort="largest"), build(client, sort="value")
    age(old, 25)
    leftover = small_limit / "00000000-interrupted.csv.partial"
    leftover.write_text("id,value\n1,")
    os.utime(leftover, (time.time() - 30 * HOUR,) * 2)
    with translation.override("en"):
        out = _run("prune_job_files")
    assert "2 files deleted" in out and "1 of them built by jobs" in out
    old.refresh_from_db()
    new.refresh_from_db()
    assert sorted(p.name for p in small_limit.iterdir()) == [os.path.basename(new.file_path)]
    # The job stays, with what it built; its page says the file is gone, and the file is a 404.
    assert (old.state, old.file_path, old.file_rows) == ("done", "", many)
    with translation.override("en"):
        page = client.get(f"/downloads/{old.public_id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "was deleted some time after it was built" in page
    assert f"/downloads/{old.public_id}/file/" not in page
    assert client.get(f"/downloads/{old.public_id}/file/").status_code == 404
    assert client.get(f"/downloads/{new.public_id}/file/").status_code == 200


def test_a_dry_run_deletes_nothing(client, settings, small_limit, many):
    job = build(client)
    age(job, 48)
    with translation.override("en"):
        assert "1 files would be deleted" in _run("prune_job_files", "--dry-run")
    assert os.path.exists(job.file_path)
    with translation.override("en"):
        assert "1 files deleted" in _run("prune_job_files", "--older-than", "47")
    assert not os.path.exists(job.file_path)


def test_a_new_job_prunes_what_is_older_than_the_setting(client, settings, small_limit, many):
    settings.JOB_FILES_MAX_AGE_HOURS = 2
    first = build(client, sort="largest")
    age(first, 3)
    build(client, sort="value")  # a new job: the old file goes
    first.refresh_from_db()
    assert first.file_path == "" and len(list(small_limit.iterdir())) == 1


def _run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()
