"""Programs' lives: dates read from the texts, the stage they give on a day, and staff's edits
kept through re-extraction."""
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from policies import dates
from policies.importing import import_article
from programs.choices import Stage
from programs.lifecycle import derived_stage, first_day, last_day
from programs.models import Program


@pytest.mark.parametrize("sentence, published, launched, ends", [
    # An end or horizon, as precise as written.
    ("“海河英才”行动计划到2025年引进人才10万人", "2023-06-19", "", "2025"),
    ("“青创计划”实施至2026年6月", "2024", "", "2026-06"),
    ("“青创计划”截至2026年底", "2024-05", "", "2026"),
    ("“青创计划”有效期至2027年12月31日", "2024", "", "2027-12-31"),
    # A term from the article's date, to the last unit before it, at that date's precision.
    ("“青创计划”期限3年", "2024-11-22", "", "2027-11-21"),
    ("“青创计划”为期三年", "2024", "", "2026"),
    ("“青创计划”实施期限为18个月", "2024-11", "", "2026-04"),
    ("“青创计划”有效期1年", "2024-02-29", "", "2025-02-28"),
    # A span, and a start the text states (a term then runs from it).
    ("“青创计划”三年行动（2024—2026年）", "2024-03", "2024", "2026"),
    ("“青创计划”自2025年1月1日起施行，有效期5年", "2024-11", "2025-01-01", "2029-12-31"),
    ("“青创计划”从2025年起实施", "2024-11", "2025", ""),
    # Not ends: a report of the past, no year, an impossible month.
    ("截至2023年底，“青创计划”累计引进人才5000人", "2024-05", "", ""),
    ("截至目前，“青创计划”累计引进人才5000人", "2024-05", "", ""),
    ("“青创计划”到2025年13月", "2024", "", ""),
])
def test_each_date_pattern(sentence, published, launched, ends):
    found = dates.read(sentence, published)
    assert (found.launched, found.ends) == (launched, ends)
    assert bool(found.quote) == bool(launched or ends)


@pytest.mark.parametrize("launched, ends, today, stage", [
    ("2024-11-22", "", date(2025, 1, 1), Stage.IN_FORCE),
    ("2025", "", date(2024, 12, 31), Stage.ANNOUNCED),
    ("2025", "", date(2025, 1, 1), Stage.IN_FORCE),
    ("2024", "2025", date(2025, 12, 31), Stage.IN_FORCE),  # 到2025年 runs to the year's last day
    ("2024", "2025", date(2026, 1, 1), Stage.ENDED),
    ("2024", "2026-06", date(2026, 7, 1), Stage.ENDED),
    ("", "", date(2025, 1, 1), Stage.UNKNOWN),
    ("", "2023", date(2025, 1, 1), Stage.ENDED),
    ("", "2030", date(2025, 1, 1), Stage.UNKNOWN),
])
def test_stage_from_the_dates_and_the_day(launched, ends, today, stage):
    assert derived_stage(first_day(launched), last_day(ends), today) == stage


def test_the_database_agrees_with_python_on_every_stage(reference_data):
    today = date(2025, 6, 1)
    cases = [("2024", ""), ("2026", ""), ("2020", "2022"), ("", ""), ("", "2030"), ("2024", "2025-06-01")]
    programs = [Program.objects.create(name=f"计划{i}", launched=l, ends=e) for i, (l, e) in enumerate(cases)]
    programs.append(Program.objects.create(name="人工", launched="2020", ends="2022", stage=Stage.IN_FORCE))
    # Last reported in 2013: unknown with no end (or in 2022, three years before, still in force); with an end, as it says.
    old = Program.objects.create(name="旧", launched="2013", last_reported_on=date(2013, 12, 31))
    lately = Program.objects.create(name="近", launched="2013", last_reported_on=date(2022, 1, 1))
    ending = Program.objects.create(name="长", launched="2013", ends="2030", last_reported_on=date(2013, 12, 31))
    assert [p.life_stage(today) for p in (old, lately, ending)] == [Stage.UNKNOWN, Stage.IN_FORCE, Stage.IN_FORCE]
    programs += [old, lately, ending]
    for stage in Stage:
        in_db = set(Program.objects.in_stage(stage, today).values_list("pk", flat=True))
        assert in_db == {p.pk for p in programs if p.life_stage(today) == stage}, stage


TEXT = (
    "2024年3月1日 来源：河西区人才办\n"
    "河西区发布“青年人才集聚”计划，期限3年，为来河西就业的高校毕业生提供人才公寓200套。\n"
)


def test_import_reads_launch_from_the_article_and_end_from_the_sentence(reference_data):
    import_article(TEXT)
    program = Program.objects.get(name="青年人才集聚")
    assert (program.launched, program.ends) == ("2024-03-01", "2027-02-28")
    assert program.life_stage(date(2026, 1, 1)) == Stage.IN_FORCE
    assert program.life_stage(date(2027, 3, 1)) == Stage.ENDED
    assert program.mentions.get().dates_quote == "期限3年"


def test_staff_dates_and_stage_survive_reextraction(editor_client, reference_data):
    article = import_article(TEXT).article
    program = Program.objects.get(name="青年人才集聚")
    response = editor_client.post(
        reverse("admin:programs_program_change", args=[program.pk]),
        {"name": program.name, "aliases": "", "district": program.district_id, "status": "verified",
         "launched": "2024-03", "ends": "2025", "stage": "ended",
         "mentions-TOTAL_FORMS": 0, "mentions-INITIAL_FORMS": 0},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    call_command("reextract", str(article.pk), verbosity=0)
    program.refresh_from_db()
    assert (program.launched, program.ends, program.stage, program.dates_by_hand) == ("2024-03", "2025", "ended", True)
    assert program.life_stage(date(2024, 6, 1)) == Stage.ENDED  # staff's stage wins over the dates'
    assert program.ends_on == date(2025, 12, 31)


def test_without_staff_dates_reextraction_reads_them_again(reference_data):
    article = import_article(TEXT).article
    Program.objects.filter(name="青年人才集聚").update(launched="", ends="")
    call_command("reextract", str(article.pk), verbosity=0)
    assert Program.objects.values_list("launched", "ends").get(name="青年人才集聚") == ("2024-03-01", "2027-02-28")
