"""More files in one upload than Django reads: the add form again, with a message.

Django stops reading a request at the 101st file (DATA_UPLOAD_MAX_NUMBER_FILES)
and answers with a bare 400. The CSRF check reads the form before any view, so
the view never sees that error: this middleware reads the add form's upload
first and sends the editor back to the form, saying how many files it takes.
Nothing has been imported then; the files are still on the editor's disk, and
with several files the form's other fields are not used (forms.ArticleAddForm).
"""
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import TooManyFilesSent
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import ngettext

CHUNK = 64 * 1024


def too_many_files(get_response):
    """Middleware, after the messages' (its message is shown on the form it redirects to)."""

    def middleware(request):
        if request.method == "POST" and request.path == reverse("admin:policies_article_add"):
            try:
                request.POST  # noqa: B018  (read now: the error comes from reading it)
            except TooManyFilesSent:
                # The rest of the body, unread, could make the server reset the connection
                # before the browser, still sending, reads the answer.
                while request.read(CHUNK):
                    pass
                messages.error(request, too_many_files_message())
                return HttpResponseRedirect(request.path)
        return get_response(request)

    return middleware


def too_many_files_message() -> str:
    most = settings.DATA_UPLOAD_MAX_NUMBER_FILES
    return ngettext(
        "More than %(most)d file was chosen: one upload takes at most %(most)d. Nothing was imported. "
        "Choose at most %(most)d and upload them, then the others in another upload.",
        "More than %(most)d files were chosen: one upload takes at most %(most)d. Nothing was imported. "
        "Choose at most %(most)d and upload them, then the others in another upload.",
        most,
    ) % {"most": most}
