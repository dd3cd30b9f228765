"""Target groups from the words of a sentence (codes of programs.TargetGroup)."""
from __future__ import annotations

import re

GROUP_WORDS = [
    ("graduates", r"高校毕业生|毕业生|青年|学子|大学生"),
    ("high_level", r"高层次人才|领军人才|顶尖人才|领军"),
    ("overseas", r"留学|海外|归国|外籍|国际人才"),
    ("skilled", r"技能人才|工匠|技工|高技能"),
    ("entrepreneurs", r"创业|创客|企业家"),
    ("researchers", r"科研|科技人才|专家|院士|科学家"),
    ("finance", r"金融人才"),
    ("education", r"教师|教育人才"),
    ("health", r"医疗|医师|卫生人才|医生"),
    ("rural", r"乡村|农民|新农人"),
]
_RE = re.compile("|".join(f"(?P<{code}>{words})" for code, words in GROUP_WORDS))


def groups_of(sentence: str) -> tuple[str, ...]:
    found = {m.lastgroup for m in _RE.finditer(sentence)}
    return tuple(code for code, _ in GROUP_WORDS if code in found)
