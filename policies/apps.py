"""The policies app: articles and everything read from them, the import, the review, the export and the staff side."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("policies")

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import pre_save

        from . import data_version
        from .models import Article
        from .search import keep_search_text

        # Every save of an article (the importer, the admin) refreshes its search words.
        pre_save.connect(keep_search_text, sender=Article, dispatch_uid="article_search_text")
        # Every write to what the lists show changes the data version, which their cached counts are keyed by.
        connection_created.connect(data_version.install, dispatch_uid="data_version_watch")
