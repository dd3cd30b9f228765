"""District pages, the metric list, the district picker and the comparison."""
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from policies import downloads
from policies.facets import toggled, without
from policies.listing import ListSpec, Sort, render_list

from . import selectors
from .filters import MetricFilter

METRICS = ListSpec(
    name="metrics",
    title=_("Metrics"),
    filterset=MetricFilter,
    queryset=selectors.metrics,
    sorts={
        "newest": Sort(_("newest first"), ("-year", "-article__published", "span_start")),
        "largest": Sort(_("largest value"), ("-value",)),
        "smallest": Sort(_("smallest value"), ("value",)),
        "district": Sort(_("district"), ("district__adcode", "label")),
        "label": Sort(_("metric"), ("label", "-year")),
    },
    row_template="partials/fact_rows.html",
    to_row=downloads.metric_row,
)


def metric_list(request: HttpRequest) -> HttpResponse:
    return render_list(request, METRICS)


def district_index(request: HttpRequest) -> HttpResponse:
    return render(request, "districts/index.html", {
        "districts": selectors.districts_with_data(),
        "found": selectors.lookup(request.GET.get("q", "")),
        "q": request.GET.get("q", ""),
    })


def district_detail(request: HttpRequest, adcode: str) -> HttpResponse:
    page = selectors.district_page(adcode)
    if page is None:
        raise Http404("No such district")
    return render(request, "districts/detail.html", {"page": page, "district": page.district})


def lookup(request: HttpRequest) -> JsonResponse:
    """The district picker's suggestions: [{adcode, name, city, province, label}]."""
    found = selectors.lookup(request.GET.get("q", ""))
    return JsonResponse({"results": [
        {"adcode": d.adcode, "name": d.name, "city": d.city, "province": d.province, "label": str(d)} for d in found
    ]})


def compare(request: HttpRequest) -> HttpResponse:
    districts = selectors.chosen_districts(request.GET.getlist("d"))
    rows = selectors.comparison(districts) if districts else []
    fmt = downloads.wanted_format(request)
    if fmt:
        return downloads.stream(
            downloads.comparison_rows(request, districts, rows), fmt=fmt, name="compare",
            meta={"list": "compare", "districts": [d.adcode for d in districts]},
        )
    add = request.GET.get("add", "")
    # Links that add a district found by the picker, or remove one compared: the picker's text is dropped.
    chosen = without(request.GET, "add")
    return render(request, "districts/compare.html", {
        "districts": districts,
        "rows": rows,
        "charts": [r.chart | {"key": r.key} for r in rows if r.chart],
        "add": add,
        "found": [(d, toggled(chosen, "d", d.adcode)) for d in selectors.lookup(add) if d not in districts],
        "can_add": len(districts) < selectors.MAX_COMPARED,
        "removals": [(d, toggled(chosen, "d", d.adcode)) for d in districts],
    })
