"""The importer base class and `run_import`: every row built, checked by the model, then all saved or none."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction

from .cells import CellError, parse_amount, parse_choice, parse_date, parse_text
from .errors import ImportFailed, RowError, file_failure
from .reading import CONTROL, MAX_CELL_CHARS, check_header, read_table


@dataclass
class Row:
    """One row of the file: its line number, its cells by column, and the problems found so far."""

    line: int
    cells: dict
    errors: list[RowError] = field(default_factory=list)

    def error(self, message: str, column: str = "") -> None:
        self.errors.append(RowError(self.line, message, column))

    def _read(self, column: str, parser, *args, **kwargs):
        if self.has_error(column):  # already refused (e.g. a control character): one message per cell
            return None
        try:
            return parser(self.cells.get(column), *args, **kwargs)
        except CellError as error:
            self.error(str(error), column)
            return None

    def text(self, column: str) -> str:
        return self._read(column, parse_text) or ""

    def amount(self, column: str, **kwargs) -> Decimal | None:
        return self._read(column, parse_amount, **kwargs)

    def date(self, column: str, **kwargs) -> dt.date | None:
        return self._read(column, parse_date, **kwargs)

    def choice(self, column: str, choices) -> str | None:
        return self._read(column, parse_choice, choices)

    def lookup(self, column: str, table: dict, message: str):
        """The object of `table` whose key is the cell (case-insensitive); else `message` with the cell for {}."""
        if self.has_error(column):
            return None
        key = parse_text(self.cells.get(column)).upper()
        found = table.get(key)
        if found is None:
            self.error(message.format(key[:40]), column)
        return found

    def has_error(self, column: str) -> bool:
        return any(e.column == column for e in self.errors)


def _cell_problem(value) -> str | None:
    if isinstance(value, str):
        if "\x00" in value or CONTROL.search(value):
            return "contiene caratteri non ammessi."
        if len(value) > MAX_CELL_CHARS:
            return f"il testo è troppo lungo ({len(value)} caratteri)."
    return None


class Importer(ABC):
    """Base class: declare `columns` (the header) and `fields` (column → model field), build and save rows.

    - `prepare()` loads the lookups once (no query per row);
    - `build(row)` returns an unsaved model instance from the row (reading cells with `row.amount(...)` etc.);
    - `key(instance)` returns a hashable for rows that must not repeat within the file (None: no check);
    - `save(instances)` writes them (through the app's service, with history); runs inside the transaction.
    Cells are checked by the model's own validators (`full_clean`); their messages name the column through
    `fields`.
    """

    columns: list[str] = []
    fields: dict[str, str] = {}  # column → model field, to name the column in the model's messages
    key_description = "la stessa chiave"

    def __init__(self, *, user):
        self.user = user

    def prepare(self) -> None:  # noqa: B027 (an optional hook: most importers need nothing loaded)
        """Load what every row needs (codes of the reference data) once."""

    @abstractmethod
    def build(self, row: Row):
        """The unsaved model instance of one row (errors go on the row)."""

    def key(self, instance):
        return None

    def exclude_from_validation(self, row: Row) -> list[str]:
        """Model fields not to validate again: those whose column already has an error."""
        return [name for column, name in self.fields.items() if row.has_error(column)]

    def validate(self, row: Row, instance) -> None:
        try:
            instance.full_clean(exclude=self.exclude_from_validation(row))
        except ValidationError as error:
            self._report(row, error)

    def _report(self, row: Row, error: ValidationError) -> None:
        """The model's messages on the row, each under the column of its field (or the row as a whole)."""
        column_of = {name: column for column, name in self.fields.items()}
        for name, messages in error.message_dict.items():
            column = "" if name == NON_FIELD_ERRORS else column_of.get(name, "")
            for message in messages:
                row.error(message, column)

    @abstractmethod
    def save(self, instances: list) -> None:
        """Save every instance through the app's service (inside the pipeline's transaction)."""


def run_import(importer: Importer, *, upload) -> int:
    """Read, check every row, and save all of them or none; returns how many rows were imported."""
    rows = read_table(upload)
    check_header(rows, importer.columns)
    errors: list[RowError] = []
    built: list[tuple[int, object]] = []
    seen: dict = {}
    importer.prepare()
    for number, cells in rows[1:]:
        row = Row(number, dict(zip(importer.columns, list(cells) + [None] * len(importer.columns), strict=False)))
        if len(cells) > len(importer.columns) and any(c not in (None, "") for c in cells[len(importer.columns) :]):
            row.error(f"la riga ha più colonne delle {len(importer.columns)} dell'intestazione.")
        for column, value in row.cells.items():
            problem = _cell_problem(value)
            if problem:
                row.error(problem, column)
                row.cells[column] = None
        instance = importer.build(row)
        if instance is not None:
            importer.validate(row, instance)
            key = importer.key(instance)
            if key is not None and not row.errors:
                if key in seen:
                    row.error(f"riga ripetuta: {importer.key_description} della riga {seen[key]}.")
                seen.setdefault(key, number)
        if row.errors:
            errors.extend(row.errors)
        else:
            built.append((number, instance))
    if errors:
        raise ImportFailed(errors)
    try:
        with transaction.atomic():
            importer.save([instance for _, instance in built])
    except DatabaseError as error:  # a rule the checks above missed, or a concurrent change: nothing is saved
        raise file_failure(
            "il database ha rifiutato i dati; non è stato importato nulla. Riprovare o contattare "
            "l'amministratore di sistema."
        ) from error
    return len(built)
