"""Admin of the budget, for system administrators (registered by importing this module from governance/admin.py).

Plans and lines are saved through the budget services (permission, rules, history); which plan is active changes
only through `budget_plan_activate`. Expenses, their documents and the running totals are written only by the
services (state machine, ledger, history): read-only here. Nothing audited is ever deleted.
"""

from django.contrib import admin

from ..admin_site import ReadOnlyAdmin, ScopedAdmin
from ..models import BudgetLine, BudgetLineActuals, BudgetPlan, Expense, ExpenseAttachment, PaymentMapping
from . import services


@admin.register(BudgetPlan)
class BudgetPlanAdmin(ScopedAdmin):
    list_display = ["name", "date", "declared_total", "declared_cariplo", "is_active", "illustrative_allocation"]
    readonly_fields = ["is_active"]  # through budget_plan_activate, which keeps one plan active
    search_fields = ["name", "code"]

    def save_model(self, request, obj, form, change):
        services.budget_plan_save(form=form, user=request.user, reason="Modifica dall'amministrazione di sistema")


@admin.register(BudgetLine)
class BudgetLineAdmin(ScopedAdmin):
    list_display = ["plan", "action", "partner", "year", "category", "funding_source", "planned_amount"]
    list_filter = ["plan", "action", "year", "category", "funding_source"]
    list_select_related = ["plan", "action", "partner", "year"]
    search_fields = ["description", "partner__name"]
    autocomplete_fields = ["partner"]

    def save_model(self, request, obj, form, change):
        services.budget_line_save(form=form, user=request.user, reason="Modifica dall'amministrazione di sistema")


@admin.register(PaymentMapping)
class PaymentMappingAdmin(ScopedAdmin):
    """Which budget line receives an action's payments (default: the district lead partner, "contributions")."""

    list_display = ["action", "district", "funding_source", "partner", "category"]
    list_filter = ["action", "district", "funding_source"]
    list_select_related = ["action", "district", "partner"]
    autocomplete_fields = ["partner"]


class ExpenseAttachmentInline(admin.TabularInline):
    model = ExpenseAttachment
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Expense)
class ExpenseAdmin(ReadOnlyAdmin):
    list_display = ["date", "payee", "line", "gross_amount", "status", "origin"]
    list_filter = ["status", "origin", "document_kind", "line__plan"]
    list_select_related = ["line__plan", "line__action", "line__partner", "line__year"]
    search_fields = ["description", "payee", "document_number", "cup", "cig"]
    date_hierarchy = "date"
    inlines = [ExpenseAttachmentInline]


@admin.register(ExpenseAttachment)
class ExpenseAttachmentAdmin(ReadOnlyAdmin):
    list_display = ["expense", "kind", "uploaded_at"]
    list_select_related = ["expense"]


@admin.register(BudgetLineActuals)
class BudgetLineActualsAdmin(admin.ModelAdmin):
    """Read-only: derived from the ledger (governance.budget.actuals), never edited by hand."""

    list_display = ["line", "approved", "submitted"]
    raw_id_fields = ["line"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
