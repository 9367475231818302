"""Login abuse: the per-username lockout stays; password spraying from one address is stopped by a per-address limit
well above an office's normal failures. Counters are in the database (shared by every app server)."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from governance.login_limits import client_ip
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db
OFFICE = "93.40.1.10"
ATTACKER = "198.51.100.7"


def login(username, password, address):
    return Client(REMOTE_ADDR=address).post(reverse("login"), {"username": username, "password": password})


def test_axes_counts_failures_in_the_shared_database(settings):
    assert settings.AXES_HANDLER == "governance.login_limits.UsernameAndAddressHandler"
    from axes.handlers.database import AxesDatabaseHandler

    from governance.login_limits import UsernameAndAddressHandler

    assert issubclass(UsernameAndAddressHandler, AxesDatabaseHandler)
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username"]
    assert settings.AXES_ADDRESS_FAILURE_LIMIT >= 6 * settings.AXES_FAILURE_LIMIT


def test_password_spraying_across_many_usernames_from_one_address_is_locked(settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 12  # the default is 30; a smaller limit keeps the test short
    for n in range(11):
        response = login(f"utente{n}", "Estate2016!", ATTACKER)
        assert response.status_code == 200  # one failure per username: no username lock
    assert login("utente11", "Estate2016!", ATTACKER).status_code == 429  # the 12th failure locks the address
    response = login("direzione", DEMO_PASSWORD, ATTACKER)  # even with a right password
    assert response.status_code == 429
    assert "bloccato" in response.content.decode()
    # the people of another address are not affected
    assert login("direzione", DEMO_PASSWORD, OFFICE).status_code == 302


def test_an_office_with_a_few_typos_behind_one_address_is_not_locked(settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 12
    for username in ("udp.cremonese", "udp.cremasco", "coordinatore", "fundraising", "amministrazione"):
        for _ in range(2):
            assert login(username, "sbagliata", OFFICE).status_code == 200
    assert login("direzione", DEMO_PASSWORD, OFFICE).status_code == 302
    assert login("udp.cremasco", DEMO_PASSWORD, OFFICE).status_code == 302


def test_the_per_username_lockout_holds_whatever_the_address():
    for n in range(5):
        login("direzione", "sbagliata", f"203.0.113.{n}")
    assert login("direzione", DEMO_PASSWORD, "203.0.113.99").status_code == 429


def test_client_address_comes_from_the_proxy_only_behind_the_proxy(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=ATTACKER)
    settings.SECURE_PROXY_SSL_HEADER = None
    assert client_ip(request) == "127.0.0.1"  # a client cannot choose its address by sending a header
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_ip(request) == ATTACKER


def test_sessions_live_in_the_database_shared_by_every_app_server(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
