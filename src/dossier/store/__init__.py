"""The store: a DuckDB file, one writer, one transaction per input document."""

from dossier.store.db import Store

__all__ = ["Store"]
