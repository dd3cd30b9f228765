"""The pipeline: normalise -> sentences -> quantities -> classify -> attach.

Each step is a small function of its own module; this one wires them and maps
every span back to the original text.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from . import labels, meta, terms
from .classify import classify, noun_after, quote_start
from .facts import ArticleExtraction, IncentiveFact, MetricFact, ProgramMention, Quantity
from .groups import groups_of
from .periods import period_at, target_at, time_marks
from .places import place, resolve
from .programs import find_programs, merge
from .quantities import find_quantities
from .text import Doc, normalise


# A district right after one of these is the object of the clause (青浦区将向
# 吴江区开放…): the figure belongs to the subject before it.
_OBJECT_BEFORE = re.compile(r"(?:向|与|和|同|对|为|给|赴|到|帮扶|支援|对口|联合|携手|接收|接纳|援助|帮助)$")
# 两区将共同设立…: a figure whose subject is the partners together belongs to
# all of them; it goes to the partner named first (the lead of the
# announcement), not to whichever partner happened to be named last.
# ends a clause: a program named before it is not the subject of a figure after it
_CLAUSE_END = re.compile(r"[,，;；:：。!?！？\n]")
# a program that closes a list (“启航计划”“扶摇计划”等40余项活动)
_LISTED = re.compile(r"[”\"]?(?:等|、|和|及)")
# after a list of districts: each of them in turn (各, 分别)
_SHARED = re.compile(r"^[^,，。;；]{0,10}?(?:各|分别)")
_GOAL_LIST = re.compile(r"目标(?:任务)?(?:是|为)?[:：]")
_JOINT_SUBJECT = re.compile(r"两区|两县|两市|两地|三地|三区|双方|各方|两家|两镇|两街道")


class _Districts:
    """Which district a position in the text is about.

    The district named in the figure's own sentence wins: the last one before
    the figure that is not an object (向/与 X), else the first one after it.
    A district the article only mentions in passing counts only this way, as
    the subject of the figure's sentence. Otherwise the district named last
    before the figure, else the article's main district.
    """

    def __init__(self, doc: Doc, codes: list[str], located: list[tuple[int, int, str]]):
        self.doc = doc
        self.main = codes[0] if codes else None
        kept = set(codes)
        # (position, adcode, is a subject, is a district the article is about).
        # A district mentioned in passing owns a figure only where it is named in
        # full (双流区此前已投入…): a bare short form of a county that is not
        # what the article is about is mostly a word inside another name
        # (太湖人才学院, 苏州市“姑苏英才计划”, 人才资源总量).
        self.all = [(p, c, not _OBJECT_BEFORE.search(doc.norm[max(0, p - 2):p]), c in kept)
                    for p, e, c in located
                    if c in kept or doc.norm[p:e] == (place(c).name if place(c) else None)]
        self.all_pos = [p for p, _, _, _ in self.all]
        self.located = [x for x in located if x[2] in kept]
        self.pos = [p for p, _, _ in self.located]

    def listed(self, i: int) -> tuple[int, list[str]] | None:
        """A list of districts that share out the figures after it
        (天台县、仙居县各入驻企业15家、12家; A、B两县分别…): (start of the list,
        its districts in order), when figure i follows one in its sentence."""
        s, _ = self.doc.sentence_span(self.doc.sentence_of(i))
        found = None
        chain: list[tuple[int, int, str]] = []
        for p, e, c in self.located:
            if p < s or p >= i:
                continue
            if chain and self.doc.norm[chain[-1][1]:p] in ("、", "和", "与", "及", "，"):
                chain.append((p, e, c))
            else:
                chain = [(p, e, c)]
            if len(chain) >= 2 and len({c for _, _, c in chain}) == len(chain):
                tail = self.doc.norm[chain[-1][1]: min(i, chain[-1][1] + 12)]
                if _SHARED.search(tail):
                    found = (chain[0][0], [c for _, _, c in chain])
        return found

    def at(self, i: int) -> str | None:
        s, e = self.doc.sentence_span(self.doc.sentence_of(i))
        lo, hi = bisect_right(self.all_pos, s - 1), bisect_right(self.all_pos, e - 1)
        in_sent = self.all[lo:hi]
        before = [(p, c) for p, c, subj, _ in in_sent if p <= i and subj]
        joint = [m.start() for m in _JOINT_SUBJECT.finditer(self.doc.norm, s, i)]
        if joint and (not before or joint[-1] > before[-1][0]):
            return self.located[0][2] if self.located else self.main
        if before:
            return before[-1][1]
        after = [c for p, c, _, kept in in_sent if p > i and kept]
        if after:
            return after[0]
        k = bisect_right(self.pos, i) - 1
        return self.located[k][2] if k >= 0 else self.main


def _district_names(codes: list[str]) -> set[str]:
    out = set()
    for c in codes:
        p = place(c)
        if p:
            out.add(p.name)
            for suf in ("区", "县", "市"):
                if p.name.endswith(suf) and len(p.name) > 2:
                    out.add(p.name[:-1])
    return out


def _label_places(codes: list[str]) -> set[str]:
    """Names a metric label must not carry: the article's districts, full and
    short, and their cities and provinces (丰台区, 丰台, 北京市, 北京)."""
    out = _district_names(codes)
    for c in codes:
        p = place(c)
        if p:
            for n in (p.city, p.province):
                out.add(n)
                for suf in ("市", "省", "地区", "盟", "自治州"):
                    if n.endswith(suf) and len(n) - len(suf) >= 2:
                        out.add(n[: -len(suf)])
    return {n for n in out if len(n) >= 2}


# a numbered item of a policy document: (一), 一、, 1., ①, 第三条
_ITEM = re.compile(r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、]|[①-⑳]|第[一二三四五六七八九十百\d]+条)")


def _is_headline(para: str) -> bool:
    """A headline says a figure shorter than the body (免费住7天 / 免费入住7天).
    A short line of a policy document or a WeChat post is not one: an item
    (1. …；), a table row, a line that ends in a clause mark."""
    p = para.strip()
    if len(p) > 60 or "。" in p or "\t" in p or "；" in p or ";" in p or _ITEM.match(p):
        return False
    return not p.endswith(("，", ",", "：", ":"))


def extract(text: str) -> ArticleExtraction:
    doc = normalise(text)
    norm = doc.norm
    out = ArticleExtraction(title=meta.title(text), publisher=meta.publisher(text),
                            published=meta.published(text))
    pub_year = int(out.published[:4]) if out.published[:4].isdigit() else None
    codes, located = resolve(norm)
    out.districts = codes
    where = _Districts(doc, codes, located)

    # programs
    prog_hits = find_programs(norm, _district_names(codes))
    merged = merge(prog_hits)
    prog_spans: list[tuple[int, str, bool]] = []
    prog_end: dict[int, int] = {}
    for canon, members, aliases in merged:
        h = members[0]
        out.programs.append(ProgramMention(
            name=canon, start=doc.to_orig(h.start), end=doc.to_orig_end(h.end),
            district=where.at(h.start), aliases=tuple(sorted(aliases)),
            groups=groups_of(norm[slice(*doc.sentence_span(doc.sentence_of(h.start)))])))
        for mh in members:
            prog_spans.append((mh.start, canon, mh.heading))
            prog_end[mh.start] = mh.end
    prog_spans.sort()
    prog_pos = [p for p, _, _ in prog_spans]

    def program_at(i: int) -> str | None:
        s, _ = doc.sentence_span(doc.sentence_of(i))
        k = bisect_right(prog_pos, i) - 1
        if k >= 0 and prog_spans[k][0] >= s:
            return prog_spans[k][1]
        heads = [x for x in prog_spans[: k + 1] if x[2]]
        if heads:
            return heads[-1][1]
        near = [(abs(p - i), n) for p, n, _ in prog_spans if abs(p - i) <= 600]
        return min(near)[1] if near else None

    label_places = _label_places(codes)
    # sentence -> subjects of its metrics that named one (新增人才, 大学生), for a
    # growth figure after them (同比增长9.6%, 同比分别增长8.1%和12.4%)
    subjects: dict[int, list[str]] = {}
    respectively: dict[int, list[int]] = {}  # sentence -> [figures in its 分别 run, seen]

    def metric_program_at(i: int) -> str | None:
        """A result belongs to a program only when the program is named in
        the figure's own clause (“东盟人才驿站”已服务留学生2300余人次). A
        program named earlier in the sentence, in a heading or nearby is the
        means, not the subject (依托“四春计划”…，力争建成400人的教师团队):
        no program is better than a wrong one."""
        s, _ = doc.sentence_span(doc.sentence_of(i))
        cut = max((m.end() for m in _CLAUSE_END.finditer(norm, s, i)), default=s)
        k = bisect_right(prog_pos, i) - 1
        if k >= 0 and prog_spans[k][0] >= cut:
            if _LISTED.match(norm, prog_end.get(prog_spans[k][0], i)):
                return None  # “启航计划”“扶摇计划”等40余项活动: one of many
            return prog_spans[k][1]
        return None

    marks = time_marks(norm, pub_year)
    mark_pos = [m.pos for m in marks]
    seen_in_sentence: dict[int, set] = {}
    seen_facts: list[tuple] = []
    headline_metrics: set[int] = set()
    content_end = terms.content_end(norm)
    last_label: dict[tuple, str] = {}  # (sentence, unit) -> label of its last metric
    shared_runs: dict[tuple, int] = {}  # (list start, unit) -> figures given out so far
    for q in find_quantities(norm):
        if q.num_start >= content_end or terms.is_condition(norm, q):
            continue  # another post's title; an eligibility condition or procedure
        si = doc.sentence_of(q.num_start)
        ss, se = doc.sentence_span(si)
        key = (q.unit, round(q.value, 6), q.qualifier)  # 5%左右 and 控制在5%以内 are two goals
        sent_seen = seen_in_sentence.setdefault(si, set())
        if key in sent_seen:
            continue  # 26名医师分别与26位专家: a 1:1 pairing is one fact
        sent_seen.add(key)
        kind, label, after, qual = classify(norm, q, ss)
        # quote: number with its bounding words and the noun it counts
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
        dedupe = (kind, q.unit, round(q.value, 6), q.measure)
        noun = after or label
        para_start, para_end = doc.paragraph_span(doc.paragraph_of(q.num_start))
        # a headline says it shorter: 免费住7天 in the title is 免费入住7天 in the body
        para = text[doc.to_orig(para_start):doc.to_orig_end(para_end)]
        headline = _is_headline(para)
        row = "\t" in para.strip()  # a table states each row once: rows are never repeats
        # a bare kind word (补贴, 奖励) does not make two amounts one offer:
        # 给予2000元补贴 and a table row 硕士 2000元/月 are two
        if any(d[0] == dedupe and (d[2] or (len(noun) > 2 and (noun in d[1] or d[1] in noun)
                                              and not (row and d[3])))
               for d in seen_facts):
            continue  # the same figure stated twice (headline and body)
        seen_facts.append((dedupe, noun, headline, row))
        period = period_at(marks, mark_pos, q.num_start, para_start)
        is_target, target_year = target_at(norm[ss: q.start], plans=kind is None)
        if not is_target and kind is None:
            # a list of goals after a colon (主要预期目标：…增长5%左右；…3.8万人以上):
            # every item up to the end of the sentence is a goal
            goal = None
            for goal in _GOAL_LIST.finditer(norm, para_start, q.start):
                pass
            if goal and not re.search(r"[。!?！？]", norm[goal.end(): q.start]):
                is_target = True
        if is_target and target_year:
            period = target_year
        if kind:
            is_target = False  # an offer is an offer, promised or not; only metrics are goals
        owner = where.at(q.num_start)
        shared = where.listed(q.num_start)
        if shared:
            k = shared_runs.get((shared[0], q.unit), 0)
            if k < len(shared[1]):
                owner = shared[1][k]
            shared_runs[(shared[0], q.unit)] = k + 1
        quantity = Quantity(value=q.value, unit=q.unit, qualifier=qual,
                            value_max=q.value_max, measure=q.measure)
        common = dict(quantity=quantity, start=doc.to_orig(start), end=doc.to_orig_end(end),
                      district=owner, period=period, target=is_target,
                      groups=groups_of(norm[ss:se]))
        if kind:
            out.incentives.append(IncentiveFact(**common, program=program_at(q.num_start), kind=kind, label=label))
        else:
            subj = subjects.setdefault(si, [])
            bare = labels.needs_subject(label, label_places)
            subject = subj[-1] if subj else ""
            if bare and "分别" in label and subj:
                run = respectively.setdefault(si, [labels.respectively(norm[ss:se]), 0])
                if 0 < run[0] <= len(subj) and run[1] < run[0]:
                    subject = subj[run[1] - run[0]]
                run[1] += 1
            label = labels.label(label, q.unit, q.measure, label_places, subject=subject,
                                 following=norm[end: end + 8] if after else "")
            prev = last_label.get((si, q.unit))
            if prev and (re.match(r"[\d.]", label) or label == "分别"):
                label = prev  # 分别为31.2亿元、1120.5亿元和1058.7亿元: the list's label
            last_label[(si, q.unit)] = label
            if not bare:
                subj.append(labels.subject_of(label))
            out.metrics.append(MetricFact(**common, program=metric_program_at(q.num_start), label=label))
            if headline:
                headline_metrics.add(id(out.metrics[-1]))
    # a headline figure that the body states as an offer (标题: 最高1亿元; body:
    # 最高给予1亿元综合资助) is that offer, stated twice: one row
    offers = {(f.quantity.unit, round(f.quantity.value, 6)) for f in out.incentives}
    out.metrics = [m for m in out.metrics if id(m) not in headline_metrics
                   or (m.quantity.unit, round(m.quantity.value, 6)) not in offers]
    return out
