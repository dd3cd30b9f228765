"""WSGI entry point, served in production by gunicorn (`gunicorn talentkb.wsgi`)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentkb.settings")
application = get_wsgi_application()
