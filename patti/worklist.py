"""The case staff's worklist ("Da fare"): the pacts of their districts that ask for something, by `Attention`.

Counts and rows come from `PattoQuerySet.needing_attention` (the same rule as the pact list's "Da fare" filter and
the e-mail reminders); a fixed number of queries whatever the data (one COUNT and one page of rows per item).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from .enums import Attention
from .models import Patto


@dataclass
class WorkItem:
    kind: str
    label: str
    count: int
    url: str
    pacts: list = field(default_factory=list)


def worklist(*, user, reference: dt.date, rows: int = 0) -> list[WorkItem]:
    """Every worklist item for `user` at `reference`, with its count, the pact list behind it, and (if `rows`)
    its first pacts."""
    visible = Patto.objects.visible_to(user)
    items = []
    for kind, label in Attention.choices:
        pacts = visible.needing_attention(kind, reference)
        url = f"{reverse('patti:patto_list')}?{urlencode({'attention': kind})}"
        item = WorkItem(kind=kind, label=label, count=pacts.count(), url=url)
        if rows and item.count:
            item.pacts = list(
                pacts.select_related("household", "district").order_by("planned_end_on", "opened_on", "pk")[:rows]
            )
        items.append(item)
    return items


def panel_context(*, request, reference) -> dict:
    return {"work": worklist(user=request.user, reference=reference), "url": reverse("patti:worklist")}
