"""The bench's sync: the pass (outbox, postings, products, labels, printing), its thread, and in a
room the account's sync leader."""
from __future__ import annotations


def open_sync(bench, interval_s: float, wait_for_prints: bool) -> None:
    """The sync pass and its thread; labels print on the print thread, an order label queued by
    the station wakes the sync."""
    from app.services.sync.engine import SyncEngine, SyncService

    print_labels = None
    if bench.print_worker is not None:
        print_due = bench.print_worker.print_due
        print_labels = (lambda: print_due().result()) if wait_for_prints else print_due
    if bench.clients:  # several Ozon accounts
        from app.bench.accounts import account_engine

        bench.engine = account_engine(bench, print_labels)
        bench.leader = bench.engine.leader
    else:
        bench.leader = sync_leader(bench)
        bench.engine = SyncEngine(bench.client, bench.db, bench.config, print_labels=print_labels,
                                  leader=bench.leader)
    bench.service = SyncService(bench.engine, interval_s=interval_s)
    if bench.leader is not None:
        bench.leader.on_wake = bench.service.wake  # elected, or a follower's posting waits to ship
        bench.leader.start()
    if bench.station is not None:
        wake = bench.service.wake
        bench.station.on_order_label = lambda number: wake()  # order_label = "on_pack": print it soon
    if bench.router is not None and "handover" in bench.router.modes:
        bench.router.modes["handover"].on_close = bench.service.wake  # a closed hand-over goes to Ozon now
    if bench.router is not None and "return" in bench.router.modes:
        refresh = bench.router.modes["return"].refresh  # the barcodes of the returns a scan opens
        bench.engine.after_stage.setdefault("returns", []).append(refresh)  # as soon as their stage wrote them
        bench.engine.after_pass.append(refresh)  # and those another bench's sync brought (a room)


def sync_leader(bench):
    """In a shared database: who leads the account's sync (this bench or another); None: one bench."""
    from app.store.room import shared

    if not shared(bench.db.dialect):
        return None
    from app.services.room.budget import account_key
    from app.services.room.leader import SyncLeader

    config = bench.config
    return SyncLeader(bench.db, account_key(config.ozon.base_url, config.ozon.client_id), config.station.name)
