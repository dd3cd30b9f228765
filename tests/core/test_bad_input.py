"""Bad input, through every way in: each kind gets its message and writes nothing.

The corpus is built here, file by file, rather than kept in the repository:
a FIFO, an unreadable folder and a symlink loop cannot be committed anyway.
"""
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from policies.models import Article

TEXT = "滑县发布人才新政，将提供人才公寓200套，并设立3000万元人才发展专项资金。\n"
JAPANESE = "渋谷区は若手人材の誘致のため、人材政策を発表しました。住宅手当を毎月三万円支給します。\n"
KOREAN = "강남구는 청년 인재를 유치하기 위해 새로운 인재 정책을 발표했습니다. 매월 주거 수당을 지급합니다.\n"


def run(*paths, language="en"):
    out, err = _Capture(), _Capture()
    with translation.override(language):
        try:
            call_command("import_articles", *map(str, paths), stdout=out, stderr=err)
            code = 0
        except CommandError as error:
            err.write(str(error))
            code = 1
    return code, out.text, err.text


class _Capture:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s

    def flush(self):
        pass


# name → (bytes of the file, what the refusal says)
REFUSED = {
    "empty.txt": (b"", "the file is empty"),
    "whitespace.txt": (b"  \r\n\t\n ", "the file is empty"),
    "binary.txt": (bytes(range(256)) * 8, "binary file"),
    "picture.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (PNG)"),
    "nul.txt": (TEXT.encode() + b"\x00\x00\x00", "binary file"),
    "utf16-no-bom.txt": (TEXT.encode("utf-16-le") * 3, "UTF-16-LE without a byte-order mark"),
    "truncated.txt": ((TEXT * 3).encode()[:-2], "stops in the middle of a character"),
    "big5.txt": ("臺北市發佈人才新政，將提供人才公寓兩百套，並設立專項資金。".encode("big5") * 3, "BIG5"),
    # GB18030 decodes these too, into nonsense.
    "shift-jis.txt": (JAPANESE.encode("shift_jis"), "which is not read here"),
    "euc-jp.txt": (JAPANESE.encode("euc_jp"), "which is not read here"),
    "iso-2022-jp.txt": (JAPANESE.encode("iso2022_jp"), "which is not read here"),
    "euc-kr.txt": (KOREAN.encode("euc_kr"), "which is not read here"),
    "short-euc-kr.txt": (KOREAN[:12].encode("euc_kr"), "which is not read here"),
}
# name → (bytes, a phrase of the stored text)
READ = {
    "utf16-bom.txt": (TEXT.encode("utf-16"), "人才公寓200套"),
    "gbk.txt": (TEXT.encode("gbk"), "人才公寓200套"),
    "short-gbk.txt": ("海河英才计划\n".encode("gbk"), "海河英才计划"),  # the detector's first guess: Korean
    "gb18030.txt": (("𠀀" + TEXT).encode("gb18030"), "𠀀滑县"),
    "utf8-bom.txt": ("\ufeff".encode() + ("东海县" + TEXT).encode(), "东海县滑县"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_kind_of_bad_file_is_refused_with_its_reason(reference_data, tmp_path, name):
    data, reason = REFUSED[name]
    (tmp_path / name).write_bytes(data)
    code, _, err = run(tmp_path / name)
    assert code == 1
    assert f"{name}: not imported: " in err and reason in err, err
    assert not Article.objects.exists()


@pytest.mark.parametrize("name", sorted(READ))
def test_each_readable_encoding_is_read(reference_data, tmp_path, name):
    data, phrase = READ[name]
    (tmp_path / name).write_bytes(data)
    code, out, err = run(tmp_path / name)
    assert code == 0, err
    article = Article.objects.get()
    assert phrase in article.text and not article.text.startswith("\ufeff")


def test_a_named_pipe_is_refused_without_waiting(reference_data, tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    code, out, err = run(tmp_path)  # would block for ever if the pipe were opened to read
    assert code == 1
    assert "pipe.txt: not imported: not a regular file" in err
    assert "1 imported" in err and "1 failed" in err


def test_an_oversized_article_is_refused_before_it_is_read(reference_data, tmp_path, settings):
    settings.ARTICLE_MAX_BYTES = 10_000
    (tmp_path / "huge.txt").write_bytes(TEXT.encode() * 1000)
    code, _, err = run(tmp_path / "huge.txt")
    assert code == 1
    assert "larger than the limit of 10,000 bytes" in err
    assert not Article.objects.exists()


def test_a_symlink_loop_is_reported(reference_data, tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    code, _, err = run(tmp_path / "loop.txt")
    assert code == 1
    assert "loop.txt: not imported: a loop of symbolic links" in err


@contextmanager
def as_another_user():
    """Root reads every file whatever its mode: to meet an unreadable folder,
    run as nobody for a while (the saved set-user-ID lets root come back)."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


def test_unreadable_folders_and_files_are_reported_and_the_batch_goes_on(reference_data):
    root = Path(tempfile.mkdtemp(prefix="talentkb-unreadable-"))
    try:
        root.chmod(0o755)
        (root / "good.txt").write_text(TEXT, encoding="utf-8")
        (root / "good.txt").chmod(0o644)
        locked = root / "locked"
        locked.mkdir()
        (locked / "inside.txt").write_text(TEXT.replace("滑县", "东海县"), encoding="utf-8")
        (root / "secret.txt").write_text(TEXT.replace("滑县", "寻乌县"), encoding="utf-8")
        (root / "secret.txt").chmod(0o000)
        locked.chmod(0o000)
        with as_another_user():
            code, out, err = run(locked, locked / "inside.txt", root / "secret.txt", root / "good.txt")
    finally:
        for path in (root / "locked", root / "secret.txt"):
            path.chmod(0o755)
        import shutil

        shutil.rmtree(root)
    assert code == 1
    assert f"{locked}: not imported: permission denied" in err
    assert "inside.txt: not imported: permission denied" in err
    assert "secret.txt: not imported: permission denied" in err
    assert "1 imported" in err and "3 failed" in err
    assert list(Article.objects.values_list("source_file", flat=True)) == ["good.txt"]


def test_html_files_are_found_in_folders_and_read_as_text(reference_data, tmp_path):
    html = (
        "<html><head><title>x</title><script>alert('head')</script></head><body>"
        "<p>滑县发布人才新政</p><script>document.write('<p>钓鱼</p>')</script>"
        "<p>将提供人才公寓200套。</p></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    code, _, err = run(tmp_path)
    assert code == 0, err
    text = Article.objects.get().text
    assert text == "滑县发布人才新政\n将提供人才公寓200套。"


def test_an_html_file_is_named_after_its_page_title_where_it_is_one(reference_data, tmp_path):
    page = "<html><head><title>{}</title></head><body>{}</body></html>"
    (tmp_path / "a.html").write_text(page.format(
        "滑县出台人才新政十条 - 滑县人民政府网", "<p>滑县将建设人才公寓200套。</p>"), encoding="utf-8")
    (tmp_path / "b.html").write_text(page.format(
        "首页", "<p>长垣市将建设人才公寓300套。</p>"), encoding="utf-8")  # no title worth the name
    code, _, err = run(tmp_path)
    assert code == 0, err
    titles = dict(Article.objects.values_list("source_file", "title"))
    assert titles == {"a.html": "滑县出台人才新政十条", "b.html": "长垣市将建设人才公寓300套"}


def test_messages_are_in_the_operators_language(reference_data, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = run(tmp_path, language="zh-hans")
    assert code == 1
    assert "empty.txt" in err and "文件是空的" in err and "not imported" not in err
