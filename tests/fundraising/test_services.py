"""The rules of Action 5, one test each: donors and privacy, gifts and pledges, receipts, the fund and transfers."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fundraising import services
from fundraising.enums import ContactChannel, GiftKind, PaymentMethod
from fundraising.models import (
    NO_BENEFIT_WORDING,
    ConsentRecord,
    Designation,
    Donation,
    Donor,
    DonorMerge,
    LegalBasis,
    Pledge,
    Receipt,
)
from governance.models import Action, District, Expense, Organisation
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


# --- Gifts and pledges ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["0", "-10", "0.001"])
def test_gift_amount_must_be_positive_with_cents(fundraising, amount):
    gift = Donation(
        donor=DonorFactory(), date=dt.date(2016, 5, 1), amount=Decimal(amount), payment_method="bank_transfer",
        designation=designation("unrestricted"),
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.donation_save(donation=gift, user=fundraising)
    assert not Donation.objects.exists()


def test_in_kind_gift_describes_the_goods_and_has_no_payment_method(fundraising):
    gift = Donation(
        donor=DonorFactory(), date=dt.date(2016, 5, 1), amount=Decimal("300"), gift_kind=GiftKind.IN_KIND,
        designation=designation("unrestricted"),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="Descrivere i beni"):
        services.donation_save(donation=gift, user=fundraising)
    gift.in_kind_description = "20 cesti alimentari"
    assert services.donation_save(donation=gift, user=fundraising).pk


def test_money_gift_needs_a_payment_method(fundraising):
    gift = Donation(donor=DonorFactory(), date=dt.date(2016, 5, 1), amount=1, designation=designation("unrestricted"))
    with pytest.raises(ValidationError, match="modalità di pagamento"):
        services.donation_save(donation=gift, user=fundraising)


def test_anonymous_gift_is_recorded_without_donor(fundraising):
    gift = Donation(
        date=dt.date(2016, 5, 1), amount=Decimal("20"), payment_method="cash", designation=designation("unrestricted")
    )
    assert services.donation_save(donation=gift, user=fundraising).donor is None


def test_soft_credit_cannot_go_to_the_donor_himself(fundraising):
    donor = DonorFactory()
    gift = DonationFactory.build(donor=donor, soft_credit=donor)
    with pytest.raises(ValidationError, match="soft credit"):
        services.donation_save(donation=gift, user=fundraising)


def _pledge(user, amount="1000"):
    return services.pledge_save(
        pledge=Pledge(donor=DonorFactory(), date=dt.date(2016, 6, 1), amount=Decimal(amount),
                      designation=designation("subfund:cremasco")),
        instalments=[(dt.date(2016, 7, 1), Decimal("500")), (dt.date(2017, 1, 1), Decimal("500"))],
        user=user,
    )  # fmt: skip


def test_pledge_instalments_add_up_to_the_promise(fundraising):
    with pytest.raises(ValidationError, match="devono essere pari"):
        services.pledge_save(
            pledge=Pledge(donor=DonorFactory(), date=dt.date(2016, 6, 1), amount=Decimal("1000"),
                          designation=designation("unrestricted")),
            instalments=[(dt.date(2016, 7, 1), Decimal("400"))],
            user=fundraising,
        )  # fmt: skip
    assert not Pledge.objects.exists()
    assert _pledge(fundraising).instalments.count() == 2


def test_pledge_payment_cannot_exceed_outstanding(fundraising):
    pledge = _pledge(fundraising)
    services.pledge_payment_create(
        pledge=pledge, date=dt.date(2016, 7, 2), amount=Decimal("600"), payment_method="bank_transfer", user=fundraising
    )
    with pytest.raises(ValidationError, match=r"restano 400,00 € su 1\.000,00 €"):
        services.pledge_payment_create(
            pledge=pledge, date=dt.date(2017, 1, 2), amount=Decimal("400.01"), payment_method="card", user=fundraising
        )
    assert pledge.payments.count() == 1 and pledge.outstanding == Decimal("400.00")
    payment = pledge.payments.get()
    assert payment.designation == pledge.designation and payment.donor == pledge.donor


# --- Receipts -------------------------------------------------------------------------------------------------


def test_receipt_numbers_are_sequential_per_calendar_year(fundraising):
    numbers = []
    for day in (dt.date(2016, 3, 1), dt.date(2016, 3, 2), dt.date(2017, 1, 10), dt.date(2016, 12, 31)):
        gift = DonationFactory(date=day)
        receipt = services.receipt_issue(donation=gift, user=fundraising, issued_on=day)
        numbers.append((receipt.year, receipt.number))
    assert numbers == [(2016, 1), (2016, 2), (2017, 1), (2016, 3)]


def test_second_receipt_for_the_same_gift_is_refused(fundraising):
    gift = DonationFactory()
    services.receipt_issue(donation=gift, user=fundraising, issued_on=dt.date(2016, 10, 5))
    with pytest.raises(ValidationError, match="non se ne emette una seconda"):
        services.receipt_issue(donation=gift, user=fundraising, issued_on=dt.date(2016, 10, 6))
    assert Receipt.objects.count() == 1


def test_voided_receipt_keeps_its_number_and_a_new_one_takes_the_next(fundraising):
    gift = DonationFactory()
    first = services.receipt_issue(donation=gift, user=fundraising, issued_on=dt.date(2016, 10, 5))
    with pytest.raises(ValidationError, match="motivo"):
        services.receipt_void(receipt=first, reason=" ", user=fundraising)
    services.receipt_void(receipt=first, reason="Intestatario errato", user=fundraising)
    second = services.receipt_issue(donation=gift, user=fundraising, issued_on=dt.date(2016, 10, 6))
    first.refresh_from_db()
    assert (first.number, first.is_void, second.number) == (1, True, 2)


def test_cash_gift_gets_the_no_tax_benefit_wording(fundraising):
    gift = DonationFactory(payment_method=PaymentMethod.CASH)
    receipt = services.receipt_issue(donation=gift, user=fundraising, issued_on=dt.date(2016, 10, 5))
    assert receipt.wording == NO_BENEFIT_WORDING and not receipt.tax_benefit


def test_deductible_wording_on_a_cash_gift_is_refused(fundraising):
    gift = DonationFactory(payment_method=PaymentMethod.CASH)
    basis = LegalBasis.objects.valid_for(day=gift.date, applies="person").get()
    with pytest.raises(ValidationError, match="contanti non dà benefici fiscali"):
        services.receipt_issue(donation=gift, user=fundraising, issued_on=gift.date, legal_basis=basis)
    assert not Receipt.objects.exists()


@pytest.mark.parametrize(
    ("factory", "day", "expected"),
    [
        (DonorFactory, dt.date(2017, 12, 31), "art. 15, comma 1.1"),
        (DonorFactory, dt.date(2018, 1, 1), "art. 83, comma 1"),
        (CompanyDonorFactory, dt.date(2017, 6, 1), "art. 100, comma 2"),
        (CompanyDonorFactory, dt.date(2018, 3, 1), "Per enti e società"),
    ],
)
def test_legal_wording_is_chosen_by_gift_date_and_donor_kind(fundraising, factory, day, expected):
    gift = DonationFactory(donor=factory(), date=day)
    receipt = services.receipt_issue(donation=gift, user=fundraising, issued_on=day)
    assert expected in receipt.wording and receipt.tax_benefit


def test_in_kind_receipt_describes_the_goods(fundraising):
    gift = DonationFactory(
        gift_kind=GiftKind.IN_KIND, payment_method="", in_kind_description="10 computer portatili", amount=3000
    )
    receipt = services.receipt_issue(donation=gift, user=fundraising, issued_on=gift.date)
    assert "10 computer portatili" in receipt.wording and "3.000,00 €" in receipt.wording


def test_anonymous_gift_has_no_receipt(fundraising):
    gift = DonationFactory(donor=None)
    with pytest.raises(ValidationError, match="anonima"):
        services.receipt_issue(donation=gift, user=fundraising, issued_on=gift.date)


def test_without_a_valid_legal_basis_no_receipt_is_issued(fundraising):
    LegalBasis.objects.all().delete()
    gift = DonationFactory()
    with pytest.raises(ValidationError, match="Nessuna base giuridica"):
        services.receipt_issue(donation=gift, user=fundraising, issued_on=gift.date)


# --- Fund and transfers ---------------------------------------------------------------------------------------


def _holder(district_code):
    return District.objects.get(code=district_code).lead_organisation


def test_balances_are_received_minus_transferred_and_leave_in_kind_apart(fundraising):
    cremasco = designation("subfund:cremasco")
    DonationFactory(designation=cremasco, amount=Decimal("700.00"))
    DonationFactory(designation=cremasco, amount=Decimal("300.50"))
    DonationFactory(designation=cremasco, amount=Decimal("999"), gift_kind="in_kind", payment_method="",
                    in_kind_description="Arredi")  # fmt: skip
    services.transfer_create(
        designation=cremasco, holder=_holder("cremasco"), action=Action.objects.get(code="3"),
        amount=Decimal("250.25"), date=dt.date(2016, 11, 1), user=fundraising,
    )  # fmt: skip
    row = Designation.objects.with_balances().get(pk=cremasco.pk)
    assert (row.received, row.transferred, row.available) == (Decimal("1000.50"), Decimal("250.25"), Decimal("750.25"))


def test_transfer_cannot_exceed_the_available_restricted_balance(fundraising):
    cremasco = designation("subfund:cremasco")
    DonationFactory(designation=cremasco, amount=Decimal("500.00"))
    with pytest.raises(ValidationError, match="disponibili 500,00 €"):
        services.transfer_create(
            designation=cremasco, holder=_holder("cremasco"), action=Action.objects.get(code="1"),
            amount=Decimal("500.01"), date=dt.date(2016, 11, 1), user=fundraising,
        )  # fmt: skip


def test_gift_restricted_to_an_action_goes_only_to_that_action(fundraising):
    action3 = designation("action:3")
    DonationFactory(designation=action3, amount=Decimal("500.00"))
    with pytest.raises(ValidationError, match="solo a quell'azione"):
        services.transfer_create(
            designation=action3, holder=_holder("cremonese"), action=Action.objects.get(code="1"),
            amount=Decimal("100"), date=dt.date(2016, 11, 1), user=fundraising,
        )  # fmt: skip


def test_subfund_goes_only_to_holders_of_its_territory(fundraising):
    cremasco = designation("subfund:cremasco")
    DonationFactory(designation=cremasco, amount=Decimal("500.00"))
    with pytest.raises(ValidationError, match="territorio Cremasco"):
        services.transfer_create(
            designation=cremasco, holder=_holder("cremonese"), action=Action.objects.get(code="1"),
            amount=Decimal("100"), date=dt.date(2016, 11, 1), user=fundraising,
        )  # fmt: skip


def test_transfer_draws_only_on_gifts_of_its_designation(fundraising):
    cremasco = designation("subfund:cremasco")
    DonationFactory(designation=cremasco, amount=Decimal("500.00"))
    other = DonationFactory(designation=designation("unrestricted"), amount=Decimal("500.00"))
    with pytest.raises(ValidationError, match="non ha la destinazione"):
        services.transfer_create(
            designation=cremasco, holder=_holder("cremasco"), action=Action.objects.get(code="1"),
            amount=Decimal("100"), date=dt.date(2016, 11, 1), user=fundraising, donations=[other],
        )  # fmt: skip


def test_transfer_allocates_the_oldest_gifts_and_is_not_an_expense(fundraising):
    fund = designation("unrestricted")
    old = DonationFactory(designation=fund, amount=Decimal("100.00"), date=dt.date(2016, 1, 1))
    new = DonationFactory(designation=fund, amount=Decimal("100.00"), date=dt.date(2016, 2, 1))
    expenses = Expense.objects.count()
    transfer = services.transfer_create(
        designation=fund, holder=Organisation.objects.get(short_name="Fondazione Comunitaria"),
        action=Action.objects.get(code="5"), amount=Decimal("150"), date=dt.date(2016, 11, 1), user=fundraising,
    )  # fmt: skip
    shares = {a.donation_id: a.amount for a in transfer.allocations.all()}
    assert shares == {old.pk: Decimal("100.00"), new.pk: Decimal("50.00")}
    assert Expense.objects.count() == expenses
    with pytest.raises(ValidationError, match="già stata trasferita"):
        services.donation_save(donation=old, user=fundraising, expected_version=old.version)


def test_unknown_designation_is_refused():
    with pytest.raises(ValidationError, match="Destinazione non valida"):
        services.designation_for("subfund:casalasco")
    with pytest.raises(ValidationError):
        services.designation_for("action:99")


def test_consent_records_are_rows_not_edits(fundraising):
    donor = DonorFactory()
    record = services.consent_record(
        donor=donor, channel="sms", granted=True, date=dt.date(2016, 1, 1), source="Modulo", user=fundraising
    )
    assert ConsentRecord.objects.get().created_by == fundraising and record.history.count() == 1


def test_an_events_gift_counts_for_its_campaign(fundraising):
    from tests.fundraising.factories import CampaignFactory, EventFactory

    event = EventFactory(campaign=CampaignFactory())
    gift = services.donation_save(
        donation=Donation(donor=DonorFactory(), date=dt.date(2015, 11, 21), amount=Decimal("50"),
                          payment_method="card", event=event, designation=designation("unrestricted")),
        user=fundraising,
    )  # fmt: skip
    assert gift.campaign == event.campaign
