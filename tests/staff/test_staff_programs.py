"""Programs: created, renamed and merged by editors."""
from django.urls import reverse

from policies.models import Incentive, Mention
from programs.choices import Origin
from programs.models import Program
from tests.staff.staffdata import fact


def test_merge_moves_facts_mentions_and_names(editor_client, article, hexi):
    keep = Program.objects.get(name="青年人才集聚")
    dup = Program.objects.create(name="河西·青年人才集聚", district=hexi, aliases=["青年集聚计划"])
    Mention.objects.create(program=dup, article=article, span_start=0, span_end=3, quote="河西区")
    desks = fact(article, "工位")
    desks.program = dup
    desks.save()
    changelist = reverse("admin:programs_program_changelist")

    confirm = editor_client.post(changelist, {"action": "merge", "_selected_action": [keep.pk, dup.pk]})
    assert confirm.status_code == 200 and "青年集聚计划" in confirm.content.decode()
    assert Program.objects.filter(pk=dup.pk).exists()  # nothing merged before confirming

    editor_client.post(changelist, {"action": "merge", "_selected_action": [keep.pk, dup.pk], "keep": keep.pk, "confirm": "1"})
    keep.refresh_from_db()
    assert not Program.objects.filter(pk=dup.pk).exists()
    assert keep.aliases == ["河西·青年人才集聚", "青年集聚计划"]
    assert fact(article, "工位").program == keep
    assert Mention.objects.get(article=article).program == keep
    assert Incentive.objects.filter(program=keep).count() == 3


def test_rename_makes_the_program_a_persons(editor_client, article):
    program = Program.objects.get(name="青年人才集聚")
    response = editor_client.post(
        reverse("admin:programs_program_change", args=[program.pk]),
        {"name": "青年人才集聚计划", "aliases": "青年人才集聚", "district": program.district_id, "status": "verified",
         "mentions-TOTAL_FORMS": 0, "mentions-INITIAL_FORMS": 0},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    program.refresh_from_db()
    assert (program.name, program.origin) == ("青年人才集聚计划", Origin.CORRECTED)
    assert program.history.first().history_user.username == "editor"


def test_create_program_in_admin(editor_client, hexi):
    response = editor_client.post(
        reverse("admin:programs_program_add"),
        {"name": "海河英才", "aliases": "", "district": hexi.pk, "status": "verified",
         "mentions-TOTAL_FORMS": 0, "mentions-INITIAL_FORMS": 0},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Program.objects.get(name="海河英才").origin == Origin.MANUAL


def test_rename_keeps_the_old_name_as_an_alias(editor_client, article):
    program = Program.objects.get(name="青年人才集聚")
    program.aliases = ["青年人才集聚计划", "河西青年集聚"]
    program.save()
    response = editor_client.post(
        reverse("admin:programs_program_change", args=[program.pk]),
        {"name": "青年人才集聚计划", "aliases": "青年人才集聚计划\n河西青年集聚", "district": program.district_id,
         "status": "verified", "mentions-TOTAL_FORMS": 0, "mentions-INITIAL_FORMS": 0},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    program.refresh_from_db()
    # The new name was an alias: it is the name now, and no longer an alias.
    assert (program.name, program.aliases) == ("青年人才集聚计划", ["河西青年集聚", "青年人才集聚"])


def test_aliases_are_edited_one_per_line(editor_client, hexi):
    program = Program.objects.create(name="竹乡英才", aliases=["竹乡英才计划", "竹乡人才"], district=hexi)
    change = reverse("admin:programs_program_change", args=[program.pk])
    body = editor_client.get(change).content.decode()
    assert "竹乡英才计划\n竹乡人才</textarea>" in body
    response = editor_client.post(change, {
        "name": "竹乡英才", "aliases": "竹乡英才计划\r\n 竹乡人才计划 \r\n\r\n", "district": hexi.pk, "status": "verified",
        "mentions-TOTAL_FORMS": 0, "mentions-INITIAL_FORMS": 0,
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    program.refresh_from_db()
    assert program.aliases == ["竹乡英才计划", "竹乡人才计划"]


def test_a_program_with_facts_a_person_decided_is_merged_not_deleted(editor_client, article, hexi):
    from policies.review import accept

    program = Program.objects.get(name="青年人才集聚")
    accept(fact(article, "工位"), None)
    delete = reverse("admin:programs_program_delete", args=[program.pk])
    body = editor_client.get(delete).content.decode()
    assert "不能删除" in body and "合并" in body
    editor_client.post(delete, {"post": "yes"})
    assert Program.objects.filter(pk=program.pk).exists()
    assert fact(article, "工位").program == program
    # One whose facts are all still the machine's proposals may go.
    other = Program.objects.create(name="海河英才", district=hexi)
    Incentive.objects.filter(pk=fact(article, "公寓").pk).update(program=other)
    assert editor_client.post(reverse("admin:programs_program_delete", args=[other.pk]), {"post": "yes"}).status_code == 302
    assert not Program.objects.filter(pk=other.pk).exists()
