"""Land is shown in the unit it was written in: 500亩 reads "500 亩", not "333,333.3335 m²".

The export and the comparisons keep m² (SCHEMA.md's units), so that areas
add up and compare; the measure word keeps 亩, 万亩 or 公顷 as written.
"""
import json
import re

import pytest
from django.core.management import call_command

from policies.models import Metric

ARTICLE = "2025年3月2日，丰台区人才产业园规划总面积500亩，人才社区占地12.5公顷，带动周边1.5万亩生态用地。\n"


@pytest.fixture
def land(reference_data, tmp_path):
    (tmp_path / "land.txt").write_text(ARTICLE, encoding="utf-8")
    call_command("import_articles", str(tmp_path), verbosity=0)
    return {m.quote: m for m in Metric.objects.filter(unit="m2")}


def text_of(body: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", body))


def test_the_extractor_keeps_the_land_unit_and_stores_square_metres(land):
    measures = sorted((float(fact.value), fact.measure) for fact in land.values())
    assert measures == [(125000, "公顷"), (pytest.approx(333333.3335, abs=0.001), "亩"),
                        (pytest.approx(10_000_000, abs=0.01), "亩")]


@pytest.mark.parametrize("language, expected", [
    # 1.5万亩 reads as 1.5万元 does: the figure in digits, its 万 reading beside it
    ("zh-hans", ["500 亩", "12.5 公顷", "15,000 亩（1.5万）"]),
    ("en", ["500 mu", "12.5 hectares", "15,000 mu"]),
])
def test_lists_and_the_article_show_land_as_written(client, land, language, expected):
    client.cookies["django_language"] = language
    article = next(iter(land.values())).article_id
    for url in ["/metrics/", f"/articles/{article}/", "/metrics/?format=json"]:
        response = client.get(url)
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
        text = text_of(body) if "json" not in url else " ".join(
            r["display"] for r in json.loads(body)["results"])
        for shown in expected:
            # a download writes the figure alone, without the reading beside it
            assert (shown.partition("（")[0] if "json" in url else shown) in text, (url, shown)
        assert "333,333" not in text and "10,000,000" not in text, url


def test_the_export_keeps_square_metres_and_names_the_unit_written(land, tmp_path):
    out = tmp_path / "kb.json"
    call_command("export_kb", "--format", "json", "-o", str(out))
    metrics = sorted((m["value"], m["measure"]) for m in json.loads(out.read_text())["metrics"])
    assert metrics == [(125000, "公顷"), (pytest.approx(333333.3335, abs=0.001), "亩"),
                       (pytest.approx(10_000_000, abs=0.01), "亩")]


@pytest.mark.django_db(transaction=True)
def test_facts_read_before_get_the_unit_their_quote_writes(land):
    Metric.objects.filter(unit="m2").update(measure="")
    call_command("migrate", "policies", "0019", verbosity=0)
    call_command("migrate", "policies", verbosity=0)
    assert sorted(Metric.objects.filter(unit="m2").values_list("measure", flat=True)) == ["亩", "亩", "公顷"]
