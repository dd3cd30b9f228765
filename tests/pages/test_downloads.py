"""CSV and JSON of exactly what is shown, streamed, in a fixed number of queries."""
import csv
import io
import json

import pytest

from tests.factories import FENGTAI, HEXI


def body(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_csv_has_the_filtered_rows(client, kb):
    response = client.get("/incentives/", {"district": [FENGTAI, HEXI], "kind": "apartment", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert {int(r["id"]) for r in rows} == {kb.apartments.pk, kb.hexi_apartments.pk}
    row = next(r for r in rows if int(r["id"]) == kb.apartments.pk)
    assert row["display"] == "> 500 套" and row["qualifier"] == "gt" and row["value"] == "500"
    assert row["groups"] == "graduates|high_level"
    assert row["source"].endswith(f"/articles/{kb.fengtai.pk}/#incentive-{kb.apartments.pk}")


def test_json_shape(client, kb):
    data = json.loads(body(client.get("/metrics/", {"target": "goal", "format": "json"})))
    assert data["list"] == "metrics"
    assert data["filters"] == {"target": ["goal"]}
    assert data["count"] == 1
    assert data["results"][0]["label"] == "高层次人才数量"
    assert data["results"][0]["target"] is True
    assert set(data["results"][0]) >= {"id", "value", "unit", "qualifier", "display", "quote", "source", "adcode"}


@pytest.mark.parametrize("url", ["/programs/", "/articles/", "/search/?q=人才公寓"])
def test_every_list_downloads(client, kb, url):
    data = json.loads(body(client.get(url, {"format": "json"})))
    assert data["count"] == len(data["results"]) > 0


def test_search_download_is_the_search(client, kb):
    data = json.loads(body(client.get("/search/", {"q": "人才公寓", "type": "incentives", "format": "json"})))
    assert {r["id"] for r in data["results"]} == {kb.apartments.pk, kb.hexi_apartments.pk, kb.chaoyang_apartments.pk}


def test_comparison_download(client, kb):
    rows = list(csv.DictReader(io.StringIO(body(client.get("/compare/", {"d": [FENGTAI, HEXI], "format": "csv"})))))
    fund = {r["adcode"]: r for r in rows if r["key"] == "incentive:fund"}
    assert fund[HEXI]["display"] == "50,000,000 元" and fund[FENGTAI]["reported"] == "false"


def test_rejected_facts_are_never_downloaded(client, kb):
    data = json.loads(body(client.get("/incentives/", {"format": "json"})))
    assert kb.rent_free.pk not in {r["id"] for r in data["results"]}


@pytest.mark.parametrize("url", ["/incentives/", "/metrics/", "/programs/", "/articles/"])
def test_download_queries_do_not_grow_with_rows(client, kb, grow, django_assert_max_num_queries, url):
    """Rows stream from .iterator(); each chunk's prefetches are one query, not one per row."""
    grow(3)
    with django_assert_max_num_queries(4):
        body(client.get(url, {"format": "csv"}))
    grow(27)
    with django_assert_max_num_queries(4):
        assert body(client.get(url, {"format": "csv"})).count("\n") > 30
