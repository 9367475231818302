"""Budget work of the administration staff (issue 8, item 7): supporting documents before submitting and approving,
the "da approvare" queue with each line's remaining budget, approval of several expenses at once, and the line
choice in words offering the open years."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.budget import services
from governance.budget.approvals import expenses_approve
from governance.budget.enums import ExpenseOrigin, ExpenseStatus
from governance.budget.forms import ExpenseForm
from governance.models import BudgetLineActuals, Expense, Organisation, ProjectYear
from tests.factories import pdf_upload
from tests.governance.budget.factories import BudgetLineFactory, ExpenseFactory

pytestmark = pytest.mark.django_db
QUEUE = reverse("governance:expense_queue")
APPROVE = reverse("governance:expense_queue_approve")


# --- Documents ----------------------------------------------------------------------------------------------


def test_expense_entered_by_hand_cannot_be_submitted_without_a_document(referente, media_root):
    expense = ExpenseFactory()
    with pytest.raises(ValidationError, match="non può essere presentata senza un documento"):
        services.expense_transition(expense=expense, status=ExpenseStatus.SUBMITTED, user=referente)
    assert Expense.objects.get(pk=expense.pk).status == ExpenseStatus.DRAFT
    expense.attachments.create(file=pdf_upload("fattura.pdf"))
    services.expense_transition(expense=expense, status=ExpenseStatus.SUBMITTED, user=referente)
    assert Expense.objects.get(pk=expense.pk).status == ExpenseStatus.SUBMITTED


def test_submitting_without_a_document_on_the_page_says_why_and_saves_nothing(client_for, referente):
    expense = ExpenseFactory()
    client = client_for(referente)
    page = client.get(expense.get_absolute_url()).content.decode()
    assert "non può essere presentata senza un documento di spesa allegato" in page
    response = client.post(
        reverse("governance:expense_transition", args=[expense.pk]), {"status": "submitted", "version": 1}, follow=True
    )
    assert "non può essere presentata senza un documento" in response.content.decode()
    expense.refresh_from_db()
    assert (expense.status, expense.version) == (ExpenseStatus.DRAFT, 1)


def test_imported_expense_cannot_be_approved_without_a_document(amministrazione, media_root):
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED, origin=ExpenseOrigin.IMPORT, document=False)
    with pytest.raises(ValidationError, match="non può essere approvata senza un documento"):
        services.expense_transition(expense=expense, status=ExpenseStatus.APPROVED, user=amministrazione)
    assert Expense.objects.get(pk=expense.pk).status == ExpenseStatus.SUBMITTED
    expense.attachments.create(file=pdf_upload("fattura.pdf"))
    services.expense_transition(expense=expense, status=ExpenseStatus.APPROVED, user=amministrazione)
    assert Expense.objects.get(pk=expense.pk).status == ExpenseStatus.APPROVED


def test_payments_posted_by_an_action_need_no_document(coordinatore):
    line = BudgetLineFactory()
    payment = services.expense_record_payment(
        line=line,
        date=dt.date(2016, 10, 1),
        amount=Decimal("250.00"),
        description="Erogazione",
        payee="X",
        user=coordinatore,
    )
    assert (payment.status, payment.origin, payment.attachments.count()) == ("approved", "payment", 0)
    assert payment.missing_document_for(ExpenseStatus.APPROVED) == ""
    assert payment.missing_document_for(ExpenseStatus.SUBMITTED) == ""


# --- The queue ------------------------------------------------------------------------------------------------


def test_queue_lists_submitted_expenses_with_the_remaining_budget_of_their_line(
    client_for, amministrazione, media_root
):
    line = BudgetLineFactory(planned_amount=Decimal("1000.00"))
    ExpenseFactory(line=line, status=ExpenseStatus.APPROVED, net_amount=Decimal("700.00"), vat_amount=Decimal("0"))
    waiting = ExpenseFactory(
        line=line,
        status=ExpenseStatus.SUBMITTED,
        net_amount=Decimal("400.00"),
        vat_amount=Decimal("0"),
        payee="Tipografia Padana",
    )
    ExpenseFactory(line=line, payee="Bozza Srl")  # a draft: not in the queue
    response = client_for(amministrazione).get(QUEUE)
    rows = list(response.context["page"])
    assert rows == [waiting]
    assert (rows[0].remaining, rows[0].remaining_after) == (Decimal("300.00"), Decimal("-100.00"))
    page = response.content.decode()
    assert "Tipografia Padana" in page and "Bozza Srl" not in page
    assert "300,00 €" in page and "-100,00 €" in page and "sforamento" in page
    assert f'name="expense" value="{waiting.pk}"' in page  # never "12.345": the id is not a number to localise
    assert "Azione 1 – Patti gener-attivi · Consorzio Arcobaleno · anno 2 (2016–2017)" in page


def test_queue_filters_search_and_sorts(client_for, amministrazione, media_root):
    ExpenseFactory(status=ExpenseStatus.SUBMITTED, payee="Alfa", net_amount=Decimal("50.00"))
    ExpenseFactory(status=ExpenseStatus.SUBMITTED, payee="Beta", net_amount=Decimal("500.00"), document=False)
    client = client_for(amministrazione)
    assert [e.payee for e in client.get(QUEUE, {"q": "bet"}).context["page"]] == ["Beta"]
    assert [e.payee for e in client.get(QUEUE, {"document": "no"}).context["page"]] == ["Beta"]
    assert [e.payee for e in client.get(QUEUE, {"order": "-gross_amount"}).context["page"]] == ["Beta", "Alfa"]


@pytest.mark.parametrize("count", [1, 30])
def test_queue_queries_do_not_grow_with_the_expenses(
    client_for, amministrazione, django_assert_max_num_queries, count, media_root
):
    lines = [BudgetLineFactory(), BudgetLineFactory(partner=Organisation.objects.get(name="Comune di Crema"))]
    for index in range(count):
        ExpenseFactory(line=lines[index % 2], status=ExpenseStatus.SUBMITTED)
    client = client_for(amministrazione)
    with django_assert_max_num_queries(16):
        response = client.get(QUEUE)
    assert len(response.context["page"]) == min(count, 25)


def test_the_dashboard_figure_of_what_awaits_approval_links_to_the_queue(client_for, amministrazione, referente):
    panel_link = f'<a href="{QUEUE}" title="Spese da approvare">'  # the nav menu has its own link
    assert panel_link in client_for(amministrazione).get(reverse("dashboard_actions")).content.decode()
    assert panel_link not in client_for(referente).get(reverse("dashboard_actions")).content.decode()


def test_detail_of_a_queued_expense_links_to_the_previous_and_next_in_the_queue(
    client_for, amministrazione, media_root
):
    first, second, third = (
        ExpenseFactory(status=ExpenseStatus.SUBMITTED, date=dt.date(2016, 10, day)) for day in (1, 2, 3)
    )
    response = client_for(amministrazione).get(second.get_absolute_url())
    assert (response.context["queue_previous"], response.context["queue_next"]) == (first, third)
    page = response.content.decode()
    assert "Precedente da approvare" in page and "Successiva da approvare" in page
    assert "Residuo della riga" in page


# --- Approving several at once -----------------------------------------------------------------------------


def test_several_selected_expenses_are_approved_each_through_the_service(client_for, amministrazione, media_root):
    line = BudgetLineFactory()
    good = [
        ExpenseFactory(line=line, status=ExpenseStatus.SUBMITTED, net_amount=Decimal("100.00"), vat_amount=Decimal("0"))
        for _ in range(2)
    ]
    undocumented = ExpenseFactory(
        line=line, status=ExpenseStatus.SUBMITTED, origin=ExpenseOrigin.IMPORT, document=False
    )
    data = {
        "expense": [e.pk for e in [*good, undocumented]],
        **{f"version-{e.pk}": e.version for e in [*good, undocumented]},
    }
    response = client_for(amministrazione).post(APPROVE, data, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any(m.startswith("Approvate 2 spese") for m in messages)
    assert any("Non approvata" in m and "senza un documento" in m for m in messages)
    for expense in good:
        expense.refresh_from_db()
        assert (expense.status, expense.decided_by) == (ExpenseStatus.APPROVED, amministrazione)
        assert expense.history.filter(status="approved", history_user=amministrazione).count() == 1
    undocumented.refresh_from_db()
    assert (undocumented.status, undocumented.version, undocumented.decided_by) == (ExpenseStatus.SUBMITTED, 1, None)
    assert BudgetLineActuals.objects.get(line=line).approved == Decimal("200.00")


def test_an_expense_changed_since_the_page_was_shown_is_not_approved(amministrazione, media_root):
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED)
    outcome = expenses_approve(
        expenses=[expense], user=amministrazione, versions={expense.pk: expense.version - 1 or 99}
    )
    assert not outcome[0].approved and "modificato" in outcome[0].message
    assert Expense.objects.get(pk=expense.pk).status == ExpenseStatus.SUBMITTED


def test_only_the_administration_approves_from_the_queue(client_for, referente, direzione, media_root):
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED)
    for user in (referente, direzione):
        assert client_for(user).post(APPROVE, {"expense": [expense.pk]}).status_code == 403
    assert Expense.objects.get(pk=expense.pk).status == ExpenseStatus.SUBMITTED


def test_approving_nothing_selected_says_so(client_for, amministrazione):
    response = client_for(amministrazione).post(APPROVE, {"expense": ["x"]}, follow=True)
    assert "Nessuna spesa selezionata" in response.content.decode()


@pytest.mark.parametrize("value", ["²", "9" * 30, "-1", " 1"])
def test_a_selected_id_that_is_no_expense_number_is_ignored(client_for, amministrazione, value):
    """A superscript is a digit to isdigit() yet int() refuses it; a number beyond 64 bits is no id either."""
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED)
    response = client_for(amministrazione).post(
        APPROVE, {"expense": [value], f"version-{expense.pk}": "²"}, follow=True
    )
    assert response.status_code == 200
    assert "Nessuna spesa selezionata" in response.content.decode()
    response = client_for(amministrazione).post(APPROVE, {"expense": [expense.pk], f"version-{expense.pk}": "²"})
    assert response.status_code == 302


def test_more_selected_expenses_than_the_queue_takes_at_once_are_said(client_for, amministrazione, media_root):
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED)
    ids = [expense.pk, *range(10**9, 10**9 + 999)]
    response = client_for(amministrazione).post(APPROVE, {"expense": ids}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert "Selezionate 1000 spese: esaminate solo le prime 200, ripetere per le altre." in messages
    assert Expense.objects.get(pk=expense.pk).status == ExpenseStatus.APPROVED


# --- The line choice ----------------------------------------------------------------------------------------


def test_line_choice_reads_in_words_and_offers_the_open_years(amministrazione):
    closed = BudgetLineFactory(year=ProjectYear.objects.get(number=1))
    open_ = BudgetLineFactory(year=ProjectYear.objects.get(number=3))
    form = ExpenseForm(user=amministrazione)
    offered = {value: label for value, label in form.fields["line"].widget.choices if value}
    assert list(offered) == [open_.pk]  # the reference date (today, capped at the programme's end) is in year 3
    label = offered[open_.pk]
    assert label.startswith("Azione 1 – Patti gener-attivi · Consorzio Arcobaleno · anno 3 (2017–2018) · ")
    assert "Contributi a beneficiari e soggetti attuatori" in label and "residuo 10.000,00 €" in label
    assert set(ExpenseForm(user=amministrazione, all_years=True).offered_lines) == {closed, open_}
    assert closed in ExpenseForm(user=amministrazione, initial={"line": closed.pk}).offered_lines
    assert closed in form.fields["line"].queryset  # not offered, still accepted (an expense of a closed year)
    for hostile in ("²", "9" * 30):  # a digit to isdigit(), not to int(); an id no database integer holds
        form = ExpenseForm(user=amministrazione, data={"line": hostile})
        assert not form.is_valid() and "line" in form.errors
        assert list(form.offered_lines) == [open_]  # the list still renders (SQLite refused the 30-digit id)
