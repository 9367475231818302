from django.apps import AppConfig


class LaboratoriConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "laboratori"
    verbose_name = "Laboratori di Comunità"

    def ready(self):
        """Register navigation, dashboard panel, indicators and demo seeder in governance's registries (governance
        never imports an action app). No custom permissions: programme roles get no admin model permissions."""
        from django.utils.translation import gettext_lazy as _

        from governance.dashboard import AlertSource, Panel, register_alert, register_panel
        from governance.demo import DEMO_SEEDERS
        from governance.indicators import ComputedIndicator, register_indicator
        from governance.navigation import NavEntry, register_nav

        from .dashboard import lab_alerts, panel_context, panel_visible
        from .demo import seed_laboratori_demo
        from .indicators import COMPUTE_CELLS
        from .permissions import can_read_labs
        from .reports import INDICATORS

        register_nav(
            NavEntry(
                key="laboratori",
                label=_("Laboratori"),
                url_name="laboratori:lab_list",
                visible=can_read_labs,
                order=20,
            )
        )
        register_panel(
            Panel(
                key="laboratori",
                title="Laboratori di Comunità: attivati per ambito e anno",
                template="laboratori/_dashboard_panel.html",
                context=panel_context,
                visible=panel_visible,
                order=20,
            )
        )
        register_alert(AlertSource(key="laboratori", collect=lab_alerts, visible=panel_visible, order=40))
        for code, (compute, link) in INDICATORS.items():
            cells = COMPUTE_CELLS.get(code)
            register_indicator(ComputedIndicator(code=code, compute=compute, link=link, compute_cells=cells))
        from governance.monitoring.reach import ReachProvider, register_reach

        from .reports import reach

        register_reach(
            ReachProvider(
                key="laboratori",
                label="Laboratori di Comunità",
                count=reach,
                indicators={"households": "A2A_NUCLEI", "people": "A2A_PERSONE"},
                deduplicated=False,
                order=20,
            )
        )
        if seed_laboratori_demo not in DEMO_SEEDERS:
            DEMO_SEEDERS.append(seed_laboratori_demo)
