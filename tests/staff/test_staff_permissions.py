"""Permissions on every admin view and action: a visitor and a staff user
without the editor group change nothing; editors review; only admins manage users."""
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from policies.models import Article, Incentive, Metric
from policies.roles import EDITOR, editor_codenames
from programs.choices import Status
from programs.models import Program
from tests.staff.staffdata import HEXI_TEXT, fact, span_of


def admin_urls(article):
    incentive = Incentive.objects.filter(article=article).first()
    metric = Metric.objects.filter(article=article).first()
    program = Program.objects.first()
    return [
        reverse("admin:index"),
        reverse("admin:policies_article_changelist"),
        reverse("admin:policies_article_add"),
        reverse("admin:policies_article_change", args=[article.pk]),
        reverse("admin:policies_article_review", args=[article.pk]),
        reverse("admin:policies_incentive_changelist"),
        reverse("admin:policies_incentive_change", args=[incentive.pk]),
        reverse("admin:policies_incentive_history", args=[incentive.pk]),
        reverse("admin:policies_metric_change", args=[metric.pk]),
        reverse("admin:policies_metric_history", args=[metric.pk]),
        reverse("admin:programs_program_changelist"),
        reverse("admin:programs_program_change", args=[program.pk]),
        reverse("admin:districts_district_changelist"),
        reverse("admin:programs_targetgroup_changelist"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_group_changelist"),
        reverse("admin:autocomplete") + "?app_label=policies&model_name=incentive&field_name=district&term=河西",
    ]


def state(article):
    return (
        sorted(Incentive.objects.filter(article=article).values_list("pk", "status", "origin", "value")),
        sorted(Metric.objects.filter(article=article).values_list("pk", "status", "origin", "value")),
        sorted(Program.objects.values_list("pk", "name", "aliases")),
        Article.objects.count(),
    )


def attempts(client, article):
    """Every write an editor could make, tried by someone who must not."""
    incentive = fact(article, "公寓")
    program = Program.objects.first()
    other = Program.objects.create(name="另一个计划", district=program.district)
    start, end = span_of(HEXI_TEXT, "青年人才集聚新政")
    review = reverse("admin:policies_article_review", args=[article.pk])
    responses = [
        client.post(reverse("admin:policies_article_add"), {"text": "滑县提供人才公寓50套。"}),
        client.post(review, {
            "_action": "reject_selected", "incentive-TOTAL_FORMS": 1, "incentive-INITIAL_FORMS": 1,
            "incentive-0-id": incentive.pk, "incentive-0-selected": "on", "incentive-0-kind": "apartment",
            "incentive-0-value": "300", "incentive-0-unit": "count", "incentive-0-qualifier": "eq",
            "metric-TOTAL_FORMS": 0, "metric-INITIAL_FORMS": 0,
        }),
        client.post(review, {
            "_action": "add_fact", "hand-kind": "fund", "hand-value": "1", "hand-unit": "CNY",
            "hand-qualifier": "eq", "hand-span_start": start, "hand-span_end": end,
        }),
        client.post(review, {"_action": "add_program", "program-name": "新计划"}),
        client.post(reverse("admin:policies_incentive_change", args=[incentive.pk]), {
            "kind": "fund", "value": "1", "unit": "CNY", "qualifier": "eq",
        }),
        client.post(reverse("admin:policies_incentive_changelist"), {
            "action": "reject_selected", "_selected_action": [incentive.pk],
        }),
        client.post(reverse("admin:policies_article_changelist"), {
            "action": "reextract", "_selected_action": [article.pk],
        }),
        client.post(reverse("admin:programs_program_changelist"), {
            "action": "merge", "_selected_action": [program.pk, other.pk], "keep": program.pk, "confirm": "1",
        }),
        client.post(reverse("admin:programs_program_change", args=[program.pk]), {"name": "改名", "aliases": ""}),
        client.post(reverse("admin:programs_program_delete", args=[program.pk]), {"post": "yes"}),
        client.post(reverse("admin:policies_incentive_delete", args=[incentive.pk]), {"post": "yes"}),
    ]
    history = incentive.history.first()
    responses.append(client.post(
        reverse("admin:policies_incentive_simple_history", args=[incentive.pk, history.pk]),
        {"kind": "fund", "value": "1", "unit": "CNY", "qualifier": "eq"},
    ))
    other.delete()
    return responses


def test_visitor_is_sent_to_login_everywhere(client, article):
    for url in admin_urls(article):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_visitor_changes_nothing(client, article):
    before = state(article)
    for response in attempts(client, article):
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert state(article) == before


def test_staff_without_group_sees_and_changes_nothing(client, staff_user, article):
    client.force_login(staff_user)
    for url in admin_urls(article)[1:]:
        assert client.get(url).status_code == 403, url
    before = state(article)
    for response in attempts(client, article):
        assert response.status_code == 403
    assert state(article) == before


def test_viewer_may_look_but_changes_nothing(client, viewer, article):
    """Staff with view permissions only: the review screen shows the facts
    without decision controls, and every write is refused."""
    client.force_login(viewer)
    response = client.get(reverse("admin:policies_article_review", args=[article.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="accept_selected"' not in body and 'id="hand-form"' not in body
    changelist = client.get(reverse("admin:policies_article_changelist"))
    assert "reextract" not in changelist.content.decode()

    before = state(article)
    for response in attempts(client, article):
        # Refused outright, or an action that is not offered (the changelist
        # is shown again with "no action selected").
        assert response.status_code in (403, 200)
    assert state(article) == before


def test_editor_group_is_created_by_the_migration(db):
    """A fresh database has the group with exactly the listed permissions."""
    group = Group.objects.get(name=EDITOR)
    held = {(p.content_type.app_label, p.codename) for p in group.permissions.select_related("content_type")}
    assert held == set(editor_codenames())
    assert not any(codename.endswith(("_user", "_group", "_permission")) for _, codename in held)


def test_editor_reviews_but_does_not_manage_users_or_delete_facts(editor_client, article):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    incentive = fact(article, "公寓")
    assert editor_client.post(reverse("admin:policies_incentive_delete", args=[incentive.pk]), {"post": "yes"}).status_code == 403
    assert editor_client.get(reverse("admin:policies_article_review", args=[article.pk])).status_code == 200
    editor_client.post(reverse("admin:policies_incentive_changelist"), {"action": "reject_selected", "_selected_action": [incentive.pk]})
    incentive.refresh_from_db()
    assert incentive.status == Status.REJECTED


def test_admin_manages_users(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200
    assert client.get(reverse("admin:auth_user_add")).status_code == 200


def test_editor_changes_a_fact_in_its_change_form_as_a_correction(editor_client, editor, article):
    incentive = fact(article, "公寓")
    response = editor_client.post(
        reverse("admin:policies_incentive_change", args=[incentive.pk]),
        {
            "kind": "apartment", "label": incentive.label, "value": "320", "unit": "count", "measure": "套",
            "qualifier": "eq", "district": incentive.district_id, "program": incentive.program_id,
            "period": "", "value_max": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    incentive.refresh_from_db()
    assert (incentive.value, incentive.origin, incentive.status, incentive.reviewed_by) == (320, "corrected", "verified", editor)


@pytest.mark.parametrize("url_name", ["admin:policies_incentive_add", "admin:policies_metric_add"])
def test_facts_are_added_on_the_review_screen_only(editor_client, url_name):
    """A fact points at a span of its article, which only the review screen can select."""
    assert editor_client.get(reverse(url_name)).status_code == 403


def test_saving_an_untouched_fact_form_decides_nothing(editor_client, article):
    incentive = fact(article, "公寓")
    editor_client.post(
        reverse("admin:policies_incentive_change", args=[incentive.pk]),
        {
            "kind": "apartment", "label": incentive.label, "value": "300", "unit": "count", "measure": "套",
            "qualifier": "eq", "district": incentive.district_id, "program": incentive.program_id,
            "period": "", "value_max": "",
        },
    )
    incentive.refresh_from_db()
    assert (incentive.status, incentive.origin, incentive.reviewed_by) == (Status.PROPOSED, "extracted", None)


def test_editor_autocompletes_districts_and_programs(editor_client, article):
    url = reverse("admin:autocomplete")
    districts = editor_client.get(url, {"app_label": "policies", "model_name": "incentive", "field_name": "district", "term": "河西"})
    assert districts.status_code == 200 and any(r["text"].endswith("河西区") for r in districts.json()["results"])
    programs = editor_client.get(url, {"app_label": "policies", "model_name": "metric", "field_name": "program", "term": "青年"})
    assert [r["text"] for r in programs.json()["results"]] == ["青年人才集聚"]


@pytest.mark.parametrize("language, names", [("en", ["Districts", "Policies", "Programs"]),
                                             ("zh-hans", ["区县", "政策", "人才项目"])])
def test_the_admin_names_its_sections_as_headings(editor_client, article, language, names):
    """The admin's index and breadcrumbs show each app's name as a heading, as Django's own
    "Authentication and Authorization" is, in the staff member's language."""
    editor_client.cookies["django_language"] = language
    index = editor_client.get(reverse("admin:index")).content.decode()
    shown = re.findall(r'class="section"[^>]*>([^<]+)</a>', index)
    assert sorted(n for n in shown if n in names) == sorted(names)
    changelist = editor_client.get(reverse("admin:policies_incentive_changelist")).content.decode()
    assert f">{names[1]}</a>" in changelist.split('class="breadcrumbs"')[1].split("</div>")[0]
