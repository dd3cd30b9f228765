"""URLs of the district pages, the metric list, the district picker and the comparison."""
from django.urls import path

from . import views

app_name = "districts"
urlpatterns = [
    path("districts/", views.district_index, name="index"),
    path("districts/lookup/", views.lookup, name="lookup"),
    path("districts/<str:adcode>/", views.district_detail, name="detail"),
    path("metrics/", views.metric_list, name="metrics"),
    path("compare/", views.compare, name="compare"),
]
