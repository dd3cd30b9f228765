"""The policies app: articles and everything read from them, the import, the review, the export and the staff side."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("Policies")

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_save, pre_save

        from programs.models import Program

        from . import data_version
        from .models import Article, Incentive, Metric
        from .search import keep_fact_search_text, keep_program_search_text, keep_search_text

        # Every save (the importer, the admin, a restore's raw save) refreshes the search words;
        # the bulk writes (importing.apply_extraction, corpus_load) fill them themselves.
        pre_save.connect(keep_search_text, sender=Article, dispatch_uid="article_search_text")
        pre_save.connect(keep_fact_search_text, sender=Incentive, dispatch_uid="incentive_search_text")
        pre_save.connect(keep_fact_search_text, sender=Metric, dispatch_uid="metric_search_text")
        pre_save.connect(keep_program_search_text, sender=Program, dispatch_uid="program_search_text")
        # Facts keep a copy of their article's date for sorting: an edited date is copied to them.
        post_save.connect(article_dates_to_facts, sender=Article, dispatch_uid="article_dates_to_facts")
        # Every write to what the lists show changes the data version, which their cached counts are keyed by.
        connection_created.connect(data_version.install, dispatch_uid="data_version_watch")


def article_dates_to_facts(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        from .models import copy_article_dates

        copy_article_dates(article=instance)
