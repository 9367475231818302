"""The results framework's registry: each action app says how its indicators are computed from its data.

governance keeps the indicators and their targets (original 2015 and revised June 2016); it never imports an action
app. An app registers, in its `AppConfig.ready()`, one `ComputedIndicator` per indicator code its data can count:

    from governance.indicators import ComputedIndicator, register_indicator
    register_indicator(ComputedIndicator(code="A2A_LAB_ATTIVATI", compute=labs_activated, link=labs_activated_url))

`compute(*, user, year, district_id)` returns the actual (an int or a Decimal) counted within what `user` may see;
`year` is a project-year number (None: the whole triennium) and `district_id` a District pk (None: the whole
programme). `link(*, year, district_id)` returns the URL of the list behind the number (or None). An indicator no
app computes is shown with its targets and "non ancora rilevato" — never a zero.

An app may add `compute_many(*, user, years, district_id)` returning `{year: actual}` for several periods at once
(`years` may hold None for the triennium), in fewer queries than one `compute` per period; the dashboard uses it
through `compute_periods` and falls back to `compute` per period when an app gives none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ComputedIndicator:
    code: str
    compute: Callable[..., int | Decimal | None]
    link: Callable[..., str | None] | None = None
    compute_many: Callable[..., dict[int | None, int | Decimal | None]] | None = None

    def compute_periods(self, *, user, years: list[int | None], district_id: int | None) -> dict:
        """The actual of each period in `years` (None: the triennium) for `user` and `district_id`."""
        if self.compute_many is not None:
            return self.compute_many(user=user, years=years, district_id=district_id)
        return {year: self.compute(user=user, year=year, district_id=district_id) for year in years}


_REGISTRY: dict[str, ComputedIndicator] = {}


def register_indicator(indicator: ComputedIndicator) -> None:
    _REGISTRY[indicator.code] = indicator


def computed_indicator(code: str) -> ComputedIndicator | None:
    return _REGISTRY.get(code)


def registered_codes() -> frozenset[str]:
    return frozenset(_REGISTRY)
