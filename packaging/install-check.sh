#!/usr/bin/env bash
# The packages as a new user meets them: make the .debs (or take them from --debs DIR), install them
# with apt into a clean Debian 12 root, and there, as an ordinary user, balance the installed
# sample, make a project and its report, start the app (the first run) and render every page
# offscreen; check the results from outside (the report's text, pages not blank); then purge the
# packages and their dependencies and check that nothing is left behind.
#   packaging/install-check.sh [--debs DIR] [--keep]
# Exit 0: every check passed; 1: one failed (named); 3: no clean root can be made here.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/packaging/clean-root.sh"
debs="" keep=false
while [ $# -gt 0 ]; do
    case "$1" in
    --debs) debs="$(realpath "$2")"; shift ;;
    --keep) keep=true ;;
    *) echo "usage: packaging/install-check.sh [--debs DIR] [--keep]" >&2; exit 2 ;;
    esac
    shift
done
if [ -z "$debs" ]; then
    debs="$top/build-deb/out"
    "$top/packaging/make-debs.sh" "$debs"
fi
compgen -G "$debs/*.deb" >/dev/null || { echo "install-check.sh: no .deb files in $debs" >&2; exit 2; }

root="$(mktemp -d /var/tmp/shuiheng-install.XXXXXX)"
$keep || trap 'rm -rf --one-file-system "$root"' EXIT
make_clean_root "$root"
mkdir -p "$root/var/tmp/debs" "$root/var/tmp/check"
# The packages themselves; their -dbgsym debug symbols are for crash reports, not for users.
find "$debs" -maxdepth 1 -name '*.deb' ! -name '*-dbgsym_*' -exec cp {} "$root/var/tmp/debs/" \;

failed=0
check() { # check WHAT COMMAND...: runs the check on the host, says ok or FAILED
    if "${@:2}"; then echo "ok      $1"; else echo "FAILED  $1"; failed=1; fi
}

# Everything the root holds outside the places that change by themselves, to compare after purging.
snapshot='find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /tmp -o -path /var/tmp \
    -o -path /var/log -o -path /var/cache -o -path /var/lib/apt -o -path /var/lib/dpkg -o -path /home \
    -o -path /root -o -path /run -o -path /var/lib/systemd -o -path /etc/ld.so.cache \) -prune -o -print | sort'

in_clean_root "$root" "
    cd /var/tmp/check
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    useradd --create-home technician
    $snapshot >before.txt
    start=\$(date +%s%N)
    apt-get install -y -qq --no-install-recommends /var/tmp/debs/*.deb >install.log
    echo \$(( (\$(date +%s%N) - start) / 1000000 )) >install-ms.txt
    dpkg-query -W -f='\${Package} \${Installed-Size}\n' shuiheng shuiheng-cli shuiheng-data >sizes.txt
    dpkg -L shuiheng shuiheng-cli shuiheng-data | sort >files.txt
    chown technician /var/tmp/check
    runuser -u technician -- env HOME=/home/technician LANG=C.UTF-8 bash -euc '
        cd /var/tmp/check
        shuiheng-cli --version >version.txt
        shuiheng-cli balance /usr/share/shuiheng/plants/sample-plant.json >balance.txt
        shuiheng-cli benchmark /usr/share/shuiheng/plants/sample-campaign.json >benchmark.txt
        shuiheng-cli project new test.shuiheng --name 安装测试 --enterprise 某企业 \
            --plant /usr/share/shuiheng/plants/sample-campaign.json >project.txt
        shuiheng-cli report test.shuiheng --out report.pdf
        QT_QPA_PLATFORM=offscreen shuiheng --startup-report >startup.json 2>startup.err
        QT_QPA_PLATFORM=offscreen shuiheng --screenshot shots >screenshot.log 2>&1
        bash -c \"source /usr/share/bash-completion/completions/shuiheng-cli
                  COMP_WORDS=(shuiheng-cli bal); COMP_CWORD=1; _shuiheng_cli; echo \\\${COMPREPLY[*]}\" >completion.txt
    '
    apt-get purge -y -qq shuiheng shuiheng-cli shuiheng-data >purge.log
    apt-get autoremove --purge -y -qq >>purge.log
    dpkg -l | awk '\$1 != \"ii\" && /shuiheng/' >left-packages.txt
    $snapshot >after.txt
"
c="$root/var/tmp/check"
echo "== results ($c)"
check "installed in $(cat "$c/install-ms.txt") ms: $(tr '\n' ' ' <"$c/sizes.txt")KiB" test -s "$c/sizes.txt"
check "shuiheng-cli --version: $(cat "$c/version.txt")" grep -q '^shuiheng-cli ' "$c/version.txt"
check "balance of the installed sample plant" grep -q 'Global test: chi-square' "$c/balance.txt"
check "benchmark: the sample's illustrative potash quota found" grep -q 'sample-potash' "$c/benchmark.txt"
check "report: a PDF with the sample's title" \
    bash -c "pdftotext '$c/report.pdf' - | grep -q '水平衡测试报告'"
check "first run opens the sample project: $(cat "$c/startup.json")" \
    grep -q '"projectOpen":true' "$c/startup.json"
shots=$(find "$c/shots" -name '*.png' | wc -l)
check "screenshots: $shots pages, none blank" \
    python3 "$top/packaging/png-colours.py" --at-least 32 "$c/shots"
check "bash completion: shuiheng-cli bal → $(cat "$c/completion.txt")" grep -qx balance "$c/completion.txt"
check "purged: no package left" test ! -s "$c/left-packages.txt"
check "purged: no file left" bash -c "diff '$c/before.txt' '$c/after.txt' | sed -n 's/^> //p' | tee '$c/left-files.txt' | (! grep -q .)"
$keep && echo "== the root stays in $root"
exit $failed
