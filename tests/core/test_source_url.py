"""An article's source URL is a link only when it is a web address: the model
accepts http and https alone, and the pages link `Article.source_link`, so a
`javascript:` URL stored by any other way is never clickable.
"""
import re
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value or "" for name, value in attrs if name == "href"]


def hrefs(response) -> list[str]:
    parser = Links()
    parser.feed(response.content.decode())
    # What a browser does before reading the scheme: drop blanks, tabs and newlines.
    return [re.sub(r"[\t\n\r]", "", h).strip().lower() for h in parser.hrefs]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " java\tscript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "ftp://example.org/a.txt"])
def test_the_model_accepts_only_web_addresses(kb, url):
    kb.fengtai.source_url = url
    with pytest.raises(ValidationError) as error:
        kb.fengtai.full_clean()
    assert list(error.value.message_dict) == ["source_url"]


def test_a_web_address_is_valid(kb):
    kb.fengtai.source_url = "https://www.bjft.gov.cn/notice.html"
    kb.fengtai.full_clean()


def test_the_admin_refuses_a_javascript_source(admin_client, kb):
    from policies.models import Article

    change = f"/admin/policies/article/{kb.fengtai.pk}/change/"
    form = admin_client.get(change).context["adminform"].form
    data = {name: form[name].value() or "" for name in ("title", "publisher", "published")}
    data |= {"source_url": "javascript:alert(1)", "districts": [d.pk for d in kb.fengtai.districts.all()],
             "mention_set-TOTAL_FORMS": "0", "mention_set-INITIAL_FORMS": "0"}
    response = admin_client.post(change, data)
    assert response.status_code == 200 and "source_url" in response.context["adminform"].form.errors
    assert Article.objects.get(pk=kb.fengtai.pk).source_url == ""


@pytest.mark.parametrize("url", ["javascript:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)"])
def test_a_stored_javascript_url_is_never_a_link(admin_client, client, kb, url):
    """A row written without validation (raw SQL, a script) is shown, not linked."""
    from policies.models import Article

    Article.objects.filter(pk=kb.fengtai.pk).update(source_url=url)
    pages = [
        client.get(f"/articles/{kb.fengtai.pk}/"),
        admin_client.get(f"/admin/policies/article/{kb.fengtai.pk}/change/"),
        admin_client.get(f"/admin/policies/article/{kb.fengtai.pk}/review/"),
    ]
    for page in pages:
        assert page.status_code == 200
        assert not [h for h in hrefs(page) if h.startswith("javascript:")], page.wsgi_request.path


def test_a_web_source_url_is_a_link(admin_client, client, kb):
    from policies.models import Article

    url = "https://www.bjft.gov.cn/notice.html"
    Article.objects.filter(pk=kb.fengtai.pk).update(source_url=url)
    assert url in hrefs(client.get(f"/articles/{kb.fengtai.pk}/"))
    assert url in hrefs(admin_client.get(f"/admin/policies/article/{kb.fengtai.pk}/review/"))
