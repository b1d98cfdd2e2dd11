#!/usr/bin/env bash
# The package test (issue 21; .ci/run runs it after the test suite, as root): builds the package of the previous
# release (commit e5dcfff, schema version 21) and of this tree, then on this machine:
#   dpkg -i the old one: its own user, data folder and configuration; the unit passes systemd-analyze verify and
#     carries the hardening; its ExecStart, run as its User with its Environment (systemd is not running here),
#     answers /health as that user, takes a hotfix, and ends on SIGTERM with the exit status the unit accepts;
#   dpkg -i the new one (an upgrade): the hotfix is still there, the SQLite log was copied to backups/ before the
#     migration, and that copy is the old log;
#   dpkg -r: the program is gone, the log stays.
# Then it purges the package and deletes the log it made. Refuses to run where a hotfix-log is installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
OLD=e5dcfff
[ "$(id -u)" = 0 ] || { echo "test.sh: run as root (it installs a package)" >&2; exit 2; }
if dpkg -s hotfix-log >/dev/null 2>&1 || [ -e /var/lib/hotfix-log ] || [ -e /etc/hotfix-log ]; then
  echo "test.sh: hotfix-log is (or was) installed on this machine; the test needs one without it" >&2; exit 2
fi
work="$(mktemp -d)"
pid=""
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; [ -f "$work/service.log" ] && tail -20 "$work/service.log" >&2; exit 1; }
stopped=""
stop_service() { # SIGTERM, as systemctl stop sends; its exit status in $stopped (not in a subshell: wait needs us)
  stopped=0
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || stopped=$?; fi
  pid=""
}
cleanup() {
  stop_service
  dpkg -P hotfix-log >/dev/null 2>&1 || true
  rm -rf /var/lib/hotfix-log
  git -C "$repo" worktree remove --force "$work/old" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "package test: building the previous release's package ($OLD) and this tree's"
git -C "$repo" cat-file -e "$OLD^{commit}" 2>/dev/null || git -C "$repo" fetch -q --unshallow 2>/dev/null || true
git -C "$repo" cat-file -e "$OLD^{commit}" || fail "commit $OLD (the previous release) is not in this clone"
git -C "$repo" worktree add --detach "$work/old" "$OLD" >/dev/null 2>&1
(cd "$work/old" && mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true package >&2)
old_deb="$("$here/build.sh" --jar "$work/old/target/hotfix.jar" \
  --version "0.1.$(git -C "$repo" rev-list --count "$OLD")" --out "$work")"
new_deb="$("$here/build.sh" --out "$work")"
ok "built $(basename "$old_deb") and $(basename "$new_deb") ($(du -h "$new_deb" | cut -f1))"

port=""
for _ in $(seq 1 50); do # a port nobody answers on
  p=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || fail "no free port"
token="package-test-token-0123456789abcdef"
unit=/lib/systemd/system/hotfix-log.service

start_service() { # the unit's ExecStart as its User, with its Environment and NoNewPrivileges
  local user exec_start envs
  user="$(sed -n 's/^User=//p' "$unit")"
  exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
  envs="$(sed -n 's/^Environment=//p' "$unit" | tr '\n' ' ')"
  # shellcheck disable=SC2086
  setpriv --reuid="$user" --regid="$user" --init-groups --no-new-privs -- \
    env -i PATH=/usr/bin:/bin $envs $exec_start >"$work/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  fail "the service did not answer /health"
}
api() { curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

# 1. Install the previous release.
dpkg -i "$old_deb" >/dev/null
id hotfix-log >/dev/null || fail "no hotfix-log user"
[ "$(stat -c %U:%a /var/lib/hotfix-log)" = "hotfix-log:750" ] || fail "/var/lib/hotfix-log is $(stat -c %U:%a /var/lib/hotfix-log)"
[ "$(stat -c %U:%G:%a /etc/hotfix-log/hotfix.conf)" = "root:hotfix-log:640" ] || fail "hotfix.conf is not root:hotfix-log 0640"
[ -x /opt/hotfix-log/lib/runtime/bin/java ] || fail "no runtime of its own"
ok "installed: user hotfix-log, /var/lib/hotfix-log 0750, /etc/hotfix-log/hotfix.conf 0640, its own Java runtime"
systemd-analyze verify "$unit" 2>&1 | tee "$work/verify.log"
[ ! -s "$work/verify.log" ] || fail "systemd-analyze verify complained"
for d in User=hotfix-log StateDirectory=hotfix-log ProtectSystem=strict NoNewPrivileges=true SuccessExitStatus=143 \
         PrivateTmp=true ProtectHome=true CapabilityBoundingSet=; do
  grep -qx "$d" "$unit" || fail "the unit lacks $d"
done
ok "the unit passes systemd-analyze verify and has its own user, StateDirectory, ProtectSystem=strict, NoNewPrivileges, SuccessExitStatus=143"
printf 'HOTFIX_PORT=%s\nHOTFIX_BOOTSTRAP_TOKEN=%s\n' "$port" "$token" >> /etc/hotfix-log/hotfix.conf

start_service
[ "$(ps -o user= -p "$pid")" = hotfix-log ] || fail "the service runs as $(ps -o user= -p "$pid")"
grep -q '^NoNewPrivs:[[:space:]]*1' "/proc/$pid/status" || fail "no NoNewPrivileges"
api -X POST "http://127.0.0.1:$port/api/v1/hotfixes" \
  -d '{"title":"Made before the upgrade","severity":"high"}' >/dev/null
stop_service
[ "$stopped" = 143 ] || fail "SIGTERM ended the service with $stopped, not 143"
ok "the old release serves /health as hotfix-log, took HOTFIX-001, and stopped with 143 on SIGTERM"
cp /var/lib/hotfix-log/hotfix.db "$work/before-upgrade.db"

# 2. Upgrade to this tree's package.
dpkg -i --force-confold "$new_deb" >/dev/null
start_service
api "http://127.0.0.1:$port/api/v1/hotfixes/HOTFIX-001" | grep -q '"Made before the upgrade"' \
  || fail "the hotfix made before the upgrade is gone"
kept="$(ls /var/lib/hotfix-log/backups/hotfix-v21-*.db 2>/dev/null | head -1)"
[ -n "$kept" ] || fail "no copy of the log before its migration in /var/lib/hotfix-log/backups"
[ "$(stat -c %U "$kept")" = hotfix-log ] || fail "the copy is not the service's"
for t in hotfix hotfix_revision audit_event; do
  [ "$(sqlite3 "$kept" "SELECT COUNT(*) FROM $t")" = "$(sqlite3 "$work/before-upgrade.db" "SELECT COUNT(*) FROM $t")" ] \
    || fail "the kept copy's $t differs from the log before the upgrade"
done
setpriv --reuid=hotfix-log --regid=hotfix-log --init-groups -- /usr/bin/hotfix-log list 2>/dev/null \
  | grep -q "Made before the upgrade" || fail "the CLI on the server does not see the log"
stop_service
[ "$stopped" = 143 ] || fail "SIGTERM ended the upgraded service with $stopped"
ok "upgraded: the hotfix is there, $(basename "$kept") was kept before the migration and is the old log, the CLI sees it"

# 3. Remove: the program goes, the log stays.
dpkg -r hotfix-log >/dev/null
[ ! -e /opt/hotfix-log ] && [ ! -e "$unit" ] || fail "dpkg -r left the program"
[ -f /var/lib/hotfix-log/hotfix.db ] && [ -n "$(ls /var/lib/hotfix-log/backups)" ] || fail "dpkg -r took the log"
ok "dpkg -r removed the program and left /var/lib/hotfix-log with the log and its backups"
echo "package test: passed"
