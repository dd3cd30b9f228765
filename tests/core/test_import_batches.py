"""The import in batches: worker processes read and extract, one transaction writes a batch,
in a number of queries that does not grow with the articles, with the same result as one by one."""
import re
import shutil
from itertools import groupby

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from policies.corpus import generate
from policies.importing import prepare, store
from policies.models import Article, Incentive, Mention, Metric
from programs.models import Program
from tests.core.test_import import run


def stored() -> list:
    """What the knowledge base holds, without ids: each article's file, its facts and programs."""
    return sorted(
        (a.source_file,
         sorted(Incentive.objects.filter(article=a).values_list("kind", "value", "unit", "span_start", "program__name")),
         sorted(Metric.objects.filter(article=a).values_list("label", "value", "unit", "span_start", "indicator__code")),
         sorted(Mention.objects.filter(article=a).values_list("program__name", "program__launched", "span_start")))
        for a in Article.objects.all()
    )


def test_worker_processes_store_what_one_process_stores(reference_data, seeds_dir, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, out, err = run(folder, "--workers", "2", "--batch", "2")
    assert code == 1, (out, err)
    # A file a worker could not read is reported in the operator's language, in its place.
    assert "binary.txt: not imported: this is a binary file" in err
    assert "5 imported" in err and "1 failed" in err
    by_workers = stored()
    programs = sorted(Program.objects.values_list("name", "aliases", "launched", "ends"))
    Article.objects.all().delete()
    Program.objects.all().delete()
    code, out, _ = run(seeds_dir, "--workers", "1")
    assert code == 0 and "5 imported" in out
    assert stored() == by_workers
    assert sorted(Program.objects.values_list("name", "aliases", "launched", "ends")) == programs


def test_a_batch_costs_the_same_queries_whatever_its_size(reference_data, seeds_dir):
    """One INSERT per table and batch, not per article or fact: ~20 queries per article before."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    counts = []
    for chunk in (texts[:1], texts[1:]):
        prepared = [prepare(t) for t in chunk]
        with CaptureQueriesContext(connection) as queries:
            results = store(prepared)
        assert all(r.created for r in results)
        counts.append(len(queries))
    # On top at most: a bulk update of programs given new aliases and its history rows, and
    # SQLite's splitting of an INSERT past its limit of parameters (PostgreSQL sends one).
    assert counts[1] <= counts[0] + 4, counts
    assert counts[1] <= 30, counts


def test_a_text_twice_in_one_batch_is_stored_once(reference_data, seeds_dir):
    text = next(seeds_dir.glob("*.txt")).read_text(encoding="utf-8")
    first, again = store([prepare(text, source_file="a.txt"), prepare(text.replace("\n", "\r\n"), source_file="b.txt")])
    assert first.created and not again.created and again.article.pk == first.article.pk
    assert Article.objects.count() == 1


def test_each_stored_fact_and_program_has_its_first_history_row(reference_data, seeds_dir):
    """The history rows an import writes in one INSERT … SELECT per table: what the fact said
    when proposed, so that a first correction shows "from what to what"."""
    code, _out, _err = run(seeds_dir)
    assert code == 0
    for model in (Incentive, Metric):
        facts = list(model.objects.all())
        assert facts
        for fact in facts:
            record = fact.history.get()
            assert (record.history_type, record.history_change_reason, record.history_user) == ("+", "extracted", None)
            for field in model.history.model.tracked_fields:
                assert getattr(record, field.attname) == getattr(fact, field.attname), field.name
    for program in Program.objects.all():
        assert program.history.earliest("history_id").history_type == "+"
        assert program.history.earliest("history_id").name == program.name


def statements(queries) -> list[str]:
    """Each statement as its verb and table, SQLite's pieces of one INSERT or UPDATE (it splits
    them past 999 parameters, where PostgreSQL sends one) counted once."""
    def shape(sql: str) -> str:
        table = re.search(r'(?:INTO|UPDATE|FROM)\s+"?(\w+)', sql)
        return f"{sql.split(None, 1)[0].upper()} {table.group(1) if table else ''}"

    return [shape for shape, _pieces in groupby(shape(q["sql"]) for q in queries)]


def test_a_batch_of_generated_articles_costs_the_same_statements_whatever_its_size(reference_data):
    """A batch writes each table once and reads each vocabulary once, so the number of statements
    does not grow with its articles or facts (~20 per article once, one per fact and history row)."""
    texts = [a.text for a in generate(50, seed=1)]
    counts = {}
    for size in (10, 40):
        Article.objects.all().delete()
        Program.objects.all().delete()
        prepared = [prepare(t) for t in texts[:size]]
        with CaptureQueriesContext(connection) as queries:
            results = store(prepared)
        assert all(r.created for r in results) and sum(r.facts for r in results) > 10 * size
        counts[size] = statements(queries.captured_queries)
    assert counts[40] == counts[10], counts
    assert len(counts[40]) <= 26, counts[40]
