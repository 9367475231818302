"""Gifts designated to a lab, as totals only: donors' names stay with the fundraising staff (issue 10, item 4).

The hook is governance's generic one (`governance/gift_totals.py`), shared with company pacts and civic centers: the
fundraising app registers its provider there in its `AppConfig.ready()`; laboratori never imports that app.
Until a provider is registered the lab page says the gifts are not yet linked, never a zero.
"""

from __future__ import annotations

from governance.gift_totals import GiftTotals, designated_gift_totals, register_designated_gifts

__all__ = ["GiftTotals", "designated_gift_totals", "register_designated_gifts"]
