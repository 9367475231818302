from django.apps import AppConfig


class CivicCenterConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "civic_center"
    verbose_name = "Incroci di Comunità / Civic Center"

    def ready(self):
        """Register navigation, dashboard panel, indicators and demo seeder in governance's registries."""
        from django.utils.translation import gettext_lazy as _

        from governance.dashboard import Panel, register_panel
        from governance.demo import DEMO_SEEDERS
        from governance.indicators import ComputedIndicator, register_indicator
        from governance.navigation import NavEntry, register_nav
        from governance.scoping import user_scope

        from . import indicators, reports
        from .dashboard import panel_context, panel_visible
        from .demo import seed_civic_center_demo
        from .permissions import can_read

        register_nav(
            NavEntry(
                key="civic_center",
                label=_("Civic center"),
                url_name="civic_center:center_list",
                visible=can_read,
                order=40,
            )
        )
        register_panel(
            Panel(
                key="civic_center",
                title="Incroci di Comunità: civic center attivati",
                template="civic_center/_dashboard_panel.html",
                context=panel_context,
                visible=lambda user: panel_visible(user_scope(user)),
                order=40,
            )
        )
        for code, compute, link in reports.INDICATORS:
            cells = indicators.COMPUTE_CELLS.get(code)
            register_indicator(ComputedIndicator(code=code, compute=compute, link=link, compute_cells=cells))
        from governance.monitoring.reach import ReachProvider, register_reach

        from .reports import reach

        register_reach(
            ReachProvider(
                key="civic_center",
                label="Civic center",
                count=reach,
                count_many=indicators.activity_cells,
                deduplicated=False,
                order=40,
            )
        )
        if seed_civic_center_demo not in DEMO_SEEDERS:
            DEMO_SEEDERS.append(seed_civic_center_demo)
