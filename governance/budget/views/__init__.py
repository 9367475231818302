"""Budget screens: plans and lines, the expense ledger, imports, and the planned-vs-actual report.

Scope first (`visible_to(user)` + get_object_or_404: out of scope → 404), then the role (`permissions`: → 403).
"""

from .expenses import (
    expense_attachment_download,
    expense_attachment_upload,
    expense_create,
    expense_detail,
    expense_edit,
    expense_list,
    expense_transition,
)
from .imports import budget_import, budget_import_template
from .plans import line_create, line_detail, line_edit, plan_activate, plan_create, plan_detail, plan_edit, plan_list
from .report import budget_report_view

__all__ = [
    "budget_import",
    "budget_import_template",
    "budget_report_view",
    "expense_attachment_download",
    "expense_attachment_upload",
    "expense_create",
    "expense_detail",
    "expense_edit",
    "expense_list",
    "expense_transition",
    "line_create",
    "line_detail",
    "line_edit",
    "plan_activate",
    "plan_create",
    "plan_detail",
    "plan_edit",
    "plan_list",
]
