"""An app server keeps no state of its own: what one caches or logs in, the others read from the database."""
from django.core.cache import cache
from django.db import connection


def test_the_cache_is_a_table_every_server_reads(db):
    cache.set("shared-key", "written by one server", 60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM talentkb_cache")
        assert [row[0] for row in cursor.fetchall()] == [":1:shared-key"]


def test_a_login_is_a_row_of_the_database(client, django_user_model):
    from django.contrib.sessions.models import Session

    django_user_model.objects.create_user("editor", password="a long test password 1", is_staff=True)
    assert client.post("/admin/login/", {"username": "editor", "password": "a long test password 1"}).status_code == 302
    session = Session.objects.get(session_key=client.cookies["sessionid"].value)
    assert session.get_decoded()["_auth_user_id"]


def test_a_read_replica_is_configured_with_its_router_and_the_job_queue(settings_in_process):
    replica = "postgres://reader@replica.example.org:5432/talentkb"
    primary = "postgres://writer@primary.example.org:5432/talentkb"
    assert settings_in_process("s.DATABASE_ROUTERS", DATABASE_URL=primary, DATABASE_REPLICA_URL=replica,
                               TASKS_BACKEND="database") == "['talentkb.routers.ReadReplicaRouter']"
    assert "DATABASE_REPLICA_URL needs TASKS_BACKEND=database" in settings_in_process(
        "s.DATABASE_ROUTERS", DATABASE_URL=primary, DATABASE_REPLICA_URL=replica)


def test_public_reads_go_to_the_replica_and_the_rest_to_the_primary(rf):
    from django.contrib.auth.models import AnonymousUser

    from policies.models import Article
    from talentkb.routers import ReadReplicaRouter, public_reads

    router = ReadReplicaRouter()
    seen = {}

    def view(request):
        seen[request.path, request.method] = router.db_for_read(Article)
        return None

    for method, path, user in (("get", "/incentives/", AnonymousUser()), ("post", "/incentives/", AnonymousUser()),
                               ("get", "/admin/", AnonymousUser()),
                               ("get", "/articles/", type("Editor", (), {"is_authenticated": True})())):
        request = getattr(rf, method)(path)
        request.user = user
        public_reads(view)(request)
    assert seen["/incentives/", "GET"] == "replica"
    assert seen["/incentives/", "POST"] is None and seen["/admin/", "GET"] is None
    assert seen["/articles/", "GET"] is None  # signed in: reads the primary, sees their own edits at once
    assert router.db_for_read(Article) is None and router.db_for_write(Article) == "default"
