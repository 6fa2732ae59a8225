#!/usr/bin/env bash
# A Debian VM under qemu (TCG: nested KVM hangs on these machines) with cgroup v2 and the guest's
# own Docker: the Docker Desktop case for real, another kernel reached over TCP. The guest has no
# way out (user networking with restrict=on); only 127.0.0.1 ports of this host reach it.
#
#   scripts/rig-vm.sh start DIR   boot it; writes DIR/env (DOCKER_HOST=tcp://127.0.0.1:PORT,
#                                 RIG_SSH_PORT, RIG_SSH_KEY, RIG_GUEST_LAB, RIG_GUEST_NODE) and
#                                 DIR/pid (the qemu PID it started); waits until dockerd answers
#   scripts/rig-vm.sh stop DIR    stop the qemu DIR/pid names, and remove DIR
#   scripts/rig-vm.sh image       build the cached image only (prints its path)
#   scripts/rig-vm.sh ssh DIR CMD run a command in the guest as root
#
# The image is built once per recipe with mmdebstrap from this host's own apt mirror and kept in
# ZOMBIE_LAB_VM_CACHE (default /var/cache/zombie-lab/vm) as <recipe hash>.{img,vmlinuz,initrd};
# the guest boots it with -snapshot, so it is never changed. The checkout this script belongs to
# is shared read-only over 9p (/mnt/lab in the guest), and a copy of this host's node (/mnt/rig/node).
set -euo pipefail

log() { printf 'rig-vm: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

here=$(cd "$(dirname "$0")/.." && pwd)
cache=${ZOMBIE_LAB_VM_CACHE:-/var/cache/zombie-lab/vm}
boot_timeout=${ZOMBIE_LAB_VM_BOOT_TIMEOUT:-600}
mem_mb=${ZOMBIE_LAB_VM_MEM_MB:-3072}
# Two vCPUs: multi-threaded TCG gives each its own host thread. Under emulation a guest with one
# vCPU starved so badly that a docker stop of dumb-init took 49 s (1.2 s with two, measured).
smp=${ZOMBIE_LAB_VM_SMP:-2}

# ---- the recipe: everything below up to "end of recipe" is hashed into the image's name ----
suite_candidates="trixie bookworm"
packages="systemd,systemd-sysv,udev,dbus,kmod,linux-image-amd64,initramfs-tools,docker.io,ca-certificates,iproute2,procps,python3,openssh-server,podman,uidmap,catatonit,dbus-user-session"

# Runs with the image's root directory as $1 (mmdebstrap's customize hook).
guest_setup() {
  local r=$1
  echo zombie-vm >"$r/etc/hostname"
  printf '127.0.0.1 localhost zombie-vm\n' >"$r/etc/hosts"
  # No root line: the kernel mounts it rw (root=/dev/vda rw), and systemd need not wait for udev to
  # announce /dev/vda before going on (a TCG boot spends a minute there).
  : >"$r/etc/fstab"
  # The 9p shares, when the rig offers them (nofail: the guest boots without them too).
  mkdir -p "$r/mnt/lab" "$r/mnt/rig"
  for tag in lab rig; do
    printf '%s /mnt/%s 9p trans=virtio,version=9p2000.L,ro,nofail,x-systemd.device-timeout=5s 0 0\n' "$tag" "$tag" >>"$r/etc/fstab"
  done
  # A fixed address on qemu's user network (net.ifnames=0 names the NIC eth0): no DHCP to wait for.
  cat >"$r/etc/systemd/system/lab-net.service" <<'EOF'
[Unit]
Description=static address on the rig's user network
Before=network.target docker.service ssh.service
Wants=network.target
[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/sbin/ip link set lo up
ExecStart=/usr/sbin/ip link set eth0 up
ExecStart=/usr/sbin/ip addr add 10.0.2.15/24 dev eth0
ExecStart=/usr/sbin/ip route add default via 10.0.2.2
[Install]
WantedBy=multi-user.target
EOF
  mkdir -p "$r/etc/systemd/system/multi-user.target.wants"
  ln -sf /etc/systemd/system/lab-net.service "$r/etc/systemd/system/multi-user.target.wants/lab-net.service"
  # dockerd on TCP inside the guest (the host reaches it only through qemu's hostfwd on 127.0.0.1).
  mkdir -p "$r/etc/systemd/system/docker.service.d"
  cat >"$r/etc/systemd/system/docker.service.d/tcp.conf" <<'EOF'
[Service]
ExecStart=
ExecStart=/usr/sbin/dockerd -H fd:// -H tcp://0.0.0.0:2375 --tls=false --containerd=/run/containerd/containerd.sock
EOF
  # Rootless Podman as user zl (uid 1000, a subordinate ID range of its own), started at boot by
  # the user's systemd (lingering) on TCP inside the guest: on cgroup v2 systemd delegates the
  # pids controller to the user, so a PID limit holds there (the case cgroup v1 cannot give).
  chroot "$r" useradd --create-home --uid 1000 --shell /bin/bash zl
  printf 'zl:100000:65536\n' >"$r/etc/subuid"
  printf 'zl:100000:65536\n' >"$r/etc/subgid"
  mkdir -p "$r/var/lib/systemd/linger" && touch "$r/var/lib/systemd/linger/zl"
  mkdir -p "$r/home/zl/.config/systemd/user/default.target.wants"
  cat >"$r/home/zl/.config/systemd/user/podman-tcp.service" <<'EOF'
[Unit]
Description=rootless Podman's API on TCP for the rig
[Service]
ExecStart=/usr/bin/podman system service --time=0 tcp://0.0.0.0:2376
# Once seen to end mid-run (CI, compare with the sidecar): back at once, so one crash fails one
# test and not every test after it; the test prints this unit's journal when one fails.
Restart=always
RestartSec=1
[Install]
WantedBy=default.target
EOF
  ln -sf ../podman-tcp.service "$r/home/zl/.config/systemd/user/default.target.wants/podman-tcp.service"
  chroot "$r" chown -R zl:zl /home/zl
  # ssh for the rig's own commands: root with the key the rig puts in its 9p share, nothing else.
  mkdir -p "$r/etc/ssh/sshd_config.d"
  cat >"$r/etc/ssh/sshd_config.d/rig.conf" <<'EOF'
PermitRootLogin prohibit-password
PasswordAuthentication no
AuthorizedKeysFile /mnt/rig/authorized_keys
StrictModes no
UseDNS no
EOF
  # What a TCG boot need not spend its time on.
  for u in apt-daily.timer apt-daily-upgrade.timer man-db.timer e2scrub_all.timer fstrim.timer \
    e2scrub_reap.service systemd-timesyncd.service getty@tty1.service \
    modprobe@drm.service modprobe@efi_pstore.service modprobe@fuse.service systemd-journal-flush.service; do
    ln -sf /dev/null "$r/etc/systemd/system/$u"
  done
  # A root shell on the serial console, for debugging a boot by hand.
  mkdir -p "$r/etc/systemd/system/serial-getty@ttyS0.service.d"
  printf '[Service]\nExecStart=\nExecStart=-/sbin/agetty --autologin root --keep-baud 115200 %%I $TERM\n' \
    >"$r/etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf"
  mkdir -p "$r/etc/systemd/journald.conf.d"
  printf '[Journal]\nStorage=volatile\n' >"$r/etc/systemd/journald.conf.d/volatile.conf"
  # A small initrd (the modules this VM boots from, not "most"): less for TCG to unpack.
  printf 'virtio_pci\nvirtio_blk\nvirtio_net\next4\n9p\n9pnet_virtio\n' >>"$r/etc/initramfs-tools/modules"
  sed -i 's/^MODULES=.*/MODULES=list/' "$r/etc/initramfs-tools/initramfs.conf"
  chroot "$r" update-initramfs -u -k all >/dev/null
  rm -f "$r/etc/machine-id" && touch "$r/etc/machine-id"
}
# ---- end of recipe ----

recipe_hash() {
  { printf '%s\n%s\n' "$suite_candidates" "$packages"; declare -f guest_setup; } | sha256sum | cut -c1-16
}

# This host's Debian mirror, as its own apt sources name it (deb822 first, then one-line format).
host_mirror() {
  local m=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    m=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$m" ] && [ -f /etc/apt/sources.list ]; then
    m=$(awk '$1 == "deb" && $2 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list)
  fi
  [ -n "$m" ] || die "no Debian mirror found in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list"
  printf '%s\n' "$m"
}

need_packages() {
  local missing=()
  command -v qemu-system-x86_64 >/dev/null || missing+=(qemu-system-x86)
  command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  command -v mke2fs >/dev/null || missing+=(e2fsprogs)
  command -v ssh >/dev/null || missing+=(openssh-client)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } ||
    die "could not install ${missing[*]}"
}

# Builds the image if this recipe has none yet; prints the path prefix (<cache>/<hash>).
image() {
  local h base
  h=$(recipe_hash)
  base="$cache/$h"
  if [ -f "$base.img" ] && [ -f "$base.vmlinuz" ] && [ -f "$base.initrd" ]; then
    printf '%s\n' "$base"
    return 0
  fi
  mkdir -p "$cache"
  # One build at a time on this machine; a second caller waits and then finds the image.
  exec 9>"$cache/.build.lock"
  flock 9
  if [ -f "$base.img" ]; then
    flock -u 9
    printf '%s\n' "$base"
    return 0
  fi
  local mirror work suite="" started
  mirror=$(host_mirror)
  work=$(mktemp -d "$cache/.build-$h.XXXXXX")
  started=$(date +%s)
  # mmdebstrap runs hooks with sh: hand it the function as a bash script.
  { declare -f guest_setup; echo 'guest_setup "$1"'; } >"$work/setup.sh"
  for s in $suite_candidates; do
    log "building the VM image (Debian $s, recipe $h); takes a few minutes once"
    rm -rf "$work/root"
    if mmdebstrap --quiet --variant=apt --components=main --include="$packages" \
      --customize-hook="bash $work/setup.sh \"\$1\"" "$s" "$work/root" "$mirror" >"$work/mmdebstrap.log" 2>&1; then
      suite=$s
      break
    fi
    log "Debian $s did not build from $mirror: $(tail -n 3 "$work/mmdebstrap.log" | tr '\n' ' ')"
  done
  [ -n "$suite" ] || { rm -rf "$work"; die "no VM image could be built"; }
  cp "$(ls "$work"/root/boot/vmlinuz-* | sort -V | tail -n 1)" "$work/vmlinuz"
  cp "$(ls "$work"/root/boot/initrd.img-* | sort -V | tail -n 1)" "$work/initrd"
  echo "$suite" >"$work/suite"
  # Room for the lab's images and 20,000 zombies' worth of /var/lib/docker (the file is sparse).
  mke2fs -q -t ext4 -L zombie-vm -d "$work/root" "$work/img" 6G >&2
  mv "$work/vmlinuz" "$base.vmlinuz"
  mv "$work/initrd" "$base.initrd"
  mv "$work/suite" "$base.suite"
  mv "$work/img" "$base.img"
  rm -rf "$work"
  # Images of older recipes are never booted again: 6 GB (sparse) each.
  find "$cache" -maxdepth 1 -type f \( -name '*.img' -o -name '*.vmlinuz' -o -name '*.initrd' -o -name '*.suite' \) ! -name "$h.*" -delete
  flock -u 9
  log "image ready in $(($(date +%s) - started)) s: $base.img (Debian $suite)"
  printf '%s\n' "$base"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null ||
    node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

ssh_guest() {
  # shellcheck disable=SC1091
  . "$dir/env"
  ssh -q -i "$RIG_SSH_KEY" -p "$RIG_SSH_PORT" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o BatchMode=yes -o ConnectTimeout=30 -o ServerAliveInterval=15 root@127.0.0.1 "$@"
}

stop() {
  [ -f "$dir/pid" ] || { log "nothing to stop in $dir (no pid file of ours)"; rm -rf "$dir"; return 0; }
  local pid
  pid=$(cat "$dir/pid")
  # Only the qemu this script started: its command line names this rig's directory.
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$dir/"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { log "qemu $pid did not stop in 10 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -rf "$dir"
  log "stopped"
}

start() {
  [ ! -e "$dir/pid" ] || die "$dir/pid exists: stop that rig first ($0 stop $dir)"
  need_packages
  local base docker_port ssh_port podman_port node_bin
  base=$(image)
  mkdir -p "$dir/share"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh_key" >/dev/null
  cp "$dir/ssh_key.pub" "$dir/share/authorized_keys"
  # This host's node, for running the lab inside the guest (shared read-only with the rig's key).
  node_bin=$(readlink -f "$(command -v node)")
  cp "$node_bin" "$dir/share/node"
  docker_port=$(free_port)
  ssh_port=$(free_port)
  podman_port=$(free_port)
  # TCG (multi-threaded, a host thread per vCPU), no display, the disk never
  # written (-snapshot: changes go to a temporary file that goes with qemu). On a loaded host a
  # TCG boot crawls: no unit may time out or be killed by its watchdog (journald was, at load 10).
  setsid qemu-system-x86_64 -name "zombie-lab-rig-vm,debug-threads=off" -machine q35 -accel tcg,thread=multi -cpu max -smp "$smp" -m "$mem_mb" \
    -nodefaults -display none -no-user-config \
    -kernel "$base.vmlinuz" -initrd "$base.initrd" \
    -append "root=/dev/vda rw console=ttyS0 net.ifnames=0 systemd.unified_cgroup_hierarchy=1 loglevel=4 systemd.show_status=0 systemd.default_timeout_start_sec=infinity systemd.service_watchdogs=0" \
    -drive "file=$base.img,if=virtio,format=raw,snapshot=on" \
    -netdev "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:$docker_port-:2375,hostfwd=tcp:127.0.0.1:$ssh_port-:22,hostfwd=tcp:127.0.0.1:$podman_port-:2376" \
    -device virtio-net-pci,netdev=n0 \
    -virtfs "local,path=$here,mount_tag=lab,security_model=none,readonly=on,id=lab" \
    -virtfs "local,path=$dir/share,mount_tag=rig,security_model=none,readonly=on,id=rig" \
    -serial "file:$dir/console.log" \
    </dev/null >"$dir/qemu.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/pid"
  {
    printf 'DOCKER_HOST=tcp://127.0.0.1:%s\n' "$docker_port"
    printf 'RIG_SSH_PORT=%s\nRIG_SSH_KEY=%s\n' "$ssh_port" "$dir/ssh_key"
    printf 'RIG_GUEST_LAB=/mnt/lab\nRIG_GUEST_NODE=/mnt/rig/node\n'
    # Rootless Podman in the guest (user zl): it may answer a little after dockerd.
    printf 'RIG_ROOTLESS_PODMAN_HOST=tcp://127.0.0.1:%s\n' "$podman_port"
    printf 'RIG_GUEST_SUITE=%s\n' "$(cat "$base.suite" 2>/dev/null || echo unknown)"
  } >"$dir/env"
  local t0
  t0=$(date +%s)
  while [ $(($(date +%s) - t0)) -lt "$boot_timeout" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$dir/qemu.log" "$dir/console.log" >&2 || true
      stop
      die "qemu exited at start"
    fi
    if curl -fsS --max-time 5 "http://127.0.0.1:$docker_port/_ping" >/dev/null 2>&1; then
      log "guest dockerd answers at tcp://127.0.0.1:$docker_port after $(($(date +%s) - t0)) s (qemu PID $pid, ssh port $ssh_port)"
      return 0
    fi
    sleep 2
  done
  tail -n 30 "$dir/console.log" >&2 || true
  stop
  die "the guest's dockerd did not answer within $boot_timeout s"
}

cmd=${1:-}
dir=${2:-}
case "$cmd" in
  image)
    [ "$(id -u)" -eq 0 ] || die "must run as root (mmdebstrap)"
    need_packages
    image
    ;;
  start | stop | ssh)
    [ -n "$dir" ] || die "usage: $0 start|stop|ssh DIR"
    dir=$(realpath -m "$dir")
    case "$cmd" in
      start) start ;;
      stop) stop ;;
      ssh) shift 2; ssh_guest "$@" ;;
    esac
    ;;
  *) die "usage: $0 start|stop DIR | image | ssh DIR CMD…" ;;
esac
