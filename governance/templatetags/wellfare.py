"""Template filters shared by every app: money in Italian format, overdue flags."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euro(value) -> str:
    """1234.5 → "1.234,50 €" (Italian format, two decimals)."""
    if value is None or value == "":
        return "—"
    return f"{number_format(Decimal(value), decimal_pos=2, use_l10n=True, force_grouping=True)} €"


@register.filter
def decision_overdue(decision, reference) -> bool:
    return decision.is_overdue(reference)
