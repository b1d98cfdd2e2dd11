#!/usr/bin/env bash
# Builds the Debian package: a jpackage app image (the fat jar and a Java runtime of its own, made by jlink from
# the modules the jar needs: the host needs no Java), the systemd unit, /etc/hotfix-log/hotfix.conf, a CLI
# wrapper and the maintainer scripts, assembled with dpkg-deb.
# Usage: packaging/deb/build.sh [--jar FILE] [--version X.Y.Z] [--out DIR]   (defaults: target/hotfix.jar, built
# if missing; 0.1.<commits>; target/deb). Prints the package's path. Needs a JDK with jmods (Debian:
# openjdk-17-jdk-headless and openjdk-17-jmods) and dpkg-deb.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
jar="" version="" out="$repo/target/deb"
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$jar" ]; then
  jar="$repo/target/hotfix.jar"
  [ -f "$jar" ] || (cd "$repo" && mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true package >&2)
fi
[ -n "$version" ] || version="0.1.$(git -C "$repo" rev-list --count HEAD)"
jdk="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")"
[ -d "$jdk/jmods" ] || { echo "build.sh: $jdk has no jmods; install openjdk-17-jmods" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/input" "$out"
cp "$jar" "$work/input/hotfix.jar"
modules="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$jar"),jdk.crypto.ec,jdk.charsets,jdk.zipfs"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 --output "$work/runtime" >&2
jpackage --type app-image --name hotfix-log --input "$work/input" --main-jar hotfix.jar \
  --runtime-image "$work/runtime" --dest "$work/image" --app-version "$version" \
  --java-options '-Dorg.sqlite.tmpdir=/var/lib/hotfix-log/tmp' \
  --java-options '-Djava.io.tmpdir=/var/lib/hotfix-log/tmp' >&2

root="$work/root"
mkdir -p "$root/opt" "$root/usr/bin" "$root/lib/systemd/system" "$root/etc/hotfix-log" \
  "$root/usr/share/doc/hotfix-log" "$root/DEBIAN"
cp -a "$work/image/hotfix-log" "$root/opt/hotfix-log"
install -m 0755 "$here/hotfix-log.sh" "$root/usr/bin/hotfix-log"
install -m 0644 "$here/hotfix-log.service" "$root/lib/systemd/system/hotfix-log.service"
install -m 0640 "$here/hotfix.conf" "$root/etc/hotfix-log/hotfix.conf"
install -m 0644 "$repo/README.md" "$root/usr/share/doc/hotfix-log/README.md"
for s in postinst prerm postrm; do install -m 0755 "$here/$s" "$root/DEBIAN/$s"; done
echo /etc/hotfix-log/hotfix.conf > "$root/DEBIAN/conffiles"
size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$here/control" > "$root/DEBIAN/control"
deb="$out/hotfix-log_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
echo "$deb"
