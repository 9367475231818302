"""Login lockout, sessions, security headers and caching of pages behind login."""

import pytest
from django.urls import reverse

from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_five_failed_logins_lock_the_user_for_fifteen_minutes_with_an_italian_message(client, settings):
    url = reverse("login")
    for _ in range(5):
        response = client.post(url, {"username": "direzione", "password": "sbagliata"})
    response = client.post(url, {"username": "direzione", "password": DEMO_PASSWORD})
    assert response.status_code == 429
    assert "bloccato per 15 minuti" in response.content.decode()
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60


def test_a_correct_password_logs_in(client):
    response = client.post(reverse("login"), {"username": "direzione", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_wrong_password_shows_an_italian_error(client):
    response = client.post(reverse("login"), {"username": "direzione", "password": "sbagliata"})
    assert response.status_code == 200
    assert "Inserisci" in response.content.decode() or "corrett" in response.content.decode()


def test_sessions_expire_after_sixty_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_pages_behind_login_are_not_stored_in_the_browser_cache(client_for, direzione):
    response = client_for(direzione).get("/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_security_headers_and_csp_without_inline_script(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_inline_script_in_pages(client_for, direzione):
    html = client_for(direzione).get("/").content.decode()
    assert "<script>" not in html
    assert "<script src=" in html


def test_password_reset_sends_an_italian_email(client, mailoutbox, direzione):
    response = client.post(reverse("password_reset"), {"email": direzione.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "Wel(l)Fare Legami" in mailoutbox[0].subject
    assert "/accounts/reset/" in mailoutbox[0].body


def test_italian_by_default_even_for_an_english_browser(client):
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="it">' in html
