"""Russian Post (Otpravka) shipments through the outbox, against the loopback fake: one backlog order
per parcel whatever is lost or crashes, the ШПИ from its batch (passing the real check digit), the
f.7p thermal label, the tracking history over SOAP; refusals parked with Otpravka's own words."""
import pytest

from app.services.carriers.base import BAD_ADDRESS, CREDENTIALS, DELIVERED, WEIGHT, CarrierRefused
from app.services.carriers.russian_post import parse_history
from app.services.handover.tracking_numbers import RUSSIAN_POST, check
from app.sim.carriers.russian_post import LOGIN, TOKEN, RussianPostFake, barcode_for
from carriers_helpers import POST_ENV as ENV, make_desk, parcel, post, print_and_decode  # noqa: F401  (post: fixture)


def done(desk, reference):
    command = desk.command(reference)
    assert command.state == "done", (command.state, command.last_error)
    return command


def shipped(desk, reference):
    """A parcel queued for Russian Post and sent: its done command."""
    desk.queue("russian_post", parcel(reference))
    desk.drain_until_settled()
    return done(desk, reference)


@pytest.mark.parametrize("office, month, serial", [("101000", 12, 1), ("630099", 1, 99999), ("190000", 7, 4242)])
def test_the_fakes_barcodes_pass_the_real_check_digit(office, month, serial):
    number = barcode_for(office, month, serial)
    assert len(number) == 14 and check(RUSSIAN_POST, number).ok
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert not check(RUSSIAN_POST, wrong).ok


def test_a_parcel_gets_one_order_one_batch_its_shpi_and_its_f7p_label(post):
    fake, desk = post
    command = shipped(desk, "70002-0001-1")
    [order] = fake.orders_for("70002-0001-1")
    assert (order["mass"], order["index-to"], order["mail-type"]) == (850, 101000, "ONLINE_PARCEL")
    assert order["batch"] is not None and command.result["tracking"] == order["barcode"]
    assert check(RUSSIAN_POST, order["barcode"]).ok
    [row] = desk.tracking("70002-0001-1")
    assert (row.tracking_number, row.carrier, row.state) == (order["barcode"], "russian_post", "queued")
    assert desk.label("70002-0001-1").state == "fetched"


@pytest.mark.parametrize("fault", ["PUT /1.0/user/backlog", "POST /1.0/user/shipment"])
def test_a_lost_answer_never_makes_a_second_order_or_batch(post, fault):
    fake, desk = post
    fake.faults.lose[fault] = 1
    shipped(desk, "70002-0002-1")
    [order] = fake.orders_for("70002-0002-1")
    assert fake.calls.count(("PUT", "/1.0/user/backlog")) == 1
    assert fake.calls.count(("POST", "/1.0/user/shipment")) == 1 and len(fake.batches) == 1
    assert desk.command("70002-0002-1").result["tracking"] == order["barcode"]


class Crash(BaseException):
    pass


def test_a_crash_after_the_backlog_order_was_made_finds_it_after_the_restart(post, monkeypatch):
    fake, desk = post
    carrier = desk.carriers("russian_post")
    real = carrier.create

    def create_then_die(p):
        real(p)
        raise Crash()

    monkeypatch.setattr(carrier, "create", create_then_die)
    desk.queue("russian_post", parcel("70002-0003-1"))
    with pytest.raises(Crash):
        desk.drainer.drain()
    monkeypatch.undo()
    assert desk.drainer.recover() == 1
    desk.drain_until_settled()
    done(desk, "70002-0003-1")
    assert len(fake.orders_for("70002-0003-1")) == 1


@pytest.mark.parametrize("bad, kind, words", [
    ({"postcode": "999999"}, BAD_ADDRESS, "999999"),
    ({"weight_g": 25_000}, WEIGHT, "25000"),
])
def test_otpravka_refusals_park_the_parcel_with_its_own_words(post, bad, kind, words):
    fake, desk = post
    desk.queue("russian_post", parcel("70002-0004-1", **bad))
    desk.drain_until_settled()
    command = desk.command("70002-0004-1")
    assert command.state == "parked" and command.result["refusal"] == kind and words in command.result["message"]
    assert fake.orders == {} and desk.label("70002-0004-1") is None


def test_a_wrong_password_keeps_the_parcel_waiting_and_never_shows_the_password(tmp_path):
    with RussianPostFake() as fake:
        desk = make_desk(tmp_path, "russian_post", fake.base_url, LOGIN,
                         {**ENV, "PACKDESK_RUSSIAN_POST_PASSWORD": "hunter2-wrong"})
        desk.queue("russian_post", parcel("70002-0005-1"))
        desk.drainer.drain()
        command = desk.command("70002-0005-1")
        assert command.state == "pending" and "credentials" in command.last_error
        assert "hunter2" not in command.last_error and TOKEN not in command.last_error
        desk.db.close()


def test_the_f7p_label_decodes_back_to_the_shpi_at_true_size(post, qapp):
    fake, desk = post
    number = shipped(desk, "70002-0006-1").result["tracking"]
    texts, bitmap = print_and_decode(desk, "100x150")
    assert texts == [number]
    assert abs(bitmap.width - 100 * 203 / 25.4) < 2 and abs(bitmap.height - 150 * 203 / 25.4) < 2


def test_the_tracking_history_comes_over_soap_and_names_delivery(post):
    fake, desk = post
    number = shipped(desk, "70002-0007-1").result["tracking"]
    fake.add_operation(number, "1", "Приём", "2026-12-04T10:00:00+03:00")
    fake.add_operation(number, "2", "Вручение", "2026-12-07T15:30:00+03:00")
    events = desk.carriers("russian_post").history(number)
    assert [(e.code, e.stage) for e in events] == [("1", "in_transit"), ("2", DELIVERED)]
    assert events[-1].name.startswith("Вручение")


def test_a_tracking_login_refused_is_a_credentials_refusal():
    fault = (b'<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><soap:Fault>'
             b'<soap:Reason><soap:Text>AuthorizationFault: wrong login</soap:Text></soap:Reason></soap:Fault>'
             b'</soap:Body></soap:Envelope>')
    with pytest.raises(CarrierRefused) as caught:
        parse_history(fault)
    assert caught.value.kind == CREDENTIALS


@pytest.mark.parametrize("op, attr, stage", [
    ("1", "1", "in_transit"),   # Приём
    ("8", "1", "in_transit"),   # Обработка: Сортировка
    ("8", "2", "last_mile"),    # Обработка: Прибыло в место вручения
    ("2", "1", "delivered"),    # Вручение адресату
    ("3", "1", "returned"),     # Возврат
])
def test_russian_post_operations_place_the_parcel(op, attr, stage):
    from app.services.carriers.russian_post import stage_of

    assert stage_of(op, attr) == stage


def test_arrival_at_the_handing_post_office_is_the_last_mile(post):
    fake, desk = post
    number = shipped(desk, "70002-0008-1").result["tracking"]
    fake.add_operation(number, "1", "Приём", "2026-12-04T10:00:00+03:00")
    fake.add_operation(number, "8", "Обработка", "2026-12-06T09:10:00+03:00", attr=("2", "Прибыло в место вручения"))
    events = desk.carriers("russian_post").history(number)
    assert [(e.code, e.stage) for e in events] == [("1", "in_transit"), ("8", "last_mile")]
    assert events[-1].name == "Обработка: Прибыло в место вручения"
