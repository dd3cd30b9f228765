"""URL map: the public research pages (talentkb/pages/), the staff admin, the language switch.

The pages keep the URL namespaces they had when they lived in the apps
(`policies:`, `programs:`, `districts:`), so that templates and links stay as they are.
"""
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from policies.admin.backup import backup_view
from talentkb.pages import (articles, compare, districts, downloads, finder, home, incentives, language, metrics,
                            programs, search)

policies_pages = [
    path("", home.home, name="home"),
    path("articles/", articles.article_list, name="articles"),
    path("articles/<int:pk>/", articles.article_detail, name="article"),
    path("search/", search.search_page, name="search"),
]
programs_pages = [
    path("programs/", programs.program_list, name="list"),
    path("programs/<int:pk>/", programs.program_detail, name="detail"),
    path("incentives/", incentives.incentive_list, name="incentives"),
]
districts_pages = [
    path("districts/", districts.district_index, name="index"),
    path("districts/lookup/", districts.lookup, name="lookup"),
    path("districts/<str:adcode>/", districts.district_detail, name="detail"),
    path("metrics/", metrics.metric_list, name="metrics"),
    path("compare/", compare.compare, name="compare"),
    path("finder/", finder.finder_page, name="finder"),
]

# The staff side says whose it is, not "Django administration".
admin.site.site_header = _("Talent policy knowledge base")
admin.site.site_title = _("Talent policy knowledge base")

urlpatterns = [
    # Browsers and feed readers ask for /favicon.ico whatever the page links to.
    path("favicon.ico", home.favicon),
    path("admin/backup/", admin.site.admin_view(lambda request: backup_view(request, admin.site)), name="admin_backup"),
    path("admin/", admin.site.urls),
    # No CSRF token (the pages are cached for everyone); another site's post is refused by its Origin.
    path("i18n/setlang/", language.switch_language, name="set_language"),
    path("downloads/<uuid:public_id>/", downloads.download_page, name="download"),
    path("downloads/<uuid:public_id>/file/", downloads.download_file, name="download_file"),
    path("", include((policies_pages, "policies"))),
    path("", include((programs_pages, "programs"))),
    path("", include((districts_pages, "districts"))),
]
