"""generate_corpus: synthetic articles, the same per seed, that import into the real shape."""
from collections import Counter
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.utils import translation

from policies.choices import IncentiveKind, Unit
from policies.corpus import generate, generate_one
from policies.corpus_load import model  # models by name: they are moving between apps


def write(tmp_path, name, *, articles, seed):
    out = tmp_path / name
    call_command("generate_corpus", articles=articles, seed=seed, out=out, stdout=StringIO())
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.txt"))}


def test_the_same_seed_gives_the_same_articles(tmp_path):
    first = write(tmp_path, "a", articles=12, seed=3)
    assert len(first) == 12
    assert write(tmp_path, "b", articles=12, seed=3) == first
    assert set(write(tmp_path, "c", articles=12, seed=4).values()) != set(first.values())


def test_articles_are_independent_of_where_a_part_starts():
    """Article i depends only on (seed, i): a corpus can be made in parts."""
    whole = [a.text for a in generate(10, seed=5)]
    assert [a.text for a in generate(4, seed=5, start=6)] == whole[6:]


def test_a_corpus_covers_every_kind_and_unit_and_many_districts_and_years():
    corpus = list(generate(400, seed=1))
    kinds = {f.kind for a in corpus for f in a.incentives}
    units = {f.unit for a in corpus for f in [*a.incentives, *a.metrics]}
    assert kinds == set(IncentiveKind.values)
    assert units == set(Unit.values)
    districts = Counter(a.adcode for a in corpus)
    assert len(districts) > 100
    # Skewed toward big districts: 丰台 first, far above the median district.
    assert districts.most_common(1)[0][0] == "110106"
    assert districts["110106"] > 20 * sorted(districts.values())[len(districts) // 2]
    assert {a.year for a in corpus} == set(range(2015, 2027))
    assert all(f.target for a in corpus for f in a.metrics if int(f.period) > a.year)


def test_imported_articles_yield_the_facts_they_were_written_to_state(reference_data, tmp_path):
    texts = write(tmp_path, "corpus", articles=20, seed=9)
    call_command("import_articles", str(tmp_path / "corpus"), stdout=StringIO())
    Incentive, Metric, Article = model("incentive"), model("metric"), model("article")
    assert Article.objects.count() == 20
    planned = [generate_one(9, i) for i in range(20)]
    want = Counter((a.adcode, f.kind, f.unit, round(f.value, 2)) for a in planned for f in a.incentives)
    got = Counter(
        (d, k, u, round(float(v), 2))
        for d, k, u, v in Incentive.objects.values_list("district__adcode", "kind", "unit", "value")
    )
    assert sum((want & got).values()) >= 0.97 * sum(want.values())
    assert sum(got.values()) <= 1.02 * sum(want.values())
    planned_metrics = sum(len(a.metrics) for a in planned)
    assert Metric.objects.count() >= 0.95 * planned_metrics
    programs = {(a.adcode, p.name) for a in planned for p in a.programs}
    stored = set(model("program").objects.values_list("district__adcode", "name"))
    assert programs <= stored
    assert len(texts) == 20


def test_load_writes_the_planned_rows_and_the_import_recognises_them(reference_data, tmp_path):
    call_command("generate_corpus", articles=15, seed=2, load=True, reviewed=0.2, stdout=StringIO())
    planned = [generate_one(2, i) for i in range(15)]
    Incentive, Metric = model("incentive"), model("metric")
    assert Incentive.objects.count() == sum(len(a.incentives) for a in planned)
    assert Metric.objects.count() == sum(len(a.metrics) for a in planned)
    assert set(Incentive.objects.values_list("status", flat=True)) <= {"proposed", "verified", "rejected"}
    # Metrics carry the indicators an import gives their labels, so that series and compare rows exist at scale.
    indicators = dict(Metric.objects.values_list("label", "indicator__code"))
    assert {("人才总量", "talent_total"), ("地区生产总值同比增长", "gdp_growth"), ("常住人口", "resident_population")} \
        <= set(indicators.items())
    assert Metric.objects.filter(indicator__isnull=False).count() >= 0.8 * Metric.objects.count()
    fact = Incentive.objects.select_related("article").first()
    assert fact.article.text[fact.span_start:fact.span_end] == fact.quote
    assert fact.article.search_text.strip()
    # The loaded articles carry the import's checksum: importing the texts adds nothing.
    write(tmp_path, "same", articles=15, seed=2)
    out = StringIO()
    with translation.override("en"):
        call_command("import_articles", str(tmp_path / "same"), stdout=out)
    assert "0 imported" in out.getvalue() and "15 already stored" in out.getvalue()
    # Ids continue after the loaded rows.
    assert apps.get_model("policies.Article").objects.create(text="x", sha256="0" * 64).pk > 15
