"""Admin of Action 4 for system administrators: fields a service owns are read-only, records are never deleted."""

from django.contrib import admin

from governance.admin import ScopedAdmin

from .models import Attendance, ManifestoVersion, Participant, Session, TrainingLab

AUDIT_FIELDS = ["version", "created_at", "created_by", "updated_at", "updated_by"]


class NoDeleteAdmin(ScopedAdmin):
    def has_delete_permission(self, request, obj=None):
        return False


class LabFixedAdmin(NoDeleteAdmin):
    """Once recorded, a session or a participant stays in its lab (attendance depends on it)."""

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "lab"] if obj is not None else fields


@admin.register(TrainingLab)
class TrainingLabAdmin(NoDeleteAdmin):
    list_display = ["title", "theme", "level", "district", "start_on", "end_on"]
    list_filter = ["level", "theme", "district"]
    search_fields = ["title"]
    readonly_fields = AUDIT_FIELDS


@admin.register(Session)
class SessionAdmin(LabFixedAdmin):
    list_display = ["lab", "date", "kind", "hours", "place"]
    list_filter = ["kind", "lab__level"]
    readonly_fields = AUDIT_FIELDS
    raw_id_fields = ["lab"]


@admin.register(Participant)
class ParticipantAdmin(LabFixedAdmin):
    list_display = ["full_name", "category", "lab", "organisation"]
    list_filter = ["category", "lab__level"]
    search_fields = ["full_name"]
    readonly_fields = AUDIT_FIELDS
    raw_id_fields = ["lab", "organisation"]


@admin.register(Attendance)
class AttendanceAdmin(NoDeleteAdmin):
    list_display = ["session", "participant"]
    readonly_fields = ["session", "participant", *AUDIT_FIELDS]  # attendance changes through services.attendance_set


@admin.register(ManifestoVersion)
class ManifestoVersionAdmin(NoDeleteAdmin):
    list_display = ["number", "status", "date"]
    list_filter = ["status"]
    readonly_fields = ["number", *AUDIT_FIELDS]
    filter_horizontal = ["sessions"]
