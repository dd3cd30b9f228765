"""Create the PostgreSQL template database the test database is copied from.

    python scripts/pg_template.py DATABASE_URL TEMPLATE_NAME

The template is UTF-8 with the C.UTF-8 locale (from template0), so that
pg_trgm and tsvector index Chinese. Does nothing when it exists already.
"""
import sys

import dj_database_url
import psycopg2
from psycopg2 import sql


def main(url: str, template: str) -> None:
    params = dj_database_url.parse(url)
    connection = psycopg2.connect(
        dbname="postgres",
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
        if cursor.fetchone() is None:
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'").format(
                    sql.Identifier(template)
                )
            )
            print(f"created template database {template} (UTF8, C.UTF-8)")
        cursor.execute("SELECT datname FROM pg_database WHERE datname = %s", [params["NAME"]])
        if cursor.fetchone() is None:
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(params["NAME"]), sql.Identifier(template)
                )
            )
            print(f"created database {params['NAME']}")
    connection.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
