"""Simulator: many clients at once (ThreadingHTTPServer) see a consistent world."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from app.sim.ozon import OzonSimulator, WorldConfig
from sim_helpers import Api, FakeClock, ship_body, unmarked, window

UNFULFILLED = "/v4/posting/fbs/unfulfilled/list"


def test_parallel_ships_and_listings_neither_lose_nor_duplicate_anything():
    clock = FakeClock()
    with OzonSimulator(WorldConfig(postings=400, seed=8, mixed_statuses=False), clock=clock) as sim:
        to_ship = [sim.world.peek(n) for n in unmarked(sim.world, sim.world.posting_numbers("awaiting_packaging"))[:120]]

        def ship(chunk):
            client = Api(sim.base_url)
            try:
                return [client.json("/v4/posting/fbs/ship", ship_body(p))["result"] for p in chunk]
            finally:
                client.close()

        def list_all(_):
            client = Api(sim.base_url)
            try:
                numbers, cursor = [], ""
                while True:
                    page = client.json(UNFULFILLED, {"filter": window(), "limit": 37, "cursor": cursor})
                    numbers += [p["posting_number"] for p in page["postings"]]
                    if not page["has_next"]:
                        return numbers
                    cursor = page["cursor"]
            finally:
                client.close()

        with ThreadPoolExecutor(max_workers=8) as pool:
            shipped = pool.map(ship, [to_ship[i::4] for i in range(4)])
            listed = pool.map(list_all, range(4))
            shipped, listed = list(shipped), list(listed)
        assert sorted(n for chunk in shipped for (n,) in chunk) == sorted(p.posting_number for p in to_ship)
        for numbers in listed:
            assert sorted(numbers) == sorted(sim.world.posting_numbers())
        clock.advance(1)
        assert sim.world.posting_numbers("awaiting_deliver") == [
            n for n in sim.world.posting_numbers() if n in {p.posting_number for p in to_ship}]
        assert sim.stats.requests("/v4/posting/fbs/ship") == 120
