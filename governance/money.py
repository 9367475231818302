"""Money, the one way: euros as `Decimal` with two decimals, sums in SQL, Italian format in messages.

    from governance.money import as_money, format_eur, money_sum
    Patto.objects.aggregate(total=money_sum("disbursements__amount"))  # never a Python loop over rows
    f"restano {format_eur(remaining)} su {format_eur(ceiling)}"          # "restano 1.200,00 € su 2.000,00 €"

Every money column is `DecimalField(max_digits=12, decimal_places=2)` (ARCHITECTURE.md, "Data rules"); sums get a
wider output field so that a programme-wide total never overflows the column type.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import DecimalField, Sum, Value
from django.db.models.functions import Coalesce

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MONEY_MAX_DIGITS = 12
MONEY_MAX = Decimal("9999999999.99")  # the largest amount a max_digits=12, decimal_places=2 column holds
MONEY = DecimalField(max_digits=14, decimal_places=2)  # output field of sums (wider than any column)


def money_sum(expression, **kwargs):
    """`Sum(expression)` as euros, 0,00 when there is nothing to add (for `aggregate`/`annotate`)."""
    return Coalesce(Sum(expression, **kwargs), Value(ZERO), output_field=MONEY)


def as_money(value) -> Decimal:
    """A value from the database (SQLite returns sums as floats or ints) as euros and cents."""
    if value is None:
        return ZERO
    if isinstance(value, float):
        value = repr(value)
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def format_eur(value, *, symbol: bool = True) -> str:
    """Italian format with thousands separators: `1234.5` → "1.234,50 €" (negative: "-1.234,50 €")."""
    amount = as_money(value)
    sign = "-" if amount < 0 else ""
    integer, _, cents = f"{abs(amount):.2f}".partition(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    text = f"{sign}{'.'.join(groups)},{cents}"
    return f"{text} €" if symbol else text


def validate_money(value, *, label: str = "L'importo", allow_zero: bool = False) -> None:
    """Finite, within the column, at most two decimals, positive (or non-negative): an Italian message otherwise."""
    if value is None:
        return
    try:
        finite = Decimal(value).is_finite()
    except (InvalidOperation, TypeError, ValueError):
        finite = False
    if not finite:
        raise ValidationError(f"{label} non è un numero valido.")
    value = Decimal(value)
    if abs(value) > MONEY_MAX:
        raise ValidationError(f"{label} è troppo grande: al massimo {format_eur(MONEY_MAX)}.")
    if value != value.quantize(CENT):
        raise ValidationError(f"{label} può avere al massimo due decimali.")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(f"{label} deve essere maggiore di zero." if not allow_zero else f"{label} è negativo.")


def validate_positive_money(value) -> None:
    """Model-field validator: an amount greater than zero."""
    validate_money(value)
