"""Admin of Action 3 for system administrators: fields a service owns are read-only, records are never deleted."""

from django.contrib import admin

from governance.admin import ScopedAdmin

from .models import Activity, ActivitySlot, Agreement, CivicCenter, PayingDemand

AUDIT_FIELDS = ["version", "created_at", "created_by", "updated_at", "updated_by"]


class NoDeleteAdmin(ScopedAdmin):
    def has_delete_permission(self, request, obj=None):
        return False


class SlotInline(admin.TabularInline):
    model = ActivitySlot
    extra = 0
    readonly_fields = ["time_band_label"]
    can_delete = False


@admin.register(CivicCenter)
class CivicCenterAdmin(NoDeleteAdmin):
    list_display = ["name", "district", "host_kind", "status", "activated_on", "activation_year"]
    list_filter = ["district", "status", "host_kind", "activation_year"]
    search_fields = ["name", "address"]
    readonly_fields = ["status", "activated_on", "activation_year", *AUDIT_FIELDS]
    raw_id_fields = ["host_organisation", "municipality"]


@admin.register(Activity)
class ActivityAdmin(NoDeleteAdmin):
    list_display = ["title", "civic_center", "category", "audience", "fee", "capacity", "enrolments"]
    list_filter = ["category", "audience", "civic_center__district"]
    search_fields = ["title", "civic_center__name"]
    readonly_fields = AUDIT_FIELDS
    raw_id_fields = ["civic_center", "promoter", "agreement"]
    inlines = [SlotInline]


@admin.register(Agreement)
class AgreementAdmin(NoDeleteAdmin):
    list_display = ["title", "civic_center", "promoter", "signed_on", "start_on", "end_on"]
    list_filter = ["civic_center__district"]
    search_fields = ["title", "civic_center__name"]
    readonly_fields = AUDIT_FIELDS
    raw_id_fields = ["civic_center", "promoter"]


@admin.register(PayingDemand)
class PayingDemandAdmin(NoDeleteAdmin):
    list_display = ["activity", "period_start", "period_end", "enrolments", "fees_collected"]
    list_filter = ["activity__civic_center__district"]
    readonly_fields = AUDIT_FIELDS
    raw_id_fields = ["activity"]
