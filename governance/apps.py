from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "governance"
    verbose_name = "Governance"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from .budget.dashboard import BUDGET_PANEL
        from .budget.permissions import can_approve_expenses, can_read_budget
        from .dashboard import register_panel
        from .demo import DEMO_SEEDERS
        from .monitoring import register as register_monitoring
        from .navigation import NavEntry, register_nav
        from .reminders import GOVERNANCE_REMINDERS, register_reminder
        from .results.demo import seed_results_demo
        from .results.permissions import can_read_results
        from .scoping import user_scope

        register_panel(BUDGET_PANEL)
        for source in GOVERNANCE_REMINDERS:
            register_reminder(source)

        def has_scope(user):
            return not user_scope(user).is_empty

        for entry in (
            NavEntry("home", _("Cruscotto"), "home", has_scope, order=0),
            NavEntry("bodies", _("Organismi"), "governance:body_list", has_scope, order=60),
            NavEntry("meetings", _("Incontri"), "governance:meeting_list", has_scope, order=61),
            NavEntry("decisions", _("Decisioni"), "governance:decision_list", has_scope, order=62),
            NavEntry("organisations", _("Organizzazioni"), "governance:organisation_list", has_scope, order=63),
            NavEntry("budget", _("Budget"), "governance:budget_report", can_read_budget, order=70),
            NavEntry("expenses", _("Spese"), "governance:expense_list", can_read_budget, order=71),
            NavEntry("plans", _("Piani economici"), "governance:budget_plan_list", can_read_budget, order=72),
            NavEntry("expense_queue", _("Da approvare"), "governance:expense_queue", can_approve_expenses, order=73),
        ):
            register_nav(entry)
        from .accounts import can_manage_accounts

        register_nav(NavEntry("users", _("Utenti e ruoli"), "governance:users", can_manage_accounts, order=90))
        register_nav(NavEntry("results", _("Risultati"), "governance:results", can_read_results, order=50))
        register_monitoring()
        if seed_results_demo not in DEMO_SEEDERS:
            DEMO_SEEDERS.append(seed_results_demo)
