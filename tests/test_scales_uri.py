"""open_scale: URI validation names the wrong part; sim:// behaves like a scale."""
import pytest

from app.devices.scales import open_scale
from app.devices.scales.factory import parse_scale_uri
from app.devices.uri import DeviceUriError
from scales_helpers import FAST, Recorder, wait_until

BAD = [
    ("", "empty"),
    ("serial:/dev/ttyUSB0", "needs protocol="),
    ("serial:/dev/ttyUSB0?protocol=foo", "'foo'"),
    ("serial:/dev/ttyUSB0?protocol=hidpos", "hidpos"),
    ("serial:/dev/ttyUSB0?protocol=sics&baud=12345", "baud=12345"),
    ("serial:/dev/ttyUSB0?protocol=sics&baud=fast", "baud='fast'"),
    ("serial:/dev/ttyUSB0?protocol=sics&framing=9Z9", "framing='9Z9'"),
    ("serial:/dev/ttyUSB0?protocol=sics&colour=red", "'colour'"),
    ("serial:/dev/ttyUSB0?protocol=sics&weight=5", "weight="),
    ("tcp://scale.local?protocol=massak100", "HOST:PORT"),
    ("tcp://[fe80::5:5001?protocol=massak100", "HOST:PORT"),  # the address's bracket never closed
    ("tcp://fe80::5]:5001?protocol=massak100", "HOST:PORT"),
    ("tcp://scale.local:5001", "needs protocol="),
    ("tcp://scale.local:5001?protocol=massak100&baud=9600", "baud="),
    ("hid://xyz", "VID:PID"),
    ("hid://0922:8003?protocol=sics", "protocol='sics'"),
    ("usb:0922:8003", "two slashes"),
    ("file:/tmp/scale", "'file'"),
    ("cups://queue", "'cups'"),
    ("sim://?weight=heavy", "weight='heavy'"),
    ("sim://?protocol=sics", "protocol='sics'"),
    ("sim://?offset_pct=lots", "offset_pct='lots'"),
    ("sim://?offset_pct=nan", "offset_pct='nan'"),
    ("sim://?offset_pct=-100", "-90 to 900"),
    ("serial:/dev/ttyUSB0?protocol=sics&offset_pct=5", "offset_pct="),
    ("bluetooth://aa:bb", "unknown scheme"),
]


@pytest.mark.parametrize("uri,names", BAD)
def test_bad_uris_name_the_wrong_part(uri, names):
    with pytest.raises(DeviceUriError, match=None) as caught:
        open_scale(uri)
    assert names in str(caught.value)


GOOD = [
    ("serial:/dev/ttyUSB0?protocol=massak100", "massak100", "/dev/ttyUSB0"),
    ("serial:COM3?protocol=toledo8217&baud=4800&framing=7E1", "toledo8217", "COM3"),
    ("tcp://192.168.1.20:5001?protocol=massak100", "massak100", "192.168.1.20:5001"),
    ("tcp://[fe80::5]:5001?protocol=massak100", "massak100", "[fe80::5]:5001"),
    ("hid://0922:8003", "hidpos", "0922:8003"),
    ("usb://0922:8003?protocol=hidpos", "hidpos", "0922:8003"),
    ("sim://", "cas-stream", ""),
    ("sim://?weight=742&protocol=cas-stream", "cas-stream", ""),
    ("sim://?offset_pct=-12.5", "cas-stream", ""),
]


@pytest.mark.parametrize("uri,protocol,target", GOOD)
def test_good_uris(uri, protocol, target):
    parsed, proto, make, simulator = parse_scale_uri(uri)
    assert proto.name == protocol and parsed.target == target
    assert (simulator is not None) == uri.startswith("sim:")


@pytest.mark.parametrize("uri,offset", [("sim://", 0.0), ("sim://?offset_pct=15", 15.0),
                                        ("sim://?weight=5&offset_pct=-12.5", -12.5)])
def test_the_demo_parcel_offset_is_read_from_a_sim_uri(uri, offset):
    from app.devices.scales import parcel_offset_pct
    from app.devices.uri import parse_device_uri

    assert parcel_offset_pct(parse_device_uri(uri)) == offset


def test_serial_defaults_come_from_the_protocol():
    _, _, make, _ = parse_scale_uri("serial:/dev/ttyUSB0?protocol=massakj")
    transport = make()
    assert (transport.baud, transport.framing) == (4800, "8E1")
    _, _, make, _ = parse_scale_uri("serial:/dev/ttyUSB0?protocol=massakj&baud=9600&framing=8N1")
    assert (make().baud, make().framing) == (9600, "8N1")


def test_sim_scale_moves_then_settles_near_its_target():
    rec = Recorder()
    with open_scale("sim://?weight=742", on_reading=rec.reading, on_state=rec.state, **FAST) as reader:
        assert reader.simulator is not None
        assert abs(reader.read_stable(5).grams - 742) <= 1
        reader.simulator.set_target(1500)
        first = reader.wait_reading(2)
        assert first.state == "moving"
        settled = reader.read_stable(5)
        assert abs(settled.grams - 1500) <= 1 and settled.state == "stable"
        reader.simulator.set_target(0)
        wait_until(lambda: (r := reader.wait_reading(1, settled=True)) and r.state == "zero", what="zero")


def test_sim_scale_can_be_unplugged():
    rec = Recorder()
    with open_scale("sim://?weight=5", on_state=rec.state, **FAST) as reader:
        reader.read_stable(5)
        reader.simulator.unplug()
        wait_until(lambda: any(s.startswith("disconnected:") for s in rec.seen_states()), what="unplugged")
        reader.simulator.plug()
        assert abs(reader.read_stable(5).grams - 5) <= 1
    assert rec.seen_states().count("connected") == 2


def test_read_stable_times_out_with_what_it_saw():
    with open_scale("sim://?weight=700", **FAST) as reader:
        reader.simulator.settle_s = 60  # keeps moving
        reader.simulator.set_target(900)
        with pytest.raises(TimeoutError, match="last reading moving"):
            reader.read_stable(0.3)
