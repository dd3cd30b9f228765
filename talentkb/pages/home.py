"""`/`: the totals and the entry points."""
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from talentkb import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {
        "totals": selectors.totals(),
        "recent": selectors.articles().order_by("-published", "-imported_at")[:5],
        "districts": selectors.districts_with_data()[:12],
    })
