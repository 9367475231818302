"""`/healthz` for load balancers: the database answers and every migration is applied. Public, JSON, no session."""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Once every migration has been seen applied, this process does not read the migration files again (a deploy
# migrates before it restarts the app servers; a missing migration can only appear with new code, i.e. a new process).
_migrations_seen_applied = False


def pending_migrations() -> int:
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


@never_cache
@require_GET
def healthz(request):
    global _migrations_seen_applied
    checks = {"database": "ok", "migrations": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not _migrations_seen_applied:
            pending = pending_migrations()
            if pending:
                checks["migrations"] = f"{pending} da applicare"
            else:
                _migrations_seen_applied = True
    except DatabaseError:
        checks["database"] = "non raggiungibile"
        checks["migrations"] = "sconosciute"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)
