"""Gifts designated to a lab, as totals only: donors' names stay with the fundraising staff (issue 10, item 4).

The gifts are the fundraising app's records. That app may reference the action records it funds (ARCHITECTURE.md),
so it registers here, in its `AppConfig.ready()`, a function giving one lab's totals; laboratori never imports it:

    from laboratori.gifts import GiftTotals, register_designated_gifts
    register_designated_gifts(lambda lab: GiftTotals(count=..., amount=...))   # aggregates in SQL, no names

Until a provider is registered the lab page says the gifts are not yet linked, never a zero.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class GiftTotals:
    count: int
    amount: Decimal


_PROVIDERS: list[Callable[..., GiftTotals]] = []


def register_designated_gifts(provider: Callable[..., GiftTotals]) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def designated_gift_totals(lab) -> GiftTotals | None:
    """The totals of the gifts designated to `lab` (None when no fundraising app is linked)."""
    if not _PROVIDERS:
        return None
    totals = [provider(lab) for provider in _PROVIDERS]
    return GiftTotals(count=sum(t.count for t in totals), amount=sum((t.amount for t in totals), Decimal("0.00")))
