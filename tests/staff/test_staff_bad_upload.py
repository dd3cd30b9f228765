"""The admin's add form reads through the import command's reader: the same refusals, the same limit."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.conf import settings
from django.test import Client

from policies.models import Article
from tests.core.test_bad_input import REFUSED, TEXT


def post(client, **data):
    return client.post("/admin/policies/article/add/", {"text": "", "title": "", "publisher": "", "published": "",
                                                          "source_url": "", "source_file": "", **data})


@pytest.mark.parametrize(
    "name", ["utf16-no-bom.txt", "truncated.txt", "nul.txt", "picture.txt", "shift-jis.txt", "euc-kr.txt"]
)
def test_the_add_form_refuses_what_the_command_refuses(editor_client, name):
    data, reason = REFUSED[name]
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the editor reads English
    response = post(editor_client, upload=SimpleUploadedFile(name, data))
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not Article.objects.exists()


def test_the_add_form_refuses_an_oversized_upload_and_paste(editor_client, settings):
    settings.ARTICLE_MAX_BYTES = 10_000
    for data in ({"upload": SimpleUploadedFile("big.txt", TEXT.encode() * 1000)}, {"text": TEXT * 1000}):
        response = post(editor_client, **data)
        assert response.status_code == 200
        assert "10,000" in response.content.decode()
    assert not Article.objects.exists()


def test_the_add_form_reads_utf16_with_bom(editor_client):
    response = post(editor_client, upload=SimpleUploadedFile("a.txt", TEXT.encode("utf-16")))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "人才公寓200套" in Article.objects.get().text


@pytest.mark.parametrize("language, said", [
    ("zh-hans", "一次上传最多 100 个文件"),
    ("en", "one upload takes at most 100"),
])
def test_more_files_than_one_upload_takes_are_refused_on_the_form(editor, language, said):
    """101 files: Django reads at most DATA_UPLOAD_MAX_NUMBER_FILES (100) and answered a bare 400,
    from the CSRF check, which reads the form before the view. The editor is sent back to the
    form with a message in their language; nothing is imported."""
    client = Client(enforce_csrf_checks=True)  # as a browser: the CSRF check reads the form
    client.force_login(editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.get("/admin/policies/article/add/")
    files = [SimpleUploadedFile(f"{n:03}.txt", TEXT.encode()) for n in range(101)]
    response = post(client, upload=files, csrfmiddlewaretoken=client.cookies[settings.CSRF_COOKIE_NAME].value)
    assert response.status_code == 302 and response["Location"] == "/admin/policies/article/add/"
    form = client.get(response["Location"])
    assert form.status_code == 200 and said in form.content.decode()
    assert 'name="upload"' in form.content.decode()
    assert not Article.objects.exists()
