"""Budget URLs, included from governance/urls.py (namespace "governance")."""

from django.urls import path, re_path

from . import plan_views, queue_views, views

urlpatterns = [
    path("reports/budget/", views.budget_report_view, name="budget_report"),
    path("budget/plans/", plan_views.plan_list, name="budget_plan_list"),
    path("budget/plans/new/", plan_views.plan_create, name="budget_plan_create"),
    path("budget/plans/<int:pk>/", plan_views.plan_detail, name="budget_plan_detail"),
    path("budget/plans/<int:pk>/edit/", plan_views.plan_edit, name="budget_plan_edit"),
    path("budget/plans/<int:pk>/lines/new/", plan_views.line_create, name="budget_line_create"),
    path("budget/plans/<int:pk>/activate/", plan_views.plan_activate, name="budget_plan_activate"),
    path("budget/lines/<int:pk>/", plan_views.line_detail, name="budget_line_detail"),
    path("budget/lines/<int:pk>/edit/", plan_views.line_edit, name="budget_line_edit"),
    path("budget/expenses/", views.expense_list, name="expense_list"),
    path("budget/expenses/new/", views.expense_create, name="expense_create"),
    path("budget/expenses/to-approve/", queue_views.expense_queue, name="expense_queue"),
    path("budget/expenses/to-approve/approve/", queue_views.expense_queue_approve, name="expense_queue_approve"),
    path("budget/expenses/<int:pk>/", views.expense_detail, name="expense_detail"),
    path("budget/expenses/<int:pk>/edit/", views.expense_edit, name="expense_edit"),
    path("budget/expenses/<int:pk>/transition/", views.expense_transition, name="expense_transition"),
    path("budget/expenses/<int:pk>/attachments/", views.expense_attachment_upload, name="expense_attachment_upload"),
    path(
        "budget/expenses/<int:pk>/attachments/<int:attachment_pk>/",
        views.expense_attachment_download,
        name="expense_attachment_download",
    ),
    re_path(r"^budget/import/(?P<kind>lines|expenses)/$", views.budget_import, name="budget_import"),
    re_path(
        r"^budget/import/(?P<kind>lines|expenses)/template\.(?P<fmt>csv|xlsx)$",
        views.budget_import_template,
        name="budget_import_template",
    ),
]
