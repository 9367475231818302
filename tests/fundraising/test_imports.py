"""Gifts from a bank statement: a review of every row before anything is saved, then all rows or none."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fundraising import pending
from fundraising.models import Donation, PendingUpload
from governance.enums import Role
from tests.fundraising.factories import VALID_PERSONAL_CODE, DonorFactory

pytestmark = pytest.mark.django_db

HEADER = "data;importo;ordinante;riferimento\r\n"


def statement(*lines: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("estratto.csv", (HEADER + "".join(f"{line}\r\n" for line in lines)).encode("utf-8"))


def check(client, upload, key="subfund:cremasco"):
    return client.post(reverse("fundraising:bank_import"), {"file": upload, "designation_key": key})


def token_in(page: str) -> str:
    return re.search(r'<input type="hidden" name="token" value="([^"]*)"', page).group(1)


def confirm(client, page: str, token: str | None = None):
    return client.post(reverse("fundraising:bank_import"), {"step": "confirm", "token": token or token_in(page)})


def test_statement_is_reviewed_with_matched_donors_then_imported_once(client_for, fundraising):
    by_code = DonorFactory(first_name="Maria", last_name="Rossi", fiscal_code=VALID_PERSONAL_CODE)
    by_name = DonorFactory(first_name="Paolo", last_name="Galli")
    client = client_for(fundraising)
    upload = statement(
        f"03/10/2016;250,00;ROSSI M.;Donazione {VALID_PERSONAL_CODE}",
        "04/10/2016;1.000,00;GALLI PAOLO;Bonifico 77",
        "05/10/2016;30,00;SCONOSCIUTO SPA;Bonifico 78",
    )
    page = check(client, upload).content.decode()
    assert "3 donazioni da importare" in page
    assert f"{by_code.display_name} ({by_code.code})" in page and f"{by_name.display_name} ({by_name.code})" in page
    assert "Nessuno: donazione anonima" in page
    assert not Donation.objects.exists()

    response = confirm(client, page)
    assert response.status_code == 302
    gifts = {g.reference: g for g in Donation.objects.all()}
    assert gifts[f"Donazione {VALID_PERSONAL_CODE}"].donor == by_code
    assert gifts["Bonifico 77"].donor == by_name and str(gifts["Bonifico 77"].amount) == "1000.00"
    assert gifts["Bonifico 78"].donor is None and "SCONOSCIUTO SPA" in gifts["Bonifico 78"].notes
    assert all(
        str(g.designation) == "Sotto-fondo Cremasco" and g.payment_method == "bank_transfer" for g in gifts.values()
    )

    again = check(client, statement("04/10/2016;1.000,00;GALLI PAOLO;Bonifico 77")).content.decode()
    assert "già registrata" in again and Donation.objects.count() == 3


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("03/10/2016;abc;ROSSI MARIA;Rif 1", "importo"),
        ("03/10/2016;0;ROSSI MARIA;Rif 1", "maggiore di zero"),
        ("31/02/2016;10,00;ROSSI MARIA;Rif 1", "Riga 3"),
        ("03/10/2016;10,00;;Rif 1", "Manca l&#x27;ordinante"),
    ],
)
def test_a_bad_row_imports_nothing_and_says_where(client_for, fundraising, line, message):
    response = check(client_for(fundraising), statement("02/10/2016;20,00;BIANCHI LUCA;Rif 0", line))
    page = response.content.decode()
    assert "non è stato importato nulla" in page and message in page
    assert not Donation.objects.exists()


def test_a_tampered_confirmation_imports_nothing(client_for, fundraising):
    client = client_for(fundraising)
    page = check(client, statement("03/10/2016;250,00;ROSSI M.;Rif 1")).content.decode()
    response = confirm(client, page, token=token_in(page)[:-3] + "xyz")
    assert "non è leggibile" in response.content.decode() and not Donation.objects.exists()


def test_the_review_page_carries_a_token_not_the_file(client_for, fundraising):
    page = check(client_for(fundraising), statement("03/10/2016;250,00;ROSSI M.;Riferimento-unico-42")).content.decode()
    hidden = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page)
    assert {name for name, _ in hidden} == {"csrfmiddlewaretoken", "step", "token"}
    assert max(len(value) for _, value in hidden) < 200 and PendingUpload.objects.count() == 1


def test_a_token_of_another_user_imports_nothing(client, fundraising):
    colleague = get_user_model().objects.create_user("fundraising.bis", password="una-password-lunga-1")
    colleague.groups.add(Group.objects.get(name=Role.FUNDRAISING))
    client.force_login(fundraising)
    page = check(client, statement("03/10/2016;250,00;ROSSI M.;Rif 1")).content.decode()
    client.force_login(colleague)
    response = confirm(client, page)
    assert "caricato da un altro utente" in response.content.decode()
    assert not Donation.objects.exists() and PendingUpload.objects.count() == 1


def test_an_expired_token_imports_nothing(client_for, fundraising, monkeypatch):
    client = client_for(fundraising)
    page = check(client, statement("03/10/2016;250,00;ROSSI M.;Rif 1")).content.decode()
    monkeypatch.setattr(pending, "LIFETIME", dt.timedelta(seconds=-1))  # the token's lifetime is over
    response = confirm(client, page)
    assert "scaduto" in response.content.decode() and not Donation.objects.exists()


def test_a_confirmed_file_is_not_kept_nor_imported_twice(client_for, fundraising):
    client = client_for(fundraising)
    page = check(client, statement("03/10/2016;250,00;ROSSI M.;Rif 1")).content.decode()
    assert confirm(client, page).status_code == 302
    assert not PendingUpload.objects.exists()
    again = confirm(client, page)
    assert "già importato" in again.content.decode() and Donation.objects.count() == 1


def test_template_downloads(client_for, fundraising):
    response = client_for(fundraising).get(reverse("fundraising:bank_import"), {"template": "csv"})
    assert response.content.decode("utf-8-sig").startswith("data;importo;ordinante;riferimento")


DONOR_HEADER = "tipo;nome;cognome;denominazione;codice_fiscale;email;telefono;indirizzo;cap;comune;segmento;acquisizione;fonte_contatto\r\n"  # noqa: E501


def donor_list(*lines: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("donatori.csv", (DONOR_HEADER + "".join(f"{x}\r\n" for x in lines)).encode("utf-8"))


def test_donor_list_proposes_matches_and_creates_only_new_donors(client_for, fundraising):
    from fundraising.models import Donor

    known = DonorFactory(last_name="Rossi", fiscal_code=VALID_PERSONAL_CODE)
    client = client_for(fundraising)
    upload = donor_list(
        f"persona;Maria;Rossi;;{VALID_PERSONAL_CODE};;;;;;;;Elenco del primo anno",
        "impresa;;;Bodini S.r.l.;;info@bodini.example.org;;;;Crema;corporate;one_to_one;Elenco del primo anno",
    )
    page = client.post(reverse("fundraising:donor_import"), {"file": upload}).content.decode()
    assert "1 nuovi donatori, 1 già presenti" in page and f"({known.code})" in page
    assert Donor.objects.count() == 1
    response = client.post(reverse("fundraising:donor_import"), {"step": "confirm", "token": token_in(page)})
    assert response.status_code == 302
    assert Donor.objects.count() == 2
    assert Donor.objects.get(organisation_name="Bodini S.r.l.").created_by == fundraising


def test_donor_list_with_a_bad_fiscal_code_imports_nothing(client_for, fundraising):
    from fundraising.models import Donor

    upload = donor_list(
        "persona;Anna;Verdi;;;anna@example.org;;;;;;;Elenco",
        "persona;Luca;Neri;;RSSMRA85T10A562X;;;;;;;;Elenco",
    )
    page = client_for(fundraising).post(reverse("fundraising:donor_import"), {"file": upload}).content.decode()
    assert "non è stato importato nulla" in page and "Riga 3" in page and "codice_fiscale" in page
    assert not Donor.objects.exists()
