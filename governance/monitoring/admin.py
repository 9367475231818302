"""Admin of the monitoring reports, for system administrators: read-only (the Direzione writes and submits them in
the application, where the service and the models keep a submitted report frozen). The frozen files and figures are
private to the admin (`ADMIN_PRIVATE_FIELDS`): they download from the report's page."""

from django.contrib import admin

from ..admin_site import ReadOnlyAdmin
from ..models import ActionNarrative, MonitoringReport


@admin.register(MonitoringReport)
class MonitoringReportAdmin(ReadOnlyAdmin):
    list_display = ["project_year", "status", "submitted_at", "submitted_by"]
    list_filter = ["status"]
    list_select_related = ["project_year", "submitted_by"]


@admin.register(ActionNarrative)
class ActionNarrativeAdmin(ReadOnlyAdmin):
    list_display = ["report", "action", "updated_at", "updated_by"]
    list_filter = ["action"]
    list_select_related = ["report__project_year", "action", "updated_by"]
