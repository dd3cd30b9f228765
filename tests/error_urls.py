"""The site's URLs and three views that fail, for `@pytest.mark.urls("tests.error_urls")`:
the error pages are tested as a visitor meets them."""
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from talentkb.urls import urlpatterns as site_urlpatterns


def forbidden(request):
    raise PermissionDenied


def bad(request):
    raise SuspiciousOperation("a test of the 400 page")


def boom(request):
    raise RuntimeError("a test of the 500 page")


urlpatterns = [
    *site_urlpatterns,
    path("test-errors/403/", forbidden),
    path("test-errors/400/", bad),
    path("test-errors/500/", boom),
]
