"""The Ozon client's HTTP behaviour against a scripted stub: headers, retries, faults, errors, secrecy."""
from __future__ import annotations

import logging
import traceback
from datetime import datetime, timezone

import pytest
import requests

from app.services.ozon.client import OzonClient
from app.services.ozon.errors import (
    OzonAuthError,
    OzonBadResponse,
    OzonBusinessError,
    OzonConfigError,
    OzonError,
    OzonNotFound,
    OzonRateLimited,
    OzonTransportError,
)
from app.services.ozon.models import ShipPackage
from app.services.ozon.transport import parse_retry_after, redact
from ozon_client_helpers import (
    API_KEY,
    CLIENT_ID,
    FakeTime,
    RecordingSession,
    Reply,
    ScriptedOzon,
    error_reply,
    make_client,
    refused_url,
)

ROLES = "/v1/roles"
SHIP = "/v4/posting/fbs/ship"
GET = "/v3/posting/fbs/get"
ROLES_OK = Reply(json={"roles": [{"name": "Admin", "methods": []}]})
SHIP_OK = Reply(json={"result": ["1-1-1"], "additional_data": []})
PACKAGES = [ShipPackage(products=((180550365, 1),))]


@pytest.fixture
def stub():
    with ScriptedOzon() as server:
        yield server


@pytest.fixture
def fake():
    return FakeTime()


def test_headers_and_json_body_are_sent(stub):
    stub.queue(ROLES, ROLES_OK)
    with make_client(stub.url) as client:
        assert client.roles().roles == ("Admin",)
    (request,) = stub.requests
    assert request.path == ROLES
    assert request.headers["Client-Id"] == CLIENT_ID
    assert request.headers["Api-Key"] == API_KEY
    assert request.headers["Content-Type"] == "application/json"
    assert request.json == {}


def test_timeout_is_passed_on_every_call(stub):
    stub.queue(ROLES, ROLES_OK, ROLES_OK)
    session = RecordingSession()
    with session, make_client(stub.url, session=session, timeout=(3, 17)) as client:
        client.roles()
        client.roles()
    assert [call["timeout"] for call in session.calls] == [(3.0, 17.0), (3.0, 17.0)]
    assert all(call["method"] == "POST" and call["allow_redirects"] is False for call in session.calls)


def test_one_debug_line_per_call(stub, caplog):
    stub.queue(ROLES, ROLES_OK)
    with caplog.at_level(logging.DEBUG, logger="packdesk.ozon.client"), make_client(stub.url) as client:
        client.roles()
    lines = [r.getMessage() for r in caplog.records if r.name == "packdesk.ozon.client"]
    assert len(lines) == 1
    assert lines[0].startswith("POST /v1/roles -> 200 in ") and lines[0].endswith("(attempt 1)")


def test_429_retry_after_is_honoured(stub, fake):
    stub.queue(ROLES, error_reply(429, "You have reached request rate limit per second", code=8,
                                  headers={"Retry-After": "3"}), ROLES_OK)
    with make_client(stub.url, fake) as client:
        client.roles()
    assert stub.paths() == [ROLES, ROLES]
    assert fake.sleeps == [3.0]


def test_429_without_retry_after_backs_off(stub, fake):
    stub.queue(ROLES, error_reply(429, "You have reached request rate limit per second", code=8), ROLES_OK)
    with make_client(stub.url, fake, backoff_base=0.5) as client:
        client.roles()
    assert fake.sleeps == [0.5]  # rng=1: the full jitter ceiling of the first retry


@pytest.mark.parametrize("header, seconds", [
    ("3", 3.0), ("1.5", 1.5), (" 2 ", 2.0), ("-4", 0.0), ("", None), (None, None), ("soon", None), ("nan", None),
    ("Fri, 01 May 2026 12:00:30 GMT", 30.0),
])
def test_parse_retry_after(header, seconds):
    now = lambda: datetime(2026, 5, 1, 12, 0, 0, tzinfo=timezone.utc)  # noqa: E731
    assert parse_retry_after(header, now=now) == seconds


def test_429_pauses_the_whole_account(stub, fake):
    stub.queue(ROLES, error_reply(429, "limit", code=8, headers={"retry-after": "7"}))
    stub.queue(GET, Reply(json={"result": {"posting_number": "1-1-1", "status": "delivered"}}))
    with make_client(stub.url, fake, max_retries=0) as client:
        with pytest.raises(OzonRateLimited) as caught:
            client.roles()
        assert caught.value.retry_after == 7.0 and caught.value.code == "rate_limited"
        assert fake.sleeps == []
        client.get_posting("1-1-1")  # another method: held by the account pause
    assert fake.sleeps == [7.0]


def test_429_exhausted_raises_rate_limited(stub, fake):
    stub.queue(ROLES, *[error_reply(429, "limit", code=8, headers={"Retry-After": "1"})] * 3)
    with make_client(stub.url, fake, max_retries=2) as client, pytest.raises(OzonRateLimited):
        client.roles()
    assert len(stub.requests) == 3


def test_overlong_retry_after_is_not_waited_for(stub, fake):
    stub.queue(ROLES, error_reply(429, "limit", code=8, headers={"Retry-After": "600"}))
    with make_client(stub.url, fake, max_retry_after=60) as client:
        with pytest.raises(OzonRateLimited) as caught:
            client.roles()
        assert caught.value.retry_after == 600
        assert client.limiter.paused_until >= fake.now + 600
    assert len(stub.requests) == 1 and fake.sleeps == []


def test_5xx_on_reads_is_retried_with_bounded_backoff(stub, fake):
    stub.queue(ROLES, *[error_reply(500, "internal", code=13)] * 3, ROLES_OK)
    with make_client(stub.url, fake, max_retries=4, backoff_base=0.5, backoff_cap=8) as client:
        client.roles()
    assert len(stub.requests) == 4
    assert fake.sleeps == [0.5, 1.0, 2.0]


def test_5xx_on_reads_gives_up_after_max_retries(stub, fake):
    stub.queue(ROLES, *[error_reply(503, "unavailable", code=14)] * 6)
    with make_client(stub.url, fake, max_retries=4, backoff_base=0.5, backoff_cap=1.5) as client:
        with pytest.raises(OzonTransportError) as caught:
            client.roles()
    assert len(stub.requests) == 5
    assert fake.sleeps == [0.5, 1.0, 1.5, 1.5]
    assert caught.value.maybe_applied is True and "503" in str(caught.value)


def test_5xx_on_ship_is_not_retried(stub, fake):
    stub.queue(SHIP, error_reply(502, "bad gateway", code=14), SHIP_OK)
    with make_client(stub.url, fake) as client, pytest.raises(OzonTransportError) as caught:
        client.ship("1-1-1", PACKAGES)
    assert caught.value.maybe_applied is True and caught.value.code == "transport"
    assert len(stub.requests) == 1 and fake.sleeps == []


@pytest.mark.parametrize("fault", [Reply(delay=2.0), Reply(reset=True)], ids=["read-timeout", "reset"])
def test_ship_fault_after_sending_is_not_retried(stub, fake, fault):
    stub.queue(SHIP, fault, SHIP_OK)
    with make_client(stub.url, fake, timeout=(2, 0.3)) as client, pytest.raises(OzonTransportError) as caught:
        client.ship("1-1-1", PACKAGES)
    assert caught.value.maybe_applied is True
    assert len(stub.requests) == 1


@pytest.mark.parametrize("fault", [Reply(delay=2.0), Reply(reset=True)], ids=["read-timeout", "reset"])
def test_read_fault_is_retried(stub, fake, fault):
    stub.queue(ROLES, fault, ROLES_OK)
    with make_client(stub.url, fake, timeout=(2, 0.3)) as client:
        assert client.roles().roles == ("Admin",)
    assert len(stub.requests) == 2 and len(fake.sleeps) == 1


def test_ship_connect_refused_is_retried_then_not_applied(fake):
    with make_client(refused_url(), fake, max_retries=3) as client, pytest.raises(OzonTransportError) as caught:
        client.ship("1-1-1", PACKAGES)
    assert caught.value.maybe_applied is False
    assert len(fake.sleeps) == 3  # three retries after the first refused attempt


def test_ship_429_is_retried(stub, fake):
    stub.queue(SHIP, error_reply(429, "limit", code=8, headers={"Retry-After": "2"}), SHIP_OK)
    with make_client(stub.url, fake) as client:
        assert client.ship("1-1-1", PACKAGES).posting_numbers == ("1-1-1",)
    assert len(stub.requests) == 2 and fake.sleeps == [2.0]


def test_ship_circle_is_open_is_retried(stub, fake):
    stub.queue(SHIP, error_reply(503, "Circle is open", code=14), SHIP_OK)
    with make_client(stub.url, fake) as client:
        assert client.ship("1-1-1", PACKAGES).posting_numbers == ("1-1-1",)
    assert len(stub.requests) == 2


@pytest.mark.parametrize("reply, error_type, ozon_code, status", [
    (error_reply(400, "POSTING_ALREADY_SHIPPED"), OzonBusinessError, "POSTING_ALREADY_SHIPPED", 400),
    (error_reply(400, "HAS_INCORRECT_STATUS: posting has status cancelled"), OzonBusinessError,
     "HAS_INCORRECT_STATUS", 400),
    (error_reply(409, "Posting 1-1-1: POSTING_ALREADY_CANCELLED"), OzonBusinessError, "POSTING_ALREADY_CANCELLED", 409),
    (error_reply(400, "something odd happened"), OzonBusinessError, "something odd happened", 400),
    (Reply(status=400, body=b"", headers={"Content-Type": "text/plain"}), OzonBusinessError, "HTTP_400", 400),
    (error_reply(404, "POSTING_NOT_FOUND", code=5), OzonNotFound, "POSTING_NOT_FOUND", 404),
    (error_reply(400, "POSTING_NOT_FOUND"), OzonNotFound, "POSTING_NOT_FOUND", 400),
])
def test_business_errors_carry_ozons_code(stub, reply, error_type, ozon_code, status):
    stub.queue(SHIP, reply)
    with make_client(stub.url) as client, pytest.raises(error_type) as caught:
        client.ship("1-1-1", PACKAGES)
    assert type(caught.value) is error_type
    assert caught.value.ozon_code == ozon_code and caught.value.http_status == status
    assert caught.value.maybe_applied is False
    assert len(stub.requests) == 1


@pytest.mark.parametrize("status, message", [
    (401, "Invalid Api-Key, please check the key and try again"),
    (403, "Api-key is deactivated, use another one or generate a new one"),
    (403, "Api-Key is missing a required role for a method"),
    (403, "Api-Key is restricted to specific IP addresses"),
    (400, "Invalid Api-Key, please check the key and try again"),
])
def test_auth_errors_keep_ozons_message(stub, status, message):
    stub.queue(ROLES, error_reply(status, message, code=7))
    with make_client(stub.url) as client, pytest.raises(OzonAuthError) as caught:
        client.roles()
    assert message in str(caught.value)
    assert caught.value.code == "auth" and caught.value.http_status == status
    assert len(stub.requests) == 1


def test_non_json_body_is_retried_once_for_reads(stub, fake):
    garbage = Reply(body=b"<html>502 from a proxy</html>", headers={"Content-Type": "text/html"})
    stub.queue(ROLES, garbage, garbage, ROLES_OK)
    with make_client(stub.url, fake) as client, pytest.raises(OzonBadResponse) as caught:
        client.roles()
    assert len(stub.requests) == 2
    assert caught.value.endpoint == ROLES and caught.value.code == "bad_response"


def test_non_json_body_then_good_body(stub, fake):
    stub.queue(ROLES, Reply(body=b"{truncated", headers={"Content-Type": "application/json"}), ROLES_OK)
    with make_client(stub.url, fake) as client:
        assert client.roles().roles == ("Admin",)


def test_non_json_body_on_ship_is_not_retried_and_maybe_applied(stub):
    stub.queue(SHIP, Reply(body=b"oops", headers={"Content-Type": "text/plain"}), SHIP_OK)
    with make_client(stub.url) as client, pytest.raises(OzonBadResponse) as caught:
        client.ship("1-1-1", PACKAGES)
    assert caught.value.maybe_applied is True and len(stub.requests) == 1


def test_unexpected_shape_is_a_bad_response(stub):
    stub.queue(GET, Reply(json={"result": {"status": "awaiting_packaging"}}))
    with make_client(stub.url) as client, pytest.raises(OzonBadResponse) as caught:
        client.get_posting("1-1-1")
    assert caught.value.endpoint == GET and "posting_number" in str(caught.value)


def test_redirect_is_not_followed(stub):
    stub.queue(ROLES, Reply(status=307, headers={"Location": "https://example.invalid/challenge"}))
    with make_client(stub.url) as client, pytest.raises(OzonBadResponse):
        client.roles()
    assert len(stub.requests) == 1


@pytest.mark.parametrize("url", ["http://api-seller.ozon.ru", "http://10.0.0.5:8080", "http://128.0.0.1",
                                 "ftp://127.0.0.1", "api-seller.ozon.ru", "http://localhost.evil.com"])
def test_plain_http_to_a_remote_host_is_refused(url):
    with pytest.raises(OzonConfigError) as caught:
        OzonClient(url, CLIENT_ID, API_KEY)
    assert caught.value.code == "config"


@pytest.mark.parametrize("url", ["https://api-seller.ozon.ru", "https://api-seller.ozon.ru/", "http://127.0.0.1:9",
                                 "http://127.1.2.3", "http://[::1]:8080", "http://localhost:8080"])
def test_https_and_loopback_http_are_accepted(url):
    with OzonClient(url, CLIENT_ID, API_KEY) as client:
        assert not client.base_url.endswith("/")


@pytest.mark.parametrize("key", ["", " " + API_KEY, API_KEY + "\n", "abc def", 'ab"c'])
def test_malformed_key_is_refused_without_echoing_it(key):
    with pytest.raises(OzonConfigError) as caught:
        OzonClient("https://api-seller.ozon.ru", CLIENT_ID, key)
    if key.strip():
        assert key.strip() not in str(caught.value)


class _LeakySession(requests.Session):
    """A session whose errors quote the request headers, as some adapters/proxies do."""

    def request(self, method, url, **kwargs):
        raise requests.ConnectionError(f"connection aborted while sending headers={kwargs.get('headers')}")


def test_api_key_never_appears_in_logs_errors_or_repr(stub, fake, caplog):
    stub.queue(ROLES, error_reply(500, "internal"), ROLES_OK, error_reply(401, "Invalid Api-Key"),
               error_reply(429, f"limit for {API_KEY}", code=8), Reply(reset=True), error_reply(400, f"bad {API_KEY}"))
    errors: list[OzonError] = []
    with caplog.at_level(logging.DEBUG):  # every logger, urllib3 included
        with make_client(stub.url, fake, max_retries=1) as client:
            client.roles()
            for _ in range(3):
                try:
                    client.roles()
                except OzonError as exc:
                    errors.append(exc)
            assert API_KEY not in repr(client)
        leaky = _LeakySession()
        with leaky, make_client(stub.url, fake, session=leaky, max_retries=1) as client:
            with pytest.raises(OzonTransportError) as caught:
                client.ship("1-1-1", PACKAGES)
            errors.append(caught.value)
    assert len(errors) == 4
    # the leaky exception text reaches the log with the header name kept and its value masked
    assert "Api-Key" in caplog.text and "***" in caplog.text
    assert caplog.records and API_KEY not in caplog.text
    for error in errors:
        assert API_KEY not in str(error) and API_KEY not in repr(error) and API_KEY not in repr(error.args)
        assert API_KEY not in "".join(traceback.format_exception(error))


KEY = "0b7a6a4e-5c3f-4d2e-9f1a-2b3c4d5e6f70"


@pytest.mark.parametrize("text, secret, masked", [
    # a real key (a UUID) is masked wherever it appears, glued to other text or not
    (f'{{"Api-Key": "{KEY}"}}', KEY, '{"Api-Key": "***"}'),
    (f"headers=%22{KEY}%22", KEY, "headers=%22***%22"),
    (f"key{KEY}key", KEY, "key***key"),
    ("demo-key refused", "demo-key", "*** refused"),
    # a made-up short key only where it stands alone: the words around it stay readable
    ("Max retries exceeded with url: /v1/roles", "x", "Max retries exceeded with url: /v1/roles"),
    ("Api-Key: x refused", "x", "Api-Key: *** refused"),
    ("{'Api-Key': 'abc'}, latest abcd", "abc", "{'Api-Key': '***'}, latest abcd"),
    ("a.b? in a.b?", "a.b?", "*** in ***"),  # a key with regex characters is taken literally
    # no key: nothing to mask
    ("anything", "", "anything"),
    ("anything", None, "anything"),
])
def test_the_api_key_is_masked_without_mangling_the_text(text, secret, masked):
    assert redact(text, secret) == masked
