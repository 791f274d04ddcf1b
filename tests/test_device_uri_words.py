"""A wrong device URI is said in the seller's language (Settings, the commands, the window's warning);
the English stays what the log and the earlier messages had."""
import os
import subprocess
import sys

import pytest

from app.bench.problem import BenchProblem
from app.devices.camera.uri import parse_camera_uri
from app.devices.printers import profile_from_uri
from app.devices.scales import open_scale
from app.devices.uri import DeviceUriError, parse_device_uri
from app.messages import CATALOGUE, error_text


def wrong(call, *args):
    with pytest.raises(DeviceUriError) as caught:
        call(*args)
    return caught.value


CASES = [  # (what was written wrong, en, ru, zh)
    (lambda: parse_device_uri("bogus://x"),
     "'bogus://x': unknown scheme 'bogus'; known: cups, file, hid, keyboard, serial, sim, tcp, usb, win",
     "'bogus://x': неизвестная схема 'bogus'; известны: cups, file, hid, keyboard, serial, sim, tcp, usb, win",
     "'bogus://x'：未知协议 'bogus'；可用：cups, file, hid, keyboard, serial, sim, tcp, usb, win"),
    (lambda: parse_device_uri(""), "empty device URI", "URI устройства пуст", "设备 URI 为空"),
    (lambda: profile_from_uri(parse_device_uri("tcp://host?lang=klingon")),
     "'tcp://host?lang=klingon': lang='klingon' is not one of tspl, zpl, epl, escpos",
     "'tcp://host?lang=klingon': lang='klingon' — допустимо одно из: tspl, zpl, epl, escpos",
     "'tcp://host?lang=klingon'：lang='klingon' 无效，可选：tspl, zpl, epl, escpos"),
    (lambda: profile_from_uri(parse_device_uri("sim://?colour=red")),  # the device kind said in the language too
     "'sim://?colour=red': unknown printer parameter 'colour'; known: ",
     "'sim://?colour=red': неизвестный параметр 'colour' (принтер); известны: ",
     "'sim://?colour=red'：打印机没有参数 'colour'；可用："),
    (lambda: open_scale("tcp://127.0.0.1:9", on_reading=print),
     "'tcp://127.0.0.1:9': a tcp scale needs protocol=, one of hidpos, ",
     "'tcp://127.0.0.1:9': для весов tcp нужен protocol=, один из: hidpos, ",
     "'tcp://127.0.0.1:9'：tcp 电子秤需要 protocol=，可选：hidpos, "),
    (lambda: parse_camera_uri("sim://?fps=200"),
     "'sim://?fps=200': fps='200' must be a number from 1 to 60",
     "'sim://?fps=200': fps='200' должно быть числом от 1 до 60",
     "'sim://?fps=200'：fps='200' 必须是 1 到 60 之间的数"),
]


@pytest.mark.parametrize("call, en, ru, zh", CASES)
def test_a_wrong_uri_is_said_in_each_language(call, en, ru, zh):
    error = wrong(call)
    assert str(error) == error_text(error, "en") and str(error).startswith(en)
    assert error_text(error, "ru").startswith(ru) and error_text(error, "zh").startswith(zh)
    assert error_text(ValueError("as is"), "ru") == "as is"
    problem = BenchProblem("config_invalid", error)  # the bench's assembly keeps the error, not its English
    assert problem.detail_in("zh") == error_text(error, "zh") and str(problem) == f"config_invalid: {error}"


def test_every_device_uri_message_has_the_three_languages():
    codes = [code for code in CATALOGUE if code.startswith("uri_")]
    assert len(codes) >= 40 and all(set(CATALOGUE[code]) == {"en", "ru", "zh"} for code in codes)


def test_a_command_says_a_wrong_printer_uri_in_the_sellers_language(tmp_path):
    config = tmp_path / "packdesk.toml"
    config.write_text('[ozon]\nbase_url = "http://127.0.0.1:9"\nclient_id = "1"\n'
                      '[devices]\nprinter = "tcp://host?lang=klingon"\n', encoding="utf-8")
    env = {**os.environ, "PACKDESK_OZON_API_KEY": "k" * 36, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    done = subprocess.run([sys.executable, "-m", "app", "--config", str(config), "--data-dir", str(tmp_path),
                           "--lang", "zh", "replay", "-"], input="", capture_output=True, text=True, timeout=60,
                          env=env)
    assert done.returncode == 2
    assert "配置错误：'tcp://host?lang=klingon'：lang='klingon' 无效，可选：tspl, zpl, epl, escpos" in done.stderr
