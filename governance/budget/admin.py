"""Admin of the budget (registered by importing this module from governance/admin.py).

Expense status changes only through the services (state machine and history), so the admin shows it read-only.
"""

from django.contrib import admin

from ..admin import ScopedAdmin
from ..models import BudgetLine, BudgetLineActuals, BudgetPlan, Expense, ExpenseAttachment, PaymentMapping
from .enums import ExpenseStatus


@admin.register(BudgetPlan)
class BudgetPlanAdmin(ScopedAdmin):
    list_display = ["name", "date", "declared_total", "declared_cariplo", "is_active", "illustrative_allocation"]
    readonly_fields = ["is_active"]  # through budget_plan_activate, which keeps one plan active
    search_fields = ["name", "code"]


@admin.register(BudgetLine)
class BudgetLineAdmin(ScopedAdmin):
    list_display = ["plan", "action", "partner", "year", "category", "funding_source", "planned_amount"]
    list_filter = ["plan", "action", "year", "category", "funding_source"]
    list_select_related = ["plan", "action", "partner", "year"]
    search_fields = ["description", "partner__name"]
    autocomplete_fields = ["partner"]


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


@admin.register(Expense)
class ExpenseAdmin(ScopedAdmin):
    list_display = ["date", "payee", "line", "gross_amount", "status", "origin"]
    list_filter = ["status", "origin", "document_kind", "line__plan"]
    list_select_related = ["line__plan", "line__action", "line__partner", "line__year"]
    search_fields = ["description", "payee", "document_number", "cup", "cig"]
    raw_id_fields = ["line"]
    date_hierarchy = "date"
    readonly_fields = ["status", "status_reason", "origin", "gross_amount"]
    inlines = [ExpenseAttachmentInline]

    def get_readonly_fields(self, request, obj=None):
        """Line and amounts of an expense past the draft are fixed: they are counted in the line's totals."""
        if obj is not None and obj.status != ExpenseStatus.DRAFT:
            return [*self.readonly_fields, "line", "net_amount", "vat_amount"]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.status == ExpenseStatus.DRAFT)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # one by one, so that only drafts can be deleted
        return actions

    def save_model(self, request, obj, form, change):
        obj.gross_amount = obj.net_amount + obj.vat_amount
        super().save_model(request, obj, form, change)


@admin.register(ExpenseAttachment)
class ExpenseAttachmentAdmin(ScopedAdmin):
    list_display = ["expense", "kind", "uploaded_at"]
    raw_id_fields = ["expense"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(expense__in=Expense.objects.visible_to(request.user))


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
