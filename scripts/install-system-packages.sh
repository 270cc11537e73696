#!/bin/sh
# The system packages 年报助手 needs on Debian/Ubuntu (README's set-up commands and .ci/run call
# this): Qt's libraries and free CJK fonts; with --test also what the tests use (poppler-utils,
# LibreOffice Calc and Writer, a CJK extension font). apt runs through sudo only when not root
# (a root shell in a container has no sudo), and the package lists are updated first (a fresh
# machine has none). --dry-run prints the commands instead of running them.
set -eu

packages="python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 fonts-wqy-microhei fonts-arphic-uming fonts-arphic-ukai"
test_packages="fonts-hanazono poppler-utils libreoffice-calc-nogui libreoffice-writer-nogui"

run=""
for argument in "$@"; do
    case "$argument" in
        --test) packages="$packages $test_packages" ;;
        --dry-run) run="echo" ;;
        *) echo "用法：$0 [--test] [--dry-run]" >&2; exit 2 ;;
    esac
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

# shellcheck disable=SC2086  # the package list is split on purpose
$run $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$run $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $packages
