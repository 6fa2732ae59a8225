# Shared by the rig scripts (sourced; each defines log and die first).

# Installs Debian packages, updating the package lists once if the first try finds nothing.
rig_install() {
  [ $# -eq 0 ] && return 0
  log "installing $* from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "$@" >/dev/null 2>&1 ||
    { apt-get -o DPkg::Lock::Timeout=300 update >/dev/null 2>&1 && apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "$@" >/dev/null; } ||
    die "could not install $* (apt-get install $*)"
}

# Ends one PID the rig recorded: SIGTERM, up to SECS seconds, then SIGKILL.
rig_end_pid() {
  local pid=$1 what=$2 secs=$3
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((secs * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  log "$what $pid did not stop in $secs s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

# Unmounts whatever is still mounted below DIR (deepest first).
rig_unmount_below() {
  { grep -F " $1/" /proc/mounts || true; } | awk '{print $2}' | sort -r | while read -r m; do umount -l "$m" || true; done
}

# Waits up to 60 s for the engine at SOCK to answer /_ping while PID lives; on failure shows the
# end of LOG, runs the script's own stop, and dies.
rig_wait_answers() {
  local pid=$1 sock=$2 logf=$3 what=$4
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$logf" >&2 || true
      stop
      die "$what exited at start"
    fi
    curl -fsS --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  tail -n 20 "$logf" >&2 || true
  stop
  die "$what did not answer within 60 s"
}
