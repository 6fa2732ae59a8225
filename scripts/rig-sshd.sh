#!/usr/bin/env bash
# An SSH server on 127.0.0.1 that forwards to an engine socket, for the lab's ssh:// path (as
# `docker context create --docker host=ssh://…` uses it): every session runs
# `docker system dial-stdio` against that socket, whatever it asked for.
#
#   scripts/rig-sshd.sh start DIR ENGINE_SOCKET   writes DIR/env (RIG_SSH_HOST=ssh://root@127.0.0.1:PORT,
#                                                 RIG_SSH_KEY=DIR/id_ed25519) and DIR/pid
#   scripts/rig-sshd.sh stop DIR                  stops the sshd it started (by that PID), removes DIR
set -euo pipefail

log() { printf 'rig-sshd: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: $0 start DIR ENGINE_SOCKET | stop DIR"
[ "$(id -u)" -eq 0 ] || die "must run as root (it starts sshd)"

stop() {
  if [ -f "$dir/pid" ]; then
    # shellcheck disable=SC1091
    . "$dir/pid"
    if [ -n "${SSHD_PID:-}" ] && kill -0 "$SSHD_PID" 2>/dev/null; then
      kill -TERM "$SSHD_PID" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$SSHD_PID" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$SSHD_PID" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir"
  log "stopped"
}

start() {
  local socket=${1:-}
  [ -n "$socket" ] || die "start needs the engine socket to forward to"
  [ ! -e "$dir/pid" ] || die "$dir/pid exists: stop that rig first ($0 stop $dir)"
  if [ ! -x /usr/sbin/sshd ]; then
    log "installing openssh-server (without starting its service)"
    # No service start from the package: only the sshd below, on loopback, runs.
    local policy=/usr/sbin/policy-rc.d made_policy=0
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; made_policy=1; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends openssh-server >/dev/null
    [ $made_policy -eq 1 ] && rm -f "$policy"
  fi
  command -v docker >/dev/null || die "the docker CLI is needed on the server side (docker system dial-stdio)"
  mkdir -p "$dir"
  chmod 700 "$dir"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/id_ed25519"
  printf 'command="DOCKER_HOST=unix://%s exec docker system dial-stdio",no-pty,no-port-forwarding,no-agent-forwarding,no-X11-forwarding %s\n' \
    "$socket" "$(cat "$dir/id_ed25519.pub")" >"$dir/authorized_keys"
  local port
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  cat >"$dir/sshd_config" <<EOF
ListenAddress 127.0.0.1:$port
HostKey $dir/host_key
AuthorizedKeysFile $dir/authorized_keys
PidFile $dir/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
AllowTcpForwarding no
X11Forwarding no
EOF
  mkdir -p /run/sshd
  /usr/sbin/sshd -D -e -f "$dir/sshd_config" >"$dir/sshd.log" 2>&1 &
  local pid=$!
  printf 'SSHD_PID=%s\n' "$pid" >"$dir/pid"
  printf 'RIG_SSH_HOST=ssh://root@127.0.0.1:%s\nRIG_SSH_KEY=%s\n' "$port" "$dir/id_ed25519" >"$dir/env"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || { cat "$dir/sshd.log" >&2; stop; die "sshd exited at start"; }
    if node -e 'const c=require("net").connect(+process.argv[1],"127.0.0.1",()=>process.exit(0));c.on("error",()=>process.exit(1))' "$port"; then
      log "sshd answers on 127.0.0.1:$port, forwarding to $socket (PID $pid)"
      return 0
    fi
    sleep 0.1
  done
  stop
  die "sshd did not listen within 5 s"
}

case "$cmd" in
  start) start "${3:-}" ;;
  stop) stop ;;
  *) die "usage: $0 start DIR ENGINE_SOCKET | stop DIR" ;;
esac
