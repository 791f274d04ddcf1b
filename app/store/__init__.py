"""The local cache: SQLAlchemy tables, migrations, the writer lane and the repository functions.

Open it with :func:`open_database`; read in ``with db.read() as session:``; write with
``db.call(fn, ...)`` / ``db.submit(fn, ...)`` where ``fn(session, ...)`` uses the functions of
``postings``, ``products``, ``outbox``, ``events``, ``sync_state`` and ``reference``.
"""
from app.store.db import Database, default_sqlite_url, open_database

__all__ = ["Database", "default_sqlite_url", "open_database"]
