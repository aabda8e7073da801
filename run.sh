#!/usr/bin/env bash
# Installs what is missing, builds, and opens the bundled sample plant in the app.
# With no display it says so and prints the CLI balance of the sample instead.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${SHUIHENG_BUILD_DIR:-$top/build}"
sample="$top/data/plants/sample-plant.json"
"$top/packaging/build.sh" build run camera >&2
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
    exec "$build/bin/shuiheng" "$sample" "$@"
fi
echo "No display found: printing the balance of the sample plant instead of opening the app." >&2
exec "$build/bin/shuiheng-cli" balance "$sample"
