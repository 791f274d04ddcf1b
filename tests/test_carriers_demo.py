"""The demo's carriers: the simulated world's own-carrier rFBS warehouse has one delivery method per
carrier, each mapped to its loopback fake, so both carriers are seen in ``packdesk demo``."""
import os

from app.config_carriers import CDEK, RUSSIAN_POST
from app.sim.carriers.demo import demo_carriers, own_methods
from app.sim.ozon.world import World, WorldConfig


def test_the_demo_world_has_one_own_carrier_method_per_carrier_each_mapped(monkeypatch):
    for key in ("PACKDESK_RUSSIAN_POST_TOKEN", "PACKDESK_RUSSIAN_POST_PASSWORD", "PACKDESK_CDEK_SECRET"):
        monkeypatch.delenv(key, raising=False)
    world = World(WorldConfig(postings=60, seed=7, own_carrier_share=0.15))
    methods = own_methods(world)
    assert len(methods[RUSSIAN_POST]) == 1 and len(methods[CDEK]) == 1
    by_id = {m.id: m for m in world.methods}
    assert by_id[methods[RUSSIAN_POST][0]].warehouse.is_rfbs and by_id[methods[CDEK][0]].warehouse.is_rfbs
    with demo_carriers(world) as settings:
        assert settings.for_method(methods[RUSSIAN_POST][0]).name == RUSSIAN_POST
        assert settings.for_method(methods[CDEK][0]).name == CDEK
        assert all(c.base_url.startswith("http://127.0.0.1:") for c in settings.carriers)
        assert os.environ["PACKDESK_CDEK_SECRET"]
