"""`/downloads/<id>/`: a large download's progress while a job builds it, then the complete file with its row count and checksum.

A list sends a download of more rows than DOWNLOAD_STREAM_MAX_ROWS here
(talentkb.lists.listing.download). `?format=json` says how far the job has
got, for scripts and for static/js/job-progress.js, which moves the page's
bar (no reload, no <meta> refresh: that is a timing WCAG forbids). The file
is offered only once the job has renamed it into place, complete.
"""
import base64
from pathlib import Path

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext

from policies.choices import JobKind, JobState
from policies.formatting import number
from policies.models import Job


def _job(public_id) -> Job:
    return get_object_or_404(Job, public_id=public_id, kind=JobKind.DOWNLOAD)


def download_page(request: HttpRequest, public_id) -> HttpResponse:
    job = _job(public_id)
    # A done job whose file was pruned (policies.jobs.prune_files) offers nothing: the list builds it again.
    file_url = reverse("download_file", args=[job.public_id]) if job.state == JobState.DONE and job.file_path else None
    if request.GET.get("format") == "json":
        return JsonResponse({
            "state": job.state,
            "total": job.total,
            "done": job.done,
            "rows": job.file_rows,
            "sha256": job.file_sha256 or None,
            "file": request.build_absolute_uri(file_url) if file_url else None,
            "message": job.message or None,
            "text": progress_text(job),
        })
    return render(request, "downloads/job.html", {
        "job": job,
        "file_url": file_url,
        "name": job.params.get("name", ""),
        "format": job.params.get("format", ""),
        "back": job.params.get("back", ""),
        "progress_text": progress_text(job),
    })


def progress_text(job: Job) -> str:
    if job.state == JobState.QUEUED:
        return gettext("queued")
    if job.total is None:
        return gettext("counting the rows")
    return gettext("%(done)s of %(total)s rows (%(percent)s%%)") % {
        "done": number(job.done), "total": number(job.total), "percent": job.percent}


def download_file(request: HttpRequest, public_id) -> FileResponse:
    job = _job(public_id)
    path = Path(job.file_path)
    if job.state != JobState.DONE or not job.file_path or not path.is_file():
        raise Http404("No complete file")
    name, fmt = job.params.get("name", "download"), job.params.get("format", "csv")
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=f"talentkb-{name}.{fmt}",
        content_type="text/csv; charset=utf-8" if fmt == "csv" else "application/json; charset=utf-8",
    )
    # The checksum the page shows, also for a client to check what it received (RFC 9530).
    digest = base64.b64encode(bytes.fromhex(job.file_sha256)).decode()
    response["Repr-Digest"] = f"sha-256=:{digest}:"
    return response
