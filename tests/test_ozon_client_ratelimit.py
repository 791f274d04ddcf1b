"""Pacing of the Ozon client: token bucket rate, pauses, per-method limits, backoff bounds."""
from __future__ import annotations

import threading
import time

import pytest

from app.services.ozon.ratelimit import AccountLimiters, RateLimiter, TokenBucket, full_jitter_backoff
from ozon_client_helpers import FakeTime, Reply, ScriptedOzon, make_client


@pytest.mark.parametrize("rate, burst, calls", [(20, 20, 100), (20, 5, 60), (2, 1, 10), (50, 10, 10)])
def test_bucket_rate_on_simulated_time(rate, burst, calls):
    fake = FakeTime()
    bucket = TokenBucket(rate, burst, clock=fake.clock, sleep=fake.sleep)
    start = fake.now
    for _ in range(calls):
        bucket.acquire()
    needed = max(0, calls - burst) / rate
    assert fake.now - start == pytest.approx(needed, abs=1e-9)
    assert len(fake.sleeps) == max(0, calls - burst)


def test_bucket_never_exceeds_rate_in_any_window():
    fake = FakeTime()
    bucket = TokenBucket(20, 20, clock=fake.clock, sleep=fake.sleep)
    times = []
    for _ in range(200):
        bucket.acquire()
        times.append(fake.now)
    for index, moment in enumerate(times):
        in_window = sum(1 for t in times[index:] if t < moment + 1.0)
        assert in_window <= 40  # burst + one second of rate: well under Ozon's 50 rps


def test_bucket_refills_while_idle():
    fake = FakeTime()
    bucket = TokenBucket(10, 5, clock=fake.clock, sleep=fake.sleep)
    for _ in range(5):
        bucket.acquire()
    fake.now += 10  # a long quiet spell refills the burst, no more
    for _ in range(5):
        bucket.acquire()
    assert fake.sleeps == []
    bucket.acquire()
    assert fake.sleeps == [pytest.approx(0.1)]


def test_pause_holds_callers_then_resumes_without_a_burst():
    fake = FakeTime()
    bucket = TokenBucket(10, 10, clock=fake.clock, sleep=fake.sleep)
    bucket.pause(3)
    start = fake.now
    bucket.acquire()
    assert fake.now - start == pytest.approx(3)
    bucket.acquire()
    assert fake.now - start == pytest.approx(3.1)


def test_shorter_pause_does_not_shorten_a_longer_one():
    fake = FakeTime()
    bucket = TokenBucket(10, clock=fake.clock, sleep=fake.sleep)
    bucket.pause(5)
    bucket.pause(1)
    assert bucket.paused_until == pytest.approx(fake.now + 5)


def test_method_limit_applies_to_its_path_only():
    fake = FakeTime()
    limiter = RateLimiter(20, method_rps={"/v3/posting/fbs/get": 2.0}, clock=fake.clock, sleep=fake.sleep)
    start = fake.now
    for _ in range(10):
        limiter.acquire("/v1/roles")
    assert fake.now == start
    for _ in range(5):
        limiter.acquire("/v3/posting/fbs/get")
    assert fake.now - start == pytest.approx(2.0)  # 1 free, then 4 × 0.5 s


def test_limiter_pause_covers_every_method():
    fake = FakeTime()
    limiter = RateLimiter(20, method_rps={"/a": 5.0}, clock=fake.clock, sleep=fake.sleep)
    limiter.pause(2)
    assert limiter.acquire("/a") == pytest.approx(2)
    assert limiter.acquire("/b") == pytest.approx(0.05)  # the steady rate right after the pause


def test_bucket_is_thread_safe_on_real_time():
    bucket = TokenBucket(200, 1)
    start = time.monotonic()
    threads = [threading.Thread(target=lambda: [bucket.acquire() for _ in range(10)]) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert time.monotonic() - start >= 39 / 200 * 0.95


@pytest.mark.parametrize("attempt, ceiling", [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 8.0), (9, 8.0)])
def test_full_jitter_backoff_bounds(attempt, ceiling):
    assert full_jitter_backoff(attempt, base=0.5, cap=8.0, rng=lambda: 1.0) == ceiling
    assert full_jitter_backoff(attempt, base=0.5, cap=8.0, rng=lambda: 0.0) == 0.0
    assert 0.0 <= full_jitter_backoff(attempt, base=0.5, cap=8.0) <= ceiling


@pytest.mark.parametrize("bad", [dict(rate=0), dict(rate=5, burst=0.5)])
def test_bucket_refuses_nonsense(bad):
    with pytest.raises(ValueError):
        TokenBucket(**bad)


def test_client_calls_are_paced_by_its_bucket():
    fake = FakeTime()
    with ScriptedOzon() as stub, make_client(stub.url, fake, rps=10.0, burst=2) as client:
        stub.queue("/v1/roles", *[Reply(json={"roles": []})] * 6)
        start = fake.now
        for _ in range(6):
            client.roles()
    assert fake.now - start == pytest.approx((6 - 2) / 10)
    assert len(stub.requests) == 6


def test_one_limiter_per_api_host_and_client_id():
    limiters = AccountLimiters()
    one = limiters.for_account("https://api-seller.ozon.ru", "100", rps=5)
    assert limiters.for_account("https://API-seller.ozon.ru/", " 100 ") is one  # the first rate stays
    assert limiters.for_account("https://api-seller.ozon.ru", "200") is not one
    assert limiters.for_account("http://127.0.0.1:8001", "100") is not one
    assert one.account.rate == 5
