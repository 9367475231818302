"""Validators for Italian identifiers (python-stdnum does the arithmetic)."""

from django.core.exceptions import ValidationError
from stdnum.it import codicefiscale, iva


def validate_tax_code(value: str) -> None:
    """An Italian codice fiscale: 11 digits with check digit (bodies) or 16 characters (persons)."""
    code = (value or "").strip().upper()
    if len(code) == 11 and code.isdigit():
        if not iva.is_valid(code):
            raise ValidationError("Codice fiscale numerico non valido: la cifra di controllo non corrisponde.")
        return
    if len(code) == 16:
        if not codicefiscale.is_valid(code):
            raise ValidationError("Codice fiscale non valido: controllare i caratteri e il carattere di controllo.")
        return
    raise ValidationError("Il codice fiscale deve avere 11 cifre (enti) o 16 caratteri (persone fisiche).")


def validate_personal_tax_code(value: str) -> None:
    """A person's 16-character codice fiscale."""
    if not codicefiscale.is_valid((value or "").strip().upper()):
        raise ValidationError("Codice fiscale non valido: controllare i 16 caratteri e il carattere di controllo.")


def as_id(value) -> int | None:
    """A database id from a submitted value, or None: decimal digits only (not isdigit(): "²" is a digit that int()
    refuses), at most 18 of them (within the database's 64-bit integers; SQLite refuses a bigger one outright)."""
    value = str(value)
    return int(value) if value.isdecimal() and len(value) <= 18 else None
