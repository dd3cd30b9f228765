"""English names of districts, prefectures and provinces: 丰台区 → Fengtai District.

Hanyu Pinyin from pypinyin, written as place names are (syllables joined,
capitalised, an apostrophe before a syllable that starts with a, o or e:
Xi'an), with the level in English (District, County, Banner …) and the
ethnic groups of an autonomous county named (长阳土家族自治县 → Changyang
Tujia Autonomous County). Provinces have the English names in common use
(Shaanxi, Inner Mongolia, Tibet, Hong Kong), which pinyin alone does not
give. Computed once when the gazetteer is loaded and stored on District.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

PROVINCES = {
    "北京市": "Beijing", "天津市": "Tianjin", "河北省": "Hebei", "山西省": "Shanxi",
    "内蒙古自治区": "Inner Mongolia", "辽宁省": "Liaoning", "吉林省": "Jilin", "黑龙江省": "Heilongjiang",
    "上海市": "Shanghai", "江苏省": "Jiangsu", "浙江省": "Zhejiang", "安徽省": "Anhui", "福建省": "Fujian",
    "江西省": "Jiangxi", "山东省": "Shandong", "河南省": "Henan", "湖北省": "Hubei", "湖南省": "Hunan",
    "广东省": "Guangdong", "广西壮族自治区": "Guangxi", "海南省": "Hainan", "重庆市": "Chongqing",
    "四川省": "Sichuan", "贵州省": "Guizhou", "云南省": "Yunnan", "西藏自治区": "Tibet", "陕西省": "Shaanxi",
    "甘肃省": "Gansu", "青海省": "Qinghai", "宁夏回族自治区": "Ningxia", "新疆维吾尔自治区": "Xinjiang",
    "香港特别行政区": "Hong Kong", "澳门特别行政区": "Macao", "台湾省": "Taiwan",
}

# The ethnic groups that autonomous areas are named after, in their usual English names.
ETHNIC_GROUPS = {
    "蒙古": "Mongol", "回": "Hui", "藏": "Tibetan", "维吾尔": "Uyghur", "苗": "Miao", "彝": "Yi", "壮": "Zhuang",
    "布依": "Bouyei", "朝鲜": "Korean", "满": "Manchu", "侗": "Dong", "瑶": "Yao", "白": "Bai", "土家": "Tujia",
    "哈尼": "Hani", "哈萨克": "Kazakh", "傣": "Dai", "黎": "Li", "傈僳": "Lisu", "佤": "Va", "畲": "She",
    "高山": "Gaoshan", "拉祜": "Lahu", "水": "Sui", "东乡": "Dongxiang", "纳西": "Naxi", "景颇": "Jingpo",
    "柯尔克孜": "Kyrgyz", "土": "Tu", "达斡尔": "Daur", "仫佬": "Mulao", "羌": "Qiang", "布朗": "Blang",
    "撒拉": "Salar", "毛南": "Maonan", "仡佬": "Gelao", "锡伯": "Xibe", "阿昌": "Achang", "普米": "Pumi",
    "塔吉克": "Tajik", "怒": "Nu", "乌孜别克": "Uzbek", "俄罗斯": "Russian", "鄂温克": "Evenki",
    "德昂": "De'ang", "保安": "Bonan", "裕固": "Yugur", "京": "Gin", "塔塔尔": "Tatar", "独龙": "Derung",
    "鄂伦春": "Oroqen", "赫哲": "Hezhen", "门巴": "Monba", "珞巴": "Lhoba", "基诺": "Jino",
}

# Name endings and their English, longest first (the first that leaves a stem wins).
LEVELS = (
    ("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"), ("自治州", "Autonomous Prefecture"),
    ("新区", "New Area"), ("林区", "Forestry District"), ("特区", "Special District"), ("地区", "Prefecture"),
    ("区", "District"), ("县", "County"), ("旗", "Banner"), ("盟", "League"), ("市", "City"),
)

# Readings pypinyin gets wrong in place names: 长 of 长泰 and 长宁 is cháng,
# 朝 of 朝阳 is cháo, 都 of 盐都 is dū.
PLACE_READINGS = {"长": "chang", "朝": "chao", "都": "du"}
WRONG_READINGS = {"长": "zhang", "朝": "zhao", "都": "dou"}
# Whole names read otherwise by custom (the name without its level: 单县 is Shan County,
# though 单 alone reads dan). Sorting by name reads them so too (name_order).
NAME_READINGS = {"单": "Shan", "洪洞": "Hongtong"}


def romanise(chinese: str) -> str:
    """丰台 → Fengtai, 西安 → Xi'an, 长泰 → Changtai."""
    if chinese in NAME_READINGS:
        return NAME_READINGS[chinese]
    syllables = lazy_pinyin(chinese)
    if len(syllables) == len(chinese):
        syllables = [
            PLACE_READINGS[char] if WRONG_READINGS.get(char) == s else s for char, s in zip(chinese, syllables)
        ]
    word = ""
    for i, syllable in enumerate(syllables):
        if i and syllable[:1] in ("a", "o", "e"):
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


CHINESE = re.compile(r"[\u3400-\u9fff]+")


@lru_cache(maxsize=20_000)
def name_order(text: str) -> tuple[str, str]:
    """How a name sorts among others: its Chinese in pinyin as place names read
    (朝阳区 · 北京市 → chaoyangqu · beijingshi, 长泰 as changtai, 单县 as shanxian),
    case aside; then as written, so that 山西 and 陕西 (both shanxi) keep one order."""
    spelled = CHINESE.sub(lambda m: _read(m.group()).replace("'", ""), text)
    return spelled.casefold(), text


def _read(chinese: str) -> str:
    """A name as its English name reads it: 单县 → Shanxian (Shan County), where
    romanise would read the whole 单县 as Danxian."""
    for ending, _english in LEVELS:
        stem = chinese[: -len(ending)]
        if chinese.endswith(ending) and stem in NAME_READINGS:
            return NAME_READINGS[stem] + romanise(ending)
    return romanise(chinese)


def _ethnic_groups(stem: str) -> tuple[str, list[str]]:
    """长阳土家族 → ("长阳", ["Tujia"]); 海西蒙古族藏族 → ("海西", ["Mongol", "Tibetan"])."""
    groups: list[str] = []
    names = sorted(ETHNIC_GROUPS, key=len, reverse=True)
    if stem.removesuffix("族") in ETHNIC_GROUPS:
        return "", [ETHNIC_GROUPS[stem.removesuffix("族")]]  # 鄂温克族自治旗: Evenki Autonomous Banner
    while True:
        found = next(
            (n for n in names
             if (stem.endswith(n + "族") and len(stem) - len(n) - 1 >= 2)
             or (len(n) >= 2 and stem.endswith(n) and len(stem) - len(n) >= 2)),
            None,
        )
        if found is None:
            return stem, groups
        groups.insert(0, ETHNIC_GROUPS[found])
        stem = stem[: -len(found) - 1] if stem.endswith(found + "族") else stem[: -len(found)]


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def place_name(name: str, *, prefecture: bool = False) -> str:
    """丰台区 → Fengtai District, 滑县 → Hua County, 长阳土家族自治县 → Changyang
    Tujia Autonomous County; a prefecture-level city drops "City" (长春市 → Changchun)."""
    if name in PROVINCES:
        return PROVINCES[name]
    for ending, english in LEVELS:
        stem = name[: -len(ending)]
        if name.endswith(ending) and stem:
            if prefecture and ending == "市":
                return romanise(stem)
            if ending.startswith("自治"):
                stem, groups = _ethnic_groups(stem)
                if groups:
                    english = f"{_joined(groups)} {english}"
            return f"{romanise(stem)} {english}".strip()
    return romanise(name)


def province_name(name: str) -> str:
    """北京市 → Beijing, 陕西省 → Shaanxi, 内蒙古自治区 → Inner Mongolia."""
    return PROVINCES.get(name) or romanise(name.removesuffix("省").removesuffix("市"))
