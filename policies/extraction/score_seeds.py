"""Run the extractor over a folder of articles and write an export in SCHEMA.md shape.

    python -m policies.extraction.score_seeds OUT.json [DIR ...]   # the seeds by default

then score it:  python shared/eval/score.py OUT.json shared/eval/gold --texts seeds -v

`export_files` is the one converter from ArticleExtraction to the export
shape; the corpus test (tests/extraction/test_extract_corpus.py) uses it too,
so that what is scored there is what the knowledge base would hold.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from . import extract
from .places import place


def _dname(code: str | None) -> str | None:
    p = place(code) if code else None
    return p.name if p else None


def export_files(files: list[Path]) -> dict:
    doc = {"articles": [], "districts": [], "programs": [], "incentives": [], "metrics": []}
    known: dict[str, dict] = {}
    programs: dict[tuple, dict] = {}
    for f in files:
        text = f.read_text(encoding="utf-8")
        x = extract(text)
        doc["articles"].append({"source_file": f.name, "title": x.title or None, "published": x.published or None,
                                "publisher": x.publisher or None, "districts": [_dname(c) for c in x.districts]})
        for c in x.districts:
            p = place(c)
            known.setdefault(c, {"name": p.name, "city": p.city, "province": p.province, "adcode": c})
        for pm in x.programs:
            key = (pm.name, pm.district)
            row = programs.setdefault(key, {"name": pm.name, "district": _dname(pm.district),
                                            "aliases": list(pm.aliases), "articles": []})
            row["articles"].append(f.name)
        for kind_key, facts in (("incentives", x.incentives), ("metrics", x.metrics)):
            for fa in facts:
                row = {"article": f.name, "district": _dname(fa.district), "program": fa.program}
                if kind_key == "incentives":
                    row["kind"] = fa.kind
                row["label"] = fa.label
                if kind_key == "metrics":
                    row["indicator"] = fa.indicator
                row.update({"value": fa.quantity.value, "unit": fa.quantity.unit,
                            "qualifier": fa.quantity.qualifier, "period": fa.period, "target": fa.target,
                            "quote": text[fa.start:fa.end], "start": fa.start, "end": fa.end})
                if fa.quantity.measure:
                    row["measure"] = fa.quantity.measure
                if fa.quantity.value_max is not None:
                    row["value_max"] = fa.quantity.value_max
                doc[kind_key].append(row)
    doc["districts"] = list(known.values())
    doc["programs"] = list(programs.values())
    return doc


def export(seeds: Path) -> dict:
    return export_files(sorted(seeds.glob("*.txt")))


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path("seeds_export.json")
    dirs = [Path(d) for d in argv[2:]] or [Path(__file__).resolve().parents[2] / "seeds"]
    files = [f for d in dirs for f in sorted(d.glob("*.txt"))]
    out.write_text(json.dumps(export_files(files), ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv)
