#!/usr/bin/env bash
# Checks that ./hotfix prints nothing of the JVM's on start-up: a command and `serve`, on every JDK under
# /usr/lib/jvm (17 and 21 with a class-data archive, 25+ with its AOT cache), and again after the cache was
# stamped by another JDK build (it must be made again, silently). Needs target/hotfix.jar (./hotfix builds it).
# Usage: bench/launcher-quiet.sh   (exit 1 and the lines, if any JVM line reached stderr)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/target"
cp "$here/hotfix" "$work/" && cp "$here/target/hotfix.jar" "$work/target/"
export HOTFIX_DATA_DIR="$work/data"
noisy=0
# The JVM's own lines: unified logging ("[1.017s][warning][aot] …") and the launcher's WARNING lines. The app's
# log lines (the first admin's password on a new log) are not the JVM's.
jvm='^\[[0-9.]+s\]|^WARNING: |^OpenJDK .*[Ww]arning'
check() { # $1 what, then the command; the JVM must print nothing on its stderr
  local what="$1"; shift
  if ! "$@" > "$work/out" 2> "$work/err"; then [ "$what" = serve ] || { echo "$what: failed"; cat "$work/err"; noisy=1; }; fi
  if grep -Eq "$jvm" "$work/err"; then echo "$what printed:"; grep -E "$jvm" "$work/err"; noisy=1; else echo "$what: quiet"; fi
}
for java in /usr/lib/jvm/*/bin/java; do
  [ -L "$(dirname "$(dirname "$java")")" ] && continue # the same JDK under another name
  rm -f "$work"/target/hotfix.{aot,jsa}* "$work/target/launcher-java"
  echo "== $java"
  if "$java" -version 2>&1 | grep -q 'version "\(1[0-9]\|2[0-4]\)[."]'; then
    export HOTFIX_AOT=no HOTFIX_JAVA="" PATH="$(dirname "$java"):$PATH" # the archive of the java on PATH
  else
    export HOTFIX_AOT=yes HOTFIX_JAVA="$java"
  fi
  check "first command (makes the cache)" "$work/hotfix" list
  check "second command" "$work/hotfix" list
  check serve env HOTFIX_PORT=0 timeout 90 "$work/hotfix" serve
  for f in "$work"/target/hotfix.{aot,jsa}.jdk; do [ -f "$f" ] && printf 'JAVA_VERSION="0"' > "$f"; done
  check "command after a JDK upgrade" "$work/hotfix" list
done
exit "$noisy"
