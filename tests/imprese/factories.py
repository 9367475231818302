"""factory_boy factories of Action 2/B, named after the domain, and helpers for a company pact's life."""

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from governance.enums import OrganisationKind
from governance.models import Action, BudgetLine, BudgetPlan, District, Organisation, ProjectYear
from imprese import services
from imprese.enums import PactStage, PartyRole
from imprese.models import AgreedAction, PactParty, PattoImpresa, Training, WellbeingIndicator


def district(code="cremonese"):
    return District.objects.get(code=code)


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Impresa di prova {n} S.r.l.")
    kind = OrganisationKind.COMPANY


class PattoImpresaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PattoImpresa

    company = factory.SubFactory(CompanyFactory)
    district = factory.LazyFunction(district)
    contacted_on = dt.date(2016, 7, 1)
    problem = "Conciliare i turni di lavoro con la cura dei figli."
    workers_reached = 80
    budget_cariplo = Decimal("3500.00")
    budget_donations = Decimal("3500.00")


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PactParty

    pact = factory.SubFactory(PattoImpresaFactory)
    role = PartyRole.OWNERSHIP
    name = "Titolare"


class AgreedActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreedAction

    pact = factory.SubFactory(PattoImpresaFactory)
    description = "Sportello aziendale sui servizi del territorio"


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training

    pact = factory.SubFactory(PattoImpresaFactory)
    title = "Benessere organizzativo"
    date = dt.date(2016, 11, 15)
    sessions = 3
    union_delegates = 4
    hr_managers = 2


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WellbeingIndicator

    pact = factory.SubFactory(PattoImpresaFactory)
    name = factory.Sequence(lambda n: f"Conciliazione vita-lavoro {n}")


def writer(code="cremonese"):
    return get_user_model().objects.get(username=f"udp.{code}")


def ready_to_sign(pact: PattoImpresa) -> PattoImpresa:
    """Add what a signature needs: ownership and workers' representatives among the parties, an agreed action."""
    PartyFactory(pact=pact, role=PartyRole.OWNERSHIP, organisation=pact.company)
    PartyFactory(pact=pact, role=PartyRole.WORKERS, name="RSU aziendale")
    AgreedActionFactory(pact=pact)
    return pact


STEPS = [
    (PactStage.ELABORATION, dt.date(2016, 8, 1)),
    (PactStage.SIGNED, dt.date(2016, 10, 1)),
    (PactStage.ACTIVE, dt.date(2016, 10, 15)),
]


def pact_at(stage: str, *, user=None, **kwargs) -> PattoImpresa:
    """A company pact moved through the real workflow up to `stage` (closed/abandoned from the active stage)."""
    pact = ready_to_sign(PattoImpresaFactory(**kwargs))
    user = user or writer(pact.district.code)
    order = [PactStage.CONTACT, *[s for s, _ in STEPS]]
    target_index = order.index(stage) if stage in order else len(order) - 1
    for step, day in STEPS[:target_index]:
        pact = services.pact_transition(pact=pact, to_stage=step, user=user, on_date=day)
    if stage in (PactStage.CLOSED, PactStage.ABANDONED):
        pact = services.pact_transition(
            pact=pact, to_stage=stage, user=user, on_date=dt.date(2017, 9, 1), reason="Motivo di prova"
        )
    return pact


def ledger_lines_2b(district_code="cremonese", amount="50000.00"):
    """Action 2B "contributions" lines of the district lead partner (the default payment mapping)."""
    lead = District.objects.get(code=district_code).lead_organisation
    return [
        BudgetLine.objects.get_or_create(
            plan=BudgetPlan.objects.get(is_active=True),
            action=Action.objects.get(code="2B"),
            partner=lead,
            year=ProjectYear.objects.get(number=year),
            category="contributions",
            funding_source=source,
            defaults={"planned_amount": Decimal(amount)},
        )[0]
        for year in (1, 2, 3)
        for source in ("cariplo", "donations")
    ]
