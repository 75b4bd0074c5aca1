#!/usr/bin/env bash
# The interop test: the official Alibaba Cloud Python SDKs against `ecsh serve` (test_sdks.py).
#
# Makes the virtual environment .venv/interop, installs requirements.txt into it when it is not installed
# yet (or has changed), builds ecsh, and runs pytest; arguments go to pytest (`run.sh -k xml`).
# Exits non-zero on any failure. Needs python3 and the Swift toolchain; on Debian, python3-venv is
# installed when python3 cannot make a virtual environment without it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
here=share/interop
venv=.venv/interop
python="${PYTHON:-python3}"
swift="${SWIFT:-swift}"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian's python3 ships venv without ensurepip: python3-venv brings it.
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    echo "interop: installing python3-venv"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
fi

# A virtual environment whose interpreter is gone (python3 upgraded or moved) is made anew.
if ! "$venv/bin/python" -c '' 2>/dev/null; then
    echo "interop: creating $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv"
fi

stamp="$venv/.requirements.sha256"
wanted="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "interop: installing $here/requirements.txt into $venv"
    "$venv/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$here/requirements.txt"
    echo "$wanted" >"$stamp"
fi

"$swift" build --product ecsh
ECSH="$("$swift" build --show-bin-path)/ecsh"
export ECSH

# The SDKs would send even loopback requests through a proxy named in the environment.
exec env -u HTTP_PROXY -u HTTPS_PROXY -u ALL_PROXY -u http_proxy -u https_proxy -u all_proxy \
    "$venv/bin/python" -m pytest "$here" "$@"
