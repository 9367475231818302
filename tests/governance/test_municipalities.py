"""The Province of Cremona's municipalities of the programme's years, each in its district (item 3 of issue 8)."""

import datetime as dt
import json

import pytest
from django.contrib.auth.models import Group

from governance.models import District, Municipality
from governance.reference_municipalities import (
    DATA_FILE,
    district_counts,
    italian_name,
    read_rows,
    rows_from_codicefiscale,
)
from patti.forms_households import HouseholdForm


def test_data_file_has_the_115_municipalities_of_seed_174():
    rows = read_rows()
    assert len(rows) == 115
    assert len({row["belfiore_code"] for row in rows}) == 115


def test_districts_agree_with_the_seed_except_the_casalasco():
    """Seed 1369-1371 says 47 / 48 / 21 (116); the province had 115: the Casalasco has 20 (see the module note)."""
    counts = district_counts(read_rows())
    assert counts == {"cremonese": 47, "cremasco": 48, "casalasco": 20}


def test_municipalities_merged_after_the_programme_keep_their_end_date():
    rows = {row["name"]: row for row in read_rows()}
    for name in ("Piadena", "Drizzona", "Ca' d'Andrea"):
        assert rows[name]["valid_to"] == dt.date(2018, 12, 31)
        assert rows[name]["district"] == "casalasco"
    assert rows["Crema"]["district"] == "cremasco" and rows["Crema"]["belfiore_code"] == "D142"
    assert rows["Cremona"]["district"] == "cremonese" and rows["Cremona"]["belfiore_code"] == "D150"


def test_seed_loads_the_municipalities_into_their_districts(db):
    assert Municipality.objects.count() == 115
    cremasco = District.objects.get(code="cremasco")
    assert cremasco.municipalities.count() == 48
    assert Municipality.objects.get(belfiore_code="B869").name == "Casalbuttano ed Uniti"


def test_italian_particles_in_lower_case():
    assert italian_name("Rivarolo Del Re Ed Uniti") == "Rivarolo del Re ed Uniti"
    assert italian_name("Spino D'Adda") == "Spino d'Adda"
    assert italian_name("Cingia De' Botti") == "Cingia de' Botti"


def test_extraction_keeps_the_programme_years_only(tmp_path):
    source = tmp_path / "municipalities.json"
    entries = [
        {"province": "CR", "code": "D142", "name": "Crema", "date_created": "1861-03-17T00:00:00", "date_deleted": ""},
        {
            "province": "CR",
            "code": "X001",
            "name": "Vecchio",
            "date_created": "1861-01-01",
            "date_deleted": "1928-01-01",
        },
        {"province": "CR", "code": "X002", "name": "Nuovo", "date_created": "2019-01-01T00:00:00", "date_deleted": ""},
        {"province": "MI", "code": "F205", "name": "Milano", "date_created": "1861-03-17", "date_deleted": ""},
    ]
    source.write_text(json.dumps(entries))
    rows = rows_from_codicefiscale(source, {"Crema": "cremasco"})
    assert [(r["name"], r["district"]) for r in rows] == [("Crema", "cremasco")]


def test_data_file_cites_nothing_it_does_not_have():
    header = DATA_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert header == "belfiore_code,name,district,valid_from,valid_to"


def household_data(**extra):
    data = {
        "first_name": "Anna",
        "last_name": "Verdi",
        "adults": 1,
        "minors": 0,
        "citizenship": "italian",
        "employment_status": "unemployed",
        "target_group": "alone",
        "reached_through": "social_services",
    }
    return {**data, **extra}


def test_household_form_offers_the_districts_municipalities_and_preselects_it(udp_cremasco):
    form = HouseholdForm(user=udp_cremasco)
    cremasco = District.objects.get(code="cremasco")
    assert form["district"].value() == cremasco.pk
    assert f'<option value="{cremasco.pk}" selected>' in str(form["district"])
    offered = list(form.fields["municipality"].queryset)
    assert len(offered) == 48
    assert {m.district_id for m in offered} == {cremasco.pk}


def test_household_form_refuses_a_municipality_of_another_district(udp_cremasco):
    cremasco = District.objects.get(code="cremasco")
    cremona = Municipality.objects.get(name="Cremona")
    form = HouseholdForm(household_data(district=cremasco.pk, municipality=cremona.pk), user=udp_cremasco)
    assert not form.is_valid()
    assert "municipality" in form.errors


def test_household_form_accepts_a_municipality_of_its_district(udp_cremasco):
    cremasco = District.objects.get(code="cremasco")
    crema = Municipality.objects.get(name="Crema")
    form = HouseholdForm(household_data(district=cremasco.pk, municipality=crema.pk), user=udp_cremasco)
    assert form.is_valid(), form.errors


def test_household_form_groups_municipalities_by_district_for_several_districts(direzione, django_user_model):
    from governance.enums import Role
    from governance.models import UserProfile

    user = django_user_model.objects.create_user("coord.due")
    user.groups.add(*Group.objects.filter(name=Role.COORDINATORE.value))
    profile = UserProfile.objects.create(user=user)
    profile.districts.set(District.objects.filter(code__in=["cremasco", "casalasco"]))
    form = HouseholdForm(user=user)
    assert form["district"].value() is None
    groups = [label for label, _ in form.fields["municipality"].choices if isinstance(_, list)]
    assert groups == ["Casalasco", "Cremasco"]


@pytest.mark.parametrize("name", ["Crema", "Piadena"])
def test_municipalities_valid_during_the_programme(db, name):
    assert Municipality.objects.valid_between(dt.date(2015, 5, 8), dt.date(2018, 5, 7)).filter(name=name).exists()
