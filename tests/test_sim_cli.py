"""``packdesk ozon-sim`` as users run it: a process that prints where it listens."""
from __future__ import annotations

import argparse
import re
import selectors
import signal
import subprocess
import sys

import pytest
import requests

from app.cli import ozon_sim
from app.services.ozon.client import OzonClient
from app.services.ozon.models import ShipPackage
from sim_helpers import AUTH, REPO

LISTENING = re.compile(r"listening on (http://127\.0\.0\.1:(\d+))")


def _start(*options: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "app", "ozon-sim", "--port", "0", *options],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout=30):
            _stop(process)
            pytest.fail("ozon-sim printed nothing within 30 s")
    first = process.stdout.readline().rstrip("\n")
    match = LISTENING.fullmatch(first)
    if match is None:
        _stop(process)
        pytest.fail(f"first line was {first!r}")
    return process, match.group(1)


def _stop(process: subprocess.Popen, signum: int = signal.SIGTERM) -> int:
    if process.poll() is None:
        process.send_signal(signum)
    try:
        return process.wait(timeout=15)
    finally:
        process.stdout.close()
        process.stderr.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_ozon_sim_prints_its_address_first_serves_and_stops_cleanly(signum):
    process, base_url = _start("--postings", "7", "--seed", "3")
    try:
        with requests.Session() as session:
            roles = session.post(base_url + "/v1/roles", json={}, headers=AUTH, timeout=5)
            assert roles.status_code == 200 and roles.json()["roles"]
            health = session.get(base_url + "/_sim/health", timeout=5).json()
            assert health["postings"] == 7
    finally:
        code = _stop(process, signum)
    assert code == 0


def test_ozon_sim_takes_credentials_and_faults_from_options():
    process, base_url = _start("--client-id", "4242", "--api-key", "secret", "--fault-429", "1",
                               "--label-delay", "3")
    try:
        with requests.Session() as session:
            limited = session.post(base_url + "/v1/roles", json={}, headers={"Client-Id": "4242", "Api-Key": "secret"},
                                   timeout=5)
            assert limited.status_code == 429
            session.post(base_url + "/_sim/faults/reset", timeout=5)
            assert session.post(base_url + "/v1/roles", json={}, headers=AUTH, timeout=5).status_code == 403
            assert session.post(base_url + "/v1/roles", json={}, headers={"Client-Id": "4242", "Api-Key": "secret"},
                                timeout=5).status_code == 200
            assert session.get(base_url + "/_sim/config", timeout=5).json()["label_delay_s"] == 3.0
    finally:
        assert _stop(process) == 0


def test_a_standalone_simulator_serves_todays_methods_and_label_files_from_a_second_port():
    process, base_url = _start("--postings", "12", "--seed", "4", "--partner-share", "0.5", "--ship-delay", "0",
                               "--label-delay", "0")
    try:
        with OzonClient(base_url, "100000", "demo-key") as client, requests.Session() as session:
            methods = client.delivery_methods()
            assert {m.tpl_integration_type for m in methods} == {"ozon", "aggregator"}
            number = next(n for n in session.get(base_url + "/_sim/postings?status=awaiting_packaging",
                                                 timeout=5).json()["posting_numbers"]
                          if client.get_posting(n).tpl_integration_type == "ozon")
            posting = client.get_posting(number)
            client.ship(number, [ShipPackage(products=tuple((p.sku, p.quantity) for p in posting.products))])
            batch = client.fetch_labels([number])
            assert batch.printed == (number,) and batch.pdf.startswith(b"%PDF")
            assert session.post(base_url + "/v1/delivery-method/list", json={"limit": 5}, headers=AUTH,
                                timeout=5).status_code == 404
            assert session.get(base_url + "/_sim/stats", timeout=5).json()["files"] == {
                "requests": 1, "with_credentials": 0}
    finally:
        assert _stop(process) == 0


def test_ozon_sim_options_and_defaults():
    parser = argparse.ArgumentParser()
    ozon_sim.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["ozon-sim"])
    assert (args.host, args.port, args.postings, args.client_id, args.api_key) == (
        "127.0.0.1", 0, 50, "100000", "demo-key")
    assert args.func is ozon_sim.run
    assert args.partner_share == 0.0
    assert args.mark_check == 1.0 and parser.parse_args(["ozon-sim", "--mark-check", "120"]).mark_check == 120.0
    for bad in (["--fault-429", "2"], ["--postings", "-1"], ["--label-delay", "-3"], ["--partner-share", "1.5"],
                ["--mark-check", "-1"]):
        with pytest.raises(SystemExit):
            parser.parse_args(["ozon-sim", *bad])


def test_ozon_sim_reports_a_port_it_cannot_bind(capsys):
    with socket_in_use() as port:
        parser = argparse.ArgumentParser()
        ozon_sim.register(parser.add_subparsers(dest="command"))
        args = parser.parse_args(["ozon-sim", "--port", str(port), "--postings", "1"])
        assert ozon_sim.run(args) == 1
    assert "cannot listen" in capsys.readouterr().err


class socket_in_use:
    """A loopback port held by a listening socket for the duration of a with block."""

    def __enter__(self) -> int:
        import socket

        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen()
        return self._socket.getsockname()[1]

    def __exit__(self, *exc) -> None:
        self._socket.close()
