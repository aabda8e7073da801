#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite through ctest (headless).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${SHUIHENG_BUILD_DIR:-$top/build}"
"$top/packaging/build.sh" build run camera test
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure -j "$(nproc)" "$@"
