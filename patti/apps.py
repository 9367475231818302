from django.apps import AppConfig


class PattiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "patti"
    verbose_name = "Patti gener-attivi"

    def ready(self):
        """Register the demo seeder and the dashboard panel in governance's registries (governance never imports an
        action app)."""
        from governance.dashboard import Panel, register_panel
        from governance.demo import DEMO_SEEDERS
        from governance.indicators import register_indicator
        from governance.scoping import user_scope

        from .dashboard import panel_context, panel_visible
        from .demo import seed_patti_demo
        from .indicators import INDICATORS

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
        for indicator in INDICATORS:  # the results framework's actuals of Action 1
            register_indicator(indicator)
        if seed_patti_demo not in DEMO_SEEDERS:
            DEMO_SEEDERS.append(seed_patti_demo)
