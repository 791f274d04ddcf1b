"""The issue's proof, as a user runs it: a posting packed by ``packdesk replay`` with the ``sim://``
camera has a whole, playable clip whose SHA-256 is in the evidence log; its bundle is made and
verified by the commands; one changed byte of the clip or of the summary fails the check, named."""
import json
import shutil
import subprocess
import sys
import zipfile

from app.devices.camera.mp4 import read_movie
from app.services.evidence import chain
from app.store import evidence as store_evidence
from app.store import open_database
from test_cli_replay import env_for, plain_postings, sim, units  # noqa: F401

PY = sys.executable


def _packdesk(sim, tmp_path, *argv, timeout=180):
    return subprocess.run([PY, "-m", "app", "--config", str(tmp_path / "packdesk.toml"), "--data-dir", str(tmp_path),
                           *argv], env=env_for(sim), capture_output=True, text=True, timeout=timeout)


def _flip(zip_path, member_prefix, out):
    """A copy of the bundle with one byte of one member changed."""
    with zipfile.ZipFile(zip_path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    name = next(n for n in members if n.startswith(member_prefix))
    data = bytearray(members[name])
    data[len(data) // 2] ^= 0x01
    members[name] = bytes(data)
    with zipfile.ZipFile(out, "w") as archive:
        for n, content in members.items():
            archive.writestr(n, content)
    return name


def test_a_packed_posting_has_a_sealed_playable_clip_and_a_bundle_that_verifies(sim, tmp_path):
    (number, lines), = plain_postings(sim, 1, min_units=2)
    (tmp_path / "packdesk.toml").write_text(
        '[station]\nname = "bench-1"\n[devices]\nscale = "sim://"\nprinter = "sim://"\n'
        'camera = "sim://?size=320x240&fps=10"\n', encoding="utf-8")
    script = [{"scan": number}, {"wait_s": 1.5}]
    for unit in units(lines):
        script += [unit, {"wait_s": 0.5}]
    script.pop()  # the last unit is followed by the weighing (the sim:// scale), not a wait
    (tmp_path / "shift.jsonl").write_text("".join(json.dumps(e) + "\n" for e in script), encoding="utf-8")
    replay = _packdesk(sim, tmp_path, "--lang", "ru", "replay", str(tmp_path / "shift.jsonl"), "--drain-timeout", "60")
    assert replay.returncode == 0, replay.stderr
    codes = [json.loads(line)["code"] for line in replay.stdout.splitlines()]
    assert codes[0] == "posting_opened" and codes[-1] == "weight_accepted", codes

    with open_database(f"sqlite:///{tmp_path / 'packdesk.db'}") as db, db.read() as session:
        files = store_evidence.files_for(session, number)
        entries = {e["seq"]: e for e in store_evidence.walk(session)}
        assert chain.verify_log(session).intact
    clip = next(f for f in files if f["kind"] == "clip")
    assert clip["state"] == "sealed", clip["detail"]
    path = tmp_path / "evidence" / clip["path"]
    movie = read_movie(path.read_bytes())
    (video,) = [t for t in movie.tracks if t.get("handler") == "vide"]
    assert movie.duration_s >= 2.0 and video["samples"] >= 15  # a real clip of the packing, frame by frame
    assert chain.file_sha256(path)[0] == clip["sha256"] == entries[clip["seq"]]["payload"]["sha256"]
    assert any(f["kind"] == "photo" and f["state"] == "sealed" for f in files)

    bundle = tmp_path / "bundle.zip"
    made = _packdesk(sim, tmp_path, "evidence", number, "--out", str(bundle))
    assert made.returncode == 0 and bundle.exists(), made.stderr
    checked = _packdesk(sim, tmp_path, "--lang", "en", "evidence", "verify", str(bundle))
    assert checked.returncode == 0 and "intact" in checked.stdout, checked.stdout + checked.stderr

    for prefix in ("clips/", "summary.pdf"):
        broken = tmp_path / f"broken-{prefix.strip('/').replace('.', '-')}.zip"
        name = _flip(bundle, prefix, broken)
        failed = _packdesk(sim, tmp_path, "--lang", "en", "evidence", "verify", str(broken))
        assert failed.returncode == 1 and f": {name}: its SHA-256" in failed.stdout, failed.stdout
    shutil.rmtree(tmp_path / "evidence")  # the bundle stands on its own: it needs nothing of the bench
    assert _packdesk(sim, tmp_path, "evidence", "verify", str(bundle)).returncode == 0


def test_verify_tells_a_wrong_path_from_a_bundle_that_fails(tmp_path):
    def verify(path, lang="en"):
        return subprocess.run([PY, "-m", "app", "--data-dir", str(tmp_path), "--lang", lang, "evidence", "verify",
                               str(path)], capture_output=True, text=True, timeout=60)

    missing = verify(tmp_path / "no-such-bundle.zip")
    assert missing.returncode == 1 and missing.stdout == ""
    assert f"There is no file {tmp_path / 'no-such-bundle.zip'}: nothing to check." in missing.stderr
    assert "Файла" in verify(tmp_path / "no-such-bundle.zip", "ru").stderr
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("not a bundle")
    broken = verify(not_zip)
    assert broken.returncode == 1 and "does NOT match" in broken.stdout and "not a readable ZIP file" in broken.stdout


def test_a_bundle_for_a_folder_that_does_not_exist_is_refused_before_any_work(tmp_path):
    out = tmp_path / "no-such-folder" / "bundle.zip"
    made = subprocess.run([PY, "-m", "app", "--data-dir", str(tmp_path), "--lang", "en", "evidence", "1-1-1", "--out",
                           str(out)], capture_output=True, text=True, timeout=60)
    assert made.returncode == 1 and "Traceback" not in made.stderr
    assert made.stderr.startswith(f"packdesk: Cannot write {out}: ") and not out.parent.exists()
