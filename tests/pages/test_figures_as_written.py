"""Figures are shown in the unit they were written in: 500亩 reads "500 亩", not
"333,333.3335 m²", and 8折 reads "8 折" ("80% of the price"), not a discount of 80%.

The export and the comparisons keep m² and percent (SCHEMA.md's units), so
that figures add up and compare; the measure word keeps 亩, 公顷 or 折 as written.
"""
import json
import re

import pytest
from django.core.management import call_command

from policies.models import Metric

ARTICLE = ("2025年3月2日，丰台区人才产业园规划总面积500亩，人才社区占地12.5公顷，带动周边1.5万亩生态用地。"
           "持卡人才可享受8折优惠。\n")


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


def price():
    from policies.models import Incentive

    return Incentive.objects.get(unit="percent")


def test_a_price_in_zhe_is_stored_in_percent_and_keeps_its_unit(land):
    assert (price().value, price().measure) == (80, "折")


@pytest.mark.parametrize("language, expected", [
    # 1.5万亩 reads as 1.5万元 does: the figure in digits, its 万 reading beside it
    ("zh-hans", ["500 亩", "12.5 公顷", "15,000 亩（1.5万）", "8 折"]),
    ("en", ["500 mu", "12.5 hectares", "15,000 mu", "80% of the price"]),
])
def test_lists_and_the_article_show_figures_as_written(client, land, language, expected):
    client.cookies["django_language"] = language
    article = next(iter(land.values())).article_id
    for url in ["/metrics/?format=json", "/incentives/?format=json", f"/articles/{article}/", "/finder/"]:
        response = client.get(url)
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
        text = text_of(body) if "json" not in url else " ".join(
            r["display"] for r in json.loads(body)["results"])
        for shown in expected if "articles" in url else expected[:3] if "metrics" in url else expected[3:]:
            # the finder's offers and the incentives' download have the price; the metrics' the land
            # a download writes the figure alone, without the reading beside it
            assert (shown.partition("（")[0] if "json" in url else shown) in text, (url, shown)
        assert "333,333" not in text and "10,000,000" not in text and "80%" not in text.replace("80% of", ""), url


def test_the_export_keeps_square_metres_and_names_the_unit_written(land, tmp_path):
    out = tmp_path / "kb.json"
    call_command("export_kb", "--format", "json", "-o", str(out))
    metrics = sorted((m["value"], m["measure"]) for m in json.loads(out.read_text())["metrics"])
    assert metrics == [(125000, "公顷"), (pytest.approx(333333.3335, abs=0.001), "亩"),
                       (pytest.approx(10_000_000, abs=0.01), "亩")]


@pytest.mark.django_db(transaction=True)
def test_facts_read_before_get_the_unit_their_quote_writes(land):
    Metric.objects.filter(unit="m2").update(measure="")
    price().__class__.objects.update(measure="")
    call_command("migrate", "policies", "0019", verbosity=0)
    call_command("migrate", "policies", verbosity=0)
    assert sorted(Metric.objects.filter(unit="m2").values_list("measure", flat=True)) == ["亩", "亩", "公顷"]
    assert price().measure == "折"
