"""The ledger store: analysed articles, runs and input errors in one SQLite file.

Open it with ``Ledger.open(path)``; it is created and upgraded to the current schema on
open. See :mod:`corroborate.store.ledger` for the guarantees (one transaction per
article, idempotent saves, WAL) and :mod:`corroborate.store.schema` for the tables.
"""

from corroborate.store.ledger import Ledger, RunRecord, RunStatus
from corroborate.store.schema import latest_version

__all__ = ["Ledger", "RunRecord", "RunStatus", "latest_version"]
