"""The indicators of Action 2/B registered in the results framework, and the demo seeder."""

import datetime as dt
import io
from decimal import Decimal

import pytest

from governance.enums import OrganisationKind
from governance.indicators import computed_indicator, registered_codes
from governance.models import District, Organisation
from imprese import reports, services
from imprese.demo import PACTS, seed_imprese_demo
from imprese.enums import PactStage, PartyRole
from imprese.models import PattoImpresa
from tests.imprese.factories import (
    CompanyFactory,
    PartyFactory,
    PattoImpresaFactory,
    TrainingFactory,
    district,
    pact_at,
    writer,
)

pytestmark = pytest.mark.django_db

CODES = {"A2B_PATTI_SOTTOSCRITTI", "A2B_PATTI_ELABORATI", "A2B_IMPRESE_CONTATTATE", "A2B_LAVORATORI",
         "A2B_DELEGATI", "A2B_ASSOCIAZIONI"}  # fmt: skip


def compute(code, user, year=None, district_id=None):
    return computed_indicator(code).compute(user=user, year=year, district_id=district_id)


def test_every_action_2b_indicator_is_registered():
    assert registered_codes() >= CODES
    assert all(computed_indicator(code).link is not None for code in CODES)


@pytest.fixture
def pacts():
    """Year 2 (06/2016-05/2017): a Cremonese pact contacted, elaborated and signed; a Cremasco pact contacted and
    elaborated; a second pact with the same Cremonese company contacted. Year 3: a Cremonese pact contacted."""
    company = CompanyFactory()
    signed = pact_at(PactStage.SIGNED, company=company, workers_reached=120)  # 01/07/16, 01/08/16, 01/10/16
    crema = PattoImpresaFactory(district=district("cremasco"), workers_reached=50)
    services.pact_transition(pact=crema, to_stage=PactStage.ELABORATION, user=writer("cremasco"),
                             on_date=dt.date(2016, 9, 1))  # fmt: skip
    PattoImpresaFactory(company=company, contacted_on=dt.date(2016, 12, 1))
    PattoImpresaFactory(contacted_on=dt.date(2017, 7, 1))
    cna = Organisation.objects.get(name="CNA Cremona")
    assert cna.kind == OrganisationKind.TRADE_ASSOCIATION
    PartyFactory(pact=signed, role=PartyRole.TRADE_ASSOCIATION, organisation=cna)
    PartyFactory(pact=crema, role=PartyRole.TRADE_ASSOCIATION, organisation=cna)  # the same association: once
    TrainingFactory(pact=signed, union_delegates=4, date=dt.date(2016, 11, 15))
    TrainingFactory(pact=crema, union_delegates=3, date=dt.date(2017, 9, 15))
    return signed, crema


def test_indicators_count_each_pact_from_the_date_of_its_stage(pacts, direzione):
    assert compute("A2B_PATTI_SOTTOSCRITTI", direzione, year=2) == 1
    assert compute("A2B_PATTI_SOTTOSCRITTI", direzione, year=3) == 0
    assert compute("A2B_PATTI_ELABORATI", direzione, year=2) == 2
    assert compute("A2B_IMPRESE_CONTATTATE", direzione, year=2) == 2  # two pacts with one company count once
    assert compute("A2B_IMPRESE_CONTATTATE", direzione) == 3
    assert compute("A2B_LAVORATORI", direzione, year=2) == 120  # only the signed pact's workers
    assert compute("A2B_DELEGATI", direzione, year=2) == 4
    assert compute("A2B_DELEGATI", direzione) == 7
    assert compute("A2B_ASSOCIAZIONI", direzione) == 1
    assert compute("A2B_PATTI_SOTTOSCRITTI", direzione, year=9) is None  # no such project year


def test_indicators_are_scoped_to_the_user_and_the_district(pacts, udp_cremasco, fundraising, direzione):
    cremasco = District.objects.get(code="cremasco").pk
    assert compute("A2B_PATTI_ELABORATI", udp_cremasco, year=2) == 1
    assert compute("A2B_PATTI_SOTTOSCRITTI", udp_cremasco) == 0
    assert compute("A2B_DELEGATI", udp_cremasco) == 3
    assert compute("A2B_PATTI_ELABORATI", direzione, year=2, district_id=cremasco) == 1
    assert all(compute(code, fundraising) == 0 for code in CODES)  # fail closed


def test_indicator_links_open_the_list_behind_the_number(pacts, client_for, direzione):
    link = computed_indicator("A2B_PATTI_SOTTOSCRITTI").link(year=2, district_id=district().pk)
    assert link == f"/imprese/?year=2&basis=signed&district={district().pk}"
    response = client_for(direzione).get(link)
    assert [p.stage for p in response.context["page"]] == [PactStage.SIGNED]
    assert computed_indicator("A2B_DELEGATI").link(year=None, district_id=None) == "/imprese/"


def test_dashboard_summary_matches_the_indicators(pacts, direzione, udp_cremasco):
    summary = reports.summary(user=direzione)
    rows = {r.year: r for r in summary.years}
    assert (rows[2].contacted, rows[2].elaborated, rows[2].signed, rows[2].workers, rows[2].delegates) == (
        3, 2, 1, 120, 4,
    )  # fmt: skip
    assert rows[2].signed == compute("A2B_PATTI_SOTTOSCRITTI", direzione, year=2)
    assert rows[3].contacted == 1 and rows[3].delegates == 3
    stages = {value: n for value, _, n in summary.stages}
    assert stages["signed"] == 1 and stages["elaboration"] == 1 and stages["contact"] == 2
    assert summary.companies == compute("A2B_IMPRESE_CONTATTATE", direzione) == 3
    assert summary.associations == 1 and summary.committed == Decimal("7000.00") and summary.paid == 0
    assert reports.summary(user=udp_cremasco).signed_total == 0


def test_demo_seeder_creates_the_company_pacts_once(udp_cremonese):
    out = io.StringIO()
    seed_imprese_demo(stdout=out)
    assert PattoImpresa.objects.count() == len(PACTS) == 13
    assert PattoImpresa.objects.filter(signed_on__isnull=False).count() == 10
    assert PattoImpresa.objects.filter(stage=PactStage.ABANDONED).count() == 1
    assert "13 patti con le imprese" in out.getvalue()
    seed_imprese_demo(stdout=out)
    assert PattoImpresa.objects.count() == 13
