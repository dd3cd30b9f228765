#!/usr/bin/env bash
# Install what the app needs, load the seed articles and serve at http://127.0.0.1:8000.
# DATABASE_URL chooses the database (SQLite in the project folder by default).
source "$(dirname "$0")/common.sh"

make_venv ""
compile_messages
.venv/bin/python manage.py migrate -v0
# A database made before indicators.json last changed takes its new indicators (staff edits are kept).
.venv/bin/python manage.py sync_indicators >/dev/null
.venv/bin/python manage.py import_articles seeds
echo "serving on http://127.0.0.1:${PORT:-8000} (Ctrl-C stops)"
exec .venv/bin/python manage.py runserver "127.0.0.1:${PORT:-8000}"
