"""Adding an announcement in the admin: pasted or uploaded, in any of the
encodings Chinese sites use, HTML reduced to text, duplicates refused."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from policies import extraction
from policies.extraction import ArticleExtraction
from policies.models import Article, Incentive, Metric

ADD = "admin:policies_article_add"
# A notice of our own, for 滑县 (not a seed).
HUAXIAN = (
    "滑县出台人才新政十条\n"
    "滑县将建设人才公寓200套，设立人才发展专项资金2000万元，"
    "为返乡创业青年提供工位80个。\n"
)


def post(client, **data):
    fields = {"title": "", "publisher": "", "published": "", "source_url": "", "text": ""}
    return client.post(reverse(ADD), {**fields, **data})


def test_pasted_text_is_stored_and_opens_the_review_screen(editor_client):
    response = post(editor_client, text=HUAXIAN.replace("\n", "\r\n"), title="滑县人才新政", published="2024-06-01")
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:policies_article_review", args=[article.pk])
    assert article.text == HUAXIAN.strip("\n")  # CRLF from the browser stored as LF
    assert (article.title, article.published) == ("滑县人才新政", "2024-06-01")
    # Each proposal's first history row says who added the article.
    records = [h for fact in Incentive.objects.filter(article=article) for h in fact.history.all()]
    assert records and {(h.history_type, h.history_user.username) for h in records} == {("+", "editor")}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_uploads_read_in_every_encoding(editor_client, encoding):
    upload = SimpleUploadedFile("huaxian.txt", HUAXIAN.encode(encoding), content_type="text/plain")
    response = post(editor_client, upload=upload)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert article.text == HUAXIAN.strip("\n")
    assert article.source_file == "huaxian.txt"


def test_gb18030_only_characters_read(editor_client):
    """Characters outside GBK (here 𠀀, a CJK Extension B ideograph) need GB18030."""
    text = HUAXIAN + "附：𠀀字样\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    post(editor_client, upload=SimpleUploadedFile("a.txt", text.encode("gb18030")))
    assert Article.objects.get().text.endswith("附：𠀀字样")


def test_html_upload_is_reduced_to_text(editor_client):
    html = (
        "<!DOCTYPE html><html><head><title>滑县</title><style>p{color:red}</style>"
        "<script>var x = '人才公寓999套';</script></head><body><h1>滑县出台人才新政十条</h1>"
        "<p>滑县将建设人才公寓200套，&nbsp;设立人才发展专项资金2000万元。</p><p>提供工位80个。</p></body></html>"
    )
    post(editor_client, upload=SimpleUploadedFile("notice.html", html.encode("gbk")))
    text = Article.objects.get().text
    assert text.splitlines() == ["滑县出台人才新政十条", "滑县将建设人才公寓200套，\xa0设立人才发展专项资金2000万元。", "提供工位80个。"]
    assert "999" not in text and "color" not in text


def test_an_html_upload_is_named_after_its_page_title(editor_client):
    """A page whose text starts with no headline is named after its <title>,
    without the site's name; the head stays out of the text."""
    html = (
        "<html><head><title>滑县出台人才新政十条_滑县人民政府网</title></head><body>"
        "<p>滑县将建设人才公寓200套，设立人才发展专项资金2000万元。</p></body></html>"
    )
    post(editor_client, upload=SimpleUploadedFile("notice.html", html.encode("utf-8")))
    article = Article.objects.get()
    assert article.title == "滑县出台人才新政十条"
    assert "滑县出台" not in article.text and "人民政府网" not in article.text
    # A title the editor typed still wins; "read details" offers the page's title too.
    response = editor_client.post(reverse(ADD), {
        "title": "", "publisher": "", "published": "", "source_url": "", "text": "", "_prefill": "1",
        "upload": SimpleUploadedFile("b.html", html.replace("200", "300").encode("utf-8")),
    })
    assert response.context["adminform"].form.initial["title"] == "滑县出台人才新政十条"


def test_binary_and_other_files_are_refused(editor_client):
    response = post(editor_client, upload=SimpleUploadedFile("a.txt", b"\x00\x01binary"))
    assert response.status_code == 200 and not Article.objects.exists()
    assert "这是二进制文件" in response.content.decode()  # in the editor's language, zh-hans by default
    response = post(editor_client, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4"))
    assert response.status_code == 200 and not Article.objects.exists()


def test_empty_input_is_refused(editor_client):
    response = post(editor_client, text="  \r\n ")
    assert response.status_code == 200 and not Article.objects.exists()


def test_duplicate_is_refused_with_a_link_to_the_existing_article(editor_client):
    post(editor_client, text=HUAXIAN)
    existing = Article.objects.get()
    # The same announcement re-typeset: full-width digits and other spacing.
    retyped = HUAXIAN.replace("200", "２００").replace("\n", "\n\n  ")
    response = post(editor_client, text=retyped)
    assert response.status_code == 200
    assert Article.objects.count() == 1
    body = response.content.decode()
    assert "already stored" in body or "已" in body
    assert f'href="{reverse("admin:policies_article_review", args=[existing.pk])}"' in body


def test_details_are_prefilled_from_the_text(editor_client, monkeypatch):
    monkeypatch.setattr(
        extraction, "extract",
        lambda text: ArticleExtraction(title="滑县出台人才新政十条", publisher="滑县人民政府", published="2024-06"),
    )
    response = editor_client.post(
        reverse(ADD), {"text": HUAXIAN, "title": "", "publisher": "我的单位", "published": "", "source_url": "", "_prefill": "1"}
    )
    assert response.status_code == 200
    assert not Article.objects.exists()  # nothing stored yet
    form = response.context["adminform"].form
    assert form.initial["title"] == "滑县出台人才新政十条"
    assert form.initial["publisher"] == "我的单位"  # what the editor typed wins
    assert form.initial["published"] == "2024-06"
    assert "滑县出台人才新政十条" in response.content.decode()


def test_blank_details_are_read_from_the_text_on_save(editor_client, monkeypatch):
    monkeypatch.setattr(extraction, "extract", lambda text: ArticleExtraction(title="读出的标题", published="2024"))
    post(editor_client, text=HUAXIAN)
    article = Article.objects.get()
    assert (article.title, article.published) == ("读出的标题", "2024")


def test_bad_date_is_refused(editor_client):
    response = post(editor_client, text=HUAXIAN, published="2024/6/1")
    assert response.status_code == 200 and not Article.objects.exists()


def test_an_uploaded_file_keeps_its_name_through_read_details(editor_client):
    upload = SimpleUploadedFile("huaxian.txt", HUAXIAN.encode("gbk"))
    response = editor_client.post(reverse(ADD), {"upload": upload, "_prefill": "1"})
    form = response.context["adminform"].form
    assert form.initial["text"] == HUAXIAN.strip("\n") and form.initial["source_file"] == "huaxian.txt"
    post(editor_client, text=form.initial["text"], source_file=form.initial["source_file"])
    assert Article.objects.get().source_file == "huaxian.txt"


def test_read_details_keep_the_month_of_a_byline(editor_client):
    """Issue 12, point 11: the text says 2025年3月, so read details say 2025-03, not 2025."""
    text = "滑县出台人才新政十条\n滑县融媒体中心　2025年3月\n滑县将建设人才公寓200套，到2025年引进人才1000人。\n"
    response = editor_client.post(reverse(ADD), {"text": text, "title": "", "publisher": "", "published": "",
                                                 "source_url": "", "_prefill": "1"})
    assert response.context["adminform"].form.initial["published"] == "2025-03"


def test_a_nameless_text_is_saved_with_a_title_from_its_words(editor_client):
    post(editor_client, text="为吸引青年人才，滑县将建设人才公寓200套；\n提供工位80个。\n")
    assert Article.objects.get().title == "为吸引青年人才，滑县将建设人才公寓200套"


def test_a_title_cleared_in_the_admin_is_named_again(editor_client):
    post(editor_client, text=HUAXIAN)
    article = Article.objects.get()
    response = editor_client.post(reverse("admin:policies_article_change", args=[article.pk]), {
        "title": "", "publisher": "", "published": "", "source_url": "", "districts": [],
        # The (empty) inline of the program mentions.
        "mentions-TOTAL_FORMS": "0", "mentions-INITIAL_FORMS": "0",
        "mentions-MIN_NUM_FORMS": "0", "mentions-MAX_NUM_FORMS": "1000",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert article.title == "滑县出台人才新政十条"


def facts(article):
    return Incentive.objects.filter(article=article).count() + Metric.objects.filter(article=article).count()


def test_several_files_are_imported_in_one_submit_each_reported(editor_client):
    """One article per file; a text stored already is left as it is, a file that
    cannot be read is refused with why; each said in the editor's language."""
    from policies.importing import import_article

    stored = import_article(HUAXIAN).article
    other = "长垣市发布人才新政\n长垣市将提供人才公寓300套。\n"
    page = "<html><head><title>长垣市人才新政十条_长垣市政府</title></head><body><p>长垣市提供工位50个。</p></body></html>"
    files = [
        SimpleUploadedFile("a.txt", other.encode("gbk")),
        SimpleUploadedFile("again.txt", HUAXIAN.encode("utf-8")),
        SimpleUploadedFile("b.bin.txt", b"\x00\x01binary"),
        SimpleUploadedFile("c.pdf", b"%PDF-1.4"),
        SimpleUploadedFile("d.html", page.encode("utf-8")),
    ]
    response = post(editor_client, upload=files)
    assert response.status_code == 302 and response["Location"] == reverse("admin:policies_article_changelist")
    new = {a.source_file: a for a in Article.objects.exclude(pk=stored.pk)}
    assert set(new) == {"a.txt", "d.html"}
    assert new["a.txt"].text == other.strip("\n") and new["d.html"].title == "长垣市人才新政十条"
    shown = [(m.level_tag, m.message) for m in editor_client.get(reverse("admin:policies_article_changelist"))
             .context["messages"]]
    assert shown[:5] == [
        ("success", f"a.txt：已导入为文章 {new['a.txt'].pk}，含 {facts(new['a.txt'])} 条数据"),
        ("success", f"again.txt：已存为文章 {stored.pk}，没有新内容"),
        ("error", "b.bin.txt：未导入：这是二进制文件，不是文本文章"),
        ("error", "c.pdf：未导入：不是 .txt 或 .html 文件"),
        ("success", f"d.html：已导入为文章 {new['d.html'].pk}，含 {facts(new['d.html'])} 条数据"),
    ]
    assert shown[5][0] == "warning" and "2" in shown[5][1]
    # Again: nothing new, every file said so or refused again.
    post(editor_client, upload=[SimpleUploadedFile("a.txt", other.encode("gbk")),
                                SimpleUploadedFile("d.html", page.encode("utf-8"))])
    assert Article.objects.count() == 3


def test_several_files_take_no_details_typed_for_one(editor_client):
    files = [SimpleUploadedFile("a.txt", HUAXIAN.encode("utf-8")), SimpleUploadedFile("b.txt", "长垣市提供工位50个。".encode())]
    response = post(editor_client, upload=files, title="一个标题")
    assert response.status_code == 200 and not Article.objects.exists()
    assert "多个文件" in response.content.decode()
