"""URLs of the home page, the article list and pages, and search."""
from django.urls import path

from . import views

app_name = "policies"
urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="articles"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("search/", views.search_page, name="search"),
]
