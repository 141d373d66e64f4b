#!/usr/bin/env bash
# Packaging/check-deb.sh DEB: the checks .ci/run runs on the package build-deb.sh built.
# It installs the package on this machine, tries it, purges it and leaves the machine as
# it found it (the package, the user dsr, /etc/dsr, /var/lib/dsr, debconf's answers).
# Every check runs; the summary at the end lists the failed ones; exit 1 if any failed.
#
# Needs root (dpkg -i), and a machine without dsr: it refuses to run when the package is
# installed or /var/lib/dsr exists (it must never touch a real database). It installs
# lintian and man-db with apt-get if they are missing.
#
# With a binary linked against the Swift toolchain's runtime (no -static-stdlib), two
# checks fail, as they should: "no Swift runtime library" and lintian's error
# custom-library-search-path (the RUNPATH into the toolchain that binary needs).
set -euo pipefail

die() {
    echo "check-deb: $*" >&2
    exit 2
}
[ $# -eq 1 ] || die "usage: check-deb.sh DEB"
deb=$(realpath "$1")
[ -f "$deb" ] || die "$deb: no such file"
[ "$(id -u)" = 0 ] || die "run it as root (it installs and purges the package)"
if dpkg-query -W -f='${Status}' dsr 2>/dev/null | grep -q -E 'installed|config-files|unpacked'; then
    die "the package dsr is on this machine already: not touching it"
fi
[ ! -e /var/lib/dsr ] || die "/var/lib/dsr exists: not touching a real database"
[ ! -e /etc/dsr ] || die "/etc/dsr exists: not touching it"

export DEBIAN_FRONTEND=noninteractive
needed=()
command -v lintian >/dev/null || needed+=(lintian)
command -v man >/dev/null || needed+=(man-db)
if [ ${#needed[@]} -gt 0 ]; then
    echo "check-deb: installing ${needed[*]}"
    apt-get update -qq
    apt-get install -y -qq "${needed[@]}" >/dev/null
fi

version=$(dpkg-deb -f "$deb" Version)
upstream=${version%-*}
upstream=${upstream#*:}
user_existed=0
getent passwd dsr >/dev/null && user_existed=1
group_existed=0
getent group dsr >/dev/null && group_existed=1
work=$(mktemp -d)
chmod 0755 "$work"
failures=()

check() { # check NAME COMMAND…: runs it in a bash of its own with errexit (so every
    # line of a check function counts), records a failure and goes on.
    local name=$1
    shift
    # shellcheck disable=SC2163 # exports the function named by $1
    if declare -F "$1" >/dev/null; then export -f "$1"; fi
    if bash -euo pipefail -c '"$@"' check "$@" >"$work/out" 2>&1; then
        echo "ok    $name"
    else
        echo "FAIL  $name"
        sed 's/^/      /' "$work/out" | head -n 40
        failures+=("$name")
    fi
}

purge_package() {
    if dpkg-query -W -f='${Status}' dsr 2>/dev/null | grep -q -E 'installed|config-files|unpacked'; then
        dpkg --purge dsr >/dev/null 2>&1 || true
    fi
}

cleanup() {
    purge_package
    rm -rf /var/lib/dsr
    rmdir /etc/dsr 2>/dev/null || true
    if [ "$user_existed" = 0 ] && getent passwd dsr >/dev/null; then
        userdel dsr 2>/dev/null || true
    fi
    if [ "$group_existed" = 0 ] && getent group dsr >/dev/null; then
        groupdel dsr 2>/dev/null || true
    fi
    echo PURGE | debconf-communicate dsr >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

as_dsr() { (cd / && runuser -u dsr -- env -i PATH=/usr/bin:/bin DSR_DB=/var/lib/dsr/dsr.sqlite "$@"); }

export deb version upstream work user_existed
export -f as_dsr
echo "check-deb: $deb ($version)"

# --- Before installing -------------------------------------------------------------
lintian_ok() {
    # Errors fail; warnings and the rest are listed (accepted ones are overridden, with
    # the reason, in Packaging/debian/lintian-overrides).
    local status=0
    lintian --fail-on error --display-info "$deb" >"$work/lintian" 2>&1 || status=$?
    grep -v 'running with root privileges' "$work/lintian" || true
    return "$status"
}
check "lintian: no errors" lintian_ok
if [ ${#failures[@]} = 0 ] && [ -s "$work/out" ]; then
    echo "      lintian said (accepted: no errors; overrides in Packaging/debian/lintian-overrides):"
    sed 's/^/      /' "$work/out"
fi

# --- Installing ----------------------------------------------------------------------
check "dpkg -i" dpkg -i "$deb"
dpkg-query -W -f='${Status}' dsr 2>/dev/null | grep -q 'install ok installed' \
    || { echo "check-deb: the package did not install; nothing else to check"; exit 1; }

check "dsr --version without the toolchain ($upstream)" \
    bash -c "[ \"\$(env -i PATH=/usr/bin:/bin /usr/bin/dsr --version)\" = '$upstream' ]"
check "dsr demo" env -i PATH=/usr/bin:/bin HOME="$work" /usr/bin/dsr demo --db "$work/demo.sqlite"
check "dsr deadline --received now" env -i PATH=/usr/bin:/bin HOME="$work" /usr/bin/dsr deadline --received now
check "dsr policy check /etc/dsr/policy.xml" env -i PATH=/usr/bin:/bin /usr/bin/dsr policy check /etc/dsr/policy.xml

no_swift_runtime() {
    if ldd /usr/bin/dsr | grep -E 'libswift|libFoundation|lib_FoundationICU|libdispatch|libBlocksRuntime|/opt/swift|not found'; then
        echo "these come from the Swift toolchain, not from Debian: build with -static-stdlib"
        return 1
    fi
}
check "ldd /usr/bin/dsr: no Swift runtime library" no_swift_runtime

units=(/usr/lib/systemd/system/dsr*.service /usr/lib/systemd/system/dsr*.timer)
check "systemd-analyze verify (${#units[@]} units)" systemd-analyze verify "${units[@]}"
exposure() {
    local score
    score=$(systemd-analyze security --offline=yes /usr/lib/systemd/system/dsr.service 2>&1 \
        | sed -n 's/.*Overall exposure level for dsr.service: \([0-9.]*\).*/\1/p')
    echo "dsr.service exposure: ${score:-?} (at most 2.0)"
    [ -n "$score" ] && awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'
}
check "systemd-analyze security dsr.service" exposure

man_pages_render() {
    local page errors=0 count=0
    for page in /usr/share/man/man1/dsr*.1.gz; do
        count=$((count + 1))
        if ! MANWIDTH=80 man -l "$page" >/dev/null 2>"$work/man.err" || [ -s "$work/man.err" ]; then
            echo "$page:"
            cat "$work/man.err"
            errors=$((errors + 1))
        fi
    done
    echo "$count pages"
    [ "$count" -gt 0 ] && [ "$errors" = 0 ]
}
check "man -l renders every page" man_pages_render
check "bash -n on the bash completion" bash -n /usr/share/bash-completion/completions/dsr
check "the bash completion loads" bash -c 'source /usr/share/bash-completion/completions/dsr && complete -p dsr'
if command -v zsh >/dev/null; then
    check "zsh -n on the zsh completion" zsh -n /usr/share/zsh/vendor-completions/_dsr
fi
if command -v fish >/dev/null; then
    check "fish -n on the fish completion" fish -n /usr/share/fish/vendor_completions.d/dsr.fish
fi

state_directory() {
    getent passwd dsr
    [ "$(getent passwd dsr | cut -d: -f6,7)" = "/var/lib/dsr:/usr/sbin/nologin" ]
    stat -c '%a %U:%G %n' /var/lib/dsr
    [ "$(stat -c '%a %U:%G' /var/lib/dsr)" = "700 dsr:dsr" ]
}
check "system user dsr, /var/lib/dsr 0700 dsr:dsr" state_directory
conffiles() {
    dpkg-query -W -f='${Conffiles}\n' dsr
    dpkg-query -W -f='${Conffiles}\n' dsr | grep -q ' /etc/dsr/dsr.conf ' &&
        dpkg-query -W -f='${Conffiles}\n' dsr | grep -q ' /etc/dsr/policy.xml '
}
check "conffiles /etc/dsr/dsr.conf and /etc/dsr/policy.xml" conffiles
check "debsums-style md5sums match" bash -c 'cd / && md5sum --quiet -c /var/lib/dpkg/info/dsr.md5sums'

# The backup helper, as the timer runs it: nothing to do without a database, then two
# backups kept down to DSR_BACKUP_KEEP=1.
backup_helper() {
    # (A running dsr.service has created the database already.)
    if [ ! -e /var/lib/dsr/dsr.sqlite ]; then
        as_dsr /usr/lib/dsr/dsr-backup | grep -q 'no database'
        as_dsr /usr/bin/dsr init
    fi
    as_dsr DSR_BACKUP_KEEP=1 /usr/lib/dsr/dsr-backup
    sleep 1
    as_dsr DSR_BACKUP_KEEP=1 /usr/lib/dsr/dsr-backup
    ls -l /var/lib/dsr/backups
    [ "$(find /var/lib/dsr/backups -name 'daily-*.sqlite' | wc -l)" = 1 ]
    [ "$(stat -c '%a %U' /var/lib/dsr/backups/daily-*.sqlite)" = "600 dsr" ]
}
check "dsr-backup: a backup, rotation to DSR_BACKUP_KEEP" backup_helper

# Installing the same package again is an upgrade: preinst backs up with the installed
# binary first; the database stays where it is.
reinstall() {
    local inode
    inode=$(stat -c %i /var/lib/dsr/dsr.sqlite)
    dpkg -i "$deb"
    [ "$(stat -c %i /var/lib/dsr/dsr.sqlite)" = "$inode" ]
    ls /var/lib/dsr/backups/before-upgrade-*-from-"$version".sqlite
    as_dsr /usr/bin/dsr verify --lang en
}
check "upgrade: a backup first, the database kept" reinstall

if [ -d /run/systemd/system ]; then
    running_service() {
        systemctl is-enabled dsr.service dsr-backup.timer dsr-purge.timer dsr-summary.timer
        # postinst started it, unless a policy-rc.d forbade that (as in many containers).
        systemctl start dsr.service
        systemctl is-active dsr.service
        local listen
        listen=$(sed -n 's/^DSR_LISTEN=//p' /etc/dsr/dsr.conf)
        for _ in $(seq 1 20); do
            curl -fsS "http://${listen:-127.0.0.1:8080}/healthz" && return 0
            sleep 0.5
        done
        return 1
    }
    check "dsr.service enabled, running, /healthz answers" running_service
    check "dsr-backup.service runs in its sandbox" systemctl start dsr-backup.service
    check "dsr-purge.service runs in its sandbox" systemctl start dsr-purge.service
    journalctl -u dsr.service -u dsr-backup.service -u dsr-purge.service --no-pager -n 30 || true
else
    echo "skip  the running service and its timers: systemd is not PID 1 here"
fi

# --- Purging -------------------------------------------------------------------------
# Non-interactively the purge question takes its default, "no": /var/lib/dsr stays.
purge_keeps_data() {
    dpkg --purge dsr
    [ -f /var/lib/dsr/dsr.sqlite ]
    [ ! -e /etc/dsr/dsr.conf ] && [ ! -e /etc/dsr/policy.xml ] && [ ! -e /usr/bin/dsr ]
    [ -z "$(find /var/lib/systemd/deb-systemd-helper-enabled /var/lib/systemd/deb-systemd-helper-masked \
        -name 'dsr*' 2>/dev/null)" ]
}
check "dpkg --purge (noninteractive): the data stays, the rest goes" purge_keeps_data

# Answered "yes" (preseeded), the purge deletes /var/lib/dsr.
purge_deletes_data() {
    dpkg -i "$deb" >/dev/null
    echo "dsr dsr/purge-data boolean true" | debconf-set-selections
    dpkg --purge dsr
    [ ! -e /var/lib/dsr ]
}
check "dpkg --purge, answered yes: /var/lib/dsr deleted" purge_deletes_data

cleanup
trap - EXIT
leftovers() {
    if getent passwd dsr && [ "$user_existed" = 0 ]; then return 1; fi
    [ ! -e /var/lib/dsr ] && [ ! -e /etc/dsr ]
    if dpkg-query -W dsr 2>/dev/null; then return 1; fi
    [ -z "$(debconf-show dsr 2>/dev/null)" ]
}
work=$(mktemp -d)
check "the machine as it was (no package, user, /etc/dsr, /var/lib/dsr, answers)" leftovers
rm -rf "$work"

echo
if [ ${#failures[@]} -gt 0 ]; then
    echo "check-deb: ${#failures[@]} check(s) failed:"
    printf '  - %s\n' "${failures[@]}"
    exit 1
fi
echo "check-deb: all checks passed"
