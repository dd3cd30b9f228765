"""Numbers of a policy document that are not facts.

Policy documents (实施细则, 若干措施, 申报指南, 政策问答) state who may apply and
how, in numbers that describe neither the district nor an offer:

* eligibility conditions: 年龄不超过35周岁, 社保缴纳满6个月, 签订2年以上劳动合同,
  注册资本不低于100万元, 持股比例不低于30%, 年薪50万元以上, 注册时间不超过2年,
  毕业5年以内;
* procedure and validity: 公示5个工作日, 有效期5年, 每年可申请1次;
* rate bases: 每引进1名…给予2万元 (the 1 only says "per hire");
* in a WeChat post, whatever follows the 往期回顾/推荐阅读 block: titles of
  other posts, not this article's content.

The payment term of a subsidy (连续发放3年, 最长发放36个月) is not here: it
describes the offer, so it stays a metric, as other numbers of an offer do.
Contact lines (电话 0571-82891234) never yield a quantity: a digit run after
a hyphen has no unit.
"""
from __future__ import annotations

import re

from .lexicon import any_of, entries
from .quantities import RawQuantity
from .text import clause_before

_W = entries("condition_words")

# a condition runs on across a list (年龄、社保…) and a book title: 、 and 《》 do not end it
_CLAUSE = re.compile(r"[,，;；:：。!?！？\n(（)）]")
# a clause that states who may apply or how long a procedure takes: a
# duration in it is a condition (毕业5年以内, 注册时间不超过2年, 公示5个工作日)
_DURATION_CONDITION = re.compile(
    any_of(_W["duration_condition"]))
# …right before the figure only: 毕业5年以内, 注册不满3年 (本科毕业生 1000元/月 24个月 is a payment term)
_DURATION_CONDITION_AT = re.compile(any_of(_W["duration_condition_at"]) + r"(?:后|未|不)?$")
# a threshold that money or a share must reach to apply: the noun stands
# right before the figure (注册资本不低于100万元, 年薪50万元以上, 持股比例不低于30%)
_THRESHOLD_NOUN = re.compile(any_of(_W["threshold_noun"]) + r"(?:原则上|一般应?|应当?|须|需)?" + any_of(_W["threshold_verb"]) + "?$")
# the noun right after the figure makes it a condition (2年以上劳动合同)
_CONDITION_AFTER = re.compile(r"^(?:以上|以下|以内)?(?:的)?(?:[\u4e00-\u9fff]{0,2}合同|" + any_of(_W["condition_after"]) + ")")
_DURATION = {"year", "month", "day"}
# 每引进1名, 每吸纳1人, 每年可申请1次: "per one"
_RATE_BASE = re.compile(r"每[\u4e00-\u9fff]{0,4}$")
# a WeChat post's list of other posts
_ELSEWHERE = re.compile(r"(?m)^[ \t]*" + any_of(_W["elsewhere"]) + r"[ \t:：]*$")


# a threshold that qualifies the noun after it: 年薪50万元以上的高级管理人才
_THRESHOLD_OF = re.compile(r"^(?:的)[\u4e00-\u9fff]{0,8}?" + any_of(_W["threshold_of"]))
# a range written out (50万元至200万元): its low end is no threshold
_RANGE_INSIDE = re.compile(r"(?:至|到|-|—|–|~|－)\s*\d")
# the parts of a document: 5个方面22条
_PARTS_AFTER = re.compile(r"^(?:个)?" + any_of(_W["parts_after"]))


def is_condition(norm: str, q: RawQuantity) -> bool:
    """A condition, procedure or rate base, not a fact."""
    before = clause_before(norm, q.start, 30, _CLAUSE)
    after = norm[q.end: q.end + 12]
    if q.unit == "count" and q.value == 1 and _RATE_BASE.search(before):
        return True
    if q.unit in _DURATION and before.endswith("满"):
        return True  # 缴纳社保满6个月, 工作满3年
    if q.qualifier == "ge" and q.unit in ("CNY", "percent") and _THRESHOLD_OF.match(after) \
            and not _RANGE_INSIDE.search(norm, q.num_start, q.end):  # 50万元至200万元的项目资助: a range's low end
        return True
    if q.unit == "count" and q.value <= 10 and _PARTS_AFTER.match(norm[q.end - len(q.measure): q.end + 4]):
        return True
    if _CONDITION_AFTER.match(after):
        return True
    if q.unit in _DURATION and (_DURATION_CONDITION.search(before) or _DURATION_CONDITION_AT.search(before)):
        return True
    if q.unit in ("CNY", "percent") and _THRESHOLD_NOUN.search(before):
        return True
    return False


def content_end(norm: str) -> int:
    """Where the article's own content ends (a WeChat 往期回顾 block), else len."""
    m = _ELSEWHERE.search(norm)
    return m.start() if m else len(norm)
