"""The pipeline: named stages that each take data and return new data.

    text -> sentences -> quantities -> classification -> ranges as two bounds
         -> parts of an offer as metrics -> the learned step -> repeats dropped
         -> district attribution -> no facts dropped -> program attribution -> periods and goals
         -> labels and indicators -> facts -> restated headlines dropped

`Article` is what every stage may read (the normalised text and what is known
of the article as a whole); a `Figure` is one number on its way through the
stages, each of which returns new figures (speed.evolve) and never
changes the ones it was given. Repeats go right after classification, not at
the end: the attribution and label stages count the figures of a sentence in
order (A、B两县分别…, 分别增长8.1%和12.4%), and a repeat must not be counted.
Spans stay in the normalised text until the facts are made, which maps them
back to the original text.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import labels, learned, meta, nonfacts, terms
from .indicators import indicator_for
from .attribution import Districts, Programs, districts_of, programs_of
from .classify import classify, is_offer_part, kind_fits, metric_label, noun_after, quote_start
from .facts import ArticleExtraction, IncentiveFact, MetricFact, Quantity
from .groups import figure_groups
from .lexicon import any_of, entries
from .periods import period_at, target_at, time_marks
from .places import place, resolve
from .quantities import RawQuantity, find_quantities
from .speed import evolve
from .text import ITEM_MARK, Doc, clause_before, normalise

_GOAL_LIST = re.compile(r"目标(?:任务)?(?:是|为)?[:：]")
_ITEM = re.compile(rf"^\s*{ITEM_MARK}")


@dataclass(frozen=True)
class Article:
    text: str
    doc: Doc
    title: str
    publisher: str
    published: str
    codes: tuple[str, ...]  # the districts it is about, most relevant first
    located: tuple[tuple[int, int, str], ...]  # every district named: (start, end, adcode)
    label_places: frozenset  # names a metric label must not carry
    content_end: int  # where another post's titles begin (往期回顾)


@dataclass(frozen=True)
class Figure:
    q: RawQuantity
    sentence: int
    sent_start: int
    sent_end: int
    para_start: int
    headline: bool  # its paragraph is a headline
    row: bool  # its paragraph is a table row
    kind: str | None = None
    label: str = ""
    after: str = ""  # the noun after it
    qualifier: str = "eq"
    start: int = 0  # quote span in the normalised text
    end: int = 0
    district: str | None = None
    program: str | None = None
    period: str | None = None
    target: bool = False
    indicator: str | None = None  # a metric's, from indicators.py
    rule: str = ""  # the row of classify.RULES that decided its kind


def sentences(text: str) -> Article:
    """Normalise the text, split it, read its metadata and its districts."""
    doc = normalise(text)
    codes, located = resolve(doc.norm)
    return Article(text=text, doc=doc, title=meta.title(text), publisher=meta.publisher(text),
                   published=meta.published(text, doc.body()), codes=tuple(codes), located=tuple(located),
                   label_places=frozenset(_label_places(codes)), content_end=terms.content_end(doc.norm))


def _district_names(codes) -> set[str]:
    out = set()
    for c in codes:
        p = place(c)
        if p:
            out.add(p.name)
            for suf in ("区", "县", "市"):
                if p.name.endswith(suf) and len(p.name) > 2:
                    out.add(p.name[:-1])
    return out


def _label_places(codes) -> set[str]:
    """Names a metric label must not carry: the article's districts, full and
    short, and their cities and provinces (丰台区, 丰台, 北京市, 北京)."""
    out = _district_names(codes)
    for c in codes:
        p = place(c)
        if p:
            for n in (p.city, p.province):
                out.add(n)
                for suf in entries("place_suffixes")["label_place"]:
                    if n.endswith(suf) and len(n) - len(suf) >= 2:
                        out.add(n[: -len(suf)])
    return {n for n in out if len(n) >= 2}


def _is_headline(para: str) -> bool:
    """A headline says a figure shorter than the body (免费住7天 / 免费入住7天).
    A short line of a policy document or a WeChat post is not one: an item
    (1. …；), a table row, a line that ends in a clause mark."""
    p = para.strip()
    if len(p) > 60 or "。" in p or "\t" in p or "；" in p or ";" in p or _ITEM.match(p):
        return False
    return not p.endswith(("，", ",", "：", ":"))


def quantities(a: Article) -> tuple[Figure, ...]:
    """Every figure of the article's own content that is not a condition."""
    doc, out = a.doc, []
    for q in find_quantities(doc.norm):
        if q.num_start >= a.content_end or doc.is_quiet(q.num_start) or terms.is_condition(doc.norm, q):
            continue  # another post's title; a byline; an eligibility condition or procedure
        si = doc.sentence_of(q.num_start)
        ss, se = doc.sentence_span(si)
        ps, pe = doc.paragraph_span(doc.paragraph_of(q.num_start))
        # its own lines: not the byline or caption after it that the normaliser blanked
        para = a.text[doc.to_orig(ps):doc.to_orig_end(ps + len(doc.norm[ps:pe].rstrip()))]
        out.append(Figure(q, si, ss, se, ps, headline=_is_headline(para), row="\t" in para.strip()))
    return tuple(out)


def _quote_span(doc: Doc, q: RawQuantity, after: str) -> tuple[int, int]:
    """The quote: the number with its bounding words and the noun it counts."""
    norm = doc.norm
    start, end = q.start, noun_after(norm, q)[1]
    if not after:
        start = quote_start(norm, q)
    while end > q.end and norm[end - 1] in "和及与、":
        end -= 1  # 1120.5亿元和1058.7亿元: the list word is not part of the figure
    for j in doc.joins:  # never quote across a broken line
        if start < j < end:
            if j > q.num_start:
                end = j
            else:
                start = j
    return start, end


def classified(a: Article, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """Each figure as an offer of a kind or a metric, with its noun and its quote."""
    out = []
    for f in figures:
        kind, label, after, qualifier, rule = classify(a.doc.norm, f.q, f.sent_start)
        start, end = _quote_span(a.doc, f.q, after)
        out.append(evolve(f, kind=kind, label=label, after=after, qualifier=qualifier, start=start, end=end,
                           rule=rule))
    return tuple(out)


def ranges_as_bounds(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """A range (2万元至12万元不等, 20-40平方米) is two facts of the same kind
    and quote, its low end `ge` and its high end `le` (RULES.md 4)."""
    out = []
    for f in figures:
        q = f.q
        if q.value_max is None:
            out.append(f)
            continue
        low = evolve(q, value_max=None, qualifier="ge")
        high = evolve(q, value=q.value_max, value_max=None, qualifier="le")
        out += [evolve(f, q=low, qualifier="ge"), evolve(f, q=high, qualifier="le")]
    return tuple(out)


def offer_parts(a: Article, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """One offer is one row at its total; its parts are metrics (RULES.md 2):
    flats or posts said of a part (已建成, 首批, 配租, 其中) beside the largest
    count of their kind, with the items listed after such a part, and amounts
    that add up to an amount before them in the sentence (分期给予30万元生活津贴
    (第1、3、5年分别给6、9、15万元): the 30万 is the offer, the 6, 9 and 15万 parts).
    Read once the figures of a city or another district are gone."""
    flats = [f.q.value for f in figures if f.kind == "apartment" and f.q.unit == "count"]
    norm, out = a.doc.norm, []
    if not flats:
        figures = _supplied_stock(norm, figures)
    totals = {kind: max((f.q.value for f in figures if f.kind == kind and f.q.unit == "count"), default=0)
              for kind in ("apartment", "jobs")}
    parts = _schedule_parts(norm, figures)
    part = None  # the last part of a stock: a list of items after it in its sentence are parts too
    for i, f in enumerate(figures):
        if f.kind in totals and f.q.unit == "count" and (
                is_offer_part(norm, f.q, totals[f.kind]) or _next_item(norm, part, f)):
            parts.add(i)
        if i in parts:
            before = clause_before(norm, f.q.start)
            part = f
            f = evolve(f, kind=None, label=metric_label(f.q, before, f.after))
        out.append(f)
    return tuple(out)


def _next_item(norm: str, part: Figure | None, f: Figure) -> bool:
    """The figure follows a part of the same kind in its sentence, a 、 between
    (其中管理类岗位312个、技术类岗位298个)."""
    return part is not None and part.kind == f.kind and part.sentence == f.sentence \
        and norm[part.q.end: f.q.start].count("、") == 1 and not re.search(r"[,，。;；]", norm[part.q.end: f.q.start])


# flats supplied or delivered to talent (已交付人才公寓300套, 累计供应人才住房1200套),
# not allocated or moved into (分配, 入住, 配租: RULES.md 2)
_SUPPLIED = re.compile(any_of(entries("pipeline_words")["supply_verb"]) + r"[\u4e00-\u9fff]{0,6}$")
_HOUSING = re.compile(any_of(entries("pipeline_words")["housing_noun"]))


def _supplied_stock(norm: str, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """With no flats offered in the article, the largest stock of flats
    supplied or delivered to talent is the offer (RULES.md 2: with no total,
    the largest stock stated is the incentive)."""
    best = None
    for i, f in enumerate(figures):
        if f.kind is not None or f.rule != "delivered" or f.q.measure not in ("套", "间"):
            continue
        before = clause_before(norm, f.q.start)
        if _SUPPLIED.search(before) and not re.search(r"分配|入住|配租", before) \
                and _HOUSING.search(before + f.after) and (best is None or f.q.value > figures[best].q.value):
            best = i
    if best is None:
        return figures
    f = figures[best]
    m = _HOUSING.search(f.after) or _HOUSING.search(clause_before(norm, f.q.start))
    return figures[:best] + (evolve(f, kind="apartment", label=m.group()),) + figures[best + 1:]


# how the parts of a payment are introduced: by year, by instalment, 其中
_SCHEDULE = re.compile(r"分期|分年|分[\d一二两三四五]+(?:年|次|期)|第[\d一二三四五]+(?:[、,，和至到-][\d一二三四五]+)*个?(?:年|期)|首期|其中|逐年")


def _schedule_parts(norm: str, figures: tuple[Figure, ...]) -> set[int]:
    """Indices of two or more amounts after an offer in its sentence that add
    up to it, when a schedule (第1、3、5年, 分期, 其中) introduces them: a list
    of tiers (3000元、2000元、1000元) may add up by chance."""
    parts: set[int] = set()
    for i, f in enumerate(figures):
        if not f.kind or f.q.unit != "CNY" or i in parts or i + 1 == len(figures):
            continue
        if not _SCHEDULE.search(norm, f.q.end, max(f.q.end, figures[i + 1].q.num_start)):
            continue
        run = 0.0
        for j in range(i + 1, len(figures)):
            g = figures[j]
            if g.sentence != f.sentence or g.q.unit != "CNY" or run > f.q.value:
                break
            run += g.q.value
            if j - i >= 2 and abs(run - f.q.value) <= 0.005 * f.q.value:
                parts.update(range(i + 1, j + 1))
                break
    return parts


def reviewed(a: Article, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """The learned step (learned.py): where the model is sure enough, it drops a
    figure that is no fact, or makes it a metric or an offer of another kind."""
    m, norm, out = learned.model(), a.doc.norm, []
    if m is None:
        return figures
    for f in figures:
        q = f.q
        verdict = m.decide(learned.features(norm, q.start, q.num_start, q.end, f.sent_start, q.unit, q.measure,
                                            f.qualifier, f.kind, f.rule), f.kind)
        if verdict == "none":
            continue
        if verdict == "metric" and f.kind:
            f = evolve(f, kind=None, label=metric_label(q, clause_before(norm, q.start), f.after))
        elif verdict not in ("metric", f.kind) and kind_fits(verdict, q.unit):
            f = evolve(f, kind=verdict, label=f.label if f.kind else (f.after or clause_before(norm, q.start)))
        out.append(f)
    return tuple(out)


# measure words that count the same things: a headline's 1200人 is the body's 1200名
_SAME_MEASURE = {"名": "人", "位": "人", "家": "个", "所": "个", "座": "个", "处": "个"}


# what a metric's label adds after the noun it counts (硕士目标数量 -> 硕士)
_LABEL_TAIL = re.compile(r"(?:目标)?" + any_of(entries("pipeline_words")["label_count_tail"]) + "?$")


def _same_head(a: str, b: str) -> bool:
    """Two metric labels that count the same noun by the same verb, whatever
    words of time, plan or reaching lead them (计划引育博士数量 and 实现引育博士
    数量; 硕士数量 and 硕士目标数量): the figure restated is one fact. 拟引入
    名优校长 and 拟培育名优校长 are two."""
    a, b = (_LABEL_TAIL.sub("", x) for x in (a, b))
    a, b = (x[m.end():] if (m := labels._LEAD.match(x)) else x for x in (a, b))
    return len(a) >= 2 and a == b


def without_repeats(norm: str, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """The same figure stated twice is one fact: twice in a sentence (26名医师
    分别与26位专家: a 1:1 pairing), but not as two items of a list (国家级工作站
    1家、省级工作站3家、院士工作站1家), or again with the same noun (headline and
    body). A bare kind word (补贴, 奖励) does not make two amounts one offer:
    给予2000元补贴 and a table row 硕士 2000元/月 are two. The end of a range
    is known with its other end: 硕士1-3万元、博士1-5万元 are four figures."""
    ranges: dict[tuple[int, int], list[float]] = {}  # a range's quote -> the values of its ends
    for f in figures:
        ranges.setdefault((f.q.start, f.q.end), []).append(round(f.q.value, 6))
    out, in_sentence, seen = [], {}, []
    for f in figures:
        q = f.q
        ends = ranges[(q.start, q.end)]
        pair = tuple(ends) if len(ends) > 1 else ()
        key = (f.sentence, q.unit, round(q.value, 6), q.qualifier, pair)  # 5%左右 and 控制在5%以内 are two goals
        if key in in_sentence and "、" not in norm[in_sentence[key]: q.start]:
            continue
        in_sentence[key] = q.end
        same = (f.kind, q.unit, round(q.value, 6), _SAME_MEASURE.get(q.measure, q.measure), pair)
        noun = f.after or f.label
        hit = next((k for k, d in enumerate(seen) if d[0] == same and (
            d[2] or ((len(noun) > 2 and (noun in d[1] or d[1] in noun)
                      or f.kind is None and _same_head(f.label, d[4])) and not (f.row and d[3])))), None)
        if hit is not None:
            if seen[hit][2] and not f.headline and out[hit] is not None:
                # the body's statement replaces the headline's: its sentence
                # has the subject and the context the later stages read
                out[hit] = None
                seen.append((same, noun, False, f.row, f.label))
                out.append(f)
            continue
        seen.append((same, noun, f.headline, f.row, f.label))
        out.append(f)
    return tuple(f for f in out if f is not None)


# a count of stations (建成青年人才驿站8个, 驿站共3处, 设立2处青年人才驿站), and a free stay
_STATIONS = re.compile(r"驿站[^,，。;；]{0,8}$")
_FREE_STAY = re.compile(r"(?:免费|无偿)(?:入住|住宿)")


def stations_offered(a: Article, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """Where the article offers a free stay at its stations (免费入住7天, 最长5晚
    免费住宿), the stations are offered to talent: the largest count of them is
    an offer of kind other, the others (new ones, a batch) its parts (RULES.md
    5, 2). Read once the figures of a city or another district are gone."""
    norm = a.doc.norm
    stays = any(f.kind == "rent_free_period" and f.q.unit == "day" for f in figures)
    counts = [i for i, f in enumerate(figures) if f.kind is None and f.q.unit == "count"
              and f.q.measure in ("个", "家", "处", "座")
              and (f.after.endswith("驿站") or not f.after and _STATIONS.search(clause_before(norm, f.q.start)))
              and (stays or _FREE_STAY.search(norm, f.sent_start, f.sent_end))]
    if not counts:
        return figures
    best = max(counts, key=lambda i: figures[i].q.value)
    return figures[:best] + (evolve(figures[best], kind="other", label="驿站"),) + figures[best + 1:]


def facts_only(a: Article, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """Without the figures that are no fact of their district (nonfacts.py):
    a city's or a province's total, someone's stay, a span, a person's figures."""
    areas = nonfacts.Areas(a.doc.norm, a.located, a.codes)
    return tuple(f for f in figures if nonfacts.is_fact(nonfact_clue(a, areas, f))[1])


def nonfact_clue(a: Article, areas: nonfacts.Areas, f: Figure) -> nonfacts.Clue:
    q = f.q
    return nonfacts.Clue(a.doc.norm, areas, q.num_start, q.end, f.sent_start, q.unit, q.measure, f.kind,
                         f.label, f.district, f.para_start)


_YEARS = re.compile(r"\d{4}\.\.\d{4}")


def periods_and_goals(a: Article, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """The period of each figure, and whether a metric is a goal (then dated by its target year)."""
    norm = a.doc.norm
    pub_year = int(a.published[:4]) if a.published[:4].isdigit() else None
    marks = time_marks(norm, pub_year)
    mark_pos = [m.pos for m in marks]
    out = []
    for f in figures:
        q = f.q
        period = period_at(marks, mark_pos, q.num_start, f.para_start)
        is_target, target_year = target_at(norm[f.sent_start: q.start], plans=f.kind is None)
        if not is_target and f.kind is None:
            # a list of goals after a colon (主要预期目标：…增长5%左右；…3.8万人以上):
            # every item up to the end of the sentence is a goal
            goal = None
            for goal in _GOAL_LIST.finditer(norm, f.para_start, q.start):
                pass
            if goal and not re.search(r"[。!?！？]", norm[goal.end(): q.start]):
                is_target = True
        if is_target and target_year:
            period = target_year
        elif is_target and period and _YEARS.fullmatch(period):
            period = period[-4:]  # a goal over 2022年至2027年 is dated by its target year, 2027
        # an offer is an offer, promised or not; only metrics are goals
        out.append(evolve(f, period=period, target=is_target and not f.kind))
    return tuple(out)


_CLAUSE_END = re.compile(r"[\s,，;；:：。!?！？(（]")  # where a figure's clause ends (indicators.py)


_RUN_BREAK = re.compile(r"[,，。;；:：!?！？\n]")


def _listed_subject(a: Article, figures: tuple[Figure, ...], f: Figure, runs: dict[int, list[int]]) -> str:
    """The subject a 分别 run gives this metric, where the sentence lists them
    (博士、硕士分别为30人和50人: 博士, then 硕士; 两种户型，分别为43平方米和56平方米:
    户型, twice), or ''. Only where the listed subjects match the run's metrics in number."""
    norm = a.doc.norm
    at = norm.rfind("分别", f.sent_start, f.q.start)
    if at < 0 or _RUN_BREAK.search(norm, at, f.q.start):
        return ""
    subjects = labels.listed_subjects(norm[f.sent_start:at], a.label_places)
    if not subjects:
        return ""
    if at not in runs:
        size = sum(1 for g in figures if not g.kind and g.sentence == f.sentence and g.q.start > at
                   and not _RUN_BREAK.search(norm, at, g.q.start))
        runs[at] = [size, 0]
    size, seen = runs[at]
    runs[at][1] += 1
    if len(subjects) == 1:
        return subjects[0]
    return subjects[seen] if len(subjects) == size and seen < size else ""


def labelled(a: Article, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """Each metric's label (labels.py) and indicator (indicators.py). A figure
    of a 分别 run whose sentence lists its subjects takes its own (博士、硕士分别为
    30人和50人; 两种户型，分别为43平方米和56平方米: 户型面积). A growth figure with
    no subject takes that of the metric before it in its sentence (新增人才…，
    同比增长9.6%), a 分别 run of them the subjects in order; a listed figure
    with no noun of its own the label of the figure before it. The indicator
    reads the label and the quote."""
    norm = a.doc.norm
    subjects: dict[int, list[str]] = {}  # sentence -> subjects of its metrics that named one
    runs: dict[int, list[int]] = {}  # sentence -> [figures in its 分别 run, seen]
    last: dict[tuple, str] = {}  # (sentence, unit) -> label of its last metric
    listed_runs: dict[int, list[int]] = {}  # where a 分别 stands -> [figures in its run, seen]
    out = []
    for f in figures:
        if f.kind:
            out.append(f)
            continue
        si, q = f.sentence, f.q
        subj = subjects.setdefault(si, [])
        listed = _listed_subject(a, figures, f, listed_runs)
        if listed:
            f = evolve(f, label=listed + ("面积" if q.unit == "m2" and not listed.endswith("面积") else ""))
        bare = labels.needs_subject(f.label, a.label_places)
        subject = subj[-1] if subj else ""
        if bare and "分别" in f.label and subj:
            run = runs.setdefault(si, [labels.respectively(norm[f.sent_start:f.sent_end]), 0])
            if 0 < run[0] <= len(subj) and run[1] < run[0]:
                subject = subj[run[1] - run[0]]
            run[1] += 1
        label = labels.label(f.label, q.unit, q.measure, a.label_places, subject=subject,
                             following=norm[f.end: f.end + 8] if f.after else "")
        prev = last.get((si, q.unit))
        if prev and (re.match(r"[\d.]", label) or label == "分别"):
            label = prev
        last[(si, q.unit)] = label
        if not bare:
            subj.append(labels.subject_of(label))
        before = _CLAUSE_END.split(norm[f.sent_start:f.start])[-1]
        after = _CLAUSE_END.split(norm[f.end:f.sent_end], 1)[0]
        indicator = indicator_for(label, q.unit, norm[f.start:f.end], measure=q.measure or None,
                                  before=before, after=after, sentence=norm[f.sent_start:f.sent_end])
        out.append(evolve(f, label=label, indicator=indicator))
    return tuple(out)


def facts(a: Article, figures: tuple[Figure, ...], mentions) -> ArticleExtraction:
    """The facts in the shape of facts.py, spans mapped back to the original text."""
    doc, out = a.doc, ArticleExtraction(title=a.title, publisher=a.publisher, published=a.published,
                                        districts=list(a.codes), programs=list(mentions))
    runs = _runs(doc.norm, figures)
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        by_sentence.setdefault(f.sentence, []).append(i)
    groups: dict[int, tuple[str, ...]] = {}  # figure -> its target groups
    for members in by_sentence.values():
        f = figures[members[0]]
        sentence = doc.norm[f.sent_start:f.sent_end]
        found = figure_groups(sentence, [(figures[i].q.start - f.sent_start, runs[i]) for i in members])
        groups.update(zip(members, found))
    for i, f in enumerate(figures):
        q = f.q
        common = dict(quantity=Quantity(value=q.value, unit=q.unit, qualifier=f.qualifier,
                                        value_max=q.value_max, measure=q.measure),
                      start=doc.to_orig(f.start), end=doc.to_orig_end(f.end), district=f.district,
                      program=f.program, period=f.period, target=f.target,
                      groups=groups[i])
        if f.kind:
            out.incentives.append(IncentiveFact(**common, kind=f.kind, label=f.label))
        else:
            out.metrics.append(MetricFact(**common, label=f.label, indicator=f.indicator))
    return out


# what stands between two figures of one run: 2万元、1.2万元和0.6万元
_RUN_GAP = re.compile(r"[、和及与,，\s]*")


def _runs(norm: str, figures: tuple[Figure, ...]) -> list[tuple[int, int]]:
    """(place, length) of each figure's run: the figures of a sentence listed
    one after another with only a list mark between them (2万元、1.2万元)."""
    starts: list[int] = []  # where each figure's run starts
    for i, f in enumerate(figures):
        prev = figures[i - 1] if i else None
        joined = (prev is not None and prev.sentence == f.sentence and prev.q.end <= f.q.start
                  and _RUN_GAP.fullmatch(norm, prev.q.end, f.q.start))
        starts.append(starts[-1] if joined else i)
    length = Counter(starts)
    return [(i - start, length[start]) for i, start in enumerate(starts)]


def without_restated_headlines(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """A headline figure that the body states as an offer (标题: 最高1亿元; body:
    最高给予1亿元综合资助) is that offer, stated twice: one row, the body's. So is
    a headline offer the body makes again in other words (标题: 可免费入住7天;
    body: 即可在驿站免费入住7天)."""
    def key(f):
        return f.q.unit, round(f.q.value, 6)
    offers = {key(f) for f in figures if f.kind}
    body_offers = {(f.kind, *key(f)) for f in figures if f.kind and not f.headline}
    return tuple(f for f in figures if not f.headline
                 or (f.kind and (f.kind, *key(f)) not in body_offers) or (not f.kind and key(f) not in offers))


def extract(text: str) -> ArticleExtraction:
    a = sentences(text)
    where = Districts(a.doc, list(a.codes), list(a.located))
    programs = Programs(a.doc, where, _district_names(a.codes))
    figures = classified(a, quantities(a))
    figures = ranges_as_bounds(figures)
    figures = reviewed(a, figures)
    figures = without_repeats(a.doc.norm, figures)
    figures = districts_of(where, figures)
    figures = facts_only(a, figures)
    figures = offer_parts(a, figures)
    figures = stations_offered(a, figures)
    figures = programs_of(programs, figures)
    figures = periods_and_goals(a, figures)
    figures = labelled(a, figures)
    figures = without_restated_headlines(figures)
    return facts(a, figures, programs.mentions)
