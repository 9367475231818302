"""The dashboard numbers of Action 1 match the data."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from patti import reports, services
from patti.enums import IdeaStatus, PattoKind, PattoStatus
from tests.patti.factories import (
    AssessmentFactory,
    BusinessIdeaFactory,
    EmpowermentPathFactory,
    HouseholdFactory,
    IdeaCallFactory,
    PattoFactory,
    district,
    ledger_lines,
    signed_patto,
    writer_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(coordinatore):
    ledger_lines()
    ledger_lines("cremasco")
    a = signed_patto(on=dt.date(2016, 9, 15), kind=PattoKind.AUTONOMIA, status=PattoStatus.ATTIVO)
    b = signed_patto(on=dt.date(2015, 9, 15), opened_on=dt.date(2015, 9, 1), status=PattoStatus.CONCLUSO)
    c = signed_patto(
        on=dt.date(2016, 9, 20), household=HouseholdFactory(district=district("cremasco")), status=PattoStatus.ATTIVO
    )
    PattoFactory()  # a draft: not signed, not counted
    services.disbursement_create(
        patto=a,
        date=dt.date(2016, 10, 1),
        amount=Decimal("300.00"),
        purpose="x",
        funding_source="cariplo",
        user=writer_of(a.district),
    )
    cancelled = services.disbursement_create(
        patto=c,
        date=dt.date(2016, 10, 1),
        amount=Decimal("100.00"),
        purpose="x",
        funding_source="cofinancing",
        user=writer_of(c.district),
    )
    services.disbursement_cancel(disbursement=cancelled, user=writer_of(c.district), reason="errore")
    AssessmentFactory(patto=a, date=dt.date(2016, 11, 1), dynamism=2, resilience=2, incisiveness=2, planning=2)
    AssessmentFactory(patto=a, date=dt.date(2017, 3, 1), dynamism=4, resilience=3, incisiveness=2, planning=1)
    AssessmentFactory(patto=c, date=dt.date(2016, 11, 1))
    EmpowermentPathFactory(start_on=dt.date(2016, 10, 1))
    call = IdeaCallFactory()
    for status in (IdeaStatus.SUBMITTED, IdeaStatus.SELECTED, IdeaStatus.PLAN_VALIDATED, IdeaStatus.STARTED):
        idea = BusinessIdeaFactory(call=call)
        idea.status = status
        idea.save()
    return a, b, c


def test_signed_per_year_against_targets(data):
    rows = {r.year: r for r in reports.patti_signed_per_year()}
    # Targets come from governance's results framework (revised June 2016: 32 / 134 / 118).
    assert [(r.year, str(r.target), r.signed) for r in rows.values()] == [(1, "32", 1), (2, "134", 2), (3, "118", 0)]
    assert rows[2].by_kind == {"Patto per l'Autonomia": 1, "Patto per l'Inclusione sociale": 1}
    assert rows[2].by_district == {"Cremonese": 1, "Cremasco": 1}


def test_by_district_budgets_and_active(data):
    rows = {r.district: r for r in reports.patti_by_district()}
    assert rows["Cremonese"].signed == 2 and rows["Cremonese"].active == 1
    assert rows["Cremonese"].budget_committed == Decimal("3600.00")
    assert rows["Cremonese"].disbursed == Decimal("300.00")
    assert rows["Cremasco"].disbursed == Decimal("0.00")
    assert rows["Casalasco"].signed == 0
    assert reports.active_patti() == 2
    totals = reports.personal_budgets()
    assert totals.committed == Decimal("5400.00") and totals.disbursed == Decimal("300.00")
    assert totals.disbursed_cofinancing == Decimal("0.00")


def test_average_assessment_change(data):
    change = reports.average_assessment_change()
    assert change.patti_assessed == 1
    assert (change.dynamism, change.resilience, change.incisiveness, change.planning) == (
        Decimal("2.00"),
        Decimal("1.00"),
        Decimal("0.00"),
        Decimal("-1.00"),
    )
    assert change.overall == Decimal("0.50")


def test_paths_and_ideas_against_targets(data):
    paths = {r.year: r for r in reports.empowerment_paths_per_year()}
    assert (paths[2].actual, paths[2].target) == (1, None)  # the June 2016 update names no year for its 3 paths
    assert (paths[None].actual, str(paths[None].target)) == (1, "3")
    ideas = {r.year: r for r in reports.ideas_per_year()}
    assert (ideas[2].actual, ideas[2].extra, str(ideas[2].target)) == (3, 2, "8–10")


def test_numbers_page_is_scoped_and_without_identity(data, client_for, udp_cremasco, direzione, fundraising, referente):
    url = reverse("patti:reports")
    page = client_for(direzione).get(url).content.decode()
    assert "3 su 284" in page and "Anno 2" in page
    assert data[0].household.last_name not in page and data[0].household.code not in page
    assert "1 su 284" in client_for(udp_cremasco).get(url).content.decode()
    assert "3 su 284" in client_for(fundraising).get(url).content.decode()
    assert client_for(referente).get(url).status_code == 403


def test_numbers_page_queries_do_not_grow(data, client_for, direzione, django_assert_max_num_queries):
    client = client_for(direzione)
    url = reverse("patti:reports")
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(5):
        signed_patto(status=PattoStatus.ATTIVO)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
