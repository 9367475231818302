"""The dashboard registry: apps contribute panels without governance importing them."""

import pytest

from governance import dashboard
from governance.dashboard import panels
from governance.scoping import user_scope

pytestmark = pytest.mark.django_db


@pytest.fixture
def test_panel(monkeypatch, tmp_path, settings):
    template_dir = tmp_path / "templates"
    (template_dir / "t").mkdir(parents=True)
    (template_dir / "t" / "panel.html").write_text("<p>Valore del pannello: {{ data.value }}</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], template_dir]}]
    monkeypatch.setattr(panels, "_PANELS", {})
    dashboard.register_panel(
        dashboard.Panel(
            key="prova",
            title="Pannello di prova",
            template="t/panel.html",
            context=lambda request, reference: {"value": 42},
            visible=lambda user: user_scope(user).programme_wide,
            on_home=True,
        )
    )


def test_a_registered_panel_shows_only_to_the_roles_it_allows(test_panel, client_for, direzione, udp_cremasco):
    html = client_for(direzione).get("/").content.decode()
    assert "Pannello di prova" in html and "Valore del pannello: 42" in html
    assert "Pannello di prova" not in client_for(udp_cremasco).get("/").content.decode()


@pytest.fixture
def test_alert(monkeypatch):
    from governance.dashboard import alerts

    monkeypatch.setattr(alerts, "_SOURCES", {})

    def collect(*, user, reference, year, district_id):
        return [
            dashboard.Alert(key="prova", text=f"Segnalazione di prova (anno {year})", count=2, link="/"),
            dashboard.Alert(key="vuota", text="Segnalazione vuota", count=0),
        ]

    dashboard.register_alert(
        dashboard.AlertSource(key="prova", collect=collect, visible=lambda user: user_scope(user).programme_wide)
    )


def test_a_registered_alert_shows_to_the_roles_it_allows_and_zero_counts_stay_hidden(
    test_alert, client_for, direzione, udp_cremasco
):
    html = client_for(direzione).get("/?year=2").content.decode()
    assert "Segnalazione di prova (anno 2)" in html
    assert "Segnalazione vuota" not in html
    assert "Segnalazione di prova" not in client_for(udp_cremasco).get("/").content.decode()
