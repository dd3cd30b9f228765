"""The shape of policies/extraction: short functions, stages that change nothing
they are given, no Django, no app of the project.

    python -m tests.extraction.test_extract_layout   # lists the longest functions
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "policies" / "extraction"
MAX_LINES = 60
# Django and every package of the project (its apps, settings, tests): the
# extractor is plain Python that imports its own modules relatively
FORBIDDEN = {"django"} | {p.parent.name for p in ROOT.glob("*/__init__.py")}


def function_lengths() -> list[tuple[int, str]]:
    """(lines from the def line to the last line, module:function) of every function and method."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.append((node.end_lineno - node.lineno + 1, f"{path.relative_to(PACKAGE)}:{node.name}"))
    return sorted(out, reverse=True)


def test_no_function_is_over_60_lines():
    long_ = [(n, name) for n, name in function_lengths() if n > MAX_LINES]
    assert not long_, long_


def test_the_extractor_imports_no_django_and_no_app():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert not found, found


if __name__ == "__main__":
    for n, name in function_lengths()[:10]:
        print(f"{n:4d}  {name}")


# the stages of extract(), in pipeline.py's namespace, in the order it runs them
STAGES = ("sentences", "quantities", "classified", "ranges_as_bounds", "reviewed", "without_repeats",
          "districts_of", "facts_only", "offer_parts", "stations_offered", "programs_of", "periods_and_goals",
          "labelled", "without_restated_headlines", "facts")


def test_no_stage_of_extract_changes_what_it_was_given(monkeypatch):
    import pickle

    from policies.extraction import extract, pipeline

    changed, ran = [], []

    def watched(name, stage):
        def run(*args):
            before = pickle.dumps(args)
            out = stage(*args)
            ran.append(name)
            if pickle.dumps(args) != before:
                changed.append(name)
            return out
        return run

    for name in STAGES:
        monkeypatch.setattr(pipeline, name, watched(name, getattr(pipeline, name)))
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        extract(path.read_text(encoding="utf-8"))
    assert set(ran) == set(STAGES)
    assert not changed, f"stages that changed what they were given: {changed}"
