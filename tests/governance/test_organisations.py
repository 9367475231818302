"""Organisations created and edited in the application by the roles that need them, with the tax-code check."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from governance.models import District, Organisation
from governance.organisations import organisation_save
from tests.factories import OrganisationFactory


def org_data(**extra):
    data = {"name": "Istituto Comprensivo Dante Alighieri", "kind": "school", "tax_code": "80002130195"}
    return {**data, **extra}


def test_ufficio_di_piano_creates_a_host_school_of_its_district(client_for, udp_cremasco):
    response = client_for(udp_cremasco).post(
        reverse("governance:organisation_create"),
        org_data(tax_code="", district=District.objects.get(code="cremasco").pk),
    )
    assert response.status_code == 302
    school = Organisation.objects.get(name="Istituto Comprensivo Dante Alighieri")
    assert school.district.code == "cremasco" and not school.is_partner and not school.is_member
    record = school.history.latest()
    assert record.history_user == udp_cremasco


def test_ufficio_di_piano_cannot_place_an_organisation_in_another_district(client_for, udp_cremasco):
    response = client_for(udp_cremasco).post(
        reverse("governance:organisation_create"), org_data(district=District.objects.get(code="cremonese").pk)
    )
    assert response.status_code == 200
    assert "district" in response.context["form"].errors
    assert not Organisation.objects.filter(name="Istituto Comprensivo Dante Alighieri").exists()


def test_the_service_keeps_an_ufficio_di_piano_to_its_districts(udp_cremasco):
    cremonese, cremasco = District.objects.get(code="cremonese"), District.objects.get(code="cremasco")
    for district in (cremonese, None):
        school = Organisation(name="Istituto Comprensivo Dante Alighieri", kind="school", district=district)
        with pytest.raises(ValidationError, match="del proprio ambito"):
            organisation_save(organisation=school, user=udp_cremasco)
    assert not Organisation.objects.filter(name="Istituto Comprensivo Dante Alighieri").exists()
    theirs = OrganisationFactory(district=cremonese, is_member=False)
    theirs.district = cremasco  # another district's organisation, moved into its own
    with pytest.raises(PermissionDenied):
        organisation_save(organisation=theirs, user=udp_cremasco)
    assert Organisation.objects.get(pk=theirs.pk).district == cremonese


@pytest.mark.parametrize(
    ("tax_code", "message"),
    [
        ("80002130196", "la cifra di controllo non corrisponde"),
        ("12345", "11 cifre (enti) o 16 caratteri"),
        ("80000730194", "esiste già"),  # the Chamber of Commerce's
    ],
)
def test_tax_code_is_checked(client_for, amministrazione, tax_code, message):
    response = client_for(amministrazione).post(reverse("governance:organisation_create"), org_data(tax_code=tax_code))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["tax_code"])
    assert not Organisation.objects.filter(name="Istituto Comprensivo Dante Alighieri").exists()


def test_fundraising_edits_a_donor_organisation_but_not_a_partner(client_for, fundraising):
    donor = OrganisationFactory(name="Impresa Donatrice Srl", kind="company", district=None, is_member=False)
    client = client_for(fundraising)
    response = client.post(
        reverse("governance:organisation_edit", args=[donor.pk]),
        org_data(name="Impresa Donatrice S.r.l.", kind="company", tax_code=""),
    )
    assert response.status_code == 302
    donor.refresh_from_db()
    assert donor.name == "Impresa Donatrice S.r.l."
    partner = Organisation.objects.get(name="Azienda Sociale del Cremonese")
    assert client.get(reverse("governance:organisation_edit", args=[partner.pk])).status_code == 403


def test_the_programme_roster_is_not_editable_in_the_form(client_for, amministrazione):
    partner = Organisation.objects.get(name="Azienda Sociale del Cremonese")
    data = org_data(name=partner.name, kind=partner.kind, tax_code=partner.tax_code, district=partner.district_id)
    data["is_partner"] = ""
    client_for(amministrazione).post(reverse("governance:organisation_edit", args=[partner.pk]), data)
    partner.refresh_from_db()
    assert partner.is_partner


def test_create_link_only_for_roles_that_may_create(client_for, direzione, udp_cremonese):
    url = reverse("governance:organisation_create")
    assert url in client_for(udp_cremonese).get(reverse("governance:organisation_list")).content.decode()
    assert url not in client_for(direzione).get(reverse("governance:organisation_list")).content.decode()


def test_the_only_district_is_preselected_and_breadcrumbs_name_the_page(client_for, udp_cremasco):
    page = client_for(udp_cremasco).get(reverse("governance:organisation_create")).content.decode()
    cremasco = District.objects.get(code="cremasco")
    assert f'<option value="{cremasco.pk}" selected>' in page
    assert 'aria-current="page">Nuova organizzazione</li>' in page
