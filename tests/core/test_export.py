"""export_kb: the shape of shared/eval/SCHEMA.md, as JSON and as CSV."""
import csv
import json

from django.core.management import call_command

from policies.choices import IncentiveKind, Qualifier, Unit
from policies.models import Incentive, Metric
from programs.choices import Status



def export_json(tmp_path):
    path = tmp_path / "kb.json"
    call_command("export_kb", "--format", "json", "-o", str(path))
    return json.loads(path.read_text(encoding="utf-8"))


def test_json_export_has_the_schema_shape(seeded, tmp_path, seeds_dir):
    kb = export_json(tmp_path)
    assert set(kb) == {"articles", "districts", "programs", "incentives", "metrics"}
    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    assert {a["source_file"] for a in kb["articles"]} == set(texts)
    names = {d["name"] for d in kb["districts"]}
    for article in kb["articles"]:
        assert article["districts"] and set(article["districts"]) <= names
    for district in kb["districts"]:
        assert len(district["adcode"]) == 6 and district["province"] and district["city"]
    assert kb["programs"] and kb["incentives"] and kb["metrics"]
    for program in kb["programs"]:
        assert program["name"] and set(program["articles"]) <= set(texts)
    for row in kb["incentives"] + kb["metrics"]:
        assert row["unit"] in Unit.values
        assert row["qualifier"] in Qualifier.values
        assert isinstance(row["value"], (int, float))
        assert isinstance(row["target"], bool)
        assert row["quote"] in texts[row["article"]]
        assert row["district"] in names
    assert all(row["kind"] in IncentiveKind.values for row in kb["incentives"])
    assert all(row["label"] for row in kb["metrics"])


def test_rejected_facts_are_not_exported(seeded, tmp_path):
    rejected = Incentive.objects.first()
    rejected.status = Status.REJECTED
    rejected.save()
    kb = export_json(tmp_path)
    assert rejected.pk not in {row["id"] for row in kb["incentives"]}
    assert len(kb["incentives"]) == Incentive.objects.count() - 1


def test_csv_export_writes_one_table_per_file(seeded, tmp_path):
    call_command("export_kb", "--format", "csv", "-o", str(tmp_path / "out"))
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["articles.csv", "districts.csv", "incentives.csv", "metrics.csv", "programs.csv"]
    with (tmp_path / "out" / "metrics.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == Metric.objects.count()
    assert {"article", "district", "label", "value", "unit", "qualifier", "period", "target", "quote"} <= set(rows[0])


def test_csv_export_needs_a_folder():
    import pytest
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="needs -o DIR"):
        call_command("export_kb", "--format", "csv")
