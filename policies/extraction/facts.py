"""What the extractor reads out of one article: plain data, no Django.

Every span is a pair of character offsets into the article text exactly as it
is stored (the file as read, before any normalisation), so that
`text[start:end]` is the quote a reader is shown and score.py finds.
Districts are six-digit GB/T 2260 adcodes; programs are named by their
canonical name. Vocabularies (kind, unit, qualifier) are those of
shared/eval/SCHEMA.md and of policies.choices.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quantity:
    """A number as the text states it, normalised (万/亿, Chinese numerals)."""

    value: float
    unit: str  # count, CNY, m2, day, month, year, percent
    qualifier: str = "eq"  # eq, gt, ge, lt, le, approx
    value_max: float | None = None  # upper end of a range (5万元至20万元)
    measure: str = ""  # the measure word of a count: 套, 个, 家, 人 …


@dataclass
class Fact:
    quantity: Quantity
    start: int
    end: int
    district: str | None = None  # adcode of the district the sentence is about
    program: str | None = None  # canonical name of the program it belongs to
    period: str | None = None  # 2023, 2024Q1, 2024-01..2024-04
    target: bool = False
    groups: tuple[str, ...] = ()  # target groups, codes of programs.TargetGroup


@dataclass
class IncentiveFact(Fact):
    kind: str = "other"  # apartment, workstation, office_space, fund, subsidy, …
    label: str = ""  # the noun offered, as written: 人才公寓, 工位 …


@dataclass
class MetricFact(Fact):
    label: str = ""  # short label: 地区生产总值同比增长, 高层次人才数量 …
    indicator: str | None = None  # code in indicators.json, None where none fits


@dataclass
class ProgramMention:
    name: str  # canonical name, quotes and district prefix dropped
    start: int
    end: int
    district: str | None = None
    aliases: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


@dataclass
class ArticleExtraction:
    title: str = ""
    publisher: str = ""
    published: str = ""  # ISO date or a part of one: 2024, 2024-11, 2024-11-22
    districts: list[str] = field(default_factory=list)  # adcodes, most relevant first
    programs: list[ProgramMention] = field(default_factory=list)
    incentives: list[IncentiveFact] = field(default_factory=list)
    metrics: list[MetricFact] = field(default_factory=list)
