"""python manage.py job [ID] [--follow]: how far a background job has got (the latest jobs without an id)."""
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from policies import jobs
from policies.choices import JobState
from policies.models import Job


class Command(BaseCommand):
    help = (
        "Show a background job (import, re-extraction, a large download): its state, how many "
        "items of how many are done, and its message. --follow draws a progress bar until it "
        "ends; the exit status is then non-zero if it failed. Without an id, the latest jobs."
    )

    def add_arguments(self, parser):
        parser.add_argument("id", nargs="?", type=int, help="the job's number")
        parser.add_argument("--follow", action="store_true", help="wait for the job to end, with a progress bar")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between looks (--follow)")

    def handle(self, *args, id, follow, interval, **options):
        if id is None:
            for job in Job.objects.order_by("-pk")[:20]:
                self.stdout.write(self.line(job))
            return
        try:
            job = Job.objects.get(pk=id)
        except Job.DoesNotExist:
            raise CommandError(_("no job %(id)s") % {"id": id}) from None
        if follow:
            with jobs.terminal_bar(job.total, self.stderr, unit="item") as bar:
                while not job.finished:
                    bar.total = job.total
                    bar.update(job.done - bar.n)
                    time.sleep(interval)
                    job.refresh_from_db()
                bar.total = job.total
                bar.update(job.done - bar.n)
        self.stdout.write(self.line(job))
        if job.message:
            self.stdout.write(job.message)
        if follow and job.state == JobState.FAILED:
            raise CommandError(_("job %(id)s failed") % {"id": job.pk})

    def line(self, job: Job) -> str:
        total = "?" if job.total is None else job.total
        return _("job %(id)s (%(kind)s): %(state)s, %(done)s of %(total)s") % {
            "id": job.pk, "kind": job.get_kind_display(), "state": job.get_state_display(),
            "done": job.done, "total": total}
