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
#   CREDENTIALS=generate|skip      make a random value for each credential the unit loads that is missing
#                                  from /etc/mentorline/credentials; default generate, but skip with
#                                  DESTDIR (a staged package must not carry one machine's secrets)
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
# there is never overwritten, so `make install` also upgrades a configured server safely. Config/secrets/
# (public development values) is not installed: the service reads its secrets and tokens only from
# /etc/mentorline/credentials, through LoadCredential=, and make install generates the missing ones.
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
if [ -n "$DESTDIR" ]; then CREDENTIALS="${CREDENTIALS:-skip}"; else CREDENTIALS="${CREDENTIALS:-generate}"; fi
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

case "$CREDENTIALS" in
generate | skip) ;;
*)
    say "CREDENTIALS must be generate or skip, not '$CREDENTIALS'."
    exit 64
    ;;
esac

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

# Configuration: each file only when absent, 0640, group mentorline. Config/secrets/ holds development
# values anyone can read in the repository; they are left out.
[ -d "$DESTDIR$CONFDIR" ] || install -d -m 0755 "$DESTDIR$CONFDIR"
[ -d "$DESTDIR$CONFDIR/credentials" ] || install -d -m 0700 "$DESTDIR$CONFDIR/credentials"
(cd Config && find . -type f ! -path './secrets/*' | sed 's|^\./||' | sort) | while IFS= read -r relative; do
    shipped="Config/$relative"
    destination="$DESTDIR$CONFDIR/$relative"
    directory="$(dirname "$destination")"
    [ -d "$directory" ] || install -d -m 0755 "$directory"
    if [ -e "$destination" ] || [ -L "$destination" ]; then
        say "kept $CONFDIR/$relative (already there)"
        continue
    fi
    install -m 0640 "$shipped" "$destination"
    if [ -n "$real_root_install" ]; then chown "root:${group:-root}" "$destination"; fi
done

# Credentials: one per LoadCredential= line of the installed unit, root-only (systemd reads them as root and
# hands the daemon a private copy). A file already there is in use and never replaced.
credential_names() {
    sed -n 's|^LoadCredential=\([^:]*\):'"$CONFDIR"'/credentials/\1$|\1|p' "$DESTDIR$UNITDIR/mentorlined.service"
}
missing=()
while IFS= read -r name; do
    [ -e "$DESTDIR$CONFDIR/credentials/$name" ] || missing+=("$name")
done < <(credential_names)
if [ "${#missing[@]}" -gt 0 ] && [ "$CREDENTIALS" = generate ]; then
    for name in "${missing[@]}"; do
        file="$DESTDIR$CONFDIR/credentials/$name"
        case "$name" in
        *.secret) value="whsec_$(head -c 32 /dev/urandom | base64 -w0)" ;;
        *) value="$(head -c 32 /dev/urandom | base64 -w0 | tr -d '/+=')" ;;
        esac
        (umask 077 && printf '%s\n' "$value" >"$file")
        if [ -n "$real_root_install" ]; then chown root:root "$file"; fi
        say "generated $CONFDIR/credentials/$name"
    done
    missing=()
fi
for name in "${missing[@]}"; do
    say "missing $CONFDIR/credentials/$name: the unit will not start until it is there"
done

say "Installed $BINDIR/mentorlined, $BINDIR/mentorctl, $UNITDIR/mentorlined.service, $SYSUSERS_FILE, $CONFDIR."
if [ -n "$real_root_install" ]; then
    say "Next: give the webhook secret to the receiving gateways and each token to its holder (files in $CONFDIR/credentials), then systemctl daemon-reload && systemctl enable --now mentorlined"
fi
