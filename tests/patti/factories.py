"""factory_boy factories of Action 1, named after the domain, and helpers for a pact's life."""

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from stdnum.it import codicefiscale

from governance.models import Action, BudgetLine, BudgetPlan, District, ProjectYear
from patti import services
from patti.enums import (
    Citizenship,
    CommitmentKind,
    EmploymentStatus,
    FundingSource,
    HostKind,
    IdeaSector,
    PattoKind,
    PattoStatus,
    PromoterType,
    TargetGroup,
)
from patti.models import (
    Assessment,
    BusinessIdea,
    Commitment,
    EmpowermentPath,
    HostOrganisation,
    Household,
    IdeaCall,
    Patto,
    Placement,
    summary_refresh,
)


def tax_code(body="RSSMRA80A01D150"):
    return body + codicefiscale.calc_check_digit(body)


def district(code="cremonese"):
    return District.objects.get(code=code)


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    district = factory.LazyFunction(district)
    first_name = "Mariangela"
    last_name = factory.Sequence(lambda n: f"Zuccaroli{chr(65 + n % 26)}{chr(65 + n // 26 % 26)}")
    tax_code = factory.LazyFunction(tax_code)
    birth_date = dt.date(1980, 1, 1)
    sex = "F"
    phone = "+39 333 1234567"
    email = "mariangela@example.invalid"
    address = "Via dei Tigli 7, Cremona"
    adults = 1
    minors = 2
    citizenship = Citizenship.ITALIAN
    employment_status = EmploymentStatus.UNEMPLOYED
    vulnerable_family = True
    target_group = TargetGroup.CARE_LOADS
    reached_through = PromoterType.SOCIAL_SERVICES


class PattoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Patto

    household = factory.SubFactory(HouseholdFactory)
    district = factory.LazyAttribute(lambda o: o.household.district)
    kind = PattoKind.INCLUSIONE
    promoter_type = PromoterType.SOCIAL_SERVICES
    objectives = "Ricostruire una rete di relazioni nel quartiere."
    budget_cariplo = Decimal("1200.00")
    budget_cofinancing = Decimal("600.00")
    opened_on = dt.date(2016, 9, 1)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    patto = factory.SubFactory(PattoFactory)
    kind = CommitmentKind.COMMUNITY
    description = "Volontariato nel laboratorio di comunità"
    hours = 30
    place = "Laboratorio di comunità"


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    patto = factory.SubFactory(PattoFactory)
    date = dt.date(2016, 12, 1)
    dynamism = 2
    resilience = 2
    incisiveness = 2
    planning = 2

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Created directly, the assessment is counted in its pact's summary too (as `assessment_create` does)."""
        assessment = super()._create(model_class, *args, **kwargs)
        summary_refresh(assessment.patto_id)
        return assessment


def writer_of(district_or_code):
    """The demo Ufficio di Piano user of a district: who may write its Action 1 records."""
    code = getattr(district_or_code, "code", district_or_code)
    return get_user_model().objects.get(username=f"udp.{code}")


def signed_patto(*, user=None, on=dt.date(2016, 9, 15), status=PattoStatus.SOTTOSCRITTO, **kwargs) -> Patto:
    """A pact with a commitment, moved through the real workflow up to `status` (by `user`, default: the Ufficio di
    Piano of the pact's district)."""
    patto = PattoFactory(**kwargs)
    CommitmentFactory(patto=patto)
    user = user or writer_of(patto.district)
    patto = services.patto_transition(patto=patto, to_status=PattoStatus.SOTTOSCRITTO, user=user, on_date=on)
    if status in (PattoStatus.ATTIVO, PattoStatus.CONCLUSO):
        patto = services.patto_transition(patto=patto, to_status=PattoStatus.ATTIVO, user=user, on_date=on)
    if status == PattoStatus.CONCLUSO:
        patto = services.patto_transition(
            patto=patto, to_status=PattoStatus.CONCLUSO, user=user, on_date=on + dt.timedelta(days=200)
        )
    return patto


def ledger_line(*, district_code="cremonese", year=2, source=FundingSource.CARIPLO, amount="100000.00"):
    """The Action 1 "contributions" line of the district lead partner in the active plan."""
    lead = District.objects.get(code=district_code).lead_organisation
    line, _ = BudgetLine.objects.get_or_create(
        plan=BudgetPlan.objects.get(is_active=True),
        action=Action.objects.get(code="1"),
        partner=lead,
        year=ProjectYear.objects.get(number=year),
        category="contributions",
        funding_source=source,
        defaults={"planned_amount": Decimal(amount)},
    )
    return line


def ledger_lines(district_code="cremonese"):
    return [
        ledger_line(district_code=district_code, year=y, source=s)
        for y in (1, 2, 3)
        for s in (FundingSource.CARIPLO, FundingSource.COFINANCING)
    ]


class EmpowermentPathFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmpowermentPath

    name = factory.Sequence(lambda n: f"Percorso di empowerment {n}")
    district = factory.LazyFunction(district)
    start_on = dt.date(2016, 10, 1)


class HostOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HostOrganisation

    name = factory.Sequence(lambda n: f"Azienda ospitante {n}")
    kind = HostKind.COMPANY
    district = factory.LazyFunction(district)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    patto = factory.SubFactory(PattoFactory)
    host = factory.SubFactory(HostOrganisationFactory)
    start_on = dt.date(2016, 11, 1)
    learning_objectives = "Puntualità e lavoro in squadra"


class IdeaCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IdeaCall
        django_get_or_create = ["project_year"]

    project_year = factory.LazyFunction(lambda: ProjectYear.objects.get(number=2))
    title = "Bando per l'intrapresa 2016"
    opens_on = dt.date(2016, 9, 1)
    closes_on = dt.date(2016, 11, 30)
    budget = Decimal("60000.00")


class BusinessIdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BusinessIdea

    call = factory.SubFactory(IdeaCallFactory)
    title = factory.Sequence(lambda n: f"Idea d'impresa {n}")
    proponents = "Gruppo di giovani del quartiere"
    district = factory.LazyFunction(district)
    sector = IdeaSector.WELFARE
