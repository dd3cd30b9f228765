"""Normalisation with an offset map, and sentence/paragraph/clause boundaries.

Normalisation only ever replaces one character by one character (full-width
digits and letters, odd spaces) or deletes characters (carriage returns,
zero-width marks, blanks between a digit and a Chinese character, and the
blank lines that break a word in two, as in scraped newspaper pages). The
deletions are recorded as breakpoints so that any offset in the normalised
text maps back to the original text with a bisect.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .boilerplate import page_lines

# One-to-one replacements: full-width ASCII block -> ASCII, exotic spaces -> " ".
_TRANS = {0xFF01 + i: 0x21 + i for i in range(0x5E)}  # ！..～ -> !..~
# Keep Chinese punctuation that carries meaning for sentence splitting and
# quoting as it is: full-width comma/colon/semicolon/parentheses/question mark
# are mapped to ASCII, which the regexes accept as well.
_TRANS.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20})
TRANS = str.maketrans(_TRANS)

CJK = "\u4e00-\u9fff"
# Characters to delete: CR, zero-width marks, U+FFFD left by a bad GBK
# decoding, thin spaces between digit groups, blanks between a Chinese
# character and a digit (web pages write "超 2000 个"), soft hyphens.
_DELETE = re.compile(
    rf"\r|[\u200b-\u200d\u2060\ufeff\u00ad\ufffd]"
    rf"|(?<=\d)[\u2009\u202f'](?=\d{{3}}(?!\d))"  # 2 000 / 2'000: digit groups
    rf"|(?<=[{CJK}])[ \t]+(?=\d)"
    rf"|(?<=\d)[ \t]+(?=[{CJK}%])"
)
# A blank between thousands (1 200, 3 000万元): one to three digits, then three.
_GROUP_BLANK = re.compile(r"(?<![\d.])\d{1,3}( )(?=\d{3}(?![\d.]))")
# A blank line between two Chinese characters, where the line before it is a
# long paragraph that stops without punctuation: a word broken in two.
_BREAK = re.compile(rf"(?<=[{CJK}])\n[ \t]*\n\s*(?=[{CJK}])")
_SENT_END = "。！？!?；;…\n"
_BROKEN_LINE_MIN = 40  # shorter lines are headlines, not broken paragraphs


@dataclass
class Doc:
    """The original text, its normalised form and the boundaries in it."""

    orig: str
    norm: str
    _bp_norm: list[int] = field(default_factory=list)  # norm positions where a deletion happened
    _bp_delta: list[int] = field(default_factory=list)  # cumulative deleted chars at that point
    joins: list[int] = field(default_factory=list)  # norm positions where a broken word was joined
    sent_starts: list[int] = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    quiet: list[tuple[int, int]] = field(default_factory=list)  # byline lines, original offsets
    dropped: list[tuple[int, int]] = field(default_factory=list)  # page furniture lines, original offsets

    def body(self) -> str:
        """The original text without its page furniture lines."""
        out, pos = [], 0
        for s, e in self.dropped:
            out.append(self.orig[pos:s])
            pos = e
        return "".join(out) + self.orig[pos:]

    def is_quiet(self, i: int) -> bool:
        """Whether position `i` of the normalised text is on a byline line."""
        o = self.to_orig(i)
        k = bisect_right(self.quiet, (o, len(self.orig) + 1)) - 1
        return k >= 0 and self.quiet[k][0] <= o < self.quiet[k][1]

    def to_orig(self, i: int) -> int:
        """Map a start offset of the normalised text to the original text."""
        k = bisect_right(self._bp_norm, i) - 1
        return i + (self._bp_delta[k] if k >= 0 else 0)

    def to_orig_end(self, j: int) -> int:
        """Map an end offset (exclusive)."""
        if j <= 0:
            return 0
        return self.to_orig(j - 1) + 1

    def sentence_of(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def sentence_span(self, k: int) -> tuple[int, int]:
        s = self.sent_starts[k]
        e = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.norm)
        return s, e

    def paragraph_of(self, i: int) -> int:
        return bisect_right(self.para_starts, i) - 1

    def paragraph_span(self, k: int) -> tuple[int, int]:
        s = self.para_starts[k]
        e = self.para_starts[k + 1] if k + 1 < len(self.para_starts) else len(self.norm)
        return s, e


def _deletions(text: str, dropped: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """What normalisation deletes: odd marks and blanks, the page's furniture
    lines (`dropped`), and the breaks inside a word (not next to a dropped line,
    which would join the lines around it)."""
    spans = [(m.start(), m.end(), False) for m in _DELETE.finditer(text)]
    spans += [(m.start(1), m.end(1), False) for m in _GROUP_BLANK.finditer(text)]
    spans += [(s, e, False) for s, e in dropped]
    edges = {s for s, _ in dropped} | {e for _, e in dropped}
    for m in _BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start >= _BROKEN_LINE_MIN and m.end() not in edges and m.start() not in edges:
            spans.append((m.start(), m.end(), True))
    spans.sort()
    return spans


# The mark of a numbered item, heading or article: (一), （3）, 一、, 1., ①, 第三条
ITEM_MARK = r"(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、]|[①-⑳]|第[一二三四五六七八九十百\d]+条)"
# Marks that end the clause a figure stands in, for the words before it.
CLAUSE_BOUND = re.compile(r"[,，。;；、:：!?！？\n()（）《》 \t]")


def clause_before(norm: str, end: int, limit: int = 24, bound: re.Pattern = CLAUSE_BOUND) -> str:
    """The words of the clause before position `end`, at most `limit` of them."""
    seg = norm[max(0, end - limit): end]
    cut = max((m.end() for m in bound.finditer(seg)), default=0)
    return seg[cut:]


_SENT_RE = re.compile(f"[{re.escape(_SENT_END)}]+")
_PARA_RE = re.compile(r"\n+")


def normalise(text: str) -> Doc:
    t = text.translate(TRANS)
    dropped, quiet = page_lines(t)
    spans = _deletions(t, dropped)
    pieces: list[str] = []
    bp_norm: list[int] = []
    bp_delta: list[int] = []
    joins: list[int] = []
    pos = 0
    npos = 0
    deleted = 0
    last_end = -1
    for s, e, is_join in spans:
        if s < last_end:  # overlapping deletions (never expected, but be safe)
            s = last_end
            if s >= e:
                continue
        pieces.append(t[pos:s])
        npos += s - pos
        deleted += e - s
        bp_norm.append(npos)
        bp_delta.append(deleted)
        if is_join:
            joins.append(npos)
        pos = last_end = e
    pieces.append(t[pos:])
    norm = "".join(pieces)
    doc = Doc(text, norm, bp_norm, bp_delta, joins, quiet=quiet, dropped=dropped)
    doc.sent_starts = [0] + [m.end() for m in _SENT_RE.finditer(norm)]
    doc.para_starts = [0] + [m.end() for m in _PARA_RE.finditer(norm)]
    return doc
