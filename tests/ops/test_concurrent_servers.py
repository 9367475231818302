"""Real app servers under concurrent writes.

- SQLite (the embedded default): four simultaneous disbursements through four gunicorn workers wait for each other
  (IMMEDIATE transactions, busy timeout, WAL) instead of answering 500 "database is locked"; the budget still holds.
- Scale-out (PostgreSQL): two gunicorn instances on one database, cache on Redis: simultaneous disbursements on one
  pact through both keep the € 2,000 ceiling, and a lockout earned on one instance holds on the other.
"""

import socket
import sqlite3
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from patti.models import Disbursement
from tests.conftest import DEMO_PASSWORD
from tests.ops.servers import gunicorn, gunicorns, postgres_url, session_of, simultaneously
from tests.patti.factories import ledger_lines, signed_patto

pytestmark = pytest.mark.django_db(transaction=True)


def full_budget_patto(user):
    ledger_lines()
    return signed_patto(user=user, budget_cariplo=Decimal("2000.00"), budget_cofinancing=Decimal("0.00"))


def disburse(server, session, patto, amount):
    return lambda: server.post(
        reverse("patti:disbursement_create", args=[patto.pk]),
        {"date": "2016-10-01", "amount": amount, "funding_source": "cariplo", "purpose": "Canone di locazione"},
        session=session,
    )


def outcome(response):
    if isinstance(response, Exception):
        return f"error {response!r}"
    if response.status == 302:
        return "paid"
    if response.status == 200 and "restano" in response.body:
        return "refused: over budget"
    return f"{response.status} {'database is locked' if 'locked' in response.body else response.body[:300]}"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded SQLite default")
def test_sqlite_four_simultaneous_disbursements_wait_instead_of_failing(coordinatore, tmp_path):
    patto = full_budget_patto(coordinatore)
    session = session_of(coordinatore)
    database = tmp_path / "wellfare.sqlite3"
    target = sqlite3.connect(database)
    connection.ensure_connection()
    connection.connection.backup(target)  # the test database, reference data and this pact included
    target.close()

    with gunicorn(database_url=f"sqlite:///{database}", tmp_path=tmp_path, workers=2, GUNICORN_THREADS="2") as server:
        results = simultaneously([disburse(server, session, patto, "600.00") for _ in range(4)])
    outcomes = sorted(outcome(r) for r in results)
    assert outcomes == ["paid", "paid", "paid", "refused: over budget"], outcomes
    db = sqlite3.connect(database)
    total, count = db.execute(
        "SELECT SUM(amount), COUNT(*) FROM patti_disbursement WHERE patto_id = ?", [patto.pk]
    ).fetchone()
    assert (Decimal(str(total)), count) == (Decimal("1800"), 3)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def redis_available():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="scale-out runs on PostgreSQL")
def test_two_instances_keep_the_budget_ceiling_and_share_the_lockout(coordinatore, tmp_path):
    if not redis_available():
        pytest.fail("Redis is not running on 127.0.0.1:6379 (.ci/run starts it)")
    patto = full_budget_patto(coordinatore)
    session = session_of(coordinatore)
    with gunicorns(
        2,
        database_url=postgres_url(),
        tmp_path=tmp_path,
        workers=1,
        GUNICORN_THREADS="4",  # four requests at once per instance, each on its own database connection
        CACHE_URL="redis://127.0.0.1:6379/15",
    ) as (a, b):
        t0 = time.monotonic()
        # Eight disbursements of 500 € at the same instant, four through each instance: exactly four fit in 2,000 €.
        results = simultaneously([disburse(server, session, patto, "500.00") for server in (a, b) * 4])
        outcomes = sorted(outcome(r) for r in results)
        assert outcomes == ["paid"] * 4 + ["refused: over budget"] * 4, outcomes
        assert sum(d.amount for d in Disbursement.objects.filter(patto=patto)) == Decimal("2000.00")

        # The session made by one instance is good on the other; five failures alternating between the instances
        # lock the username on both.
        assert a.get("/", session=session).status == 200
        assert b.get("/", session=session).status == 200
        for server in (a, b, a, b):
            assert server.post(reverse("login"), {"username": "direzione", "password": "x"}).status == 200
        assert a.post(reverse("login"), {"username": "direzione", "password": "x"}).status == 429
        locked = b.post(reverse("login"), {"username": "direzione", "password": DEMO_PASSWORD})
        assert locked.status == 429
        assert "bloccato" in locked.body
        print(f"requests took {time.monotonic() - t0:.1f} s")
