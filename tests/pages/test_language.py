"""Chinese by default, English by the switch; numbers read the way each language writes them."""
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from policies.formatting import number, quantity, quantity_reading, reading

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_chinese_by_default_english_by_the_switch(client, kb):
    body = client.get("/incentives/").content.decode()
    assert '<html lang="zh-Hans">' in body and "激励措施" in body and "人才公寓" in body
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/incentives/"})
    assert response.status_code == 302
    body = client.get("/incentives/").content.decode()
    assert '<html lang="en">' in body and "Incentives" in body and "talent apartments" in body
    assert "Graduates and youth" in body  # target groups in the reader's language


@pytest.mark.slow
def test_chinese_catalogue_is_complete():
    """English needs no catalogue: its text is the msgids themselves."""
    po = LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgfmt", "--statistics", "-c", "-o", "/dev/null", str(po)],
                            capture_output=True, text=True, check=True)
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_model_names_are_translated():
    from districts.models import District
    from policies.models import Incentive

    with translation.override("zh-hans"):
        assert str(Incentive._meta.verbose_name_plural) == "激励措施"
        assert str(District._meta.get_field("adcode").verbose_name) == "行政区划代码"


def test_target_groups_read_in_the_readers_language(reference_data):
    from programs.models import TargetGroup

    graduates = TargetGroup.objects.get(code="graduates")
    with translation.override("zh-hans"):
        assert str(graduates) == "高校毕业生和青年"
    with translation.override("en"):
        assert str(graduates) == "Graduates and youth"


@pytest.mark.parametrize("value, exact, zh", [
    (500, "500", ""),
    (16000, "16,000", "1.6万"),
    (22945, "22,945", "约2.29万"),
    (52904, "52,904", "约5.29万"),
    (50_000_000, "50,000,000", "5000万"),
    (Decimal("7.5"), "7.5", ""),
    (Decimal("-12345.25"), "-12,345.25", "约-1.23万"),
    (250_000_000, "250,000,000", "2.5亿"),
])
def test_figures_are_exact_in_both_languages_with_the_chinese_reading_beside(value, exact, zh):
    """Issue 12: 22945 元 read "2.29万 元" and a researcher copied a wrong number."""
    assert number(value, "zh-hans") == number(value, "en") == exact
    assert reading(value, "zh-hans") == zh
    assert reading(value, "en") == ""


def test_quantities_read_with_qualifier_and_unit():
    with translation.override("zh-hans"):
        assert quantity(Decimal(500), "count", "套", "gt") == "> 500 套"
        assert quantity(Decimal(50000), "CNY", "", "eq", Decimal(200000)) == "50,000–200,000 元"
        assert quantity_reading(Decimal(50000), Decimal(200000)) == "5万–20万"
        assert quantity_reading(Decimal(5000), Decimal(22945)) == "约5000–2.29万"
        assert quantity(Decimal(3), "year", "", "le") == "≤ 3 年"
        assert quantity(Decimal("6.5"), "percent") == "6.5%"
    with translation.override("en"):
        assert quantity(Decimal(16000), "m2", "", "gt") == "> 16,000 m²"
        assert quantity(Decimal(7), "day") == "7 days"


def test_the_switch_refuses_another_sites_post_and_keeps_the_language(client, kb):
    form = {"language": "en", "next": "/incentives/"}
    for origin in ("https://elsewhere.example", "null"):
        response = client.post("/i18n/setlang/", form, HTTP_ORIGIN=origin)
        assert response.status_code == 403, origin
        assert response.content.decode() == "只能在本站页面上切换语言。"  # in the reader's language
        assert '<html lang="zh-Hans">' in client.get("/incentives/").content.decode()
    # a page of this site, on whatever port a proxy shows it, or a post with no Origin
    assert client.post("/i18n/setlang/", form, HTTP_ORIGIN="https://testserver:8443").status_code == 302
    assert '<html lang="en">' in client.get("/incentives/").content.decode()
    assert client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"}).status_code == 302
    assert '<html lang="zh-Hans">' in client.get("/incentives/").content.decode()


def test_place_filters_name_places_in_the_readers_language_and_find_them_in_either(client, kb):
    """The district and province filters and their chips name places as the rows do: in English,
    Fengtai District · Beijing, not 丰台区 · 北京市. A facet's search box finds a place by its name in
    either language (南山 in English, nanshan in Chinese)."""
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get("/incentives/?district=110106").content.decode()
    assert '<span class="facet-label">Fengtai District · Beijing</span>' in body
    assert '<span class="facet-label">Beijing</span>' in body
    assert "district: Fengtai District · Beijing" in body  # the chip
    assert "丰台区 · 北京市" not in body and '<span class="facet-label">北京市</span>' not in body

    body = client.get("/incentives/?district_find=河西").content.decode()
    assert 'data-value="120103"' in body and 'data-value="110106"' not in body
    body = client.get("/incentives/?province_find=天津").content.decode()
    assert 'data-value="120000"' in body and 'data-value="110000"' not in body

    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    body = client.get("/incentives/?district_find=hexi").content.decode()
    assert '<span class="facet-label">河西区 · 天津市</span>' in body and 'data-value="110106"' not in body
    body = client.get("/incentives/?district_find=丰台").content.decode()
    assert 'data-value="110106"' in body and 'data-value="120103"' not in body
