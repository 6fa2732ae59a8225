#!/usr/bin/env bash
# A second dockerd in its own PID (and mount) namespace: an engine whose container PIDs are not
# this host's, which is what the lab sees of Docker Desktop or a remote DOCKER_HOST. It listens on
# a unix socket of its own and on 127.0.0.1 with TLS (certificates made here with openssl).
#
#   scripts/rig-pidns-dockerd.sh start DIR   start it; writes DIR/env (DOCKER_HOST=…, RIG_TCP_HOST=…,
#                                            RIG_CERT_PATH=…) and DIR/pid (the host PIDs it started)
#   scripts/rig-pidns-dockerd.sh stop DIR    stop what DIR/pid names, and remove DIR
#
# Never stop it through dockerd's own pidfile: inside the namespace that file says 1, which from
# outside is the host's init. This script stops the host PIDs it recorded itself.
set -euo pipefail

log() { printf 'rig-pidns-dockerd: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: $0 start|stop DIR"
[ "$(id -u)" -eq 0 ] || die "must run as root (it starts dockerd)"
# Unix socket paths are limited to 107 bytes; containerd's sockets live deeper below DIR.
[ ${#dir} -le 40 ] || die "DIR must be at most 40 characters (unix socket paths): $dir"

stop() {
  [ -f "$dir/pid" ] || { log "nothing to stop in $dir (no pid file of ours)"; rm -rf "$dir"; return 0; }
  # shellcheck disable=SC1091
  . "$dir/pid"
  # dockerd is PID 1 of its namespace: when it exits, the kernel ends everything else in it.
  if [ -n "${DOCKERD_PID:-}" ] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
    kill -TERM "$DOCKERD_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$DOCKERD_PID" 2>/dev/null && { log "dockerd $DOCKERD_PID did not stop in 20 s: SIGKILL"; kill -KILL "$DOCKERD_PID" 2>/dev/null || true; }
  fi
  if [ -n "${UNSHARE_PID:-}" ] && kill -0 "$UNSHARE_PID" 2>/dev/null; then
    for _ in $(seq 1 50); do kill -0 "$UNSHARE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$UNSHARE_PID" 2>/dev/null || true
  fi
  # The engine's mounts lived in its own mount namespace and went with it; anything still mounted
  # below DIR from this namespace would be ours too.
  { grep -F " $dir/" /proc/mounts || true; } | awk '{print $2}' | sort -r | while read -r m; do umount -l "$m" || true; done
  rm -rf "$dir"
  log "stopped"
}

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

make_certs() {
  local t=$1
  mkdir -p "$t"
  (
    cd "$t"
    openssl genrsa -out ca-key.pem 2048 2>/dev/null
    openssl req -new -x509 -days 2 -key ca-key.pem -sha256 -subj "/CN=zombie-lab rig CA" -out ca.pem 2>/dev/null
    openssl genrsa -out server-key.pem 2048 2>/dev/null
    openssl req -new -key server-key.pem -subj "/CN=localhost" -out server.csr 2>/dev/null
    printf 'subjectAltName = DNS:localhost,IP:127.0.0.1\nextendedKeyUsage = serverAuth\n' >server.ext
    openssl x509 -req -days 2 -sha256 -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out server-cert.pem -extfile server.ext 2>/dev/null
    openssl genrsa -out key.pem 2048 2>/dev/null
    openssl req -new -key key.pem -subj "/CN=zombie-lab client" -out client.csr 2>/dev/null
    printf 'extendedKeyUsage = clientAuth\n' >client.ext
    openssl x509 -req -days 2 -sha256 -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out cert.pem -extfile client.ext 2>/dev/null
    rm -f ./*.csr ./*.ext ca.srl
    chmod 600 ./*key.pem
  )
}

start() {
  [ ! -e "$dir/pid" ] || die "$dir/pid exists: stop that rig first ($0 stop $dir)"
  command -v dockerd >/dev/null || die "dockerd is not installed (scripts/setup-docker.sh installs docker.io)"
  command -v openssl >/dev/null || die "openssl is not installed (apt-get install openssl)"
  mkdir -p "$dir"/{data,exec,run}
  make_certs "$dir/tls"
  local port sock
  port=$(free_port)
  sock="$dir/run/docker.sock"
  # A mount namespace too: its mounts (overlay, /proc) die with it, and a tmpfs over
  # /run/containerd keeps it from using a system containerd (whose shims would be host PIDs).
  unshare --pid --fork --kill-child=SIGKILL --mount-proc --propagation private sh -c '
    [ -d /run/containerd ] && mount -t tmpfs none /run/containerd
    exec dockerd "$@"' dockerd \
    --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/run/dockerd.pid" \
    -H "unix://$sock" -H "tcp://127.0.0.1:$port" \
    --tlsverify --tlscacert "$dir/tls/ca.pem" --tlscert "$dir/tls/server-cert.pem" --tlskey "$dir/tls/server-key.pem" \
    --bridge=none --iptables=false --ip-masq=false --cgroup-parent "/zombie-lab-rig-$(basename "$dir")" \
    >"$dir/dockerd.log" 2>&1 &
  local unshare_pid=$! dockerd_pid=""
  for _ in $(seq 1 50); do
    dockerd_pid=$(pgrep -P "$unshare_pid" | head -n 1 || true)
    [ -n "$dockerd_pid" ] && break
    sleep 0.1
  done
  [ -n "$dockerd_pid" ] || { kill -KILL "$unshare_pid" 2>/dev/null || true; die "dockerd did not start; see $dir/dockerd.log"; }
  printf 'UNSHARE_PID=%s\nDOCKERD_PID=%s\n' "$unshare_pid" "$dockerd_pid" >"$dir/pid"
  printf 'DOCKER_HOST=unix://%s\nRIG_TCP_HOST=tcp://127.0.0.1:%s\nRIG_CERT_PATH=%s\n' "$sock" "$port" "$dir/tls" >"$dir/env"
  for _ in $(seq 1 240); do
    if ! kill -0 "$dockerd_pid" 2>/dev/null; then
      tail -n 20 "$dir/dockerd.log" >&2 || true
      stop
      die "dockerd exited at start"
    fi
    if curl -fsS --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1; then
      log "engine answers at unix://$sock and tcp://127.0.0.1:$port (TLS), host PID $dockerd_pid"
      return 0
    fi
    sleep 0.25
  done
  tail -n 20 "$dir/dockerd.log" >&2 || true
  stop
  die "dockerd did not answer within 60 s"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
