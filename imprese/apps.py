from django.apps import AppConfig


class ImpreseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "imprese"
    verbose_name = "Patti con le Imprese"

    def ready(self):
        """Register navigation, dashboard panel, indicators and demo seeder in governance's registries (governance
        never imports an action app). Programme roles get no admin permissions: the admin is for system
        administrators, the app's own views decide who writes (imprese/permissions.py)."""
        from django.utils.translation import gettext_lazy as _

        from governance.dashboard import Panel, register_panel
        from governance.demo import DEMO_SEEDERS
        from governance.indicators import ComputedIndicator, register_indicator
        from governance.navigation import NavEntry, register_nav

        from .dashboard import panel_context
        from .demo import seed_imprese_demo
        from .permissions import can_read_imprese
        from .reports import INDICATORS, list_link

        register_nav(
            NavEntry(
                key="imprese",
                label=_("Imprese"),
                url_name="imprese:pact_list",
                visible=can_read_imprese,
                order=30,
            )
        )
        register_panel(
            Panel(
                key="imprese",
                title="Patti con le imprese: fasi per anno",
                template="imprese/_dashboard_panel.html",
                context=panel_context,
                visible=can_read_imprese,
                order=30,
            )
        )
        for code, compute in INDICATORS.items():
            register_indicator(ComputedIndicator(code=code, compute=compute, link=list_link(code)))
        if seed_imprese_demo not in DEMO_SEEDERS:
            DEMO_SEEDERS.append(seed_imprese_demo)
