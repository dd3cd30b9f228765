"""Backup and restore: export_kb --full, then import_kb into an empty database.

The round trip runs as an operator would, in processes on databases of their
own (of the engine under test): decisions made, backed up, restored into a
newly migrated database, backed up again — the same bytes.
"""
import json

import pytest
from django.core.management import CommandError, call_command

from policies.models import Article
from tests.processes import manage, migrated_database

DECIDE = """
from django.contrib.auth.models import User
from policies import review
from policies.models import Incentive, Metric
from programs.models import Program

editor = User.objects.create_user("editor1", password="x-not-used", is_staff=True)
incentives = list(Incentive.objects.order_by("pk"))
metrics = list(Metric.objects.order_by("pk"))
review.accept(incentives[0], editor)
review.reject(metrics[0], editor)
fact = metrics[1]
fact.value = fact.value + 1
review.correct(fact, editor, ["value"])
keep, other = Program.objects.order_by("pk")[:2]
review.merge_programs(keep, [other])
from policies.models import Indicator, IndicatorMapping
IndicatorMapping.objects.create(label="人才总数", unit="count", indicator=Indicator.objects.get(code="talent_total"),
                                created_by=editor)
print("decided")
"""


@pytest.mark.slow
def test_backup_restore_backup_gives_the_same_bytes_with_the_decisions(tmp_path, seeds_dir):
    with migrated_database(tmp_path, "source") as source:
        for args in (("import_articles", seeds_dir), ("shell", "-c", DECIDE),
                     ("export_kb", "--full", "-o", tmp_path / "first.jsonl"),
                     ("export_kb", "-o", tmp_path / "first.json")):
            out, err, code = manage(source, *args)
            assert code == 0, err
    with migrated_database(tmp_path, "target") as target:
        for args in (("import_kb", tmp_path / "first.jsonl"),
                     ("export_kb", "--full", "-o", tmp_path / "second.jsonl"),
                     ("export_kb", "-o", tmp_path / "second.json")):
            out, err, code = manage(target, *args)
            assert code == 0, err
        # Restored, the knowledge base goes on: importing the seeds again adds nothing.
        out, err, code = manage(target, "import_articles", seeds_dir)
        assert code == 0, err
        out, err, code = manage(target, "export_kb", "--full", "-o", tmp_path / "third.jsonl")
        assert code == 0, err

    first = (tmp_path / "first.jsonl").read_bytes()
    assert first == (tmp_path / "second.jsonl").read_bytes()
    assert first == (tmp_path / "third.jsonl").read_bytes()
    assert (tmp_path / "first.json").read_bytes() == (tmp_path / "second.json").read_bytes()

    rows = [json.loads(line) for line in first.decode("utf-8").splitlines()[1:]]
    by_model = {}
    for row in rows:
        by_model.setdefault(row["model"], []).append(row)
    assert [u["fields"]["username"] for u in by_model["auth.user"]] == ["editor1"]
    facts = by_model["policies.incentive"] + by_model["policies.metric"]
    statuses = {(f["fields"]["status"], f["fields"]["origin"], tuple(f["fields"]["reviewed_by"] or ())) for f in facts}
    assert ("verified", "extracted", ("editor1",)) in statuses
    assert ("rejected", "extracted", ("editor1",)) in statuses
    assert ("verified", "corrected", ("editor1",)) in statuses
    # Article texts are in the backup, and the merge is in the programs' history.
    assert all(a["fields"]["text"] for a in by_model["policies.article"])
    assert any(h["fields"]["history_type"] == "-" for h in by_model["programs.historicalprogram"])
    assert any(p["fields"]["aliases"] for p in by_model["programs.program"])
    # A wording staff mapped once is in it too.
    assert [(m["fields"]["label"], m["fields"]["indicator"]) for m in by_model["policies.indicatormapping"]] == [
        ("人才总数", ["talent_total"])]


# An editor imports an article while a backup is being written: the backup
# (export_kb --full, or the admin's download) is read as one snapshot, so it
# holds the database as it was before the import, and the import is not lost.
WRITTEN_MEANWHILE = """
import threading
from pathlib import Path

from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client

from policies.importing import import_article
from policies.models import Article

folder = Path({folder!r})
boss = User.objects.create_superuser("boss", password="x-not-used")
client = Client()
client.force_login(boss)  # logging in writes last_login: before the backup taken first
call_command("export_kb", "--full", "-o", folder / "before.jsonl", verbosity=0)


def import_meanwhile():
    import_article("单县发布人才新政：提供人才公寓50套。", source_file="meanwhile.txt")
    connections.close_all()


meanwhile = threading.Thread(target=import_meanwhile)


def when_the_backup_reads_the_accounts(execute, sql, params, many, context):
    # The accounts are read before the articles. An import that nothing holds up
    # is stored within the wait (well under a second), before the articles are read.
    if 'FROM "auth_user" ORDER BY' in sql and meanwhile.ident is None:
        meanwhile.start()
        meanwhile.join(timeout=3)
    return execute(sql, params, many, context)


with connection.execute_wrapper(when_the_backup_reads_the_accounts):
    if {way!r} == "command":
        call_command("export_kb", "--full", "-o", folder / "during.jsonl", verbosity=0)
    else:
        response = client.post("/admin/backup/")
        assert response.status_code == 200, response.status_code
        (folder / "during.jsonl").write_bytes(b"".join(response.streaming_content))
meanwhile.join()
print(sorted(Article.objects.values_list("source_file", flat=True)))
"""


@pytest.mark.slow
@pytest.mark.parametrize("way", ["command", "admin"])
def test_a_backup_is_one_snapshot_of_the_database(tmp_path, seeds_dir, way):
    with migrated_database(tmp_path) as url:
        out, err, code = manage(url, "import_articles", seeds_dir)
        assert code == 0, err
        out, err, code = manage(url, "shell", "-c", WRITTEN_MEANWHILE.format(folder=str(tmp_path), way=way))
        assert code == 0, err
    # The article imported while the backup was read is in the database, and not in the backup.
    assert "meanwhile.txt" in out
    assert (tmp_path / "during.jsonl").read_bytes() == (tmp_path / "before.jsonl").read_bytes()


def test_restore_refuses_a_database_that_is_not_empty(seeded, tmp_path):
    call_command("export_kb", "--full", "-o", str(tmp_path / "kb.jsonl"), verbosity=0)
    count = Article.objects.count()
    with pytest.raises(CommandError, match="nothing restored|未恢复任何内容"):
        call_command("import_kb", str(tmp_path / "kb.jsonl"))
    assert Article.objects.count() == count


@pytest.mark.parametrize("content", ["", '{"articles": []}\n', '{"format": "talentkb-backup", "version": 99}\n'])
def test_restore_refuses_what_is_not_a_backup_of_this_version(reference_data, tmp_path, content):
    path = tmp_path / "kb.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match="nothing restored|未恢复任何内容"):
        call_command("import_kb", str(path))
    assert not Article.objects.exists()


def test_a_broken_backup_restores_nothing(seeded, tmp_path):
    call_command("export_kb", "--full", "-o", str(tmp_path / "kb.jsonl"), verbosity=0)
    lines = (tmp_path / "kb.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    # Empty the database as a fresh migrate would leave it, then restore a file cut in the middle of a row.
    from policies.models import Incentive, Metric, Mention
    from programs.models import Program

    for model in (Incentive, Metric, Mention, Article, Program):
        model.objects.all().delete()
    for model in (Incentive.history.model, Metric.history.model, Program.history.model):
        model.objects.all().delete()
    cut = "".join(lines[: len(lines) // 2]) + lines[len(lines) // 2][:40]
    (tmp_path / "cut.jsonl").write_text(cut, encoding="utf-8")
    with pytest.raises(CommandError, match="nothing restored|未恢复任何内容"):
        call_command("import_kb", str(tmp_path / "cut.jsonl"))
    assert not Article.objects.exists() and not Program.objects.exists()
