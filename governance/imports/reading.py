"""Reading an uploaded file into rows: limits, XLSX or CSV (Italian Excel), encodings, the header."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .errors import ImportFailed, RowError, file_failure

MAX_IMPORT_BYTES = 5 * 1024 * 1024  # 5 MB: tens of thousands of rows
MAX_IMPORT_ROWS = 20_000
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024  # an XLSX unpacking to more than this is refused unread
MAX_CELL_CHARS = 10_000  # no column of ours is longer; a longer cell is refused before it reaches a model
ALLOWED_IMPORT_EXTENSIONS = ("csv", "xlsx")

# Control characters other than tab, newline and carriage return: never in a text file of ours.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
        raise file_failure(
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
        raise file_failure(
            f"il CSV non è leggibile ({'un campo è troppo lungo' if 'field larger' in str(error) else error}).",
            line=reader.line_num,
        ) from error
    return rows


def _xlsx_rows(upload) -> list[tuple[int, list]]:
    try:
        with zipfile.ZipFile(upload) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise file_failure("il file non è un XLSX leggibile.") from error
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise file_failure("il file XLSX è troppo grande una volta decompresso.")
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
        raise file_failure("il file non è un XLSX leggibile.") from error
    return rows


TOO_LARGE = "il file supera il limite di dimensione per le importazioni (5 MB): dividerlo in più file."


def read_table(upload) -> list[tuple[int, list]]:
    """(line number in the file, cells) of every non-empty row, the header first."""
    name = (getattr(upload, "name", "") or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extension not in ALLOWED_IMPORT_EXTENSIONS:
        raise file_failure("caricare un file .xlsx o .csv (si può partire dal modello scaricabile).")
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_IMPORT_BYTES:
        raise file_failure(TOO_LARGE)
    upload.seek(0)
    if extension == "xlsx":
        rows = _xlsx_rows(upload)
    else:
        raw = upload.read(MAX_IMPORT_BYTES + 1)
        if len(raw) > MAX_IMPORT_BYTES:
            raise file_failure(TOO_LARGE)
        rows = _csv_rows(raw)
    rows = [(n, cells) for n, cells in rows if any(c is not None and str(c).strip() != "" for c in cells)]
    if not rows:
        raise file_failure("il file è vuoto.")
    if len(rows) > MAX_IMPORT_ROWS + 1:
        raise file_failure(f"il file ha più di {MAX_IMPORT_ROWS} righe: dividerlo in più file.")
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
