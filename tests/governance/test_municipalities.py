"""The Province of Cremona's municipalities of the programme's years, each in its district (item 3 of issue 8)."""

import datetime as dt
import json
from collections import Counter

import pytest
from django.contrib.auth.models import Group

from governance.models import District, Municipality
from governance.reference_municipalities import (
    DATA_FILE,
    DISTRICT_SOURCES,
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


def test_every_row_cites_a_source_of_its_own_district():
    for row in read_rows():
        source = DISTRICT_SOURCES[row["district_source"]]
        assert source.district == row["district"], row["name"]
        assert source.title and source.publisher and source.date
        assert source.url.startswith(("http://", "https://"))


def test_rows_per_source():
    """Cremonese and Cremasco each from their signed Accordo di programma, whole; the Casalasco from the Oglio Po
    plan of 2018-2020 (16 by name, 2 through their 2019 merger) and, the weakest, a 2018 press report (2)."""
    per_source = Counter(row["district_source"] for row in read_rows())
    assert per_source == {
        "apdz_cremona": 47,
        "apdz_cremasco_2015_2017": 48,
        "pdz_oglio_po_2018_2020": 16,
        "pdz_oglio_po_2018_2020_merged": 2,
        "laprovincia_2018_09_13": 2,
    }
    weak = sorted(row["name"] for row in read_rows() if DISTRICT_SOURCES[row["district_source"]].weak)
    assert weak == ["Ca' d'Andrea", "Torre de' Picenardi"]


@pytest.mark.parametrize(
    ("name", "district", "source"),
    [
        # Accordo di programma, Piano di Zona 2015/2017, Ambito distrettuale Cremasco (nos. 35, 43 and 7).
        ("Ripalta Guerina", "cremasco", "apdz_cremasco_2015_2017"),
        ("Torlino Vimercati", "cremasco", "apdz_cremasco_2015_2017"),
        ("Casale Cremasco-Vidolasco", "cremasco", "apdz_cremasco_2015_2017"),
        # Accordo di programma, Ambito distrettuale di Cremona (nos. 7, 25, 28 and 47): the Cremonese reaches the
        # Casalasco's border.
        ("Cappella de' Picenardi", "cremonese", "apdz_cremona"),
        ("Isola Dovarese", "cremonese", "apdz_cremona"),
        ("Ostiano", "cremonese", "apdz_cremona"),
        ("Volongo", "cremonese", "apdz_cremona"),
        # Piano di zona 2018-2020 Ambito distrettuale Oglio Po, Casalasco sub-district.
        ("Casalmaggiore", "casalasco", "pdz_oglio_po_2018_2020"),
        ("Rivarolo del Re ed Uniti", "casalasco", "pdz_oglio_po_2018_2020"),
        ("Piadena", "casalasco", "pdz_oglio_po_2018_2020_merged"),
        ("Drizzona", "casalasco", "pdz_oglio_po_2018_2020_merged"),
        ("Torre de' Picenardi", "casalasco", "laprovincia_2018_09_13"),
    ],
)
def test_named_assignments_from_the_sources(name, district, source):
    row = next(row for row in read_rows() if row["name"] == name)
    assert (row["district"], row["district_source"]) == (district, source)


def test_no_municipality_of_mantova():
    """The seed's 21st Casalasco municipality is not a Mantova one (module note): the data holds none."""
    names = {row["name"] for row in read_rows()}
    assert not names & {"Rivarolo Mantovano", "Sabbioneta", "Viadana", "Bozzolo"}


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
    rows = rows_from_codicefiscale(source, {"Crema": ("cremasco", "apdz_cremasco_2015_2017")})
    assert [(r["name"], r["district"], r["district_source"]) for r in rows] == [
        ("Crema", "cremasco", "apdz_cremasco_2015_2017")
    ]


def test_extraction_refuses_a_municipality_no_source_assigns(tmp_path):
    source = tmp_path / "municipalities.json"
    entry = {"province": "CR", "code": "D150", "name": "Cremona", "date_created": "1861-03-17", "date_deleted": ""}
    source.write_text(json.dumps([entry]))
    with pytest.raises(ValueError, match="Cremona"):
        rows_from_codicefiscale(source, {"Crema": ("cremasco", "apdz_cremasco_2015_2017")})


def test_data_file_cites_nothing_it_does_not_have():
    header = DATA_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert header == "belfiore_code,name,district,district_source,valid_from,valid_to"


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
