"""Hand-counted worlds of the monitoring tests (reach, cost per result), built with the apps' own factories."""

import datetime as dt
from decimal import Decimal

from governance.models import Action, District, Organisation, ProjectYear
from tests.civic_center.factories import ActivityFactory, CivicCenterFactory
from tests.governance.budget.factories import BudgetLineFactory, ExpenseFactory
from tests.laboratori.factories import LabMeetingFactory, LaboratorioFactory
from tests.patti.factories import HouseholdFactory, signed_patto
from tests.wellfare_lab.factories import AttendanceFactory, ParticipantFactory, SessionFactory, TrainingLabFactory

IN_YEAR_2 = dt.date(2016, 10, 15)
IN_YEAR_3 = dt.date(2017, 10, 15)


def district(code):
    return District.objects.get(code=code)


def reach_world() -> dict:
    """Year 2 unless said otherwise. Cremonese: household A (1 adult + 2 minors) with two pacts, household B (2
    adults) with one; Cremasco: household C (1 + 2) with one pact signed in year 3.
    Labs (Cremonese): lab 1 meetings of 30 and 20 people (6 and 4 households), lab 2 one meeting of 10 (2).
    Civic center (Cremonese): activities of 10 and 5 enrolments (3 and 1 households).
    Training (Cremonese): «Anna Rossi» in two sessions and, spelled «anna rossi », in a second lab; «Bruno Bianchi».
    """
    cremonese, cremasco = district("cremonese"), district("cremasco")
    household_a = HouseholdFactory(district=cremonese, adults=1, minors=2)
    household_b = HouseholdFactory(district=cremonese, adults=2, minors=0)
    household_c = HouseholdFactory(district=cremasco, adults=1, minors=2)
    signed_patto(household=household_a, on=IN_YEAR_2)
    signed_patto(household=household_a, on=IN_YEAR_2 + dt.timedelta(days=30))
    signed_patto(household=household_b, on=IN_YEAR_2)
    signed_patto(household=household_c, on=IN_YEAR_3)
    lab_1, lab_2 = LaboratorioFactory(district=cremonese), LaboratorioFactory(district=cremonese)
    LabMeetingFactory(lab=lab_1, date=IN_YEAR_2, people=30, households=6)
    LabMeetingFactory(lab=lab_1, date=IN_YEAR_2 + dt.timedelta(days=7), people=20, households=4)
    LabMeetingFactory(lab=lab_2, date=IN_YEAR_2, people=10, households=2)
    center = CivicCenterFactory(district=cremonese)
    ActivityFactory(civic_center=center, start_on=IN_YEAR_2, enrolments=10, households=3)
    ActivityFactory(civic_center=center, start_on=IN_YEAR_2, enrolments=5, households=1)
    training_1, training_2 = TrainingLabFactory(district=cremonese), TrainingLabFactory(district=cremonese)
    anna = ParticipantFactory(lab=training_1, full_name="Anna Rossi")
    for day in (1, 2):
        AttendanceFactory(
            session=SessionFactory(lab=training_1, date=IN_YEAR_2 + dt.timedelta(days=day)), participant=anna
        )
    AttendanceFactory(
        session=SessionFactory(lab=training_2, date=IN_YEAR_2),
        participant=ParticipantFactory(lab=training_2, full_name="anna rossi "),
    )
    AttendanceFactory(
        session=SessionFactory(lab=training_2, date=IN_YEAR_2),
        participant=ParticipantFactory(lab=training_2, full_name="Bruno Bianchi"),
    )
    return {"cremonese": cremonese, "cremasco": cremasco}


def line(*, action="1", partner, year=2, planned="10000.00", approved=None):
    """A line of the active plan, with one approved expense of `approved` euros (gross) if given."""
    budget_line = BudgetLineFactory(
        action=Action.objects.get(code=action),
        partner=partner,
        year=ProjectYear.objects.get(number=year),
        planned_amount=Decimal(planned),
    )
    if approved:
        ExpenseFactory(line=budget_line, net_amount=Decimal(approved), vat_amount=Decimal("0"), status="approved")
    return budget_line


def provincial_partner() -> Organisation:
    return Organisation.objects.filter(is_partner=True, district__isnull=True).order_by("name").first()


def district_partner(code) -> Organisation:
    return District.objects.get(code=code).lead_organisation
