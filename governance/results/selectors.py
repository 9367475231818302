"""Reads of the results framework used by several screens: targets of an indicator, formatted quantities.

An action app reads its own targets from here (e.g. the patti dashboard panel) instead of keeping constants:

    from governance.results.selectors import targets_for
    targets = targets_for("A1_PATTI")          # the targets in force: {(year, district_id): TargetValue}
    targets[(2, None)].value                    # Decimal("134.00"), revised June 2016
    targets[(None, None)]                       # the whole triennium: 284
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format

from ..models import Target, TargetVersion, Unit
from ..money import format_eur

TargetKey = tuple[int | None, int | None]  # (project-year number or None = triennium, district pk or None = programme)


def format_quantity(value, unit: str = Unit.NUMBER) -> str:
    """A number in Italian format with its unit where one is customary: "10.000", "50.764,00 €", "30 %"."""
    if value is None:
        return "—"
    value = Decimal(value)
    if unit == Unit.EURO:
        return format_eur(value)
    decimals = 0 if value == value.to_integral_value() else min(2, -value.normalize().as_tuple().exponent)
    text = number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    return f"{text} %" if unit == Unit.PERCENTAGE else text


@dataclass(frozen=True)
class TargetValue:
    """A target as the screens use it: the value (or range), its unit, version and source citation."""

    value: Decimal
    value_max: Decimal | None
    unit: str
    version: str
    source: str
    pk: int | None = None

    def __str__(self) -> str:
        if self.value_max is not None and self.value_max != self.value:
            low = format_quantity(self.value, Unit.NUMBER if self.unit == Unit.EURO else self.unit)
            return f"{low}–{format_quantity(self.value_max, self.unit)}"
        return format_quantity(self.value, self.unit)

    @property
    def is_range(self) -> bool:
        return self.value_max is not None and self.value_max != self.value

    @property
    def version_label(self) -> str:
        return TargetVersion(self.version).label

    @classmethod
    def of(cls, target: Target, unit: str) -> TargetValue:
        return cls(
            value=target.value,
            value_max=target.value_max,
            unit=unit,
            version=target.plan_version,
            source=target.source,
            pk=target.pk,
        )


def key_of(target: Target) -> TargetKey:
    return (target.project_year.number if target.project_year_id else None, target.district_id)


def targets_by_version(targets) -> dict[str, dict[TargetKey, TargetValue]]:
    """Group Target rows (with `indicator` and `project_year` loaded) by version, then by (year, district)."""
    grouped: dict[str, dict[TargetKey, TargetValue]] = {v: {} for v in TargetVersion.values}
    for target in targets:
        grouped[target.plan_version][key_of(target)] = TargetValue.of(target, target.indicator.unit)
    return grouped


def in_force(by_version: dict[str, dict[TargetKey, TargetValue]]) -> dict[TargetKey, TargetValue]:
    """The revised target where the June 2016 update set one, otherwise the original (which then still stands)."""
    return {**by_version.get(TargetVersion.ORIGINAL, {}), **by_version.get(TargetVersion.REVISED, {})}


def targets_by_code(*codes: str) -> dict[str, dict[TargetKey, TargetValue]]:
    """The targets in force of several indicators at once, by code (one query); a code without targets maps to {}."""
    rows = Target.objects.filter(indicator__code__in=codes).select_related("indicator", "project_year")
    grouped: dict[str, list[Target]] = {code: [] for code in codes}
    for target in rows:
        grouped[target.indicator.code].append(target)
    return {code: in_force(targets_by_version(targets)) for code, targets in grouped.items()}


def targets_for(code: str, *, version: str | None = None) -> dict[TargetKey, TargetValue]:
    """Targets of the indicator `code` by (project-year number, district pk); None for year means the triennium and
    None for district the whole programme. `version` picks original or revised; None gives the targets in force.
    An unknown code has no targets (an empty dict). One query."""
    rows = Target.objects.filter(indicator__code=code).select_related("indicator", "project_year")
    by_version = targets_by_version(rows)
    return in_force(by_version) if version is None else by_version.get(version, {})
