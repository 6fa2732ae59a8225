#!/usr/bin/env bash
# Rootless Docker: dockerd-rootless.sh (docker.io's contrib) under rootlesskit, run by a user of
# this rig's own (zl-rootless, created if missing), in the host's network (no slirp4netns), with its data, exec and run roots under DIR.
# On a cgroup v1 host it has no cgroups at all (cgroup driver "none"): a PID limit is accepted and
# not applied, which is what the lab must refuse.
#
#   scripts/rig-rootless-docker.sh start DIR   install rootlesskit and uidmap if missing,
#                                              start it; writes DIR/env (DOCKER_HOST=…) and DIR/pid
#   scripts/rig-rootless-docker.sh stop DIR    stop the PID in DIR/pid (rootlesskit: its namespaces
#                                              and everything in them go with it), remove DIR
set -euo pipefail

log() { printf 'rig-rootless-docker: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=scripts/rig-lib.sh
. "$(dirname "$0")/rig-lib.sh"

cmd=${1:-}
dir=${2:-}
user=${ZL_ROOTLESS_USER:-zl-rootless}
script=/usr/share/docker.io/contrib/dockerd-rootless.sh
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: $0 start|stop DIR"
[ "$(id -u)" -eq 0 ] || die "must run as root (it creates the rig's user and installs packages)"
[ ${#dir} -le 40 ] || die "DIR must be at most 40 characters (unix socket paths): $dir"
case "$dir" in /*) ;; *) die "DIR must be an absolute path: $dir" ;; esac

ensure_packages() {
  local missing=()
  command -v rootlesskit >/dev/null || missing+=(rootlesskit)
  command -v newuidmap >/dev/null || missing+=(uidmap)
  command -v dockerd >/dev/null && [ -x "$script" ] || missing+=(docker.io)
  rig_install "${missing[@]}"
}

ensure_user() {
  if ! id "$user" >/dev/null 2>&1; then
    log "creating user $user (the rig's own, with a subordinate ID range)"
    useradd --system --create-home --home-dir "/var/lib/$user" --shell /usr/sbin/nologin "$user"
  fi
  # rootlesskit maps 65536 subordinate IDs; a system user gets none by default.
  grep -q "^$user:" /etc/subuid 2>/dev/null || usermod --add-subuids 300000-365535 "$user"
  grep -q "^$user:" /etc/subgid 2>/dev/null || usermod --add-subgids 300000-365535 "$user"
}

stop() {
  [ -f "$dir/pid" ] || { log "nothing to stop in $dir (no pid file of ours)"; rm -rf "$dir"; return 0; }
  # shellcheck disable=SC1091
  . "$dir/pid"
  rig_end_pid "${ROOTLESSKIT_PID:-}" rootlesskit 30
  rig_unmount_below "$dir"
  # Files made inside the user namespace belong to subordinate IDs: root removes them.
  rm -rf "$dir"
  log "stopped"
}

start() {
  [ ! -e "$dir/pid" ] || die "$dir/pid exists: stop that rig first ($0 stop $dir)"
  ensure_packages
  ensure_user
  mkdir -p "$dir"/{data,exec,run,home}
  chown -R "$user:" "$dir"
  chmod 700 "$dir/run"
  local sock="$dir/run/docker.sock"
  # setsid: the rig's processes are a session of their own, apart from the caller's terminal.
  # No network namespace: the lab's containers run with --network none, and slirp4netns would need
  # /dev/net/tun, which an ordinary user may not open here. So no port driver either.
  setsid runuser -u "$user" -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$dir/home" XDG_RUNTIME_DIR="$dir/run" \
    DOCKERD_ROOTLESS_ROOTLESSKIT_NET=host DOCKERD_ROOTLESS_ROOTLESSKIT_PORT_DRIVER=none \
    "$script" --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/run/dockerd.pid" \
    -H "unix://$sock" --bridge=none --iptables=false --ip-masq=false \
    >"$dir/dockerd.log" 2>&1 </dev/null &
  local pid=$!
  # runuser execs nothing itself (it waits for its child): record the rootlesskit under it.
  local rk=""
  for _ in $(seq 1 50); do
    rk=$(pgrep -P "$pid" -x rootlesskit | head -n 1 || true)
    [ -n "$rk" ] && break
    sleep 0.1
  done
  printf 'RUNUSER_PID=%s\nROOTLESSKIT_PID=%s\n' "$pid" "$rk" >"$dir/pid"
  printf 'DOCKER_HOST=unix://%s\n' "$sock" >"$dir/env"
  [ -n "$rk" ] || { tail -n 20 "$dir/dockerd.log" >&2 || true; kill -TERM "$pid" 2>/dev/null || true; stop; die "rootlesskit did not start; see the log above"; }
  rig_wait_answers "$rk" "$sock" "$dir/dockerd.log" "rootless dockerd"
  log "rootless Docker answers at unix://$sock (user $user), rootlesskit host PID $rk"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
