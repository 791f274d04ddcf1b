"""``Remote``: a question the packer waits for never queues behind re-reads nobody waits for, and
those re-reads never pile up (the newest first, the oldest beyond ``SOON_PENDING`` superseded)."""
from __future__ import annotations

import threading

import pytest

from app.services.ozon.models import Posting
from app.services.station.remote import SOON_PENDING, SUPERSEDED, Remote

WAIT_S = 10  # a bound on waiting for an answer that should come at once (a hang fails, never a sleep)


class Ozon:
    """``get_posting`` that holds every number starting ``slow`` until ``release`` is set, noting
    the order numbers were asked in."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.asked: list[str] = []
        self.started = threading.Event()

    def get_posting(self, number: str) -> Posting:
        self.asked.append(number)
        if number.startswith("slow"):
            self.started.set()
            assert self.release.wait(WAIT_S)
        return Posting(posting_number=number, status="awaiting_packaging")


@pytest.fixture
def ozon():
    ozon = Ozon()
    yield ozon
    ozon.release.set()


def test_a_question_the_packer_waits_for_is_not_held_behind_rereads(ozon):
    remote = Remote(ozon.get_posting, timeout_s=WAIT_S)
    try:
        rereads = [remote.posting_soon(f"slow-{n}") for n in range(3)]  # more than the waited asks' threads
        assert ozon.started.wait(WAIT_S)
        answer = remote.posting("fast-1")
        assert (answer.found, answer.posting.posting_number) == (True, "fast-1")
        assert not any(f.done() for f in rereads)  # still held: the answer did not wait for them
    finally:
        ozon.release.set()
        remote.close()


def test_rereads_wait_newest_first_and_the_oldest_are_superseded(ozon):
    remote = Remote(ozon.get_posting, timeout_s=WAIT_S)
    try:
        running = remote.posting_soon("slow-0")
        assert ozon.started.wait(WAIT_S)  # its turn has come: the thread is held by it
        numbers = [f"n{k}" for k in range(1, SOON_PENDING + 3)]
        futures = {n: remote.posting_soon(n) for n in numbers}
        superseded, kept = numbers[:2], numbers[2:]
        for n in superseded:  # answered at once, unasked
            assert futures[n].done() and futures[n].result().detail == SUPERSEDED
            assert futures[n].result().posting is None
        assert not any(futures[n].done() for n in kept)
        ozon.release.set()
        assert running.result(WAIT_S).found
        for n in kept:
            assert futures[n].result(WAIT_S).posting.posting_number == n
        assert ozon.asked == ["slow-0", *reversed(kept)]  # the posting on the bench now first
    finally:
        remote.close()


def test_a_posting_asked_again_while_it_waits_shares_one_request(ozon):
    remote = Remote(ozon.get_posting, timeout_s=WAIT_S)
    try:
        remote.posting_soon("slow-0")
        assert ozon.started.wait(WAIT_S)
        first, again = remote.posting_soon("n1"), remote.posting_soon("n1")
        assert first is again
        ozon.release.set()
        assert first.result(WAIT_S).found
        assert ozon.asked.count("n1") == 1
    finally:
        remote.close()


def test_a_closed_remote_answers_offline_and_cancels_what_waits(ozon):
    remote = Remote(ozon.get_posting, timeout_s=WAIT_S)
    remote.posting_soon("slow-0")
    assert ozon.started.wait(WAIT_S)
    waiting = remote.posting_soon("n1")
    remote.close()
    assert waiting.cancelled()
    late = remote.posting_soon("n2")
    assert late.result(WAIT_S).detail == "offline"
    ozon.release.set()
