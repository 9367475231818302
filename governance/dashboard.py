"""The programme dashboard reads every app through a registry (ARCHITECTURE.md, "Dependencies between apps").

governance never imports an action app. Each app registers its panels in its `AppConfig.ready()`:

    from governance.dashboard import Panel, register_panel
    register_panel(Panel(key="<app>", title="Titolo del riquadro", template="<app>/_dashboard_panel.html",
                         context=panel_context, visible=can_read_records, order=10))

`visible(user)` says whether the user gets the panel; `context(request=..., reference=...)` returns its template
context, computed from the app's `reports.py` (aggregates in SQL, scoped to the user).
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


_PANELS: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    _PANELS[panel.key] = panel


def panels_for(*, request, reference) -> list[tuple[Panel, dict]]:
    """The panels this user may see, in order, each with its computed context."""
    return [
        (panel, panel.context(request=request, reference=reference))
        for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.key))
        if panel.visible(request.user)
    ]
