"""A posting cancelled on Ozon is never given a carrier shipment: cancelled before it was made, none is
made (also when a create's answer was lost: the carrier is asked first); cancelled after, the command
stops there, the posting is cancelled and the shipment named for a person to cancel at the carrier."""

from app.services.carriers.send import CANCELLED_AFTER_NOTE, CANCELLED_NOTE
from app.statuses import AWAITING_DELIVER, CANCELLED, LocalState
from app.store.models import PostingRow
from carriers_helpers import parcel, post  # noqa: F401  (post: fixture)


def posting(desk, number, status=AWAITING_DELIVER):
    desk.db.writer.call(lambda s: s.add(PostingRow(posting_number=number, status=status,
                                                   local_state=LocalState.PACKED.value)))


def cancel_on_ozon(desk, number):  # what the sync's pull writes when Ozon cancels it
    def write(session):
        session.get(PostingRow, number).status = CANCELLED
    desk.db.writer.call(write)


def local_state(desk, number):
    with desk.db.read() as session:
        return session.get(PostingRow, number).local_state


def test_cancelled_before_the_shipment_none_is_made(post):
    fake, desk = post
    posting(desk, "70004-0001-1")
    desk.queue("russian_post", parcel("70004-0001-1"))
    cancel_on_ozon(desk, "70004-0001-1")
    desk.drain_until_settled()
    command = desk.command("70004-0001-1")
    assert command.state == "parked" and command.last_error == CANCELLED_NOTE
    assert fake.orders == {} and ("PUT", "/1.0/user/backlog") not in fake.calls
    assert local_state(desk, "70004-0001-1") == LocalState.CANCELLED and desk.label("70004-0001-1") is None


def test_cancelled_after_a_lost_create_names_the_shipment_and_makes_no_label(post):
    fake, desk = post
    posting(desk, "70004-0002-1")
    fake.faults.lose["PUT /1.0/user/backlog"] = 1  # made at the carrier, the answer lost
    desk.queue("russian_post", parcel("70004-0002-1"))
    desk.drainer.drain()
    assert desk.command("70004-0002-1").state == "uncertain"
    cancel_on_ozon(desk, "70004-0002-1")
    desk.drain_until_settled()
    command = desk.command("70004-0002-1")
    [order] = fake.orders_for("70004-0002-1")
    assert command.state == "parked" and command.last_error.startswith(CANCELLED_AFTER_NOTE)
    assert command.result["cancelled_after"] and str(order["id"]) in command.last_error
    assert fake.calls.count(("PUT", "/1.0/user/backlog")) == 1 and fake.batches == {}
    assert local_state(desk, "70004-0002-1") == LocalState.CANCELLED and desk.label("70004-0002-1") is None
    assert desk.tracking("70004-0002-1") == []


def test_a_posting_not_cancelled_goes_out_as_before(post):
    fake, desk = post
    posting(desk, "70004-0003-1")
    desk.queue("russian_post", parcel("70004-0003-1"))
    desk.drain_until_settled()
    assert desk.command("70004-0003-1").state == "done" and len(fake.orders_for("70004-0003-1")) == 1
