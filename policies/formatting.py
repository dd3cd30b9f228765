"""The one number formatter: how figures read on the pages, in the admin and in the exports.

Figures are shown exactly as stored, thousands grouped with commas (22945 →
"22,945"), in both languages: a researcher copies them. Chinese readers also
count in 万 and 亿: that reading goes beside the figure ("2.29万" marked 约
when rounded), never instead of it. A quantity reads as its qualifier, its
number and its unit: 超500套 → "> 500 套".
The admin and its forms show a stored Decimal without its trailing zeros
(`plain`); the exports write it as a JSON number (`json_number`).
Plain functions, used by the template filters, the comparison chart, the
admin, the export and the downloads.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language, npgettext, pgettext

from .choices import Qualifier, Unit


def is_chinese(language: str | None = None) -> bool:
    return (language or get_language() or "").startswith("zh")


def plain(value) -> str:
    """Decimal('500.0000') → '500', Decimal('7.50') → '7.5'."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def json_number(value):
    """Decimal → int where whole, else float: the exports' numbers are plain JSON numbers."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def number(value, language: str | None = None) -> str:
    """A figure exactly as stored, its thousands grouped: 22945 → '22,945', 7.5 → '7.5'.

    The same in both languages: a researcher copies the figure itself. The
    万/亿 reading of Chinese goes beside it (`reading`), never instead of it.
    `language` is accepted for the callers that pass one.
    """
    if value is None:
        return ""
    text = plain(value)
    sign = "-" if text.startswith("-") else ""
    whole, _dot, fraction = text.lstrip("-").partition(".")
    whole = f"{int(whole):,}"
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


def period_text(period: str | None) -> str:
    """A period as a reader reads it: a span of months with a dash (2024-01..2024-06 → 2024-01–2024-06);
    a year, a quarter or a month as stored (2024, 2024Q1, 2024-04). Downloads keep the stored form."""
    return (period or "").replace("..", "–")


def reading(value, language: str | None = None) -> str:
    """How a Chinese reader says a large figure, shown beside it: 16000 → '1.6万', 22945 → '约2.29万'.

    Empty in English and below 1万. Exact where two decimals suffice; else
    rounded and marked 约 ("about"), so that it never passes for the figure.
    """
    if value is None or not is_chinese(language):
        return ""
    value = Decimal(value)
    for size, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
        if abs(value) >= size:
            scaled = value / size
            rounded = scaled.quantize(Decimal("0.01"))
            about = "" if rounded == scaled else "约"
            return f"{about}{plain(rounded)}{word}"
    return ""


# The measure words of counts (policies/extraction/lexicon/measures.txt) as
# English nouns: 500 套 → 500 units. Each has its own context, so that the
# Chinese catalogue can give back the measure word itself; a Chinese page
# shows the stored word and never asks these. 个 counts anything (posts,
# teams, projects, policy documents) and English has no such word: there the
# figure stands alone beside the label or kind that names what it counts.
UNNAMED = frozenset({"个"})
MEASURES = {
    "人": lambda n: npgettext("measure word 人", "person", "people", n),
    "名": lambda n: npgettext("measure word 名", "person", "people", n),
    "位": lambda n: npgettext("measure word 位", "person", "people", n),
    "人次": lambda n: npgettext("measure word 人次", "person-time", "person-times", n),
    "套": lambda n: npgettext("measure word 套", "unit", "units", n),
    "家": lambda n: npgettext("measure word 家", "organisation", "organisations", n),
    "家次": lambda n: npgettext("measure word 家次", "firm-time", "firm-times", n),
    "项": lambda n: npgettext("measure word 项", "item", "items", n),
    "件": lambda n: npgettext("measure word 件", "item", "items", n),
    "所": lambda n: npgettext("measure word 所", "institution", "institutions", n),
    "间": lambda n: npgettext("measure word 间", "room", "rooms", n),
    "床": lambda n: npgettext("measure word 床", "bed", "beds", n),
    "座": lambda n: npgettext("measure word 座", "building", "buildings", n),
    "栋": lambda n: npgettext("measure word 栋", "building", "buildings", n),
    "幢": lambda n: npgettext("measure word 幢", "building", "buildings", n),
    "份": lambda n: npgettext("measure word 份", "copy", "copies", n),
    "户": lambda n: npgettext("measure word 户", "household", "households", n),
    "支": lambda n: npgettext("measure word 支", "team", "teams", n),
    "场": lambda n: npgettext("measure word 场", "event", "events", n),
    "场次": lambda n: npgettext("measure word 场次", "session", "sessions", n),
    "次": lambda n: npgettext("measure word 次", "time", "times", n),
    "台": lambda n: npgettext("measure word 台", "machine", "machines", n),
    "枚": lambda n: npgettext("measure word 枚", "piece", "pieces", n),
    "篇": lambda n: npgettext("measure word 篇", "paper", "papers", n),
    "部": lambda n: npgettext("measure word 部", "work", "works", n),
    "门": lambda n: npgettext("measure word 门", "course", "courses", n),
    "类": lambda n: npgettext("measure word 类", "category", "categories", n),
    "种": lambda n: npgettext("measure word 种", "kind", "kinds", n),
    "期": lambda n: npgettext("measure word 期", "round", "rounds", n),
    "辆": lambda n: npgettext("measure word 辆", "vehicle", "vehicles", n),
    "笔": lambda n: npgettext("measure word 笔", "transaction", "transactions", n),
    "株": lambda n: npgettext("measure word 株", "plant", "plants", n),
    "处": lambda n: npgettext("measure word 处", "site", "sites", n),
    "批次": lambda n: npgettext("measure word 批次", "batch", "batches", n),
    "节": lambda n: npgettext("measure word 节", "class", "classes", n),
    "堂": lambda n: npgettext("measure word 堂", "lesson", "lessons", n),
}


def label_of(fact) -> str:
    """A fact's label when it was read with it: one deferred (a bounded page reads only what it
    shows) would cost a query per fact, and 张 then reads as no measure word."""
    return fact.__dict__.get("label") or ""


def counted(measure: str, label: str = "") -> str:
    """The measure word English reads: 张 counts flat things (beds, desks, cards) and English has
    no one noun for them, so it is 床 (beds) where the label says so (床位), else unnamed like 个."""
    if measure == "张":
        return "床" if "床" in (label or "") else "个"
    return measure


def measure_word(measure: str, value=None, language: str | None = None) -> str:
    """套 in Chinese; "units" in English ("unit" for exactly one), nothing for
    个. A measure word with no English form (a new one in the lexicon) shows
    as written; 张 comes already read by its fact's label (unit_symbol, counted)."""
    if not measure or is_chinese(language):
        return measure
    if measure in UNNAMED:
        return ""
    if measure not in MEASURES:
        return measure
    one = value is not None and Decimal(value) == 1
    with translation.override(language or get_language()):
        return MEASURES[measure](1 if one else 2)


def unit_symbol(unit: str, measure: str = "", value=None, language: str | None = None, label: str = "") -> str:
    """The word written after a number: the measure word of a count (套, 个;
    units in English; 张 by the fact's `label`), else the unit's."""
    one = unit == Unit.COUNT and value is not None and Decimal(value) == 1
    language = language or get_language() or settings.LANGUAGE_CODE
    if not is_chinese(language):
        measure = counted(measure, label)
    return _unit_words(unit, measure if unit == Unit.COUNT else "", one, language)


@lru_cache(maxsize=1024)
def _unit_words(unit: str, measure: str, one: bool, language: str) -> str:
    """unit_symbol's answer, looked up once per unit, measure word, number and
    language: a download of a million rows asks for the same few words."""
    if unit == Unit.COUNT:
        return measure_word(measure, 1 if one else None, language)
    with translation.override(language):
        return {
            Unit.CNY: lambda: pgettext("unit after a number", "yuan"),
            Unit.M2: lambda: pgettext("unit after a number", "m²"),
            Unit.DAY: lambda: pgettext("unit after a number", "days"),
            Unit.MONTH: lambda: pgettext("unit after a number", "months"),
            Unit.YEAR: lambda: pgettext("unit after a number", "years"),
            Unit.PERCENT: lambda: "%",
        }.get(unit, lambda: "")()


# Figures stored in a common unit are shown in the unit they were written in,
# which the extractor keeps as the measure word (lexicon/units.txt): land in m²
# (so that areas compare and add up) as 亩 or 公顷, a price in percent as 折
# (8折 is 80% of the price). How many of the stored unit one of it is.
AS_WRITTEN = {("m2", "亩"): Decimal(2000) / 3, ("m2", "万亩"): Decimal(20_000_000) / 3,
              ("m2", "公顷"): Decimal(10_000), ("percent", "折"): Decimal(10)}


def as_written(unit: str, measure: str, language: str | None = None) -> tuple[Decimal, str] | None:
    """(how many of the stored unit one written unit is, what follows the figure) for a figure shown
    as it was written: (666.67, ' 亩'), (10, ' 折'); in English, which has no 万亩 nor 折, (666.67, ' mu')
    and (1, '% of the price'). None for any other figure."""
    if (unit, measure) not in AS_WRITTEN:
        return None
    language = language or get_language() or settings.LANGUAGE_CODE
    if is_chinese(language):
        return AS_WRITTEN[unit, measure], f" {measure}"
    return _english_written(unit, measure, language)


@lru_cache(maxsize=16)
def _english_written(unit: str, measure: str, language: str) -> tuple[Decimal, str]:
    with translation.override(language):
        if unit == Unit.PERCENT:
            return Decimal(1), "% " + pgettext("after a percent that is a price (8折)", "of the price")
        if measure == "公顷":
            return AS_WRITTEN[unit, measure], " " + pgettext("unit after a number", "hectares")
        return AS_WRITTEN[unit, "亩"], " " + pgettext("unit after a number", "mu")


def in_unit(value, per: Decimal):
    """A stored figure in a unit `per` of its own: 13333.3333 m² in 亩 → 20. The extractor
    multiplied the written figure, so four decimals give it back."""
    return None if value is None else (Decimal(value) / per).quantize(Decimal("0.0001"))


def quantity(value, unit: str, measure: str = "", qualifier: str = "eq", value_max=None,
             language: str | None = None, *, figure_text=None, label: str = "") -> str:
    """'> 500 套', '50,000–200,000 元', '≤ 3 years', '7.5%', and figures as written
    (`as_written`): '20 亩', '8 折' ('80% of the price' in English).
    `figure_text(value)` writes each figure."""
    figure_text = figure_text or (lambda v: number(v, language))
    written = as_written(unit, measure, language)
    if written:
        value, value_max = in_unit(value, written[0]), in_unit(value_max, written[0])
    figure = figure_text(value)
    if value_max is not None:
        figure = f"{figure}–{figure_text(value_max)}"
    symbol = (Qualifier.parse(qualifier) or Qualifier.EQ).symbol
    if written:
        text = figure + written[1]
    elif unit == Unit.PERCENT:
        text = f"{figure}%"
    else:
        # "1 unit" only for exactly one; a range or "> 1" counts several.
        words = unit_symbol(unit, measure, value if value_max is None and symbol == "" else None, language, label)
        text = f"{figure} {words}".strip()
    return f"{symbol} {text}" if symbol else text


def fact_quantity(fact, language: str | None = None) -> str:
    return quantity(fact.value, fact.unit, fact.measure, fact.qualifier, fact.value_max, language,
                    label=label_of(fact))


def quantity_reading(value, value_max=None, language: str | None = None) -> str:
    """The 万/亿 reading of a quantity's figures, for beside them: '5万–20万', '' when there is none."""
    if value_max is None:
        return reading(value, language)
    high = reading(value_max, language)
    if not high:
        return ""
    low = reading(value, language) or plain(value)
    about = "约" if "约" in low + high else ""
    return f"{about}{low.removeprefix('约')}–{high.removeprefix('约')}"
