"""More than one app server: two gunicorn instances on one PostgreSQL, behind nginx.

The app servers keep nothing of their own (sessions and the cache are in the
database), so a login made through one instance is valid on the other, and an
edit made through one is read through the other and through the balancer at
once. Real processes, as an operator runs them (docs/deployment.md).
"""
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from django.conf import settings

from scripts.nginx_conf import nginx_config
from tests.processes import ROOT, manage, migrated_database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
                       reason="nginx is not installed (Debian's nginx-light; scripts/test.sh installs it)"),
    pytest.mark.skipif(not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
                       reason="needs PostgreSQL: app servers on several machines share a database server, "
                              "not an SQLite file"),
]

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
ANNOUNCEMENT = "滑县发布人才新政，将提供人才公寓200套，并设立3000万元人才发展专项资金。\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base: str, process: subprocess.Popen, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the server for {base} exited with {process.returncode}"
        try:
            urllib.request.urlopen(base + "/admin/login/", timeout=5).read()
            return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    raise AssertionError(f"nothing answers at {base} after {seconds} s")


@contextmanager
def running(args: list, **kwargs):
    process = subprocess.Popen(args, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               **kwargs)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Browser:
    """One person's cookies across every address: the session cookie made through one server goes to all."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, url: str) -> str:
        with self.opener.open(url, timeout=60) as response:
            return response.read().decode("utf-8")

    def post(self, url: str, form: dict) -> tuple[int, str]:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(url))[1]
        data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(url, data=data, headers={"Referer": url})
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8")


@pytest.fixture
def two_servers_behind_nginx(tmp_path):
    """(instance 1, instance 2, nginx): their base URLs, on one freshly migrated PostgreSQL database."""
    with migrated_database(tmp_path, "machines") as url, ExitStack() as stack:
        out, err, code = manage(url, "shell", "-c", (
            "from django.contrib.auth.models import User; "
            "User.objects.create_superuser('admin', 'a@example.org', 'a long test password 1')"))
        assert code == 0, err
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "talentkb.settings", "DEBUG": "1",
               "ALLOWED_HOSTS": "127.0.0.1"}
        ports = [free_port(), free_port()]
        bases = []
        for port in ports:
            process = stack.enter_context(running(
                [str(Path(sys.executable).parent / "gunicorn"), "talentkb.wsgi", "--bind", f"127.0.0.1:{port}",
                 "--workers", "1", "--timeout", "60"], cwd=ROOT, env=env))
            bases.append(f"http://127.0.0.1:{port}")
            wait_until_up(bases[-1], process)
        front = free_port()
        conf = nginx_config(tmp_path, front, ports)
        nginx = stack.enter_context(running([NGINX, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"]))
        bases.append(f"http://127.0.0.1:{front}")
        wait_until_up(bases[-1], nginx)
        yield bases


def test_an_edit_through_one_server_is_read_through_the_other_and_through_nginx(two_servers_behind_nginx):
    one, two, balancer = two_servers_behind_nginx
    browser = Browser()
    # Logged in through instance 1: the session lives in the database, so instance 2 knows it.
    browser.post(f"{one}/admin/login/?next=/admin/", {"username": "admin", "password": "a long test password 1"})
    assert 'href="/admin/logout/"' in browser.get(f"{two}/admin/") or "logout" in browser.get(f"{two}/admin/")
    assert "/admin/login/" not in browser.opener.open(f"{two}/admin/", timeout=60).geturl()

    title = f"两台服务器 {uuid.uuid4().hex[:8]}"
    status, _ = browser.post(f"{one}/admin/policies/article/add/", {"text": ANNOUNCEMENT, "title": title})
    assert status == 200
    # At once, through the other instance (the staff side) and through nginx (the public page).
    listed = browser.get(f"{two}/admin/policies/article/?q={urllib.parse.quote(title)}")
    article = re.search(r"/admin/policies/article/(\d+)/change/", listed)
    assert article, "the article added through instance 1 is not listed by instance 2"
    for base in (two, balancer, balancer):  # nginx alternates between the two
        page = Browser().get(f"{base}/articles/{article[1]}/")
        assert title in page
