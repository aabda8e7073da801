#!/usr/bin/env bash
# Installs whatever Debian packages of the named sets of packaging/debian-packages.txt are missing
# (sets: build, run, camera, test, package; default: all but package). `--list SET...` prints them instead.
# Idempotent and quick when everything is present: it asks dpkg first, apt only when needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

list=false
if [ "${1:-}" = "--list" ]; then
    list=true
    shift
fi
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(build run camera test)

# The packages of the sets asked for, in the file's order.
wanted_text="$(awk -v sets=" ${sets[*]} " '
    { sub(/#.*/, ""); gsub(/[[:space:]]/, "") }
    /^\[.*\]$/ { set = substr($0, 2, length($0) - 2); known[set] = 1; next }
    $0 != "" && index(sets, " " set " ") { print }
    END { n = split(sets, asked, " "); for (i = 1; i <= n; i++) if (!(asked[i] in known)) {
              print "install-deps.sh: no set [" asked[i] "] in debian-packages.txt" > "/dev/stderr"; exit 2 } }
' "$here/debian-packages.txt")"
mapfile -t wanted <<<"$wanted_text"
if $list; then
    printf '%s\n' "${wanted[@]}"
    exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
    [ "$status" = "installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
