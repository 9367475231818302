"""The main navigation is a registry: governance adds its own entries, each action app adds its entries in its
`AppConfig.ready()` (governance names no action app):

    from governance.navigation import NavEntry, register_nav
    register_nav(NavEntry(key="<app>", label=_("Voce di menu"), url_name="<app>:<model>_list",
                          visible=can_read_records, order=20))

`visible(user)` decides who gets the entry (the same predicate the app's views use), so a role never sees a link
that would answer 403.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    url_name: str
    visible: Callable[..., bool]
    order: int = 100


_ENTRIES: dict[str, NavEntry] = {}


def register_nav(entry: NavEntry) -> None:
    _ENTRIES[entry.key] = entry


def nav_entries_for(request) -> list[dict]:
    """The entries this user may open, in order, with the one matching the current path marked active."""
    user = request.user
    path = request.path
    items = []
    for entry in sorted(_ENTRIES.values(), key=lambda e: (e.order, e.key)):
        if not entry.visible(user):
            continue
        url = reverse(entry.url_name)
        items.append(
            {
                "label": str(entry.label),
                "url": url,
                "active": path == url or (url != "/" and path.startswith(url)),
            }
        )
    return items
