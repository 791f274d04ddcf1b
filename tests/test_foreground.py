"""Background work gives way while a person's decision is in flight (app/foreground.py)."""
from __future__ import annotations

import threading

from app.foreground import Foreground


def test_with_nothing_in_flight_background_work_goes_straight_on():
    foreground = Foreground(max_wait_s=30)
    assert not foreground.busy()
    assert foreground.give_way() == 0.0


def test_background_work_waits_while_a_decision_is_in_flight_and_goes_on_when_it_ends():
    foreground = Foreground(max_wait_s=30)
    entered, release, passed = threading.Event(), threading.Event(), threading.Event()

    def decide() -> None:
        with foreground.deciding():
            entered.set()
            release.wait(30)

    def background() -> None:
        foreground.give_way()
        passed.set()

    decision = threading.Thread(target=decide)
    decision.start()
    assert entered.wait(10)
    worker = threading.Thread(target=background)
    worker.start()
    assert foreground.busy()
    assert not passed.wait(0.2), "the background step went on while the decision was in flight"
    release.set()
    assert passed.wait(10), "the background step still waits after the decision ended"
    decision.join(10)
    worker.join(10)
    assert not foreground.busy()


def test_the_wait_is_capped_so_a_packer_who_never_pauses_cannot_starve_the_sync():
    foreground = Foreground(max_wait_s=0.05)
    entered, release = threading.Event(), threading.Event()

    def decide() -> None:
        with foreground.deciding():
            entered.set()
            release.wait(30)

    decision = threading.Thread(target=decide)
    decision.start()
    try:
        assert entered.wait(10)
        waited = foreground.give_way()
        assert 0.04 <= waited < 5  # the cap, with a coarse guard against blocking
    finally:
        release.set()
        decision.join(10)


def test_the_deciding_thread_never_waits_on_itself_and_blocks_nest():
    foreground = Foreground(max_wait_s=30)
    with foreground.deciding():
        with foreground.deciding():
            assert foreground.give_way() == 0.0
        assert foreground.busy()  # the outer block is still in flight
    assert not foreground.busy()


def test_a_decision_that_raises_still_ends():
    foreground = Foreground(max_wait_s=30)
    try:
        with foreground.deciding():
            raise ValueError("the decision's bug")
    except ValueError:
        pass
    assert not foreground.busy()
    assert foreground.give_way() == 0.0


def test_paced_gives_way_before_each_step():
    calls = []

    class Counting(Foreground):
        def give_way(self) -> float:
            calls.append(1)
            return 0.0

    assert list(Counting().paced(["a", "b", "c"])) == ["a", "b", "c"]
    assert len(calls) == 3


def test_someone_is_at_work_while_deciding_and_for_a_while_after():
    foreground = Foreground(max_wait_s=30)
    assert not foreground.at_work(60)
    with foreground.deciding():
        assert foreground.at_work(0)
    assert foreground.at_work(60)
    assert not foreground.at_work(0)


def test_background_work_also_waits_out_the_linger_after_a_decision():
    # the window's process: the answer is repainted after the decision; background work that came
    # back the moment the decision ended took the interpreter from that repaint
    lingering, plain = Foreground(max_wait_s=30, linger_s=0.1), Foreground(max_wait_s=30)
    for foreground in (lingering, plain):
        with foreground.deciding():
            pass
    assert plain.give_way() == 0.0
    waited = lingering.give_way()
    assert 0.05 <= waited < 5  # most of the linger (the decision ended a moment ago); a coarse guard
    assert lingering.give_way() == 0.0  # once it has passed
