# Sourced by fresh-check.sh and install-check.sh: a clean Debian 12 root (debootstrap, minbase),
# made with the same Debian mirror and suites as this machine's apt, and commands run inside it
# with /proc, /sys and /dev in a private mount namespace (nothing stays mounted when they end).
# Needs root; says why and exits 3 where a clean root cannot be made.

clean_root_fail() {
    echo "$(basename "$0"): no clean root can be made here: $*" >&2
    exit 3
}

# This machine's Debian archive, from its apt sources (deb822 or one-line style).
clean_root_mirror() {
    local uri
    uri="$( (cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true) |
        awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }')"
    [ -n "$uri" ] || uri="$( (cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true) |
        awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\/.*\/debian\/?$/) { print $i; exit } }')"
    echo "$uri"
}

# make_clean_root DIR: debootstrap a minimal bookworm into DIR and give it this machine's Debian
# sources (bookworm, -updates, -security), so that it installs the same versions as here.
make_clean_root() {
    local root="$1" mirror
    [ "$(id -u)" -eq 0 ] || clean_root_fail "debootstrap and chroot need root"
    command -v debootstrap >/dev/null || {
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null ||
            clean_root_fail "debootstrap is not installed and apt-get could not install it"
    }
    # mktemp -d makes the folder 0700: as the root's "/", it would shut out every user but root.
    chmod 0755 "$root"
    mirror="$(clean_root_mirror)"
    [ -n "$mirror" ] || clean_root_fail "no Debian archive in this machine's apt sources"
    echo "== debootstrap --variant=minbase bookworm $root" >&2
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
        clean_root_fail "debootstrap failed (see $root.debootstrap.log)"
    rm -f "$root.debootstrap.log"
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
        : >"$root/etc/apt/sources.list"
    fi
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    # No services start inside the root when packages are installed.
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod +x "$root/usr/sbin/policy-rc.d"
}

# in_clean_root DIR COMMAND [HOSTDIR:ROOTDIR]: runs COMMAND (a bash script text) as root inside
# DIR, with a clean environment as a new login would have it; HOSTDIR is seen there as ROOTDIR.
in_clean_root() {
    local root="$1" script="$2" bind="${3:-}"
    unshare --mount --propagation private -- bash -euc '
        root="$1"; script="$2"; bind="$3"
        if [ -n "$bind" ]; then
            mkdir -p "$root/${bind#*:}"
            mount --bind "${bind%%:*}" "$root/${bind#*:}"
        fi
        mount -t proc proc "$root/proc"
        mount -t sysfs sys "$root/sys"
        mount --rbind /dev "$root/dev"
        mount -t tmpfs tmpfs "$root/dev/shm"
        mount -t tmpfs tmpfs "$root/tmp"
        chmod 1777 "$root/tmp"
        exec chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -euc "$script"
    ' in_clean_root "$root" "$script" "$bind"
}
