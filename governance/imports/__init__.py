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

from .cells import CellError, parse_amount, parse_choice, parse_date, parse_text
from .errors import ImportFailed, RowError
from .pipeline import Importer, Row, run_import
from .reading import (
    ALLOWED_IMPORT_EXTENSIONS,
    MAX_CELL_CHARS,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    MAX_XLSX_UNPACKED_BYTES,
    check_header,
    decode_text,
    read_table,
)

__all__ = [
    "ALLOWED_IMPORT_EXTENSIONS",
    "MAX_CELL_CHARS",
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_ROWS",
    "MAX_XLSX_UNPACKED_BYTES",
    "CellError",
    "ImportFailed",
    "Importer",
    "Row",
    "RowError",
    "check_header",
    "decode_text",
    "parse_amount",
    "parse_choice",
    "parse_date",
    "parse_text",
    "read_table",
    "run_import",
]
