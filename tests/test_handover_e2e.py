"""The issue's acceptance hand-over, as a user runs it: ``packdesk replay`` processes against the
simulator. A shift of FBS and rFBS (own carrier) postings is packed; then the FBS parcels are handed
over with one missing, one cancelled after its label, one scanned twice and one of another method;
the close is incomplete, the missing one is scanned, the close goes through; then the rFBS parcels
go with their carrier's tracking numbers. On Ozon's side exactly the scanned parcels are in an
approved carriage, the act is stored, and tracking numbers arrived for exactly the rFBS parcels."""
import json
import subprocess
import sys
import time
from pathlib import Path

from app.sim.ozon import OzonSimulator, WorldConfig
from test_cli_replay import env_for

TRACKING = {"Почта России": ["80102367216110", "RB123456785GB"], "СДЭК": ["1234567890", "1234567891"]}


def plain(sim, integration: str) -> dict[int, list[str]]:
    """Packable postings without marked products, by delivery method, of one integration type."""
    world, found = sim.world, {}
    for number in world.posting_numbers("awaiting_packaging"):
        posting = world.peek(number)
        if posting.method.tpl_integration_type == integration and not any(world.needs_mark[x.sku] for x in posting.lines):
            found.setdefault(posting.method.id, []).append(number)
    return found


def packing(sim, number: str) -> list[dict]:
    world = sim.world
    lines = world.peek(number).lines
    return [{"scan": number}, *({"scan": world.product_by_sku[x.sku].barcodes[0]} for x in lines
                                for _ in range(x.quantity)),
            {"weight_g": sum(x.quantity * world.product_by_sku[x.sku].weight_g for x in lines)}]


def replay(sim, tmp_path: Path, name: str, script: list[dict], on_line=lambda line: None) -> list[dict]:
    config = tmp_path / "packdesk.toml"
    config.write_text('[station]\nname = "bench-1"\nsupervisors = ["anna"]\n[devices]\nprinter = "sim://"\n',
                      encoding="utf-8")
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(event) + "\n" for event in script), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "app", "--config", str(config), "--data-dir", str(tmp_path),
                             "--lang", "ru", "replay", str(path), "--drain-timeout", "90"],
                            env=env_for(sim), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        for raw in proc.stdout:
            lines.append(json.loads(raw))
            on_line(lines[-1])
        assert proc.wait(timeout=240) == 0, proc.stderr.read()
    finally:
        proc.kill()
        proc.communicate()
    assert [line["event"] for line in lines] == script
    return lines


def test_a_shift_handed_over_with_a_parcel_missing_cancelled_doubled_and_of_another_method(tmp_path):
    config = WorldConfig(postings=90, seed=29, ship_delay_s=0.2, label_delay_s=0.5, own_carrier_share=0.3,
                         status_change_delay_s=0.5, mixed_statuses=False)
    with OzonSimulator(config) as sim:
        world = sim.world
        fbs = plain(sim, "ozon")
        method, other = sorted(fbs, key=lambda m: -len(fbs[m]))[:2]
        own = plain(sim, "non_integrated")
        rfbs_method = max(own, key=lambda m: len(own[m]))
        p1, p2, cancelled, p3, missing = fbs[method][:5]
        stranger = fbs[other][0]
        r1, r2 = own[rfbs_method][:2]
        for number in (p1, p2, cancelled, p3, missing, stranger, r1, r2):
            world.set_shipment_date(number, time.time() - 60)  # due today
        shift = [event for number in (p1, p2, cancelled, p3, missing, stranger, r1, r2) for event in packing(sim, number)]
        packed = replay(sim, tmp_path, "shift", shift)
        assert [x["code"] for x in packed if "weight_g" in x["event"]] == ["weight_accepted"] * 8
        assert {world.peek(n).status for n in (p1, p2, cancelled, p3, missing, stranger, r1, r2)} == {"awaiting_deliver"}

        label = world.peek(p2).upper_barcode
        t1, t2 = TRACKING[world.peek(r1).method.provider_name]
        handover = [
            {"scan": f"CMD:HANDOVER:{method}"}, {"wait_s": 1.5},
            {"scan": p1}, {"scan": p1}, {"scan": label}, {"scan": cancelled}, {"scan": "CMD:ACK"},
            {"scan": stranger}, {"scan": p3}, {"scan": "4600000000001"},
            {"scan": "CMD:HANDOVER-CLOSE"}, {"scan": missing}, {"scan": "CMD:HANDOVER-CLOSE"},
            {"scan": f"CMD:HANDOVER:{rfbs_method}"}, {"scan": r1}, {"scan": "80102367216111"}, {"scan": t1},
            {"scan": r2}, {"scan": t2}, {"scan": "CMD:HANDOVER-CLOSE"},
        ]

        def cancel_once_started(line):
            if line["code"] == "handover_started" and line["data"]["delivery_method_id"] == method:
                world.cancel(cancelled)  # after its label, after the last sync: the scan must catch it

        lines = replay(sim, tmp_path, "handover", handover, cancel_once_started)
        codes = [line["code"] for line in lines]
        assert codes == ["handover_started", "waited", "parcel_accepted", "parcel_duplicate", "parcel_accepted",
                         "parcel_cancelled", "acknowledged", "parcel_not_in_handover", "parcel_accepted",
                         "not_a_parcel", "handover_incomplete", "parcel_accepted", "handover_closed",
                         "handover_started", "parcel_accepted", "tracking_invalid", "tracking_captured",
                         "parcel_accepted", "tracking_captured", "handover_closed"]
        started, incomplete, closed = lines[0], lines[10], lines[12]
        assert sorted(started["data"]["parcels"]) == sorted([p1, p2, cancelled, p3, missing])
        assert incomplete["data"]["missing"] == [missing] and incomplete["state"] == "error"
        assert (closed["data"]["expected"], closed["data"]["scanned"]) == (4, 4)
        assert lines[5]["state"] == "error" and lines[7]["data"]["variant"] == "method"
        assert all(line["message"] and not line["message"].isascii() for line in lines)  # in Russian

        # on Ozon's side: exactly the scanned parcels in an approved carriage
        (carriage,) = sim.carriages.of(method)
        assert carriage.status == "formed" and sorted(carriage.postings) == sorted([p1, p2, p3, missing])
        assert sim.carriages.created == 1 and closed["data"]["carriage_id"] in (None, carriage.id)
        assert world.peek(cancelled).status == "cancelled" and not sim.carriages.of(other)
        acts = list((tmp_path / "acts").glob(f"carriage-{carriage.id}-act-*.pdf"))
        assert len(acts) == 1 and acts[0].read_bytes().startswith(b"%PDF")
        # tracking numbers arrived for exactly the rFBS parcels, and they are on their way
        assert {n: world.peek(n).tracking_number for n in (r1, r2)} == {r1: t1, r2: t2}
        assert all(not world.peek(n).tracking_number for n in (p1, p2, p3, missing, stranger))
        assert {world.peek(n).status for n in (r1, r2)} == {"delivering"}
        assert lines[-1]["data"]["tracking_sent"] == 2

        # the courier's scan misses one parcel; the morning after, `packdesk track --json` puts it first
        sim.carriages.courier_scans(carriage.id, [p3])
        sync = subprocess.run([sys.executable, "-m", "app", "--config", str(tmp_path / "packdesk.toml"), "--data-dir",
                               str(tmp_path), "sync", "--once"], env=env_for(sim), capture_output=True, text=True, timeout=120)
        assert sync.returncode == 0, sync.stderr
        assert world.peek(p3).status == "not_accepted" and world.peek(p1).status == "delivering"
        early = {row["posting_number"]: row["flag"] for row in track(sim, tmp_path, hours_later=1)}
        assert {number: flag for number, flag in early.items() if flag} == {cancelled: "cancelled_after_label"}
        assert early[p3] is None  # too early to say
        tracked = track(sim, tmp_path, hours_later=25)
        assert [(row["posting_number"], row["flag"]) for row in tracked[:2]] == [
            (p3, "not_scanned_by_ozon"), (cancelled, "cancelled_after_label")]
        mine = {row["posting_number"]: row for row in tracked}
        assert {n: mine[n]["flag"] for n in (p1, p2, missing, r1, r2)} == dict.fromkeys((p1, p2, missing, r1, r2))
        assert {mine[n]["carriage_id"] for n in (p1, p2, p3, missing)} == {carriage.id}
        assert {mine[n]["tracking_number"] for n in (r1, r2)} == {t1, t2}


# `packdesk track --json` as a user runs it, its clock moved (injected into the monitor, no sleeping)
TRACK_LATER = ("import sys, datetime; from app.services.tracking import monitor; real = monitor.utcnow; "
               "monitor.utcnow = lambda: real() + datetime.timedelta(hours=float(sys.argv[1])); "
               "from app.cli import main; sys.exit(main(sys.argv[2:]))")


def track(sim, tmp_path: Path, *, hours_later: float) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", TRACK_LATER, str(hours_later), "--config", str(tmp_path / "packdesk.toml"),
                           "--data-dir", str(tmp_path), "track", "--json"],
                          env=env_for(sim), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
