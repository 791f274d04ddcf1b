"""Ozon's label tasks (2026-11): create, wait for the task, download its file from the CDN.

    tasks = create  /v3/posting/fbs/package-label/create {posting_numbers}   -> one task per label size
    state = poll    /v2/posting/fbs/package-label/get    {task_id}            -> completed + file_url
    pdf   = GET     file_url (another host, a temporary public link)

``file_url`` is fetched by :class:`LabelDownloads`: its own ``requests`` session that never
carries ``Client-Id``/``Api-Key`` (credentials go to the configured API host only), https only
(plain http only to a loopback host, like the API base URL), redirects followed by hand under the
same rule, the body capped and checked to start with ``%PDF``.

Pages: the file holds one page per printed posting, in request order, the postings Ozon lists in
``unprinted_postings`` left out (the simulator makes the same choice). When Ozon's counts disagree
with that, the answer is refused rather than risk a label on the wrong parcel.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from urllib.parse import urljoin, urlsplit

import requests

from app.config_values import is_loopback

from .errors import (
    OzonBadResponse, OzonBusinessError, OzonLabelNotReady, OzonTransportError, is_not_ready_message,
)
from .models import BIG_LABEL, SMALL_LABEL, LabelBatch, LabelTask, LabelTaskState
from .transport import network_reason

log = logging.getLogger("packdesk.ozon.client")

__all__ = ["LABEL_CREATE", "LABEL_GET", "LabelDownloads", "check_file_url", "choose_task", "wait_for_task",
           "label_batch"]

LABEL_CREATE = "/v3/posting/fbs/package-label/create"
LABEL_GET = "/v2/posting/fbs/package-label/get"
POLL_FIRST_S = 0.25    # first wait between two looks at a task, doubling
POLL_MAX_S = 2.0
TASK_TIMEOUT_S = 30.0  # a task not completed by then: the labels are asked for again on a later pass
MAX_PDF_BYTES = 32 * 1024 * 1024
MAX_REDIRECTS = 3


def check_file_url(url: str) -> str:
    """``url`` when it may be downloaded: https, or http to a loopback host only."""
    parts = urlsplit(url or "")
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return url
    if parts.scheme == "http" and host and is_loopback(host):
        return url
    raise OzonBadResponse(f"{LABEL_GET} gave a label link that is not https ({parts.scheme or 'no'} scheme, "
                          f"host {host or 'missing'})", endpoint=LABEL_GET)


def choose_task(tasks: Sequence[LabelTask], task_type: str) -> LabelTask:
    """The task of the wanted label size; the other size when Ozon made none of it (printed at
    its true size, or fitted to the stock, by the renderer)."""
    if task_type not in (BIG_LABEL, SMALL_LABEL):
        raise ValueError(f"unknown label task type {task_type!r}")
    for task in tasks:
        if task.task_type == task_type:
            return task
    log.info("Ozon made no %s task for this batch; taking the %s one", task_type, tasks[0].task_type)
    return tasks[0]


def wait_for_task(read: Callable[[], LabelTaskState], *, sleep: Callable[[float], None],
                  clock: Callable[[], float], timeout_s: float = TASK_TIMEOUT_S) -> LabelTaskState:
    """Look at a task until it is completed, waiting longer each time (bounded by ``timeout_s``).

    A task in ``error`` raises OzonLabelNotReady ("aren't ready") or OzonBusinessError; one still
    pending at the deadline raises OzonTransportError (nothing was lost: ask again later)."""
    deadline = clock() + timeout_s
    wait = POLL_FIRST_S
    while True:
        state = read()
        if state.status == "completed":
            return state
        if state.status == "error":
            message = state.error_message or state.error_code or "label task failed"
            text = f"Ozon refused {LABEL_GET}: {message}"
            if is_not_ready_message(message):
                raise OzonLabelNotReady(text, endpoint=LABEL_GET, ozon_code=state.error_code or message,
                                        http_status=200)
            raise OzonBusinessError(text, endpoint=LABEL_GET, ozon_code=state.error_code or message, http_status=200)
        left = deadline - clock()
        if left <= 0:
            raise OzonTransportError(f"{LABEL_GET}: the label task is still {state.status} after {timeout_s:g} s",
                                     endpoint=LABEL_GET)
        sleep(min(wait, left))
        wait = min(POLL_MAX_S, wait * 2)


def label_batch(numbers: Sequence[str], task: LabelTask, state: LabelTaskState,
                download: Callable[[str], bytes]) -> LabelBatch:
    """The completed task as a batch: who printed (request order), who did not, the file."""
    wanted = set(numbers)
    unprinted = tuple((number, message) for number, message in state.unprinted if number in wanted)
    left_out = {number for number, _ in unprinted}
    printed = tuple(number for number in numbers if number not in left_out)
    if state.postings_count and (state.postings_count != len(numbers)
                                 or state.printed_postings_count != len(printed)):
        raise OzonBadResponse(f"{LABEL_GET}: the task counts {state.printed_postings_count} of "
                              f"{state.postings_count} printed, the request had {len(printed)} of {len(numbers)}: "
                              "pages cannot be matched to postings", endpoint=LABEL_GET)
    if not printed:
        return LabelBatch(task.task_type, (), unprinted, None)
    if not state.file_url:
        raise OzonBadResponse(f"{LABEL_GET}: a completed task with printed postings has no file_url",
                              endpoint=LABEL_GET)
    return LabelBatch(task.task_type, printed, unprinted, download(state.file_url))


class LabelDownloads:
    """Downloads label files from Ozon's file host, never with the account's credentials."""

    def __init__(self, *, timeout: tuple[float, float], session: requests.Session | None = None):
        self._timeout = timeout
        self._owns_session = session is None
        self._session = session if session is not None else requests.Session()

    def close(self) -> None:
        if self._owns_session:
            self._session.close()

    def get_pdf(self, url: str) -> bytes:
        """The PDF behind ``url``; OzonBadResponse when it is not one, OzonTransportError when the
        host cannot be reached or refuses (an expired link, say)."""
        for _ in range(MAX_REDIRECTS + 1):
            url = check_file_url(url)
            host = urlsplit(url).hostname
            try:
                with self._session.get(url, timeout=self._timeout, allow_redirects=False, stream=True,
                                       headers={"Accept": "application/pdf, application/octet-stream"}) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("Location", ""))
                        continue
                    if response.status_code != 200:
                        raise OzonTransportError(f"the label file host {host} answered HTTP {response.status_code}",
                                                 endpoint=LABEL_GET)
                    data = _read_capped(response)
            except requests.RequestException as exc:
                log.warning("label file download from %s failed: %s", host, type(exc).__name__)
                raise OzonTransportError(f"the label file host {host}: {network_reason(exc)}",
                                         endpoint=LABEL_GET) from None
            if not data.startswith(b"%PDF"):
                raise OzonBadResponse(f"the label file from {host} is not a PDF "
                                      f"({len(data)} bytes, {response.headers.get('Content-Type', 'no type')})",
                                      endpoint=LABEL_GET)
            log.debug("label file of %d bytes from %s", len(data), host)
            return data
        raise OzonBadResponse(f"the label link redirects more than {MAX_REDIRECTS} times", endpoint=LABEL_GET)


def _read_capped(response: requests.Response) -> bytes:
    data = bytearray()
    for chunk in response.iter_content(64 * 1024):
        data += chunk
        if len(data) > MAX_PDF_BYTES:
            raise OzonBadResponse(f"the label file is larger than {MAX_PDF_BYTES} bytes", endpoint=LABEL_GET)
    return bytes(data)
