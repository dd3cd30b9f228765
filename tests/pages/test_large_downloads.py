"""A download larger than DOWNLOAD_STREAM_MAX_ROWS is built as a file by a job: complete, or not offered at all."""
import csv
import hashlib
import io
import json
from dataclasses import replace

import pytest
from django.test import override_settings

from policies import jobs
from policies.choices import JobState
from policies.models import Incentive, Job
from talentkb.pages.incentives import INCENTIVES
from tests.core.test_jobs import DATABASE_QUEUE, run_worker
from tests.pages.test_downloads import body

LIMIT = 3


@pytest.fixture
def small_limit(settings, tmp_path):
    settings.DOWNLOAD_STREAM_MAX_ROWS = LIMIT
    settings.JOB_FILES_DIR = tmp_path / "job-files"
    return settings.JOB_FILES_DIR


@pytest.fixture
def many(kb, grow):
    """More incentives than the limit: the kb's, and ten more in 丰台."""
    grow(10)
    return Incentive.objects.visible().count()


def fetch_file(client, job):
    response = client.get(f"/downloads/{job.public_id}/file/")
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    assert hashlib.sha256(data).hexdigest() == job.file_sha256
    assert response["Repr-Digest"].startswith("sha-256=:")
    return data.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_large_download_is_built_by_a_job_and_offered_complete(client, small_limit, many, fmt):
    response = client.get("/incentives/", {"format": fmt, "sort": "largest"})
    job = Job.objects.get()
    assert response.status_code == 303 and response["Location"] == f"/downloads/{job.public_id}/"
    # No queue is configured: the job ran in the request, and the page offers the file.
    assert (job.kind, job.state, job.done, job.total, job.file_rows) == ("download", "done", many, many, many)
    page = client.get(response["Location"]).content.decode()
    assert job.file_sha256 in page and f"/downloads/{job.public_id}/file/" in page
    assert "js/job-progress.js" not in page
    text = fetch_file(client, job)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == many
        assert [float(r["value"]) for r in rows] == sorted((float(r["value"]) for r in rows), reverse=True)
    else:
        data = json.loads(text)
        assert data["total"] == data["count"] == len(data["results"]) == many
        assert data["list"] == "incentives" and data["filters"] == {"sort": ["largest"]}
    assert sorted(p.name for p in small_limit.iterdir()) == [f"{job.public_id}.{fmt}"]


def test_the_file_holds_what_the_stream_would(client, settings, small_limit, many):
    """Built by a job or streamed, a download is the same rows in the same order."""
    job_json = fetch_file(client, (client.get("/incentives/", {"format": "json"}), Job.objects.get())[1])
    settings.DOWNLOAD_STREAM_MAX_ROWS = 10_000
    streamed = body(client.get("/incentives/", {"format": "json"}))
    assert json.loads(job_json) == json.loads(streamed)


def test_asking_again_reuses_the_job(client, small_limit, many):
    first = client.get("/incentives/", {"format": "csv", "kind": "apartment"})
    assert client.get("/incentives/", {"kind": "apartment", "format": "csv", "page": "2"})["Location"] == first["Location"]
    assert client.get("/incentives/", {"format": "json", "kind": "apartment"})["Location"] != first["Location"]
    assert Job.objects.count() == 2


def test_a_small_download_still_streams_with_its_total(client, small_limit, kb):
    data = json.loads(body(client.get("/incentives/", {"format": "json", "kind": "fund"})))
    assert 0 < data["total"] == data["count"] == len(data["results"]) <= LIMIT
    assert not Job.objects.exists()


def test_the_progress_is_written_as_rows_are(client, small_limit, many, monkeypatch):
    monkeypatch.setattr(jobs, "SAVE_EVERY", 0)
    seen, row = [], INCENTIVES.table.row

    def watched(values, where):
        job = Job.objects.get()
        seen.append((job.state, job.done, job.total))
        return row(values, where)

    monkeypatch.setattr(INCENTIVES, "table", replace(INCENTIVES.table, row=watched))
    client.get("/incentives/", {"format": "csv"})
    # The total is known with the first row read; each row is counted once written.
    assert seen == [(JobState.RUNNING, 0, None)] + [(JobState.RUNNING, n, many) for n in range(1, many)]


def test_a_download_cut_off_midway_offers_no_file(client, small_limit, many, monkeypatch):
    calls, row = [], INCENTIVES.table.row

    def breaks(values, where):
        calls.append(1)
        if len(calls) == 5:
            raise OSError("No space left on device")
        return row(values, where)

    monkeypatch.setattr(INCENTIVES, "table", replace(INCENTIVES.table, row=breaks))
    response = client.get("/incentives/", {"format": "csv"}, HTTP_ACCEPT_LANGUAGE="en")
    job = Job.objects.get()
    assert (job.state, job.done, job.total, job.file_path, job.file_sha256) == (JobState.FAILED, 4, many, "", "")
    assert "Stopped after 4 of" in job.message and "No space left on device" in job.message
    assert not small_limit.exists() or not list(small_limit.iterdir())  # not even the partial file
    page = client.get(response["Location"]).content.decode()
    assert "/file/" not in page and "No space left on device" in page
    assert client.get(f"/downloads/{job.public_id}/file/").status_code == 404
    status = client.get(response["Location"], {"format": "json"}).json()
    assert status["state"] == "failed" and status["file"] is None


def test_a_failed_download_is_not_reused(client, small_limit, many, monkeypatch):
    def breaks(values, where):
        raise OSError("disk gone")

    with monkeypatch.context() as m:
        m.setattr(INCENTIVES, "table", replace(INCENTIVES.table, row=breaks))
        failed = client.get("/incentives/", {"format": "csv"})["Location"]
    again = client.get("/incentives/", {"format": "csv"})["Location"]
    assert again != failed and Job.objects.get(public_id=again.split("/")[2]).state == JobState.DONE


def test_an_unknown_download_is_a_404(client, db):
    assert client.get("/downloads/00000000-0000-0000-0000-000000000000/").status_code == 404
    job = Job.objects.create(kind="reextract")
    assert client.get(f"/downloads/{job.public_id}/").status_code == 404  # not a download


@pytest.mark.django_db(transaction=True)
def test_on_the_queue_the_page_shows_progress_until_a_worker_has_built_the_file(client, small_limit, build, monkeypatch):
    from tests.factories import make_kb, make_more

    make_kb(build)
    make_more(build, 10)
    total = Incentive.objects.visible().count()
    with override_settings(TASKS=DATABASE_QUEUE):
        location = client.get("/incentives/", {"format": "json"})["Location"]
        page = client.get(location).content.decode()
        assert "js/job-progress.js" in page and "<progress" in page and 'http-equiv="refresh"' not in page
        assert client.get(location, {"format": "json"}).json() == {
            "state": "queued", "total": None, "done": 0, "rows": None, "sha256": None, "file": None, "message": None,
            "text": "排队中"}
        assert client.get(location + "file/").status_code == 404
        run_worker()
    status = client.get(location, {"format": "json"}).json()
    assert (status["state"], status["total"], status["done"], status["rows"]) == ("done", total, total, total)
    assert status["file"] == f"http://testserver{location}file/"
    data = json.loads(fetch_file(client, Job.objects.get()))
    assert data["total"] == data["count"] == total


def test_the_page_of_a_running_download_shows_its_progress(client, db):
    job = Job.objects.create(kind="download", state="running", total=200_000, done=50_000,
                             params={"name": "incentives", "format": "csv", "back": "/incentives/?kind=fund"})
    page = client.get(f"/downloads/{job.public_id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<progress class="job-progress" max="200000" value="50000"' in page
    assert "50,000 of 200,000 rows (25%)" in page and 'href="/incentives/?kind=fund"' in page
    assert f'data-job-status="/downloads/{job.public_id}/?format=json"' in page
    status = client.get(f"/downloads/{job.public_id}/", {"format": "json"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert status["text"] == "50,000 of 200,000 rows (25%)"


def test_a_finished_downloads_rows_are_counted_with_their_thousands_grouped(client, db):
    job = Job.objects.create(kind="download", state="done", total=920_867, done=920_867, file_rows=920_867,
                             file_sha256="9f2c" * 16, params={"name": "incentives", "format": "csv"})
    page = client.get(f"/downloads/{job.public_id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This file (920,867 rows) was deleted" in page  # no file on disk: built, then pruned
    page = client.get(f"/downloads/{job.public_id}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "此文件（920,867 行）" in page
