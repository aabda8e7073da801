#!/usr/bin/env bash
# Writes the manual pages of shuiheng(1), shuiheng-cli(1) and each of its subcommands,
# shuiheng-cli-SUB(1) and shuiheng-cli-SUB-SUBSUB(1), into OUTDIR, with help2man from the
# programs' own --help, so that the pages cannot drift from the programs.
#   make-man-pages.sh SHUIHENG_CLI SHUIHENG VERSION OUTDIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cli="$1" app="$2" version="$3" out="$4"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -f "$out"/*.1
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8

# One section of a CLI11 help text, without its heading.
section() {
    awk -v heading="$1" '/^[A-Za-z][A-Za-z ]*:$/ { inside = ($0 == heading ":"); next }
                         inside && /^  [^ ]/ { print }'
}

# page NAME DESCRIPTION [SUBCOMMAND...]: help2man on `shuiheng-cli SUBCOMMAND...` (through a
# wrapper, since help2man runs one program), then the same for each of its own subcommands.
page() {
    local name="$1" description="$2"
    shift 2
    local -a words=("$@")
    local wrapper="$work/$name"
    {
        printf '#!/bin/sh\nexec %q' "$cli"
        for word in "${words[@]}"; do printf ' %q' "$word"; done
        printf ' "$@"\n'
    } >"$wrapper"
    chmod +x "$wrapper"
    local include="$here/$name.h2m"
    [ -f "$include" ] || include="$here/shuiheng-cli-subcommand.h2m"
    help2man --no-info --section 1 --version-string "$version" --name "$description" \
        --include "$include" --output "$out/$name.1" "$wrapper"
    local line sub text
    while IFS= read -r line; do
        sub="$(awk '{ print $1 }' <<<"$line")"
        text="$(sed -E 's/^ +[^ ]+ +//' <<<"$line")"
        page "$name-$sub" "$text" "${words[@]}" "$sub"
    done < <("$wrapper" --help | section Subcommands)
}

page shuiheng-cli "water-balance tests, reconciliation and benchmarking on the command line" "$cli"
help2man --no-info --section 1 --version-string "$version" \
    --name "the field app for water-balance tests (水平衡测试) on site" \
    --include "$here/shuiheng.h2m" --output "$out/shuiheng.1" "$app"
