"""Chinese full-text search: what a query matches, and the sentence that shows it.

Chinese has no spaces, so texts are segmented with jieba into a stored
`search_text` of space-separated words (kept current by a pre_save signal).
On PostgreSQL the words go through `to_tsvector('simple', …)`, served by a GIN
index (migration policies/0002_search); substrings that segmentation splits
differently are still found by `LIKE '%…%'`, which pg_trgm's GIN indexes
serve for three characters or more. SQLite has no tsvector: the same stored
words are matched as space-delimited substrings, with the same substring
fallback, so results agree on both databases.

Each space-separated part of a query must match (AND); a part matches when
its jieba words all occur as words, or when it occurs as a substring.
"""
from __future__ import annotations

import re
from functools import reduce
from operator import and_, or_

import jieba
from django.db import connection
from django.db.models import Q

# Segmentation (and jieba's dictionary load, ~1 s) happens once per process.
jieba.setLogLevel(60)
PUNCTUATION = re.compile(r"^[\W_]+$", re.UNICODE)
SENTENCE_END = "。！？；!?;\n"
MAX_QUERY = 100


def words(text: str) -> list[str]:
    """jieba's search-mode words of `text`, punctuation dropped, in order, without repeats."""
    found = (w.strip() for w in jieba.cut_for_search(text or ""))
    return list(dict.fromkeys(w for w in found if w and not PUNCTUATION.match(w)))


def search_text(*texts: str) -> str:
    """The stored form: ' word word … ' (leading and trailing space, so ' word ' finds whole words)."""
    return " " + " ".join(words(" ".join(t for t in texts if t))) + " "


def keep_search_text(sender, instance, **kwargs):
    """pre_save receiver: an article's stored search words follow its title and text."""
    instance.search_text = search_text(instance.title, instance.text)


def parts(query: str) -> list[str]:
    """The query split on white space: each part must match."""
    return [p for p in (query or "")[:MAX_QUERY].split() if not PUNCTUATION.match(p)]


def highlight_terms(query: str) -> list[str]:
    """What to mark in a shown sentence: the parts and their words, longest first."""
    terms = set(parts(query))
    for part in parts(query):
        terms.update(w for w in words(part) if len(w) > 1 or len(part) == 1)
    return sorted(terms, key=len, reverse=True)


def _word_match(field: str, part: str) -> Q:
    tokens = words(part)
    if not tokens:
        return Q(pk__in=[])
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact

        # The same expression as the GIN index of migration 0002_search, so the index serves it.
        query = reduce(and_, (SearchQuery(t, search_type="plain", config="simple") for t in tokens))
        return Q(SearchVectorExact(SearchVector(field, config="simple"), query))
    return reduce(and_, (Q(**{f"{field}__contains": f" {t} "}) for t in tokens))


def matches(query: str, *, words_field: str | None, substring_fields: list[str]) -> Q | None:
    """The condition for `query` on a model: None when the query is empty.

    `words_field` holds jieba words (see `search_text`); `substring_fields`
    are searched for each part as written (names, quotes, labels).
    """
    conditions = []
    for part in parts(query):
        alternatives = [Q(**{f"{f}__contains": part}) for f in substring_fields]
        if words_field:
            alternatives.append(_word_match(words_field, part))
        conditions.append(reduce(or_, alternatives))
    return reduce(and_, conditions) if conditions else None


def sentence_around(text: str, start: int, end: int, limit: int = 160) -> tuple[int, int]:
    """The sentence holding text[start:end], at most about `limit` characters."""
    left = max((text.rfind(c, 0, start) for c in SENTENCE_END), default=-1) + 1
    rights = [i for i in (text.find(c, end) for c in SENTENCE_END) if i != -1]
    right = min(rights) + 1 if rights else len(text)
    if right - left > limit:
        left = max(left, start - limit // 2)
        right = min(right, max(end, left + limit))
    while left < start and text[left].isspace():
        left += 1
    return left, right


def first_hit(text: str, terms: list[str]) -> tuple[int, int] | None:
    """Where the longest term that occurs first occurs: 人才公寓 rather than an earlier 人才."""
    for term in terms:
        if (i := text.find(term)) != -1:
            return i, i + len(term)
    return None


def snippet(text: str, query: str, limit: int = 160) -> list[tuple[str, bool]]:
    """The sentence of `text` that matches `query`, as (piece, is_hit) pairs for marking."""
    terms = highlight_terms(query)
    hit = first_hit(text, terms)
    if hit is None:
        left, right = 0, min(len(text), limit)
    else:
        left, right = sentence_around(text, *hit, limit=limit)
    return mark_terms(text[left:right].strip(), terms)


def mark_terms(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """Split `text` into (piece, is_hit) where hits are occurrences of any term (longest first)."""
    if not terms:
        return [(text, False)] if text else []
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    pieces, at = [], 0
    for m in pattern.finditer(text):
        if m.start() > at:
            pieces.append((text[at:m.start()], False))
        pieces.append((m.group(), True))
        at = m.end()
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces
