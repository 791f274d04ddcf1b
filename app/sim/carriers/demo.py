"""The demo's carriers: both fakes on loopback, the simulated world's rFBS own-carrier delivery
methods mapped to them, their test credentials in this process's environment (never a file).

    with demo_carriers(sim.world) as settings:       # CarriersSettings for Config.carriers
        ...
"""
from __future__ import annotations

import contextlib
import os

from app.config_carriers import CDEK, RUSSIAN_POST, CarrierSettings, CarriersSettings
from app.sim.carriers import cdek as cdek_fake
from app.sim.carriers import russian_post as post_fake

_PROVIDERS = {RUSSIAN_POST: "почта", CDEK: "сдэк"}


def own_methods(world) -> dict[str, list[int]]:
    """The world's own-carrier (``non_integrated``) delivery methods by carrier."""
    found: dict[str, list[int]] = {RUSSIAN_POST: [], CDEK: []}
    for method in world.methods:
        if method.tpl_integration_type != "non_integrated":
            continue
        for carrier, word in _PROVIDERS.items():
            if word in method.provider_name.casefold():
                found[carrier].append(method.id)
    return found


@contextlib.contextmanager
def demo_carriers(world):
    methods = own_methods(world)
    with post_fake.RussianPostFake() as post, cdek_fake.CdekFake() as cdek:
        os.environ.setdefault("PACKDESK_RUSSIAN_POST_TOKEN", post_fake.TOKEN)
        os.environ.setdefault("PACKDESK_RUSSIAN_POST_PASSWORD", post_fake.PASSWORD)
        os.environ.setdefault("PACKDESK_CDEK_SECRET", cdek_fake.SECRET)
        yield CarriersSettings((
            CarrierSettings(RUSSIAN_POST, post.base_url, tuple(methods[RUSSIAN_POST]), post_fake.LOGIN,
                            {"mail_type": "ONLINE_PARCEL", "from_postcode": "101000",
                             "tracking_url": post.tracking_url}),
            CarrierSettings(CDEK, cdek.base_url, tuple(methods[CDEK]), cdek_fake.ACCOUNT,
                            {"tariff_code": 136, "shipment_point": "MSK123"}),
        ))
