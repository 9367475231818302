"""Admin for every patti model, scoped like the views for non-superusers.

Identity fields of households are never in the admin (for anyone), nor are the other members of a household
(they are identity only): identities are read and changed only through the household screens, where each view
is logged. Search is by pseudonymous code, never by name.
"""

from django.contrib import admin

from governance.admin import ScopedAdmin

from .models import (
    IDENTITY_FIELDS,
    Assessment,
    BusinessIdea,
    Commitment,
    Disbursement,
    EmpowermentPath,
    EquipeMember,
    HostOrganisation,
    Household,
    IdeaCall,
    IdentityAccess,
    Patto,
    Placement,
)


@admin.register(Household)
class HouseholdAdmin(ScopedAdmin):
    list_display = ["code", "district", "municipality", "adults", "minors", "target_group", "anonymised_at"]
    list_filter = ["district", "target_group", "citizenship"]
    search_fields = ["code"]
    exclude = IDENTITY_FIELDS
    readonly_fields = ["code", "anonymised_at"]
    raw_id_fields = ["municipality"]


class EquipeInline(admin.TabularInline):
    model = EquipeMember
    extra = 0
    raw_id_fields = ["user", "organisation"]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0


class AssessmentInline(admin.TabularInline):
    model = Assessment
    extra = 0
    raw_id_fields = ["assessor"]


@admin.register(Patto)
class PattoAdmin(ScopedAdmin):
    list_display = ["pk", "household", "district", "kind", "status", "project_year", "opened_on", "signed_on"]
    list_filter = ["district", "kind", "status", "project_year", "promoter_type"]
    search_fields = ["household__code"]
    list_select_related = ["household", "district", "project_year"]
    raw_id_fields = ["household", "promoter_organisation"]
    readonly_fields = ["status", "signed_on", "closed_on", "interruption_reason", "project_year"]
    inlines = [EquipeInline, CommitmentInline, AssessmentInline]


class ByPattoAdmin(ScopedAdmin):
    """Records reached through their pact: scoped by the pact's district."""

    raw_id_fields = ["patto"]
    list_select_related = ["patto__household"]
    search_fields = ["patto__household__code"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(patto__in=Patto.objects.visible_to(request.user))


@admin.register(Disbursement)
class DisbursementAdmin(ByPattoAdmin):
    """Disbursements are written by the service (ledger posting): read-only here."""

    list_display = ["patto", "date", "amount", "funding_source", "implementing_body", "cancelled_at"]
    list_filter = ["funding_source"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(ByPattoAdmin):
    list_display = ["patto", "date", "dynamism", "resilience", "incisiveness", "planning"]


@admin.register(Commitment)
class CommitmentAdmin(ByPattoAdmin):
    list_display = ["patto", "kind", "status", "hours", "place"]
    list_filter = ["kind", "status"]


@admin.register(Placement)
class PlacementAdmin(ByPattoAdmin):
    list_display = ["patto", "host", "start_on", "end_on", "outcome"]
    list_filter = ["outcome"]
    list_select_related = ["patto__household", "host"]


@admin.register(EmpowermentPath)
class EmpowermentPathAdmin(ScopedAdmin):
    list_display = ["name", "district", "start_on", "end_on", "facilitator"]
    list_filter = ["district"]
    search_fields = ["name"]
    filter_horizontal = ["patti"]


@admin.register(HostOrganisation)
class HostOrganisationAdmin(ScopedAdmin):
    list_display = ["name", "kind", "district", "sector"]
    list_filter = ["kind", "district"]
    search_fields = ["name"]


@admin.register(IdeaCall)
class IdeaCallAdmin(ScopedAdmin):
    list_display = ["title", "project_year", "opens_on", "closes_on", "budget"]
    filter_horizontal = ["contributors"]


@admin.register(BusinessIdea)
class BusinessIdeaAdmin(ScopedAdmin):
    list_display = ["title", "call", "sector", "status", "district", "credit_obtained"]
    list_filter = ["call", "sector", "status", "district"]
    search_fields = ["title"]
    readonly_fields = ["status"]
    filter_horizontal = ["patti"]


@admin.register(IdentityAccess)
class IdentityAccessAdmin(admin.ModelAdmin):
    """The identity access log: read-only, for superusers and the Direzione (through its view permission)."""

    list_display = ["accessed_at", "user", "household", "purpose"]
    list_select_related = ["user", "household"]
    search_fields = ["household__code", "user__username"]
    date_hierarchy = "accessed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
