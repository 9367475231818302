"""The rules on donors: who writes, contact validation, consent history, merge, erasure."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fundraising import services
from fundraising.enums import ContactChannel
from fundraising.models import (
    ConsentRecord,
    Donation,
    Donor,
    DonorMerge,
    Pledge,
    Receipt,
)
from tests.fundraising.factories import (
    VALID_COMPANY_CODE,
    VALID_PERSONAL_CODE,
    CompanyDonorFactory,
    DonationFactory,
    DonorFactory,
    designation,
)

pytestmark = pytest.mark.django_db


def messages_of(excinfo) -> str:
    return " ".join(excinfo.value.messages)


# --- Donors ---------------------------------------------------------------------------------------------------


def test_only_fundraising_staff_write_donors(direzione, superuser, fundraising):
    for user in (direzione, superuser):
        with pytest.raises(PermissionDenied):
            services.donor_save(donor=Donor(last_name="Bianchi", acquisition="event", contact_source="x"), user=user)
    assert not Donor.objects.exists()
    services.donor_save(donor=Donor(last_name="Bianchi", acquisition="event", contact_source="x"), user=fundraising)
    assert Donor.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("fiscal_code", "RSSMRA85T10A562X", "Codice fiscale non valido"),
        ("fiscal_code", "12345", "11 cifre"),
        ("email", "maria@", "indirizzo email valido"),
        ("last_name", "", "Indicare il cognome"),
    ],
)
def test_donor_with_bad_contact_data_is_refused_and_nothing_saved(fundraising, field, value, message):
    donor = Donor(first_name="Maria", last_name="Rossi", acquisition="event", contact_source="Evento")
    setattr(donor, field, value)
    with pytest.raises(ValidationError) as excinfo:
        services.donor_save(donor=donor, user=fundraising)
    assert message in messages_of(excinfo)
    assert not Donor.objects.exists()


def test_person_fiscal_code_must_have_sixteen_characters(fundraising):
    donor = Donor(last_name="Rossi", fiscal_code=VALID_COMPANY_CODE, acquisition="event", contact_source="x")
    with pytest.raises(ValidationError, match="16 caratteri"):
        services.donor_save(donor=donor, user=fundraising)


def test_valid_codes_are_normalised(fundraising):
    donor = services.donor_save(
        donor=Donor(
            last_name="Rossi", fiscal_code=VALID_PERSONAL_CODE.lower(), email=" Maria@Example.ORG ",
            acquisition="event", contact_source="x",
        ),
        user=fundraising,
    )  # fmt: skip
    assert donor.fiscal_code == VALID_PERSONAL_CODE and donor.email == "maria@example.org"
    company = CompanyDonorFactory.build(fiscal_code=VALID_COMPANY_CODE)
    assert services.donor_save(donor=company, user=fundraising).pk


def test_personal_data_never_reach_the_history(fundraising):
    donor = services.donor_save(
        donor=Donor(last_name="Segretissimo", email="a@example.org", acquisition="event", contact_source="x"),
        user=fundraising,
    )
    donor.email = "b@example.org"
    services.donor_save(donor=donor, user=fundraising, expected_version=donor.version)
    latest = donor.history.latest()
    assert latest.history_change_reason == "Dati anagrafici modificati: e-mail"
    assert not hasattr(latest, "last_name") and not hasattr(latest, "email")


def test_consent_per_channel_keeps_its_history(fundraising):
    donor = DonorFactory()
    services.consent_record(
        donor=donor, channel="email", granted=True, date=dt.date(2016, 1, 5), source="Modulo", user=fundraising
    )
    services.consent_record(
        donor=donor, channel="email", granted=False, date=dt.date(2016, 6, 1), source="E-mail", user=fundraising
    )
    state = donor.consent_state()
    assert state[ContactChannel.EMAIL].granted is False
    assert state[ContactChannel.POST] is None
    assert donor.consents.count() == 2


def test_relationship_to_itself_is_refused(fundraising):
    donor = DonorFactory()
    with pytest.raises(ValidationError, match="sé stesso"):
        services.relationship_add(donor=donor, related=donor, kind="works_for", user=fundraising)


def test_merge_keeps_every_gift_receipt_pledge_and_consent(fundraising):
    survivor = DonorFactory(fiscal_code=VALID_PERSONAL_CODE)
    duplicate = DonorFactory(fiscal_code=VALID_PERSONAL_CODE)
    gift = DonationFactory(donor=duplicate)
    receipt = services.receipt_issue(donation=gift, user=fundraising, issued_on=dt.date(2016, 10, 5))
    pledge = Pledge.objects.create(
        donor=duplicate, date=dt.date(2016, 9, 1), amount=Decimal("500"), designation=designation("unrestricted")
    )
    services.consent_record(
        donor=duplicate, channel="post", granted=True, date=dt.date(2016, 1, 1), source="Modulo", user=fundraising
    )
    company = CompanyDonorFactory()
    services.relationship_add(donor=duplicate, related=company, kind="works_for", user=fundraising)

    merge = services.donor_merge(survivor=survivor, merged=duplicate, reason="Stesso codice fiscale", user=fundraising)

    gift.refresh_from_db()
    pledge.refresh_from_db()
    duplicate.refresh_from_db()
    assert gift.donor == survivor and pledge.donor == survivor
    assert Receipt.objects.get(pk=receipt.pk).donation.donor == survivor
    assert survivor.consents.count() == 1 and survivor.relationships.get().related == company
    assert duplicate.merged_into == survivor
    assert merge.moved["donations"] == [gift.pk] and merge.moved["receipts"] == [receipt.pk]
    assert DonorMerge.objects.get().performed_by == fundraising
    assert gift.history.latest().history_change_reason.startswith("Unione del donatore")
    with pytest.raises(ValidationError, match="già stato unito"):
        services.donor_merge(survivor=survivor, merged=duplicate, reason="ancora", user=fundraising)


def test_erasure_anonymises_the_person_but_keeps_gifts_and_receipts(fundraising):
    donor = DonorFactory(first_name="Giulia", last_name="Cancellanda", fiscal_code=VALID_PERSONAL_CODE)
    services.consent_record(
        donor=donor, channel="email", granted=True, date=dt.date(2016, 1, 1), source="Modulo", user=fundraising
    )
    gift = DonationFactory(donor=donor)
    receipt = services.receipt_issue(donation=gift, user=fundraising, issued_on=dt.date(2016, 10, 5))

    services.donor_erase(donor=donor, user=fundraising, reason="Richiesta dell'interessata")

    donor.refresh_from_db()
    assert donor.anonymised_at and donor.last_name == "" and donor.fiscal_code == "" and donor.email == ""
    assert "Cancellanda" not in str([vars(h) for h in donor.history.all()])
    assert donor.consent_state()[ContactChannel.EMAIL].granted is False
    assert Donation.objects.filter(pk=gift.pk, donor=donor).exists()
    assert Receipt.objects.get(pk=receipt.pk).donor_fiscal_code == VALID_PERSONAL_CODE  # kept for the tax period
    with pytest.raises(ValidationError, match="anonimizzato"):
        services.donor_save(donor=donor, user=fundraising, expected_version=donor.version)


def test_consent_records_are_rows_not_edits(fundraising):
    donor = DonorFactory()
    record = services.consent_record(
        donor=donor, channel="sms", granted=True, date=dt.date(2016, 1, 1), source="Modulo", user=fundraising
    )
    assert ConsentRecord.objects.get().created_by == fundraising and record.history.count() == 1
