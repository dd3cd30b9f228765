"""The policies app: articles and everything read from them, the import, the review, the export and the staff side."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("policies")

    def ready(self):
        from django.db.models.signals import pre_save

        from programs.models import Program

        from .models import Article, Incentive, Metric
        from .search import keep_fact_search_text, keep_program_search_text, keep_search_text

        # Every save (the importer, the admin, a restore's raw save) refreshes the search words;
        # the bulk writes (importing.apply_extraction, corpus_load) fill them themselves.
        pre_save.connect(keep_search_text, sender=Article, dispatch_uid="article_search_text")
        pre_save.connect(keep_fact_search_text, sender=Incentive, dispatch_uid="incentive_search_text")
        pre_save.connect(keep_fact_search_text, sender=Metric, dispatch_uid="metric_search_text")
        pre_save.connect(keep_program_search_text, sender=Program, dispatch_uid="program_search_text")
