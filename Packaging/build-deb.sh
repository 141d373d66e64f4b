#!/usr/bin/env bash
# Packaging/build-deb.sh: builds the Debian package dsr_<version>_amd64.deb from a release
# binary of dsr, and prints its path.
#
#   Packaging/build-deb.sh --man DIR [--out DIR] [--revision N] [--maintainer "NAME <MAIL>"]
#                          [--no-strip] BINARY [VERSION]
#
# BINARY   the release build (e.g. .build/release/dsr; with -static-stdlib it needs only
#          Debian's libraries)
# VERSION  the upstream version; default: what `BINARY --version` prints. The package's
#          version is VERSION-REVISION (--revision, default 1); a VERSION with a "-" in it
#          is taken as the whole Debian version.
# --man    the folder of section-1 man pages (*.1) that argument-parser's generate-manual
#          plugin wrote (`swift package generate-manual --multi-page`); required.
# --out    where the .deb goes (default: the current folder; an older one is replaced).
# --maintainer  the Maintainer field and the changelog's signature (default
#          $DSR_DEB_MAINTAINER, else the project's address below).
# --no-strip    keep the symbols and debug information in /usr/bin/dsr.
#
# Needs dpkg-dev (dpkg-deb, dpkg-shlibdeps), binutils (strip, readelf), gzip, and patchelf
# when the binary carries a RUNPATH. Runs as any user: dpkg-deb --root-owner-group makes
# every file root's. The same inputs and SOURCE_DATE_EPOCH (default: the time of the last
# commit) give the same bytes.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
default_maintainer="dsr maintainers <maintainers@users.noreply.r-seed-68252012.example>"

die() {
    echo "build-deb: $*" >&2
    exit 1
}
note() { echo "build-deb: $*" >&2; }
usage() {
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
    exit 64
}

man_dir=
out_dir=.
revision=1
maintainer=${DSR_DEB_MAINTAINER:-$default_maintainer}
strip_binary=1
positional=()
while [ $# -gt 0 ]; do
    case $1 in
        --man) [ $# -ge 2 ] || usage; man_dir=$2; shift 2 ;;
        --man=*) man_dir=${1#--man=}; shift ;;
        --out) [ $# -ge 2 ] || usage; out_dir=$2; shift 2 ;;
        --out=*) out_dir=${1#--out=}; shift ;;
        --revision) [ $# -ge 2 ] || usage; revision=$2; shift 2 ;;
        --maintainer) [ $# -ge 2 ] || usage; maintainer=$2; shift 2 ;;
        --no-strip) strip_binary=0; shift ;;
        -h | --help) usage ;;
        --) shift; positional+=("$@"); break ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) positional+=("$1"); shift ;;
    esac
done
if [ ${#positional[@]} -lt 1 ] || [ ${#positional[@]} -gt 2 ]; then usage; fi
binary=${positional[0]}
[ -n "$man_dir" ] || die "--man DIR is required: the man pages from argument-parser's generate-manual plugin"

for tool in dpkg-deb dpkg-shlibdeps gzip strip readelf md5sum; do
    command -v "$tool" >/dev/null || die "$tool is missing (apt-get install dpkg-dev binutils gzip)"
done
if [ ! -f "$binary" ] || [ ! -x "$binary" ]; then die "$binary: not an executable file"; fi
readelf -h "$binary" 2>/dev/null | grep -q 'Machine:.*X86-64' || die "$binary: not an x86-64 ELF binary"
[ -d "$man_dir" ] || die "$man_dir: no such folder"
shopt -s nullglob
man_pages=("$man_dir"/*.1)
shopt -u nullglob
[ ${#man_pages[@]} -gt 0 ] || die "$man_dir: no man pages (*.1)"
[ -f "$man_dir/dsr.1" ] || die "$man_dir: no dsr.1 (the page of the command itself)"

# The version.
if [ ${#positional[@]} -eq 2 ]; then
    upstream=${positional[1]}
else
    upstream=$("$binary" --version) || die "$binary --version failed"
fi
case $upstream in
    *-*) version=$upstream ;;
    *) version=$upstream-$revision ;;
esac
[[ $version =~ ^([0-9]+:)?[0-9][A-Za-z0-9.+~]*-[A-Za-z0-9.+~]+$ ]] \
    || die "'$version' is not a Debian version (from '$upstream')"
[[ $maintainer =~ ^[^\<\>]+\ \<[^\<\>@\ ]+@[^\<\>\ ]+\>$ ]] || die "maintainer '$maintainer' is not 'Name <address>'"

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(git -C "$repo" log -1 --format=%ct 2>/dev/null || stat -c %Y "$binary")
fi
export SOURCE_DATE_EPOCH
umask 022
export LC_ALL=C.UTF-8 TZ=UTC
# "&" in a ${var//pattern/replacement} replacement stays literal (bash 5.2 would insert the match).
shopt -u patsub_replacement 2>/dev/null || true

staging=$(mktemp -d "${TMPDIR:-/tmp}/dsr-deb.XXXXXX")
trap 'rm -rf "$staging"' EXIT
root=$staging/root
doc=$root/usr/share/doc/dsr

# /usr/bin/dsr, stripped as dh_strip does; a RUNPATH (SwiftPM's $ORIGIN, the toolchain's
# folder) is removed when the binary finds every library without it.
install -D -m 0755 "$binary" "$root/usr/bin/dsr"
if [ "$strip_binary" = 1 ]; then
    strip --remove-section=.comment --remove-section=.note "$root/usr/bin/dsr"
fi
foreign=$(ldd "$binary" | awk '$2 == "=>" && $3 !~ /^\/(usr\/)?lib/ {print $1}' | tr '\n' ' ')
if readelf -d "$root/usr/bin/dsr" | grep -q -E '\((RPATH|RUNPATH)\)'; then
    runpath=$(readelf -d "$root/usr/bin/dsr" | sed -n 's/.*(R[UN]*PATH).*\[\(.*\)\]/\1/p')
    if [ -n "$foreign" ]; then
        note "RUNPATH $runpath kept: the binary needs libraries from outside Debian"
    elif command -v patchelf >/dev/null; then
        patchelf --remove-rpath "$root/usr/bin/dsr"
        note "RUNPATH $runpath removed"
    else
        note "RUNPATH $runpath kept: install patchelf to remove it (lintian: custom-library-search-path)"
    fi
fi
if [ -n "$foreign" ]; then
    note "WARNING: $binary needs libraries that no Debian package provides: $foreign"
    note "WARNING: the package will not run on a server without the Swift toolchain (build with -static-stdlib)"
fi

# Man pages, compressed as Debian's policy asks (gzip -9n: no name, no time stamp).
install -d -m 0755 "$root/usr/share/man/man1"
for page in "${man_pages[@]}"; do
    gzip -9n -c "$page" >"$root/usr/share/man/man1/$(basename "$page").gz"
done

# Shell completions, from the binary itself.
install -d -m 0755 "$root/usr/share/bash-completion/completions" \
    "$root/usr/share/zsh/vendor-completions" "$root/usr/share/fish/vendor_completions.d"
# (bash-completion sources the file: no "#!" line, as lintian asks.)
"$binary" --generate-completion-script bash | sed '1{/^#!/d}' >"$root/usr/share/bash-completion/completions/dsr"
"$binary" --generate-completion-script zsh >"$root/usr/share/zsh/vendor-completions/_dsr"
"$binary" --generate-completion-script fish >"$root/usr/share/fish/vendor_completions.d/dsr.fish"

# /etc/dsr: the settings and the example policy (conffiles).
install -D -m 0644 "$here/dsr.conf" "$root/etc/dsr/dsr.conf"
policy=$root/etc/dsr/policy.xml
{
    head -n 1 "$repo/Policies/kaiserslautern.xml"
    cat <<'EOF'
<!--
  /etc/dsr/policy.xml: THE EXAMPLE TO EDIT. As installed, this is the policy of the
  City of Kaiserslautern's press office. Put in your own controller, contacts, Land,
  local holidays, office hours, closures, mail hosts, channels and duties, check the
  file with "dsr policy check /etc/dsr/policy.xml", then "systemctl restart dsr".
  A case keeps the policy it was logged under; a change applies to new cases.
  Schema: urn:dsr:policy:1 (/usr/share/doc/dsr/README.md.gz, "The policy file").
  This is a conffile: an upgrade of the package keeps your version.
-->
EOF
    tail -n +2 "$repo/Policies/kaiserslautern.xml"
} >"$policy"
chmod 0644 "$policy"
head -n 1 "$policy" | grep -q '^<?xml ' || die "Policies/kaiserslautern.xml does not start with an XML declaration"
"$binary" policy check "$policy" --lang en >/dev/null || die "the installed policy.xml does not pass dsr policy check"

# systemd units and the backup helper.
install -d -m 0755 "$root/usr/lib/systemd/system"
install -m 0644 "$here"/systemd/*.service "$here"/systemd/*.timer "$root/usr/lib/systemd/system/"
install -D -m 0755 "$here/lib/dsr-backup" "$root/usr/lib/dsr/dsr-backup"

# Documentation.
install -D -m 0644 "$here/debian/copyright" "$doc/copyright"
gzip -9n -c "$repo/CHANGELOG.md" >"$doc/changelog.gz"
gzip -9n -c "$repo/README.md" >"$doc/README.md.gz"
if [ -f "$repo/docs/OPERATIONS.md" ]; then
    gzip -9n -c "$repo/docs/OPERATIONS.md" >"$doc/OPERATIONS.md.gz"
fi
install -D -m 0644 "$here/nginx-dsr.conf" "$doc/examples/nginx-dsr.conf"
changelog_date=$(date -u -R -d "@$SOURCE_DATE_EPOCH")
{
    top=$(sed -n '1s/^dsr (\([^)]*\)).*/\1/p' "$here/debian/changelog")
    if [ "$top" != "$version" ]; then
        printf 'dsr (%s) unstable; urgency=medium\n\n' "$version"
        printf '  * Built from the dsr release %s; packaging as in %s.\n\n' "$upstream" "$top"
        printf ' -- %s  %s\n\n' "$maintainer" "$changelog_date"
    fi
    entries=$(<"$here/debian/changelog")
    printf '%s\n' "${entries//@MAINTAINER@/$maintainer}"
} | gzip -9n >"$doc/changelog.Debian.gz"
if [ -f "$here/debian/lintian-overrides" ]; then
    install -D -m 0644 "$here/debian/lintian-overrides" "$root/usr/share/lintian/overrides/dsr"
fi

# Depends: dpkg-shlibdeps reads the libraries the ELF file names (NEEDED) and gives each
# its package with the least version the symbols used need (from the shlibs and symbols
# files of the installed library packages). It wants a debian/control to run in.
mkdir -p "$staging/src/debian"
printf 'Source: dsr\n\nPackage: dsr\nArchitecture: amd64\n' >"$staging/src/debian/control"
shlibdeps_options=()
[ -z "$foreign" ] || shlibdeps_options+=(--ignore-missing-info)
shlibs=$(cd "$staging/src" && dpkg-shlibdeps -O "${shlibdeps_options[@]}" -e"$root/usr/bin/dsr" 2>"$staging/shlibdeps.log") \
    || { cat "$staging/shlibdeps.log" >&2; die "dpkg-shlibdeps failed"; }
if [ -n "$foreign" ]; then
    # Its warnings are then about those libraries (no version in their names, no package).
    note "dpkg-shlibdeps: $(grep -c . "$staging/shlibdeps.log") warnings about the toolchain's libraries not shown"
else
    cat "$staging/shlibdeps.log" >&2
fi
depends=${shlibs#shlibs:Depends=}
if [ -z "$depends" ] || [ "$depends" = "$shlibs" ]; then die "dpkg-shlibdeps gave no dependencies: $shlibs"; fi
depends="$depends, adduser, debconf (>= 0.5) | debconf-2.0"

# Every file dated SOURCE_DATE_EPOCH, so the same inputs give the same package.
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
installed_size=$(du -s -k --apparent-size "$root" | cut -f1)

# The control area.
install -d -m 0755 "$root/DEBIAN"
control=$(<"$here/debian/control.in")
control=${control//@VERSION@/$version}
control=${control//@MAINTAINER@/$maintainer}
control=${control//@INSTALLED_SIZE@/$installed_size}
control=${control//@DEPENDS@/$depends}
printf '%s\n' "$control" >"$root/DEBIAN/control"
install -m 0644 "$here/debian/conffiles" "$here/debian/templates" "$root/DEBIAN/"
install -m 0755 "$here/debian/preinst" "$here/debian/postinst" "$here/debian/prerm" \
    "$here/debian/postrm" "$here/debian/config" "$root/DEBIAN/"
(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' \
    | LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"
find "$root/DEBIAN" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$out_dir"
deb=$(cd "$out_dir" && pwd)/dsr_${version}_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
