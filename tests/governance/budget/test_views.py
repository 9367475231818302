"""Budget screens as the users see them: the expense flow, attachments, concurrency, the plan's reconciliation."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from governance.budget.enums import ExpenseStatus
from governance.models import BudgetLine, BudgetPlan, Expense, Organisation
from tests.factories import pdf_upload
from tests.governance.budget.factories import BudgetLineFactory, ExpenseFactory, original_plan

pytestmark = pytest.mark.django_db


def expense_data(line, **overrides):
    data = {
        "line": line.pk,
        "date": "2016-11-10",
        "description": "Erogazione budget personale",
        "payee": "Cooperativa Il Seme",
        "document_kind": "invoice",
        "document_number": "FT-7",
        "net_amount": "1000,00",
        "vat_amount": "220,00",
    }
    data.update(overrides)
    return data


def report_actual(client):
    return client.get(reverse("governance:budget_report")).context["report"].total.actual


def test_referent_submits_administration_approves_and_the_report_changes(
    client, referente, amministrazione, media_root
):
    line = BudgetLineFactory()
    client.force_login(referente)
    response = client.post(reverse("governance:expense_create"), expense_data(line))
    expense = Expense.objects.get()
    assert response.status_code == 302
    assert (expense.status, expense.gross_amount, expense.created_by) == ("draft", Decimal("1220.00"), referente)
    client.post(
        reverse("governance:expense_attachment_upload", args=[expense.pk]), {"kind": "document", "file": pdf_upload()}
    )
    assert expense.attachments.count() == 1
    client.post(reverse("governance:expense_transition", args=[expense.pk]), {"status": "submitted", "version": 1})
    expense.refresh_from_db()
    assert expense.status == ExpenseStatus.SUBMITTED

    client.force_login(amministrazione)
    before = report_actual(client)
    client.post(reverse("governance:expense_transition", args=[expense.pk]), {"status": "approved", "version": 2})
    expense.refresh_from_db()
    assert (expense.status, expense.decided_by) == (ExpenseStatus.APPROVED, amministrazione)
    assert report_actual(client) == before + Decimal("1220.00")
    page = client.get(expense.get_absolute_url()).content.decode()
    assert "Approvata" in page and "Storico delle modifiche" in page


def test_referent_cannot_approve_its_own_expense(client_for, referente):
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED)
    response = client_for(referente).post(
        reverse("governance:expense_transition", args=[expense.pk]), {"status": "approved"}
    )
    assert response.status_code == 403
    expense.refresh_from_db()
    assert expense.status == ExpenseStatus.SUBMITTED


def test_referent_can_only_choose_its_organisations_lines(client_for, referente):
    other = BudgetLineFactory(partner=Organisation.objects.get(name="Comune di Crema"))
    own = BudgetLineFactory()
    form = client_for(referente).get(reverse("governance:expense_create")).context["form"]
    assert list(form.fields["line"].queryset) == [own]
    response = client_for(referente).post(reverse("governance:expense_create"), expense_data(other))
    assert response.status_code == 200
    assert not Expense.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"net_amount": "0"}, "maggiore di zero"),
        ({"net_amount": "-10"}, "maggiore di zero"),
        ({"net_amount": "10,123"}, "decimal"),
        ({"date": "2019-02-01"}, "nessun anno di progetto"),
    ],
)
def test_bad_expense_input_gets_an_italian_message_and_nothing_is_saved(client_for, referente, overrides, message):
    line = BudgetLineFactory()
    response = client_for(referente).post(reverse("governance:expense_create"), expense_data(line, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Expense.objects.exists()


def test_expense_on_a_line_of_a_non_active_plan_is_refused(amministrazione):
    from governance.budget.forms import ExpenseForm

    line = BudgetLineFactory(plan=original_plan())
    form = ExpenseForm(expense_data(line), user=amministrazione)
    form.fields["line"].queryset = BudgetLine.objects.all()  # even past the choices, the model's rule holds
    assert not form.is_valid()
    assert "piano non attivo" in str(form.errors)


def test_a_non_document_attachment_is_refused(client_for, referente, media_root):
    expense = ExpenseFactory()
    fake = SimpleUploadedFile("fattura.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for(referente).post(
        reverse("governance:expense_attachment_upload", args=[expense.pk]),
        {"kind": "document", "file": fake},
        follow=True,
    )
    assert "non corrisponde a un documento PDF" in response.content.decode()
    assert not expense.attachments.exists()


def test_fatturapa_xml_and_p7m_are_accepted(client_for, referente, media_root):
    expense = ExpenseFactory()
    client = client_for(referente)
    xml = (
        b'<?xml version="1.0"?><p:FatturaElettronica versione="FPR12" '
        b'xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"></p:FatturaElettronica>'
    )
    for upload in (
        SimpleUploadedFile("IT01234567890_00001.xml", xml),
        SimpleUploadedFile("f.pdf.p7m", b"\x30\x82\x01\x00"),
    ):
        client.post(
            reverse("governance:expense_attachment_upload", args=[expense.pk]), {"kind": "document", "file": upload}
        )
    assert expense.attachments.count() == 2


def test_attachments_are_served_only_within_scope(client_for, referente, udp_cremonese, media_root):
    expense = ExpenseFactory()
    client = client_for(referente)
    client.post(
        reverse("governance:expense_attachment_upload", args=[expense.pk]), {"kind": "document", "file": pdf_upload()}
    )
    attachment = expense.attachments.get()
    url = reverse("governance:expense_attachment_download", args=[expense.pk, attachment.pk])
    assert client.get(url).status_code == 200
    assert client_for(udp_cremonese).get(url).status_code == 404


def test_concurrent_edits_do_not_overwrite_each_other(client_for, referente):
    expense = ExpenseFactory(line=BudgetLineFactory())
    client = client_for(referente)
    url = reverse("governance:expense_edit", args=[expense.pk])
    first = client.post(url, expense_data(expense.line, description="Prima modifica", version=1))
    assert first.status_code == 302
    second = client.post(url, expense_data(expense.line, description="Seconda modifica", version=1))
    assert "Nel frattempo" in second.content.decode()
    expense.refresh_from_db()
    assert (expense.description, expense.version) == ("Prima modifica", 2)


def test_a_submitted_expense_can_no_longer_be_edited(client_for, referente):
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED)
    assert client_for(referente).get(reverse("governance:expense_edit", args=[expense.pk])).status_code == 403


def test_plan_page_shows_a_difference_in_red_to_the_cent(client_for, amministrazione):
    BudgetLineFactory(planned_amount=Decimal("3014747.99"), funding_source="cariplo")
    page = client_for(amministrazione).get(BudgetPlan.objects.get(is_active=True).get_absolute_url()).content.decode()
    assert 'class="text-danger">differenza -0,01 €' in page
    assert "differenza 1.514.747,99 €" in page  # the Cariplo lines exceed € 1,500,000


def test_plan_page_reconciles_with_the_demo_allocation(client_for, amministrazione, demo_budget):
    page = client_for(amministrazione).get(BudgetPlan.objects.get(is_active=True).get_absolute_url()).content.decode()
    assert page.count("quadra al centesimo") == 2
    assert "ripartizione illustrativa" in page


def test_partner_does_not_see_the_reconciliation_nor_other_lines(client_for, referente, demo_budget):
    response = client_for(referente).get(BudgetPlan.objects.get(is_active=True).get_absolute_url())
    assert response.context["reconciliation"] is None
    assert {line.partner.name for line in response.context["page"]} == {"Consorzio Arcobaleno"}


def test_seeding_twice_changes_nothing_not_even_history(db):
    counts = (BudgetPlan.history.count(), BudgetPlan.objects.filter(is_active=True).count())
    call_command("seed_wellfare", stdout=io.StringIO())
    assert (BudgetPlan.history.count(), BudgetPlan.objects.filter(is_active=True).count()) == counts
    assert counts[1] == 1


def test_demo_budget_is_seeded_once(demo_budget):
    from governance.budget.demo import seed_demo_budget

    lines, expenses = BudgetLine.objects.count(), Expense.objects.count()
    seed_demo_budget(stdout=io.StringIO())
    assert (BudgetLine.objects.count(), Expense.objects.count()) == (lines, expenses)
    assert expenses > 0


def test_navigation_shows_budget_only_to_roles_that_use_it(client_for, coordinatore, referente):
    assert "Budget" not in [i["label"] for i in client_for(coordinatore).get("/").context["nav_items"]]
    assert "Budget" in [i["label"] for i in client_for(referente).get("/").context["nav_items"]]
