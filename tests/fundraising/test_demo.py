"""The demo data of Action 5: about 400 donors and 1,200 gifts whose yearly totals match the seed's amounts."""

import io
from decimal import Decimal

import pytest

from fundraising import reports
from fundraising.demo import STREET_CAMPAIGN, seed_fundraising_demo
from fundraising.models import Campaign, Designation, Donation, Donor, Event, Pledge, Receipt

pytestmark = pytest.mark.django_db


def test_demo_has_the_yearly_totals_campaigns_events_and_pledges():
    seed_fundraising_demo(stdout=io.StringIO())
    assert [y.raised for y in reports.raised_per_year()] == [Decimal("50764"), Decimal("127000"), Decimal("172236")]
    assert 390 <= Donor.objects.count() <= 410
    assert 1150 <= Donation.objects.count() <= 1260
    assert Campaign.objects.filter(name=STREET_CAMPAIGN).exists()
    assert Campaign.objects.filter(market="financial").exists()
    assert Event.objects.filter(date__gte="2015-05-08", date__lte="2016-05-31").count() == 4  # seed 2412
    assert Pledge.objects.count() and reports.pledges_outstanding().outstanding > 0
    numbers = sorted(Receipt.objects.filter(year=2016).values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))  # gap-free like the service
    for row in Designation.objects.with_balances():
        assert row.available >= 0
    seed_fundraising_demo(stdout=io.StringIO())  # idempotent
    assert Campaign.objects.filter(name=STREET_CAMPAIGN).count() == 1
