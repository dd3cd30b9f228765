"""django-axes' pages (access attempts, failures, logs) in the editor's language.

Axes ships no Chinese: its own words are marked here so that makemessages
keeps them in our catalogue, which translates them where axes asks gettext.
The attempts' names, status column and clean-up message, which axes words
without gettext, are worded again here.
"""
from axes.admin import AccessAttemptAdmin
from axes.conf import settings
from axes.models import AccessAttempt
from django.contrib import admin
from django.utils.translation import gettext, gettext_lazy as _, gettext_noop, ngettext

AXES_WORDS = [
    gettext_noop("Axes"), gettext_noop("User Agent"), gettext_noop("IP Address"), gettext_noop("Username"),
    gettext_noop("HTTP Accept"), gettext_noop("Path"), gettext_noop("Attempt Time"), gettext_noop("Access lock out"),
    gettext_noop("access failure"), gettext_noop("access failures"), gettext_noop("GET Data"),
    gettext_noop("POST Data"), gettext_noop("Failed Logins"), gettext_noop("access attempt"),
    gettext_noop("access attempts"), gettext_noop("Access Attempt"), gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("access attempt expiration"), gettext_noop("access attempt expirations"),
    gettext_noop("Logout Time"), gettext_noop("Session key hash (sha256)"), gettext_noop("access log"),
    gettext_noop("access logs"), gettext_noop("Locked Out"), gettext_noop("Form Data"), gettext_noop("Meta Data"),
    gettext_noop("Not set"),
]
# The job queue's table (django_tasks_db), beside them in the admin's list of apps.
TASK_WORDS = [gettext_noop("Task Result"), gettext_noop("Task Results")]
# Django's admin asks these of its app list (for screen readers); its Chinese has none yet.
ADMIN_WORDS = [gettext_noop("Model name"), gettext_noop("Add link"), gettext_noop("Change or view list link")]


def _attempt_name(attempt):
    # Axes names an attempt "Attempted Access: <time>" in English; unlocking someone
    # (deleting their attempt) confirms it by this name.
    return gettext("%(username)s from %(address)s") % {
        "username": attempt.username or "—", "address": attempt.ip_address or "—"}


AccessAttempt.__str__ = _attempt_name
admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LockoutAdmin(AccessAttemptAdmin):
    @admin.display(description=_("status"))
    def status(self, obj):
        left = settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        if left <= 0:
            return _("Locked Out")
        return ngettext("%(n)d attempt left", "%(n)d attempts left", left) % {"n": left}

    @admin.action(description=_("Clean up expired attempts"))
    def cleanup_expired_attempts(self, request, queryset):
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(request, ngettext(
            "%(n)d expired access attempt cleaned up.", "%(n)d expired access attempts cleaned up.", count
        ) % {"n": count})
