"""`/i18n/setlang/`: Django's language switch, refused when another site posts it.

The switch takes no CSRF token: a page that carried one could not be cached
for everyone (talentkb/pagecache.py). Browsers name the page a form was
posted from in the Origin header; a switch posted from another site (or from
an opaque origin, `null`) is refused, as Django's own CSRF check refuses it,
so a page elsewhere cannot change a reader's language. A request with no
Origin (an old browser, a script) is served: it cannot come from a forged form
in a current browser.
"""
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language


@csrf_exempt
def switch_language(request: HttpRequest) -> HttpResponse:
    origin = request.headers.get("Origin")
    if origin is not None and not _this_site(origin, request):
        return HttpResponseForbidden(gettext("The language can only be switched from this site's own pages."),
                                     content_type="text/plain; charset=utf-8")
    return set_language(request)


def _this_site(origin: str, request: HttpRequest) -> bool:
    """The origin is this site's host (any port or scheme: a proxy may change both) or a trusted one."""
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    host = urlsplit(origin).hostname
    return bool(host) and host == request.get_host().rsplit(":", 1)[0].strip("[]").lower()
