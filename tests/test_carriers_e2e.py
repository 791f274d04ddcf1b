"""The issue's acceptance for carriers, as a user runs it: ``packdesk replay`` processes packing rFBS
postings whose delivery methods are mapped to Russian Post and CDEK (the loopback fakes), with a lost
answer from each carrier and a process killed in the middle of a CDEK call. Each parcel gets exactly
one carrier shipment, its carrier label printed (the printed pixels decode to its tracking number),
its tracking number on Ozon; at the hand-over no carrier barcode is asked."""
import json
import subprocess
import sys
import time
from pathlib import Path

import zxingcpp
from PIL import Image

from app.sim.carriers.cdek import ACCOUNT, SECRET, CdekFake
from app.sim.carriers.russian_post import LOGIN, PASSWORD, TOKEN, RussianPostFake
from app.sim.ozon import OzonSimulator, WorldConfig
from test_cli_replay import env_for
from test_handover_e2e import packing, plain


def config_text(post: RussianPostFake, cdek: CdekFake, methods: dict[str, int]) -> str:
    return (f'[station]\nname = "bench-1"\nsupervisors = ["anna"]\n[devices]\nprinter = "sim://?size=100x150"\n'
            f'[carriers.russian_post]\nbase_url = "{post.base_url}"\ntracking_url = "{post.tracking_url}"\n'
            f'login = "{LOGIN}"\ndelivery_methods = [{methods["russian_post"]}]\nfrom_postcode = "101000"\n'
            f'[carriers.cdek]\nbase_url = "{cdek.base_url}"\naccount = "{ACCOUNT}"\n'
            f'delivery_methods = [{methods["cdek"]}]\ntariff_code = 136\nshipment_point = "MSK123"\n')


def start(sim, tmp_path: Path, name: str, script: list[dict], config: str) -> subprocess.Popen:
    (tmp_path / "packdesk.toml").write_text(config, encoding="utf-8")
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(event) + "\n" for event in script), encoding="utf-8")
    env = {**env_for(sim), "PACKDESK_CDEK_SECRET": SECRET, "PACKDESK_RUSSIAN_POST_TOKEN": TOKEN,
           "PACKDESK_RUSSIAN_POST_PASSWORD": PASSWORD}
    return subprocess.Popen([sys.executable, "-m", "app", "--config", str(tmp_path / "packdesk.toml"),
                             "--data-dir", str(tmp_path), "--lang", "ru", "replay", str(path),
                             "--drain-timeout", "90"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(proc: subprocess.Popen) -> tuple[int, list[dict], str]:
    try:
        out, err = proc.communicate(timeout=240)
    finally:
        proc.kill()
    return proc.returncode, [json.loads(line) for line in out.splitlines() if line.strip()], err


def printed_codes(tmp_path: Path) -> list[str]:
    codes = []
    for png in sorted((tmp_path / "printed").glob("label-*.png")):
        found = zxingcpp.read_barcodes(Image.open(png).convert("L"), formats=zxingcpp.BarcodeFormat.Code128)
        codes.extend(f.text for f in found)
    return codes


def test_rfbs_parcels_of_both_carriers_each_get_one_shipment_label_and_tracking_number_on_ozon(tmp_path):
    world_config = WorldConfig(postings=90, seed=29, ship_delay_s=0.2, label_delay_s=0.5, own_carrier_share=0.4,
                               status_change_delay_s=0.5, mixed_statuses=False)
    with OzonSimulator(world_config) as sim, RussianPostFake() as post, CdekFake() as cdek:
        world = sim.world
        own = plain(sim, "non_integrated")
        by_carrier = {"russian_post": next(m for m in own if "Почта" in world.peek(own[m][0]).method.provider_name),
                      "cdek": next(m for m in own if "СДЭК" in world.peek(own[m][0]).method.provider_name)}
        r1, r2 = own[by_carrier["russian_post"]][:2]
        c1, c2 = own[by_carrier["cdek"]][:2]
        for number in (r1, r2, c1, c2):
            world.set_shipment_date(number, time.time() - 60)  # due today
        config = config_text(post, cdek, by_carrier)

        # 1. r1 and c1 packed; each carrier loses its answer to the create once
        post.faults.lose["PUT /1.0/user/backlog"] = 1
        cdek.faults.lose["POST /v2/orders"] = 1
        code, lines, err = finish(start(sim, tmp_path, "first", [*packing(sim, r1), *packing(sim, c1)], config))
        assert code == 0, err
        assert [x["code"] for x in lines if "weight_g" in x["event"]] == ["weight_accepted"] * 2

        # 2. r2 and c2 packed; the process dies while CDEK makes c2's order (made, never answered)
        script = [*packing(sim, r2), *packing(sim, c2)]
        proc = start(sim, tmp_path, "crash", script, config)
        cdek.faults.crash["POST /v2/orders"] = proc.kill
        code, lines, _ = finish(proc)
        assert code != 0 and len(cdek.orders_for(c2)) == 1

        # 3. the restart: nothing new to pack, the outbox drains (c2's order is found, not made again)
        code, lines, err = finish(start(sim, tmp_path, "restart", [], config))
        assert code == 0, err

        for number, fake in ((r1, post), (r2, post), (c1, cdek), (c2, cdek)):
            [order] = fake.orders_for(number)  # exactly one shipment per parcel
            tracking = order.get("barcode") or order.get("cdek_number")
            assert tracking and world.peek(number).tracking_number == tracking, number
        printed = printed_codes(tmp_path)
        for number, fake in ((r1, post), (r2, post), (c1, cdek), (c2, cdek)):
            [order] = fake.orders_for(number)
            assert (order.get("barcode") or order.get("cdek_number")) in printed, number

        # 4. the hand-over of the Russian Post parcels: no carrier barcode asked, delivering sent
        handover = [{"scan": f"CMD:HANDOVER:{by_carrier['russian_post']}"}, {"scan": r1}, {"scan": r2},
                    {"scan": "CMD:HANDOVER-CLOSE"}]
        code, lines, err = finish(start(sim, tmp_path, "handover", handover, config))
        assert code == 0, err
        assert [x["code"] for x in lines] == ["handover_started", "parcel_accepted", "parcel_accepted",
                                              "handover_closed"], lines
        assert lines[-1]["data"]["tracking_sent"] == 2
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and {world.peek(n).status for n in (r1, r2)} != {"delivering"}:
            time.sleep(0.2)
        assert {world.peek(n).status for n in (r1, r2)} == {"delivering"}
