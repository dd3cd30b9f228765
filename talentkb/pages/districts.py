"""`/districts/`, `/districts/<adcode>/` and `/districts/lookup/`, the district picker's JSON suggestions."""
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from districts.lookup import lookup as find_districts
from policies import lifecycle
from talentkb import selectors, summaries


def district_index(request: HttpRequest) -> HttpResponse:
    return render(request, "districts/index.html", {
        "districts": selectors.districts_with_data(),
        "found": find_districts(request.GET.get("q", "")),
        "q": request.GET.get("q", ""),
    })


def district_detail(request: HttpRequest, adcode: str) -> HttpResponse:
    page = selectors.district_page(adcode)
    if page is None:
        raise Http404("No such district")
    charts = []
    for row in page.indicators:
        if row.series:
            row.chart = summaries.series_chart(row.series, row.label)
            row.chart["index"] = len(charts)
            charts.append(row.chart)
    return render(request, "districts/detail.html", {
        "page": page, "district": page.district, "timeline": lifecycle.timeline(page.programs, page.articles),
        "series_charts": charts,
    })


def lookup(request: HttpRequest) -> JsonResponse:
    """The district picker's suggestions: [{adcode, name, city, province, their English, label}].

    name, city and province are Chinese whatever the language; name_en, city_en
    and province_en are their English (pinyin); label reads in the reader's
    language: 北京市丰台区, or "Fengtai District, Beijing".
    """
    found = find_districts(request.GET.get("q", ""))
    return JsonResponse({"results": [
        {
            "adcode": d.adcode, "name": d.name, "city": d.city, "province": d.province,
            "name_en": d.name_en, "city_en": d.city_en, "province_en": d.province_en, "label": d.label,
        }
        for d in found
    ]})
