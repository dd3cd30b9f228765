"""Programs that are someone else's, by what a policy researcher knows of them."""
from __future__ import annotations

from policies.extraction import extract


def _programs(text: str) -> list[str]:
    return [p.name for p in extract(text).programs]


def test_a_provinces_talent_programme_is_never_the_countys_own_quoted_or_not():
    assert _programs("寿光市人才工作。寿光市深入实施泰山产业领军人才工程，新入选5人。") == []
    assert _programs("寿光市人才工作。寿光市积极推荐人才申报“泰山学者”计划。") == []
    assert _programs("寿光市人才工作。寿光市实施“寿光英才”计划。") == ["寿光英才"]
