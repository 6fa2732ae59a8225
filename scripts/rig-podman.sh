#!/usr/bin/env bash
# Rootful Podman (Debian's podman and catatonit) serving its Docker-compatible API on a socket of
# its own, with its own storage, run and tmp roots under DIR and a containers.conf of its own
# (CONTAINERS_CONF): it shares nothing with a Podman or Docker already on this machine.
#
#   scripts/rig-podman.sh start DIR   install podman + catatonit if missing, start
#                                     `podman system service`; writes DIR/env (DOCKER_HOST=…) and
#                                     DIR/pid (the host PID it started)
#   scripts/rig-podman.sh stop DIR    remove the rig's own containers, stop the PID in DIR/pid,
#                                     unmount what is left below DIR, remove DIR
#
# The containers.conf sets default_ulimits: on machines where root lacks CAP_SYS_RESOURCE and the
# hard open-files limit is low (20,000 here), Podman's default (nofile=1048576) makes every
# container fail with "error setting rlimit type 7". That belongs to this machine, not to the lab.
set -euo pipefail

log() { printf 'rig-podman: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=scripts/rig-lib.sh
. "$(dirname "$0")/rig-lib.sh"

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: $0 start|stop DIR"
[ "$(id -u)" -eq 0 ] || die "must run as root (rootful Podman)"
[ ${#dir} -le 40 ] || die "DIR must be at most 40 characters (unix socket paths): $dir"
case "$dir" in /*) ;; *) die "DIR must be an absolute path: $dir" ;; esac

podman_here() {
  CONTAINERS_CONF="$dir/containers.conf" timeout 60 podman --root "$dir/storage" --runroot "$dir/run" --tmpdir "$dir/tmp" "$@"
}

ensure_packages() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  [ -x /usr/libexec/podman/catatonit ] || command -v catatonit >/dev/null || missing+=(catatonit)
  rig_install "${missing[@]}"
}

stop() {
  [ -f "$dir/pid" ] || { log "nothing to stop in $dir (no pid file of ours)"; rm -rf "$dir"; return 0; }
  # shellcheck disable=SC1091
  . "$dir/pid"
  # Containers live on in their conmon after the service goes: remove this rig's own first (its
  # own storage; nothing outside DIR is looked at).
  [ -d "$dir/storage" ] && { podman_here rm -a -f -t 0 >/dev/null 2>&1 || true; }
  rig_end_pid "${SERVICE_PID:-}" podman 10
  rig_unmount_below "$dir"
  rm -rf "$dir"
  log "stopped"
}

start() {
  [ ! -e "$dir/pid" ] || die "$dir/pid exists: stop that rig first ($0 stop $dir)"
  ensure_packages
  mkdir -p "$dir"/{storage,run,tmp}
  cat >"$dir/containers.conf" <<'EOF'
[containers]
# This machine: root lacks CAP_SYS_RESOURCE and the hard nofile limit is 20,000 (see the header).
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
# No systemd here; file events and file locks keep this rig out of any other Podman's state.
cgroup_manager = "cgroupfs"
events_logger = "file"
lock_type = "file"
EOF
  local sock="$dir/podman.sock"
  CONTAINERS_CONF="$dir/containers.conf" setsid podman --root "$dir/storage" --runroot "$dir/run" --tmpdir "$dir/tmp" \
    system service --time=0 "unix://$sock" >"$dir/podman.log" 2>&1 </dev/null &
  local pid=$!
  printf 'SERVICE_PID=%s\n' "$pid" >"$dir/pid"
  printf 'DOCKER_HOST=unix://%s\nCONTAINERS_CONF=%s\n' "$sock" "$dir/containers.conf" >"$dir/env"
  rig_wait_answers "$pid" "$sock" "$dir/podman.log" "podman system service"
  log "Podman $(podman --version | awk '{print $3}') answers at unix://$sock, host PID $pid"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
