"""Amounts in Italian words, as receipts and cheques write them: 1234.5 → "milleduecentotrentaquattro/50"."""

from __future__ import annotations

from decimal import Decimal

from governance.money import as_money

UNITS = ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici",
         "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove"]  # fmt: skip
TENS = ["", "", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"]


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = "" if hundreds == 0 else ("cento" if hundreds == 1 else UNITS[hundreds] + "cento")
    if rest == 0:
        return words
    if rest < 20:
        tail = UNITS[rest]
    else:
        tens, unit = divmod(rest, 10)
        tail = TENS[tens]
        if unit in (1, 8):  # "ventuno", "trentotto": the vowel of the tens drops
            tail = tail[:-1]
        if unit:
            tail += UNITS[unit]
    if words and 80 <= rest < 90:  # "centottanta": the final vowel of "cento" drops before "ottanta"
        words = words[:-1]
    return words + tail


def integer_words(n: int) -> str:
    """A non-negative integer in Italian words: one word below a million, millions apart ("due milioni cento")."""
    if n < 0:
        raise ValueError("negative")
    if n == 0:
        return "zero"
    parts = []
    for size, one, many in ((10**9, "un miliardo", " miliardi"), (10**6, "un milione", " milioni")):
        count, n = divmod(n, size)
        if count:
            parts.append(one if count == 1 else integer_words(count) + many)
    small = ""
    thousands, n = divmod(n, 1000)
    if thousands:
        small = "mille" if thousands == 1 else _below_thousand(thousands) + "mila"
    if n:
        small += _below_thousand(n)
    return " ".join([*parts, small] if small else parts)


def amount_in_words(value) -> str:
    """Euros in words with the cents in figures: Decimal("1234.50") → "milleduecentotrentaquattro/50"."""
    amount: Decimal = as_money(value)
    euros = int(amount)
    cents = int((amount - euros) * 100)
    return f"{integer_words(euros)}/{cents:02d}"
