"""Panels: a block of an app's own figures on the dashboard, registered by the app.

    from governance.dashboard import Panel, register_panel
    register_panel(Panel(key="<app>", title="Titolo del riquadro", template="<app>/_dashboard_panel.html",
                         context=panel_context, visible=can_read_records, order=10))

`visible(user)` says whether the user gets the panel; `context(request=..., reference=...)` returns its template
context, computed from the app's `reports.py` (aggregates in SQL, scoped to the user). The dashboard (`/`) shows
only the panels registered with `on_home=True` (a worklist); the others are on "Dettaglio per azione"
(`/cruscotto/azioni/`), so the dashboard keeps a fixed query budget whatever the apps add.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    template: str
    context: Callable[..., dict]
    visible: Callable[..., bool]
    order: int = 100
    on_home: bool = False  # True: on the dashboard itself (a to-do list); False: on the page of the actions' details


_PANELS: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    _PANELS[panel.key] = panel


def panels_for(*, request, reference, on_home: bool | None = None) -> list[tuple[Panel, dict]]:
    """The panels this user may see (those of one placement, if `on_home` is given), in order, with their context."""
    return [
        (panel, panel.context(request=request, reference=reference))
        for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.key))
        if (on_home is None or panel.on_home == on_home) and panel.visible(request.user)
    ]
