"""Jobs on the staff side: what runs in the background, how far it has got, and how it ended.

A job's page is its progress page: while the job is queued or running,
static/js/job-progress.js asks `<id>/status/` every two seconds and moves the
bar (no inline script, no <meta> refresh), then reloads the page once the job
has ended, to show its message and, for a download, the file it built.
"""
from django.contrib import admin
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy as _

from ..models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "state", "progress", "requested_by", "created_at", "finished_at"]
    list_filter = ["kind", "state"]
    list_select_related = ["requested_by"]
    fields = [
        "kind", "state", "progress", "message", "summary", "requested_by", "created_at", "started_at",
        "finished_at", "file_path", "file_rows", "file_sha256", "params", "task_id",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # jobs are started by what they do: a command, the re-extract action, a download

    def has_change_permission(self, request, obj=None):
        return False  # the task that runs a job writes its row, nobody else

    def get_urls(self):
        status = self.admin_site.admin_view(self.status_view)
        return [path("<int:pk>/status/", status, name="policies_job_status"), *super().get_urls()]

    def status_view(self, request, pk):
        job = get_object_or_404(Job, pk=pk)
        if not self.has_view_permission(request, job):
            return JsonResponse({}, status=403)
        return JsonResponse({"state": job.state, "total": job.total, "done": job.done, "text": progress_text(job)})

    @admin.display(description=_("progress"))
    def progress(self, job):
        status = reverse("admin:policies_job_status", args=[job.pk])
        if job.percent is None:
            bar = format_html('<progress class="job-progress" aria-label="{}"></progress>', gettext("progress"))
        else:
            bar = format_html('<progress class="job-progress" max="100" value="{}" aria-label="{}">{}%</progress>',
                              job.percent, gettext("progress"), job.percent)
        return format_html('<span data-job-status="{}">{} <span data-job-text>{}</span></span>',
                           status, bar, progress_text(job))


def progress_text(job: Job) -> str:
    total = "?" if job.total is None else job.total
    if job.percent is None:
        return f"{job.done} / {total}"
    return f"{job.done} / {total} ({job.percent}%)"
