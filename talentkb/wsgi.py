"""WSGI entry point, served in production by gunicorn (`gunicorn talentkb.wsgi`)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentkb.settings")
application = get_wsgi_application()


def warm_up() -> None:
    """Load, as a worker starts, what its first request would otherwise wait for: every page's module
    (Django reads the URLconf on the first request) and jieba's dictionary, which search loads on first use:
    a new worker's first `/programs/?q=人才` took 0.63 s, 0.02 s of it in the database (docs/performance.md)."""
    from django.urls import get_resolver

    from policies.search import load_dictionary

    get_resolver().url_patterns  # noqa: B018 (reading it imports the pages)
    load_dictionary()


warm_up()
