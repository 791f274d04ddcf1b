#!/bin/sh
# Install packdesk's udev rules and give a user access to scanners, scales and printers.
#   sudo sh packaging/linux/install-udev.sh [USER]      (USER defaults to the one who ran sudo)
# The user must log out and in again for new group memberships to count.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
user=${1:-${SUDO_USER:-}}
if [ "$(id -u)" != "0" ]; then
    echo "install-udev.sh: run as root: sudo sh $0 ${user:-USER}" >&2
    exit 1
fi
if [ -z "$user" ] || ! id "$user" >/dev/null 2>&1; then
    echo "install-udev.sh: name the station's user: sudo sh $0 USER" >&2
    exit 1
fi
getent group plugdev >/dev/null || groupadd --system plugdev  # Fedora/Arch have no plugdev
install -m 0644 "$here/99-packdesk.rules" /etc/udev/rules.d/99-packdesk.rules
for group in plugdev dialout lp; do
    if getent group "$group" >/dev/null; then
        usermod -a -G "$group" "$user"
    fi
done
if command -v udevadm >/dev/null 2>&1; then
    udevadm control --reload-rules
    udevadm trigger --action=change --subsystem-match=hidraw --subsystem-match=usb --subsystem-match=tty
fi
echo "packdesk: udev rules installed; $user is in plugdev, dialout and lp."
echo "packdesk: log out and in (or reboot), then replug the devices and run: packdesk devices"
