"""`eventcoder query`: read-only SQL over the store for analysts who know what they want.

Two guards, either of which alone would do: the store is opened read-only, and only a single SELECT statement
(which in DuckDB includes WITH, DESCRIBE, SHOW and SUMMARIZE) is accepted, so the refusal names the problem
instead of surfacing a DuckDB permission error.
"""

from __future__ import annotations

import duckdb

from ..errors import EventcoderError
from .duckdb import Store
from .stats import Table


class QueryError(EventcoderError):
    """The SQL given to `query` is not a single read-only SELECT statement, or it fails."""


def check_select(store: Store, sql: str) -> None:
    """Refuse anything but one SELECT/WITH statement."""
    try:
        statements = store.con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(f"bad SQL: {str(exc).strip().splitlines()[0]}") from None
    if len(statements) != 1:
        raise QueryError(f"give exactly one SELECT statement (got {len(statements)})")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise QueryError(f"query is read-only: only SELECT/WITH statements are allowed, not {kind.name}")


def run_query(store: Store, sql: str) -> Table:
    """Run one read-only statement and return its result as a table."""
    check_select(store, sql)
    try:
        cur = store.con.execute(sql)
        columns = [d[0] for d in cur.description]
        return Table("", columns, cur.fetchall())
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {str(exc).strip().splitlines()[0]}") from None
