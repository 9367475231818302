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
