"""The review screen: a person accepts, corrects, rejects and adds facts."""
from decimal import Decimal

import pytest
from django.urls import reverse

from policies.models import Incentive, Metric
from programs.choices import Origin, Status
from programs.models import Program

from tests.staff.staffdata import HEXI_TEXT, fact, span_of


def review_url(article):
    return reverse("admin:policies_article_review", args=[article.pk])


def formset_data(response, _action="save", **rows):
    """The POST data of the review form as rendered, with `rows` changed:
    rows={"incentive-0": {"decision": "accept"}, ...}."""
    data = {"_action": _action}
    for formset in (response.context["incentives"], response.context["metrics"]):
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
        for form in formset.forms:
            for name, field in form.fields.items():
                value = form[name].value()
                if field.show_hidden_initial:  # the value the page was drawn with, posted beside the field's
                    data[form[name].html_initial_name] = "" if value is None else value
                if name in ("selected", "target"):
                    if value:
                        data[form.add_prefix(name)] = "on"
                    continue
                data[form.add_prefix(name)] = "" if value is None else value
    for prefix, changes in rows.items():
        for name, value in changes.items():
            key = f"{prefix}-{name}"
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
    return data


def prefix_of(response, quote_part):
    for formset in (response.context["incentives"], response.context["metrics"]):
        for form in formset.forms:
            if quote_part in form.instance.quote:
                return form.prefix
    raise LookupError(quote_part)


def test_review_screen_shows_text_with_highlights_and_rows(editor_client, article, django_assert_max_num_queries):
    """Rows render their district and program from the facts' own joins:
    no query per row (the autocomplete widgets would otherwise cost two each)."""
    with django_assert_max_num_queries(14):
        response = editor_client.get(review_url(article))
    assert response.status_code == 200
    body = response.content.decode()
    for part in ("人才公寓300套", "免租工位120个", "每人5万元生活补贴", "新增高层次人才1200人"):
        f = fact(article, part)
        key = f"{f._meta.model_name}-{f.pk}"
        assert f'id="fact-{key}"' in body
        assert f'id="mark-{key}"' in body
    # The segments put together are the text exactly, so offsets of a selection are offsets of the text.
    assert "".join(s.text for s in response.context["segments"]) == HEXI_TEXT


def test_accept_correct_reject_one_by_one(editor_client, editor, article, hexi):
    page = editor_client.get(review_url(article))
    data = formset_data(
        page,
        **{
            prefix_of(page, "人才公寓"): {"decision": "accept"},
            prefix_of(page, "工位"): {"value": "150"},
            prefix_of(page, "补贴"): {"decision": "reject"},
        },
        _action="save",
    )
    response = editor_client.post(review_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]

    accepted, corrected, rejected = fact(article, "人才公寓"), fact(article, "工位"), fact(article, "补贴")
    assert (accepted.status, accepted.origin) == (Status.VERIFIED, Origin.EXTRACTED)
    assert (corrected.status, corrected.origin, corrected.value) == (Status.VERIFIED, Origin.CORRECTED, Decimal(150))
    assert corrected.extraction_key == "workstation|count|120|#1"  # kept: the original is never proposed again
    assert (rejected.status, rejected.origin) == (Status.REJECTED, Origin.EXTRACTED)
    for f in (accepted, corrected, rejected):
        assert f.reviewed_by == editor and f.reviewed_at is not None
    untouched = fact(article, "高层次")
    assert (untouched.status, untouched.reviewed_by) == (Status.PROPOSED, None)


@pytest.mark.parametrize(
    "field, value",
    [
        ("kind", "office_space"), ("unit", "m2"), ("qualifier", "ge"), ("period", "2024"),
        ("target", "on"), ("value_max", "500"), ("district", "district"), ("program", "program"),
    ],
)
def test_changing_any_field_makes_a_correction(editor_client, editor, article, field, value):
    if value == "district":
        from districts.models import District
        value = District.objects.get(name="滑县").pk
    elif value == "program":
        value = Program.objects.create(name="海河英才", district_id=fact(article, "公寓").district_id).pk
    page = editor_client.get(review_url(article))
    data = formset_data(page, **{prefix_of(page, "人才公寓"): {field: value}}, _action="save")
    assert editor_client.post(review_url(article), data).status_code == 302
    corrected = fact(article, "人才公寓")
    assert (corrected.origin, corrected.status, corrected.reviewed_by) == (Origin.CORRECTED, Status.VERIFIED, editor)
    assert corrected.extraction_key == "apartment|count|300|#1"
    # Nothing else changed.
    assert fact(article, "工位").status == Status.PROPOSED


def test_bulk_accept_and_reject_selected(editor_client, article):
    page = editor_client.get(review_url(article))
    selected = {prefix_of(page, part): {"selected": "on"} for part in ("公寓", "工位")}
    editor_client.post(review_url(article), formset_data(page, **selected, _action="accept_selected"))
    assert fact(article, "公寓").status == fact(article, "工位").status == Status.VERIFIED
    assert fact(article, "补贴").status == Status.PROPOSED

    page = editor_client.get(review_url(article))
    selected = {prefix_of(page, part): {"selected": "on"} for part in ("补贴", "高层次")}
    editor_client.post(review_url(article), formset_data(page, **selected, _action="reject_selected"))
    assert fact(article, "补贴").status == fact(article, "高层次").status == Status.REJECTED
    assert fact(article, "公寓").status == Status.VERIFIED


def test_invalid_row_saves_nothing(editor_client, article):
    page = editor_client.get(review_url(article))
    data = formset_data(
        page,
        **{prefix_of(page, "公寓"): {"decision": "accept"}, prefix_of(page, "工位"): {"value": "many"}},
        _action="save",
    )
    response = editor_client.post(review_url(article), data)
    assert response.status_code == 400
    assert fact(article, "公寓").status == Status.PROPOSED


def test_formset_cannot_create_facts(editor_client, article):
    """The rows are edit-only: posting an extra form does not add a fact."""
    page = editor_client.get(review_url(article))
    data = formset_data(page, _action="save")
    data["incentive-TOTAL_FORMS"] = str(int(data["incentive-TOTAL_FORMS"]) + 1)
    data.update({"incentive-3-kind": "fund", "incentive-3-value": "1", "incentive-3-unit": "CNY", "incentive-3-qualifier": "eq"})
    editor_client.post(review_url(article), data)
    assert Incentive.objects.filter(article=article).count() == 3


def test_add_fact_by_hand_from_a_span(editor_client, editor, article, hexi):
    start, end = span_of(HEXI_TEXT, "青年人才集聚新政")
    response = editor_client.post(
        review_url(article),
        {
            "_action": "add_fact", "hand-kind": "metric", "hand-label": "新政数量", "hand-value": "1",
            "hand-unit": "count", "hand-qualifier": "eq", "hand-district": hexi.pk, "hand-period": "2024",
            "hand-span_start": start, "hand-span_end": end,
        },
    )
    assert response.status_code == 302
    added = Metric.objects.get(article=article, label="新政数量")
    assert added.quote == "青年人才集聚新政"
    assert (added.origin, added.status, added.reviewed_by, added.extraction_key) == (
        Origin.MANUAL, Status.VERIFIED, editor, ""
    )
    assert response["Location"].endswith(f"#fact-metric-{added.pk}")


def test_add_incentive_by_hand_needs_a_span_inside_the_text(editor_client, article, hexi):
    response = editor_client.post(
        review_url(article),
        {
            "_action": "add_fact", "hand-kind": "fund", "hand-value": "100", "hand-unit": "CNY",
            "hand-qualifier": "eq", "hand-span_start": 5, "hand-span_end": len(HEXI_TEXT) + 10,
        },
    )
    assert response.status_code == 400
    assert not Incentive.objects.filter(article=article, kind="fund").exists()


def test_create_program_from_review_screen(editor_client, article, hexi):
    response = editor_client.post(
        review_url(article), {"_action": "add_program", "program-name": "海河英才", "program-district": hexi.pk}
    )
    assert response.status_code == 302
    program = Program.objects.get(name="海河英才", district=hexi)
    assert (program.origin, program.status) == (Origin.MANUAL, Status.VERIFIED)


def test_history_shows_who_changed_what_from_what(editor_client, editor, article):
    page = editor_client.get(review_url(article))
    editor_client.post(review_url(article), formset_data(page, **{prefix_of(page, "工位"): {"value": "150"}}, _action="save"))
    corrected = fact(article, "工位")
    record = corrected.history.first()
    assert record.history_user == editor
    changes = {c.field: (c.old, c.new) for c in record.diff_against(record.prev_record).changes}
    assert changes["value"] == (Decimal("120.0000"), Decimal("150"))
    assert changes["origin"] == ("extracted", "corrected")

    response = editor_client.get(reverse("admin:policies_incentive_history", args=[corrected.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "editor" in body and "150" in body and "120" in body


def test_rows_of_another_article_cannot_be_posted(editor_client, article, hexi):
    from policies.models import Article

    other = Article.objects.create(title="其他", text="其他文章提供人才公寓10套。", sha256="f" * 64)
    foreign = Incentive.objects.create(
        article=other, district=hexi, kind="apartment", value=10, unit="count", span_start=5, span_end=11, quote="人才公寓10套"
    )
    page = editor_client.get(review_url(article))
    prefix = prefix_of(page, "公寓")
    response = editor_client.post(review_url(article), formset_data(page, **{prefix: {"id": foreign.pk, "decision": "reject"}}))
    assert response.status_code == 400
    foreign.refresh_from_db()
    assert foreign.status == Status.PROPOSED


def test_review_query_count_does_not_grow_with_the_facts(editor_client, seeded, django_assert_max_num_queries):
    """The first seed article has over twenty facts: still the same queries
    as the four of the `article` fixture (no query per row or per widget)."""
    from policies.models import Article

    article = Article.objects.get(source_file__startswith="000")
    assert Incentive.objects.filter(article=article).count() + Metric.objects.filter(article=article).count() > 20
    with django_assert_max_num_queries(14):
        response = editor_client.get(review_url(article))
    assert response.status_code == 200


# Issue 12, point 11: the measure word and the target groups are fields of a
# fact on the review screen; a fact added by hand takes its span from the
# selection, not from typed offsets.
def test_measure_word_and_target_groups_are_corrected_on_the_review_screen(editor_client, editor, article):
    from programs.models import TargetGroup

    graduates, skilled = TargetGroup.objects.get(code="graduates"), TargetGroup.objects.get(code="skilled")
    page = editor_client.get(review_url(article))
    body = page.content.decode()
    row = prefix_of(page, "人才公寓")
    assert f'name="{row}-measure"' in body and f'name="{row}-groups"' in body
    assert f'name="{prefix_of(page, "新增高层次")}-measure"' in body  # a metric has a measure word too
    data = formset_data(page, **{row: {"measure": "间", "groups": [graduates.pk, skilled.pk]}}, _action="save")
    assert editor_client.post(review_url(article), data).status_code == 302
    corrected = fact(article, "人才公寓")
    assert corrected.measure == "间"
    assert set(corrected.groups.values_list("code", flat=True)) == {"graduates", "skilled"}
    assert (corrected.origin, corrected.status, corrected.reviewed_by) == (Origin.CORRECTED, Status.VERIFIED, editor)

    # Taking a group away is a correction too.
    page = editor_client.get(review_url(article))
    data = formset_data(page, **{prefix_of(page, "人才公寓"): {"groups": [skilled.pk]}}, _action="save")
    editor_client.post(review_url(article), data)
    assert list(fact(article, "人才公寓").groups.values_list("code", flat=True)) == ["skilled"]


def test_groups_alone_make_a_correction(editor_client, article):
    from programs.models import TargetGroup

    page = editor_client.get(review_url(article))
    group = TargetGroup.objects.get(code="graduates")
    data = formset_data(page, **{prefix_of(page, "工位"): {"groups": [group.pk]}}, _action="save")
    editor_client.post(review_url(article), data)
    corrected = fact(article, "工位")
    assert corrected.origin == Origin.CORRECTED and list(corrected.groups.all()) == [group]


def test_hand_form_takes_the_span_from_the_selection(editor_client, article, hexi):
    body = editor_client.get(review_url(article)).content.decode()
    hand = body[body.index('id="hand-form"'):]
    hand = hand[: hand.index("</form>")]
    assert 'type="hidden" name="hand-span_start"' in hand and 'type="hidden" name="hand-span_end"' in hand
    assert 'type="number" name="hand-span_start"' not in hand
    assert "引文起点" not in hand and "quote start" not in hand
    assert 'name="hand-measure"' in hand and 'name="hand-groups"' in hand


def test_a_fact_added_by_hand_keeps_its_measure_word_and_groups(editor_client, article, hexi):
    from programs.models import TargetGroup

    start, end = span_of(HEXI_TEXT, "人才公寓300套")
    group = TargetGroup.objects.get(code="high_level")
    response = editor_client.post(review_url(article), {
        "_action": "add_fact", "hand-kind": "other", "hand-value": "300", "hand-unit": "count",
        "hand-measure": "套", "hand-qualifier": "eq", "hand-district": hexi.pk, "hand-groups": [group.pk],
        "hand-span_start": start, "hand-span_end": end,
    })
    assert response.status_code == 302
    added = Incentive.objects.get(article=article, kind="other")
    assert added.measure == "套" and list(added.groups.all()) == [group]


def test_without_a_selection_the_hand_form_says_so_and_keeps_a_selection_it_had(editor_client, article, hexi):
    fields = {"_action": "add_fact", "hand-kind": "fund", "hand-value": "100", "hand-unit": "CNY",
              "hand-qualifier": "eq"}
    response = editor_client.post(review_url(article), fields)
    assert response.status_code == 400
    assert "请先在正文中选中一段文字。" in response.content.decode()
    # An error elsewhere keeps the selection shown, not offsets.
    start, end = span_of(HEXI_TEXT, "每人5万元生活补贴")
    response = editor_client.post(review_url(article), {**fields, "hand-value": "x",
                                                        "hand-span_start": start, "hand-span_end": end})
    assert response.status_code == 400
    assert "“每人5万元生活补贴”" in response.content.decode()


def test_saving_a_page_drawn_before_a_reextraction(editor_client, editor, article):
    """Re-extraction replaces the facts still proposed by new rows: a page drawn
    before it still saves the decisions on the facts that remain, and says why
    the others were not saved, instead of failing on rows with no fact."""
    from django.core.management import call_command

    from policies.review import accept

    accept(fact(article, "人才公寓"), editor)
    page = editor_client.get(review_url(article))
    call_command("reextract", str(article.pk), verbosity=0)
    data = formset_data(page, **{
        prefix_of(page, "人才公寓"): {"value": "310"},
        prefix_of(page, "工位"): {"decision": "accept"},
    })
    response = editor_client.post(review_url(article), data, follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "打开本页之后，这篇文章的数据已有变化" in body
    assert "已接受 0 条，修正 1 条，驳回 0 条。" in body
    assert fact(article, "人才公寓").value == Decimal(310)
    assert not Incentive.objects.filter(article=article, quote__contains="工位", status=Status.VERIFIED).exists()


def desks_corrected_meanwhile(client, editor, django_user_model, article):
    """Editor A opens the review screen; B opens it too, corrects the desks to 150 and saves;
    A is logged in again, with the page as A drew it. Returns (B, A's page)."""
    from tests.staff.staffdata import make_user

    other = make_user(django_user_model, "other", groups=editor.groups.all())
    client.force_login(editor)
    page_a = client.get(review_url(article))
    client.force_login(other)
    page_b = client.get(review_url(article))
    client.post(review_url(article), formset_data(page_b, **{prefix_of(page_b, "工位"): {"value": "150"}}))
    client.force_login(editor)
    return other, page_a


def test_an_out_of_date_page_writes_only_what_its_editor_changed(client, editor, django_user_model, article):
    """Two editors open the same screen; B corrects a value and saves. A, whose
    page still shows the old value, accepts another fact and saves: B's value
    stays, and only A's decision is recorded."""
    other, page_a = desks_corrected_meanwhile(client, editor, django_user_model, article)
    response = client.post(
        review_url(article), formset_data(page_a, **{prefix_of(page_a, "人才公寓"): {"decision": "accept"}}), follow=True
    )
    assert "已接受 1 条，修正 0 条，驳回 0 条。" in response.content.decode()
    desks = fact(article, "工位")
    assert (desks.value, desks.reviewed_by) == (Decimal(150), other)
    assert fact(article, "人才公寓").status == Status.VERIFIED


def test_a_field_both_editors_changed_keeps_the_first_and_says_so(client, editor, django_user_model, article):
    other, page_a = desks_corrected_meanwhile(client, editor, django_user_model, article)
    response = client.post(review_url(article), formset_data(page_a, **{
        prefix_of(page_a, "工位"): {"value": "130"}, prefix_of(page_a, "补贴"): {"label": "博士生活补贴"},
    }), follow=True)
    body = response.content.decode()
    assert "未保存：您打开本页之后，有人修改了“免租工位120个”" in body
    assert "已接受 0 条，修正 1 条，驳回 0 条。" in body
    desks = fact(article, "工位")
    assert (desks.value, desks.reviewed_by) == (Decimal(150), other)
    assert fact(article, "补贴").label == "博士生活补贴"


@pytest.mark.parametrize("typed", ["竹乡英才", "竹乡英才计划"])
def test_new_program_by_a_name_or_alias_the_district_has_points_to_it(editor_client, article, hexi, typed):
    existing = Program.objects.create(name="竹乡英才", aliases=["竹乡英才计划"], district=hexi)
    response = editor_client.post(
        review_url(article), {"_action": "add_program", "program-name": typed, "program-district": hexi.pk}, follow=True
    )
    assert Program.objects.filter(district=hexi, name__startswith="竹乡").count() == 1
    body = response.content.decode()
    assert "已存在" in body
    assert f'<a href="{reverse("admin:programs_program_change", args=[existing.pk])}">竹乡英才</a>' in body
