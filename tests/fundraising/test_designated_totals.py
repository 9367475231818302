"""The pages of a lab, a company pact and a civic center show the totals of the gifts designated to them, and no
donor's name reaches them, for any role."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from fundraising import selectors, services
from governance.gift_totals import designated_gift_totals
from governance.models import Action
from tests.civic_center.factories import CivicCenterFactory
from tests.fundraising.factories import CompanyDonorFactory, DonationFactory, DonorFactory, designation
from tests.imprese.factories import PattoImpresaFactory
from tests.laboratori.factories import LaboratorioFactory

pytestmark = pytest.mark.django_db

SECRET_NAMES = ("Filiberta", "Zanardelli", "Torrefazione Segreta")
ROLES = ("direzione", "udp.cremonese", "coordinatore", "fundraising", "amministrazione", "referente", "admin")


def _gifts_to(record_key, fundraising):
    gifts = designation(record_key)
    person = DonorFactory(first_name="Filiberta", last_name="Zanardelli", email="filiberta@example.org")
    company = CompanyDonorFactory(organisation_name="Torrefazione Segreta S.r.l.", email="torre@example.org")
    DonationFactory(designation=gifts, donor=person, amount=Decimal("250.00"), soft_credit=company)
    DonationFactory(designation=gifts, donor=company, amount=Decimal("1000.50"))
    DonationFactory(designation=gifts, donor=person, amount=Decimal("99.00"), gift_kind="in_kind",
                    payment_method="", in_kind_description="Materiale per la Torrefazione Segreta")  # fmt: skip
    DonationFactory(designation=designation("unrestricted"), donor=person, amount=Decimal("5000.00"))
    return gifts


def test_totals_count_money_gifts_and_transfers_of_that_record_only(fundraising):
    lab, other = LaboratorioFactory(), LaboratorioFactory()
    gifts = _gifts_to(f"lab:{lab.pk}", fundraising)
    DonationFactory(designation=designation(f"lab:{other.pk}"), amount=Decimal("7.00"))
    services.transfer_create(
        designation=gifts, holder=lab.implementing_body, action=Action.objects.get(code="2A"),
        amount=Decimal("200.00"), date=dt.date(2016, 11, 1), user=fundraising,
    )  # fmt: skip
    totals = designated_gift_totals(lab)
    assert (totals.count, totals.amount, totals.transferred, totals.earmarked) == (
        2, Decimal("1250.50"), Decimal("200.00"), Decimal("1050.50"),
    )  # fmt: skip
    assert designated_gift_totals(LaboratorioFactory()).amount == Decimal("0.00")
    assert selectors.designated_totals(lab.implementing_body) is None  # not a record gifts are designated to


@pytest.mark.parametrize(
    ("factory", "prefix", "to_what"),
    [
        (LaboratorioFactory, "lab", "al laboratorio"),
        (PattoImpresaFactory, "company_pact", "al patto"),
        (CivicCenterFactory, "civic_center", "ai posti gratuiti del civic center"),
    ],
)
def test_record_page_shows_totals_and_no_donor_name_for_any_role(client, fundraising, factory, prefix, to_what):
    record = factory()
    _gifts_to(f"{prefix}:{record.pk}", fundraising)
    seen = 0
    for username in ROLES:
        client.force_login(get_user_model().objects.get(username=username))
        response = client.get(record.get_absolute_url())
        html = response.content.decode()
        for name in SECRET_NAMES:
            assert name not in html, f"{username} sees a donor's name on {record.get_absolute_url()}"
        if response.status_code == 200:
            seen += 1
            assert f"Donazioni destinate {to_what}: <strong>2</strong> per <strong>1.250,50 €</strong>" in html
    assert seen >= 3  # the direzione, the district's own office and coordinator at least


def test_lab_page_query_count_does_not_grow_with_gifts(
    client_for, fundraising, direzione, django_assert_max_num_queries
):
    lab = LaboratorioFactory()
    gifts = designation(f"lab:{lab.pk}")
    DonationFactory(designation=gifts)
    client = client_for(direzione)
    with django_assert_max_num_queries(100) as small:
        client.get(lab.get_absolute_url())
    for _ in range(30):
        DonationFactory(designation=gifts)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert "<strong>31</strong>" in client.get(lab.get_absolute_url()).content.decode()
