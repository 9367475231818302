"""Parsing one cell: amounts (Italian and plain formats, bounded), dates, choices, text."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from ..money import CENT, MONEY_MAX, format_eur

THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class CellError(ValueError):
    """A cell that cannot be read; the message is Italian and names neither row nor column (RowError does)."""


def parse_amount(value, *, blank_is_zero: bool = False, required: bool = True) -> Decimal | None:
    """ "1.234,56", "1234,56", "1234.56", "1.234" or an XLSX number → Decimal in euros with two decimals.

    Refuses what is not an amount a money column can hold: non-numbers, NaN and infinities, more than two decimals,
    more than `MONEY_MAX`, each with an Italian message. Whether an amount may be zero or negative is the model's
    rule (its validators and constraints), checked when the row's instance is validated.
    """
    if value is None or (isinstance(value, str) and value.strip() == ""):
        if blank_is_zero:
            return Decimal("0.00")
        if not required:
            return None
        raise CellError("manca l'importo.")
    if isinstance(value, bool):
        raise CellError(f"«{value}» non è un importo.")
    shown = str(value)[:40]
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value)) if value == value and abs(value) != float("inf") else Decimal("NaN")
    elif isinstance(value, Decimal):
        amount = value
    else:
        text = str(value).strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif THOUSANDS.match(text):
            text = text.replace(".", "")
        if not PLAIN_NUMBER.match(text):  # no exponents, no NaN/Infinity spelled out, no stray characters
            raise CellError(f"«{shown}» non è un importo (scrivere ad esempio 1.234,56).")
        try:
            amount = Decimal(text)
        except InvalidOperation as error:  # pragma: no cover - the pattern above admits only valid numbers
            raise CellError(f"«{shown}» non è un importo.") from error
    if not amount.is_finite():
        raise CellError(f"«{shown}» non è un importo.")
    if abs(amount) > MONEY_MAX:
        raise CellError(f"l'importo «{shown}» supera il massimo ammesso di {format_eur(MONEY_MAX)}.")
    if amount != amount.quantize(CENT):
        raise CellError(f"al massimo due decimali («{shown}»).")
    return amount.quantize(CENT)


DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y")


def parse_date(value, *, required: bool = True) -> dt.date | None:
    """dd/mm/yyyy (or ISO, or an XLSX date) → date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            raise CellError("manca la data.")
        return None
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date, no time zone
        except ValueError:
            continue
    raise CellError(f"«{text[:40]}» non è una data (gg/mm/aaaa).")


def parse_choice(value, choices) -> str:
    """A code or a label of a `TextChoices` (case-insensitive) → the code."""
    text = "" if value is None else str(value).strip()
    for code, label in choices.choices:
        if text.lower() in (code.lower(), str(label).lower()):
            return code
    raise CellError(f"«{text[:40]}» non è un valore ammesso ({', '.join(choices.values)}).")


def parse_text(value) -> str:
    """A cell as text, stripped; an XLSX integer stays without decimals (a document number typed as 12)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
