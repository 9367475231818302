"""The budget services check the role themselves (issue 7, items 2 and 8): called directly, past every form, with
users out of scope or without the role, they refuse (PermissionDenied) and nothing changes. The attachments rule is
one function, read by the view, the template and the service."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from governance.budget import permissions, services
from governance.budget.enums import ExpenseStatus
from governance.budget.forms import ExpenseAttachmentForm, ExpenseForm
from governance.models import Expense, ExpenseAttachment, Organisation
from tests.factories import pdf_upload
from tests.governance.budget.factories import BudgetLineFactory, ExpenseFactory

pytestmark = pytest.mark.django_db


def other_partners_line():
    return BudgetLineFactory(partner=Organisation.objects.get(name="Comune di Crema"))


def expense_form(expense_or_none, line, user):
    data = {
        "line": line.pk,
        "date": "2016-10-03",
        "description": "Materiali",
        "payee": "Fornitore",
        "document_kind": "invoice",
        "net_amount": "100,00",
        "vat_amount": "22,00",
        "version": getattr(expense_or_none, "version", None) or "",
    }
    form = ExpenseForm(data, instance=expense_or_none, user=user)
    form.fields["line"].queryset = line.__class__.objects.all()  # past the form's choices: the service decides
    assert form.is_valid(), form.errors
    return form


def test_a_referent_cannot_create_an_expense_on_another_partners_line(referente):
    with pytest.raises(PermissionDenied):
        services.expense_create(form=expense_form(None, other_partners_line(), referente), user=referente)
    assert not Expense.objects.filter(description="Materiali").exists()


def test_a_referent_cannot_move_its_expense_to_another_partners_line(referente):
    expense = ExpenseFactory(line=BudgetLineFactory())
    own_line = expense.line_id
    form = expense_form(expense, other_partners_line(), referente)
    with pytest.raises(PermissionDenied):
        services.expense_update(form=form, user=referente, expected_version=expense.version)
    assert Expense.objects.get(pk=expense.pk).line_id == own_line


@pytest.mark.parametrize("role", ["udp_cremasco", "direzione", "coordinatore", "fundraising", "nobody"])
def test_only_who_enters_expenses_on_the_line_may_edit_one(request, role):
    user = request.getfixturevalue(role)
    expense = ExpenseFactory(line=BudgetLineFactory())
    with pytest.raises(PermissionDenied):
        services.expense_update(form=expense_form(expense, expense.line, user), user=user, expected_version=1)
    with pytest.raises(PermissionDenied):
        services.expense_transition(expense=expense, status=ExpenseStatus.SUBMITTED, user=user)
    assert Expense.objects.get(pk=expense.pk).status == ExpenseStatus.DRAFT


@pytest.mark.parametrize("role", ["referente", "udp_cremasco", "direzione", "nobody"])
def test_only_administration_activates_plans_and_approves(request, role):
    user = request.getfixturevalue(role)
    expense = ExpenseFactory(line=BudgetLineFactory(), status=ExpenseStatus.SUBMITTED)
    for call in (
        lambda: services.expense_transition(expense=expense, status=ExpenseStatus.APPROVED, user=user),
        lambda: services.budget_plan_activate(plan=expense.line.plan, user=user),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert Expense.objects.get(pk=expense.pk).status == ExpenseStatus.SUBMITTED


@pytest.mark.parametrize(
    ("status", "accepts"),
    [
        (ExpenseStatus.DRAFT, True),
        (ExpenseStatus.SUBMITTED, True),
        (ExpenseStatus.APPROVED, False),
        (ExpenseStatus.REJECTED, False),
    ],
)
def test_an_expense_accepts_attachments_while_draft_or_submitted(referente, status, accepts, media_root):
    kwargs = {"status_reason": "Motivo"} if status == ExpenseStatus.REJECTED else {}
    expense = ExpenseFactory(line=BudgetLineFactory(), status=status, **kwargs)
    assert expense.accepts_attachments is accepts
    assert permissions.can_attach_to(referente, expense) is accepts
    form = ExpenseAttachmentForm({"kind": "document"}, {"file": pdf_upload("fattura.pdf")})
    assert form.is_valid()
    if accepts:
        services.expense_attachment_add(form=form, expense=expense, user=referente)
    else:
        with pytest.raises(PermissionDenied):
            services.expense_attachment_add(form=form, expense=expense, user=referente)
    assert ExpenseAttachment.objects.filter(expense=expense).exists() is accepts


def test_an_approved_expense_shows_no_upload_form_and_refuses_uploads(client_for, referente, media_root):
    expense = ExpenseFactory(line=BudgetLineFactory(), status=ExpenseStatus.APPROVED)
    client = client_for(referente)
    assert "Allega" not in client.get(expense.get_absolute_url()).content.decode()
    response = client.post(
        reverse("governance:expense_attachment_upload", args=[expense.pk]), {"kind": "document", "file": pdf_upload()}
    )
    assert response.status_code == 403 and not expense.attachments.exists()


def test_no_other_district_or_partner_can_attach(udp_cremasco, media_root):
    expense = ExpenseFactory(line=BudgetLineFactory())
    form = ExpenseAttachmentForm({"kind": "document"}, {"file": pdf_upload()})
    assert form.is_valid()
    with pytest.raises(PermissionDenied):
        services.expense_attachment_add(form=form, expense=expense, user=udp_cremasco)
