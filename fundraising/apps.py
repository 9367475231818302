from django.apps import AppConfig


class FundraisingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "fundraising"
    verbose_name = "Comunicazione e fundraising"

    def ready(self):
        """Register navigation, dashboard panel, indicator, designated-gift totals and demo seeder in governance's
        registries."""
        from django.utils.translation import gettext_lazy as _

        from governance.dashboard import AlertSource, Panel, register_alert, register_panel
        from governance.demo import DEMO_SEEDERS
        from governance.gift_totals import register_designated_gifts
        from governance.indicators import ComputedIndicator, register_indicator
        from governance.navigation import NavEntry, register_nav

        from . import permissions, reports, selectors
        from .dashboard import panel_context, panel_visible, raised_periods, restricted_alerts
        from .demo import seed_fundraising_demo

        # Programme roles get no admin permission here: the admin is for system administrators, and it never
        # shows donors' personal data (fundraising/admin.py).
        register_nav(
            NavEntry(
                key="fundraising",
                label=_("Raccolta fondi"),
                url_name="fundraising:donor_list",
                visible=permissions.is_fundraising_staff,
                order=50,
            )
        )
        register_nav(
            NavEntry(
                key="fundraising_reports",
                label=_("Raccolta fondi"),
                url_name="fundraising:reports",
                visible=permissions.reads_aggregates_only,
                order=50,
            )
        )
        register_panel(
            Panel(
                key="fundraising",
                title="Raccolta fondi: raccolto per anno e fondo di progetto",
                template="fundraising/_dashboard_panel.html",
                context=panel_context,
                visible=panel_visible,
                order=50,
            )
        )
        register_indicator(
            ComputedIndicator(
                code=reports.INDICATOR_CODE,
                compute=reports.raised_indicator,
                link=reports.raised_indicator_link,
                compute_many=raised_periods,
            )
        )
        # Gifts designated to a lab, company pact or civic center: totals only on those pages (issue 12, item 3).
        register_designated_gifts(selectors.designated_totals)
        register_alert(AlertSource(key="fundraising", collect=restricted_alerts, visible=panel_visible, order=60))
        if seed_fundraising_demo not in DEMO_SEEDERS:
            DEMO_SEEDERS.append(seed_fundraising_demo)
