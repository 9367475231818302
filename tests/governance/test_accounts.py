"""Users and roles in one place (issue 8, item 10): one form, in Italian, for the system administrator; audited."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.accounts import account_save
from governance.enums import SYSTEM_ADMIN_GROUP, Role
from governance.models import District, Organisation, UserProfile
from governance.scoping import user_scope


def form_data(**extra):
    data = {
        "username": "mario.rossi",
        "first_name": "Mario",
        "last_name": "Rossi",
        "email": "mario.rossi@example.invalid",
        "is_active": "on",
        "role": Role.UFFICIO_DI_PIANO.value,
        "organisation": Organisation.objects.get(name="Comune di Crema").pk,
        "districts": [District.objects.get(code="cremasco").pk],
    }
    return {**data, **extra}


def test_system_administrator_creates_a_user_with_role_district_and_organisation_in_one_form(client_for, superuser):
    response = client_for(superuser).post(reverse("governance:user_create"), form_data())
    assert response.status_code == 302
    user = get_user_model().objects.get(username="mario.rossi")
    scope = user_scope(user)
    assert scope.roles == {Role.UFFICIO_DI_PIANO.value}
    assert scope.district_ids == {District.objects.get(code="cremasco").pk}
    assert user.profile.organisation.name == "Comune di Crema"
    assert not user.is_staff and not user.has_usable_password()
    record = user.profile.history.latest()
    assert record.history_user == superuser
    assert "Nuovo utente" in record.history_change_reason
    assert "Ruolo: nessuno → Ufficio di Piano" in record.history_change_reason


def test_changing_the_role_is_recorded_with_who_and_what(client_for, superuser, udp_cremonese):
    data = form_data(
        username="udp.cremonese",
        role=Role.COORDINATORE.value,
        organisation=udp_cremonese.profile.organisation.pk,
        districts=[District.objects.get(code="cremonese").pk],
    )
    response = client_for(superuser).post(reverse("governance:user_edit", args=[udp_cremonese.pk]), data)
    assert response.status_code == 302
    udp_cremonese.refresh_from_db()
    assert list(udp_cremonese.groups.values_list("name", flat=True)) == [Role.COORDINATORE.value]
    reason = udp_cremonese.profile.history.latest().history_change_reason
    assert "Ruolo: Ufficio di Piano → Coordinatore" in reason
    page = client_for(superuser).get(reverse("governance:user_edit", args=[udp_cremonese.pk]))
    assert "Ruolo: Ufficio di Piano → Coordinatore" in page.content.decode()


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"districts": []}, "districts", "Per questo ruolo indicare almeno un ambito."),
        ({"role": Role.PARTNER.value, "organisation": ""}, "organisation", "va collegato alla sua organizzazione"),
        ({"email": ""}, "email", "Questo campo è obbligatorio."),
    ],
)
def test_bad_input_is_refused_in_italian_and_nothing_is_saved(client_for, superuser, extra, field, message):
    response = client_for(superuser).post(reverse("governance:user_create"), form_data(**extra))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert not get_user_model().objects.filter(username="mario.rossi").exists()


def test_roles_without_districts_keep_none(client_for, superuser):
    data = form_data(role=Role.DIREZIONE.value)
    client_for(superuser).post(reverse("governance:user_create"), data)
    profile = UserProfile.objects.get(user__username="mario.rossi")
    assert not profile.districts.exists()


@pytest.mark.parametrize("role", ["direzione", "udp.cremonese", "amministrazione", "referente"])
def test_programme_roles_may_not_manage_users(db, client_for, role):
    user = get_user_model().objects.get(username=role)
    client = client_for(user)
    assert client.get(reverse("governance:users")).status_code == 403
    before = get_user_model().objects.count()
    assert client.post(reverse("governance:user_create"), form_data()).status_code == 403
    assert get_user_model().objects.count() == before


def test_list_searches_filters_and_links(client_for, superuser):
    client = client_for(superuser)
    page = client.get(reverse("governance:users"), {"q": "cremasco"}).content.decode()
    assert "udp.cremasco" in page and "udp.cremonese" not in page
    cremonese = District.objects.get(code="cremonese")
    page = client.get(reverse("governance:users"), {"district": cremonese.pk}).content.decode()
    assert "udp.cremonese" in page and "udp.cremasco" not in page
    assert client.get(reverse("governance:users"), {"order": "-last_name"}).status_code == 200
    get_user_model().objects.filter(username="udp.cremasco").update(is_active=False)
    page = client.get(reverse("governance:users"), {"is_active": "false"}).content.decode()
    assert "udp.cremasco" in page and "udp.cremonese" not in page
    page = client.get(reverse("governance:users"), {"is_active": "true"}).content.decode()
    assert "udp.cremonese" in page and "udp.cremasco" not in page
    # The filter speaks Italian: "Tutti" / "Predefinito", never Django's "---------" or "Sconosciuto".
    assert "---------" not in page and "Sconosciuto" not in page
    home = client.get(reverse("home")).content.decode()
    assert reverse("governance:users") in home


def test_list_queries_do_not_grow_with_users(client_for, superuser, django_assert_max_num_queries):
    client = client_for(superuser)
    with django_assert_max_num_queries(12):
        client.get(reverse("governance:users"))
    for index in range(20):
        get_user_model().objects.create_user(f"extra{index}")
    with django_assert_max_num_queries(12):
        client.get(reverse("governance:users"))


@pytest.fixture
def system_admin(db):
    """A member of the system administrators' group, not a superuser."""
    user = get_user_model().objects.create_user("sys.admin", email="sys.admin@example.invalid")
    user.groups.add(Group.objects.get_or_create(name=SYSTEM_ADMIN_GROUP)[0])
    return user


def test_only_a_superuser_changes_a_superuser(client_for, system_admin, superuser):
    """Else a system administrator could set the superuser's e-mail to their own and reset its password."""
    email = superuser.email
    data = form_data(username=superuser.username, email="attacker@example.invalid", role="", districts=[])
    response = client_for(system_admin).post(reverse("governance:user_edit", args=[superuser.pk]), data)
    assert response.status_code == 200
    assert "Solo un superutente può modificare un superutente." in response.content.decode()
    superuser.refresh_from_db()
    assert (superuser.email, superuser.is_active, superuser.is_superuser) == (email, True, True)


@pytest.mark.parametrize("extra", [{"system_admin": ""}, {"is_active": ""}])
def test_an_administrator_cannot_lock_themselves_out(client_for, system_admin, extra):
    data = form_data(username="sys.admin", email="sys.admin@example.invalid", role="", districts=[], system_admin="on")
    response = client_for(system_admin).post(reverse("governance:user_edit", args=[system_admin.pk]), {**data, **extra})
    assert response.status_code == 200
    assert "lo chieda a un altro amministratore" in response.content.decode()
    system_admin.refresh_from_db()
    assert system_admin.is_active and system_admin.groups.filter(name=SYSTEM_ADMIN_GROUP).exists()


@pytest.mark.parametrize(
    ("role", "districts", "organisation", "message"),
    [
        ("Superutente", [], None, "Ruolo non previsto"),
        (Role.UFFICIO_DI_PIANO.value, [], None, "Per questo ruolo indicare almeno un ambito."),
        (Role.PARTNER.value, [], None, "va collegato alla sua organizzazione"),
    ],
)
def test_the_service_checks_the_roles_rules_too(superuser, role, districts, organisation, message):
    account = get_user_model()(username="mario.rossi", email="mario.rossi@example.invalid")
    with pytest.raises(ValidationError, match=message):
        account_save(
            account=account,
            role=role,
            organisation=organisation,
            districts=districts,
            system_admin=False,
            actor=superuser,
            before={},
        )
    assert not get_user_model().objects.filter(username="mario.rossi").exists()
    assert not Group.objects.filter(name="Superutente").exists()
