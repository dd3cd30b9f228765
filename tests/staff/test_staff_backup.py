"""A full backup from the admin: superusers download the file the restore command reads; nobody else may."""
import pytest
from django.core.management import call_command
from django.urls import reverse

from policies.models import Article, Incentive, IndicatorMapping, Mention, Metric
from programs.models import Program

URL = "/admin/backup/"


def download(client):
    response = client.post(URL)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="talentkb-backup-')
    return b"".join(response.streaming_content)


def test_a_superuser_downloads_a_backup_the_restore_command_reads(client, superuser, article, tmp_path):
    client.force_login(superuser)
    client.cookies["django_language"] = "zh-hans"
    page = client.get(URL).content.decode()
    assert "下载完整备份" in page and "import_kb" in page and "migrate" in page
    assert reverse("admin_backup") in client.get(reverse("admin:index")).content.decode()
    data = download(client)
    call_command("export_kb", "--full", "-o", str(tmp_path / "command.jsonl"), verbosity=0)
    assert data == (tmp_path / "command.jsonl").read_bytes()  # the command's backup, byte for byte

    # Restored into a database emptied as a new one is, it gives back the article and its facts.
    facts = {(f.pk, f.quote) for f in Incentive.objects.all()}
    for model in (Incentive, Metric, Mention, Article, Program, IndicatorMapping,
                  Incentive.history.model, Metric.history.model, Program.history.model, type(superuser)):
        model.objects.all().delete()
    (tmp_path / "admin.jsonl").write_bytes(data)
    call_command("import_kb", str(tmp_path / "admin.jsonl"), verbosity=0)
    assert Article.objects.get().pk == article.pk
    assert {(f.pk, f.quote) for f in Incentive.objects.all()} == facts
    assert type(superuser).objects.filter(username=superuser.username, is_superuser=True).exists()


@pytest.mark.parametrize("who", ["editor", "staff_user"])
def test_editors_get_no_backup(client, who, request, article):
    client.force_login(request.getfixturevalue(who))
    client.cookies["django_language"] = "zh-hans"
    assert client.get(URL).status_code == 403
    response = client.post(URL)
    assert response.status_code == 403 and not hasattr(response, "streaming_content")
    assert reverse("admin_backup") not in client.get(reverse("admin:index")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.post(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
