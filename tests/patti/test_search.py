"""Find a family: identity search only for the staff who may see identities, in their districts, always logged;
everyone else matches the pseudonymous code and the pact number; wildcards are plain text; list columns sort."""

import pytest
from django.urls import reverse

from patti import services
from patti.models import IdentityAccess
from tests.patti.factories import HouseholdFactory, PattoFactory, district, tax_code

pytestmark = pytest.mark.django_db

SURNAME = "Quagliottini"
TAX_CODE = tax_code("QGLMRA80A01D150")


@pytest.fixture
def patto():
    household = HouseholdFactory(last_name=SURNAME, first_name="Marisa", tax_code=TAX_CODE, phone="+39 333 765 4321")
    return PattoFactory(household=household)


def search(client, query, url="patti:patto_list"):
    return client.get(reverse(url), {"q": query}).content.decode()


@pytest.mark.parametrize(
    "query", [SURNAME, SURNAME.lower()[:6], "Marisa", "marisa quagliottini", TAX_CODE, TAX_CODE[:9].lower(), "7654321"]
)
def test_udp_finds_a_household_of_its_district_by_identity_and_the_search_is_logged(
    client_for, udp_cremonese, patto, query
):
    page = search(client_for(udp_cremonese), query)
    assert f"n. {patto.pk}" in page and SURNAME in page
    entry = IdentityAccess.objects.get(user=udp_cremonese)
    assert entry.household == patto.household
    assert entry.purpose == services.SEARCH_PURPOSE_PATTI
    assert query.lower() not in entry.purpose.lower()  # the searched text is never stored


@pytest.mark.parametrize("role", ["udp_cremasco", "direzione", "fundraising"])
def test_the_same_search_by_other_roles_finds_nothing(request, client_for, patto, role):
    user = request.getfixturevalue(role)
    for url in ("patti:patto_list", "patti:household_list"):
        page = search(client_for(user), SURNAME, url)
        assert "corrisponde ai filtri" in page and patto.household.code not in page
    assert not IdentityAccess.objects.exists()


def test_identity_search_stays_in_the_users_district(client_for, udp_cremonese):
    other = PattoFactory(household=HouseholdFactory(district=district("cremasco"), last_name=SURNAME))
    page = search(client_for(udp_cremonese), SURNAME)
    assert other.household.code not in page and "Nessun patto corrisponde" in page
    assert not IdentityAccess.objects.exists()


def test_direzione_searches_by_code_and_pact_number_only(client_for, direzione, patto):
    client = client_for(direzione)
    assert f"n. {patto.pk}" in search(client, patto.household.code[-4:])
    assert f"n. {patto.pk}" in search(client, str(patto.pk))
    page = search(client, TAX_CODE)
    assert "Nessun patto corrisponde" in page
    assert not IdentityAccess.objects.exists()


def test_household_list_search_by_surname_shows_the_name_and_logs(client_for, coordinatore, patto):
    page = search(client_for(coordinatore), SURNAME, "patti:household_list")
    assert patto.household.code in page and SURNAME in page
    entry = IdentityAccess.objects.get(user=coordinatore)
    assert entry.purpose == services.SEARCH_PURPOSE_HOUSEHOLDS


def test_lists_without_a_search_show_no_identity_and_log_nothing(client_for, udp_cremonese, patto):
    client = client_for(udp_cremonese)
    for url in ("patti:patto_list", "patti:household_list"):
        assert SURNAME not in client.get(reverse(url)).content.decode()
    assert not IdentityAccess.objects.exists()


@pytest.mark.parametrize("query", ["%", "_", "%%", "' OR '1'='1", "x' --", "Quagliottin_", "Q%i"])
def test_wildcards_and_sql_like_text_are_plain_text(client_for, udp_cremonese, direzione, patto, query):
    for user in (udp_cremonese, direzione):
        response = client_for(user).get(reverse("patti:patto_list"), {"q": query})
        assert response.status_code == 200
        assert "Nessun patto corrisponde" in response.content.decode()
    assert not IdentityAccess.objects.exists()


def test_csv_export_of_an_identity_search_is_logged_and_carries_no_identity(client_for, udp_cremonese, patto):
    response = client_for(udp_cremonese).get(reverse("patti:patto_list"), {"q": SURNAME, "format": "csv"})
    body = response.content.decode()
    assert patto.household.code in body and SURNAME not in body
    assert IdentityAccess.objects.filter(user=udp_cremonese, purpose__endswith="(CSV)").count() == 1


def test_identity_search_record_logs_only_households_the_user_may_see(udp_cremonese, patto):
    other = HouseholdFactory(district=district("cremasco"))
    shown = services.identity_search_record(
        households=[patto.household, other, patto.household], user=udp_cremonese, purpose="prova"
    )
    assert shown == [patto.household]
    assert list(IdentityAccess.objects.values_list("household", flat=True)) == [patto.household.pk]


@pytest.mark.parametrize("order", ["numero", "-numero", "nucleo", "-ambito", "stato", "anno", "-apertura"])
def test_pact_list_columns_sort(client_for, direzione, order):
    first = PattoFactory()
    second = PattoFactory()
    page = client_for(direzione).get(reverse("patti:patto_list"), {"order": order}).content.decode()
    assert f"n. {first.pk}<" in page and f"n. {second.pk}<" in page
    if order in ("numero", "-numero"):
        positions = [page.index(f"n. {first.pk}<"), page.index(f"n. {second.pk}<")]
        assert positions == sorted(positions, reverse=order.startswith("-"))


def test_household_list_sorts_by_pact_count(client_for, direzione, patto):
    lonely = HouseholdFactory()
    page = client_for(direzione).get(reverse("patti:household_list"), {"order": "-patti"}).content.decode()
    assert page.index(patto.household.code) < page.index(lonely.code)


def test_search_query_count_does_not_grow(client_for, udp_cremonese, django_assert_max_num_queries):
    client = client_for(udp_cremonese)
    PattoFactory(household=HouseholdFactory(last_name=SURNAME))
    with django_assert_max_num_queries(20) as one:
        search(client, SURNAME)
    for _ in range(5):
        PattoFactory(household=HouseholdFactory(last_name=SURNAME))
    with django_assert_max_num_queries(len(one.captured_queries)):
        search(client, SURNAME)


@pytest.mark.parametrize("query", ["²", "n.²³", "١٢٣"])
def test_digits_that_are_not_a_pact_number_are_plain_text(client_for, direzione, patto, query):
    """A superscript is a digit to isdigit() yet int() refuses it: such a search finds nothing, it does not fail."""
    page = search(client_for(direzione), query)
    assert "Nessun patto corrisponde" in page
