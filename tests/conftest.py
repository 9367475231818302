"""Shared fixtures: the programme's reference data and one user per demo role.

Reference data (districts, partners, bodies, project years) and the demo users are loaded once per test database;
tests that flush the database (transactional and browser tests) get them back before the next test runs.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from fundraising.legal import seed_legal_bases
from governance.demo import seed_demo_users
from governance.models import District

DEMO_PASSWORD = "demo-password-for-tests"
ROLES = [
    "direzione",
    "udp.cremonese",
    "udp.cremasco",
    "udp.casalasco",
    "coordinatore",
    "fundraising",
    "amministrazione",
    "referente",
]


def pytest_configure(config):
    """MD5 for the tests' passwords (Django's advice for tests): the demo users are created in a blink, not seconds."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


def load_reference_data():
    out = io.StringIO()
    call_command("seed_wellfare", stdout=out)
    seed_legal_bases()  # loaded by a data migration, so gone after a transactional test's flush
    seed_demo_users(stdout=out, password=DEMO_PASSWORD)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture(autouse=True)
def _reference_data_present(request):
    """After a flush (transactional tests) the reference data is loaded again."""
    names = request.fixturenames
    if "transactional_db" in names or "live_server" in names:
        request.getfixturevalue("transactional_db")
    elif "db" in names:
        request.getfixturevalue("db")
    else:
        return
    if not District.objects.exists():
        load_reference_data()


def _user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def direzione(db):
    return _user("direzione")


@pytest.fixture
def udp_cremonese(db):
    return _user("udp.cremonese")


@pytest.fixture
def udp_cremasco(db):
    return _user("udp.cremasco")


@pytest.fixture
def udp_casalasco(db):
    return _user("udp.casalasco")


@pytest.fixture
def coordinatore(db):
    return _user("coordinatore")


@pytest.fixture
def fundraising(db):
    return _user("fundraising")


@pytest.fixture
def amministrazione(db):
    return _user("amministrazione")


@pytest.fixture
def referente(db):
    return _user("referente")


@pytest.fixture
def superuser(db):
    return _user("admin")


@pytest.fixture
def nobody(db):
    """An active user with no role and no district: sees nothing (fail closed)."""
    return get_user_model().objects.create_user("nobody", password=DEMO_PASSWORD)


@pytest.fixture
def client_for(client):
    """Log the test client in as the given user and return it."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
