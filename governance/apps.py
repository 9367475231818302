from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "governance"
    verbose_name = "Governance"

    def ready(self):
        from .budget.dashboard import BUDGET_PANEL
        from .dashboard import register_panel

        register_panel(BUDGET_PANEL)
