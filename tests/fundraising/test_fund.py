"""The rules of the fund: balances, and transfers never beyond the balance nor to another designation."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fundraising import services
from fundraising.models import (
    Designation,
)
from governance.models import Action, District, Expense, Organisation
from tests.fundraising.factories import (
    DonationFactory,
    designation,
)

pytestmark = pytest.mark.django_db


def messages_of(excinfo) -> str:
    return " ".join(excinfo.value.messages)


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
