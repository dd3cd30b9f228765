"""The extractor: reads a Chinese policy article and returns its facts.

Plain Python with no Django import, so it can be tested alone and run over
millions of articles. `extract(text)` is the one entry point.
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
