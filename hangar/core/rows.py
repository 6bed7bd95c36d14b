"""Updates of many rows at once."""

from __future__ import annotations

from django.db import connections, router


def update_rows(model, fields: list[str], rows: list) -> None:
    """Store ``fields`` of these ``model`` instances: one UPDATE statement, executed for every
    row. Django's ``bulk_update`` builds a CASE expression per field and row, which takes
    seconds for the ten thousand launches one early launch renumbers (or the statistics of a
    whole catalog of spacecraft); this takes milliseconds, on SQLite and PostgreSQL alike."""
    if not rows:
        return
    if not fields:
        raise ValueError("update_rows: no fields to store")
    connection = connections[router.db_for_write(model)]
    meta, quote = model._meta, connection.ops.quote_name
    columns = [meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{quote(column.column)} = %s" for column in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"
    params = [
        [column.get_db_prep_save(getattr(row, column.attname), connection) for column in columns]
        + [meta.pk.get_db_prep_value(row.pk, connection)]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
