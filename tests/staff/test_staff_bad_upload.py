"""The admin's add form reads through the import command's reader: the same refusals, the same limit."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.conf import settings

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
