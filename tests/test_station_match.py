"""Verify-first shelf: the own order label (QR PDK:<posting>) printed on pack when asked for, and
scanning it matches the parcel with its printed Ozon label; a wrong parcel is refused loudly."""
import pytest

from app.devices.printers import open_printer
from app.services.labels.order_label import own_label_payload
from app.services.labels.printing import LabelPrinter
from app.services.station import results as r
from app.services.station.classify import classify
from app.store import labels as store_labels
from app.store import postings as store_postings
from station_helpers import CABLE, EAN, MUG, NOW, TEA, shop  # noqa: F401

A, B, C = "10000001-0001-1", "10000002-0001-1", "10000006-0001-1"
UNITS = {A: [EAN[MUG], EAN[CABLE], EAN[CABLE]], B: [EAN[MUG]], C: [EAN[TEA], EAN[TEA], EAN[CABLE]]}
WEIGHT = {A: 500.0, B: 400.0, C: 250.0}


def pack(station, number):
    for code in [number, *UNITS[number]]:
        station.scan(code)
    done = station.weigh(WEIGHT[number])
    assert done.code == r.WEIGHT_ACCEPTED
    return done


def ozon_label_printed(shop, number, *, state="printed"):
    """What the label pipeline leaves once Ozon's label of ``number`` went through the printer."""
    def write(session):
        store_labels.ensure(session, [number], station="bench-1", now=shop.now())
        row = store_labels.get(session, number)
        if state == "printed":
            store_labels.mark_printed(session, row.id, printer="sim://", now=shop.now())
        elif state == "parked":
            store_labels.mark_parked(session, row.id, "cancelled")

    shop.db.writer.call(write)


@pytest.mark.parametrize("text,kind,number", [
    ("PDK:12345678-0001-1", "own_label", "12345678-0001-1"),
    ("pdk:12345678-0001-1", "own_label", "12345678-0001-1"),
    ("ЗВЛЖ12345678-0001-1", "own_label", "12345678-0001-1"),  # Russian layout active on a wedge scanner
    ("PDK:not-a-posting", "bad", None),
    ("12345678-0001-1", "posting", "12345678-0001-1"),  # a plain posting number stays what it was
])
def test_the_own_label_code_is_told_from_a_posting_number(text, kind, number):
    scanned = classify(text)
    assert scanned.kind == kind
    if number:
        assert scanned.text == number


def test_on_pack_queues_the_own_label_in_the_pack_commit_and_the_print_path_prints_it(shop, tmp_path, qapp):
    woken = []
    station = shop.station(order_label="on_pack", on_order_label=woken.append)
    done = pack(station, A)
    assert done.data["order_label"] == "queued" and woken == [A]
    with shop.db.read() as session:
        assert store_labels.get(session, A, store_labels.OWN).state == "fetched"
        assert store_labels.get(session, A) is None  # Ozon's label comes with the ship
    printer = LabelPrinter(shop.db, open_printer("sim://?lang=tspl", sim_dir=tmp_path / "printed"),
                           station="bench-1", data_dir=tmp_path, now=shop.now)
    try:
        assert printer.print_due().printed == 1
        assert printer.print_due().printed == 0
    finally:
        printer.close()
    assert len(list((tmp_path / "printed").glob("*.png"))) == 1
    with shop.db.read() as session:
        own = store_labels.get(session, A, store_labels.OWN)
    assert (own.state, own.copies) == ("printed", 1)
    assert shop.posting(A).local_state == "packed"  # the own label is no Ozon label


def test_never_prints_nothing_extra(shop, tmp_path, qapp):
    woken = []
    station = shop.station(on_order_label=woken.append)  # default "never"
    assert "order_label" not in pack(station, A).data and woken == []
    printer = LabelPrinter(shop.db, open_printer("sim://?lang=tspl", sim_dir=tmp_path / "printed"),
                           station="bench-1", data_dir=tmp_path, now=shop.now)
    try:
        assert printer.print_due().printed == 0
    finally:
        printer.close()
    with shop.db.read() as session:
        assert store_labels.get(session, A, store_labels.OWN) is None


def test_matching_confirms_the_parcel_and_a_wrong_one_is_held_until_acknowledged(shop):
    station = shop.station(order_label="on_pack")
    pack(station, A)
    pack(station, B)
    ozon_label_printed(shop, A)

    wrong = station.scan(own_label_payload(B))
    assert (wrong.code, wrong.ok, wrong.state, wrong.data["expected"]) == (r.WRONG_PARCEL, False, r.ERROR, A)
    assert A in wrong.message("en") and A in wrong.message("ru") and A in wrong.message("zh")
    assert station.status().state == r.ERROR  # held
    assert station.acknowledge().state == r.IDLE

    matched = station.scan(own_label_payload(A))
    assert (matched.code, matched.ok, matched.posting, matched.state) == (r.LABEL_MATCHED, True, A, r.IDLE)
    with shop.db.read() as session:
        assert store_labels.get(session, A).matched_at == NOW
    assert shop.posting(A).local_state == "labelled"
    assert [e.kind for e in shop.events(A)][-1] == r.LABEL_MATCHED
    assert station.scan(own_label_payload(A)).code == r.LABEL_ALREADY_MATCHED

    not_ready = station.scan(own_label_payload(B))  # nothing waits now; B's label is not printed yet
    assert (not_ready.code, not_ready.ok, not_ready.state) == (r.LABEL_NOT_READY, False, r.IDLE)


@pytest.mark.parametrize("setup,scanned,code,held", [
    ("none", A, r.LABEL_NOT_READY, False),
    ("parked", A, r.LABEL_NOT_READY, False),
    ("none", "99999999-0001-1", r.POSTING_NOT_FOUND, True),
    ("other_printed", A, r.WRONG_PARCEL, True),
])
def test_own_label_answers(shop, setup, scanned, code, held):
    station = shop.station(order_label="on_pack")
    pack(station, A)
    pack(station, C)
    if setup == "parked":
        ozon_label_printed(shop, A, state="parked")
    elif setup == "other_printed":
        ozon_label_printed(shop, C)
    result = station.scan(own_label_payload(scanned))
    assert result.code == code
    assert (result.state == r.ERROR) == held
    if setup == "parked":
        assert "person" in result.message("en")


def test_the_own_label_of_a_parcel_cancelled_meanwhile_says_who_cancelled_it_in_the_packers_words(shop):
    station = shop.station(order_label="on_pack")
    pack(station, A)
    row = shop.posting(A)
    shop.db.writer.call(store_postings.upsert_postings, [{  # what a sync writes of Ozon's cancellation
        "posting_number": A, "status": "cancelled", "shipment_date": row.shipment_date,
        "cancel_reason": "Покупатель отменил заказ", "cancelled_by": "buyer",
    }], {A: [{"sku": x.sku, "quantity": x.quantity, "offer_id": x.offer_id, "name": x.name} for x in row.items]},
        now=shop.now())
    stop = station.scan(own_label_payload(A))
    assert (stop.code, stop.state, stop.data["by"]) == (r.POSTING_NOT_PACKABLE, r.ERROR, "buyer")
    assert "by the buyer: Покупатель отменил заказ" in stop.message("en")
    assert "买家取消：Покупатель отменил заказ" in stop.message("zh")
    assert "Покупатель отменил заказ" in stop.message("ru")


def test_a_wave_free_pack_with_on_pack_still_queues_one_ship(shop):
    station = shop.station(order_label="on_pack")
    pack(station, A)
    assert [c.kind for c in shop.commands(A)] == ["ship"]
