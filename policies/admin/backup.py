"""A full backup from the admin (superusers only): the file `export_kb --full`
writes, downloaded, and on the same page how to restore it with `import_kb`."""
import io
import tempfile

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import backup


def backup_view(request, admin_site):
    """GET: what a backup holds and how to restore it; POST: the backup itself."""
    if not request.user.is_superuser:
        # A backup holds every account (with its password hash) and every text: admins only.
        raise PermissionDenied
    if request.method == "POST":
        # Written to a temporary file first, as the command writes under a temporary name:
        # a download is complete or fails, never a cut-off backup.
        raw = tempfile.TemporaryFile()
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        backup.write(text)
        text.flush()
        text.detach()
        raw.seek(0)
        name = f"talentkb-backup-{timezone.localtime():%Y%m%d-%H%M}.jsonl"
        return FileResponse(raw, as_attachment=True, filename=name, content_type="application/jsonl; charset=utf-8")
    context = {**admin_site.each_context(request), "title": _("Full backup")}
    return TemplateResponse(request, "admin/backup.html", context)
