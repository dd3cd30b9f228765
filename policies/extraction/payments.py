"""How often an offer's money is paid: each month, each year, once, or as the
sentence does not say.

A researcher reads 2000元 beside 10万元 as a smaller offer, yet 每月2000元 for
three years is 7.2万元: the finder shows the rate beside the figure. Read from
the words of the figure's clause before it (每人每月发放生活补贴2000元, 一次性给予
10万元安家费) or right after its unit (2000元/月, 2万元/年), the nearest first.
"""
from __future__ import annotations

import re

from .lexicon import any_of, entries

RATES = entries("payment_rates")  # rate -> words
_WORD = re.compile("|".join(f"(?P<{rate}>{any_of(words)})" for rate, words in RATES.items()))
_CLAUSE = re.compile(r"[,，;；:：。!?！？\n]")
_PER_HEAD = re.compile(r"^[/／]人")  # 2万元/人/年


def payment_rate(before: str, quote: str, after: str) -> str:
    """'month', 'year', 'once' or '' for money quoted as `quote`, with the
    words of its sentence `before` and `after` it."""
    right_after = _WORD.match(_PER_HEAD.sub("", after))
    if right_after:
        return right_after.lastgroup
    clause = _CLAUSE.split(before + quote)[-1]
    last = None
    for last in _WORD.finditer(clause):
        pass
    return last.lastgroup if last else ""
