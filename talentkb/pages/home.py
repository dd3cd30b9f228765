"""`/`: the totals, the map and the entry points; `/favicon.ico`."""
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static

from talentkb import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {
        "totals": selectors.totals(),
        "recent": selectors.articles().order_by("-published", "-imported_at")[:5],
        "districts": selectors.districts_with_data()[:12],
        "map": selectors.district_map(),
    })


def favicon(request: HttpRequest) -> HttpResponse:
    """The site's icon (static/favicon.svg) for the browsers that ask /favicon.ico.

    A temporary redirect: in production the static URL carries the file's
    hash, and a permanent one would keep browsers on an old icon."""
    return HttpResponseRedirect(static("favicon.svg"))
