"""`/healthz` for load balancers, and the Italian error pages."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from governance.views import health


@pytest.fixture(autouse=True)
def _forget_migrations_seen():
    health._migrations_seen_applied = False
    yield
    health._migrations_seen_applied = False


def test_healthz_answers_200_json_without_login(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


def test_healthz_answers_503_when_migrations_are_pending(db):
    with mock.patch.object(health, "pending_migrations", return_value=2):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "migrations": "2 da applicare"}


def test_healthz_answers_503_when_the_database_is_unreachable(db):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=refuse):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "non raggiungibile"


def test_healthz_is_exempt_from_the_https_redirect(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert Client().get("/healthz").status_code == 200
    assert Client().get(reverse("login")).status_code == 301


def test_error_pages_are_italian(client_for, udp_cremasco, db):
    client = client_for(udp_cremasco)
    not_found = client.get("/non-esiste/")
    assert not_found.status_code == 404
    assert "Pagina non trovata" in not_found.content.decode()
    forbidden = client.get(reverse("patti:access_log"))
    assert forbidden.status_code == 403
    assert "Accesso non consentito" in forbidden.content.decode()


def test_server_error_page_is_italian_and_names_the_request_id(client_for, direzione):
    client = Client(raise_request_exception=False)
    client.force_login(direzione)
    with mock.patch("governance.views.pages.user_scope", side_effect=RuntimeError("boom")):
        response = client.get("/", HTTP_X_REQUEST_ID="abcdef12-3456-7890")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Errore del sistema" in body
    assert "abcdef12-3456-7890" in body
    assert response["X-Request-ID"] == "abcdef12-3456-7890"
