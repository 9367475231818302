"""The reference data from the programme's documents, loaded by `seed_wellfare`."""

import io

import pytest
from django.core.management import CommandError, call_command
from stdnum.it import iva

from governance.models import Action, BodyMember, District, GovernanceBody, Organisation, ProjectYear

pytestmark = pytest.mark.django_db


def test_three_districts_with_their_municipality_counts_and_lead_bodies():
    districts = {d.code: d for d in District.objects.select_related("lead_organisation")}
    assert {code: d.municipalities_count for code, d in districts.items()} == {
        "cremonese": 47,
        "cremasco": 48,
        "casalasco": 21,
    }
    assert districts["cremonese"].lead_organisation.name == "Azienda Sociale del Cremonese"
    assert districts["cremasco"].lead_organisation.name == "Comune di Crema"
    assert districts["casalasco"].lead_organisation.name == "Consorzio Casalasco dei Servizi Sociali"


def test_thirteen_partners_with_valid_tax_codes_and_one_lead_partner():
    partners = Organisation.objects.filter(is_partner=True)
    assert partners.count() == 13
    assert all(p.tax_code and iva.is_valid(p.tax_code) for p in partners)
    assert list(Organisation.objects.filter(is_lead_partner=True).values_list("name", flat=True)) == [
        "Comune di Cremona"
    ]
    provincia = Organisation.objects.get(tax_code="80002130195")
    assert provincia.legal_representative == "Carlo Angelo Vezzini"
    assert provincia.signatory == "Dario Rech"
    assert provincia.district is None


def test_sixty_eight_network_members_one_of_them_also_a_partner():
    assert Organisation.objects.filter(is_member=True).count() == 68
    assert list(Organisation.objects.filter(is_member=True, is_partner=True).values_list("name", flat=True)) == [
        "Consorzio Sol.Co. Cremona"
    ]


def test_actions_project_years_and_bodies():
    assert list(Action.objects.values_list("code", flat=True)) == ["1", "2A", "2B", "3", "4", "5", "GA"]
    years = list(ProjectYear.objects.values_list("number", "start", "end"))
    assert [(n, s.isoformat(), e.isoformat()) for n, s, e in years] == [
        (1, "2015-05-08", "2016-05-31"),
        (2, "2016-06-01", "2017-05-31"),
        (3, "2017-06-01", "2018-05-07"),
    ]
    cadence = dict(GovernanceBody.objects.values_list("code", "meetings_per_year"))
    assert cadence["direzione"] == 12
    assert cadence["tavolo"] == 2
    assert cadence["cabina"] == 6
    assert cadence["staff_amministrazione"] == 3
    assert cadence["gdl_1"] == 52
    assert {
        b.code: b.district.code
        for b in GovernanceBody.objects.filter(code__startswith="coord_", district__isnull=False)
    } == {
        "coord_cremonese": "cremonese",
        "coord_cremasco": "cremasco",
        "coord_casalasco": "casalasco",
    }
    # Gruppi di Azione Locale: one provincial group per action, district groups for actions 1, 2A and 3.
    assert GovernanceBody.objects.filter(code__startswith="gdl_", action__isnull=False).count() == 6 + 9


def test_seed_is_idempotent_rows_and_history_unchanged():
    models = [District, Organisation, Action, ProjectYear, GovernanceBody, BodyMember]
    before = {m: (m.objects.count(), m.history.count()) for m in models}
    call_command("seed_wellfare", stdout=io.StringIO())
    assert {m: (m.objects.count(), m.history.count()) for m in models} == before


def test_demo_refuses_to_run_with_production_settings(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_wellfare", "--demo", stdout=io.StringIO())


def test_demo_adds_meetings_some_bodies_behind_and_decisions_overdue(settings):
    settings.DEBUG = True
    call_command("seed_wellfare", "--demo", stdout=io.StringIO())
    from governance.models import Decision, Meeting
    from governance.selectors import cadence_compliance

    assert Meeting.objects.filter(agenda__startswith="[DEMO]").count() > 500
    reference = ProjectYear.objects.get(number=3).end
    rows = cadence_compliance(bodies=GovernanceBody.objects.all(), reference=reference)
    behind = {r.body.code for r in rows if r.behind}
    assert "tavolo" in behind and "direzione" not in behind
    assert Decision.objects.overdue(reference).exists()
    # A second run adds nothing.
    count = Meeting.objects.count()
    call_command("seed_wellfare", "--demo", stdout=io.StringIO())
    assert Meeting.objects.count() == count
