"""URL map: the public research pages, the staff admin, the language switch."""
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("policies.urls")),
    path("", include("programs.urls")),
    path("", include("districts.urls")),
]
