"""The indicator vocabulary in the database: loaded from indicators.json, re-synced
without losing staff edits, given to each imported metric, overridden by the
mappings staff make, exported."""
import json

import pytest
from django.core.management import call_command

from policies import indicators
from policies.extraction import indicators as vocabulary
from policies.importing import import_article, reextract_article
from policies.models import Indicator, IndicatorCategory, IndicatorMapping, Metric
from policies.review import accept
from programs.choices import Origin, Status

TEXT = "河西区人才工作总结\n2023年，河西区人才总量达到5.2万人，新增高新技术企业120家，地区生产总值增长6.5%。"
OTHER = "河西区人才工作简报\n2024年，河西区人才总量达到6万人。"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", "editor@example.org", "a-long-test-password-42")


def metric(article, label):
    return Metric.objects.get(article=article, label=label)


def test_the_migration_loads_the_whole_vocabulary(reference_data):
    categories, inds = vocabulary.load()
    assert IndicatorCategory.objects.count() == len(categories) == 14
    assert Indicator.objects.count() == len(inds) >= 60
    gdp = Indicator.objects.select_related("category").get(code="gdp_growth")
    assert (gdp.name_zh, gdp.unit, gdp.category.code) == ("地区生产总值增长率", "percent", "economy")
    assert "地区生产总值" in gdp.wordings


@pytest.fixture
def edited_file(tmp_path, monkeypatch):
    """indicators.json as a later version: talent_total renamed in both languages and
    given a new wording, one wording dropped, gdp_growth's English name changed, one indicator added."""
    data = json.loads(vocabulary.VOCABULARY_FILE.read_text(encoding="utf-8"))
    rows = {row["code"]: row for row in data["indicators"]}
    rows["talent_total"]["name_zh"] = "人才资源总量"
    rows["talent_total"]["name_en"] = "Talent, total"
    rows["talent_total"]["wordings"] = [w for w in rows["talent_total"]["wordings"] if w != "人才规模"] + ["人才总数"]
    rows["gdp_growth"]["name_en"] = "GDP, real growth"
    data["indicators"].append({**rows["gdp_growth"], "code": "gdp_growth_new", "wordings": ["新口径生产总值"]})
    path = tmp_path / "indicators.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    load = vocabulary.load
    monkeypatch.setattr(vocabulary, "load", lambda: load(path))
    return path


def test_resync_takes_the_files_changes_and_keeps_staff_edits(reference_data, edited_file, capsys):
    total = Indicator.objects.get(code="talent_total")
    total.name_en = "Talent pool (staff wording)"  # staff edit, the file changes it too: staff win
    total.wordings = [*total.wordings, "人才队伍总量"]  # staff add a wording
    total.save()
    call_command("sync_indicators")
    out = capsys.readouterr().out
    total.refresh_from_db()
    assert total.name_zh == "人才资源总量"  # untouched by staff: the file's new value
    assert total.name_en == "Talent pool (staff wording)"
    assert "人才队伍总量" in total.wordings and "人才总数" in total.wordings and "人才规模" not in total.wordings
    assert Indicator.objects.get(code="gdp_growth").name_en == "GDP, real growth"
    assert Indicator.objects.filter(code="gdp_growth_new").exists()
    assert "talent_total.name_en" in out and "1 created" in out and "1 staff edits kept" in out
    # A second run has nothing left to do.
    call_command("sync_indicators")
    assert "0 created, 0 updated" in capsys.readouterr().out


def test_resync_dry_run_writes_nothing(reference_data, edited_file, capsys):
    call_command("sync_indicators", "--dry-run")
    assert "1 created" in capsys.readouterr().out
    assert not Indicator.objects.filter(code="gdp_growth_new").exists()


def test_import_gives_each_metric_the_extractors_indicator(reference_data):
    article = import_article(TEXT).article
    assert metric(article, "人才总量").indicator.code == "talent_total"
    assert metric(article, "地区生产总值同比增长").indicator.code == "gdp_growth"
    assert metric(article, "人才总量").label == "人才总量"  # the label stays as written


def test_a_staff_mapping_applies_to_later_articles_and_reextraction_but_not_to_decisions(reference_data, editor):
    first = import_article(TEXT).article
    decided = metric(first, "人才总量")
    accept(decided, editor)  # a person verified it as it stands, indicator and all
    other = Indicator.objects.get(code="professional_technical_talent")
    mapped, followed = indicators.remember([decided], other, editor)
    assert (mapped, followed) == (1, 0)  # the only metric with that label is decided
    later = import_article(OTHER).article
    assert metric(later, "人才总量").indicator == other
    # Mapped to none: proposals follow now, and re-extraction keeps it so.
    indicators.remember([decided], None, editor)
    assert metric(later, "人才总量").indicator is None
    reextract_article(later)
    assert metric(later, "人才总量").indicator is None
    reextract_article(first)
    decided.refresh_from_db()
    assert decided.indicator.code == "talent_total" and decided.status == Status.VERIFIED


def test_setting_an_indicator_is_a_correction_that_reextraction_keeps(reference_data, editor):
    article = import_article(TEXT).article
    growth = metric(article, "地区生产总值同比增长")
    assert indicators.set_indicator([growth], None, editor) == 1
    growth.refresh_from_db()
    assert (growth.indicator, growth.origin, growth.status) == (None, Origin.CORRECTED, Status.VERIFIED)
    reextract_article(article)
    assert metric(article, "地区生产总值同比增长").indicator is None
    assert metric(article, "地区生产总值同比增长").pk == growth.pk
    assert growth.history.first().indicator_id is None and growth.history.count() == 2


def test_export_writes_each_metrics_indicator(seeded, tmp_path):
    path = tmp_path / "kb.json"
    call_command("export_kb", "--format", "json", "-o", str(path))
    metrics = json.loads(path.read_text(encoding="utf-8"))["metrics"]
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert all("indicator" in m for m in metrics)
    assert all(m["indicator"] is None or m["indicator"] in codes for m in metrics)
    with_one = [m for m in metrics if m["indicator"]]
    assert len(with_one) >= len(metrics) * 0.7
    gdp = next(m for m in metrics if m["label"] == "地区生产总值同比增长")
    assert gdp["indicator"] == "gdp_growth"
    call_command("export_kb", "--format", "csv", "-o", str(tmp_path / "csv"))
    assert "indicator" in (tmp_path / "csv" / "metrics.csv").read_text(encoding="utf-8-sig").splitlines()[0]


def test_mapping_keys_are_label_and_unit(reference_data, editor):
    IndicatorMapping.objects.create(label="人才总量", unit="percent", indicator=None)
    article = import_article(TEXT).article
    # A mapping of the label in percent says nothing of the count.
    assert metric(article, "人才总量").indicator.code == "talent_total"
