"""Gifts designated to one record of an action (a lab, a company pact, a civic center), as totals only.

The gifts are the fundraising app's records; it may reference the action records it funds (ARCHITECTURE.md), so it
registers here, in its `AppConfig.ready()`, a provider giving one record's totals (aggregated in SQL, never a donor's
name). The action apps show them with `{% designated_gifts record as gifts %}` (`governance_gifts` template tags)
and never import the fundraising app; governance names neither.

Until a provider is registered a page says the gifts are not yet linked, never a zero.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class GiftTotals:
    """How many money gifts a record received, their amount, and how much of it was transferred to its holder."""

    count: int
    amount: Decimal
    transferred: Decimal = ZERO

    @property
    def earmarked(self) -> Decimal:
        return self.amount - self.transferred


_PROVIDERS: list[Callable[..., GiftTotals | None]] = []


def register_designated_gifts(provider: Callable[..., GiftTotals | None]) -> None:
    """`provider(record)` returns the record's totals, or None when the record is not one it knows."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def designated_gift_totals(record) -> GiftTotals | None:
    """The totals of the gifts designated to `record` (None when no provider knows the record)."""
    totals = [t for t in (provider(record) for provider in _PROVIDERS) if t is not None]
    if not totals:
        return None
    return GiftTotals(
        count=sum(t.count for t in totals),
        amount=sum((t.amount for t in totals), ZERO),
        transferred=sum((t.transferred for t in totals), ZERO),
    )
