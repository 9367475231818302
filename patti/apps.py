from django.apps import AppConfig


class PattiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "patti"
    verbose_name = "Patti gener-attivi"

    def ready(self):
        """Register the demo seeder and the dashboard panel in governance's registries (governance never imports an
        action app)."""
        from django.utils.translation import gettext_lazy as _

        from governance.dashboard import AlertSource, Panel, register_alert, register_panel
        from governance.demo import DEMO_SEEDERS
        from governance.enums import Role
        from governance.indicators import register_indicator
        from governance.navigation import NavEntry, register_nav
        from governance.reminders import ReminderSource, register_reminder
        from governance.roles import register_role_permissions
        from governance.scoping import user_scope

        from .dashboard import pact_alerts, panel_context, panel_visible
        from .demo import seed_patti_demo
        from .indicators import INDICATORS
        from .permissions import can_read_access_log, can_read_patti, has_worklist
        from .reminders import pact_reminders
        from .worklist import panel_context as worklist_context

        # The Direzione reads the identity access log (patti/permissions.py decides who may do what in the app;
        # no role carries an admin model permission: the admin is for system administrators).
        register_role_permissions(Role.DIREZIONE, ["patti.view_identityaccess"])
        register_nav(
            NavEntry(key="patti", label=_("Patti"), url_name="patti:patto_list", visible=can_read_patti, order=10)
        )
        register_nav(
            NavEntry(
                key="patti_access_log",
                label=_("Registro accessi"),
                url_name="patti:access_log",
                visible=can_read_access_log,
                order=11,
            )
        )
        register_nav(
            NavEntry(key="patti_worklist", label=_("Da fare"), url_name="patti:worklist", visible=has_worklist, order=9)
        )

        register_panel(
            Panel(
                key="patti_worklist",
                title="Da fare: i patti che chiedono attenzione",
                template="patti/_worklist_panel.html",
                context=worklist_context,
                visible=has_worklist,
                order=5,
                on_home=True,
            )
        )
        register_panel(
            Panel(
                key="patti",
                title="Patti gener-attivi: sottoscritti rispetto agli obiettivi",
                template="patti/_dashboard_panel.html",
                context=panel_context,
                visible=lambda user: panel_visible(user_scope(user)),
                order=10,
            )
        )
        register_alert(
            AlertSource(
                key="patti", collect=pact_alerts, visible=lambda user: panel_visible(user_scope(user)), order=30
            )
        )
        for indicator in INDICATORS:  # the results framework's actuals of Action 1
            register_indicator(indicator)
        register_reminder(ReminderSource(key="patti", collect=pact_reminders))
        from governance.monitoring.reach import ReachProvider, register_reach

        from .reports import reach

        register_reach(
            ReachProvider(
                key="patti",
                label="Patti gener-attivi",
                count=reach,
                indicators={"households": "A1_NUCLEI", "people": "A1_BENEFICIARI"},
                deduplicated=True,
                order=10,
            )
        )
        if seed_patti_demo not in DEMO_SEEDERS:
            DEMO_SEEDERS.append(seed_patti_demo)
