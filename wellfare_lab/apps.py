from django.apps import AppConfig


class WellfareLabConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "wellfare_lab"
    verbose_name = "Wel(l)FARE LAB"

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
        from .demo import seed_wellfare_lab_demo
        from .permissions import can_read

        register_nav(
            NavEntry(key="wellfare_lab", label=_("Wel(l)FARE LAB"), url_name="wellfare_lab:lab_list",
                     visible=can_read, order=45)
        )  # fmt: skip
        register_panel(
            Panel(
                key="wellfare_lab",
                title="Wel(l)FARE LAB: laboratori formativi, partecipanti e Manifesto",
                template="wellfare_lab/_dashboard_panel.html",
                context=panel_context,
                visible=lambda user: panel_visible(user_scope(user)),
                order=45,
            )
        )
        for code, compute, link in reports.INDICATORS:
            cells = indicators.COMPUTE_CELLS.get(code)
            register_indicator(ComputedIndicator(code=code, compute=compute, link=link, compute_cells=cells))
        from governance.monitoring.reach import ReachProvider, register_reach

        register_reach(
            ReachProvider(
                key="wellfare_lab",
                label="Wel(l)FARE LAB",
                count=reports.reach,
                count_many=indicators.reach_cells,
                deduplicated=True,
                order=45,
            )
        )
        if seed_wellfare_lab_demo not in DEMO_SEEDERS:
            DEMO_SEEDERS.append(seed_wellfare_lab_demo)
