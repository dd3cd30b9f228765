"""The fixed vocabulary of target groups that the extractor assigns (codes are stable).

Each name is the English msgid of its translation (locale/zh_Hans: 高校毕业生和青年 …);
gettext_noop marks it for makemessages, and the pages show it through gettext.
"""
from django.utils.translation import gettext_noop

GROUPS = [
    ("graduates", gettext_noop("Graduates and youth")),
    ("bachelors", gettext_noop("Bachelor's graduates")),
    ("masters", gettext_noop("Master's graduates")),
    ("doctorates", gettext_noop("PhDs")),
    ("high_level", gettext_noop("High-level talent")),
    ("overseas", gettext_noop("Overseas returnees")),
    ("skilled", gettext_noop("Skilled workers")),
    ("entrepreneurs", gettext_noop("Entrepreneurs")),
    ("researchers", gettext_noop("Researchers")),
    ("finance", gettext_noop("Finance")),
    ("education", gettext_noop("Education")),
    ("health", gettext_noop("Health")),
    ("rural", gettext_noop("Rural talent")),
]


def sync_groups(group_model) -> None:
    """Create or update the rows; takes the model so a migration can pass its own."""
    for position, (code, name) in enumerate(GROUPS):
        group_model.objects.update_or_create(code=code, defaults={"name": name, "position": position})
