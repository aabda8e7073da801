#!/usr/bin/env bash
# Installs the named sets of packaging/debian-packages.txt that are missing (default: all but
# package), then configures (once) and builds Shuiheng into build/. Shared by run.sh and test.sh.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SHUIHENG_BUILD_DIR:-$top/build}"
"$top/packaging/install-deps.sh" "$@"
if [ ! -f "$build/build.ninja" ]; then
    # ccache, where a developer has it, lets several worktrees share compiled objects.
    launcher=()
    if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
    # SHUIHENG_DEBUG_INFO=OFF (set by .ci/run) leaves out -g: a third less compile time.
    cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSHUIHENG_DEBUG_INFO="${SHUIHENG_DEBUG_INFO:-ON}" "${launcher[@]}"
fi
cmake --build "$build" -j "$(nproc)"
