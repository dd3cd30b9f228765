"""The lists' orders are read from indexes, not sorted: a page of 25 out of millions of facts.

Each test captures the query a list page runs and asks PostgreSQL for its plan with sorting
made as dear as it can be (enable_sort off): where an index gives the order, the plan reads it
and has no Sort; where none does, the Sort stays (docs/performance.md, "Largest first").
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: its planner's plan")


def plan_of_rows_query(client, url: str, table: str) -> str:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    rows = [q["sql"] for q in queries.captured_queries
            if q["sql"].startswith("SELECT") and f'FROM "{table}"' in q["sql"] and "ORDER BY" in q["sql"]
            and "LIMIT" in q["sql"]]
    assert rows, url
    with connection.cursor() as cursor:
        cursor.execute("SET enable_sort = off")
        cursor.execute("EXPLAIN " + rows[0])
        plan = "\n".join(r[0] for r in cursor.fetchall())
        cursor.execute("RESET enable_sort")
    return plan


@pytest.mark.parametrize("url, table", [
    ("/incentives/?sort=-value", "policies_incentive"),
    ("/metrics/?sort=-value", "policies_metric"),
    ("/incentives/?sort=value", "policies_incentive"),
    ("/incentives/", "policies_incentive"),
])
def test_a_list_page_reads_its_order_from_an_index(client, kb, url, table):
    plan = plan_of_rows_query(client, url, table)
    assert "Sort" not in plan.replace("Sort Key", ""), plan
