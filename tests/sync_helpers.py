"""A bench for sync tests: the simulator on a fake clock, a SQLite cache, a client, an engine."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest

from app.config import Config, with_overrides
from app.services.ozon.client import OzonClient
from app.services.sync.engine import SyncEngine
from app.sim.ozon import OzonSimulator, WorldConfig
from app.store import lookups
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store.db import Database, open_database
from ozon_client_helpers import FakeTime
from sim_helpers import FakeClock


@dataclass
class Bench:
    sim: OzonSimulator
    clock: FakeClock
    db: Database
    client: OzonClient
    config: Config
    data_dir: Path

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), timezone.utc).replace(tzinfo=None)

    def engine(self, client: OzonClient | None = None) -> SyncEngine:
        return SyncEngine(client or self.client, self.db, self.config, now=self.now)

    def posting(self, number: str):
        with self.db.read() as session:
            row = lookups.get_posting(session, number)
            return None if row is None else {"status": row.status, "local_state": row.local_state,
                                             "problem": row.problem, "items": len(row.items)}

    def queue_ship(self, number: str, packages=None) -> int:
        """What the station does when a posting is packed: one ship command in the outbox."""
        world_posting = self.sim.world.peek(number)
        if packages is None:
            packages = [[[line.sku, line.quantity] for line in world_posting.lines]]

        def write(session):
            row = store_outbox.enqueue(session, kind="ship", posting_number=number, payload={"packages": packages},
                                       dedupe_key=f"ship:{number}", station="bench-1", now=self.now())
            store_postings.set_local_state(session, [number], "packed")
            return row.id

        return self.db.writer.call(write)

    def command(self, command_id: int):
        with self.db.read() as session:
            row = store_outbox.get(session, command_id)
            return {"state": row.state, "last_error": row.last_error, "attempts": row.attempts,
                    "result": dict(row.result or {})}

    def packable(self) -> list[str]:
        """Postings a ship goes out for at once: awaiting packaging, no ship under way, no product that
        needs marking codes (those ship after Ozon accepted them: test_marks_flow)."""
        world = self.sim.world
        return [n for n in world.posting_numbers("awaiting_packaging") if world.peek(n).substatus != "ship_in_process"
                and not any(world.needs_mark[x.sku] for x in world.peek(n).lines)]


def make_bench(tmp_path: Path, *, postings: int = 30, seed: int = 3, ship_delay_s: float = 0.0,
               rps: float = 200.0, partner_share: float = 0.0) -> Bench:
    clock = FakeClock()
    sim = OzonSimulator(WorldConfig(postings=postings, seed=seed, ship_delay_s=ship_delay_s, label_delay_s=0.0,
                                    partner_share=partner_share), clock=clock)
    sim.start()
    db = open_database(f"sqlite:///{tmp_path / 'packdesk.db'}")
    pacing = FakeTime()  # the client's waits (rate limit, retry-after, backoff) pass in simulated time
    client = OzonClient(sim.base_url, "100000", "demo-key", rps=rps, sleep=pacing.sleep, clock=pacing.clock)
    config = with_overrides(Config(data_dir=tmp_path), ozon={"base_url": sim.base_url, "client_id": "100000"})
    return Bench(sim, clock, db, client, config, tmp_path)


@pytest.fixture
def bench(tmp_path):
    b = make_bench(tmp_path)
    yield b
    b.client.close()
    b.db.close()
    b.sim.close()
