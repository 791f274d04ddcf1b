"""Alembic migrations of the cache schema (run by ``app.store.migrate``)."""
