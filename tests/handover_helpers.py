"""A bench for hand-over tests: the simulator (real clock: the bench's days are today's), a bench
assembled as the window's (``open_bench``: router, station, hand-over mode, sync engine not
started), parcels shipped on Ozon's side and pulled in, and small readers of the cache."""
from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.bench import Bench, open_bench
from app.config import Config, with_overrides
from app.sim.ozon import OzonSimulator, WorldConfig
from app.store import handovers as store
from app.store import lookups
from app.store import outbox as store_outbox
from app.store.models import OutboxRow

SUPERVISOR = "anna"


def bench_config(tmp_path: Path, base_url: str, **sections) -> Config:
    config = with_overrides(Config(), ozon={"base_url": base_url, "client_id": "100000"},
                            station={"name": "bench-1", "supervisors": [SUPERVISOR]}, **sections)
    return dataclasses.replace(config, data_dir=tmp_path, db_url="", source=str(tmp_path / "config.toml"))


@dataclass
class HandoverShop:
    sim: OzonSimulator
    bench: Bench
    tmp_path: Path

    @property
    def world(self):
        return self.sim.world

    @property
    def router(self):
        return self.bench.router

    @property
    def mode(self):
        return self.bench.router.modes["handover"]

    def scan(self, text: str):
        return self.router.scan(text)

    def codes(self, *texts: str) -> list[str]:
        return [self.scan(t).code for t in texts]

    def packable(self, integration: str = "ozon", method: int | None = None) -> list[str]:
        world = self.world
        return [n for n in world.posting_numbers("awaiting_packaging")
                if world.peek(n).method.tpl_integration_type == integration
                and (method is None or world.peek(n).method.id == method)
                and not world.exemplars.needs_exemplars(world.peek(n))]  # those ship after their codes

    def method_with(self, integration: str = "ozon", at_least: int = 5) -> int:
        """A delivery method of that kind with enough postings to pack (more orders come until one has)."""
        while True:
            counts: dict[int, int] = {}
            for number in self.packable(integration):
                method = self.world.peek(number).method.id
                counts[method] = counts.get(method, 0) + 1
            if counts and max(counts.values()) >= at_least:
                return max(counts, key=counts.get)
            self.world.add_postings(20)

    def ship(self, numbers: list[str], *, due_in_s: float = -60.0) -> list[str]:
        """Ship on Ozon's side, due ``due_in_s`` from now (default: a minute ago: due today), and pull
        them into the cache (local state ``shipped``: ready to hand over)."""
        for number in numbers:
            self.world.set_shipment_date(number, time.time() + due_in_s)
            posting = self.world.get(number)
            self.world.ship(number, [[(line.sku, line.quantity) for line in posting.lines]])
        self.world.settle()
        self.sync()
        return numbers

    def sync(self, *, due_now: bool = True):
        """One sync pass; with ``due_now`` the outbox's backoffs are over first (no waiting in tests)."""
        if due_now:
            from sqlalchemy import update

            self.bench.db.writer.call(lambda session: session.execute(update(OutboxRow).values(not_before=None)))
        return self.bench.engine.run_pass()

    def posting(self, number: str):
        with self.bench.db.read() as session:
            return lookups.get_posting(session, number)

    def handover(self, handover_id: int | None = None):
        with self.bench.db.read() as session:
            if handover_id is None:
                return store.recent(session, "bench-1", limit=1)[0]
            return store.get(session, handover_id)

    def commands(self, kind: str) -> list[OutboxRow]:
        from sqlalchemy import select

        with self.bench.db.read() as session:
            return list(session.scalars(select(OutboxRow).where(OutboxRow.kind == kind).order_by(OutboxRow.id)))

    def undrained(self) -> int:
        with self.bench.db.read() as session:
            return store.undrained(session) + store_outbox.open_count(session)


def make_shop(tmp_path: Path, *, postings: int = 80, seed: int = 11, parts=("ozon", "station", "sync"),
              sections: dict | None = None, **world) -> HandoverShop:
    sim = OzonSimulator(WorldConfig(postings=postings, seed=seed, ship_delay_s=0.0, label_delay_s=0.0,
                                    own_carrier_share=0.3, status_change_delay_s=0.2, mixed_statuses=False, **world))
    sim.start()
    return HandoverShop(sim, reopen(tmp_path, sim, parts, sections), tmp_path)


def reopen(tmp_path: Path, sim: OzonSimulator, parts=("ozon", "station", "sync"), sections: dict | None = None) -> Bench:
    """A bench on the same cache (a restart; ``parts`` without "ozon": offline)."""
    bench = open_bench(bench_config(tmp_path, sim.base_url, **(sections or {})), api_key="demo-key", parts=parts)
    bench.router.modes["handover"].close_wait_s = 0.0  # the tests run the outbox themselves
    return bench


@pytest.fixture
def shop(tmp_path):
    made = make_shop(tmp_path)
    yield made
    made.bench.close()
    made.sim.close()
