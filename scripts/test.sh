#!/usr/bin/env bash
# Install what the tests need (Python packages in .venv; Chromium, CJK fonts and
# gettext from Debian where missing), check the import contracts and run the
# whole suite. With DATABASE_URL pointing at PostgreSQL the tests run there;
# extra arguments go to pytest.
source "$(dirname "$0")/common.sh"

apt_install chromium fonts-noto-cjk gettext nginx-light
make_venv "[test]"
compile_messages

if [[ "${DATABASE_URL:-}" == postgres* ]]; then
    # The test database is copied from a UTF-8 template with a UTF-8 ctype,
    # without which PostgreSQL cannot index Chinese text.
    template=${DATABASE_TEST_TEMPLATE:-talentkb_template}
    .venv/bin/python scripts/pg_template.py "$DATABASE_URL" "$template"
fi

# The apps' layers and the extractor's independence (pyproject.toml,
# [tool.importlinter]); a broken contract fails the run before any test.
.venv/bin/lint-imports

export TEST_OUTPUT_DIR=${TEST_OUTPUT_DIR:-$PWD/test-output}
mkdir -p "$TEST_OUTPUT_DIR"
# One test process per core (pytest-xdist; TEST_WORKERS=0 runs them all in this one);
# pytest exits 5 when it collected no test: that is a failure here too.
.venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" "$@"
