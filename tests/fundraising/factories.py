"""Factories of Action 5, named after the domain."""

import datetime as dt
from decimal import Decimal

import factory

from fundraising import services
from fundraising.enums import Acquisition, CampaignChannel, DonorKind, EventPlace, GiftKind, Market, PaymentMethod
from fundraising.models import Campaign, Donation, Donor, Event

VALID_PERSONAL_CODE = "RSSMRA85T10A562S"  # check character computed by python-stdnum
VALID_COMPANY_CODE = "93038460197"  # Fondazione Comunitaria's tax code (seed 2561), a valid 11-digit code


class DonorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Donor

    kind = DonorKind.PERSON
    first_name = "Maria"
    last_name = factory.Sequence(lambda n: f"Rossi{n}")
    email = factory.Sequence(lambda n: f"donatore{n}@example.org")
    acquisition = Acquisition.ONE_TO_ONE
    contact_source = "Incontro one-to-one"


class CompanyDonorFactory(DonorFactory):
    kind = DonorKind.COMPANY
    first_name = ""
    last_name = ""
    organisation_name = factory.Sequence(lambda n: f"Impresa di prova {n} S.r.l.")


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"Campagna {n}")
    market = Market.INDIVIDUALS
    channel = CampaignChannel.INFO_STANDS
    start = dt.date(2015, 9, 1)
    goal = Decimal("10000.00")
    costs = Decimal("1000.00")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Cena di gala {n}")
    date = dt.date(2015, 11, 20)
    place = EventPlace.CREMONA
    costs = Decimal("2000.00")
    attendees = 120


class DonationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Donation

    donor = factory.SubFactory(DonorFactory)
    date = dt.date(2016, 10, 3)
    amount = Decimal("100.00")
    gift_kind = GiftKind.MONEY
    payment_method = PaymentMethod.BANK_TRANSFER
    designation = factory.LazyFunction(lambda: services.designation_for("unrestricted"))


def designation(key):
    return services.designation_for(key)
