"""The policies app: articles and everything read from them, the import, the review, the export and the staff side."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("policies")

    def ready(self):
        from django.db.models.signals import pre_save

        from .models import Article
        from .search import keep_search_text

        # Every save of an article (the importer, the admin) refreshes its search words.
        pre_save.connect(keep_search_text, sender=Article, dispatch_uid="article_search_text")
