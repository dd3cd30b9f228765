"""The names the admin shows for apps of other packages, in the editor's language
(their own AppConfig names them in English, without gettext)."""
from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = _("Axes")


class TasksDatabaseConfig(TasksAppConfig):
    verbose_name = _("Task queue")
