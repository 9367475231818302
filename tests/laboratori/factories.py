"""factory_boy factories of Action 2A, named after the domain, and the budget lines its payments need."""

import datetime as dt
from decimal import Decimal

import factory

from governance.models import Action, BudgetLine, BudgetPlan, District, Organisation, ProjectYear
from laboratori.enums import LabKind, MeetingKind
from laboratori.models import FundraisingActivity, LabMeeting, Laboratorio, SelfAssessment


def district(code="cremonese"):
    return District.objects.get(code=code)


def year(number=2):
    return ProjectYear.objects.get(number=number)


class LaboratorioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Laboratorio

    name = factory.Sequence(lambda n: f"Laboratorio del quartiere {n}")
    kind = LabKind.NEIGHBOURHOOD
    district = factory.LazyFunction(district)
    area = factory.Sequence(lambda n: f"Cremona – quartiere {n}")
    activation_year = factory.LazyFunction(year)
    activated_on = dt.date(2016, 9, 1)
    implementing_body = factory.LazyFunction(lambda: Organisation.objects.get(name="Comune di Cremona"))
    generating_theme = "Anziani soli nel quartiere"
    aims_at_bonds = True
    budget = Decimal("10000.00")


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfAssessment

    lab = factory.SubFactory(LaboratorioFactory)
    date = dt.date(2016, 12, 1)
    pr = 2
    re = 3
    ri = 2


class LabMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LabMeeting

    lab = factory.SubFactory(LaboratorioFactory)
    date = dt.date(2016, 10, 1)
    kind = MeetingKind.ASSEMBLY
    title = "Assemblea di quartiere"
    people = 30
    households = 6
    informal_groups = 1
    profit_bodies = 1
    nonprofit_bodies = 2


class FundraisingActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundraisingActivity

    lab = factory.SubFactory(LaboratorioFactory)
    title = "Cena solidale"
    target_amount = Decimal("1500.00")
    raised_amount = Decimal("900.00")


def lab_ledger_lines(district_code="cremonese", sources=("cariplo", "donations", "cofinancing")):
    """The Action 2A "contributions" lines of the district's lead organisation (the default payment mapping)."""
    lead = District.objects.get(code=district_code).lead_organisation
    return [
        BudgetLine.objects.get_or_create(
            plan=BudgetPlan.objects.get(is_active=True),
            action=Action.objects.get(code="2A"),
            partner=lead,
            year=ProjectYear.objects.get(number=number),
            category="contributions",
            funding_source=source,
            defaults={"planned_amount": Decimal("100000.00")},
        )[0]
        for number in (1, 2, 3)
        for source in sources
    ]
