#!/usr/bin/env bash
# Sets up a Docker engine on Debian/Ubuntu as root, for the lab's tests and CI.
# - installs docker.io and what the offline image build needs (mmdebstrap)
# - starts dockerd with no bridge network (lab containers all run with NetworkMode none)
# - waits until the engine answers
# Idempotent: an engine that already answers is left as it is.
set -euo pipefail

log() { printf 'setup-docker: %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-docker: must run as root (it installs packages and starts dockerd)" >&2
  exit 1
fi

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v mmdebstrap >/dev/null 2>&1 || need+=(mmdebstrap)
command -v tmux >/dev/null 2>&1 || need+=(tmux)   # the test that drives the app as a person would
command -v curl >/dev/null 2>&1 || need+=(curl)   # to ask the engine if it answers
command -v ps >/dev/null 2>&1 || need+=(procps)
command -v busybox >/dev/null 2>&1 || need+=(busybox)   # lint's shell model is tested against BusyBox's ash, dash and bash
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" ca-certificates >/dev/null
fi

# A Docker client from elsewhere may already be on PATH; it talks to our daemon through the socket.
sock=/var/run/docker.sock
answers() { curl -fsS --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1; }

if answers; then
  log "engine already answers on $sock"
  exit 0
fi

# A daemon killed without a clean shutdown (a session ending, a crash) leaves its pid file, and
# dockerd refuses to start while the PID in it exists, even as a zombie or a reused PID.
stale_pidfile() {
  local file=$1 name=$2 pid state comm
  [ -f "$file" ] || return 0
  pid=$(cat "$file" 2>/dev/null || true)
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)
  comm=$(cat "/proc/$pid/comm" 2>/dev/null || true)
  if [ -z "$pid" ] || [ -z "$state" ] || [ "$state" = Z ] || [ "$comm" != "$name" ]; then
    log "removing stale $file (PID ${pid:-?} is not a running $name)"
    rm -f "$file"
  fi
}
stale_pidfile /var/run/docker.pid dockerd
stale_pidfile /var/run/docker/containerd/containerd.pid containerd

log "starting dockerd (no bridge, no iptables)"
mkdir -p /var/log
# containerd is started by dockerd itself when not already running
nohup dockerd --bridge=none --iptables=false --ip-masq=false \
  --host "unix://$sock" >/var/log/zombie-lab-dockerd.log 2>&1 &
daemon=$!

for _ in $(seq 1 120); do
  if ! kill -0 "$daemon" 2>/dev/null; then
    echo "setup-docker: dockerd exited at start; the end of /var/log/zombie-lab-dockerd.log:" >&2
    tail -n 30 /var/log/zombie-lab-dockerd.log >&2 || true
    exit 1
  fi
  if answers; then
    log "engine answers ($(curl -fsS --unix-socket "$sock" http://localhost/version | sed -n 's/.*"Version":"\([^"]*\)".*/\1/p' | head -1))"
    exit 0
  fi
  sleep 0.5
done
echo "setup-docker: dockerd did not answer within 60 s; see /var/log/zombie-lab-dockerd.log:" >&2
tail -n 30 /var/log/zombie-lab-dockerd.log >&2 || true
exit 1
