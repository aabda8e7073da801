#!/usr/bin/env bash
# Installs what is missing, builds, and opens the sample project in the app on its balance page
# (`shuiheng --sample`: made from the bundled sample plant in ~/.local/share/shuiheng/sample the
# first time, then reused as you leave it). Arguments go to the app (e.g. --startup-report).
# With no display it says so and prints the CLI balance of the sample plant instead, unless it was
# given options for the app, which then runs offscreen.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${SHUIHENG_BUILD_DIR:-$top/build}"
sample="$top/data/plants/sample-plant.json"
"$top/packaging/build.sh" build run camera >&2
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
    exec "$build/bin/shuiheng" --sample "$@"
fi
if [ $# -gt 0 ]; then
    # Options for the app without a display (--startup-report, --screenshot DIR): it runs offscreen.
    QT_QPA_PLATFORM=offscreen exec "$build/bin/shuiheng" --sample "$@"
fi
echo "No display found: printing the balance of the sample plant instead of opening the app." >&2
exec "$build/bin/shuiheng-cli" balance "$sample"
