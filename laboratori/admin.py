"""Admin for system administrators (ARCHITECTURE.md, "Access control"): scoped like the views for anyone else,
fields that a service owns are read-only, audited records are never deleted."""

from django.contrib import admin

from governance.admin import ScopedAdmin

from .models import (
    FundraisingActivity,
    LabMeeting,
    Laboratorio,
    LabPayment,
    LabPerson,
    PlannedAction,
    RestitutionEvent,
    SelfAssessment,
)

AUDIT_FIELDS = ["version", "created_at", "created_by", "updated_at", "updated_by"]


class NoDeleteAdmin(ScopedAdmin):
    def has_delete_permission(self, request, obj=None):
        return False


class NoDeleteInline(admin.TabularInline):
    extra = 0

    def has_delete_permission(self, request, obj=None):
        return False


class LabPersonInline(NoDeleteInline):
    model = LabPerson
    raw_id_fields = ["user", "organisation"]
    exclude = AUDIT_FIELDS


class PlannedActionInline(NoDeleteInline):
    model = PlannedAction
    exclude = AUDIT_FIELDS


@admin.register(Laboratorio)
class LaboratorioAdmin(NoDeleteAdmin):
    list_display = ["name", "kind", "district", "area", "activation_year", "status", "budget"]
    list_filter = ["district", "activation_year", "status", "kind"]
    search_fields = ["name", "area", "generating_theme"]
    list_select_related = ["district", "activation_year"]
    raw_id_fields = ["implementing_body"]
    readonly_fields = ["status", "closed_on", "activation_year_number", *AUDIT_FIELDS]
    inlines = [LabPersonInline, PlannedActionInline]


class ByLabAdmin(NoDeleteAdmin):
    raw_id_fields = ["lab"]
    list_select_related = ["lab"]
    search_fields = ["lab__name"]
    readonly_fields = AUDIT_FIELDS


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(ByLabAdmin):
    list_display = ["lab", "date", "pr", "re", "ri"]


@admin.register(LabMeeting)
class LabMeetingAdmin(ByLabAdmin):
    list_display = ["lab", "date", "kind", "title", "people", "households"]
    list_filter = ["kind"]
    filter_horizontal = ["organisations"]


@admin.register(LabPayment)
class LabPaymentAdmin(ByLabAdmin):
    """Payments are posted to the ledger by the service: everything here is read-only."""

    list_display = ["lab", "date", "amount", "funding_source", "cancelled_at"]
    list_filter = ["funding_source"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(FundraisingActivity)
class FundraisingActivityAdmin(ByLabAdmin):
    list_display = ["lab", "title", "date", "status", "target_amount", "raised_amount"]
    list_filter = ["status"]


@admin.register(RestitutionEvent)
class RestitutionEventAdmin(NoDeleteAdmin):
    list_display = ["title", "project_year", "date", "place", "participants"]
    filter_horizontal = ["labs"]
    readonly_fields = AUDIT_FIELDS
