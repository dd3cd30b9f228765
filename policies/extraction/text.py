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
from .speed import quick

# One-to-one replacements: full-width ASCII block -> ASCII, exotic spaces -> " ".
_TRANS = {0xFF01 + i: 0x21 + i for i in range(0x5E)}  # ！..～ -> !..~
# Keep Chinese punctuation that carries meaning for sentence splitting and
# quoting as it is: full-width comma/colon/semicolon/parentheses/question mark
# are mapped to ASCII, which the regexes accept as well.
_TRANS.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20})
# Corner brackets, the quotation marks of some mirror sites and of pages set
# in the Hong Kong or Taiwan style, read as the curly quotes the rules expect.
_TRANS.update({ord("「"): ord("“"), ord("」"): ord("”"), ord("『"): ord("‘"), ord("』"): ord("’")})
TRANS = str.maketrans(_TRANS)
# Straight double quotes that pair up within a line ("人才新政"), as pages
# that lost their typography write them: opened and closed as curly quotes.
_STRAIGHT = re.compile(r'"([^"\n]{1,30})"')

CJK = "\u4e00-\u9fff"
# Characters to delete: CR, zero-width marks, U+FFFD left by a bad GBK
# decoding, thin spaces and commas between digit groups, blanks between a Chinese
# character (or a closing quote) and a digit (web pages write "超 2000 个"),
# before a range or list mark between digits and after such a mark before a
# digit (20 - 40, 6 、 9), soft hyphens.
_DELETE = quick(re.compile(
    rf"\r|[\u200b-\u200d\u2060\ufeff\u00ad\ufffd]"
    rf"|(?<=\d)[\u2009\u202f'](?=\d{{3}}(?!\d))"  # 2 000 / 2'000: digit groups
    rf"|(?<=\d)(?<!\d{{4}}),(?=\d{{3}}(?![\d.]))"  # 12,000 and 5,000万元: a thousands comma
    rf"|(?<=[{CJK}”’》)])[ \t]+(?=\d)"
    rf"|(?<=\d)[ \t]+(?=[{CJK}%㎡])"
    rf"|(?<=\d)[ \t]+(?=(?:——|[-—–~、])[ \t]*\d)|(?:(?<=——)|(?<=[-—–~、]))[ \t]+(?=\d)"  # 20 - 40, 6 、 9
))
# A blank between thousands (1 200, 3 000万元): one to three digits, then three.
_GROUP_BLANK = re.compile(r"(?<![\d.])\d{1,3}( )(?=\d{3}(?![\d.]))")
# A blank line between two Chinese characters, where the line before it is a
# long paragraph that stops without punctuation: a word broken in two.
_BREAK = re.compile(rf"(?<=[{CJK}])\n[ \t]*\n\s*(?=[{CJK}])")
_SENT_END = "。！？!?；;…\n"
_BROKEN_LINE_MIN = 40  # shorter lines are headlines, not broken paragraphs
# A single line break inside a sentence, as hard-wrapped pages (print
# versions, PDF text, some mirror sites) break every paragraph: the line
# before holds a clause mark (prose, not a headline or a byline) and stops on
# a character with no punctuation, and the next line opens with no item mark
# and is no longer than it (a wrapped paragraph's lines share one width, its
# last line is shorter; a headline with a comma is followed by a longer one).
_WRAP = quick(re.compile(rf"(?:(?<=[{CJK}\d])|(?<=\d\.))\n(?=[{CJK}\d])"))  # 1.\n2万: a number cut too
_WRAP_LINE_MIN = 26  # table rows (博士，每月3000元) are shorter
_WRAP_SLACK = 4  # digits and Latin letters are half as wide
_PROSE = re.compile(r"[，,。；;]")
_ITEM_START = re.compile(r"(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、]|[①-⑳]|第[一二三四五六七八九十百\d]+条)")
# A line said again word for word, blanks aside (a mirror page that prints its article
# twice, a title repeated as the first line of the body) is read once: its
# figures and quoted names are not new facts, nor a name used twice.
_REPEAT_MIN = 16
_BLANKS = re.compile(r"\s+")  # a mirror page may space a line it repeats otherwise


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


def _wrapped(text: str) -> list[tuple[int, int, bool]]:
    """The single line breaks that cut a sentence in two (_WRAP)."""
    spans = []
    for m in _WRAP.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1: m.start()]
        nxt = text.find("\n", m.end())
        longer = (len(text) if nxt < 0 else nxt) - m.end() > len(line) + _WRAP_SLACK
        if len(line) >= _WRAP_LINE_MIN and _PROSE.search(line) and not longer \
                and not _ITEM_START.match(text, m.end()):
            spans.append((m.start(), m.end(), True))
    return spans


def _repeated_lines(text: str) -> list[tuple[int, int, bool]]:
    """Each line that repeats an earlier one word for word, with the break before it."""
    seen, spans, pos = set(), [], 0
    for line in text.split("\n"):
        key = _BLANKS.sub("", line)
        if len(key) >= _REPEAT_MIN and key in seen and pos > 0:
            spans.append((pos - 1, pos + len(line), False))
        seen.add(key)
        pos += len(line) + 1
    return spans


def _deletions(text: str, dropped: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """What normalisation deletes: odd marks and blanks, the page's furniture
    lines (`dropped`), the breaks inside a word (not next to a dropped line,
    which would join the lines around it), a line said again, and the break of
    a hard-wrapped sentence."""
    spans = [(m.start(), m.end(), False) for m in _DELETE.finditer(text)]
    spans += [(m.start(1), m.end(1), False) for m in _GROUP_BLANK.finditer(text)]
    spans += [(s, e, False) for s, e in dropped]
    edges = {s for s, _ in dropped} | {e for _, e in dropped}
    for m in _BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start >= _BROKEN_LINE_MIN and m.end() not in edges and m.start() not in edges:
            spans.append((m.start(), m.end(), True))
    repeated = [r for r in _repeated_lines(text) if not any(s <= r[1] and r[0] <= e for s, e in dropped)]
    cut = [(s, e) for s, e, _ in repeated] + [(s - 1, e + 1) for s, e in dropped]
    spans += repeated
    spans += [w for w in _wrapped(text) if not any(s <= w[0] < e for s, e in cut)]
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


_HAN = re.compile(f"[{CJK}]")


def word_start(norm: str, i: int, reach: int = 4) -> int:
    """`i`, or the start of the word it falls inside when `i` cuts one in two
    (…硕士毕|业生…: the start of 毕业生), as jieba segments the words around it;
    never more than `reach` characters back."""
    if i <= 0 or i >= len(norm) or not (_HAN.match(norm, i - 1) and _HAN.match(norm, i)):
        return i
    import jieba  # loaded on the first cut, as the extractor's word lists are

    lo = max(0, i - 2 * reach)
    at = lo
    for word in jieba.cut(norm[lo: i + 2 * reach], HMM=False):
        if at <= i < at + len(word):
            return at if i - at <= reach else i
        at += len(word)
    return i


_SENT_RE = re.compile(f"[{re.escape(_SENT_END)}]+")
_PARA_RE = re.compile(r"\n+")


def normalise(text: str) -> Doc:
    t = _STRAIGHT.sub(lambda m: f"“{m.group(1)}”", text.translate(TRANS))
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
