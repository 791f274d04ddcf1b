"""What ``packdesk devices`` and Settings → Devices → Find devices say about what they found, in the
seller's language: the kind of device, what it looks like, and why something could not be listed.
A device's own name (its maker's USB strings) follows as the maker wrote it."""
from __future__ import annotations

from app.messages.words import table

DISCOVERY_MESSAGES: dict[str, dict[str, str]] = {
    **table("found_kind_", {
        "scale": ("scale", "весы", "电子秤"),
        "scanner": ("scanner", "сканер", "扫码枪"),
        "printer": ("printer", "принтер", "打印机"),
        "serial": ("serial", "порт", "串口"),
    }),
    # what a device looks like (app.devices.discovery)
    **table("found_", {
        "serial_port": ("serial port {port}", "последовательный порт {port}", "串口 {port}"),
        "vendor_scanner": ("{vendor} scanner in USB-COM mode", "сканер {vendor} в режиме USB-COM",
                           "{vendor} 扫码枪（USB-COM 模式）"),
        "vendor_scale": ("{vendor} scale (add ?protocol=...)", "весы {vendor} (добавьте ?protocol=...)",
                         "{vendor} 电子秤（请加上 ?protocol=...）"),
        "serial_chip": ("USB-serial converter {chip}: likely a scale (add ?protocol=...)",
                        "переходник USB-COM {chip}: вероятно, весы (добавьте ?protocol=...)",
                        "USB 转串口芯片 {chip}：可能是电子秤（请加上 ?protocol=...）"),
        "cdc_acm": ("USB CDC-ACM device: likely a scanner in USB-COM mode",
                    "устройство USB CDC-ACM: вероятно, сканер в режиме USB-COM",
                    "USB CDC-ACM 设备：可能是 USB-COM 模式的扫码枪"),
        "usb_serial": ("USB serial device {ids}", "последовательное USB-устройство {ids}", "USB 串口设备 {ids}"),
        "hid_scale": ("HID POS scale", "весы HID POS", "HID POS 电子秤"),
        "hid_scanner": ("HID POS scanner", "сканер HID POS", "HID POS 扫码枪"),
        "usb_printer": ("USB printer", "USB-принтер", "USB 打印机"),
        "usb_scale": ("USB HID scale", "весы USB HID", "USB HID 电子秤"),
    }),
    # why something could not be listed
    **table("found_note_", {
        "no_pyserial": ("pyserial is not installed: serial ports are not listed",
                        "pyserial не установлен: последовательные порты не показаны", "未安装 pyserial：无法列出串口"),
        "no_hidapi": ("hidapi is not installed: HID scales and scanners are not listed (pip install hidapi)",
                      "hidapi не установлен: весы и сканеры HID не показаны (pip install hidapi)",
                      "未安装 hidapi：无法列出 HID 电子秤和扫码枪（pip install hidapi）"),
        "hid_failed": ("HID devices could not be listed: {detail}",
                       "не удалось получить список устройств HID: {detail}", "无法列出 HID 设备：{detail}"),
        "no_usb": ("USB printers are not listed: {detail}", "USB-принтеры не показаны: {detail}",
                   "无法列出 USB 打印机：{detail}"),
        "usb_failed": ("USB devices could not be listed: {detail}",
                       "не удалось получить список USB-устройств: {detail}", "无法列出 USB 设备：{detail}"),
        "nothing_linux": ("nothing found; on Linux the user may need the 'dialout' group and udev rules for USB/HID",
                          "ничего не найдено; в Linux пользователю может понадобиться группа dialout и правила udev "
                          "для USB/HID",
                          "未找到任何设备；在 Linux 上，用户可能需要加入 dialout 组并为 USB/HID 配置 udev 规则"),
    }),
    # the table of ``packdesk devices``
    **table("devices_", {
        "kind": ("KIND", "ТИП", "类型"),
        "description": ("DESCRIPTION", "ОПИСАНИЕ", "说明"),
        "none": ("no devices found", "устройства не найдены", "未找到设备"),
        "note": ("note: {note}", "примечание: {note}", "注意：{note}"),
    }),
}
