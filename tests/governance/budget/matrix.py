"""Authorisation matrix of the budget URLs (merged into MATRIX in tests/test_authorization_matrix.py).

The world's budget line belongs to Consorzio Arcobaleno (Cremasco district), the demo referent's organisation:
it is read by Direzione, Staff Amministrazione, the Ufficio di Piano Cremasco and the referent; the other districts'
offices do not see it (404). Coordinators, fundraising staff and users without a role have no budget pages (403 on
the lists, 404 on records). Approving is for Staff Amministrazione: 403 for everyone else in scope.
"""

from governance.budget.enums import ExpenseStatus
from governance.models import BudgetPlan, Organisation
from tests.governance.budget.factories import BudgetLineFactory, ExpenseAttachmentFactory, ExpenseFactory
from tests.matrix import Case, statuses

BUDGET_PAGES = statuses(
    403, direzione=200, amministrazione=200, udp_cremonese=200, udp_cremasco=200, udp_casalasco=200, referente=200
)
ARCOBALENO_READ = statuses(404, direzione=200, amministrazione=200, udp_cremasco=200, referente=200)
ARCOBALENO_ENTER = statuses(404, direzione=403, udp_cremasco=403, amministrazione=200, referente=200)
ADMINISTRATION_ONLY = statuses(403, amministrazione=200)


def redirect_for(expect, *roles):
    return {**expect, **dict.fromkeys(roles, 302)}


MATRIX_BUDGET = {
    "governance:budget_report": Case(BUDGET_PAGES),
    "governance:budget_plan_list": Case(BUDGET_PAGES, rows={"budget_plan": BUDGET_PAGES}),  # plans are programme-wide
    "governance:budget_plan_detail": Case(BUDGET_PAGES, args=("budget_plan",), rows={"budget_line": ARCOBALENO_READ}),
    "governance:budget_plan_create": Case(ADMINISTRATION_ONLY),
    "governance:budget_plan_edit": Case(ADMINISTRATION_ONLY, args=("budget_plan",)),
    "governance:budget_line_create": Case(ADMINISTRATION_ONLY, args=("budget_plan",)),
    "governance:budget_line_edit": Case(
        statuses(404, direzione=403, amministrazione=200, udp_cremasco=403, referente=403), args=("budget_line",)
    ),
    "governance:budget_plan_activate": Case(statuses(403, amministrazione=302), method="post", args=("original_plan",)),
    "governance:budget_line_detail": Case(ARCOBALENO_READ, args=("budget_line",)),
    "governance:expense_list": Case(
        BUDGET_PAGES, rows={"expense": ARCOBALENO_READ, "submitted_expense": ARCOBALENO_READ}
    ),
    "governance:expense_create": Case(statuses(403, amministrazione=200, referente=200)),
    "governance:expense_queue": Case(ADMINISTRATION_ONLY, rows={"submitted_expense": ARCOBALENO_READ}),
    "governance:expense_queue_approve": Case(statuses(403, amministrazione=302), method="post"),
    "governance:expense_detail": Case(ARCOBALENO_READ, args=("expense",)),
    "governance:expense_edit": Case(ARCOBALENO_ENTER, args=("expense",)),
    "governance:expense_transition": Case(
        {**ARCOBALENO_ENTER, "referente": 403, "amministrazione": 302},
        method="post",
        args=("submitted_expense",),
        data={"status": ExpenseStatus.APPROVED},
    ),
    "governance:expense_attachment_upload": Case(
        redirect_for(ARCOBALENO_ENTER, "amministrazione", "referente"), method="post", args=("expense",)
    ),
    "governance:expense_attachment_download": Case(ARCOBALENO_READ, args=("expense", "expense_attachment")),
    "governance:budget_import": Case(ADMINISTRATION_ONLY, kwargs={"kind": "lines"}),
    "governance:budget_import_template": Case(ADMINISTRATION_ONLY, kwargs={"kind": "expenses", "fmt": "xlsx"}),
}


def budget_world() -> dict:
    """The records the budget URLs need (call inside the matrix test's `world` fixture)."""
    line = BudgetLineFactory(partner=Organisation.objects.get(name="Consorzio Arcobaleno"))
    expense = ExpenseFactory(line=line)
    return {
        "budget_plan": line.plan,
        "original_plan": BudgetPlan.objects.get(code="originale-2015"),
        "budget_line": line,
        "expense": expense,
        "submitted_expense": ExpenseFactory(line=line, status=ExpenseStatus.SUBMITTED),
        "expense_attachment": ExpenseAttachmentFactory(expense=expense),
    }
