"""CDEK shipments through the outbox, against the loopback fake of CDEK API v2: one order per
parcel whatever is lost or crashes, the tracking number (``cdek_number``) and the A6 label, refusals
parked with CDEK's own words."""
import pytest

from app.services.carriers.base import BAD_ADDRESS, WEIGHT
from app.services.handover.tracking_numbers import CDEK, check
from app.services.labels.files import read_pdf
from app.sim.carriers.cdek import ACCOUNT, SECRET, CdekFake
from app.store import outbox as store_outbox
from carriers_helpers import make_desk, parcel, print_and_decode

ENV = {"PACKDESK_CDEK_SECRET": SECRET}


@pytest.fixture
def cdek(tmp_path):
    with CdekFake() as fake:
        desk = make_desk(tmp_path, "cdek", fake.base_url, ACCOUNT, ENV, tariff_code=136, shipment_point="MSK123")
        yield fake, desk
        desk.db.close()


def done(desk, reference):
    command = desk.command(reference)
    assert command.state == "done", (command.state, command.last_error)
    return command


def test_a_parcel_gets_one_order_its_cdek_number_and_its_label_and_the_number_is_queued_for_ozon(cdek):
    fake, desk = cdek
    desk.queue("cdek", parcel("70001-0001-1"))
    desk.drain_until_settled()

    command = done(desk, "70001-0001-1")
    [order] = fake.orders_for("70001-0001-1")
    assert order["body"]["packages"][0]["weight"] == 850 and order["body"]["tariff_code"] == 136
    number = command.result["tracking"]
    assert number == order["cdek_number"] and check(CDEK, number).ok
    label = desk.label("70001-0001-1")
    assert label.state == "fetched" and label.station == "bench-1"
    pdf = read_pdf(desk.data_dir, label.pdf_path)
    assert pdf.startswith(b"%PDF")
    [row] = desk.tracking("70001-0001-1")
    assert (row.tracking_number, row.carrier, row.state) == (number, "cdek", "queued")
    [send] = desk.commands("tracking_send")
    assert send.payload == {"tracking": [row.id], "deliver": False}


def test_a_lost_answer_to_the_order_is_looked_up_by_the_posting_number_never_sent_twice(cdek):
    fake, desk = cdek
    fake.faults.lose["POST /v2/orders"] = 1  # CDEK made the order; its answer never came
    desk.queue("cdek", parcel("70001-0002-1"))
    desk.drainer.drain()
    assert desk.command("70001-0002-1").state == "uncertain"
    desk.drain_until_settled()
    done(desk, "70001-0002-1")
    assert len(fake.orders_for("70001-0002-1")) == 1
    assert fake.calls.count(("POST", "/v2/orders")) == 1


def test_a_timeout_before_cdek_took_the_order_sends_it_once_more(cdek):
    fake, desk = cdek
    fake.faults.timeout["POST /v2/orders"] = 1  # not applied
    desk.queue("cdek", parcel("70001-0003-1"))
    desk.drain_until_settled()
    done(desk, "70001-0003-1")
    assert len(fake.orders_for("70001-0003-1")) == 1 and fake.calls.count(("POST", "/v2/orders")) == 2


class Crash(BaseException):
    """The process dies right after CDEK answered, before the answer is recorded."""


def test_a_crash_after_the_order_was_made_finds_it_after_the_restart(cdek, monkeypatch):
    fake, desk = cdek
    carrier = desk.carriers("cdek")
    real = carrier.create

    def create_then_die(p):
        real(p)
        raise Crash()

    monkeypatch.setattr(carrier, "create", create_then_die)
    desk.queue("cdek", parcel("70001-0004-1"))
    with pytest.raises(Crash):
        desk.drainer.drain()
    assert desk.command("70001-0004-1").state == "in_flight"
    monkeypatch.undo()
    assert desk.drainer.recover() == 1  # the restart
    desk.drain_until_settled()
    done(desk, "70001-0004-1")
    assert len(fake.orders_for("70001-0004-1")) == 1


def test_an_expired_token_is_renewed_and_the_call_goes_on(cdek):
    fake, desk = cdek
    desk.queue("cdek", parcel("70001-0005-1"))
    desk.drainer.drain()
    fake.expire_tokens()
    desk.drain_until_settled()
    done(desk, "70001-0005-1")
    assert fake.tokens_issued == 2 and len(fake.orders_for("70001-0005-1")) == 1


@pytest.mark.parametrize("bad, kind, words", [
    ({"postcode": "999999"}, BAD_ADDRESS, "999999"),
    ({"weight_g": 45_000}, WEIGHT, "45000"),
])
def test_cdek_refusals_park_the_parcel_with_cdeks_own_words(cdek, bad, kind, words):
    fake, desk = cdek
    desk.queue("cdek", parcel("70001-0006-1", **bad))
    desk.drain_until_settled()
    command = desk.command("70001-0006-1")
    assert command.state == "parked" and command.result["refusal"] == kind
    assert words in command.result["message"] and words in command.last_error
    assert desk.label("70001-0006-1") is None and desk.tracking("70001-0006-1") == []


@pytest.mark.parametrize("bad, kind", [({"postcode": ""}, BAD_ADDRESS), ({"weight_g": 0}, WEIGHT)])
def test_what_no_carrier_takes_is_refused_before_cdek_is_asked(cdek, bad, kind):
    fake, desk = cdek
    desk.queue("cdek", parcel("70001-0007-1", **bad))
    desk.drain_until_settled()
    command = desk.command("70001-0007-1")
    assert command.state == "parked" and command.result["refusal"] == kind
    assert ("POST", "/v2/orders") not in fake.calls


def test_refused_credentials_keep_the_parcel_waiting_not_parked(tmp_path):
    with CdekFake() as fake:
        desk = make_desk(tmp_path, "cdek", fake.base_url, ACCOUNT, {"PACKDESK_CDEK_SECRET": "wrong"})
        desk.queue("cdek", parcel("70001-0008-1"))
        desk.drainer.drain()
        command = desk.command("70001-0008-1")
        assert command.state == "pending" and "credentials" in command.last_error
        assert "wrong" not in command.last_error and fake.orders == {}
        desk.db.close()


def test_cdek_down_for_an_hour_retries_and_then_ships_once(cdek):
    fake, desk = cdek
    fake.faults.down = True
    desk.queue("cdek", parcel("70001-0009-1"))
    for _ in range(4):
        desk.drainer.drain()
        desk.advance(900)
    assert desk.command("70001-0009-1").state in ("pending", "uncertain") and fake.orders == {}
    fake.faults.down = False
    desk.drain_until_settled()
    done(desk, "70001-0009-1")
    assert len(fake.orders_for("70001-0009-1")) == 1


def test_the_label_decodes_back_to_the_cdek_number_when_printed_at_true_size(cdek, qapp):
    fake, desk = cdek
    desk.queue("cdek", parcel("70001-0010-1"))
    desk.drain_until_settled()
    number = done(desk, "70001-0010-1").result["tracking"]
    texts, bitmap = print_and_decode(desk, "105x148")
    assert texts == [number]
    assert abs(bitmap.width - 105 * 203 / 25.4) < 2 and abs(bitmap.height - 148 * 203 / 25.4) < 2  # A6, true size
    assert desk.label("70001-0010-1").state == "printed"


def test_a_carrier_label_lost_from_the_data_dir_is_fetched_again_from_the_carrier_and_prints(cdek, qapp):
    from app.devices.printers import open_printer
    from app.services.carriers.refetch import REFETCH_KIND, CarrierLabel
    from app.services.labels.files import resolve
    from app.services.labels.printing import LabelPrinter

    fake, desk = cdek
    desk.drainer.handlers[REFETCH_KIND] = CarrierLabel(desk.db, carriers=desk.carriers, data_dir=desk.data_dir,
                                                       now=desk.now)
    desk.queue("cdek", parcel("70001-0011-1"))
    desk.drain_until_settled()
    number = done(desk, "70001-0011-1").result["tracking"]
    resolve(desk.data_dir, desk.label("70001-0011-1").pdf_path).unlink()  # the folder was cleared
    printer = LabelPrinter(desk.db, open_printer(f"file:{desk.data_dir / 'job.bin'}?lang=tspl&dpi=203&size=105x148"),
                           station="bench-1", data_dir=desk.data_dir, now=desk.now)
    assert printer.print_due().printed == 0  # nothing to print: asked of CDEK again
    printer.close()
    [refetch] = desk.commands(REFETCH_KIND)
    assert refetch.posting_number == "70001-0011-1" and desk.label("70001-0011-1").state == "waiting"
    desk.drain_until_settled()
    assert desk.commands(REFETCH_KIND)[0].state == "done" and desk.label("70001-0011-1").state == "fetched"
    texts, _ = print_and_decode(desk, "105x148")
    assert texts == [number] and len(fake.orders_for("70001-0011-1")) == 1  # the same shipment, not a new one


def test_a_parked_carrier_shipment_goes_again_with_packdesk_carriers_retry(cdek, tmp_path):
    import subprocess
    import sys

    fake, desk = cdek
    desk.queue("cdek", parcel("70001-0012-1", weight_g=45_000))  # over the tariff: refused, parked
    desk.drain_until_settled()
    assert desk.command("70001-0012-1").state == "parked"

    def packdesk(*args):
        return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(desk.data_dir), "--lang", "en",
                               "carriers", *args], capture_output=True, text=True, timeout=60,
                              env={"PATH": "/usr/bin:/bin", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
                                   "HOME": str(tmp_path)})

    assert packdesk("retry", "70001-0099-1").returncode == 1  # no such shipment
    again = packdesk("retry", "70001-0012-1")
    assert again.returncode == 0 and "next sync" in again.stdout, again.stderr
    assert desk.command("70001-0012-1").state == "pending"
    not_held = packdesk("retry", "70001-0012-1")
    assert not_held.returncode == 1 and "not held" in not_held.stderr


def test_an_address_ozon_did_not_give_is_entered_once_and_the_parcel_goes(cdek, tmp_path):
    import subprocess
    import sys

    from app.services.carriers.base import Parcel

    fake, desk = cdek
    desk.queue("cdek", parcel("70001-0013-1", postcode=""))  # no address from Ozon: refused before CDEK
    desk.drain_until_settled()
    assert desk.command("70001-0013-1").state == "parked" and fake.orders_for("70001-0013-1") == []

    def address(*args):
        return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(desk.data_dir), "--lang", "ru",
                               "carriers", "address", "70001-0013-1", "--name", "Иван Петров",
                               "--phone", "+79001234567", "--city", "Казань", "--street", "ул. Баумана",
                               "--house", "5", *args], capture_output=True, text=True, timeout=60,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                   "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})

    wrong = address("--postcode", "4200")
    assert wrong.returncode == 1 and "4200" in wrong.stderr and desk.command("70001-0013-1").state == "parked"
    entered = address("--postcode", "420111")
    assert entered.returncode == 0, entered.stderr
    desk.drain_until_settled()
    command = desk.command("70001-0013-1")
    assert command.state == "done" and command.payload["entered"] is True
    assert Parcel.from_json(command.payload["parcel"]).recipient.address.city == "Казань"
    [order] = fake.orders_for("70001-0013-1")
    assert order["body"]["to_location"]["postal_code"] == "420111"


@pytest.mark.parametrize("code, stage", [
    ("CREATED", "in_transit"), ("RECEIVED_AT_SHIPMENT_WAREHOUSE", "in_transit"),
    ("ACCEPTED_AT_PICK_UP_POINT", "last_mile"), ("TAKEN_BY_COURIER", "last_mile"),
    ("DELIVERED", "delivered"), ("NOT_DELIVERED", "returned"), ("RETURNED_TO_SENDER_CITY_WAREHOUSE", "returned"),
])
def test_cdek_statuses_place_the_parcel(code, stage):
    from app.services.carriers.cdek import stage_of

    assert stage_of(code) == stage
