"""Who may read and write Action 5 records (ARCHITECTURE.md, "Who may do what"; issue 12, item 8).

Donors' personal data, donations, receipts, pledges, campaigns, events and transfers: the Staff Fundraising only
(they read and write everything here). System administrators manage accounts, not donors: a superuser without the
Staff Fundraising role sees no donor (lists empty, details 404), and the admin never shows donors' personal fields.
Aggregates (raised vs target, ROI per market and event, fund balances, reconciliation): the Staff Fundraising, the
Direzione and the Staff Amministrazione (who reconcile donation-funded spending). Everyone else: nothing.
"""

from __future__ import annotations

from governance.enums import Role
from governance.scoping import user_scope

AGGREGATE_ROLES = frozenset({Role.FUNDRAISING, Role.DIREZIONE, Role.AMMINISTRAZIONE})


def is_fundraising_staff(user) -> bool:
    """Reads and writes donors, gifts, receipts and transfers (never a superuser by itself)."""
    return Role.FUNDRAISING in user_scope(user).roles


def reads_aggregates(user) -> bool:
    scope = user_scope(user)
    return scope.is_superuser or bool(scope.roles & AGGREGATE_ROLES)


def reads_aggregates_only(user) -> bool:
    return reads_aggregates(user) and not is_fundraising_staff(user)
