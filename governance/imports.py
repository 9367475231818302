"""The one import pipeline: every importer of the programme (plan lines, expenses, later donations…) runs on it.

A file goes through the same steps whatever it holds:
1. size and row limits (`MAX_IMPORT_BYTES`, `MAX_IMPORT_ROWS`; an XLSX is refused if it unpacks to too much);
2. reading: XLSX, or CSV in Italian Excel's dialect (`;`, or `,`), UTF-8 with or without BOM, or Windows-1252
   only where that reading is unambiguous (no control characters); anything else gets a clear Italian message;
3. the header, compared exactly with the importer's columns (a missing or renamed column is named);
4. every row: cells parsed into Python values (`Row.amount`, `Row.date`, `Row.choice`, `Row.text`), the model
   instance built by the importer and checked by the model's own validators (`full_clean`: field lengths, choices,
   `max_digits`, constraints, `clean()`), so no rule is written twice; long text is refused, never cut;
5. all or nothing: any bad row → `ImportFailed` with every row's errors ("Riga 7, colonna «importo»: …") and
   nothing written; otherwise the importer saves everything inside one transaction.

An importer subclasses `Importer` (see `governance/budget/importers.py`); views call `run_import` and show
`ImportFailed.errors`. No input answers 500: every failure of the reading and parsing layer is turned into a message.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import ParseError

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .money import CENT, MONEY_MAX, format_eur

MAX_IMPORT_BYTES = 5 * 1024 * 1024  # 5 MB: tens of thousands of rows
MAX_IMPORT_ROWS = 20_000
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024  # an XLSX unpacking to more than this is refused unread
MAX_CELL_CHARS = 10_000  # no column of ours is longer; a longer cell is refused before it reaches a model
ALLOWED_IMPORT_EXTENSIONS = ("csv", "xlsx")

# Control characters other than tab, newline and carriage return: never in a text file of ours.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


@dataclass(frozen=True)
class RowError:
    """One problem of the file: its line (0: the file as a whole), the column if known, the Italian message."""

    line: int
    message: str
    column: str = ""

    def __post_init__(self):
        object.__setattr__(self, "message", self.message[:1].upper() + self.message[1:])

    def __str__(self):
        where = f"Riga {self.line}" if self.line else "File"
        if self.column:
            where += f", colonna «{self.column}»"
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    """The file imports nothing; `errors` lists every problem found (sorted by line)."""

    def __init__(self, errors: Iterable[RowError]):
        self.errors = sorted(errors, key=lambda e: (e.line, e.column))
        super().__init__("; ".join(str(e) for e in self.errors[:5]))


def _fail(message: str, line: int = 0) -> ImportFailed:
    return ImportFailed([RowError(line, message)])


# --- Reading the file -----------------------------------------------------------------------------------------


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM); else Windows-1252 if it decodes to plain text; else a clear refusal."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            text = None
    if text is None or CONTROL.search(text):
        raise _fail(
            "il file non è un CSV di testo leggibile (codifica non riconosciuta o caratteri non ammessi). "
            "Da Excel salvarlo come «CSV UTF-8 (delimitato da virgole)» oppure caricare un file .xlsx."
        )
    return text


def _csv_rows(raw: bytes) -> list[tuple[int, list]]:
    text = decode_text(raw)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for cells in reader:
            rows.append((reader.line_num, cells))
            if len(rows) > MAX_IMPORT_ROWS + 1:
                break
    except csv.Error as error:
        raise _fail(
            f"il CSV non è leggibile ({'un campo è troppo lungo' if 'field larger' in str(error) else error}).",
            line=reader.line_num,
        ) from error
    return rows


def _xlsx_rows(upload) -> list[tuple[int, list]]:
    try:
        with zipfile.ZipFile(upload) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _fail("il file non è un XLSX leggibile.") from error
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise _fail("il file XLSX è troppo grande una volta decompresso.")
    upload.seek(0)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = []
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                rows.append((number, list(cells)))
                if len(rows) > MAX_IMPORT_ROWS + 1:
                    break
        finally:
            workbook.close()
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        ParseError,  # malformed XML inside the archive
        KeyError,
        ValueError,
        TypeError,
        IndexError,
        OSError,
    ) as error:
        raise _fail("il file non è un XLSX leggibile.") from error
    return rows


def read_table(upload) -> list[tuple[int, list]]:
    """(line number in the file, cells) of every non-empty row, the header first."""
    name = (getattr(upload, "name", "") or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extension not in ALLOWED_IMPORT_EXTENSIONS:
        raise _fail("caricare un file .xlsx o .csv (si può partire dal modello scaricabile).")
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_IMPORT_BYTES:
        raise _fail(f"il file supera il limite di {MAX_IMPORT_BYTES // (1024 * 1024)} MB: dividerlo in più file.")
    upload.seek(0)
    if extension == "xlsx":
        rows = _xlsx_rows(upload)
    else:
        raw = upload.read(MAX_IMPORT_BYTES + 1)
        if len(raw) > MAX_IMPORT_BYTES:
            raise _fail(f"il file supera il limite di {MAX_IMPORT_BYTES // (1024 * 1024)} MB: dividerlo in più file.")
        rows = _csv_rows(raw)
    rows = [(n, cells) for n, cells in rows if any(c is not None and str(c).strip() != "" for c in cells)]
    if not rows:
        raise _fail("il file è vuoto.")
    if len(rows) > MAX_IMPORT_ROWS + 1:
        raise _fail(f"il file ha più di {MAX_IMPORT_ROWS} righe: dividerlo in più file.")
    return rows


def check_header(rows, expected: list[str]) -> None:
    """The first row must carry exactly the expected columns, in order; the message names what differs."""
    number, cells = rows[0]
    found = [str(c if c is not None else "").strip().lower().lstrip("\ufeff") for c in cells]
    while found and not found[-1]:
        found.pop()
    if found == expected:
        return
    missing = [c for c in expected if c not in found]
    unknown = [c for c in found if c not in expected]
    details = []
    if missing:
        details.append("mancano le colonne «" + "», «".join(missing) + "»")
    if unknown:
        details.append("colonne non riconosciute «" + "», «".join(c[:40] for c in unknown[:10]) + "»")
    if not details:
        details.append("le colonne sono in un ordine diverso")
    raise ImportFailed(
        [
            RowError(
                number,
                "intestazione non valida: "
                + "; ".join(details)
                + ". Attese, in quest'ordine: «"
                + ";".join(expected)
                + "». Scaricare il modello.",
            )
        ]
    )


# --- Parsing cells --------------------------------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot be read; the message is Italian and names neither row nor column (RowError does)."""


def parse_amount(value, *, allow_zero: bool = False, required: bool = True) -> Decimal | None:
    """ "1.234,56", "1234,56", "1234.56", "1.234" or an XLSX number → Decimal in euros with two decimals.

    Refuses non-numbers, NaN and infinities, more than two decimals, negative (or zero) amounts and amounts above
    what the database stores (`MONEY_MAX`), each with an Italian message.
    """
    if value is None or (isinstance(value, str) and value.strip() == ""):
        if not required:
            return None
        if allow_zero:
            return Decimal("0.00")
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
    if amount < 0 or (amount == 0 and not allow_zero):
        raise CellError(f"l'importo deve essere maggiore di zero («{shown}»).")
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


# --- Rows -----------------------------------------------------------------------------------------------------


@dataclass
class Row:
    """One row of the file: its line number, its cells by column, and the problems found so far."""

    line: int
    cells: dict
    errors: list[RowError] = field(default_factory=list)

    def error(self, message: str, column: str = "") -> None:
        self.errors.append(RowError(self.line, message, column))

    def _read(self, column: str, parser, *args, **kwargs):
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


# --- The importer ---------------------------------------------------------------------------------------------


class Importer:
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

    def prepare(self) -> None:
        """Load what every row needs (codes of the reference data) once."""

    def build(self, row: Row):
        raise NotImplementedError

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

    def save(self, instances: list) -> None:
        raise NotImplementedError


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
        raise _fail(
            "il database ha rifiutato i dati; non è stato importato nulla. Riprovare o contattare "
            "l'amministratore di sistema."
        ) from error
    return len(built)
