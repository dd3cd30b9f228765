"""A web page's furniture around an article, found line by line before any
figure is read.

Real pages bring a breadcrumb (首页 > 新闻中心), a header with the outlet,
author, date and a view counter, image captions, a share bar, 上一篇/下一篇
with other posts' titles, a footer (版权所有, 京ICP备…号, 主办单位, 联系电话),
and on mirror sites a paragraph twice, a summary that is the first paragraph
cut short, or a teaser cut mid-sentence. `page_lines` returns two lists of
spans of the text (its offsets, which normalisation keeps one to one):

- drop: lines that are no part of the article, deleted by text.normalise
  like any other deletion, so every later stage reads the article alone and
  its spans still map back to the original text;
- quiet: byline lines (来源：…  作者：…), kept because they name the outlet
  (来源：泰顺新闻网 tells the county), whose figures are no facts.

A line is dropped only when it is short page furniture by its first words,
when it is a title in a list of other posts under a heading (相关阅读),
when it repeats a line seen before (a paragraph of 20 characters or more, or
a shorter line within a stretch said before: the table rows of a page printed
twice),
or when it is the beginning of another, longer line (a summary or a teaser
cut mid-way; what it says is said in full there).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .lexicon import any_of, entries

_W = entries("page_noise")
_SHORT = 80  # furniture lines are short; a paragraph is kept whatever it holds
_DROP_START = re.compile(r"^(?:" + any_of(_W["drop_start"]) + "|" + any_of(_W["caption"]) + ")")
_BAR = re.compile(r"^[【\[]?(?:" + any_of(_W["share"]) + r"(?:[】\]:：\s]|$)|" + any_of(_W["toolbar"]) + r"[:：])")
_DROP_ANY = re.compile(any_of(_W["drop_any"]))
_NAV = re.compile(r"首页\s*[>»›]|[>»›]\s*正文")
_COUNTER = re.compile(any_of(_W["counter"]) + r"\s*[:：]\s*\d")
_CREDIT = re.compile(r"(?:记者|摄影|通讯员)\s*\S{2,4}\s*摄\s*[)）]?$")
# one search for all of them (a line without blanks)
_FURNITURE = re.compile("|".join(p.pattern for p in (_DROP_START, _DROP_ANY, _NAV, _COUNTER, _CREDIT)))
_SUMMARY = re.compile(r"^[【\[]?" + any_of(_W["summary"]) + r"[】\]]?\s*[:：]\s*")
_BYLINE = re.compile(r"^[【\[]?" + any_of(_W["byline"]) + r"[】\]]?\s*[:：]")
# 相关阅读 / 【相关新闻】: the heading of a list of other posts, one title a line
_RELATED = re.compile(r"^[【\[]?" + any_of(_W["related"]) + r"[】\]]?[:：]?$")
_TITLE_MAX = 60  # a title of that list is short; a paragraph after it ends the list
_ELLIPSIS = "…."  # what a line cut short ends in
_BLANK = re.compile(r"\s+")
_MIN_REPEAT = 20  # a repeated line at least this long is a mirror's copy
_MIN_PREFIX = 8  # a cut line at least this long


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, pos + len(line), line
        pos += len(line)


def _furniture(s: str, line: str) -> bool:
    """`s`: the line without blanks."""
    if len(s) > _SHORT:
        return False
    return bool(_FURNITURE.search(s) or _BAR.match(line.strip()))


def _cut_short(key: str, ordered: list[str]) -> bool:
    """A line that another, longer line begins with, whatever it ends in
    (a cut may fall after 。 or ”), less a summary label and an ellipsis;
    or a labelled line that another line says in full (原标题：the title)
    (`ordered`: every line's key, sorted)."""
    label = _SUMMARY.match(key)
    stem = key[label.end():] if label else key
    stem = stem.rstrip(_ELLIPSIS)
    if len(stem) < _MIN_PREFIX:
        return False
    i = bisect_left(ordered, stem)
    if label and i < len(ordered) and ordered[i] == stem:  # 原标题：the title said again
        return True
    while i < len(ordered) and ordered[i].startswith(stem):
        if len(ordered[i]) > len(stem) and ordered[i] != key:
            return True
        i += 1
    return False


def page_lines(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (drop, quiet) spans of the text's furniture lines."""
    lines = list(_lines(text))
    keys = [_BLANK.sub("", ln) for _, _, ln in lines]
    ordered = sorted(set(keys))
    drop, quiet, seen = [], [], set()
    titles = False  # inside a list of other posts' titles
    copy = False  # inside a stretch said before (a page printed twice): its short lines (table rows) go too
    for (s, e, line), key in zip(lines, keys):
        if not key:
            continue
        titles = bool(_RELATED.match(key)) or (titles and len(key) <= _TITLE_MAX)
        copy = key in seen and (len(key) >= _MIN_REPEAT or copy)
        if titles or copy or _furniture(key, line) or _cut_short(key, ordered):
            drop.append((s, e))
        elif len(key) <= _SHORT and _BYLINE.match(key):
            quiet.append((s, e))
        seen.add(key)
    return drop, quiet
