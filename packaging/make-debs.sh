#!/usr/bin/env bash
# Builds the Debian packages shuiheng, shuiheng-cli and shuiheng-data (packaging/README.md) from
# this checkout as it is (uncommitted changes included) with debhelper, checks them with lintian,
# and writes the .deb files into OUTDIR.
#   packaging/make-debs.sh OUTDIR
# The work happens in build-deb/ beside the checkout; a second run reuses ccache's objects.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -ne 1 ]; then
    echo "usage: packaging/make-debs.sh OUTDIR" >&2
    exit 2
fi
mkdir -p "$1"
out="$(cd "$1" && pwd)"
"$top/packaging/install-deps.sh" build package

version="$(sed -n '1s/^shuiheng (\([^)]*\)).*/\1/p' "$top/packaging/debian/changelog")"
cmake_version="$(sed -n 's/^project(Shuiheng VERSION \([0-9.]*\).*/\1/p' "$top/CMakeLists.txt")"
if [ "$version" != "$cmake_version" ]; then
    echo "make-debs.sh: packaging/debian/changelog is at $version but CMakeLists.txt at $cmake_version" >&2
    exit 2
fi

# The source as git sees it (tracked and untracked files, not the ignored ones), with debian/.
work="$top/build-deb"
src="$work/shuiheng-$version"
rm -rf "$work"
mkdir -p "$src"
git -C "$top" ls-files -z --cached --others --exclude-standard |
    (cd "$top" && xargs -0 tar --no-recursion -cf - --ignore-failed-read) | tar -xf - -C "$src"
cp -r "$top/packaging/debian" "$src/debian"

# debian/control: the Build-Depends are the build set, the app's Depends the run set and its
# Recommends the camera set of packaging/debian-packages.txt (one list for both).
joined() { "$top/packaging/install-deps.sh" --list "$1" | sed -e ':a;N;$!ba' -e 's/\n/,\n /g'; }
awk -v build="$(joined build)" -v run="$(joined run)" -v camera="$(joined camera)" '
    { gsub(/@BUILD_DEPENDS@/, build); gsub(/@RUN_DEPENDS@/, run); gsub(/@CAMERA_RECOMMENDS@/, camera); print }
' "$src/debian/control.in" >"$src/debian/control"
rm "$src/debian/control.in"

# ccache, where the machine has it, keeps the objects of the last package build.
if command -v ccache >/dev/null; then export CMAKE_CXX_COMPILER_LAUNCHER=ccache; fi
export DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)"
(cd "$src" && dpkg-buildpackage --build=binary --no-sign)

debs=("$work"/*.deb)
cp "${debs[@]}" "$out/"
echo "== lintian"
# Errors fail the build; warnings and information are shown (packaging/README.md explains each).
lintian --info --display-info --fail-on error "$work"/*.changes
echo "== packages in $out"
for deb in "${debs[@]}"; do
    printf '%-44s %8s KiB\n' "$(basename "$deb")" "$(($(stat -c %s "$deb") / 1024))"
done
