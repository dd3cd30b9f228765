"""The people of the staff side, and an article with one fact of each kind of decision."""
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission

from districts.models import District
from policies.choices import IncentiveKind, Unit
from policies.importing import checksum
from policies.models import Article, Incentive, Metric
from policies.roles import sync_editor_group
from programs.models import Program
from tests.staff.staffdata import HEXI_TEXT, make_user, span_of

@pytest.fixture
def editor_group(reference_data):
    """The group the migration creates; re-created here because a transactional
    (live server) test flushes every table when it ends."""
    return sync_editor_group(Group, Permission)


@pytest.fixture
def editor(django_user_model, editor_group):
    return make_user(django_user_model, "editor", groups=[editor_group])


@pytest.fixture
def staff_user(django_user_model, reference_data):
    """Staff without any group or permission: may log in to the admin, nothing more."""
    return make_user(django_user_model, "staff")


@pytest.fixture
def viewer(django_user_model, reference_data):
    """Staff who may look at everything an editor sees but change nothing."""
    return make_user(
        django_user_model,
        "viewer",
        perms=[
            "policies.view_article", "policies.view_incentive", "policies.view_metric",
            "programs.view_program", "districts.view_district",
        ],
    )


@pytest.fixture
def superuser(django_user_model, reference_data):
    return make_user(django_user_model, "boss", superuser=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def hexi(reference_data):
    return District.objects.get(name="河西区", city="天津市")


@pytest.fixture
def article(hexi):
    """An article with three extracted proposals and one metric, as the
    extractor would have left them (created directly: the tests are about
    what people decide, not about what the extractor reads)."""
    article = Article.objects.create(
        title="河西区发布青年人才集聚新政", text=HEXI_TEXT, sha256=checksum(HEXI_TEXT), published="2024-03-01"
    )
    article.districts.add(hexi)
    program = Program.objects.create(name="青年人才集聚", district=hexi)

    def incentive(quote, kind, value, unit, key, measure=""):
        start, end = span_of(HEXI_TEXT, quote)
        return Incentive.objects.create(
            article=article, district=hexi, program=program, kind=kind, label=quote[-4:], value=Decimal(value),
            unit=unit, measure=measure, span_start=start, span_end=end, quote=quote, extraction_key=key,
        )

    incentive("人才公寓300套", IncentiveKind.APARTMENT, "300", Unit.COUNT, "apartment|count|300|#1", "套")
    incentive("免租工位120个", IncentiveKind.WORKSTATION, "120", Unit.COUNT, "workstation|count|120|#1", "个")
    incentive("每人5万元生活补贴", IncentiveKind.SUBSIDY, "50000", Unit.CNY, "subsidy|CNY|50000|#1")
    start, end = span_of(HEXI_TEXT, "新增高层次人才1200人")
    Metric.objects.create(
        article=article, district=hexi, label="新增高层次人才", value=1200, unit=Unit.COUNT, period="2023",
        span_start=start, span_end=end, quote="新增高层次人才1200人", extraction_key="metric:新增高层次人才|count|1200|#1",
    )
    return article
