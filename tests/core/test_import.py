"""import_articles: idempotent, one transaction per batch of articles, clear errors that lose nothing."""
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from policies.models import Article, Incentive, Metric
from programs.models import Program


ANNOUNCEMENT = (
    "时间:2025-03-02 来源:安阳日报\n"
    "滑县发布人才新政，将提供人才公寓200套，并设立3000万元人才发展专项资金。\n"
)


def run(*args):
    out, err = _Capture(), _Capture()
    try:
        with translation.override("en"):
            call_command("import_articles", *map(str, args), stdout=out, stderr=err)
        return 0, out.text, err.text
    except CommandError as error:
        return 1, out.text, err.text + str(error)


class _Capture:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def test_seeds_import_with_facts_from_every_article(reference_data, seeds_dir):
    code, out, _ = run(seeds_dir)
    assert code == 0
    assert "5 imported" in out
    assert Article.objects.count() == 5
    for article in Article.objects.all():
        facts = Incentive.objects.filter(article=article).count() + Metric.objects.filter(article=article).count()
        assert facts > 0, f"no fact read from {article.source_file}"
        assert article.districts.exists(), f"no district for {article.source_file}"


def test_importing_twice_stores_nothing_new(reference_data, seeds_dir):
    run(seeds_dir)
    counts = [m.objects.count() for m in (Article, Program, Incentive, Metric)]
    code, out, _ = run(seeds_dir)
    assert code == 0
    assert "0 imported" in out and "5 already stored" in out
    assert [m.objects.count() for m in (Article, Program, Incentive, Metric)] == counts


def test_same_text_retypeset_is_a_duplicate(reference_data, tmp_path):
    (tmp_path / "a.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
    # Full-width digits and other line breaks: the same announcement.
    (tmp_path / "b.txt").write_text(ANNOUNCEMENT.replace("200", "２００").replace("\n", "\r\n\r\n"), encoding="utf-8")
    code, out, _ = run(tmp_path)
    assert code == 0
    assert Article.objects.count() == 1
    assert "1 already stored" in out


def test_unreadable_files_are_reported_and_the_others_imported(reference_data, tmp_path):
    (tmp_path / "good.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    code, out, err = run(tmp_path, tmp_path / "missing.txt")
    assert code == 1
    assert "binary.txt: not imported: this is a binary file" in err
    assert "empty.txt: not imported: the file is empty" in err
    assert "missing.txt: not imported: no such file or folder" in err
    assert "1 imported" in err and "3 failed" in err
    assert list(Article.objects.values_list("source_file", flat=True)) == ["good.txt"]


def test_gbk_file_is_read(reference_data, tmp_path):
    (tmp_path / "gbk.txt").write_bytes(ANNOUNCEMENT.encode("gbk"))
    code, _, _ = run(tmp_path / "gbk.txt")
    assert code == 0
    assert "滑县" in Article.objects.get().text


def test_an_article_is_stored_whole_or_not_at_all(reference_data, tmp_path, monkeypatch):
    """A failure while writing the facts leaves no article of its batch behind."""
    import policies.importing

    def broken(pairs, fresh=False, **_options):
        article = pairs[0][0]
        Incentive.objects.create(article=article, kind="other", value=1, unit="count", span_start=0, span_end=1, quote="x")
        raise RuntimeError("disk full")

    monkeypatch.setattr(policies.importing, "apply_extractions", broken)
    (tmp_path / "a.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ANNOUNCEMENT.replace("200套", "300套"), encoding="utf-8")
    with pytest.raises(RuntimeError):
        call_command("import_articles", str(tmp_path))
    assert not Article.objects.exists()
    assert not Incentive.objects.exists()


def test_metadata_and_facts_of_a_new_announcement(reference_data, tmp_path):
    (tmp_path / "huaxian.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
    run(tmp_path)
    article = Article.objects.get()
    assert article.published == "2025-03-02"
    assert article.publisher == "安阳日报"
    assert [d.adcode for d in article.districts.all()] == ["410526"]
    apartments = Incentive.objects.get(kind="apartment")
    assert (apartments.value, apartments.unit, apartments.district.name) == (200, "count", "滑县")
    assert article.text[apartments.span_start:apartments.span_end] == apartments.quote
    fund = Incentive.objects.get(kind="fund")
    assert (fund.value, fund.unit) == (30_000_000, "CNY")
