"""Rules in one place (issue 7, items 2, 7, 8): the pact's state rules live on the model, every service enforces them
and checks the user's role, forms and templates only read them; provincial business ideas keep links out of reach.

Every service is also called directly (not through a view) with users out of scope or without the role, and with
values a form would have refused: a rule that a form checks but a service does not is not a rule.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from governance.models import District, Expense
from patti import services
from patti.enums import PattoStatus
from patti.forms import AssessmentForm, BusinessIdeaForm, DisbursementForm, PattoForm
from patti.models import Assessment, BusinessIdea, Disbursement, Patto
from tests.factories import pdf_upload
from tests.patti.factories import (
    AssessmentFactory,
    BusinessIdeaFactory,
    HouseholdFactory,
    PattoFactory,
    district,
    ledger_lines,
    signed_patto,
    writer_of,
)

pytestmark = pytest.mark.django_db


class Submitted:
    """A form as a service receives it, whatever a crafted request or another caller put in its instance."""

    def __init__(self, instance):
        self.instance = instance

    def save(self, commit=True):
        if commit:
            self.instance.save()
        return self.instance

    def save_m2m(self):
        pass


@pytest.fixture
def running():
    ledger_lines()
    return signed_patto(status=PattoStatus.ATTIVO)


# --- State rules on the model, read by forms and templates ------------------------------------------------------


def test_the_pact_says_what_it_accepts_in_each_state(coordinatore):
    draft = PattoFactory()
    signed = signed_patto()
    closed = signed_patto(status=PattoStatus.CONCLUSO)
    assert (draft.accepts_disbursements, signed.accepts_disbursements, closed.accepts_disbursements) == (
        False,
        True,
        False,
    )
    assert (draft.budget_is_frozen, signed.budget_is_frozen) == (False, True)
    assert (draft.accepts_assessments, closed.accepts_assessments) == (True, False)
    assert (draft.accepts_signed_document, signed.accepts_signed_document) == (False, True)
    assert (signed.is_editable, closed.is_editable) == (True, False)


@pytest.mark.parametrize(
    ("fallen", "status", "declining"), [(2, "attivo", True), (1, "attivo", False), (3, "concluso", False)]
)
def test_an_assessment_trend_is_declining_from_two_fallen_dimensions_while_the_pact_runs(fallen, status, declining):
    patto = signed_patto(status=PattoStatus.ATTIVO if status == "attivo" else PattoStatus.CONCLUSO)
    AssessmentFactory(patto=patto, date=dt.date(2017, 1, 10), dynamism=4, resilience=4, incisiveness=4, planning=4)
    later = {
        name: 3 if index < fallen else 4
        for index, name in enumerate(["dynamism", "resilience", "incisiveness", "planning"])
    }
    AssessmentFactory(patto=patto, date=dt.date(2017, 5, 10), **later)
    flagged = Patto.objects.filter(pk=patto.pk).with_flags(dt.date(2017, 6, 1)).get()
    assert flagged.is_declining is declining


def test_the_list_shows_in_calo_from_the_models_rule(client_for, udp_cremonese):
    patto = signed_patto(status=PattoStatus.ATTIVO)
    AssessmentFactory(patto=patto, date=dt.date(2017, 1, 10), dynamism=4, resilience=4)
    AssessmentFactory(patto=patto, date=dt.date(2017, 5, 10), dynamism=3, resilience=3)
    page = client_for(udp_cremonese).get(reverse("patti:patto_list")).content.decode()
    assert "In calo" in page


def test_the_form_shows_a_signed_pacts_budget_as_fixed(udp_cremonese):
    form = PattoForm(instance=signed_patto(), user=udp_cremonese)
    assert all(form.fields[name].disabled for name in ("household", "budget_cariplo", "budget_cofinancing"))


def test_a_signed_pacts_budget_is_frozen_even_past_the_form(udp_cremonese, running):
    running.budget_cariplo = Decimal("100.00")  # cut below what was already agreed
    with pytest.raises(ValidationError, match="non si cambiano più"):
        services.patto_save(form=Submitted(running), user=udp_cremonese, expected_version=running.version)
    assert Patto.objects.get(pk=running.pk).budget_cariplo == Decimal("1200.00")


def test_a_closed_pact_is_not_saved_through_the_service(udp_cremonese):
    closed = signed_patto(status=PattoStatus.CONCLUSO)
    closed.objectives = "Riscritti dopo la chiusura"
    with pytest.raises(ValidationError, match="non si modifica più"):
        services.patto_save(form=Submitted(closed), user=udp_cremonese, expected_version=closed.version)
    assert Patto.objects.get(pk=closed.pk).objectives != "Riscritti dopo la chiusura"


def test_the_status_cannot_be_changed_by_saving_the_pact(udp_cremonese):
    patto = signed_patto()
    patto.status = PattoStatus.CONCLUSO
    services.patto_save(form=Submitted(patto), user=udp_cremonese, expected_version=patto.version)
    assert Patto.objects.get(pk=patto.pk).status == PattoStatus.SOTTOSCRITTO


def test_no_assessment_on_a_closed_pact_through_the_service(udp_cremonese):
    closed = signed_patto(status=PattoStatus.CONCLUSO)
    form = AssessmentForm({"date": "2017-06-01", "dynamism": 3, "resilience": 3, "incisiveness": 3, "planning": 3})
    assert form.is_valid()
    with pytest.raises(ValidationError, match="chiuso"):
        services.assessment_create(form=form, patto=closed, user=udp_cremonese)
    assert not Assessment.objects.filter(patto=closed).exists()


def test_the_signed_document_only_after_signature_through_the_service(udp_cremonese, media_root):
    draft = PattoFactory()
    with pytest.raises(ValidationError, match="dopo la sottoscrizione"):
        services.patto_attach_signed(patto=draft, upload=pdf_upload("firmato.pdf"), user=udp_cremonese)
    assert not Patto.objects.get(pk=draft.pk).signed_document


@pytest.mark.parametrize(
    ("amount", "message"), [("-50", "maggiore di zero"), ("0", "maggiore di zero"), ("10,001", "decimali")]
)
def test_a_negative_or_zero_disbursement_is_refused_by_the_form_with_a_clear_message(
    client_for, udp_cremonese, running, amount, message
):
    form = DisbursementForm({"date": "2016-10-01", "amount": amount, "funding_source": "cariplo", "purpose": "Affitto"})
    assert not form.is_valid()
    assert any(message in error for error in form.errors["amount"])
    response = client_for(udp_cremonese).post(
        reverse("patti:disbursement_create", args=[running.pk]),
        {"date": "2016-10-01", "amount": amount, "funding_source": "cariplo", "purpose": "Affitto"},
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not Disbursement.objects.filter(patto=running).exists()


@pytest.mark.parametrize("amount", [Decimal("-50.00"), Decimal("0.00"), Decimal("0.001"), Decimal("NaN")])
def test_the_disbursement_service_refuses_bad_amounts_too(udp_cremonese, running, amount):
    expenses = Expense.objects.count()
    with pytest.raises(ValidationError):
        services.disbursement_create(
            patto=running,
            date=dt.date(2016, 10, 1),
            amount=amount,
            purpose="x",
            funding_source="cariplo",
            user=udp_cremonese,
        )
    assert not Disbursement.objects.filter(patto=running).exists() and Expense.objects.count() == expenses


# --- Every service checks the role on the record ------------------------------------------------------------------

# The pact is Cremonese: the Ufficio di Piano of another district, the Direzione (reads only) and roles with no
# Action 1 records may not write it.
FORBIDDEN = ["udp_cremasco", "udp_casalasco", "direzione", "fundraising", "amministrazione", "referente", "nobody"]


def _services(patto, disbursement, idea):
    assessment_form = AssessmentForm(
        {"date": "2017-01-01", "dynamism": 3, "resilience": 3, "incisiveness": 3, "planning": 3}
    )
    assessment_form.is_valid()
    changed = Patto.objects.get(pk=patto.pk)
    changed.objectives = "Cambiati"
    return {
        "patto_save": lambda user: services.patto_save(
            form=Submitted(changed), user=user, expected_version=changed.version
        ),
        "patto_transition": lambda user: services.patto_transition(
            patto=patto, to_status=PattoStatus.INTERROTTO, user=user, reason="x"
        ),
        "patto_attach_signed": lambda user: services.patto_attach_signed(patto=patto, upload=pdf_upload(), user=user),
        "disbursement_create": lambda user: services.disbursement_create(
            patto=patto,
            date=dt.date(2016, 10, 2),
            amount=Decimal("10.00"),
            purpose="x",
            funding_source="cariplo",
            user=user,
        ),
        "disbursement_cancel": lambda user: services.disbursement_cancel(
            disbursement=disbursement, user=user, reason="x"
        ),
        "assessment_create": lambda user: services.assessment_create(form=assessment_form, patto=patto, user=user),
        "household_save": lambda user: services.household_save(
            form=Submitted(patto.household), user=user, expected_version=patto.household.version
        ),
        "idea_transition": lambda user: services.idea_transition(idea=idea, to_status="selected", user=user),
        "record_save": lambda user: services.record_save(form=Submitted(idea), user=user),
    }


@pytest.mark.parametrize("role", FORBIDDEN)
def test_every_patti_service_refuses_users_who_may_not_write_the_record(request, role, running, media_root):
    user = request.getfixturevalue(role)
    disbursement = services.disbursement_create(
        patto=running,
        date=dt.date(2016, 10, 1),
        amount=Decimal("10.00"),
        purpose="x",
        funding_source="cariplo",
        user=writer_of(running.district),
    )
    idea = BusinessIdeaFactory()  # Cremonese
    calls = _services(running, disbursement, idea)
    if role == "direzione":
        calls.pop("idea_transition")  # the Direzione manages calls and ideas: allowed
        calls.pop("record_save")
    before = (Patto.objects.get(pk=running.pk).version, Disbursement.objects.count(), Assessment.objects.count())
    allowed = []
    for name, call in calls.items():
        try:
            call(user)
        except PermissionDenied:
            continue
        allowed.append(name)
    assert not allowed, f"{role} was allowed: {allowed}"
    assert (
        Patto.objects.get(pk=running.pk).version,
        Disbursement.objects.count(),
        Assessment.objects.count(),
    ) == before
    assert not Disbursement.objects.get(pk=disbursement.pk).is_cancelled


def test_the_districts_own_staff_may_call_them(udp_cremonese, coordinatore, running):
    for user in (udp_cremonese, coordinatore):
        services.disbursement_create(
            patto=running,
            date=dt.date(2016, 10, 1),
            amount=Decimal("10.00"),
            purpose="x",
            funding_source="cariplo",
            user=user,
        )
    assert Disbursement.objects.filter(patto=running).count() == 2


def test_a_pact_cannot_be_moved_into_a_district_the_user_does_not_write(udp_cremasco):
    """The Cremasco office saving a Cremonese pact as if it were its own: refused on the stored record."""
    patto = PattoFactory()
    patto.district = District.objects.get(code="cremasco")
    patto.household = HouseholdFactory(district=district("cremasco"))
    with pytest.raises(PermissionDenied):
        services.patto_save(form=Submitted(patto), user=udp_cremasco, expected_version=patto.version)


def test_forbidden_views_answer_403_and_out_of_scope_404(client_for, direzione, udp_cremasco, running):
    url = reverse("patti:assessment_create", args=[running.pk])
    data = {"date": "2017-01-01", "dynamism": 3, "resilience": 3, "incisiveness": 3, "planning": 3}
    assert client_for(direzione).post(url, data).status_code == 403
    assert client_for(udp_cremasco).post(url, data).status_code == 404


# --- A provincial business idea: links in scope only, the others kept (item 7) ------------------------------------


@pytest.fixture
def provincial_idea():
    ledger_lines()
    cremonese = signed_patto()
    cremasco = signed_patto(household=HouseholdFactory(district=district("cremasco")))
    idea = BusinessIdeaFactory(district=None, title="Idea provinciale")
    idea.patti.set([cremonese, cremasco])
    return idea, cremonese, cremasco


def test_a_provincial_idea_shows_only_the_linked_pacts_in_scope(client_for, udp_cremasco, provincial_idea):
    idea, cremonese, cremasco = provincial_idea
    page = client_for(udp_cremasco).get(reverse("patti:idea_detail", args=[idea.pk])).content.decode()
    assert cremasco.household.code in page
    assert cremonese.household.code not in page
    form = BusinessIdeaForm(instance=idea, user=udp_cremasco)
    assert set(form.fields["patti"].queryset) == {cremasco} or cremonese not in form.fields["patti"].queryset


def test_saving_a_provincial_idea_keeps_the_links_the_user_cannot_see(client_for, udp_cremasco, provincial_idea):
    idea, cremonese, cremasco = provincial_idea
    data = {
        "call": idea.call_id,
        "title": "Idea provinciale rinominata",
        "proponents": idea.proponents,
        "district": "",
        "patti": [],  # the Cremasco office unlinks its own pact; the Cremonese one is not in its form at all
        "sector": idea.sector,
        "credit_obtained": "0",
        "mentor": "",
        "notes": "",
    }
    response = client_for(udp_cremasco).post(reverse("patti:idea_edit", args=[idea.pk]), data)
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.title == "Idea provinciale rinominata"
    assert set(idea.patti.all()) == {cremonese}


def test_the_direzione_saving_an_idea_drops_no_link(client_for, direzione, provincial_idea):
    idea, cremonese, cremasco = provincial_idea
    form = BusinessIdeaForm(
        {
            "call": idea.call_id,
            "title": idea.title,
            "proponents": idea.proponents,
            "sector": idea.sector,
            "credit_obtained": "0",
        },
        instance=idea,
        user=direzione,
    )
    assert form.is_valid(), form.errors
    services.record_save(form=form, user=direzione)
    assert set(BusinessIdea.objects.get(pk=idea.pk).patti.all()) == {cremonese, cremasco}
