"""Article metadata: title, publisher, publication date.

Read from the head of the original text: page header lines (时间:2023-06-19,
a bare "2024-11-22 11:01", 来源:天津日报), a WeChat account that names itself
(“新长泰微新闻”公众号), and the first headline-like line. When no date is
stated, the latest reported year (not a target year) gives a partial date.
"""
from __future__ import annotations

import re

from .lexicon import any_of, entries
from .text import ITEM_MARK

_W = entries("page_labels")

DATE_RE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?")
LABELLED_DATE_RE = re.compile(any_of(_W["date"]) + r"\s*[:：]\s*((?:19|20)\d\d)(?:[-/.年](\d{1,2}))?(?:[-/.月](\d{1,2}))?")
SOURCE_RE = re.compile(any_of(_W["source"]) + r"\s*(?:[:：]|[\]］】])\s*([^\s|丨,，:：\[［【]{2,20})")
# a byline under the headline: the outlet and the date on one short line
# (双流区融媒体中心　2024-11-20, 2024年1月26日　义乌商报)
_BYLINE_DATE = r"(?:19|20)\d\d(?:\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}日?)?月?)?"
BYLINE_RE = re.compile(rf"^\s*(?:(?P<a>[\u4e00-\u9fffA-Za-z·]{{2,24}})[\s\u3000]+{_BYLINE_DATE}"
                       rf"|{_BYLINE_DATE}[\s\u3000]+(?P<b>[\u4e00-\u9fffA-Za-z·]{{2,24}}))\s*$")
WECHAT_RE = re.compile(r"“([^“”\s]{2,16})”(?:微信)?公众号|(?:微信公众号|公众号)\s*[:：]?“?([^\s“”,，。]{2,16})")
NAV_RE = re.compile(r"当前位置|您的位置|首页\s*>|>\s*正文|^\s*" + any_of(_W["nav"]) + r"\s*[:：]")
LIST_MARK_RE = re.compile(rf"^\s*{ITEM_MARK}")
YEAR_RE = re.compile(r"(?<![到至争])((?:19|20)\d\d)(?:年|(?=“))")


def published(text: str, body: str | None = None) -> str:
    """The page's date, from its head; else the latest year `body` reports
    (the text without its page furniture: a footer's © 2024 or another post's
    2023年一季度 is no year of the article)."""
    head = text[:1500]
    m = LABELLED_DATE_RE.search(head)
    if m:
        return _iso(*m.groups())
    for line in head.splitlines()[:12]:
        d = DATE_RE.search(line)
        if d and len(line.strip()) <= 60:
            return _iso(*d.groups())
    years = [int(y) for y in YEAR_RE.findall(text if body is None else body)]
    years = [y for y in years if 1990 <= y <= 2100]
    return str(max(years)) if years else ""


def _iso(y: str, mo: str | None = None, d: str | None = None) -> str:
    if mo and d:
        return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    if mo:
        return f"{int(y):04d}-{int(mo):02d}"
    return str(int(y))


def publisher(text: str) -> str:
    m = SOURCE_RE.search(text[:2000])
    if m:
        return m.group(1)
    for line in text.splitlines()[1:5]:
        b = BYLINE_RE.match(line)
        if b:
            return b.group("a") or b.group("b")
    m = WECHAT_RE.search(text)
    if m:
        return m.group(1) or m.group(2)
    return ""


def title(text: str) -> str:
    for line in text.splitlines()[:10]:
        s = line.strip().replace("\u3000", " ").strip()
        if not s or NAV_RE.search(s) or DATE_RE.search(s) or SOURCE_RE.search(s):
            continue
        if LIST_MARK_RE.match(s) or len(s) > 60 or s[-1] in "。；;，,：:”":
            return ""
        return s
    return ""
