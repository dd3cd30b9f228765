"""An offer in comparable units, for putting districts' offers side by side (the talent finder).

Housing reads in 套 (or the measure word written) or m², a rent-free period in
months (years times twelve; days stay days, since a month is no fixed number
of days), money in yuan. The qualifier is said in words ("up to", "at least"),
the figure is exact with its thousands grouped (500000 → "500,000"), and the
万/亿 form a Chinese reader counts in goes beside it, only where it is exact
("50万"): never instead of the figure. Money says how often it is paid where
its sentence does (每月, 每年, 一次性: extraction/payments.py), so that 每月2000元
is not read as less than a one-off 1万元.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext, gettext_lazy

from .choices import Qualifier, Unit
from .extraction.payments import payment_rate
from .formatting import as_written, in_unit, number as exact, plain, unit_symbol

TEN_THOUSAND, HUNDRED_MILLION = Decimal(10) ** 4, Decimal(10) ** 8
RATES = {"month": gettext_lazy("a month"), "year": gettext_lazy("a year"), "once": gettext_lazy("one-off")}


def wan(value) -> str:
    """500000 → '50万', 1.2亿 for 120000000; '' below 1万 or where two decimals would round it."""
    value = Decimal(value)
    for size, word in ((HUNDRED_MILLION, "亿"), (TEN_THOUSAND, "万")):
        if abs(value) >= size:
            scaled = value / size
            if scaled != scaled.quantize(Decimal("0.01")):
                return ""
            return f"{plain(scaled)}{word}"
    return ""


@dataclass(frozen=True)
class Offer:
    qualifier: str  # "up to", "" for exactly
    figure: str  # "500,000" or "5,000–20,000"
    unit: str  # "yuan", "套", "m²", "months"
    reading: str  # "50万元" beside the figure, or ""
    per: str = ""  # "a month", "a year", "one-off", or "" where the sentence does not say

    def __str__(self):
        text = " ".join(part for part in (self.figure, self.unit, self.per) if part)
        return f"{self.qualifier} {text}" if self.qualifier else text


def normalised(fact, before: str = "", after: str = "") -> Offer:
    """The fact's quantity in comparable units (see the module's docstring), a range's low end
    with its high end where the finder read it beside (`range_high`); `before` and
    `after` are the words of its sentence around its quote, which may say how often money is paid."""
    value, unit = Decimal(fact.value), fact.unit
    value_max = fact.value_max if fact.value_max is not None else getattr(fact, "range_high", None)
    if value_max is not None:
        value_max = Decimal(value_max)
    if unit == Unit.YEAR and fact.kind == "rent_free_period":
        value, unit = value * 12, Unit.MONTH
        value_max = None if value_max is None else value_max * 12
    written = as_written(unit, fact.measure)  # 8 折, 20 亩: as the article writes it
    if written:
        value, value_max = in_unit(value, written[0]), in_unit(value_max, written[0])
    figure = exact(value) if value_max is None else f"{exact(value)}–{exact(value_max)}"
    words = unit_symbol(unit, fact.measure, value, label=fact.label)
    if written:
        figure, words = figure + written[1], ""
    elif unit == Unit.PERCENT:
        figure, words = f"{figure}%", ""
    reading = ""
    if unit == Unit.CNY:
        # As the articles write it, in both languages: 50万元.
        low, high = wan(value), wan(value_max) if value_max is not None else ""
        if value_max is None and low:
            reading = f"{low}元"
        elif low and high:
            reading = f"{low}–{high}元"
    qualifier = Qualifier.parse(fact.qualifier) or Qualifier.EQ
    said = "" if qualifier == Qualifier.EQ or value_max is not None else gettext(qualifier.label)
    per = str(RATES.get(payment_rate(before, fact.quote, after), "")) if unit == Unit.CNY else ""
    return Offer(said, figure, words, reading, per)
