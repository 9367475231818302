"""Set-based bulk inserts for the scale benchmark: `INSERT … SELECT` over a number series, in the database.

    insert_series(Patto, 100_000, {"id": f"{base} + g", "district_id": pick([1, 2, 3]),
                                   "opened_on": day(start, "g % 900")})

Each column is an SQL expression of the series number `g` (1…count) or of the columns of a `source` query. Columns
left out take the model field's literal default (callables such as `timezone.now` become CURRENT_TIMESTAMP, a
blank text field becomes ''), or rotate through the field's choices; a required column with neither raises. On
PostgreSQL the series is `generate_series`, elsewhere (SQLite, for the smoke test) a recursive CTE. Values are
rendered as SQL literals from our own code (numbers, dates, fixed labels): nothing typed by a user reaches here.
Synthetic rows skip the audit trail on purpose; never run this on a real database.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import NOT_PROVIDED
from django.utils import timezone

TEXT_FIELDS = (models.CharField, models.TextField, models.FileField)


def postgres() -> bool:
    return connection.vendor == "postgresql"


def lit(value) -> str:
    """An SQL literal for a value our own code chose."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return f"'{value.isoformat()}'"
    if isinstance(value, dt.date):
        return f"DATE '{value.isoformat()}'" if postgres() else f"'{value.isoformat()}'"
    text = str(value).replace("'", "''")
    return f"'{text}'"


def pick(values, index: str = "g") -> str:
    """The value at position `index` modulo len(values) (a CASE expression: a deterministic spread)."""
    values = list(values)
    if len(values) == 1:
        return lit(values[0])
    cases = " ".join(f"WHEN {i} THEN {lit(v)}" for i, v in enumerate(values))
    return f"(CASE ({index}) % {len(values)} {cases} END)"


def choose(sqls, index: str = "g") -> str:
    """Like `pick`, for SQL expressions (columns that must agree with each other use the same index)."""
    sqls = list(sqls)
    cases = " ".join(f"WHEN {i} THEN {sql}" for i, sql in enumerate(sqls))
    return f"(CASE ({index}) % {len(sqls)} {cases} END)"


def add_days(date_sql: str, days_sql: str) -> str:
    """`date_sql` + `days_sql` days, as a date."""
    if postgres():
        return f"(({date_sql}) + ({days_sql})::integer)"
    return f"date({date_sql}, '+' || ({days_sql}) || ' days')"


def day(start: dt.date, days_sql: str) -> str:
    """The date `days_sql` days after `start`."""
    return add_days(lit(start), days_sql)


def series(count: int) -> str:
    """A FROM item with one row per g = 1…count."""
    if postgres():
        return f"generate_series(1, {int(count)}) AS s(g)"
    return (
        f"(WITH RECURSIVE r(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM r WHERE g < {int(count)}) SELECT g FROM r) AS s"  # noqa: S608
    )


def default_sql(field) -> str | None:
    """The SQL of the value a row gets when the generator does not name the column (None: required)."""
    if field.default is not NOT_PROVIDED:
        default = field.default
        if default is timezone.now:
            return "CURRENT_TIMESTAMP"
        if callable(default):
            default = default()
        if isinstance(default, dict | list):
            return lit("{}" if isinstance(default, dict) else "[]")
        return lit(default)
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return "CURRENT_TIMESTAMP"
    if field.null:
        return None
    if field.choices:
        return pick([value for value, _ in field.flatchoices])
    if isinstance(field, TEXT_FIELDS) and field.blank:
        return "''"
    raise ValueError(f"{field.model.__name__}.{field.name}: give a value (required, no default)")


def insert_select(model, columns: dict[str, str], source: str, *, where: str = "") -> int:
    """INSERT INTO model's table the rows of `SELECT columns FROM source [WHERE where]`; returns the row count."""
    exprs = dict(columns)
    for field in model._meta.concrete_fields:
        if field.column in exprs or field.primary_key:
            continue
        sql = default_sql(field)
        if sql is not None:
            exprs[field.column] = sql
    table = model._meta.db_table
    names = ", ".join(exprs)
    values = ", ".join(exprs.values())
    sql = f"INSERT INTO {table} ({names}) SELECT {values} FROM {source}"  # noqa: S608 - our own SQL, no input
    sql += f" WHERE {where}" if where else ""
    with connection.cursor() as cursor:
        cursor.execute(sql)
        count = cursor.rowcount
    if "id" in columns:
        reset_sequences(model)
    return count


def insert_series(model, count: int, columns: dict[str, str]) -> int:
    """`count` rows into model's table; `columns` are SQL expressions of g = 1…count."""
    if count <= 0:
        return 0
    return insert_select(model, columns, series(count))


def next_id(model) -> int:
    """The largest primary key of the table (0 when empty): new rows take ids above it, given explicitly."""
    return model._default_manager.aggregate(m=models.Max("pk"))["m"] or 0


def reset_sequences(*models_) -> None:
    """Move the id sequences past rows inserted with explicit ids (a no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def analyze(*models_) -> None:
    """Fresh planner statistics after a bulk load, and on PostgreSQL outside a transaction the visibility map too
    (VACUUM: index-only scans); inside one (a test) ANALYZE alone."""
    vacuum = postgres() and not connection.in_atomic_block
    with connection.cursor() as cursor:
        for model in models_:
            table = model._meta.db_table
            cursor.execute(f"VACUUM ANALYZE {table}" if vacuum else f"ANALYZE {table}")
