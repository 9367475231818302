"""Factories of Action 3, named after the domain; records are created as plain rows (services are tested apart)."""

import datetime as dt
from decimal import Decimal

import factory

from civic_center.enums import ActivityCategory, Audience, CenterStatus, HostKind
from civic_center.models import Activity, ActivitySlot, Agreement, CivicCenter, PayingDemand
from governance.models import District
from tests.factories import OrganisationFactory


def district(code="cremonese"):
    return District.objects.get(code=code)


class CivicCenterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CivicCenter

    name = factory.Sequence(lambda n: f"Civic center di prova {n}")
    host_kind = HostKind.SCHOOL_BUILDING
    host_organisation = factory.SubFactory(OrganisationFactory)
    address = "Via Roma 1"
    district = factory.LazyFunction(district)


def active_center(**kwargs):
    kwargs.setdefault("status", CenterStatus.ACTIVE)
    kwargs.setdefault("activated_on", dt.date(2016, 9, 1))
    return CivicCenterFactory(**kwargs)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    civic_center = factory.SubFactory(CivicCenterFactory)
    title = factory.Sequence(lambda n: f"Accordo {n}")
    promoter = factory.SubFactory(OrganisationFactory)
    signed_on = dt.date(2016, 9, 1)
    start_on = dt.date(2016, 9, 1)
    end_on = dt.date(2017, 6, 30)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    civic_center = factory.SubFactory(CivicCenterFactory)
    title = factory.Sequence(lambda n: f"Attività {n}")
    promoter = factory.SubFactory(OrganisationFactory)
    category = ActivityCategory.MUSIC
    audience = Audience.PUPILS
    start_on = dt.date(2016, 10, 1)
    fee = Decimal("30.00")
    capacity = 20
    enrolments = 10


class ActivitySlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivitySlot

    activity = factory.SubFactory(ActivityFactory)
    weekday = 2
    start = dt.time(16, 30)
    end = dt.time(18, 0)


class PayingDemandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PayingDemand

    activity = factory.SubFactory(ActivityFactory)
    period_start = factory.Sequence(lambda n: dt.date(2016, 10, 1) + dt.timedelta(days=n))
    period_end = factory.LazyAttribute(lambda o: o.period_start + dt.timedelta(days=30))
    enrolments = 10
    fees_collected = Decimal("300.00")
