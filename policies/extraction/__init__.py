"""The extractor: reads a Chinese policy article and returns its facts.

Plain Python with no Django import, so it can be tested alone and run over
millions of articles. `extract(text)` is the one entry point.

Conventions beyond shared/eval/SCHEMA.md: a decrease keeps the number as
written and its label says so (同比下降2.1% -> value 2.1, label …同比下降;
比上年减少15名 -> 15), so a value is always what the text states; vague
amounts (数十所, 上千次, 几百名) are skipped, while 万余家 is 10000 with
qualifier gt; 个百分点 is unit percent. Only metrics carry the target flag:
an offer is an offer whether available or promised.

Policy documents (实施细则, 若干措施, 申报指南, 政策问答, WeChat reposts):
* a per-head, per-month or per-year amount is the amount itself, in CNY
  (每人每月3000元 and a table cell 3000元/月 are value 3000, unit CNY); the
  rate stays in the quote, which holds 每人每月 or /月, not in the value;
* a per-degree or per-class list is one offer per tier, each with the kind
  of the offer's noun, wherever the noun is said (after the list, before it
  in the sentence, in the item's title (一)就业补贴。 or in a table header);
  a bound before the list (分别给予最高40万元、15万元…) bounds every tier;
* 最高/不超过/最长 -> le, 不少于/不低于 -> ge; a bare cap after an offer
  (按1:1给予配套，最高不超过300万元) is that offer's row; the 1:1 ratio is no
  figure; a percent offer (按贷款利率的50%给予贴息) is a subsidy in percent, a
  rent discount (租金最高减免60%) kind other in percent;
* the payment term of a subsidy (连续发放3年) describes the offer, so it is a
  metric labelled 补贴发放期限;
* eligibility conditions, procedure, validity, rate bases, document parts,
  contact lines and a WeChat post's 往期回顾 are not facts (terms.py).
"""
from .facts import ArticleExtraction, Fact, IncentiveFact, MetricFact, ProgramMention, Quantity


def __getattr__(name: str):
    # extract() is imported on first use: its word lists and patterns take a
    # second and a half to build, which every manage.py command and web worker
    # paid at start-up, reading an article or not
    if name == "extract":
        from .pipeline import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "ArticleExtraction",
    "Fact",
    "IncentiveFact",
    "MetricFact",
    "ProgramMention",
    "Quantity",
    "extract",
]
