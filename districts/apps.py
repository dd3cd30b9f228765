"""The districts app: the gazetteer of county-level divisions, the bottom layer (it imports no other app)."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistrictsConfig(AppConfig):
    name = "districts"
    verbose_name = _("Districts")
