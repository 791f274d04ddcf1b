#!/bin/sh
# Make sure the Debian/Ubuntu packages named on the command line are installed.
# As root they are installed; otherwise one line says which apt-get command to run.
# On systems without dpkg (Windows, macOS, other distributions) this is a no-op.
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
    echo "packdesk: installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null \
        || { echo "packdesk: apt-get install failed for:$missing" >&2; exit 1; }
else
    echo "packdesk: missing system packages; run: sudo apt-get install -y$missing" >&2
    exit 1
fi
