"""What an import reports: one `RowError` per problem, all of them in `ImportFailed`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


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


def file_failure(message: str, line: int = 0) -> ImportFailed:
    return ImportFailed([RowError(line, message)])
