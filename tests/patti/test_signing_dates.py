"""Dates that cannot trap a pact: signed within a project year and not after today; a wrong signing date is
corrected by the district staff with a reason (audited)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from patti import services
from patti.enums import PattoStatus
from patti.models import Patto
from tests.patti.factories import CommitmentFactory, PattoFactory, signed_patto, writer_of

pytestmark = pytest.mark.django_db

AFTER_THE_PROGRAMME = dt.date(2018, 5, 10)  # the programme's last project year ends on 07/05/2018


def draft():
    patto = PattoFactory()
    CommitmentFactory(patto=patto)
    return patto


def sign(patto, day, user=None):
    return services.patto_transition(
        patto=patto, to_status=PattoStatus.SOTTOSCRITTO, user=user or writer_of(patto.district), on_date=day
    )


def test_a_pact_cannot_be_signed_outside_every_project_year():
    patto = draft()
    with pytest.raises(ValidationError, match="non cade in nessun anno di progetto"):
        sign(patto, AFTER_THE_PROGRAMME)
    patto.refresh_from_db()
    assert patto.status == PattoStatus.BOZZA and patto.signed_on is None


def test_a_pact_cannot_be_signed_after_today():
    patto = draft()
    with pytest.raises(ValidationError, match="nel futuro"):
        sign(patto, timezone.localdate() + dt.timedelta(days=1))
    assert Patto.objects.get(pk=patto.pk).status == PattoStatus.BOZZA


def test_a_pact_cannot_be_signed_before_it_was_opened():
    patto = draft()
    with pytest.raises(ValidationError, match="precedere l'apertura"):
        sign(patto, patto.opened_on - dt.timedelta(days=1))


def test_signing_outside_the_project_years_shows_an_italian_message(client_for, udp_cremonese):
    patto = draft()
    response = client_for(udp_cremonese).post(
        reverse("patti:patto_transition", args=[patto.pk]),
        {"to_status": "sottoscritto", "on_date": AFTER_THE_PROGRAMME.isoformat()},
        follow=True,
    )
    assert "non cade in nessun anno di progetto" in response.content.decode()
    assert Patto.objects.get(pk=patto.pk).status == PattoStatus.BOZZA


def test_the_pact_page_states_the_signing_date_rule(client_for, udp_cremonese):
    page = client_for(udp_cremonese).get(draft().get_absolute_url()).content.decode()
    assert "anno di progetto e non dopo oggi" in page


def test_district_staff_correct_a_wrong_signing_date_with_a_reason(udp_cremonese):
    patto = signed_patto(on=dt.date(2017, 5, 20))
    assert patto.project_year.number == 2
    corrected = services.patto_correct_signing_date(
        patto=patto, on_date=dt.date(2017, 6, 5), reason="Errore di battitura", user=udp_cremonese
    )
    assert corrected.signed_on == dt.date(2017, 6, 5)
    assert corrected.project_year.number == 3  # the per-year counts follow the corrected date
    record = corrected.history.latest("history_date")
    assert record.history_user == udp_cremonese
    assert "20/05/2017 → 05/06/2017" in record.history_change_reason
    assert "Errore di battitura" in record.history_change_reason


@pytest.mark.parametrize(
    ("day", "reason", "message"),
    [
        (dt.date(2017, 6, 5), "  ", "motivo"),
        (AFTER_THE_PROGRAMME, "Errore", "nessun anno di progetto"),
        (dt.date(2099, 1, 1), "Errore", "nel futuro"),
    ],
)
def test_a_signing_date_correction_follows_the_signing_rules(udp_cremonese, day, reason, message):
    patto = signed_patto(on=dt.date(2017, 5, 20))
    with pytest.raises(ValidationError, match=message):
        services.patto_correct_signing_date(patto=patto, on_date=day, reason=reason, user=udp_cremonese)
    assert Patto.objects.get(pk=patto.pk).signed_on == dt.date(2017, 5, 20)


def test_a_corrected_signing_date_cannot_follow_the_start(udp_cremonese):
    patto = signed_patto(on=dt.date(2017, 5, 20), status=PattoStatus.ATTIVO)
    with pytest.raises(ValidationError, match="avvio"):
        services.patto_correct_signing_date(
            patto=patto, on_date=dt.date(2017, 6, 5), reason="Errore", user=udp_cremonese
        )


def test_a_draft_has_no_signing_date_to_correct(udp_cremonese):
    with pytest.raises(ValidationError, match="non è ancora sottoscritto"):
        services.patto_correct_signing_date(
            patto=draft(), on_date=dt.date(2017, 6, 5), reason="Errore", user=udp_cremonese
        )


@pytest.mark.parametrize("role", ["direzione", "udp_cremasco"])
def test_only_the_pacts_district_staff_correct_its_signing_date(request, role):
    patto = signed_patto(on=dt.date(2017, 5, 20))
    with pytest.raises(PermissionDenied):
        services.patto_correct_signing_date(
            patto=patto, on_date=dt.date(2017, 6, 5), reason="Errore", user=request.getfixturevalue(role)
        )
    assert Patto.objects.get(pk=patto.pk).signed_on == dt.date(2017, 5, 20)


def test_correction_form_on_the_pact_page(client_for, coordinatore):
    patto = signed_patto(on=dt.date(2017, 5, 20))
    client = client_for(coordinatore)
    assert reverse("patti:patto_signing_date", args=[patto.pk]) in client.get(patto.get_absolute_url()).content.decode()
    response = client.post(
        reverse("patti:patto_signing_date", args=[patto.pk]),
        {"on_date": "2017-05-25", "reason": "Data letta male dal modulo"},
        follow=True,
    )
    assert "Data di sottoscrizione corretta: 25/05/2017" in response.content.decode()
    response = client.post(reverse("patti:patto_signing_date", args=[patto.pk]), {"on_date": "2017-05-26"}, follow=True)
    assert "indicare la data giusta e il motivo" in response.content.decode()
    assert Patto.objects.get(pk=patto.pk).signed_on == dt.date(2017, 5, 25)
