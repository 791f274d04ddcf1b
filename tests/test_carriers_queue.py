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

    def cancelled_meanwhile(session, methods, account=None):  # Ozon cancels it after the pass pulled the postings
        if shop.world.peek(cancelled).status != "cancelled":
            shop.world.cancel(cancelled)
        return real(session, methods, account)

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


def test_the_carriers_tracking_feeds_the_monitor_and_a_delivery_tells_ozon_delivered(carrier_shop):
    from sqlalchemy import update

    from app.services.tracking.monitor import utcnow, watch
    from app.store.models_handover import TrackingNumberRow

    shop, fake, method = carrier_shop
    while len(shop.packable("non_integrated", method)) < 2:
        shop.world.add_postings(20)
    delivered, returned = shop.packable("non_integrated", method)[:2]
    for number in (delivered, returned):
        shop.world.set_shipment_date(number, time.time() - 60)
        shop.world.ship(number, [[(line.sku, line.quantity) for line in shop.world.get(number).lines]])
    shop.world.settle()
    for _ in range(6):
        shop.sync()
    tracking = {c.posting_number: c.result["tracking"] for c in shop.commands("carrier_ship")}
    assert set(tracking) == {delivered, returned}
    for number in (delivered, returned):
        shop.world.set_status(number, "delivering")  # handed to the carrier
    fake.set_status(tracking[delivered], "DELIVERED", "Вручен")
    fake.set_status(tracking[returned], "RETURNED", "Возвращён отправителю")

    def due_now():  # the carriers' tracking is asked at most every 30 minutes
        shop.bench.db.writer.call(lambda s: s.execute(update(TrackingNumberRow).values(carrier_checked_at=None)))

    due_now()
    shop.sync()
    rows = {t.posting_number: t for t in watch(shop.bench.db, shop.bench.config, now=utcnow())}
    assert rows[returned].flag == "returning" and "Возвращён" in rows[returned].carrier_says
    [step] = [c for c in shop.commands("delivery_step") if c.posting_number == delivered]
    assert step.payload == {"step": "delivered"}
    for _ in range(4):
        due_now()
        shop.sync()
    assert shop.world.peek(delivered).status == "delivered"  # told Ozon, confirmed by re-reading
    assert returned not in [c.posting_number for c in shop.commands("delivery_step")]


def test_a_parcel_out_with_the_carriers_courier_tells_ozon_last_mile_then_delivered(carrier_shop):
    from sqlalchemy import update

    from app.store.models_handover import TrackingNumberRow

    shop, fake, method = carrier_shop
    while not shop.packable("non_integrated", method):
        shop.world.add_postings(20)
    number = shop.packable("non_integrated", method)[0]
    shop.world.set_shipment_date(number, time.time() - 60)
    shop.world.ship(number, [[(line.sku, line.quantity) for line in shop.world.get(number).lines]])
    shop.world.settle()
    for _ in range(6):
        shop.sync()
    [tracking] = [c.result["tracking"] for c in shop.commands("carrier_ship") if c.posting_number == number]
    shop.world.set_status(number, "delivering")  # handed to the carrier

    def carrier_says(code, name):
        fake.set_status(tracking, code, name)
        shop.bench.db.writer.call(lambda s: s.execute(update(TrackingNumberRow).values(carrier_checked_at=None)))
        for _ in range(4):
            shop.sync()

    carrier_says("TAKEN_BY_COURIER", "Выдан на доставку")
    assert [c.payload["step"] for c in shop.commands("delivery_step") if c.posting_number == number] == ["last-mile"]
    assert shop.world.peek(number).substatus == "posting_in_courier_service"  # Ozon shows it, read back
    carrier_says("DELIVERED", "Вручен")
    steps = [c.payload["step"] for c in shop.commands("delivery_step") if c.posting_number == number]
    assert steps == ["last-mile", "delivered"]
    assert shop.world.peek(number).status == "delivered"
