"""Admin of Action 1, for system administrators only (`governance.admin_site`): read-only.

Every patti record has its own screens in the application, where the services check the role, the scope and the
rules (a signed pact's budget, the pact's workflow, the ledger postings of disbursements, versions) and record the
history; so here nothing is added, changed or deleted. Identity fields of households and of their members
(`ADMIN_PRIVATE_FIELDS` on the models) are never shown, searched, filtered or ordered, through any relation: such
lookups answer 400. Search is by pseudonymous code only.
"""

from django.contrib import admin

from governance.admin_site import ReadOnlyAdmin

from .models import (
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


class ReadOnlyInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Household)
class HouseholdAdmin(ReadOnlyAdmin):
    list_display = ["code", "district", "municipality", "adults", "minors", "target_group", "anonymised_at"]
    list_filter = ["district", "target_group", "citizenship"]
    search_fields = ["code"]
    list_select_related = ["district", "municipality"]


class EquipeInline(ReadOnlyInline):
    model = EquipeMember


class CommitmentInline(ReadOnlyInline):
    model = Commitment


class AssessmentInline(ReadOnlyInline):
    model = Assessment


@admin.register(Patto)
class PattoAdmin(ReadOnlyAdmin):
    list_display = ["pk", "household", "district", "kind", "status", "project_year", "opened_on", "signed_on"]
    list_filter = ["district", "kind", "status", "project_year", "promoter_type"]
    search_fields = ["household__code"]
    list_select_related = ["household", "district", "project_year"]
    inlines = [EquipeInline, CommitmentInline, AssessmentInline]


class ByPattoAdmin(ReadOnlyAdmin):
    """Records reached through their pact."""

    list_select_related = ["patto__household"]
    search_fields = ["patto__household__code"]


@admin.register(Disbursement)
class DisbursementAdmin(ByPattoAdmin):
    list_display = ["patto", "date", "amount", "funding_source", "implementing_body", "cancelled_at"]
    list_filter = ["funding_source"]


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
class EmpowermentPathAdmin(ReadOnlyAdmin):
    list_display = ["name", "district", "start_on", "end_on", "facilitator"]
    list_filter = ["district"]
    search_fields = ["name"]


@admin.register(HostOrganisation)
class HostOrganisationAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "district", "sector"]
    list_filter = ["kind", "district"]
    search_fields = ["name"]


@admin.register(IdeaCall)
class IdeaCallAdmin(ReadOnlyAdmin):
    list_display = ["title", "project_year", "opens_on", "closes_on", "budget"]


@admin.register(BusinessIdea)
class BusinessIdeaAdmin(ReadOnlyAdmin):
    list_display = ["title", "call", "sector", "status", "district", "credit_obtained"]
    list_filter = ["call", "sector", "status", "district"]
    search_fields = ["title"]


@admin.register(IdentityAccess)
class IdentityAccessAdmin(ReadOnlyAdmin):
    """The identity access log: who saw which household's identity, and when (never the identity itself)."""

    list_display = ["accessed_at", "user", "household", "purpose"]
    list_select_related = ["user", "household"]
    search_fields = ["household__code", "user__username"]
    date_hierarchy = "accessed_at"
