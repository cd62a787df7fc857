"""The store as a sink of `eventcoder code --db`: every coded article and every failure, as they come.

Unlike the file writers, which take events, the store keeps whole documents (text, sentences, actors, places,
dates, quotes) so the review page can show each event in its article. An article the store refuses (a
constraint the coder broke, such as a repeated event id) becomes a failure record instead of ending the run.
"""

from __future__ import annotations

import os

from ..document import Document
from ..errors import StoreError
from ..reading.failures import Failure
from .duckdb import Store


class StoreSink:
    """Opens (creating if needed) the store for a corpus run; `keep` each result, then `close`."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.store = Store.open(path)

    def keep(self, result: Document | Failure) -> str | None:
        """Store a coded article (one transaction) or a failure; returns why an article could not be stored."""
        if isinstance(result, Failure):
            self.store.record_failure(result.id, result.reason, result.source)
            return None
        try:
            self.store.write_document(result)
        except StoreError as exc:
            self.store.record_failure(result.doc.id, str(exc))
            return str(exc)
        return None

    def close(self) -> None:
        self.store.close()
