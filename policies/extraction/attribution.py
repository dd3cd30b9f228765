"""Who a figure belongs to: the district it is about and the program it is part of.

Two stages of the pipeline. `Districts` answers which district a position in
the text is about; `districts_of` gives every figure its district, sharing
out the figures after a list of districts (A、B两县分别…) in order. `Programs`
holds where each program is named; `programs_of` gives an offer the program
it is made under and a result the program it is reported for.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .facts import ProgramMention
from .groups import groups_of
from .lexicon import any_of, entries
from .places import place
from .programs import find_programs, merge
from .speed import evolve
from .text import ITEM_MARK, Doc

_W = entries("partner_words")

# A district right after one of these is the object of the clause (青浦区将向
# 吴江区开放…): the figure belongs to the subject before it.
_OBJECT_BEFORE = re.compile(any_of(_W["object_before"]) + "$")
# 两区将共同设立…: a figure whose subject is the partners together belongs to
# all of them; it goes to the partner named first (the lead of the
# announcement), not to whichever partner happened to be named last.
_JOINT_SUBJECT = re.compile(any_of(_W["joint_subject"]))
# after a list of districts: each of them in turn (各, 分别)
_SHARED = re.compile(r"^[^,，。;；]{0,10}?(?:各|分别)")
# ends a clause: a program named before it is not the subject of a figure after it
_CLAUSE_END = re.compile(r"[,，;；:：。!?！？\n]")
# a line that opens a numbered item of a policy text: (一)团队引进, 2. 购房补助
_ITEM_LINE = re.compile(r"(?m)^[ \t\u3000]*" + ITEM_MARK)
# the publisher's own county in its own voice (我区将…, 本县共有…): the main district
_SELF = re.compile(r"(?:我|本)(?:区|县|旗)(?!域|内外)")
# a program that closes a list (“启航计划”“扶摇计划”等40余项活动)
_LISTED = re.compile(r"[”\"]?(?:等|、|和|及)")


class Districts:
    """Which district a position in the text is about.

    The district named in the figure's own sentence wins: the last one before
    the figure that is not an object (向/与 X), else the first one after it.
    A district the article only mentions in passing counts only this way, as
    the subject of the figure's sentence. Otherwise the district named last
    before the figure, else the article's main district. The article's own
    voice (我区, 本县) names its main district.
    """

    def __init__(self, doc: Doc, codes: list[str], located: list[tuple[int, int, str]]):
        self.doc = doc
        self.main = codes[0] if codes else None
        kept = set(codes)
        if self.main:
            located = sorted([*located, *((m.start(), m.end(), self.main) for m in _SELF.finditer(doc.norm))])
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


def districts_of(where: Districts, figures: tuple) -> tuple:
    """Each figure with its district; after a list of districts (各, 分别) the
    figures of one unit go to the listed districts in turn."""
    out = []
    runs: dict[tuple, int] = {}  # (list start, unit) -> figures given out so far
    for f in figures:
        owner = where.at(f.q.num_start)
        shared = where.listed(f.q.num_start)
        if shared:
            k = runs.get((shared[0], f.q.unit), 0)
            if k < len(shared[1]):
                owner = shared[1][k]
            runs[(shared[0], f.q.unit)] = k + 1
        out.append(evolve(f, district=owner))
    return tuple(out)


class Programs:
    """Where the article names each program, and the mentions to report."""

    def __init__(self, doc: Doc, where: Districts, district_names: set[str]):
        self.doc = doc
        self.mentions: list[ProgramMention] = []
        spans: list[tuple[int, str, bool]] = []
        self.end: dict[int, int] = {}
        for canon, members, aliases in merge(find_programs(doc.norm, district_names)):
            h = members[0]
            self.mentions.append(ProgramMention(
                name=canon, start=doc.to_orig(h.start), end=doc.to_orig_end(h.end),
                district=where.at(h.start), aliases=tuple(sorted(aliases)),
                groups=groups_of(doc.norm[slice(*doc.sentence_span(doc.sentence_of(h.start)))])))
            for mh in members:
                spans.append((mh.start, canon, mh.heading))
                self.end[mh.start] = mh.end
        self.spans = sorted(spans)
        self.pos = [p for p, _, _ in self.spans]
        self.items = [m.start() for m in _ITEM_LINE.finditer(doc.norm)]

    def _item(self, i: int) -> int:
        """The numbered item ((一), 2.) position i stands in; -1 before the first: the lead."""
        return bisect_right(self.items, i) - 1

    def of_offer(self, i: int) -> str | None:
        """The program named last before the figure in its sentence, else under
        the last heading, else the nearest one within 600 characters that is
        named in the lead or in the figure's own numbered item: a program a
        later item sets up (（五）引才奖励：设立“引才伯乐奖”) is not that of the
        offers of items before it, nor of those after."""
        s, _ = self.doc.sentence_span(self.doc.sentence_of(i))
        k = bisect_right(self.pos, i) - 1
        if k >= 0 and self.spans[k][0] >= s:
            return self.spans[k][1]
        heads = [x for x in self.spans[: k + 1] if x[2]]
        if heads:
            return heads[-1][1]
        item = self._item(i)
        near = [(abs(p - i), n) for p, n, _ in self.spans
                if abs(p - i) <= 600 and self._item(p) in (-1, item)]
        return min(near)[1] if near else None

    def of_result(self, i: int) -> str | None:
        """A result belongs to a program only when the program is named in
        the figure's own clause (“东盟人才驿站”已服务留学生2300余人次). A
        program named earlier in the sentence, in a heading or nearby is the
        means, not the subject (依托“四春计划”…，力争建成400人的教师团队):
        no program is better than a wrong one."""
        norm = self.doc.norm
        s, _ = self.doc.sentence_span(self.doc.sentence_of(i))
        cut = max((m.end() for m in _CLAUSE_END.finditer(norm, s, i)), default=s)
        k = bisect_right(self.pos, i) - 1
        if k >= 0 and self.spans[k][0] >= cut:
            if _LISTED.match(norm, self.end.get(self.spans[k][0], i)):
                return None  # “启航计划”“扶摇计划”等40余项活动: one of many
            return self.spans[k][1]
        return None


def programs_of(programs: Programs, figures: tuple) -> tuple:
    """Each figure with the program it belongs to (an offer's or a result's)."""
    out = []
    for f in figures:
        program = (programs.of_offer if f.kind else programs.of_result)(f.q.num_start)
        out.append(f if program == f.program else evolve(f, program=program))
    return tuple(out)
