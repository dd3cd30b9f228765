"""The Content-Security-Policy header (django-csp) on every response, and no
template with what the policy refuses. Its effect in a real browser, pages
and scripts working with no violation reported: tests/browser/test_csp.py.
"""
import re

import pytest
from django.test import Client


def policy_of(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize("url", ["/", "/compare/", "/admin/login/", "/districts/lookup/?q=fengtai",
                                 "/no-such-page/", "/test-errors/500/"])
def test_every_response_carries_the_policy(settings, url, db):
    settings.DEBUG = False  # django-csp leaves Django's debug pages alone
    policy = policy_of(Client(raise_request_exception=False).get(url))
    assert policy["default-src"] == "default-src 'self'"
    assert "unsafe-inline" not in str(policy) and "unsafe-eval" not in str(policy)
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"<style", re.I), "a <style> element"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I), "an inline event handler"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def test_no_template_has_what_the_policy_refuses(project_root):
    """The policy allows no inline script or style: a template that adds one breaks in the browser."""
    found = []
    for template in sorted((project_root / "templates").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{template.relative_to(project_root)}:{line}: {what}")
    assert found == []
