"""When a program starts and ends, as the sentence that names it says: plain Python, no Django.

Read from the sentence of a program's mention (the text between the
sentence marks around it), so that a date elsewhere in the article is not
taken for the program's:

* an end or horizon: 到2025年, 至2026年6月, 截至2026年底, 有效期至2027年12月31日
  → '2025', '2026-06', '2026', '2027-12-31';
* a term: 期限3年, 为期三年, 有效期2年, 实施期限为18个月 → the start plus the term,
  to the last unit before it (from 2024-11-22, 3 years run to 2027-11-21; from
  2024, to 2026);
* a span: 2024—2026年, (2024-2026年) → starts 2024, ends 2026;
* a start: 自2025年1月1日起施行, 从2025年起 → '2025-01-01', '2025'.

Dates are ISO prefixes as precise as written. An end before the article's
own date (截至2023年底 in a 2024 article) reports the past and is no end.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

SENTENCE_MARKS = "。！？；;!?\n"
NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

_DATE = r"((?:19|20)\d\d)\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?"
END = re.compile(rf"(?:有效期|实施期|执行期)?(?:截至|截止|到|至)\s*(?:到|至)?\s*{_DATE}\s*(?:底|末|年底|年末)?(?:前)?")
TERM = re.compile(r"(?:期限|为期|有效期|实施期|执行期|周期)(?:限)?\s*(?:为|是)?\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(年|个月)")
SPAN = re.compile(r"((?:19|20)\d\d)\s*(?:年)?\s*[-—–~～至到]\s*((?:19|20)\d\d)\s*年")
START = re.compile(rf"(?:自|从|于)\s*{_DATE}\s*(?:起|开始)")


@dataclass(frozen=True)
class Found:
    """What a sentence says of a program's dates; empty strings where it says nothing."""

    launched: str = ""
    ends: str = ""
    quote: str = ""  # the words that gave them: 期限3年, 截至2026年底

    def __bool__(self):
        return bool(self.launched or self.ends)


def iso(year, month=None, day=None) -> str:
    """An ISO prefix of a date as written; '' when the month or day is impossible."""
    year = int(year)
    if month is None:
        return str(year)
    month = int(month)
    if not 1 <= month <= 12:
        return ""
    if day is None:
        return f"{year:04d}-{month:02d}"
    day = int(day)
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def numeral(text: str) -> int:
    """'3' → 3, '三' → 3, '十二' → 12, '二十' → 20."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (NUMERALS.get(tens, 1) if tens else 1) * 10 + (NUMERALS.get(units, 0) if units else 0)
    return NUMERALS.get(text, 0)


def after_term(start: str, months: int) -> str:
    """The last unit of a term of `months` from `start`, at start's precision:
    ('2024', 36) → '2026'; ('2024-11', 36) → '2027-10'; ('2024-11-22', 36) → '2027-11-21'."""
    parts = [int(p) for p in start.split("-")]
    if len(parts) == 1:
        return str(parts[0] + (months + 11) // 12 - 1)
    year, month = parts[0], parts[1]
    if len(parts) == 2:
        end_year, end_month = divmod(year * 12 + month - 1 + months - 1, 12)
        return f"{end_year:04d}-{end_month + 1:02d}"
    end_year, end_month = divmod(year * 12 + month - 1 + months, 12)
    length = calendar.monthrange(end_year, end_month + 1)[1]
    if parts[2] > length:  # from 29 February, a year runs to the end of the next February
        return date(end_year, end_month + 1, length).isoformat()
    return (date(end_year, end_month + 1, parts[2]) - timedelta(days=1)).isoformat()


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding text[start:end]."""
    left = max(text.rfind(mark, 0, start) for mark in SENTENCE_MARKS) + 1
    rights = [i for i in (text.find(mark, end) for mark in SENTENCE_MARKS) if i >= 0]
    return left, (min(rights) + 1 if rights else len(text))


def read(sentence: str, published: str = "") -> Found:
    """The start and end a sentence states (see the module's docstring); `published` is the
    article's date (an ISO prefix), the start of a term when the sentence gives none."""
    launched, ends, quotes = "", "", []
    span = SPAN.search(sentence)
    if span and int(span.group(1)) <= int(span.group(2)):
        launched, ends = span.group(1), span.group(2)
        quotes.append(span.group(0))
    start = START.search(sentence)
    if start and iso(*start.groups()):
        launched = iso(*start.groups())
        quotes.append(start.group(0))
    if not ends:
        for m in END.finditer(sentence):
            if span and m.start() < span.end() and span.start() < m.end():
                continue
            stated = iso(*m.groups())
            if stated and not (published and stated[:4] < published[:4]):
                ends = stated
                quotes.append(m.group(0))
                break
    if not ends:
        term = TERM.search(sentence)
        begin = launched or published
        if term and begin:
            n = numeral(term.group(1))
            months = n * 12 if term.group(2) == "年" else n
            if months:
                ends = after_term(begin, months)
                quotes.append(term.group(0))
    return Found(launched, ends, "，".join(quotes)[:100])


def read_for_mention(text: str, start: int, end: int, published: str = "") -> Found:
    """What the sentence of the mention at text[start:end] says of its program's dates."""
    left, right = sentence_around(text, start, end)
    return read(text[left:right], published)
