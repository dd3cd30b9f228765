"""The indicator vocabulary, and the matcher that gives a metric its indicator.

Districts word the same figure in many ways (人才总量, 人才资源总量, 区域人才总量);
an indicator is the comparable quantity behind those wordings, so that
/compare/ can line districts up on one row. The vocabulary is data,
`indicators.json` beside this module: the categories, then each indicator's
stable `code`, Chinese and English name, `unit` (the schema's units),
`category`, the `wordings` that name it in a metric label, and optionally
`requires` and `excludes`. This module loads it once at import, compiles it,
and matches; it is plain Python with no Django import, like the rest of the
extractor.

The matching rule, `indicator_for(label, unit, quote)`:

1. The text is normalised (NFKC, so full-width ＧＤＰ reads as GDP; upper
   case; white space dropped).
2. A *candidate* is an occurrence of a wording as a substring of the label,
   for an indicator
   - whose unit is the metric's unit (a count never gets a CNY indicator),
   - where the label or the quote contains at least one of the indicator's
     `requires` words, if it has any (`gdp_growth` requires 增长/增速/下降…,
     so that 地区生产总值 in percent without them is no growth rate), and
   - where neither the label nor the quote contains one of its `excludes`
     words (博士 excludes 博士后 and 邀请, 高校毕业生 excludes 政策, a growth
     rate excludes 占 and 比重, a count excludes 比上年: that is a difference).
3. The longest wording wins, since it is the most specific
   (引进高层次人才 over 高层次人才, 博士后工作站 over 博士); between wordings
   of the same length the one ending last wins, since a Chinese noun phrase
   ends on its head (招聘会参会企业 names the employers, not the fair).
   Where one wording belongs to several indicators of the unit, those with
   `requires` are tried first (高层次人才 is `high_level_talent_attracted` when
   the label says 引进, else `high_level_talent`), then the file's order.
4. Only when the label gives no candidate is the same done on the quote,
   since labels are sometimes cut short while the quote names the figure.
5. Otherwise the metric has no indicator (None) and keeps its label.

Precision comes before coverage: a wrong indicator makes /compare/ put two
different quantities on one row, while a metric without one is still shown
under its own label. So a bare 人才 or 青年人才 maps to nothing.

The scan is one compiled regular expression per unit, an alternation of the
unit's wordings (longest first) inside a lookahead, so one pass over the text
finds the longest wording starting at each position; the shorter wordings
that are prefixes of it are known in advance. Labels are short, so matching
costs a few microseconds per metric.

Run `python -m policies.extraction.indicators FILE.json` on an export to see
which labels got which indicator.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

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


def normalise(text: str) -> str:
    """The form wordings and labels are compared in."""
    return "".join(unicodedata.normalize("NFKC", text).upper().split())


def load(path: Path = VOCABULARY_FILE) -> tuple[tuple[Category, ...], tuple[Indicator, ...]]:
    """Read the vocabulary file; raise ValueError on anything inconsistent."""
    data = json.loads(path.read_text(encoding="utf-8"))
    categories = tuple(Category(**c) for c in data["categories"])
    known = {c.code for c in categories}
    indicators = []
    seen = set()
    for row in data["indicators"]:
        ind = Indicator(
            code=row["code"], name_zh=row["name_zh"], name_en=row["name_en"],
            unit=row["unit"], category=row["category"],
            wordings=tuple(row["wordings"]),
            requires=tuple(row.get("requires", ())),
            excludes=tuple(row.get("excludes", ())),
        )
        problems = []
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
        for w in ind.wordings + ind.requires + ind.excludes:
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

    def match(self, text: str, context: str) -> Indicator | None:
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
                if ind.requires and not any(r in context for r in ind.requires):
                    continue
                if any(x in context for x in ind.excludes):
                    continue
                return ind
        return None


_MATCHERS = {
    unit: _UnitMatcher([i for i in VOCABULARY if i.unit == unit])
    for unit in {i.unit for i in VOCABULARY}
}


def indicator_for(label: str, unit: str, quote: str = "") -> str | None:
    """The code of the indicator a metric measures, or None (see the module's rule)."""
    matcher = _MATCHERS.get(unit)
    if matcher is None:
        return None
    label, quote = normalise(label), normalise(quote)
    # The quote is the figure's own span: its words say as much as the label's
    # about growth (增长), intake (引进) or what the figure is not (博士后).
    context = f"{label}|{quote}"
    for text in (label, quote):
        if text:
            found = matcher.match(text, context)
            if found is not None:
                return found.code
    return None


def _report(path: str) -> None:
    """Print label -> indicator for the metrics of an export, and the coverage."""
    metrics = json.loads(Path(path).read_text(encoding="utf-8"))["metrics"]
    hits = 0
    districts: dict[str, set] = {}
    for m in metrics:
        code = indicator_for(m["label"], m["unit"], m.get("quote") or "")
        if code:
            hits += 1
            districts.setdefault(code, set()).add(m["district"])
        print(f"{code or '-':32} {m['unit']:8} {m['label']} | {m.get('quote')}")
    shared = sum(1 for d in districts.values() if len(d) >= 3)
    print(f"{hits}/{len(metrics)} metrics carry an indicator ({hits / max(len(metrics), 1):.0%}); "
          f"{len(districts)} indicators used, {shared} by 3 or more districts")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        _report(arg)
