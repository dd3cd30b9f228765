"""URLs of the program list and pages, and the incentive list."""
from django.urls import path

from . import views

app_name = "programs"
urlpatterns = [
    path("programs/", views.program_list, name="list"),
    path("programs/<int:pk>/", views.program_detail, name="detail"),
    path("incentives/", views.incentive_list, name="incentives"),
]
