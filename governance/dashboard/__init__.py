"""The programme dashboard (`/`) reads every app through registries (ARCHITECTURE.md, "Dependencies between apps").

governance never imports an action app. Each app registers, in its `AppConfig.ready()`:

- panels (`register_panel(Panel(...))`, see `panels.py`): a block of the app's own figures;
- alerts (`register_alert(AlertSource(...))`, see `alerts.py`): what needs a decision (a count and a link);
- indicators (`governance.indicators.register_indicator`): the actuals the action cards hold against the targets.

The page itself is assembled in `page.py` (`dashboard_for`); the cards, the budget burn and the charts are in
`cards.py`, `burn.py` and `charts.py`.
"""

from .alerts import Alert, AlertItem, AlertSource, alerts_for, register_alert
from .panels import Panel, panels_for, register_panel

__all__ = [
    "Alert",
    "AlertItem",
    "AlertSource",
    "Panel",
    "alerts_for",
    "panels_for",
    "register_alert",
    "register_panel",
]
