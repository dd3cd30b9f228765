"""The extractor: reads a Chinese policy article and returns its facts.

Plain Python with no Django import, so it can be tested alone and run over
millions of articles. `extract(text)` is the one entry point.

Conventions beyond shared/eval/SCHEMA.md: a decrease keeps the number as
written and its label says so (同比下降2.1% -> value 2.1, label …同比下降;
比上年减少15名 -> 15), so a value is always what the text states; vague
amounts (数十所, 上千次, 几百名) are skipped, while 万余家 is 10000 with
qualifier gt; 个百分点 is unit percent; per-head and per-month amounts
(每人每月1500元) are the amount itself, in CNY. Only metrics carry the
target flag: an offer is an offer whether available or promised.
"""
from .facts import ArticleExtraction, Fact, IncentiveFact, MetricFact, ProgramMention, Quantity
from .pipeline import extract

__all__ = [
    "ArticleExtraction",
    "Fact",
    "IncentiveFact",
    "MetricFact",
    "ProgramMention",
    "Quantity",
    "extract",
]
