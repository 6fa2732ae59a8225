#!/usr/bin/env bash
# Rootless Podman (Debian's podman, uidmap): `podman system service` run by a user of this rig's
# own (zl-rpodman, created if missing, with a subordinate ID range), serving its Docker-compatible
# API on a socket of its own, with its storage, run, tmp and home under DIR and a containers.conf
# of its own. No network namespace helper (slirp4netns, pasta): the lab runs with --network none.
# On a cgroup v1 host rootless Podman has no cgroup it may write (cgroupfs manager, nothing
# delegated): a PID limit is accepted and not applied, which is what the lab must refuse.
#
#   scripts/rig-rootless-podman.sh start DIR   install podman, catatonit and uidmap if missing,
#                                              start the service; writes DIR/env (DOCKER_HOST=…)
#                                              and DIR/pid (the host PIDs it started)
#   scripts/rig-rootless-podman.sh stop DIR    remove the rig's own containers, stop the PIDs in
#                                              DIR/pid (the service, then Podman's pause process
#                                              that holds its user namespace), remove DIR
#
# The containers.conf sets default_ulimits as scripts/rig-podman.sh does: Podman's default
# (nofile=1048576) is above this machine's hard limit of 20,000.
set -euo pipefail

log() { printf 'rig-rootless-podman: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=scripts/rig-lib.sh
. "$(dirname "$0")/rig-lib.sh"

cmd=${1:-}
dir=${2:-}
user=${ZL_ROOTLESS_PODMAN_USER:-zl-rpodman}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: $0 start|stop DIR"
[ "$(id -u)" -eq 0 ] || die "must run as root (it creates the rig's user and installs packages)"
[ ${#dir} -le 40 ] || die "DIR must be at most 40 characters (unix socket paths): $dir"
case "$dir" in /*) ;; *) die "DIR must be an absolute path: $dir" ;; esac

# Podman as the rig's user, in the rig's own roots (nothing in the user's home is used). Storage
# is vfs, chosen rather than found: it needs neither fuse-overlayfs nor /dev/fuse for the user.
as_user() {
  runuser -u "$user" -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$dir/home" XDG_RUNTIME_DIR="$dir/run" \
    XDG_CONFIG_HOME="$dir/home/.config" XDG_DATA_HOME="$dir/home/.local/share" CONTAINERS_CONF="$dir/containers.conf" "$@"
}
podman_args() { printf '%s\n' --root "$dir/storage" --runroot "$dir/run/storage" --tmpdir "$dir/tmp" --storage-driver vfs; }

ensure_packages() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  [ -x /usr/libexec/podman/catatonit ] || command -v catatonit >/dev/null || missing+=(catatonit)
  command -v newuidmap >/dev/null && command -v newgidmap >/dev/null || missing+=(uidmap)
  rig_install "${missing[@]}"
}

ensure_user() {
  if ! id "$user" >/dev/null 2>&1; then
    log "creating user $user (the rig's own, with a subordinate ID range)"
    useradd --system --create-home --home-dir "/var/lib/$user" --shell /usr/sbin/nologin "$user"
  fi
  # Podman maps 65536 subordinate IDs (newuidmap); a system user gets none by default.
  grep -q "^$user:" /etc/subuid 2>/dev/null || usermod --add-subuids 400000-465535 "$user"
  grep -q "^$user:" /etc/subgid 2>/dev/null || usermod --add-subgids 400000-465535 "$user"
}

# Podman's pause process (catatonit -P) holds the user namespace; it writes its PID here.
pause_pid() { cat "$dir/tmp/pause.pid" 2>/dev/null || true; }

stop() {
  [ -f "$dir/pid" ] || { log "nothing to stop in $dir (no pid file of ours)"; rm -rf "$dir"; return 0; }
  # shellcheck disable=SC1091
  . "$dir/pid"
  # Containers live on in their conmon after the service goes: remove this rig's own first (its
  # own storage; nothing outside DIR is looked at).
  if [ -d "$dir/storage" ] && id "$user" >/dev/null 2>&1; then
    mapfile -t args < <(podman_args)
    as_user timeout 60 podman "${args[@]}" rm -a -f -t 0 >/dev/null 2>&1 || true
  fi
  rig_end_pid "${SERVICE_PID:-}" "podman system service" 10
  # Rootless podman re-executes itself inside its user namespace: the service that serves the
  # socket can be a child of the recorded PID, and outlives it (reparented to init). It is the
  # rig user's and names this rig's DIR on its command line: end those, and only those.
  local left
  for left in $(pgrep -u "$user" -f -- "--root $dir/storage" || true); do
    rig_end_pid "$left" "podman of this rig" 10
  done
  # The pause PID as recorded at start; a later one (a pause process made again by the `rm` above)
  # is read from the rig's own pid file, and only ended if it is the rig user's catatonit.
  rig_end_pid "${PAUSE_PID:-}" "podman pause process" 5
  local again
  again=$(pause_pid)
  if [ -n "$again" ] && [ "$(ps -o user= -p "$again" 2>/dev/null | tr -d ' ')" = "$user" ] && ps -o comm= -p "$again" | grep -q catatonit; then
    rig_end_pid "$again" "podman pause process" 5
  fi
  rig_unmount_below "$dir"
  # Files made inside the user namespace belong to subordinate IDs: root removes them.
  rm -rf "$dir"
  log "stopped"
}

start() {
  [ ! -e "$dir/pid" ] || die "$dir/pid exists: stop that rig first ($0 stop $dir)"
  ensure_packages
  ensure_user
  mkdir -p "$dir"/{storage,run,tmp,home}
  cat >"$dir/containers.conf" <<'EOF'
[containers]
# This machine: the hard nofile limit is 20,000 (see the header).
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
# No systemd (and no user session) here; file events and file locks keep the rig to itself.
cgroup_manager = "cgroupfs"
events_logger = "file"
lock_type = "file"
EOF
  chown -R "$user:" "$dir"
  chmod 700 "$dir/run"
  local sock="$dir/podman.sock"
  mapfile -t args < <(podman_args)
  # setsid: the rig's processes are a session of their own, apart from the caller's terminal.
  setsid runuser -u "$user" -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$dir/home" XDG_RUNTIME_DIR="$dir/run" \
    XDG_CONFIG_HOME="$dir/home/.config" XDG_DATA_HOME="$dir/home/.local/share" CONTAINERS_CONF="$dir/containers.conf" \
    podman "${args[@]}" system service --time=0 "unix://$sock" >"$dir/podman.log" 2>&1 </dev/null &
  local pid=$!
  # runuser waits for its child: record the podman under it.
  local svc=""
  for _ in $(seq 1 50); do
    svc=$(pgrep -P "$pid" -x podman | head -n 1 || true)
    [ -n "$svc" ] && break
    sleep 0.1
  done
  printf 'RUNUSER_PID=%s\nSERVICE_PID=%s\n' "$pid" "$svc" >"$dir/pid"
  printf 'DOCKER_HOST=unix://%s\n' "$sock" >"$dir/env"
  [ -n "$svc" ] || { tail -n 20 "$dir/podman.log" >&2 || true; kill -TERM "$pid" 2>/dev/null || true; stop; die "podman system service did not start; see the log above"; }
  rig_wait_answers "$svc" "$sock" "$dir/podman.log" "rootless podman system service"
  printf 'PAUSE_PID=%s\n' "$(pause_pid)" >>"$dir/pid"
  log "rootless Podman $(podman --version | awk '{print $3}') answers at unix://$sock (user $user), host PID $svc"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
