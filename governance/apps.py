from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "governance"
    verbose_name = "Governance"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from .budget.dashboard import BUDGET_PANEL
        from .dashboard import register_panel
        from .navigation import NavEntry, register_nav
        from .results.permissions import can_read_results

        register_panel(BUDGET_PANEL)
        register_nav(NavEntry("results", _("Risultati"), "governance:results", can_read_results, order=5))
