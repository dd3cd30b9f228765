"""An article's details beyond what the extractor reads: a title for a text
that names none, and the month of a date the extractor gives as a year.

The extractor (extraction.meta) takes a title only from a first line that
looks like a headline, and a date only with its day; many announcements
start with a list item or a sentence, or say 2025年3月 in their byline. The
import, the admin's "read details" and the data migration that names older
articles all ask `article_details`, so that an article is never listed
nameless, nor under its file name.
"""
from __future__ import annotations

import re

# What a headline-like line may start with and still be one: (五), 一、, 1.
LIST_MARK = re.compile(r"^\s*(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．)）])\s*")
# Page furniture before a headline: breadcrumbs, bylines, share buttons, dates and sources.
FURNITURE = re.compile(
    r"当前位置|您的位置|首页\s*>|>\s*正文|^(?:标签|分享|打印|关闭|责任编辑|编辑|来源|发布时间|时间|日期|字号)\s*[:：\]］】]"
    r"|^[\[［【]?\s*(?:发布时间|来源)"
)
DATE_ONLY = re.compile(r"^[\d\s:：/.\-年月日　]+$|(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
SENTENCE_END = "。；;，,：:！!？?"
SENTENCE = re.compile(r"[^。；;！!？?\n]+")
WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# A title cut from a sentence: at most this many characters, an ellipsis after.
MAX_CUT = 40
FILE_NAME = re.compile(r"^[\w.\-]+\.(?:txt|html?|md|docx?|pdf)$", re.IGNORECASE)


def _headline(line: str) -> str:
    """The line as a title if it reads like a headline (short, no sentence
    ending), else ''."""
    s = LIST_MARK.sub("", line.replace("\u3000", " ").strip()).strip()
    if len(WORDS.findall(s)) < 4 or len(s) > 60 or s[-1] in SENTENCE_END or "。" in s:
        return ""
    return s


def _cut(sentence: str) -> str:
    """The sentence, or its first MAX_CUT characters ended at a comma or a
    space where one comes late enough, with an ellipsis."""
    s = " ".join(sentence.replace("\u3000", " ").split())
    if len(s) <= MAX_CUT:
        return s
    head = s[: MAX_CUT - 1]
    stop = max(head.rfind(c) for c in "，, 、")
    if stop >= MAX_CUT // 2:
        head = head[:stop]
    return head.rstrip("，,、 ") + "…"


def derive_title(text: str, found: str = "") -> str:
    """The extractor's title (`found`) where it read one; else the first
    headline-like line among the first ten lines of content; else the first
    sentence, cut. Never empty for a text with any words in it."""
    if found.strip():
        return found.strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    content = [line for line in lines if not FURNITURE.search(line) and not DATE_ONLY.search(line)]
    for line in content[:10]:
        title = _headline(line)
        if title:
            return title
        if len(line) > 60:
            break  # the body has begun: its lines are paragraphs, not headlines
    for line in content:
        for sentence in SENTENCE.findall(LIST_MARK.sub("", line)):
            if len(WORDS.findall(sentence)) >= 4:
                return _cut(sentence.strip())
    return _cut(text.strip())


YEAR_MONTH = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)")


def refine_published(text: str, found: str) -> str:
    """2025 → 2025-03 when a short line at the head of the text (a byline, a
    page header) dates it 2025年3月 with no day. The extractor reads a date
    only with its day and otherwise falls back to the latest year the text
    names, losing the month. A month in the body (2024年4月正式启动) dates
    an event, not the article, and is left alone."""
    if found and not re.fullmatch(r"\d{4}", found):
        return found
    for line in text[:1500].splitlines()[:12]:
        if len(line.strip()) > 60:
            continue
        m = YEAR_MONTH.search(line)
        if m and 1 <= int(m.group(2)) <= 12 and (not found or m.group(1) == found):
            return f"{m.group(1)}-{int(m.group(2)):02d}"
    return found or ""


# What follows a page's own title in an HTML <title>: 标题_天津市河西区人民政府, 标题 - 新华网, 标题|首页.
SITE_NAME = re.compile(r"\s*(?:[_|｜]|\s[-–—－]\s).*$")


def page_title_of(title: str) -> str:
    """An HTML page's <title> without the site's name after it, or '' where
    what is left is no title (a file name, a word or two)."""
    s = SITE_NAME.sub("", " ".join(title.split())).strip()
    if len(WORDS.findall(s)) < 4 or looks_like_file_name(s):
        return ""
    return s


def article_details(text: str, found, page_title: str = "") -> dict:
    """Title, publisher and publication date of a text, from the extractor's
    reading `found` (an extraction.ArticleExtraction) made whole; the <title>
    of the HTML page it came in names it where the extractor read no title,
    before a headline or sentence is guessed from the text."""
    return {
        "title": derive_title(text, found.title or page_title_of(page_title))[:300],
        "publisher": found.publisher[:200],
        "published": refine_published(text, found.published),
    }


def looks_like_file_name(title: str) -> bool:
    """000_43ecf88b4ddff57a.txt: a name that must never stand as a title."""
    return bool(FILE_NAME.match(title.strip()))
