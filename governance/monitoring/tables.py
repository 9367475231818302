"""The report's tables as plain values, and the one way each value is shown (HTML, PDF) or exported (XLSX, JSON).

A `Table` holds rows of plain values; `units` says per column how a value reads: "text", "euro", "number",
"percent", "people" (a count of people or households: "< 3" below 3 without the identity permission), "date", or
"row" (the indicator's unit, given per row in `row_units`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..models import Unit
from ..money import format_eur
from ..results.selectors import format_quantity
from .reach import PeopleCost, PeopleCount, Withheld, people_cell

MISSING = "—"


@dataclass
class Table:
    key: str
    section: str
    title: str
    header: list[str]
    units: list[str]
    rows: list[list] = field(default_factory=list)
    row_units: list[str] = field(default_factory=list)
    note: str = ""
    label_columns: int = 1  # the leading columns that name a row (to match it against the frozen version)

    def unit_of(self, row_index: int, column: int) -> str:
        unit = self.units[column]
        return self.row_units[row_index] if unit == "row" else unit

    def row_label(self, row: list) -> str:
        return " · ".join(str(v) for v in row[: self.label_columns])


def display(value, unit: str, *, can_see_identity: bool) -> str:
    """How a cell reads on the page and in the PDF."""
    if value is None:
        return MISSING
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, PeopleCount | PeopleCost):
        shown = people_cell(value, can_see_identity=can_see_identity)
        if isinstance(shown, str):
            return shown
        return format_eur(shown) if isinstance(shown, PeopleCost) else format_quantity(shown, Unit.NUMBER)
    if unit == "euro":
        return format_eur(value)
    if unit == "percent":
        return format_quantity(value, Unit.PERCENTAGE)
    if unit in Unit.values:
        return format_quantity(value, unit)
    return format_quantity(value, Unit.NUMBER)


def export_value(value, unit: str, *, can_see_identity: bool):
    """The XLSX cell: euros as Decimal (euro format), other quantities as numbers, small people counts as "< 3"."""
    if isinstance(value, PeopleCount | PeopleCost):
        shown = people_cell(value, can_see_identity=can_see_identity)
        if isinstance(shown, str):
            return shown
        value = Decimal(shown) if isinstance(shown, PeopleCost) else int(shown)
    if value is None or isinstance(value, str | dt.date):
        return value
    if unit in ("euro", Unit.EURO):
        return Decimal(value).quantize(Decimal("0.01"))
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def encode(value):
    """A cell for the JSON snapshot (types kept: euros stay exact, people counts stay people counts, withheld counts
    and costs per person keep what hides them)."""
    if isinstance(value, PeopleCost):
        return {"decimal": str(value), "per_people": encode(value.count)}
    if isinstance(value, Withheld):
        return {"people": int(value), "withheld": True}
    if isinstance(value, PeopleCount):
        return {"people": int(value)}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    return value


def decode(value):
    if isinstance(value, dict):
        if "per_people" in value:
            return PeopleCost(value["decimal"], decode(value["per_people"]))
        if "people" in value:
            return (Withheld if value.get("withheld") else PeopleCount)(value["people"])
        if "decimal" in value:
            return Decimal(value["decimal"])
        if "date" in value:
            return dt.date.fromisoformat(value["date"])
    return value


def table_to_json(table: Table) -> dict:
    return {
        "key": table.key,
        "section": table.section,
        "title": table.title,
        "header": table.header,
        "units": table.units,
        "row_units": table.row_units,
        "note": table.note,
        "label_columns": table.label_columns,
        "rows": [[encode(v) for v in row] for row in table.rows],
    }


def table_from_json(data: dict) -> Table:
    return Table(
        key=data["key"],
        section=data["section"],
        title=data["title"],
        header=data["header"],
        units=data["units"],
        row_units=data["row_units"],
        note=data["note"],
        label_columns=data["label_columns"],
        rows=[[decode(v) for v in row] for row in data["rows"]],
    )


@dataclass(frozen=True)
class Difference:
    table: str
    row: str
    column: str
    sent: str
    now: str


def differences(sent: list[Table], current: list[Table], *, can_see_identity: bool) -> list[Difference]:
    """Every cell whose value changed since the report was sent, and rows that appeared or disappeared."""
    result = []
    current_by_key = {t.key: t for t in current}
    for old in sent:
        new = current_by_key.get(old.key)
        if new is None:
            continue
        new_rows = {new.row_label(r): (i, r) for i, r in enumerate(new.rows)}
        seen = set()
        for index, row in enumerate(old.rows):
            label = old.row_label(row)
            seen.add(label)
            if label not in new_rows:
                result.append(Difference(old.title, label, "", "presente", "non più presente"))
                continue
            new_index, new_row = new_rows[label]
            for column, (before, after) in enumerate(zip(row, new_row, strict=False)):
                if column < old.label_columns:
                    continue
                unit = old.unit_of(index, column)
                shown_before = display(before, unit, can_see_identity=can_see_identity)
                shown_after = display(after, new.unit_of(new_index, column), can_see_identity=can_see_identity)
                if shown_before != shown_after:
                    result.append(Difference(old.title, label, old.header[column], shown_before, shown_after))
        for label in new_rows:
            if label not in seen:
                result.append(Difference(old.title, label, "", "assente", "nuova riga"))
    return result
