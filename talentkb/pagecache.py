"""The whole-page cache: anonymous GETs of the public read pages served from the database cache.

A cached list costs a few milliseconds of SQL but about 100 ms of Python, most
of it rendering the template; under load the workers queue on that. So the
finished response (status, headers, body) of a public page is kept in
Django's DatabaseCache (the `pages` alias, a table every app server shares:
none keeps state) and served again without running the view.

Why a small middleware rather than Django's cache_page / cache middleware:
their key has no place for the data version (the key prefix is fixed per
process or per view), and they keep a separate entry for every Vary'd header
value, Cookie included, so pages that touch the session or the CSRF token are
either kept per visitor or not at all. Here the key names everything a page
depends on, and the rules below decide what is shared; the storing is the
cache framework's (timeouts, culling, the shared table).

The key: the full path with its query string, the scheme and host (pages
carry absolute URLs), the reader's language (cookie or Accept-Language, as
LocaleMiddleware chooses it), today's date (the life stages and "in force"
change at midnight without a write), and the data version
(policies.data_version), which every committed write changes: a write makes
every older entry unreachable at once. Unreachable entries are not deleted one
by one: each lives at most PAGE_CACHE_SECONDS, and DatabaseCache drops expired
rows, then a third of the rest, whenever a write finds more than
PAGE_CACHE_MAX_ENTRIES rows.

Served and stored only for:
- GET requests to the public pages (the `policies`, `programs` and `districts`
  URL namespaces): never the admin, the staff screens, downloads, jobs or the
  language switch;
- visitors without a session or messages cookie: a signed-in user always has a
  session cookie, so never gets a page cached for anonymous visitors, nor
  leaves one behind;
- no open transaction with uncommitted writes (the version does not count them yet).
Stored only when the response is a 200 HTML page that sets no cookie, did not
use the CSRF token (one visitor's token is never served to another) and is not
marked private or no-store.
"""
from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re

from policies import data_version
from policies.models import DataVersion

# Raise when what is stored changes, so that entries of the old form are not read.
FORMAT = 1
PUBLIC_NAMESPACES = {"policies", "programs", "districts"}
ALIAS = "pages"


def key_of(request) -> str | None:
    """The cache key of this request, or None when the page is not to be cached."""
    if not getattr(settings, "PAGE_CACHE", False) or request.method != "GET":
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES:
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.namespace not in PUBLIC_NAMESPACES:
        return None
    if data_version.pending():
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the view's turn to refuse it
    version = DataVersion.objects.filter(pk=1).values_list("number", flat=True).first()
    if version is None:
        return None
    what = [FORMAT, version, translation.get_language_from_request(request), timezone.localdate().isoformat(),
            request.scheme, host, request.get_full_path()]
    return "page:" + hashlib.sha256(json.dumps(what, ensure_ascii=False).encode()).hexdigest()


def storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page carries this visitor's CSRF token
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False  # JSON look-ups, downloads
    control = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not control & {"private", "no-store", "no-cache"}


class PageCacheMiddleware:
    """Placed before the session, CSRF and auth middleware: a hit skips them, and a store sees the
    response as they leave it (with any cookie they set)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = key_of(request)
        if key is None:
            return self.get_response(request)
        cache = caches[ALIAS]
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            return HttpResponse(content, status=status, headers=headers)
        response = self.get_response(request)
        if storable(request, response):
            cache.set(key, (response.status_code, dict(response.headers), response.content),
                      settings.PAGE_CACHE_SECONDS)
        return response
