"""The one number formatter: how figures read on the pages, in the admin and in the exports.

Chinese readers count in 万 and 亿, English readers in thousands with commas;
a quantity reads as its qualifier, its number and its unit: 超500套 → "> 500 套".
The admin and its forms show a stored Decimal without its trailing zeros
(`plain`); the exports write it as a JSON number (`json_number`).
Plain functions, used by the template filters, the comparison chart, the
admin, the export and the downloads.
"""
from __future__ import annotations

from decimal import Decimal

from django.utils import formats
from django.utils.translation import get_language, pgettext

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
    """A number for reading: 16000 → '1.6万' in Chinese, '16,000' in English."""
    if value is None:
        return ""
    value = Decimal(value)
    if is_chinese(language):
        for size, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
            if abs(value) >= size:
                scaled = (value / size).quantize(Decimal("0.01")).normalize()
                return f"{plain(scaled)}{word}"
        return plain(value)
    text = plain(value)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def exact_number(value) -> str:
    """Every digit of the stored figure, grouped by thousands in both languages:
    22945 → '22,945', 50000000 → '50,000,000', 7.5 → '7.5'. Never rounded."""
    if value is None:
        return ""
    text = plain(value)
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    return f"{sign}{int(whole):,}" + (f".{fraction}" if fraction else "")


def unit_symbol(unit: str, measure: str = "") -> str:
    """The word written after a number: the measure word of a count (套, 个), else the unit's."""
    if unit == Unit.COUNT:
        return measure
    return {
        Unit.CNY: pgettext("unit after a number", "yuan"),
        Unit.M2: pgettext("unit after a number", "m²"),
        Unit.DAY: pgettext("unit after a number", "days"),
        Unit.MONTH: pgettext("unit after a number", "months"),
        Unit.YEAR: pgettext("unit after a number", "years"),
        Unit.PERCENT: "%",
    }.get(unit, "")


def quantity(value, unit: str, measure: str = "", qualifier: str = "eq", value_max=None,
             language: str | None = None, exact: bool = False) -> str:
    """'> 500 套', '5万–20万 元', '≤ 3 years', '7.5%'; `exact`: '50,000–200,000 元'."""
    def figure_of(v):
        return exact_number(v) if exact else number(v, language)

    figure = figure_of(value)
    if value_max is not None:
        figure = f"{figure}–{figure_of(value_max)}"
    symbol = (Qualifier.parse(qualifier) or Qualifier.EQ).symbol
    words = unit_symbol(unit, measure)
    text = f"{figure}%" if unit == Unit.PERCENT else f"{figure} {words}".strip()
    return f"{symbol} {text}" if symbol else text


def fact_quantity(fact, language: str | None = None, exact: bool = False) -> str:
    return quantity(fact.value, fact.unit, fact.measure, fact.qualifier, fact.value_max, language, exact)
