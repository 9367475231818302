"""Admin for every governance model, for system administrators only (`governance.admin_site`).

Reference data (territory, organisations, actions, years, bodies, users' profiles) is edited here; meetings and
their records are written by the application's services (versions, attendance, decisions), so they are read-only.
"""

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model

from .admin_site import ReadOnlyAdmin, ScopedAdmin, is_system_admin
from .models import (
    Action,
    Attendance,
    BodyMember,
    Decision,
    DigestSent,
    Dispatch,
    District,
    GovernanceBody,
    Meeting,
    MeetingAttachment,
    Municipality,
    Organisation,
    ProjectYear,
    ReminderPreference,
    UserProfile,
)

__all__ = ["ReadOnlyAdmin", "ScopedAdmin"]


@admin.register(District)
class DistrictAdmin(ScopedAdmin):
    list_display = ["name", "full_name", "municipalities_count", "lead_organisation"]
    search_fields = ["name", "full_name"]


@admin.register(Municipality)
class MunicipalityAdmin(ScopedAdmin):
    list_display = ["name", "istat_code", "district"]
    list_filter = ["district"]
    search_fields = ["name", "istat_code"]


@admin.register(Organisation)
class OrganisationAdmin(ScopedAdmin):
    list_display = ["name", "kind", "district", "tax_code", "is_lead_partner", "is_partner", "is_member"]
    list_filter = ["kind", "district", "is_partner", "is_member", "is_lead_partner"]
    search_fields = ["name", "short_name", "tax_code", "aliases"]


@admin.register(Action)
class ActionAdmin(ScopedAdmin):
    list_display = ["code", "name", "order"]
    search_fields = ["code", "name"]


@admin.register(ProjectYear)
class ProjectYearAdmin(ScopedAdmin):
    list_display = ["number", "start", "end"]


class BodyMemberInline(admin.TabularInline):
    model = BodyMember
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(GovernanceBody)
class GovernanceBodyAdmin(ScopedAdmin):
    list_display = ["name", "meetings_per_year", "quorum_rule", "district", "action", "coordinating_organisation"]
    list_filter = ["quorum_rule", "district", "action"]
    search_fields = ["name", "composition", "functions"]
    inlines = [BodyMemberInline]


@admin.register(BodyMember)
class BodyMemberAdmin(ScopedAdmin):
    list_display = ["name", "body", "organisation", "role", "active"]
    list_filter = ["body", "active"]
    search_fields = ["name", "role", "organisation__name"]
    autocomplete_fields = ["organisation"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_system_admin(request.user):
            return queryset
        return queryset.filter(body__in=GovernanceBody.objects.visible_to(request.user))


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["member"]


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0
    autocomplete_fields = ["owner_organisation"]


class MeetingAttachmentInline(admin.TabularInline):
    model = MeetingAttachment
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["body", "date", "start_time", "place", "online"]
    list_filter = ["body", "online", "body__district"]
    search_fields = ["agenda", "minutes", "topics", "body__name"]
    date_hierarchy = "date"
    inlines = [AttendanceInline, DecisionInline, MeetingAttachmentInline]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["text", "meeting", "owner", "due_date", "status"]
    list_filter = ["status", "meeting__body"]
    search_fields = ["text", "owner"]
    raw_id_fields = ["meeting"]


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "member", "guest_name", "status"]
    list_filter = ["status"]
    search_fields = ["member__name", "guest_name"]
    raw_id_fields = ["meeting", "member"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_system_admin(request.user):
            return queryset
        return queryset.filter(meeting__in=Meeting.objects.visible_to(request.user))


@admin.register(MeetingAttachment)
class MeetingAttachmentAdmin(ReadOnlyAdmin):
    list_display = ["title", "meeting", "signed_minutes", "uploaded_at"]
    list_filter = ["signed_minutes"]
    search_fields = ["title"]
    raw_id_fields = ["meeting"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_system_admin(request.user):
            return queryset
        return queryset.filter(meeting__in=Meeting.objects.visible_to(request.user))


class SystemUserAdmin(auth_admin.UserAdmin):
    """Django's user admin, except that only a superuser grants superuser status or single permissions, or changes a
    superuser: a system administrator could otherwise make themselves one, or set a superuser's e-mail to their own
    and reset its password. Roles are groups, which system administrators do set."""

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return fields if request.user.is_superuser else [*fields, "is_superuser", "user_permissions"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)


admin.site.unregister(get_user_model())  # django.contrib.auth, listed before governance, registered its own
admin.site.register(get_user_model(), SystemUserAdmin)


@admin.register(UserProfile)
class UserProfileAdmin(ScopedAdmin):
    list_display = ["user", "organisation"]
    search_fields = ["user__username", "user__last_name", "organisation__name"]
    filter_horizontal = ["districts"]
    autocomplete_fields = ["organisation"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if is_system_admin(request.user) else queryset.filter(user=request.user)


@admin.register(Dispatch)
class DispatchAdmin(ScopedAdmin):
    """What was sent for a meeting: written only by the convocation service, never changed or deleted here."""

    list_display = ["sent_at", "meeting", "kind", "status", "sent_by"]
    list_filter = ["kind", "status"]
    list_select_related = ["meeting__body", "sent_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(ScopedAdmin):
    list_display = ["user", "frequency"]
    list_filter = ["frequency"]


@admin.register(DigestSent)
class DigestSentAdmin(admin.ModelAdmin):
    list_display = ["sent_on", "address", "items"]
    date_hierarchy = "sent_on"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


from .budget import admin as budget_admin  # noqa: E402, F401  (registers the budget models)
from .monitoring import admin as monitoring_admin  # noqa: E402, F401  (registers the monitoring reports)
from .results import admin as results_admin  # noqa: E402, F401  (registers the results framework's models)
