"""The indicator vocabulary, and the matcher that gives a metric its indicator.

Districts word the same figure in many ways (人才总量, 人才资源总量, 区域人才总量);
an indicator is the comparable quantity behind those wordings, so that
/compare/ can line districts up on one row. The vocabulary is data,
`indicators.json` beside this module: the categories, named sets of measure
words, then each indicator's stable `code`, Chinese and English name, `unit`
(the schema's units), `category`, the `wordings` that name it in a metric
label, and optionally `requires`, `excludes`, `measures` and `frames`. This
module loads it once at import, compiles it, and matches; it is plain Python
with no Django import, like the rest of the extractor.

The matching rule, `indicator_for(label, unit, quote, measure=, before=,
after=, sentence=)`:

1. The text is normalised (NFKC, so full-width ＧＤＰ reads as GDP; upper
   case; white space dropped).
2. A *candidate* is an occurrence of a wording as a substring of the label,
   for an indicator
   - whose unit is the metric's unit (a count never gets a CNY indicator),
   - whose `measures`, if it names any, include the figure's measure word: a
     count of people is in 人/名/位, of flats in 套/间/户, of firms in 家
     (8所科研院校共建专家工作站 counts institutes, not workstations; 两种方式
     引进医学类人才 counts ways, not doctors),
   - where the *context* contains at least one of the indicator's
     `requires` words, if it has any (`gdp_growth` requires 增长/增速/下降…,
     so that 地区生产总值 in percent without them is no growth rate), and
   - where the context contains none of its `excludes` words (博士 excludes
     博士后 and 邀请, 高校毕业生 excludes 政策, a growth rate excludes 占 and
     比重, a count excludes 比上年: that is a difference).
   The context is the label, the quote and the figure's own item of its
   clause: the words from the last comma before the quote to the next
   comma or 、 after it, less the items before it that 、 sets apart when
   they carry figures of their own, titles in 《》 left out (吸引【100多名青年】参加活动 are
   participants, not young talent attracted; 引进的【300多名博士】和硕士 are
   no count of doctorates).
3. The longest wording wins, since it is the most specific
   (引进高层次人才 over 高层次人才, 博士后工作站 over 博士); between wordings
   of the same length the one ending last wins, since a Chinese noun phrase
   ends on its head (招聘会参会企业 names the employers, not the fair).
   Where one wording belongs to several indicators of the unit, those with
   `requires` are tried first (高层次人才 is `high_level_talent_attracted` when
   the label says 引进, else `high_level_talent`), then the file's order.
4. Only when the label gives no candidate is the same done on the quote,
   since labels are sometimes cut short while the quote names the figure.
5. Only when neither does, the figure's *frames* are tried: a frame of an
   indicator is a list of `near` words (one must be in the label, the quote
   or the figure's clause), `sentence` words (one must be in its sentence)
   and optionally its own `measures`, with the indicator's measures,
   requires and excludes as above. This reads what the label lost when it
   was cut from a verb phrase: 【51名优秀人才通过现场抽签】的方式成功配租 in
   a sentence about 人才公寓 is talent housed; 共吸引了【45家企业】参加 in a
   sentence about a 招聘会 is recruiting employers; 【371套主体已封顶】 in one
   about 人才公寓 is talent apartments. Where the frames of several
   indicators fit, the one with `requires` met wins if it is alone, else the
   figure gets none.
6. Otherwise the metric has no indicator (None) and keeps its label.

Precision comes before coverage: a wrong indicator makes /compare/ put two
different quantities on one row, while a metric without one is still shown
under its own label. So a bare 人才 or 青年人才 maps to nothing.

The scan is one compiled regular expression per unit, an alternation of the
unit's wordings (longest first) inside a lookahead, so one pass over the text
finds the longest wording starting at each position; the shorter wordings
that are prefixes of it are known in advance. Labels are short, so matching
costs a few microseconds per metric.

Run `python -m policies.extraction.indicators FILE.json` on an export to see
which labels got which indicator (`--sample 60 --seed 1` for an eye check).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .lexicon import any_of, entries

VOCABULARY_FILE = Path(__file__).with_name("indicators.json")

UNITS = ("count", "CNY", "m2", "day", "month", "year", "percent")


@dataclass(frozen=True)
class Category:
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    name_en: str
    unit: str
    category: str
    wordings: tuple[str, ...]
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()  # the measure words a count of it may have; () = any
    # (near words, sentence words, measure words): see `indicator_for`
    frames: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = ()


def normalise(text: str) -> str:
    """The form wordings and labels are compared in."""
    return "".join(unicodedata.normalize("NFKC", text).upper().split())


def load(path: Path = VOCABULARY_FILE) -> tuple[tuple[Category, ...], tuple[Indicator, ...]]:
    """Read the vocabulary file; raise ValueError on anything inconsistent."""
    data = json.loads(path.read_text(encoding="utf-8"))
    categories = tuple(Category(**c) for c in data["categories"])
    known = {c.code for c in categories}
    measure_sets = {name: tuple(ws) for name, ws in data.get("measure_sets", {}).items()}
    indicators = []
    seen = set()
    for row in data["indicators"]:
        problems = []
        measures = row.get("measures", ())
        if isinstance(measures, str):
            if measures not in measure_sets:
                problems.append(f"unknown measure set {measures!r}")
            measures = measure_sets.get(measures, ())
        frames = tuple((tuple(f.get("near", ())), tuple(f["sentence"]), tuple(f.get("measures", ())))
                       for f in row.get("frames", ()))
        ind = Indicator(
            code=row["code"], name_zh=row["name_zh"], name_en=row["name_en"],
            unit=row["unit"], category=row["category"],
            wordings=tuple(row["wordings"]),
            requires=tuple(row.get("requires", ())),
            excludes=tuple(row.get("excludes", ())),
            measures=tuple(measures),
            frames=frames,
        )
        if not re.fullmatch(r"[a-z][a-z0-9_]*", ind.code):
            problems.append("code is not snake_case")
        if ind.code in seen:
            problems.append("code repeated")
        if ind.unit not in UNITS:
            problems.append(f"unknown unit {ind.unit!r}")
        if ind.category not in known:
            problems.append(f"unknown category {ind.category!r}")
        if not ind.wordings:
            problems.append("no wordings")
        if not (ind.name_zh and ind.name_en):
            problems.append("a name is missing")
        if ind.measures and ind.unit != "count":
            problems.append("measure words for a unit that is not a count")
        if any(not sentence for _, sentence, _ in ind.frames):
            problems.append("a frame without sentence words")
        framed = tuple(w for near, sentence, _ in ind.frames for w in near + sentence)
        for w in ind.wordings + ind.requires + ind.excludes + framed:
            if not w or normalise(w) != w:
                problems.append(f"{w!r} is not in normal form (NFKC, upper case, no spaces)")
        if problems:
            raise ValueError(f"indicator {ind.code}: " + "; ".join(problems))
        seen.add(ind.code)
        indicators.append(ind)
    return categories, tuple(indicators)


CATEGORIES, VOCABULARY = load()
BY_CODE: dict[str, Indicator] = {i.code: i for i in VOCABULARY}


class _UnitMatcher:
    """The wordings of one unit, compiled."""

    def __init__(self, indicators: list[Indicator]):
        owners: dict[str, list[Indicator]] = {}
        for ind in indicators:
            for w in ind.wordings:
                owners.setdefault(w, []).append(ind)
        # Indicators that ask for a word are tried before the plain ones that
        # share the wording; sorted() is stable, so the file's order is kept.
        self.owners = {w: sorted(inds, key=lambda i: not i.requires) for w, inds in owners.items()}
        words = sorted(self.owners, key=lambda w: (-len(w), w))
        self.pattern = re.compile("(?=(" + "|".join(map(re.escape, words)) + "))")
        self.prefixes = {
            w: [p for p in words if len(p) < len(w) and w.startswith(p)] for w in words
        }

        self.framed = [i for i in indicators if i.frames]

    def match(self, text: str, context: str, measure: str | None) -> Indicator | None:
        """The indicator named in `text`; `context` is what requires/excludes look at."""
        found = []
        for m in self.pattern.finditer(text):
            start, word = m.start(), m.group(1)
            found.append((word, start))
            found.extend((p, start) for p in self.prefixes[word])
        if not found:
            return None
        found.sort(key=lambda f: (-len(f[0]), -(f[1] + len(f[0]))))
        for word, _ in found:
            for ind in self.owners[word]:
                if _fits(ind, context, measure):
                    return ind
        return None

    def frame(self, near: str, sentence: str, context: str, measure: str | None) -> Indicator | None:
        """The indicator whose frame the figure fits: one of the frame's `near` words
        (if it has any) around the figure, one of its `sentence` words in the
        sentence, its measure word if it names any. None where none fits, or
        where several do and only one of them asks for a word (`requires`) that
        is there, it wins; otherwise None: two readings, no indicator."""
        hits = [
            ind for ind in self.framed
            if _fits(ind, context, measure) and any(
                (not n or any(w in near for w in n)) and any(w in sentence for w in s)
                and (not m or measure in m)
                for n, s, m in ind.frames)
        ]
        if len(hits) > 1:
            hits = [ind for ind in hits if ind.requires]
        return hits[0] if len(hits) == 1 else None


def _fits(ind: Indicator, context: str, measure: str | None) -> bool:
    """Whether `ind` may be the indicator of a figure with this context and measure word."""
    if ind.measures and measure and measure not in ind.measures:
        return False
    if ind.requires and not any(r in context for r in ind.requires):
        return False
    return not any(x in context for x in ind.excludes)


_MATCHERS = {
    unit: _UnitMatcher([i for i in VOCABULARY if i.unit == unit])
    for unit in {i.unit for i in VOCABULARY}
}


_TITLE = re.compile(r"《[^《》]*》")
_QUOTES = re.compile(r"[“”‘’\"'「」]")
_RANK = re.compile(any_of(entries("indicators_words")["rank"]) + r"(?:前|第)$")
_DIGIT = re.compile(r"[\d一二三四五六七八九十百千万亿两]")


def _own_item(before: str, after: str) -> tuple[str, str]:
    """The parts of a figure's clause that belong to it. After the figure a 、
    starts another item (8所科研院校共建专家工作站、研究生联培基地); before it,
    a 、 ends an earlier item only when that item has a figure of its own
    (引育博士1000名、【硕士10000名】), not when it lists the names the figure
    counts (柔性引进甘肃农业大学、甘肃中医药大学等【高层次专业人才10名】)."""
    parts = before.split("、")
    cut = max((k for k, p in enumerate(parts[:-1]) if _DIGIT.search(p)), default=-1)
    return "、".join(parts[cut + 1:]), after.split("、", 1)[0]


def indicator_for(label: str, unit: str, quote: str = "", *, measure: str | None = None,
                  before: str = "", after: str = "", sentence: str = "") -> str | None:
    """The code of the indicator a metric measures, or None (see the module's rule).

    `measure` is the figure's measure word (家, 名, 套); `before` and `after` are
    the rest of its clause on each side of the quote (between commas or stops),
    `sentence` its whole sentence."""
    matcher = _MATCHERS.get(unit)
    if matcher is None:
        return None
    label, quote, before, after = map(normalise, (label, quote, before, after))
    # a title names a document, not the figure (《…引进高层次人才…流程》等10余个政策文件)
    before, after = _TITLE.sub("《》", before), _TITLE.sub("《》", after)
    # The quote is the figure's own span and its clause what surrounds it: their
    # words say as much as the label's about growth (增长), intake (引进) or
    # what the figure is not (博士后, 学生参加活动, 可为…提供). After the figure
    if _RANK.search(before):  # 世界大学排名前【100名院校研究生】: a rank, not a count
        return None
    own_before, own_after = _own_item(before, after)
    context = f"{label}|{own_before}|{quote}|{own_after}"
    for text in (label, quote):
        if text:
            found = matcher.match(text, context, measure)
            if found is not None:
                return found.code
    if sentence:  # normalised only here: most metrics are matched on their label
        near = _QUOTES.sub("", f"{label}|{before}|{quote}|{after}")  # 350多家企业“抢”到了
        found = matcher.frame(near, normalise(sentence), context, measure)
        if found is not None:
            return found.code
    return None


def _report(path: str, sample: int = 0, seed: int = 0) -> None:
    """Print label -> indicator for the metrics of an export (or `sample` of
    them drawn at random with `seed`, for an eye check), and the coverage."""
    metrics = json.loads(Path(path).read_text(encoding="utf-8"))["metrics"]
    hits = 0
    districts: dict[str, set] = {}
    codes = []
    for m in metrics:
        # an export made by the extractor carries the indicator read in context;
        # an older one (or a gold file) is matched on its label and quote alone
        code = m["indicator"] if "indicator" in m else indicator_for(m["label"], m["unit"], m.get("quote") or "")
        codes.append(code)
        if code:
            hits += 1
            districts.setdefault(code, set()).add(m["district"])
    shown = list(zip(codes, metrics))
    if sample:
        shown = random.Random(seed).sample(shown, min(sample, len(shown)))
    for code, m in shown:
        print(f"{code or '-':32} {m['unit']:8} {m['label']} | {m.get('quote')}")
    shared = sum(1 for d in districts.values() if len(d) >= 3)
    print(f"{hits}/{len(metrics)} metrics carry an indicator ({hits / max(len(metrics), 1):.1%}); "
          f"{len(districts)} indicators used, {shared} by 3 or more districts")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="label -> indicator for the metrics of exports, and the coverage")
    parser.add_argument("exports", nargs="+", help="JSON files in the export's shape")
    parser.add_argument("--sample", type=int, default=0, help="show only this many metrics, drawn at random")
    parser.add_argument("--seed", type=int, default=0, help="the draw's seed")
    options = parser.parse_args()
    for arg in options.exports:
        _report(arg, options.sample, options.seed)
