"""The admin edits reference data for system administrators: every governance model is registered; organisation
input rules (tax code) give Italian messages."""

import pytest
from django.apps import apps
from django.contrib import admin

from governance.models import Organisation

pytestmark = pytest.mark.django_db


def test_every_governance_model_is_in_the_admin():
    missing = [
        m.__name__
        for m in apps.get_app_config("governance").get_models()
        if not m.__name__.startswith("Historical") and m not in admin.site._registry
    ]
    assert not missing


def organisation_form(**overrides):
    data = {
        "name": "Cooperativa di prova",
        "kind": "social_coop",
        "tax_code": "",
        "history_change_reason": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("tax_code", "message"),
    [
        ("00297960198", "la cifra di controllo non corrisponde"),
        ("12345", "11 cifre (enti) o 16 caratteri"),
        ("RSSMRA80A01D150X", "carattere di controllo"),
    ],
)
def test_an_invalid_tax_code_is_refused_with_an_italian_message(client, superuser, tax_code, message):
    client.force_login(superuser)
    response = client.post("/admin/governance/organisation/add/", organisation_form(tax_code=tax_code))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.filter(name="Cooperativa di prova").exists()


def test_a_duplicate_tax_code_is_refused(client, superuser):
    client.force_login(superuser)
    response = client.post("/admin/governance/organisation/add/", organisation_form(tax_code="00297960197"))
    assert response.status_code == 200
    assert "esiste già" in response.content.decode()
    assert not Organisation.objects.filter(name="Cooperativa di prova").exists()


def test_a_valid_tax_code_or_none_is_accepted(client, superuser):
    client.force_login(superuser)
    response = client.post("/admin/governance/organisation/add/", organisation_form(tax_code="12345670017"))
    assert response.status_code == 302
    response = client.post("/admin/governance/organisation/add/", organisation_form(name="Senza codice"))
    assert response.status_code == 302
    assert Organisation.objects.get(name="Senza codice").tax_code is None
