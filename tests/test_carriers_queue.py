"""The sync pass queues one carrier shipment per packed rFBS posting of a mapped delivery method, with
the address Ozon gives; none for a posting cancelled on Ozon meanwhile, none for other methods."""
import time

import pytest

from app.config_carriers import CarrierSettings
from app.services.carriers import part as carriers_part
from app.services.carriers.base import Parcel
from app.sim.carriers.cdek import ACCOUNT, SECRET, CdekFake
from handover_helpers import make_shop, reopen


@pytest.fixture
def carrier_shop(tmp_path, monkeypatch):
    monkeypatch.setenv("PACKDESK_CDEK_SECRET", SECRET)
    with CdekFake() as fake:
        shop = make_shop(tmp_path)
        method = next(m.id for m in shop.world.methods if m.tpl_integration_type == "non_integrated"
                      and "СДЭК" in m.provider_name)
        shop.bench.close()
        carriers = (CarrierSettings("cdek", fake.base_url, (method,), ACCOUNT, {"tariff_code": 136}),)
        shop.bench = reopen(tmp_path, shop.sim, sections={"carriers": {"carriers": carriers}})
        yield shop, fake, method
        shop.bench.close()
        shop.sim.close()


def test_packed_postings_of_a_mapped_method_get_one_shipment_each_and_a_cancelled_one_none(carrier_shop, monkeypatch):
    shop, fake, method = carrier_shop
    while len(shop.packable("non_integrated", method)) < 3:
        shop.world.add_postings(20)
    kept, cancelled, other = shop.packable("non_integrated", method)[:2] + shop.packable("ozon")[:1]
    for number in (kept, cancelled, other):  # shipped on Ozon's side (as shop.ship, without its sync)
        shop.world.set_shipment_date(number, time.time() - 60)
        shop.world.ship(number, [[(line.sku, line.quantity) for line in shop.world.get(number).lines]])
    shop.world.settle()
    real = carriers_part.waiting_for_carrier

    def cancelled_meanwhile(session, methods):  # Ozon cancels it after the pass pulled the postings
        if shop.world.peek(cancelled).status != "cancelled":
            shop.world.cancel(cancelled)
        return real(session, methods)

    monkeypatch.setattr(carriers_part, "waiting_for_carrier", cancelled_meanwhile)
    for _ in range(6):
        shop.sync()
    commands = {c.posting_number: c for c in shop.commands("carrier_ship")}
    assert set(commands) == {kept}
    parcel = Parcel.from_json(commands[kept].payload["parcel"])
    world_posting = shop.world.peek(kept)
    assert parcel.reference == kept and parcel.recipient.address.postcode.isdigit()
    assert parcel.recipient.name and parcel.recipient.phone.startswith("+7")
    assert parcel.weight_g > 0 and len(parcel.items) == len(world_posting.lines)
    assert len(fake.orders_for(kept)) == 1 and fake.orders_for(cancelled) == []
