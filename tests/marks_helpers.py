"""A bench with marked postings for the marking-code tests: the simulator on a fake clock, its
first sync pulled, a station to pack with, and the codes the simulated registry issued."""
from __future__ import annotations

import pytest

from app.services.station import Station
from app.sim.ozon.marks import sample_mark
from app.store import marks as store_marks
from app.store import outbox as store_outbox
from sync_helpers import Bench, make_bench


class MarkBench:
    def __init__(self, bench: Bench):
        self.b = bench
        self.engine = bench.engine()
        self.engine.print_labels = lambda: None
        self.station = Station(bench.db, "bench-1", now=bench.now)
        self._issued: dict[int, int] = {}

    @property
    def world(self):
        return self.b.sim.world

    def marked(self, count: int = 1, *, units: int = 1) -> list[str]:
        """Packable postings with at least ``units`` marked units."""
        found = []
        for number in self.world.posting_numbers("awaiting_packaging"):
            posting = self.world.peek(number)
            if sum(x.quantity for x in posting.lines if self.world.needs_mark[x.sku]) >= units:
                found.append(number)
                if len(found) == count:
                    return found
        raise AssertionError("the seed has too few marked postings")

    def code(self, sku: int) -> str:
        """A new code the registry issued for the product ``sku``."""
        self._issued[sku] = self._issued.get(sku, 0) + 1
        return sample_mark(self.world.product_by_sku[sku].barcodes[0], self._issued[sku])

    def scans(self, number: str, replace: dict[int, str] | None = None) -> list[str]:
        """What the packer scans for a posting: its number, then each unit (a code when it needs one).
        ``replace``: the n-th marked unit (0-based) gets this code instead."""
        posting, out, n = self.world.peek(number), [number], 0
        for line in posting.lines:
            product = self.world.product_by_sku[line.sku]
            for _ in range(line.quantity):
                if self.world.needs_mark[line.sku]:
                    out.append((replace or {}).get(n) or self.code(line.sku))
                    n += 1
                else:
                    out.append(product.barcodes[0])
        return out

    def pack(self, number: str, replace: dict[int, str] | None = None) -> list:
        results = [self.station.scan(code) for code in self.scans(number, replace)]
        results.append(self.station.weigh(self.station.expected_weight_g(number)))
        return results

    def codes_of(self, number: str) -> list[str]:
        with self.b.db.read() as session:
            return [u.mark for u in store_marks.units_of(session, number) if u.mark]

    def record(self, number: str):
        with self.b.db.read() as session:
            row = store_marks.get(session, number)
            return None if row is None else {c.name: getattr(row, c.name) for c in row.__table__.columns}

    def commands(self, number: str, kind: str | None = None) -> list[dict]:
        with self.b.db.read() as session:
            return [{"id": c.id, "kind": c.kind, "state": c.state, "last_error": c.last_error,
                     "result": dict(c.result or {})}
                    for c in store_outbox.for_posting(session, number) if kind in (None, c.kind)]

    def passes(self, count: int = 1, advance_s: float = 2.0) -> None:
        for _ in range(count):
            self.engine.run_pass()
            self.b.clock.advance(advance_s)

    def ozon_status(self, number: str) -> str:
        return self.world.peek(number).status


@pytest.fixture
def mb(tmp_path):
    bench = make_bench(tmp_path, postings=60, seed=11, ship_delay_s=0.0)
    mark_bench = MarkBench(bench)
    mark_bench.engine.run_pass()  # postings and products in the cache
    yield mark_bench
    bench.client.close()
    bench.db.close()
    bench.sim.close()
