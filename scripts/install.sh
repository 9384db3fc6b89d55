#!/usr/bin/env bash
# `make install` and `make uninstall`: installs Mentorline for systemd, or removes it again.
#
#   scripts/install.sh build       release build of mentorlined and mentorctl for installing
#   scripts/install.sh install     build (unless SKIP_BUILD=1) and install
#   scripts/install.sh uninstall   remove binaries, unit, sysusers entry and docs; keep config and state
#
# Variables (empty counts as unset):
#   PREFIX=/usr/local              binaries in $PREFIX/bin, docs in $PREFIX/share/doc/mentorline
#   DESTDIR=                       staging root prepended to every path (packaging, tests)
#   BINDIR, DOCDIR                 override the two directories above
#   UNITDIR=/etc/systemd/system    where the unit goes
#   SKIP_BUILD=1                   install what is already built (`make install-build`) instead of building
#   BUILD_BIN_DIR=.build/release   where the binaries are taken from when SKIP_BUILD=1
#
# The build links the Swift runtime and Foundation into the binaries (--static-swift-stdlib), so the
# installed daemon does not depend on where the toolchain lives: a toolchain under /root or /home is hidden
# from the service by ProtectHome=yes, and one that is upgraded or removed would break it. Next to the
# binaries go the package's resource bundles (mentorline_*.resources: the OpenAPI document), which
# SwiftPM's Bundle.module looks for in the executable's directory.
#
# The unit goes to /etc/systemd/system whatever PREFIX is: systemd on Debian reads it on every system,
# while $PREFIX/lib/systemd/system is read only for PREFIX=/usr or /usr/local. A distribution package
# would set UNITDIR=/usr/lib/systemd/system. The configuration always goes to /etc/mentorline, because
# the unit's ConfigurationDirectory=mentorline and LoadCredential= name that directory. A file already
# there is never overwritten, so `make install` also upgrades a configured server safely.
set -euo pipefail
cd "$(dirname "$0")/.."

action="${1:-install}"
PREFIX="${PREFIX:-/usr/local}"
DESTDIR="${DESTDIR:-}"
BINDIR="${BINDIR:-$PREFIX/bin}"
DOCDIR="${DOCDIR:-$PREFIX/share/doc/mentorline}"
UNITDIR="${UNITDIR:-/etc/systemd/system}"
SKIP_BUILD="${SKIP_BUILD:-}"
BUILD_BIN_DIR="${BUILD_BIN_DIR:-.build/release}"
SYSUSERS_FILE=/usr/lib/sysusers.d/mentorline.conf
CONFDIR=/etc/mentorline
binaries=(mentorlined mentorctl)
# MentorlineServer's bundle (openapi.yaml); without it the daemon cannot serve /v1/openapi.yaml.
required_bundle=mentorline_MentorlineServer.resources

# Ownership is only set on a real install by root; a staged install (DESTDIR) leaves it to the packager.
real_root_install=""
if [ -z "$DESTDIR" ] && [ "$(id -u)" -eq 0 ]; then real_root_install=1; fi

say() { printf '%s\n' "$*" >&2; }

build() {
    scripts/install-deps.sh
    for binary in "${binaries[@]}"; do
        swift build -c release --static-swift-stdlib --product "$binary"
    done
}

case "$action" in
build)
    build
    exit 0
    ;;
install) ;;
uninstall)
    for binary in "${binaries[@]}"; do rm -f "$DESTDIR$BINDIR/$binary"; done
    rm -rf "$DESTDIR$BINDIR"/mentorline_*.resources
    rm -f "$DESTDIR$UNITDIR/mentorlined.service" "$DESTDIR$SYSUSERS_FILE" "$DESTDIR$DOCDIR/README.md"
    rmdir "$DESTDIR$DOCDIR" 2>/dev/null || true
    say "Removed mentorlined, mentorctl, the unit and the sysusers entry."
    say "Kept $CONFDIR (configuration, credentials), /var/lib/mentorline (the database) and the mentorline user."
    exit 0
    ;;
*)
    say "usage: $0 build|install|uninstall"
    exit 64
    ;;
esac

if [ "$SKIP_BUILD" != 1 ]; then
    build
    BUILD_BIN_DIR="$(swift build -c release --show-bin-path)"
fi
for built in "${binaries[@]}" "$required_bundle"; do
    if [ ! -e "$BUILD_BIN_DIR/$built" ]; then
        say "$BUILD_BIN_DIR/$built is missing: run \`make install-build\` first, or install without SKIP_BUILD=1."
        exit 1
    fi
done

# Binaries, unit, sysusers entry, docs: always replaced by the new version.
[ -d "$DESTDIR$BINDIR" ] || install -d -m 0755 "$DESTDIR$BINDIR"
for binary in "${binaries[@]}"; do
    install -m 0755 "$BUILD_BIN_DIR/$binary" "$DESTDIR$BINDIR/$binary"
done
for bundle in "$BUILD_BIN_DIR"/mentorline_*.resources; do
    target="$DESTDIR$BINDIR/$(basename "$bundle")"
    rm -rf "$target"
    install -d -m 0755 "$target"
    (cd "$bundle" && find . -type f) | while IFS= read -r file; do
        install -D -m 0644 "$bundle/$file" "$target/${file#./}"
    done
done
unit="$(mktemp)"
trap 'rm -f "$unit"' EXIT
sed -e "s|@BINDIR@|$BINDIR|g" -e "s|@DOCDIR@|$DOCDIR|g" systemd/mentorlined.service.in >"$unit"
install -D -m 0644 "$unit" "$DESTDIR$UNITDIR/mentorlined.service"
install -D -m 0644 systemd/mentorline.sysusers "$DESTDIR$SYSUSERS_FILE"
install -D -m 0644 README.md "$DESTDIR$DOCDIR/README.md"

group=""
if [ -n "$real_root_install" ]; then
    # Create the user now, so the configuration can be given to its group.
    if command -v systemd-sysusers >/dev/null 2>&1; then systemd-sysusers "$SYSUSERS_FILE"; fi
    if getent group mentorline >/dev/null; then
        group=mentorline
    else
        say "No group mentorline (systemd-sysusers missing?): configuration left owned by root:root."
    fi
fi

# Configuration: each file only when absent. secrets/ is 0700 with 0600 files (development values the
# service never reads: it gets credentials/ through LoadCredential=); the rest 0640, group mentorline.
install_config() { # mode owner shipped-file destination
    if [ -e "$4" ] || [ -L "$4" ]; then
        say "kept ${4#"$DESTDIR"} (already there)"
        return
    fi
    install -m "$1" "$3" "$4"
    if [ -n "$real_root_install" ]; then chown "$2" "$4"; fi
}
[ -d "$DESTDIR$CONFDIR" ] || install -d -m 0755 "$DESTDIR$CONFDIR"
[ -d "$DESTDIR$CONFDIR/credentials" ] || install -d -m 0700 "$DESTDIR$CONFDIR/credentials"
(cd Config && find . -type f | sed 's|^\./||' | sort) | while IFS= read -r relative; do
    shipped="Config/$relative"
    destination="$DESTDIR$CONFDIR/$relative"
    directory="$(dirname "$destination")"
    case "$relative" in
    secrets/*)
        [ -d "$directory" ] || install -d -m 0700 "$directory"
        install_config 0600 root:root "$shipped" "$destination"
        ;;
    *)
        [ -d "$directory" ] || install -d -m 0755 "$directory"
        install_config 0640 "root:${group:-root}" "$shipped" "$destination"
        ;;
    esac
done

say "Installed $BINDIR/mentorlined, $BINDIR/mentorctl, $UNITDIR/mentorlined.service, $SYSUSERS_FILE, $CONFDIR."
if [ -n "$real_root_install" ]; then
    say "Next: put the credentials in $CONFDIR/credentials, then systemctl daemon-reload && systemctl enable --now mentorlined"
fi
