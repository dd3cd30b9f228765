"""The dev corpus extracted once per test run.

Several tests score overlapping parts of tests/extraction/corpus through
`score_seeds.export_files`; the extractor is deterministic, so each text is
extracted the first time it is asked for and the result reused after that.
"""
from __future__ import annotations

from pathlib import Path
from unittest import mock

from policies.extraction import extract, score_seeds

_extracted: dict[str, object] = {}


def _extract_once(text: str):
    if text not in _extracted:
        _extracted[text] = extract(text)
    return _extracted[text]


def export_files(files: list[Path]) -> dict:
    """`score_seeds.export_files(files)`, with every text extracted at most once per process."""
    with mock.patch.object(score_seeds, "extract", _extract_once):
        return score_seeds.export_files(files)
