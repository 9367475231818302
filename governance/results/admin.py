"""Admin of the results framework, for system administrators: reference data (indicators) and a read-mostly view of
targets and manual values. The Direzione edits targets and values in the application's own screens, where the
services check the rules; audited records are never deleted here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ..models import Indicator, ManualValue, Target


class NoDeleteAdmin(SimpleHistoryAdmin):
    """Indicators, targets and manual values are programme-level (no district scope to apply): history, no delete."""

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Indicator)
class IndicatorAdmin(NoDeleteAdmin):
    list_display = ["code", "name", "action", "unit", "measurement", "order"]
    list_filter = ["action", "unit", "measurement"]
    search_fields = ["code", "name"]
    readonly_fields = ["code"]  # the contract with the action apps: never renamed

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []


@admin.register(Target)
class TargetAdmin(NoDeleteAdmin):
    list_display = ["indicator", "plan_version", "project_year", "district", "value", "value_max"]
    list_filter = ["plan_version", "project_year", "district", "indicator__action"]
    search_fields = ["indicator__code", "indicator__name", "source"]
    list_select_related = ["indicator", "project_year", "district"]


@admin.register(ManualValue)
class ManualValueAdmin(NoDeleteAdmin):
    list_display = ["indicator", "project_year", "district", "value", "measured_on", "created_by"]
    list_filter = ["project_year", "district", "indicator__action"]
    search_fields = ["indicator__code", "source"]
    list_select_related = ["indicator", "project_year", "district", "created_by"]
