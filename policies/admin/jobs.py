"""Jobs on the staff side: what runs in the background, how far it has got, and how it ended.

A job's page is its progress page: it reloads itself every few seconds while
the job is queued or running (a <meta> refresh, no script), and shows the
progress bar, the message and, for a download, the file it built.
"""
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

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

    @admin.display(description=_("progress"))
    def progress(self, job):
        total = "?" if job.total is None else job.total
        if job.percent is None:
            return format_html('<progress class="job-progress">{}</progress> {} / {}', job.done, job.done, total)
        return format_html(
            '<progress class="job-progress" max="100" value="{}">{}%</progress> {} / {} ({}%)',
            job.percent, job.percent, job.done, total, job.percent,
        )
