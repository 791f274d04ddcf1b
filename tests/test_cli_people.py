"""`packdesk people` as a user runs it: a real process, the PIN read from stdin."""
import os
import subprocess
import sys


def packdesk(tmp_path, *args, stdin=""):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    argv = [sys.executable, "-m", "app", "--config", str(tmp_path / "none.toml"), "--data-dir", str(tmp_path),
            "--lang", "ru", "people", *args]
    (tmp_path / "none.toml").touch()
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env, input=stdin)


def test_a_pin_for_somebody_not_in_the_list_says_so_before_asking_for_the_pin(tmp_path):
    nobody = packdesk(tmp_path, "pin", "Nobody")
    assert nobody.returncode == 1 and nobody.stderr.strip() == "packdesk: В списке сотрудников нет Nobody."
    assert packdesk(tmp_path, "add", "Anna", "--role", "packer").returncode == 0
    empty = packdesk(tmp_path, "pin", "Anna")
    assert empty.returncode == 1 and "PIN — от 4 до 12 цифр" in empty.stderr
    assert packdesk(tmp_path, "pin", "Anna", stdin="4711\n").returncode == 0
