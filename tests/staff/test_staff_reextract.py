"""Re-extraction replaces only what the machine still owns: what a person decided stays.

A tiny fake extractor stands in for the real one here, because these tests
are about what re-extraction keeps, not about what the extractor reads: it
proposes the same four facts as the `article` fixture, with the same keys.
"""
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from policies import extraction
from policies.extraction import ArticleExtraction, IncentiveFact, MetricFact, Quantity
from policies.models import Incentive, Job, Metric
from policies.review import accept, correct, reject
from programs.choices import Origin, Status
from tests.staff.staffdata import HEXI_TEXT, fact, span_of


def fake_extraction(text=HEXI_TEXT):
    def at(quote):
        return span_of(text, quote)

    return ArticleExtraction(
        districts=["120103"],
        incentives=[
            IncentiveFact(Quantity(300, "count", measure="套"), *at("人才公寓300套"), district="120103", kind="apartment", label="人才公寓"),
            IncentiveFact(Quantity(120, "count", measure="个"), *at("免租工位120个"), district="120103", kind="workstation", label="工位"),
            IncentiveFact(Quantity(50000, "CNY"), *at("每人5万元生活补贴"), district="120103", kind="subsidy", label="生活补贴"),
        ],
        metrics=[
            MetricFact(Quantity(1200, "count"), *at("新增高层次人才1200人"), district="120103", period="2023", label="新增高层次人才"),
        ],
    )


@pytest.fixture
def improved_extractor(monkeypatch):
    monkeypatch.setattr(extraction, "extract", lambda text: fake_extraction(text))


@pytest.fixture
def decided(article, editor):
    """The editor accepted the apartments, corrected the desks, rejected the
    subsidy; the metric is still the machine's."""
    accept(fact(article, "公寓"), editor)
    desks = fact(article, "工位")
    desks.value = Decimal(150)
    correct(desks, editor, ["value"])
    reject(fact(article, "补贴"), editor)
    return article


def snapshot(article):
    return {
        (f._meta.model_name, f.pk): (f.status, f.origin, f.value, f.reviewed_by_id, f.reviewed_at, f.extraction_key)
        for model in (Incentive, Metric)
        for f in model.objects.filter(article=article)
    }


def test_apply_extraction_keys_match_the_fixture(article):
    """The fake proposes exactly the fixture's facts: the keys agree."""
    from policies.importing import fact_key

    found = fake_extraction()
    assert fact_key("apartment", found.incentives[0].quantity) + "#1" == fact(article, "公寓").extraction_key


def test_decisions_survive_reextraction(decided, improved_extractor):
    before = snapshot(decided)
    call_command("reextract", str(decided.pk), verbosity=0)
    after = snapshot(decided)
    decided_before = {k: v for k, v in before.items() if v[0] != Status.PROPOSED}
    assert len(decided_before) == 3
    for key, state in decided_before.items():
        assert after[key] == state  # same row, same everything

    # The correction survives, and the original (120 desks) is not proposed again.
    desks = Incentive.objects.filter(article=decided, kind="workstation")
    assert [(d.value, d.origin, d.status) for d in desks] == [(Decimal(150), Origin.CORRECTED, Status.VERIFIED)]
    # The rejected subsidy does not come back, neither as a new proposal nor changed.
    subsidies = Incentive.objects.filter(article=decided, kind="subsidy")
    assert [(s.status, s.value) for s in subsidies] == [(Status.REJECTED, Decimal(50000))]
    # The apartments stay verified once, not duplicated.
    assert Incentive.objects.filter(article=decided, kind="apartment").count() == 1
    # The metric, still the machine's own and proposed again the same, keeps its row.
    metrics = Metric.objects.filter(article=decided)
    assert metrics.count() == 1 and metrics.get().status == Status.PROPOSED
    assert ("metric", metrics.get().pk) in before


def test_rejected_fact_is_not_proposed_again_even_twice(decided, improved_extractor):
    call_command("reextract", "--all", verbosity=0)
    call_command("reextract", "--all", verbosity=0)
    assert Incentive.objects.filter(article=decided, kind="subsidy").count() == 1
    assert not Incentive.objects.filter(article=decided, status=Status.PROPOSED).exists()


def test_hand_entered_fact_survives(decided, editor, hexi, improved_extractor):
    from policies.review import add_by_hand

    start, end = span_of(HEXI_TEXT, "青年人才集聚新政")
    manual = add_by_hand(
        Metric, article=decided, user=editor, span_start=start, span_end=end, label="新政", value=1,
        unit="count", qualifier="eq", district=hexi,
    )
    call_command("reextract", "--all", verbosity=0)
    manual.refresh_from_db()
    assert (manual.origin, manual.status) == (Origin.MANUAL, Status.VERIFIED)


def test_reextract_needs_ids_or_all():
    with pytest.raises(CommandError):
        call_command("reextract", verbosity=0)


def test_reextract_reports_missing_articles_and_fails(article, improved_extractor, capsys):
    with pytest.raises(CommandError, match="1 articles re-extracted .* 1 failed"), translation.override("en"):
        call_command("reextract", str(article.pk), "999999")
    assert "article 999999: no such article" in capsys.readouterr().err


def test_admin_action_reextracts_chosen_articles(editor_client, editor, decided, improved_extractor):
    before = snapshot(decided)
    response = editor_client.post(
        reverse("admin:policies_article_changelist"),
        {"action": "reextract", "_selected_action": [decided.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    after = snapshot(decided)
    assert {k: v for k, v in before.items() if v[0] != Status.PROPOSED}.items() <= after.items()
    # It ran as a job, and the editor was sent to its progress page (run already: no queue is configured).
    job = Job.objects.get()
    assert response.redirect_chain[-1][0] == reverse("admin:policies_job_change", args=[job.pk])
    assert (job.kind, job.state, job.done, job.total, job.requested_by) == ("reextract", "done", 1, 1, editor)
    page = response.content.decode()
    assert '<progress class="job-progress" max="100" value="100"' in page
    assert "js/job-progress.js" not in page  # it has ended: nothing to follow


def test_a_running_jobs_page_refreshes_itself(editor_client, editor, django_assert_max_num_queries):
    job = Job.objects.create(kind="reextract", state="running", total=4000, done=1000, requested_by=editor)
    with django_assert_max_num_queries(10):
        page = editor_client.get(reverse("admin:policies_job_change", args=[job.pk])).content.decode()
    status_url = reverse("admin:policies_job_status", args=[job.pk])
    assert "js/job-progress.js" in page and f'data-job-status="{status_url}"' in page
    assert '<progress class="job-progress" max="100" value="25"' in page and "1000 / 4000 (25%)" in page
    assert "<script>" not in page  # no inline script: a CSP is coming
    listing = editor_client.get(reverse("admin:policies_job_changelist")).content.decode()
    assert "1000 / 4000" in listing
    assert editor_client.get(status_url).json() == {"state": "running", "total": 4000, "done": 1000,
                                                   "text": "1000 / 4000 (25%)"}


def test_editors_cannot_change_or_add_jobs(editor_client, editor, client, staff_user):
    job = Job.objects.create(kind="reextract", requested_by=editor)
    client.force_login(staff_user)  # staff without the view permission sees no job's state
    assert client.get(reverse("admin:policies_job_status", args=[job.pk])).status_code == 403
    response = editor_client.post(reverse("admin:policies_job_change", args=[job.pk]), {"state": "done"})
    assert response.status_code == 403
    assert editor_client.get(reverse("admin:policies_job_add")).status_code == 403


def test_apply_extraction_records_history(article, improved_extractor):
    """The proposals have a creation record, so the first correction shows from what to what."""
    call_command("reextract", str(article.pk), verbosity=0)
    metric = Metric.objects.get(article=article)
    assert metric.history.count() == 1
    assert metric.history.get().history_type == "+"


def test_a_corrected_figure_is_not_proposed_again_by_a_better_extractor(decided, monkeypatch):
    """The editor put 150 desks where the extractor read 120; an improved
    extractor that now reads 150 does not propose it a second time."""
    def better(text):
        found = fake_extraction(text)
        desks = found.incentives[1]
        found.incentives[1] = IncentiveFact(
            Quantity(150, "count", measure="个"), desks.start, desks.end, district="120103", kind="workstation", label="工位"
        )
        return found

    monkeypatch.setattr(extraction, "extract", better)
    call_command("reextract", str(decided.pk), verbosity=0)
    assert Incentive.objects.filter(article=decided, kind="workstation").count() == 1


def test_a_proposal_made_again_keeps_its_id_and_one_gone_is_deleted(client, article, monkeypatch):
    """Links to a proposal (its history page, #incentive-12 on the article page)
    still work after a re-extraction that proposes it again; a proposal the
    extractor no longer makes goes, and a new one gets a new row."""
    apartments, desks, metric = fact(article, "公寓"), fact(article, "工位"), fact(article, "1200人")

    def changed(text):
        found = fake_extraction(text)
        start, end = span_of(text, "免租工位120个")
        # The desks are read as 100 now (a new proposal), the subsidy no more, the metric's period better.
        found.incentives = [found.incentives[0], IncentiveFact(
            Quantity(100, "count", measure="个"), start, end, district="120103", kind="workstation", label="工位")]
        found.metrics[0] = MetricFact(Quantity(1200, "count"), *span_of(text, "新增高层次人才1200人"),
                                      district="120103", period="2023Q4", label="新增高层次人才")
        return found

    monkeypatch.setattr(extraction, "extract", changed)
    call_command("reextract", str(article.pk), verbosity=0)
    incentives = {i.kind: i for i in Incentive.objects.filter(article=article)}
    assert set(incentives) == {"apartment", "workstation"}
    assert incentives["apartment"].pk == apartments.pk
    assert incentives["workstation"].pk != desks.pk and incentives["workstation"].value == 100
    assert not Incentive.objects.filter(pk=desks.pk).exists()
    kept = Metric.objects.get(article=article)
    assert (kept.pk, kept.period, kept.status) == (metric.pk, "2023Q4", Status.PROPOSED)
    assert [h.history_type for h in kept.history.order_by("history_id")] == ["+", "~"]
    page = client.get(reverse("policies:article", args=[article.pk])).content.decode()
    assert f'id="incentive-{apartments.pk}"' in page and f'id="metric-{metric.pk}"' in page
