"""Gifts designated to one lab, company pact or civic center (free places): earmarked until transferred, and
transferred only to their own designation (the service says why; the database refuses any other path)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from fundraising import services
from fundraising.models import Designation, Transfer, TransferAllocation
from governance.models import Action, Organisation
from tests.civic_center.factories import CivicCenterFactory
from tests.fundraising.factories import DonationFactory, designation
from tests.imprese.factories import PattoImpresaFactory
from tests.laboratori.factories import LaboratorioFactory

pytestmark = pytest.mark.django_db

NOV = dt.date(2016, 11, 1)


def _transfer(fundraising, gifts, *, holder, action_code, amount="100.00"):
    return services.transfer_create(
        designation=gifts, holder=holder, action=Action.objects.get(code=action_code), amount=Decimal(amount),
        date=NOV, user=fundraising,
    )  # fmt: skip


def test_a_gift_can_be_designated_to_a_lab_a_company_pact_or_a_civic_center():
    lab, pact, center = LaboratorioFactory(), PattoImpresaFactory(), CivicCenterFactory()
    for key, record, action_code in (
        (f"lab:{lab.pk}", lab, "2A"),
        (f"company_pact:{pact.pk}", pact, "2B"),
        (f"civic_center:{center.pk}", center, "3"),
    ):
        gifts = designation(key)
        assert gifts.record == record and gifts.action.code == action_code and gifts.is_restricted
        assert gifts.key == key
        assert designation(key) == gifts  # one designation per record
    assert str(designation(f"lab:{lab.pk}")) == f"Laboratorio «{lab.name}»"
    assert str(designation(f"civic_center:{center.pk}")).startswith("Posti gratuiti del civic center")


def test_unknown_record_is_refused():
    for key in ("lab:999999", "company_pact:abc", "civic_center:", "lab:-1", "lab:²", "civic_center:9" + "9" * 30):
        with pytest.raises(ValidationError, match="Destinazione non valida"):
            services.designation_for(key)


def test_choices_group_records_by_kind_and_district():
    lab = LaboratorioFactory(name="Lab Zeta")
    PattoImpresaFactory()
    choices = services.designation_choices()
    groups = {label: options for label, options in choices if isinstance(options, list)}
    assert (f"lab:{lab.pk}", "Lab Zeta") in groups["Laboratori – Cremonese"]
    assert any(label.startswith("Patti con le imprese – ") for label in groups)


def test_lab_gifts_stay_earmarked_until_transferred_to_that_lab(fundraising):
    lab = LaboratorioFactory()
    gifts = designation(f"lab:{lab.pk}")
    DonationFactory(designation=gifts, amount=Decimal("300.00"))
    assert services.available_balance(gifts) == Decimal("300.00")
    _transfer(fundraising, gifts, holder=lab.implementing_body, action_code="2A", amount="120.00")
    assert services.available_balance(gifts) == Decimal("180.00")


def test_lab_gifts_go_to_no_other_action(fundraising):
    lab = LaboratorioFactory()
    gifts = designation(f"lab:{lab.pk}")
    DonationFactory(designation=gifts, amount=Decimal("300.00"))
    with pytest.raises(ValidationError, match="solo all'Azione 2A"):
        _transfer(fundraising, gifts, holder=lab.implementing_body, action_code="3")
    assert not Transfer.objects.exists()


def test_lab_gifts_go_to_no_holder_outside_the_lab(fundraising):
    lab = LaboratorioFactory()  # Cremonese
    gifts = designation(f"lab:{lab.pk}")
    DonationFactory(designation=gifts, amount=Decimal("300.00"))
    elsewhere = Organisation.objects.filter(is_partner=True).exclude(district=lab.district).exclude(district=None)
    with pytest.raises(ValidationError, match="soggetto attuatore"):
        _transfer(fundraising, gifts, holder=elsewhere.first(), action_code="2A")
    assert not Transfer.objects.exists()


def test_civic_center_free_places_go_to_its_host(fundraising):
    center = CivicCenterFactory()
    gifts = designation(f"civic_center:{center.pk}")
    DonationFactory(designation=gifts, amount=Decimal("80.00"))
    transfer = _transfer(fundraising, gifts, holder=center.host_organisation, action_code="3", amount="80.00")
    assert transfer.designation.civic_center == center


def test_a_lab_gift_is_not_drawn_on_by_a_transfer_of_another_lab(fundraising):
    lab, other = LaboratorioFactory(), LaboratorioFactory()
    mine = DonationFactory(designation=designation(f"lab:{lab.pk}"), amount=Decimal("100.00"))
    theirs = designation(f"lab:{other.pk}")
    DonationFactory(designation=theirs, amount=Decimal("100.00"))
    with pytest.raises(ValidationError, match="non ha la destinazione"):
        services.transfer_create(
            designation=theirs, holder=other.implementing_body, action=Action.objects.get(code="2A"),
            amount=Decimal("50"), date=NOV, user=fundraising, donations=[mine],
        )  # fmt: skip


# --- The database keeps the rule whatever the path ------------------------------------------------------------


def test_database_refuses_a_transfer_to_another_action_than_its_designation(fundraising):
    lab = LaboratorioFactory()
    gifts = designation(f"lab:{lab.pk}")
    with pytest.raises(IntegrityError), transaction.atomic():
        Transfer.objects.create(
            designation=gifts, holder=lab.implementing_body, action=Action.objects.get(code="1"),
            amount=Decimal("10"), date=NOV,
        )  # fmt: skip
    action3 = designation("action:3")
    with pytest.raises(IntegrityError), transaction.atomic():
        Transfer.objects.create(
            designation=action3, holder=lab.implementing_body, action=Action.objects.get(code="2A"),
            amount=Decimal("10"), date=NOV,
        )  # fmt: skip
    assert not Transfer.objects.exists()


def test_database_refuses_an_allocation_of_a_gift_of_another_designation(fundraising):
    lab, other = LaboratorioFactory(), LaboratorioFactory()
    mine = designation(f"lab:{lab.pk}")
    DonationFactory(designation=mine, amount=Decimal("100.00"))
    theirs = DonationFactory(designation=designation(f"lab:{other.pk}"), amount=Decimal("100.00"))
    transfer = _transfer(fundraising, mine, holder=lab.implementing_body, action_code="2A", amount="50.00")
    with pytest.raises(IntegrityError), transaction.atomic():
        TransferAllocation.objects.create(transfer=transfer, donation=theirs, amount=Decimal("10"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Transfer.objects.filter(pk=transfer.pk).update(action=Action.objects.get(code="3"))


def test_database_keeps_the_designation_of_a_transferred_gift(fundraising):
    lab = LaboratorioFactory()
    gifts = designation(f"lab:{lab.pk}")
    gift = DonationFactory(designation=gifts, amount=Decimal("100.00"))
    _transfer(fundraising, gifts, holder=lab.implementing_body, action_code="2A", amount="50.00")
    with pytest.raises(IntegrityError), transaction.atomic():
        type(gift).objects.filter(pk=gift.pk).update(designation=designation("unrestricted"))
    assert Designation.objects.get(donations=gift) == gifts
