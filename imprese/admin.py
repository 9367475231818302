"""Admin of the company pacts, for system administrators (programme roles get no admin permissions).

Fields a service owns — the stage and its dates, the payments and their ledger expenses — are read-only here, and
nothing is deleted from the admin: stages change through the pact page, payments are cancelled (and reversed in the
ledger) there.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AgreedAction,
    DisseminationAction,
    PactParty,
    PactPayment,
    PattoImpresa,
    QuestionnaireResult,
    QuestionnaireRound,
    Training,
    WelfarePackage,
    WellbeingIndicator,
)

AUDIT_FIELDS = ["version", "created_at", "created_by", "updated_at", "updated_by"]


class NoDeleteAdmin(SimpleHistoryAdmin):
    readonly_fields = AUDIT_FIELDS

    def has_delete_permission(self, request, obj=None):
        return False


class PartyInline(admin.TabularInline):
    model = PactParty
    extra = 0
    raw_id_fields = ["organisation"]
    fields = ["role", "organisation", "name"]

    def has_delete_permission(self, request, obj=None):
        return False


class ActionInline(admin.TabularInline):
    model = AgreedAction
    extra = 0
    fields = ["description", "owner", "due_on", "status"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PattoImpresa)
class PattoImpresaAdmin(NoDeleteAdmin):
    list_display = ["pk", "company", "district", "stage", "contacted_on", "signed_on", "budget_cariplo",
                    "budget_donations"]  # fmt: skip
    list_filter = ["district", "stage"]
    search_fields = ["company__name", "problem"]
    list_select_related = ["company", "district"]
    raw_id_fields = ["company"]
    readonly_fields = [
        "stage", "elaboration_on", "signed_on", "started_on", "closed_on", "abandoned_on", "abandon_reason",
        *AUDIT_FIELDS,
    ]  # fmt: skip
    inlines = [PartyInline, ActionInline]


class ByPactAdmin(NoDeleteAdmin):
    raw_id_fields = ["pact"]
    list_select_related = ["pact__company"]
    search_fields = ["pact__company__name"]


@admin.register(Training)
class TrainingAdmin(ByPactAdmin):
    list_display = ["title", "pact", "date", "sessions", "union_delegates", "hr_managers", "other_participants"]


@admin.register(WellbeingIndicator)
class WellbeingIndicatorAdmin(ByPactAdmin):
    list_display = ["name", "pact", "description"]


class ResultInline(admin.TabularInline):
    model = QuestionnaireResult
    extra = 0
    raw_id_fields = ["indicator"]
    fields = ["indicator", "value", "finding"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(QuestionnaireRound)
class QuestionnaireRoundAdmin(ByPactAdmin):
    list_display = ["pact", "date", "distributed", "returned"]
    inlines = [ResultInline]


@admin.register(WelfarePackage)
class WelfarePackageAdmin(ByPactAdmin):
    list_display = ["title", "pact", "started_on", "beneficiaries"]


@admin.register(DisseminationAction)
class DisseminationActionAdmin(ByPactAdmin):
    list_display = ["title", "pact", "date", "kind", "audience"]


@admin.register(PactPayment)
class PactPaymentAdmin(ByPactAdmin):
    """Payments are made and cancelled on the pact page (the ledger entry goes with them): read-only here."""

    list_display = ["pact", "date", "amount", "funding_source", "cancelled_at"]
    list_filter = ["funding_source"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
