"""The rules on gifts, pledges and receipts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fundraising import services
from fundraising.enums import GiftKind, PaymentMethod
from fundraising.models import (
    NO_BENEFIT_WORDING,
    Donation,
    LegalBasis,
    Pledge,
    Receipt,
)
from tests.fundraising.factories import (
    CompanyDonorFactory,
    DonationFactory,
    DonorFactory,
    designation,
)

pytestmark = pytest.mark.django_db


def messages_of(excinfo) -> str:
    return " ".join(excinfo.value.messages)


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


def test_an_events_gift_counts_for_its_campaign(fundraising):
    from tests.fundraising.factories import CampaignFactory, EventFactory

    event = EventFactory(campaign=CampaignFactory())
    gift = services.donation_save(
        donation=Donation(donor=DonorFactory(), date=dt.date(2015, 11, 21), amount=Decimal("50"),
                          payment_method="card", event=event, designation=designation("unrestricted")),
        user=fundraising,
    )  # fmt: skip
    assert gift.campaign == event.campaign
