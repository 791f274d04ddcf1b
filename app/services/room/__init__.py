"""A room of benches on one PostgreSQL: one Ozon rate budget per account (``budget``) and one sync
leader per account (``leader``). ``app.bench`` opens them when the cache is shared; a single bench
on SQLite needs neither (its limiter is in-process, its sync leads itself)."""
