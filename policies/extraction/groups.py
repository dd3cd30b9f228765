"""Target groups from the words of a sentence (codes of programs.TargetGroup).

An offer is for the people its own tier of the sentence names: 博士给予5万元，
硕士3万元 gives the 5万 to doctorates and the 3万 to masters, and a run of
figures after a list of people (博士、硕士、本科分别给予2万元、1.2万元、0.6万元)
gives each figure the item in its place. A degree is more precise than the
毕业生 right after it (本科毕业生 is for bachelors, not every graduate), 及以上
after a degree takes in the degrees above it, and 非 before a group's word
excludes it (非医疗卫生单位的博士 is no offer for health workers).
"""
from __future__ import annotations

import re

from .lexicon import any_of, entries
from .speed import quick

# (code, words) in the order they are tried (lexicon/target_groups.txt)
GROUP_WORDS = [(code, "|".join(map(re.escape, ws))) for code, ws in entries("target_groups").items()]
_RE = quick(re.compile("|".join(f"(?P<{code}>{words})" for code, words in GROUP_WORDS)))
DEGREES = ("bachelors", "masters", "doctorates")  # lowest first
_AND_ABOVE = re.compile(any_of(entries("group_words")["degree_noun"]) + r"?(?:及|或)?以上")
_GRANT_WITHOUT_FIGURE = re.compile(any_of(entries("group_words")["grant_without_figure"]))
_NEGATED = "非"
_DEGREE_TO_NOUN = 4  # 本科学历的高校毕业生: how far a degree's 毕业生 may stand after it

# where a tier of a sentence ends: a clause mark or a line
_TIER_BOUND = re.compile(r"[,，;；:：。！？!?\n]")
_LIST_SEP = re.compile(r"[、和及与或]")


def groups_of(sentence: str) -> tuple[str, ...]:
    found = set()
    degree_end = None  # where the last degree's words end: 本科毕业生 is a bachelor, not any graduate
    for m in _RE.finditer(sentence):
        if m.start() and sentence[m.start() - 1] == _NEGATED:
            continue
        if m.lastgroup in DEGREES:
            above = _AND_ABOVE.match(sentence, m.end())
            found.update(DEGREES[DEGREES.index(m.lastgroup):] if above else (m.lastgroup,))
            degree_end = above.end() if above else m.end()
        elif not (m.lastgroup == "graduates" and degree_end is not None
                  and 0 <= m.start() - degree_end <= _DEGREE_TO_NOUN):
            found.add(m.lastgroup)
    return tuple(code for code, _ in GROUP_WORDS if code in found)


def _listed_groups(text: str, n: int) -> list[tuple[str, ...]] | None:
    """The groups of the n people listed in the last tier of `text` that lists
    n of them (博士、硕士和本科), in order; None where no tier does."""
    for tier in reversed(_TIER_BOUND.split(text)):
        items = [groups_of(item) for item in _LIST_SEP.split(tier)]
        items = [g for g in items if g]
        if len(items) == n:
            return items
    return None


def _own_groups(sentence: str, at: int, run: tuple[int, int], since: int = 0) -> tuple[str, ...]:
    """The groups the figure at `at` names itself: the item in its place where it
    is figure run[0] of a run of run[1] listed after as many people, else those
    of its own tier, which begins after the figure before it (`since`: 博士5万元、
    硕士3万元 gives the 3万 to masters only); () where neither names anybody."""
    index, n = run
    before = sentence[:at]
    if n > 1:
        listed = _listed_groups(before, n)
        if listed:
            return listed[index]
    return groups_of(_after_whole_grants(_TIER_BOUND.split(before[since:])[-1]))


def _after_whole_grants(tier: str) -> str:
    """The tier from after its last listed item that names people and a grant with no figure (博士全免、
    硕士4折: the 4折's tier is 硕士), as a figure ends the tier before it. The figure's own item is not
    one of them: 对博士免费提供人才公寓50套 is the doctorates' 50套."""
    items = list(_LIST_SEP.finditer(tier))
    begins = 0
    for start, sep in zip([0, *(m.end() for m in items)], items):
        group = _RE.search(tier, start, sep.start())
        if group and _GRANT_WITHOUT_FIGURE.search(tier, group.end(), sep.start()):
            begins = sep.end()
    return tier[begins:]


def figure_groups(sentence: str, figures: list[tuple[int, tuple[int, int]]]) -> list[tuple[str, ...]]:
    """The groups each offer of a sentence is for, given each figure's position
    in the sentence and its run (place, length): those it names itself, else the
    sentence's, less those the other figures name as their own where they name
    different people (拔尖人才9万元，硕士3.6万元，本科2.52万元: the 9万 is no
    masters' or bachelors' offer)."""
    starts = sorted(at for at, _ in figures)
    own = [_own_groups(sentence, at, run, max((s for s in starts if s < at), default=0))
           for at, run in figures]
    everyone = groups_of(sentence)
    out = []
    for i, mine in enumerate(own):
        tiers = {theirs for j, theirs in enumerate(own) if j != i and theirs}
        # tiers of different people (博士…，硕士…): a tier naming nobody is none of theirs;
        # tiers of the same people (名优校长…优秀20万元，合格15万元): it is theirs too
        others = {g for theirs in tiers for g in theirs} if len(tiers) > 1 else set()
        out.append(mine or tuple(g for g in everyone if g not in others))
    return out
