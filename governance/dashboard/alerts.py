"""Alerts: what needs a decision, registered by each app for its own records (governance imports no action app).

    from governance.dashboard import Alert, AlertSource, register_alert
    register_alert(AlertSource(key="<app>", collect=collect_alerts, visible=can_read_aggregates, order=10))

`collect(*, user, reference, year, district_id)` returns a list of `Alert` for what `user` may see at the reference
date (`year`: the project-year number on screen; `district_id`: the district filter, None for all the user's
districts). Each source answers in a fixed number of queries (a count, at most a short list), whatever the data size.
An alert with a zero count is not shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class Severity:
    DANGER = "danger"  # money overspent, a body far behind: red
    WARNING = "warning"


@dataclass(frozen=True)
class AlertItem:
    """One record behind an alert (a lab, a fund, a budget line), with its page."""

    label: str
    url: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Alert:
    key: str
    text: str  # a full Italian sentence with the count in it: "3 laboratori senza piano operativo"
    count: int
    link: str | None = None  # the list behind the alert
    items: tuple[AlertItem, ...] = ()
    severity: str = Severity.WARNING

    @property
    def severity_label(self) -> str:
        return "Urgente" if self.severity == Severity.DANGER else "Da verificare"


@dataclass(frozen=True)
class AlertSource:
    key: str
    collect: Callable[..., list[Alert]]
    visible: Callable[..., bool]
    order: int = 100


_SOURCES: dict[str, AlertSource] = {}


def register_alert(source: AlertSource) -> None:
    _SOURCES[source.key] = source


def alerts_for(*, user, reference, year: int | None, district_id: int | None) -> list[Alert]:
    """The alerts of every registered source this user may see, in the sources' order, zero counts left out."""
    found: list[Alert] = []
    for source in sorted(_SOURCES.values(), key=lambda s: (s.order, s.key)):
        if source.visible(user):
            found += source.collect(user=user, reference=reference, year=year, district_id=district_id)
    return [alert for alert in found if alert.count]
