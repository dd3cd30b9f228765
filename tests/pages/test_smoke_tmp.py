import pytest

PAGES = ["/", "/programs/", "/incentives/", "/metrics/", "/articles/", "/districts/", "/districts/110106/",
         "/search/?q=人才公寓", "/search/?q=免租&type=incentives", "/compare/?d=110106&d=120103&d=110105",
         "/incentives/?format=csv", "/incentives/?format=json", "/compare/?d=110106&d=120103&format=json",
         "/districts/lookup/?q=fengtai", "/compare/?d=110106&add=河西"]


@pytest.mark.parametrize("url", PAGES)
def test_renders(client, kb, url):
    r = client.get(url)
    assert r.status_code == 200, r.content[:3000]
    body = b"".join(r.streaming_content) if r.streaming else r.content
    print(body.decode()[:200])


def test_detail(client, kb):
    assert client.get(f"/articles/{kb.fengtai.pk}/").status_code == 200
    assert client.get(f"/programs/{kb.xuezi.pk}/").status_code == 200
