"""Chinese full-text search: what a query matches, how well, and the sentence that shows it.

Chinese has no spaces, so texts are segmented with jieba into a stored
`search_text` of space-separated words, repeats kept (so that a word said
three times weighs more than one said once). Each searchable row keeps its own:
an article (title and text), a program (name and aliases), an incentive or a
metric (its quote and label). pre_save receivers keep them current; the bulk
writes (the import, re-extraction, the corpus loader) fill them themselves.

Where the words are indexed:
- PostgreSQL: `search_vector`, to_tsvector('simple', search_text) stored by the
  database as a generated column, with a GIN index per table (migration
  0017_stored_search_vectors), ranked by ts_rank; no query parses words again.
- SQLite: an FTS5 table per model over the same column (external content,
  kept current by triggers, so that every write reaches it), ranked by bm25.

A query is split on white space; every part must match (AND). A part matches a
row when all its jieba words are among the row's words. A fact also matches
through what it is (issue 12): its incentive kind's names (免租 finds a 减租期,
policies/extraction/lexicon/kinds.txt and the kind's labels), its program's
name and aliases (人才公寓 finds the 720 套 of 298青年城, alias 298青年城人才公寓),
its indicator's names and wordings. Those are resolved first in their small
tables (kinds in Python, indicators in one query, programs through their own
index) and OR-ed into the fact query as `kind IN …`, `program_id = ANY(…)`,
`indicator_id IN …`, so nothing is copied into three million facts and a
renamed program needs no rewrite of its facts (docs/performance.md).

A part too short for words (one character) is matched as a substring of the
stored words instead: LIKE, which no index serves; only then.

Relevance: the number of (part, source) pairs a row matches, plus its own
words' ts_rank or bm25 squeezed into [0, 1): a fact that says 人才公寓 itself
and belongs to a program called so ranks above one that is only of the kind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import and_, or_

import jieba
from django.db import connection
from django.db.models import Case, F, FloatField, Lookup, Q, Value, When
from django.db.models.expressions import Expression, RawSQL
from django.utils import translation

# Segmentation (and jieba's dictionary load, ~1 s) happens once per process.
jieba.setLogLevel(60)
PUNCTUATION = re.compile(r"^[\W_]+$", re.UNICODE)
SENTENCE_END = "。！？；!?;\n"
MAX_QUERY = 100


def load_dictionary() -> None:
    """jieba's dictionary, loaded now rather than by the first text segmented (talentkb.wsgi, as a worker starts)."""
    jieba.initialize()


def all_words(text: str) -> list[str]:
    """jieba's search-mode words of `text`, punctuation dropped, in order, repeats kept."""
    found = (w.strip() for w in jieba.cut_for_search(text or ""))
    return [w for w in found if w and not PUNCTUATION.match(w)]


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The distinct words of `text` (a query part, a name), in order, lower-cased as both indexes fold them."""
    return tuple(dict.fromkeys(w.lower() for w in all_words(text)))


def text_words(text: str) -> list[str]:
    """all_words of a long text, block by block: jieba cuts each run of word characters between
    punctuation on its own, so the result is the same, and each block is cached by its shape
    (short_words). Announcements repeat their phrases; the generated corpus does so with other numbers."""
    found = []
    for block in jieba.re_han_default.split(text or ""):
        if block:
            found += short_words(block) if jieba.re_han_default.fullmatch(block) else all_words(block)
    return found


def search_text(*texts: str) -> str:
    """The stored form: ' word word … ' (leading and trailing space, so that ' word ' finds whole words)."""
    found = [w for t in texts if t for w in text_words(t)]
    return " " + " ".join(found) + " " if found else ""


NUMBER = re.compile(r"[0-9]+")  # ASCII: jieba keeps these inside a block, as it keeps 0


@lru_cache(maxsize=100_000)
def _shape_words(shape: str) -> tuple[str, ...]:
    return tuple(all_words(shape))


def short_words(text: str) -> tuple[str, ...]:
    """all_words of a short text (a quote, a name), cached by its shape with every number as 0:
    超500套人才公寓 and 超720套人才公寓 are segmented once. jieba cuts digits apart from words, so the
    numbers are put back in order; where the shape's words do not line up with them, `text` is segmented itself.
    (3,900 quotes of the generated corpus: the same words, 15 times faster.)"""
    numbers = NUMBER.findall(text)
    if not numbers:
        return _shape_words(text)
    found = _shape_words(NUMBER.sub("0", text))
    if sum(w == "0" for w in found) != len(numbers) or any("0" in w and w != "0" for w in found):
        return tuple(all_words(text))
    put_back = iter(numbers)
    return tuple(next(put_back) if w == "0" else w for w in found)


def fact_search_text(quote: str, label: str) -> str:
    """A fact's words: its quote and its label."""
    found = [*short_words(quote or ""), *short_words(label or "")]
    return " " + " ".join(found) + " " if found else ""


def program_search_text(name: str, aliases) -> str:
    found = [w for n in [name, *(aliases or [])] if n for w in short_words(n)]
    return " " + " ".join(found) + " " if found else ""


# pre_save receivers (policies.apps): every save, including a restore's raw one, refreshes the words.
def keep_search_text(sender, instance, **kwargs):
    instance.search_text = search_text(instance.title, instance.text)


def keep_fact_search_text(sender, instance, **kwargs):
    instance.search_text = fact_search_text(instance.quote or "", instance.label or "")


def keep_program_search_text(sender, instance, **kwargs):
    instance.search_text = program_search_text(instance.name, instance.aliases)


def parts(query: str) -> list[str]:
    """The query split on white space: each part must match."""
    return [p for p in (query or "")[:MAX_QUERY].split() if not PUNCTUATION.match(p)]


def highlight_terms(query: str) -> list[str]:
    """What to mark in a shown sentence: the parts and their words, longest first."""
    terms = set(parts(query))
    for part in parts(query):
        terms.update(w for w in words(part) if len(w) > 1 or len(part) == 1)
    return sorted(terms, key=len, reverse=True)


# --- what a part matches besides a row's own words --------------------------------------------------

@lru_cache(maxsize=None)
def _kind_terms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each incentive kind's names as sets of words: the lexicon's offer nouns and its label in both languages."""
    from .choices import IncentiveKind
    from .extraction.lexicon import entries

    lexicon = entries("kinds")
    out = {}
    for kind in IncentiveKind:
        names = list(lexicon.get(kind.value, ()))
        for language in ("zh-hans", "en"):
            with translation.override(language):
                names.append(str(kind.label))
        out[kind.value] = tuple(frozenset(words(n)) for n in names if words(n))
    return out


def _covers(names, tokens: tuple[str, ...]) -> bool:
    """Whether one of the names (sets of words) holds every word of the part."""
    return any(set(tokens) <= name for name in names)


def kinds_matching(tokens: tuple[str, ...]) -> list[str]:
    return [kind for kind, names in _kind_terms().items() if _covers(names, tokens)]


def indicators_matching(tokens_by_part: list[tuple[str, ...]]) -> list[list[int]]:
    """For each part, the indicators whose name or a wording holds its words (one query: ~100 rows)."""
    from .models import Indicator

    rows = [
        (pk, tuple(frozenset(words(n)) for n in [zh, en, *(wordings or [])] if n))
        for pk, zh, en, wordings in Indicator.objects.values_list("pk", "name_zh", "name_en", "wordings")
    ]
    return [[pk for pk, names in rows if tokens and _covers(names, tokens)] for tokens in tokens_by_part]


# --- the index of each table's words ------------------------------------------------------------------

def fts_table(model) -> str:
    """SQLite: the FTS5 table over a model's `search_text` (migration 0014_search_words)."""
    return f"{model._meta.db_table}_fts"


def _fts_query(tokens: tuple[str, ...]) -> str:
    """An FTS5 query holding every word: "人才" "公寓" (each a quoted string, so that nothing is an operator)."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


# PostgreSQL: each table's stored vector, to_tsvector('simple', search_text) kept by the database on
# every write (migration 0017_stored_search_vectors); no Django field, so that no row read carries it.
VECTOR = "search_vector"


def _ts_query(tokens: tuple[str, ...]) -> tuple[str, list[str]]:
    """Every token as a plain query of the 'simple' configuration, AND-ed: SQL and its parameters."""
    return " && ".join(["plainto_tsquery('simple'::regconfig, %s)"] * len(tokens)), list(tokens)


def _vector(compiler, pk) -> str:
    """The stored vector of the row whose primary key `pk` is: its table's alias in this query."""
    return f"{compiler.quote_name_unless_alias(pk.alias)}.{compiler.connection.ops.quote_name(VECTOR)}"


class StoredWords(Lookup):
    """PostgreSQL: `"alias"."search_vector" @@ (tsquery)`, the row's stored vector against the tokens.
    Its left side is the row's primary key, so that Django gives it the table's alias in any query
    (a join, a subquery) and the GIN index on the column serves it."""

    lookup_name = "stored_words"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        sql, params = _ts_query(self.rhs)
        return f"{_vector(compiler, self.lhs)} @@ ({sql})", params


def words_match(model, tokens: tuple[str, ...]) -> Q:
    """Rows of `model` whose own words hold every token, through its index."""
    if connection.vendor == "postgresql":
        return Q(StoredWords(F("pk"), tokens))
    table = fts_table(model)
    return Q(pk__in=RawSQL(f'SELECT rowid FROM "{table}" WHERE "{table}" MATCH %s', [_fts_query(tokens)]))


class AnyOf(Lookup):
    """`column = ANY(%s)` with the ids as one array parameter: thousands of program ids are one parameter,
    and PostgreSQL serves it with the column's index inside an OR (a subquery there would scan)."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        return f"{lhs} = ANY(%s)", [*params, list(self.rhs)]


def programs_match(tokens: tuple[str, ...], field: str = "program"):
    """Rows whose program's name or an alias holds every token."""
    from programs.models import Program

    if connection.vendor == "postgresql":
        ids = list(Program.objects.filter(words_match(Program, tokens)).values_list("pk", flat=True))
        return Q(AnyOf(F(f"{field}_id"), ids)) if ids else None
    table = fts_table(Program)
    return Q(**{f"{field}_id__in": RawSQL(f'SELECT rowid FROM "{table}" WHERE "{table}" MATCH %s',
                                          [_fts_query(tokens)])})


class Bm25(Expression):
    """SQLite: how well a row's own words match, in [0, 1), from FTS5's bm25 (0 when they do not)."""

    output_field = FloatField()

    def __init__(self, model, tokens: tuple[str, ...], pk=None):
        super().__init__()
        self.model, self.tokens, self.pk = model, tokens, pk if pk is not None else F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk, params = compiler.compile(self.pk)
        table = fts_table(self.model)
        # bm25 is negative, lower is better: -bm25 / (1 - bm25) lies in [0, 1).
        sql = (f'COALESCE((SELECT -bm25("{table}") / (1.0 - bm25("{table}")) FROM "{table}" '
               f'WHERE "{table}" MATCH %s AND rowid = {pk}), 0.0)')
        return sql, [_fts_query(self.tokens), *params]


class TsRank(Expression):
    """PostgreSQL: how well a row's stored vector matches, in [0, 1): ts_rank normalised by 32, rank / (rank + 1)."""

    output_field = FloatField()

    def __init__(self, tokens: tuple[str, ...], pk=None):
        super().__init__()
        self.tokens, self.pk = tokens, pk if pk is not None else F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        sql, params = _ts_query(self.tokens)
        return f"ts_rank({_vector(compiler, self.pk)}, ({sql}), 32)", params


def words_rank(model, tokens: tuple[str, ...]) -> Expression:
    """How well a row's own words match, in [0, 1): ts_rank on PostgreSQL, bm25 on SQLite."""
    if connection.vendor == "postgresql":
        return TsRank(tokens)
    return Bm25(model, tokens)


def _one(condition: Q) -> Case:
    return Case(When(condition, then=Value(1.0)), default=Value(0.0), output_field=FloatField())


@dataclass
class Sources:
    """Where a model's rows are found besides their own words."""

    kind: bool = False  # an incentive: its kind's names
    program: bool = False  # a fact: its program's name and aliases
    indicator: bool = False  # a metric: its indicator's names and wordings


SOURCES = {"incentive": Sources(kind=True, program=True), "metric": Sources(indicator=True, program=True)}


@dataclass
class Search:
    condition: Q  # the rows that match
    rank: Expression  # how well, larger is better


def search(model, query: str) -> Search | None:
    """What `query` matches among `model`'s rows and how well: None when the query is empty."""
    found = parts(query)
    if not found:
        return None
    sources = SOURCES.get(model._meta.model_name, Sources())
    tokens_by_part = [words(p) if len(p) > 1 else () for p in found]
    indicators = indicators_matching(tokens_by_part) if sources.indicator else [[] for _ in found]
    conditions, scores = [], []
    for part, tokens, indicator_ids in zip(found, tokens_by_part, indicators):
        if not tokens:
            # Too short for words (one character): a substring of the stored words, unindexed.
            conditions.append(Q(search_text__contains=part))
            continue
        alternatives = [words_match(model, tokens)]
        if sources.kind and (kinds := kinds_matching(tokens)):
            alternatives.append(Q(kind__in=kinds))
        if sources.program and (by_program := programs_match(tokens)) is not None:
            alternatives.append(by_program)
        if indicator_ids:
            alternatives.append(Q(indicator__in=indicator_ids))
        conditions.append(reduce(or_, alternatives))
        scores.append(words_rank(model, tokens))
        if len(alternatives) > 1:  # else every row found matches its own words: nothing to count
            scores += [_one(a) for a in alternatives]
    rank = reduce(lambda a, b: a + b, scores) if scores else Value(0.0, output_field=FloatField())
    return Search(reduce(and_, conditions), rank)


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
