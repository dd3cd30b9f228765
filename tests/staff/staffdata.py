"""Shared data and helpers of the staff tests (imported by name: tests/staff is on sys.path)."""
from django.contrib.auth.models import Permission

from policies.models import Incentive, Metric

PASSWORD = "a-long-test-password-42"

# A notice of our own (not a seed): 河西区 offers apartments, desks and a subsidy.
HEXI_TEXT = (
    "河西区发布青年人才集聚新政\n"
    "为吸引青年人才，河西区将筹集人才公寓300套，提供免租工位120个，"
    "对新落户的博士给予每人5万元生活补贴。\n"
    "2023年，全区新增高层次人才1200人。\n"
)


def span_of(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def make_user(django_user_model, username, *, staff=True, superuser=False, groups=(), perms=()):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_staff=staff, is_superuser=superuser
    )
    user.groups.set(groups)
    for perm in perms:
        app, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app, codename=codename))
    return user


def fact(article, quote_part):
    """The incentive or metric of `article` whose quote contains `quote_part`."""
    for model in (Incentive, Metric):
        found = model.objects.filter(article=article, quote__contains=quote_part).first()
        if found:
            return found
    raise LookupError(quote_part)
