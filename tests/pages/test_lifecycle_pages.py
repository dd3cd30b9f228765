"""Programs' lives on the pages: the life-stage facet and "in force on" filter of the lists, the
district's timeline, and a program's articles in order with what each added or changed."""
import re

import pytest
from django.utils import timezone

from programs.models import Program
from tests.factories import FENGTAI, HEXI
from tests.pages.test_lists import LIST_QUERIES, facet_counts


@pytest.fixture
def lives(kb):
    """学子回家 in force since 2024, 河西's 海河英才 ended in 2023, 朝阳's announced for next year."""
    today = timezone.localdate()
    b = kb.b
    kb.xuezi.launched = "2024"
    kb.xuezi.save()
    kb.haihe = b.program("海河英才", kb.hexi, "河西区", adcode=HEXI)
    kb.haihe.launched, kb.haihe.ends = "2020-05", "2023"
    kb.haihe.save()
    kb.future = b.program("国际人才社区", kb.chaoyang, "国际人才社区", adcode="110105")
    kb.future.launched = str(today.year + 1)
    kb.future.save()
    kb.hexi_fund.program = kb.haihe
    kb.hexi_fund.save()
    return kb


def ids(response):
    return {row.pk for row in response.context["page"].object_list}


def test_programs_list_has_a_life_stage_facet_counted_in_the_database(client, lives):
    response = client.get("/programs/")
    assert facet_counts(response, "stage") == {"in_force": 1, "ended": 1, "announced": 1}
    assert ids(client.get("/programs/", {"stage": "ended"})) == {lives.haihe.pk}
    assert ids(client.get("/programs/", {"stage": ["in_force", "announced"]})) == {lives.xuezi.pk, lives.future.pk}


def test_staff_stage_wins_in_the_facet(client, lives):
    Program.objects.filter(pk=lives.haihe.pk).update(stage="in_force")
    assert ids(client.get("/programs/", {"stage": "in_force"})) == {lives.xuezi.pk, lives.haihe.pk}


def test_in_force_on_a_day(client, lives):
    assert ids(client.get("/programs/", {"in_force_on": "2021-01-01"})) == {lives.haihe.pk}
    assert ids(client.get("/programs/", {"in_force_on": "2023-12-31"})) == {lives.haihe.pk}
    assert ids(client.get("/programs/", {"in_force_on": "2024-06-01"})) == {lives.xuezi.pk}
    # Not a date: ignored, like a facet value the list does not know.
    assert len(ids(client.get("/programs/", {"in_force_on": "yesterday"}))) == 3
    body = client.get("/programs/", {"in_force_on": "2024-06-01", "stage": "in_force"}).content.decode()
    assert 'name="in_force_on" value="2024-06-01"' in body
    # Among the active filters, a chip that removes the date and keeps the rest.
    assert re.search(r'<a class="chip" href="/programs/\?stage=in_force">在某日有效: 2024-06-01 ', body)
    body = client.get("/programs/", {"in_force_on": "yesterday"}).content.decode()
    assert "在某日有效:" not in body


def test_incentives_filter_by_their_programs_life(client, lives):
    assert ids(client.get("/incentives/", {"stage": "ended"})) == {lives.hexi_fund.pk}
    assert ids(client.get("/incentives/", {"in_force_on": "2024-12-01"})) == {lives.jobs.pk, lives.apartments.pk}


def test_lists_keep_their_query_count(client, lives, grow, django_assert_max_num_queries):
    grow(30)
    for url in ("/programs/", "/incentives/"):
        with django_assert_max_num_queries(LIST_QUERIES):
            assert client.get(url, {"in_force_on": "2024-06-01", "stage": "in_force"}).status_code == 200


def test_district_timeline_shows_programs_and_announcements(client, lives):
    body = client.get(f"/districts/{HEXI}/").content.decode()
    timeline = body[body.index("data-timeline"):]
    # Newest first: its end, the article of 2023-05-01, its launch.
    assert timeline.index('data-event="ends"') < timeline.index('data-event="article"') < timeline.index('data-event="launched"')
    assert "海河英才" in timeline and "2020-05" in timeline


def test_program_page_shows_its_articles_in_order_with_what_each_changed(client, lives, django_assert_max_num_queries):
    b = lives.b
    later = b.article("丰台区“学子回家”再升级：人才公寓增至800套，新增工位100个。", [FENGTAI], published="2025-03-01")
    b.incentive(later, "人才公寓增至800套", kind="apartment", value=800, measure="套", program=lives.xuezi)
    b.incentive(later, "工位100个", kind="workstation", value=100, measure="个", program=lives.xuezi)
    from policies.models import Mention
    Mention.objects.create(program=lives.xuezi, article=later, span_start=5, span_end=9, quote="学子回家")
    with django_assert_max_num_queries(8):
        response = client.get(f"/programs/{lives.xuezi.pk}/")
    steps = response.context["steps"]
    assert [s.article.published for s in steps] == ["2024-11-22", "2025-03-01"]
    assert [(c.fact.kind, c.change) for c in steps[0].changes] == [("jobs", "new"), ("apartment", "new")]
    assert [(c.fact.kind, c.change) for c in steps[1].changes] == [("apartment", "higher"), ("workstation", "new")]
    body = response.content.decode()
    assert 'data-stage="in_force"' in body and 'data-change="higher"' in body


def test_program_page_names_the_words_that_gave_its_end(client, reference_data):
    from policies.importing import import_article

    import_article("2024年3月1日 来源：河西区人才办\n河西区发布“青年人才集聚”计划，期限3年，提供人才公寓200套。\n")
    program = Program.objects.get(name="青年人才集聚")
    body = client.get(f"/programs/{program.pk}/").content.decode()
    assert "2027-02-28" in body and "“期限3年”" in body
    mention = program.mentions.get()
    assert f"/articles/{mention.article_id}/#mention-{mention.pk}" in body
    today = timezone.localdate()
    expected = "in_force" if today <= program.ends_on else "ended"
    assert f'data-stage="{expected}"' in body


def test_programs_sort_by_launch_and_show_their_stage(client, lives):
    order = [p.pk for p in client.get("/programs/", {"sort": "life"}).context["page"].object_list]
    assert order == [lives.haihe.pk, lives.xuezi.pk, lives.future.pk]
    body = client.get("/programs/").content.decode()
    assert 'class="stage stage-ended"' in body and "2020-05" in body


OLD_TEXT = (
    "2013年6月1日 来源：河西区人才办\n"
    "河西区启动“圣城引才”工程，为来河西创业的博士提供人才公寓50套。\n"
)


def test_a_programme_last_reported_long_ago_is_not_called_in_force(client, reference_data):
    """Launched in a 2013 article and never heard of since, with no end stated: the lists and its page
    say when it was last reported, not that it is in force; an editor's stage still wins."""
    from policies.importing import import_article

    import_article(OLD_TEXT)
    old = Program.objects.get(name="圣城引才")
    assert (old.launched, old.ends) == ("2013-06-01", "")
    recent = f"{timezone.localdate().year - 1}-03-01"
    import_article(OLD_TEXT.replace("2013年6月1日", recent).replace("圣城引才", "青年英才"))
    assert ids(client.get("/programs/", {"stage": "in_force"})) == {Program.objects.get(name="青年英才").pk}
    unknown = client.get("/programs/", {"stage": "unknown"})
    assert ids(unknown) == {old.pk} and "最近一次报道于2013年" in unknown.content.decode()
    page = client.get(f"/programs/{old.pk}/").content.decode()
    assert 'data-stage="unknown"' in page and "最近一次报道于2013年" in page and "可能已经结束" in page
    client.cookies["django_language"] = "en"
    assert "last reported in 2013" in client.get(f"/programs/{old.pk}/").content.decode()
    # It was in force the year after it was launched, by the "in force on" filter too.
    assert old.pk in ids(client.get("/programs/", {"in_force_on": "2014-06-01"}))
    assert old.pk not in ids(client.get("/programs/", {"in_force_on": timezone.localdate().isoformat()}))
    Program.objects.filter(pk=old.pk).update(stage="in_force")
    assert old.pk in ids(client.get("/programs/", {"stage": "in_force"}))
    assert 'data-stage="in_force"' in client.get(f"/programs/{old.pk}/").content.decode()
