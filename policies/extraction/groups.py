"""Target groups from the words of a sentence (codes of programs.TargetGroup)."""
from __future__ import annotations

import re

from .lexicon import entries
from .speed import quick

# (code, words) in the order they are tried (lexicon/target_groups.txt)
GROUP_WORDS = [(code, "|".join(map(re.escape, ws))) for code, ws in entries("target_groups").items()]
_RE = quick(re.compile("|".join(f"(?P<{code}>{words})" for code, words in GROUP_WORDS)))


def groups_of(sentence: str) -> tuple[str, ...]:
    found = {m.lastgroup for m in _RE.finditer(sentence)}
    return tuple(code for code, _ in GROUP_WORDS if code in found)
