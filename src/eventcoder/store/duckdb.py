"""The event store: one DuckDB file holding coded articles, their annotations, events, failures and reviews.

Why DuckDB: one embedded file, no server, columnar scans that make `stats` over millions of events fast, and
Parquet/Arrow at hand for exports. Each article is written in ONE transaction that first deletes whatever an
earlier run stored for the same id or the same text, so re-coding is idempotent and a killed run leaves every
article either fully in or fully out (DuckDB's write-ahead log replays only committed transactions).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb

from ..document import Document
from ..errors import StoreError
from .rows import DOCUMENT_COLUMNS, annotation_rows, content_hash, document_row

DEFAULT_DB = "eventcoder.duckdb"
SCHEMA_VERSION = "1"
DOC_TABLES: tuple[str, ...] = ("sentences", "actors", "actor_mentions", "places", "place_mentions", "dates",
                               "quotes", "events")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def coder_version() -> str:
    """The version recorded with each coded article."""
    from .. import __version__

    return __version__


class Store:
    """An open store. Use `Store.open(path)` (as a context manager) rather than the constructor."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # -- opening -------------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] = DEFAULT_DB, *, read_only: bool = False,
             create: bool = True) -> Store:
        """Open the store at `path`, creating it when missing unless read_only or create=False.

        Raises StoreError for a missing store opened read-only, a file that is not a DuckDB database, a DuckDB
        file that is not an eventcoder store, and a store locked by another writing process.
        """
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"store path is a directory: {path}")
        if (read_only or not create) and not path.exists():
            raise StoreError(f"no such store: {path} (create it with: eventcoder code INPUT... --db {path})")
        if not read_only and not path.parent.exists():
            raise StoreError(f"no such directory for the store: {path.parent}")
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            message = _first_line(exc)
            if "lock" in message.lower():
                raise StoreError(f"store is in use by another process: {path}") from None
            if "different configuration" in message:
                raise StoreError(f"store is already open in this process in another mode: {path}") from None
            raise StoreError(f"not a readable eventcoder store: {path} ({message})") from None
        store = cls(con, path, read_only)
        try:
            store._check_schema()
        except BaseException:
            con.close()
            raise
        return store

    def _check_schema(self) -> None:
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if "store_meta" not in tables:
            if self.read_only or tables:
                raise StoreError(f"not an eventcoder store: {self.path} (it has no store_meta table)")
            self.con.execute("BEGIN TRANSACTION")  # a store is created whole or not at all
            self.con.execute((files(__package__) / "schema.sql").read_text(encoding="utf-8"))
            self.con.execute("INSERT INTO store_meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            self.con.execute("COMMIT")
            return
        rows = self.con.execute("SELECT value FROM store_meta WHERE key = 'schema_version'").fetchall()
        row = rows[0] if rows else None
        if row is None or row[0] != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise StoreError(f"store {self.path} has schema version {found}; this eventcoder reads {SCHEMA_VERSION}")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a parameterised query and return its rows as dicts."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (None when there is none)."""
        rows = self.con.execute(sql, list(params)).fetchall()  # fetch all: DuckDB 2 refuses work past a half-read result
        return rows[0][0] if rows else None

    # -- writing -------------------------------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store opened read-only: {self.path}")

    def write_document(self, doc: Document, *, version: str | None = None) -> None:
        """Store one coded article in one transaction, replacing any earlier coding of the same id or text."""
        self._writable()
        version = version or coder_version()
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            old = [r[0] for r in con.execute("SELECT id FROM documents WHERE id = ? OR content_hash = ?",
                                             [doc.doc.id, content_hash(doc.text)]).fetchall()]
            for old_id in old:  # every table is written with documents, so no document row means no rows
                for table in (*DOC_TABLES, "documents"):
                    con.execute(f"DELETE FROM {table} WHERE {'id' if table == 'documents' else 'doc_id'} = ?",
                                [old_id])
            con.execute("DELETE FROM failures WHERE id = ?", [doc.doc.id])
            self._insert(con, "documents", DOCUMENT_COLUMNS, [document_row(doc, version, _now())])
            for table, columns, rows in annotation_rows(doc):
                self._insert(con, table, columns, rows)
            con.execute("COMMIT")
        except BaseException as exc:
            with suppress(duckdb.TransactionException):  # a failed COMMIT has already rolled back
                con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"cannot store article {doc.doc.id}: {_first_line(exc)}") from None
            raise

    @staticmethod
    def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str],
                rows: list[tuple[Any, ...]]) -> None:
        """All of an article's rows for one table in one statement, one list parameter per column, unnested
        side by side: a few parameters to bind instead of one per value (executemany, multi-row VALUES) and no
        Arrow view to register; measured the cheapest per article."""
        if not rows:
            return
        unnested = ", ".join(f"unnest(?) AS {c}" for c in columns)
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {unnested}",
                    [[row[i] for row in rows] for i in range(len(columns))])

    def write_documents(self, docs: Iterable[Document], *, version: str | None = None) -> int:
        """Store each article in its own transaction; returns how many were written."""
        n = 0
        for doc in docs:
            self.write_document(doc, version=version)
            n += 1
        return n

    def record_failure(self, doc_id: str, reason: str, source: str | None = None) -> None:
        """Keep a skip record for an article that could not be coded (it never silently vanishes)."""
        self._writable()
        self.con.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?)", [doc_id, reason, source, _now()])
