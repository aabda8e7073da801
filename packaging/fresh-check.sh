#!/usr/bin/env bash
# The README's promise checked for real: a clean Debian 12 root (debootstrap, minbase, nothing
# installed by hand), this repository cloned into root's private home folder, and ./test.sh run
# there, which must install what it needs, build, and pass. Run it before resolving an issue that
# adds a dependency. It checks what is committed (HEAD), as CI does.
#   packaging/fresh-check.sh [--keep] [--ccache DIR]
#     --keep        leave the root (printed at the end) for a look inside
#     --ccache DIR  compile through ccache with the cache DIR (a second check then takes minutes)
# Exit 0: ./test.sh passed in the clean root; 1: it failed; 3: no clean root can be made here.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/packaging/clean-root.sh"
keep=false
cache=""
while [ $# -gt 0 ]; do
    case "$1" in
    --keep) keep=true ;;
    --ccache) cache="$(realpath "$2")"; shift ;;
    *) echo "usage: packaging/fresh-check.sh [--keep] [--ccache DIR]" >&2; exit 2 ;;
    esac
    shift
done
if [ -n "$(git -C "$top" status --porcelain --untracked-files=no)" ]; then
    echo "fresh-check.sh: note: uncommitted changes are not checked (the clone takes HEAD)" >&2
fi

root="$(mktemp -d /var/tmp/shuiheng-fresh.XXXXXX)"
$keep || trap 'rm -rf --one-file-system "$root"' EXIT
start=$(date +%s)
make_clean_root "$root"
git clone --quiet --no-hardlinks "$top" "$root/root/shuiheng"
echo "== cloned $(git -C "$top" rev-parse --short HEAD) into /root/shuiheng (mode $(stat -c %a "$root/root"))" >&2

setup="" bind=""
if [ -n "$cache" ]; then
    mkdir -p "$cache"
    bind="$cache:/var/cache/shuiheng-ccache"
    setup="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ccache >/dev/null
           export CCACHE_DIR=/var/cache/shuiheng-ccache CCACHE_BASEDIR=/root CCACHE_NOHASHDIR=1"
fi
status=0
in_clean_root "$root" "$setup
    cd /root/shuiheng && time ./test.sh" "$bind" || status=$?
echo "== fresh root: ./test.sh exited $status after $(($(date +%s) - start)) s (debootstrap included)" >&2
$keep && echo "== the root stays in $root" >&2
[ $status -eq 0 ] || exit 1
