"""The annual monitoring report, cost per result and reach (issue #13, items 3-5).

rows.py      the report as plain tables (one function), read by every renderer
renderers.py HTML context, PDF and XLSX of the same tables
costs.py     € per result, planned against actual, per year and district
reach.py     households and people reached, the registry the action apps fill, small-cell suppression
services.py  writing the narrative and submitting (freezing) a report
"""


def register() -> None:
    """From GovernanceConfig.ready(): the navigation entry and the Direzione's permission to write and submit."""
    from django.utils.translation import gettext_lazy as _

    from ..enums import Role
    from ..navigation import NavEntry, register_nav
    from ..roles import register_role_permissions
    from .permissions import MANAGE_PERMISSION, can_read_monitoring

    register_role_permissions(Role.DIREZIONE, [MANAGE_PERMISSION])
    register_nav(
        NavEntry("monitoring", _("Monitoraggio"), "governance:monitoring_report", can_read_monitoring, order=55)
    )
